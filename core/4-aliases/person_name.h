// Person names analysed for matching: titles dropped, particles set aside, every word
// written in Latin letters (latin.h) and reduced to a spelling key that transliteration
// variants share, initials marked, hyphenated words kept in their parts.
// "President Abbas El Fassi" → abbas fassi; "A. M. Hendropriyono" → a. m. hendropriyono.
// Thread-safe; the word table (core/4-aliases/name-words.tsv) is loaded once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annotator {

struct NameWord {
    std::string folded;  // in lowercase Latin letters (latin.h), without hyphens, apostrophes and periods
    std::string key;     // the spelling key (see spellingKey)
    std::vector<std::string> parts;  // the pieces between hyphens, when there are several ("jong", "un")
    std::vector<std::string> partKeys;  // the spelling key of each part
    bool initial = false;  // one letter, written as an initial or alone
    std::optional<uint32_t> givenName;  // its number in the nickname table, if it is a name there
};

struct PersonName {
    std::vector<NameWord> words;  // in written order, titles and particles left out
    // joined[i]: words i and i + 1 written as one, in two parts ("Yong Ho" read as
    // "Yong-ho"); made once here because matching tries them for every pair of names.
    std::vector<NameWord> joined;
};

PersonName analysePersonName(std::string_view name);

// Whether the case-folded word is a title or role written before a name ("president",
// "minister", "supreme", "mr."; name-words.tsv).
bool isTitleWord(std::string_view folded);

// A key that common romanisation variants of one word share: vowels after the first
// letter and doubled letters are simplified, and letter groups that spell one sound are
// merged (kh/k, ph/f, ou/u, ee/i, y/i, dh/d, th/t, q/k, g/k, w/v, j/y at a word start).
std::string spellingKey(std::string_view folded);

}  // namespace annotator
