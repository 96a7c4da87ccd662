// Reading category lists in squidGuard's format (NET-1, NET-4, LAW-8):
// a folder holds one folder per category with up to three files,
//   domains      one domain a line; the entry matches it and every subdomain
//   urls         one host/path prefix a line
//   expressions  one regular expression a line (see expression_set.h)
// and any other file (usage, README, ...) is ignored. A category that is a
// symbolic link to a sibling folder — or, as in copies that lost their links,
// a small file holding just the sibling's name — is an alias: recorded as
// name -> target, its lists are not read twice.
//
// Lines: a line starting with "#" and an empty line are skipped; a CR before
// the LF is dropped; the entry is the line's first word (squidGuard reads a
// second word as a per-entry redirect, which inloco does not use, so it is
// ignored); a leading "+" is dropped. Domains are normalised like request
// hosts (url_normaliser.h: lower case, punycode, no trailing or leading dot,
// dotted-quad); url entries are normalised like request URLs and kept as
// url_key() (no scheme, www label or port; lower case). A line that cannot be
// read so is a problem, reported with its file and line and skipped:
//   - a domain that is not a valid host name or holds a "/" (a url entry in
//     the domains file),
//   - a url entry with a fragment ("#"), which browsers never send, so it
//     could never match,
//   - a "-" line (removals belong in squidGuard's .diff files),
//   - an expression Vectorscan cannot compile or that matches the empty
//     string.
// The library never prints: problems are returned.
//
// Several folders merge in order: a category of the same name in a later
// folder (the school's own lists) adds its entries to the earlier one's.
// Entries are de-duplicated within a category.
//
// Thread-safety: compile_lists is a pure function of the files it reads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"

namespace inloco::filter {

struct ListProblem {
  std::string file;
  int line = 0;  // 0: about the file or folder as a whole
  std::string message;
  std::string to_string() const;  // "FILE:LINE: message"
};

struct Category {
  std::string name;
  std::vector<std::string> domains;      // normalised hosts, sorted, unique
  std::vector<std::string> urls;         // url keys, sorted, unique
  std::vector<std::string> expressions;  // as written; each compiles
};

struct CategoryAlias {
  std::string name;    // e.g. "porn"
  std::string target;  // e.g. "adult"
};

struct CompiledLists {
  std::vector<Category> categories;  // sorted by name
  std::vector<CategoryAlias> aliases;
  std::vector<ListProblem> problems;
  size_t lines_read = 0;
  size_t domain_bytes = 0;  // bytes of the domains files read (the raw text)
};

// Called after each list file: bytes read so far, bytes of all list files,
// and the file just read. For a progress bar; may be empty.
using CompileProgress = std::function<void(uint64_t done, uint64_t total, const std::string&)>;

// Reads and merges the folders in order. Fails only when a folder cannot be
// read at all; bad lines become problems.
[[nodiscard]] Result<CompiledLists> compile_lists(std::span<const std::filesystem::path> folders,
                                                  const CompileProgress& progress = {});

}  // namespace inloco::filter
