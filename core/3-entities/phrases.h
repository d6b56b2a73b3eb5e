// Lexicons of phrases (names of one or more words) and marking them in a sentence: for
// each token, the label of the longest phrase that covers it (B- at its first token, I-
// after). Phrases are keyed by their tokens joined with single spaces, as the tokenizer
// splits them ("People's" is "People 's"), and matched as written, or case-folded for a
// phrase written in capitals ("NORTH KOREA"). Matching stops as soon as no phrase starts
// with the words seen, so it stays linear in practice. Used by the tagger's features.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "string_index.h"

namespace annotator {

class PhraseLexicon {
public:
    // Adds a phrase as written (it is tokenized here) with its label.
    void add(std::string_view phrase, std::string_view label);
    size_t longest() const { return longest_; }
    // The label of a phrase given as its tokens joined by single spaces, or empty.
    std::string_view find(std::string_view phrase) const;

private:
    friend struct PhraseMatcher;
    // Each phrase and each start of a longer phrase ("North" of "North Korea"), as written
    // and case-folded: one lookup a word tells both whether a phrase ends there and
    // whether one goes on.
    struct Entry {
        std::string_view label;  // empty: only the start of longer phrases
        bool goesOn = false;     // some longer phrase starts with these words
    };
    StringMap<Entry> exact_, folded_;  // by the words joined by single spaces
    // The first words of all phrases (folded too): most tokens start none. A bit per hash
    // of a first word passes most tokens over with one hash and one bit test.
    std::vector<uint64_t> firstWordBits_ = std::vector<uint64_t>(kFilterBits / 64, 0);
    static constexpr size_t kFilterBits = size_t{1} << 17;
    void addFirstWord(std::string_view word);
    bool mayStartPhrase(std::string_view word) const;
    size_t longest_ = 1;
};

struct PhraseMark {
    std::string_view label;  // empty: no phrase covers the token
    bool begins = false;
};

// Marks the phrases of `lexicon` in the sentence into marks (indexed by document token).
void markPhrases(const Document& document, const Sentence& sentence, const PhraseLexicon& lexicon,
                 std::vector<PhraseMark>& marks);

}  // namespace annotator
