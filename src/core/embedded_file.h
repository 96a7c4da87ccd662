// Files compiled into the binary (migrations, page templates); see cmake/embed_files.cmake.
#pragma once

#include <span>
#include <string_view>

namespace inloco {

struct EmbeddedFile {
  std::string_view path;  // relative to its folder, e.g. "0001_foundation.sql"
  std::string_view content;
};

std::span<const EmbeddedFile> embedded_migrations();
std::span<const EmbeddedFile> embedded_templates();
std::span<const EmbeddedFile> embedded_policies();  // policies/*.toml: the shipped policy profiles
std::span<const EmbeddedFile> embedded_lexicons();  // lexicons/*.tsv: the text checker's term lists

}  // namespace inloco
