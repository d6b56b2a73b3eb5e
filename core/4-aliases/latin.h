// Names in any script reduced to the lowercase Latin letters that name matching compares:
// accents dropped, Cyrillic and Greek transliterated by ICU with the rules of
// core/4-aliases/latin-letters.txt. "Сергей Лавров" → "sergei lavrov"; "Nuñez" → "nunez".
// Text in other scripts (Arabic, Chinese, Korean) keeps its letters, lowercased where they
// have case. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace annotator {

std::string latinLetters(std::string_view text);

// Whether the text has letters of a script other than Latin (a transliterated spelling).
bool hasNonLatinLetters(std::string_view text);

}  // namespace annotator
