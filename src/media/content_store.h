// Content-addressed files: the stored copy of each image lives at
// DIR/ab/abcdef... where abcdef... is the SHA-256 of its bytes in hex, so the
// same bytes are stored once and a file's name proves its content.
//
// A file is written to a temporary name in the same folder, flushed to disk,
// then renamed into place, so a reader never sees half a file and a failure
// leaves nothing behind. Thread-safe: concurrent writers of the same content
// each rename a complete copy over the other.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace inloco {

// kInvalid unless `sha256_hex` is 64 lowercase hex digits (so no path can
// escape `dir`).
Result<std::string> content_path(const std::string& dir, std::string_view sha256_hex);

struct StoredContent {
  std::string path;
  bool created = false;  // false when a complete copy was already there
};

// Writes `bytes` under their own SHA-256; kUnavailable when the folder cannot
// be written.
Result<StoredContent> write_content(const std::string& dir, std::string_view bytes);

// Writes `bytes` under a name the caller chose (64 lowercase hex digits): for
// content stored transformed, such as sealed evidence named by the SHA-256 of
// what was sealed. The same size already there counts as already stored.
Result<StoredContent> write_named_content(const std::string& dir, std::string_view name,
                                          std::string_view bytes);

// The bytes stored under `name`, unchecked; kNotFound when missing.
Result<std::string> read_named_content(const std::string& dir, std::string_view name);

// The bytes stored under `sha256_hex`; kNotFound when missing, kInternal when
// the file no longer matches its hash.
Result<std::string> read_content(const std::string& dir, std::string_view sha256_hex);

// Removes the file if it exists; for undoing a write whose record was not saved.
void remove_content(const std::string& dir, std::string_view sha256_hex);

}  // namespace inloco
