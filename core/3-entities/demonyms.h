// The demonym lexicon (core/3-entities/demonyms.tsv): nationality and group words such as
// "Russian", "North Korean", "Shiite", with what they refer to. The tagger uses it as a
// feature, training relabels CoNLL's MISC demonyms as NORP with it, and the alias stage
// will link a NORP mention to the country it names. Thread-safe; loaded once.
#pragma once

#include <cstddef>
#include <string_view>

#include "3-entities/phrases.h"

namespace annotator {

struct Demonym {
    std::string_view kind;       // nationality, region, ethnic, religious, political
    std::string_view refersTo;   // "Russia", "Shia Islam", …
};

// The entry for a form written as in the text, words separated by single spaces.
const Demonym* findDemonym(std::string_view form);

// All forms, labelled NORP, for marking them in text.
const PhraseLexicon& demonymPhrases();

}  // namespace annotator
