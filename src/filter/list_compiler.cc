#include "filter/list_compiler.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

#include "filter/expression_set.h"
#include "filter/url_normaliser.h"

namespace inloco::filter {

namespace fs = std::filesystem;

std::string ListProblem::to_string() const {
  return file + ":" + std::to_string(line) + ": " + message;
}

namespace {

enum class ListKind { kDomains, kUrls, kExpressions };
constexpr const char* kListFiles[] = {"domains", "urls", "expressions"};

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = std::move(ss).str();
  return true;
}

bool valid_category_name(const std::string& name) {
  if (name.empty() || name.size() > 100 || name[0] == '.') return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'))
      return false;
  return true;
}

// A copy that lost its symbolic links keeps each link as a file holding the
// target's name; returns that name when `path` is such a file.
std::string alias_file_target(const fs::path& path, const fs::path& folder) {
  std::error_code ec;
  if (fs::file_size(path, ec) > 256 || ec) return {};
  std::string text;
  if (!read_file(path, text)) return {};
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.pop_back();
  if (!valid_category_name(text) || text == path.filename().string()) return {};
  if (!fs::is_directory(folder / text, ec)) return {};
  return text;
}

class Compiler {
 public:
  explicit Compiler(const CompileProgress& progress) : progress_(progress) {}

  Status add_folder(const fs::path& folder, uint64_t& done, uint64_t total) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (const auto& e : fs::directory_iterator(folder, ec)) entries.push_back(e);
    if (ec)
      return Error::not_found("Cannot read the list folder " + folder.string() + ": " +
                              ec.message() + ".");
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const auto& e : entries) {
      std::string name = e.path().filename().string();
      if (!valid_category_name(name)) continue;
      if (e.is_symlink(ec)) {
        fs::path target = fs::read_symlink(e.path(), ec);
        if (!ec && fs::is_directory(e.path(), ec)) {
          add_alias(name, target.filename().string(), e.path());
          continue;
        }
      }
      if (e.is_directory(ec)) {
        read_category(e.path(), name, done, total);
      } else if (e.is_regular_file(ec)) {
        std::string target = alias_file_target(e.path(), folder);
        if (!target.empty()) add_alias(name, target, e.path());
      }
    }
    return ok_status();
  }

  CompiledLists finish() {
    for (auto& [name, cat] : categories_) {
      for (auto* v : {&cat.domains, &cat.urls}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
      }
      // Expressions keep their order (first occurrence), without repeats.
      std::vector<std::string> unique;
      for (auto& x : cat.expressions)
        if (std::find(unique.begin(), unique.end(), x) == unique.end()) unique.push_back(x);
      cat.expressions = std::move(unique);
    }
    for (auto it = aliases_.begin(); it != aliases_.end();) {
      if (categories_.count(it->first)) {
        out_.problems.push_back({alias_files_[it->first], 0,
                                 "\"" + it->first + "\" is both a category and an alias of \"" +
                                     it->second + "\"; the alias is ignored."});
        it = aliases_.erase(it);
      } else if (!categories_.count(it->second)) {
        out_.problems.push_back({alias_files_[it->first], 0,
                                 "the alias \"" + it->first + "\" names \"" + it->second +
                                     "\", which is not a category; it is ignored."});
        it = aliases_.erase(it);
      } else {
        ++it;
      }
    }
    for (auto& [name, cat] : categories_) out_.categories.push_back(std::move(cat));
    for (auto& [name, target] : aliases_) out_.aliases.push_back({name, target});
    return std::move(out_);
  }

  static uint64_t list_bytes(const fs::path& folder) {
    uint64_t total = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, ec)) {
      if (e.is_symlink(ec) || !e.is_directory(ec)) continue;
      for (const char* f : kListFiles) {
        auto size = fs::file_size(e.path() / f, ec);
        if (!ec) total += size;
      }
    }
    return total;
  }

 private:
  void add_alias(const std::string& name, const std::string& target, const fs::path& where) {
    aliases_[name] = target;
    alias_files_[name] = where.string();
  }

  void read_category(const fs::path& dir, const std::string& name, uint64_t& done, uint64_t total) {
    Category& cat = categories_[name];
    cat.name = name;
    for (int k = 0; k < 3; ++k) {
      fs::path file = dir / kListFiles[k];
      std::error_code ec;
      if (!fs::exists(file, ec)) continue;
      std::string text;
      if (!read_file(file, text)) {
        out_.problems.push_back({file.string(), 0, "cannot be read; skipped."});
        continue;
      }
      if (k == 0) out_.domain_bytes += text.size();
      read_lines(text, file.string(), static_cast<ListKind>(k), cat);
      done += text.size();
      if (progress_) progress_(done, total, file.string());
    }
  }

  void problem(const std::string& file, int line, std::string message) {
    out_.problems.push_back({file, line, std::move(message)});
  }

  void read_lines(std::string_view text, const std::string& file, ListKind kind, Category& cat) {
    int line_no = 0;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(pos, end - pos);
      pos = end + 1;
      ++line_no;
      ++out_.lines_read;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line[0] == '#') continue;
      if (kind == ListKind::kExpressions) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        if (line.empty()) continue;
        std::string expr(line);
        Status s = ExpressionSet::check(expr);
        if (!s.ok()) {
          problem(file, line_no, s.error().message + " Skipped.");
          continue;
        }
        cat.expressions.push_back(std::move(expr));
        continue;
      }
      size_t start = line.find_first_not_of(" \t");
      if (start == std::string_view::npos) continue;
      line.remove_prefix(start);
      std::string_view word = line.substr(0, line.find_first_of(" \t"));
      if (word[0] == '-') {
        problem(file, line_no, "a removal (\"-\") belongs in a .diff file; skipped.");
        continue;
      }
      if (word[0] == '+') word.remove_prefix(1);
      if (kind == ListKind::kDomains)
        add_domain(word, file, line_no, cat);
      else
        add_url(word, file, line_no, cat);
    }
  }

  void add_domain(std::string_view word, const std::string& file, int line, Category& cat) {
    while (!word.empty() && word[0] == '.') word.remove_prefix(1);
    if (word.empty()) {
      problem(file, line, "an empty domain; skipped.");
      return;
    }
    if (word.find('/') != std::string_view::npos) {
      problem(file, line,
              "\"" + std::string(word.substr(0, 200)) +
                  "\" has a path: it belongs in the urls file; skipped.");
      return;
    }
    auto host = normalise_host(word);
    if (!host.ok()) {
      problem(file, line,
              "\"" + std::string(word.substr(0, 200)) +
                  "\" is not a domain: " + host.error().message + " Skipped.");
      return;
    }
    cat.domains.push_back(std::move(host).value());
  }

  void add_url(std::string_view word, const std::string& file, int line, Category& cat) {
    if (word.find('#') != std::string_view::npos) {
      problem(file, line,
              "\"" + std::string(word.substr(0, 200)) +
                  "\" has a fragment (#), which browsers never send, so it could "
                  "never match; skipped.");
      return;
    }
    auto url = normalise_url(word);
    if (!url.ok()) {
      problem(file, line,
              "\"" + std::string(word.substr(0, 200)) + "\" is not a URL: " + url.error().message +
                  " Skipped.");
      return;
    }
    cat.urls.push_back(url->url_key());
  }

  const CompileProgress& progress_;
  std::map<std::string, Category> categories_;
  std::map<std::string, std::string> aliases_;
  std::map<std::string, std::string> alias_files_;
  CompiledLists out_;
};

}  // namespace

Result<CompiledLists> compile_lists(std::span<const fs::path> folders,
                                    const CompileProgress& progress) {
  std::error_code ec;
  uint64_t total = 0;
  for (const auto& f : folders) {
    if (!fs::is_directory(f, ec))
      return Error::not_found("The list folder " + f.string() +
                              " does not exist or is not a folder.");
    total += Compiler::list_bytes(f);
  }
  Compiler c(progress);
  uint64_t done = 0;
  for (const auto& f : folders) TRY(c.add_folder(f, done, total));
  return c.finish();
}

}  // namespace inloco::filter
