// Data files compiled into the core: lexicons, rule tables and ICU data. The core runs
// where there is no file system (the page), so every file it reads is embedded at build
// time (cmake/embed.cmake) and looked up here by its path in the repository.
#pragma once

#include <string_view>

namespace annotator {

// The bytes of the embedded file at `path` (e.g. "core/2-tokens/abbreviations.tsv"), aligned to
// 16 bytes; empty if no such file was embedded.
std::string_view embeddedFile(std::string_view path);

}  // namespace annotator
