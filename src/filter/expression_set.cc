#include "filter/expression_set.h"

#include <hs/hs.h>

#include <algorithm>

#include "core/vectorscan_scratch.h"

namespace inloco::filter {

namespace {

constexpr unsigned kFlags = HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH;

std::string take_error(hs_compile_error_t* err) {
  std::string m = err && err->message ? err->message : "unknown error";
  if (err) hs_free_compile_error(err);
  return m;
}

int on_match(unsigned id, unsigned long long, unsigned long long, unsigned, void* ctx) {
  static_cast<std::vector<uint32_t>*>(ctx)->push_back(id);
  return 0;
}

}  // namespace

struct ExpressionSet::Impl {
  hs_database_t* db = nullptr;  // owned; freed below
  VectorscanScratchPool scratch;

  ~Impl() {
    if (db) hs_free_database(db);
  }
};

ExpressionSet::ExpressionSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ExpressionSet::~ExpressionSet() = default;

bool ExpressionSet::empty() const { return impl_->db == nullptr; }

Status ExpressionSet::check(std::string_view expression) {
  std::string text(expression);
  if (text.empty()) return Error::invalid("The expression is empty.");
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile(text.c_str(), kFlags, HS_MODE_BLOCK, nullptr, &db, &err) != HS_SUCCESS)
    return Error::invalid("Vectorscan cannot compile this expression: " + take_error(err) + ".");
  hs_free_database(db);
  return ok_status();
}

Result<std::unique_ptr<ExpressionSet>> ExpressionSet::compile(
    const std::vector<std::string>& expressions) {
  auto impl = std::make_unique<Impl>();
  if (!expressions.empty()) {
    std::vector<const char*> exprs;
    std::vector<unsigned> flags(expressions.size(), kFlags);
    std::vector<unsigned> ids;
    for (size_t i = 0; i < expressions.size(); ++i) {
      exprs.push_back(expressions[i].c_str());
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(exprs.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &impl->db,
                         &err) != HS_SUCCESS)
      return Error::invalid("Vectorscan cannot compile the expressions: " + take_error(err) + ".");
    TRY(impl->scratch.serve(impl->db));
  }
  return std::unique_ptr<ExpressionSet>(new ExpressionSet(std::move(impl)));
}

Result<std::unique_ptr<ExpressionSet>> ExpressionSet::deserialize(std::string_view bytes) {
  auto impl = std::make_unique<Impl>();
  if (!bytes.empty()) {
    if (hs_deserialize_database(bytes.data(), bytes.size(), &impl->db) != HS_SUCCESS) {
      impl->db = nullptr;
      return Error::invalid("The stored expression database does not suit this machine.");
    }
    TRY(impl->scratch.serve(impl->db));
  }
  return std::unique_ptr<ExpressionSet>(new ExpressionSet(std::move(impl)));
}

Result<std::string> ExpressionSet::serialize() const {
  if (!impl_->db) return std::string();
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(impl_->db, &bytes, &length) != HS_SUCCESS)
    return Error::internal("Vectorscan could not serialise the expression database.");
  std::string out(bytes, length);
  free(bytes);  // allocated by Vectorscan's default allocator (malloc)
  return out;
}

std::vector<uint32_t> ExpressionSet::scan(std::string_view subject) const {
  std::vector<uint32_t> ids;
  if (!impl_->db) return ids;
  {
    auto scratch = impl_->scratch.borrow();
    if (!scratch.ok()) return ids;
    hs_scan(impl_->db, subject.data(), static_cast<unsigned>(subject.size()), 0, scratch->get(),
            on_match, &ids);
  }  // the scratch goes back to the pool
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace inloco::filter
