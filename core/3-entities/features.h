// The features of the entity tagger: what it looks at for each token.
//
// Each feature is a template and a value ("lower[-1]=foreign minister"'s first part), hashed
// to a bucket of the model's weight table (feature hashing: no feature dictionary to ship).
// The templates (see features.cpp) look at the word and its neighbours, prefixes and
// suffixes, word shapes, capitalisation in context (sentence start, ALL-CAPS and Title-Case
// headlines), lexicons (demonyms, places and organisations, given names, common words), and
// the document: whether the word is written in lower case elsewhere in it, which tells a
// capitalised headline word ("Will Visit") from a name, and (second stage) how the first
// stage labelled it elsewhere.
// Thread-safe; one extractor per document.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "3-entities/phrases.h"
#include "document.h"

namespace annotator {

// Small words that Title Case leaves in lower case ("Calls for Stronger Ties on Visit").
bool isTitleCaseSmallWord(std::string_view foldedWord);

// Changes whenever the templates or the lexicons they read change, so that a model trained
// on other features is refused instead of silently misread. Each stage has its own.
uint32_t featureFingerprint(int stage);

// The tagger runs twice (two stages): the second pass also sees how the first labelled
// the same word elsewhere in the document ("Leicestershire" as a team all through a
// cricket report), which makes its decisions consistent across the document.
inline constexpr int kTaggerStages = 2;

class FeatureExtractor {
public:
    // Reads the document once for its document-level features.
    explicit FeatureExtractor(const Document& document);

    // The feature hashes of every token of the sentence, token by token (the first stage's
    // features; the second stage has these and more).
    void extract(const Sentence& sentence, std::vector<std::vector<uint64_t>>& features) const;

    // The same in two parts, for the tagger to weigh each spelling's own features once:
    // those of the token's spelling alone (the same for every token written so), and those
    // that look at its context. extract() gives both.
    void extractContext(const Sentence& sentence, std::vector<std::vector<uint64_t>>& features) const;
    void ownFeatures(uint32_t token, std::vector<uint64_t>& features) const;
    // The tokens' spellings, numbered from 0 in order of appearance, and the first token of each.
    uint32_t spellingOf(uint32_t token) const { return words_[token].spelling; }
    const std::vector<uint32_t>& spellings() const { return spellingFirstTokens_; }

    // For the second stage: the first stage's tag of every token of the document, then the
    // features that look at them, appended to the sentence's first-stage features.
    void setFirstPass(const std::vector<int>& tags);
    void appendSecondStage(const Sentence& sentence, std::vector<std::vector<uint64_t>>& features) const;

private:
    struct WordUse {
        bool lowerMidSentence = false;    // written in lower case inside a sentence
        bool capitalMidSentence = false;  // capitalised, not at a sentence start, not in a headline
    };
    // What features are made of, hashed once per token and mixed into many features.
    struct TokenParts {
        uint64_t text = 0, lower = 0, shape = 0;
        uint64_t prefix[3] = {}, suffix[3] = {};  // 2, 3, 4 bytes; 0 when the word is too short
        uint64_t demonym = 0, gazetteer = 0;     // phrase label and B/I, or "-"
        uint32_t word = 0;      // the id of the case-folded word in this document
        uint32_t spelling = 0;  // the id of the token's text in this document
        uint8_t sentenceKind = 0;
        bool capitalised = false, givenName = false, common = false;
    };
    std::vector<TokenParts> words_;    // per token
    std::vector<uint32_t> spellingFirstTokens_;  // per spelling id
    std::vector<WordUse> uses_;  // per word id
    std::vector<int> firstPass_;         // per token, when set
    // Per word id: how often the first stage gave each entity type, and O.
    std::vector<std::array<uint16_t, 6>> firstPassCounts_;
};

}  // namespace annotator
