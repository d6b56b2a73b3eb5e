#include "3-entities/phrases.h"

#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "2-tokens/tokenizer.h"

namespace annotator {
namespace {

bool hasLowercase(std::string_view text) {
    for (size_t offset = 0; offset < text.size();) {
        if (isLowercase(decodeUtf8(text, offset))) return true;
    }
    return false;
}

// FNV-1a: short words, a cheap hash for the first-word filter.
uint64_t wordHash(std::string_view word) {
    uint64_t hash = 0xcbf29ce484222325ull;
    for (const char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return hash;
}

}  // namespace

void PhraseLexicon::addFirstWord(std::string_view word) {
    const uint64_t bit = wordHash(word) % kFilterBits;
    firstWordBits_[bit / 64] |= uint64_t{1} << (bit % 64);
}

bool PhraseLexicon::mayStartPhrase(std::string_view word) const {
    const uint64_t bit = wordHash(word) % kFilterBits;
    return (firstWordBits_[bit / 64] >> (bit % 64)) & 1;
}

std::string_view PhraseLexicon::find(std::string_view phrase) const {
    const Entry* found = exact_.find(phrase);
    return found ? found->label : std::string_view();
}

void PhraseLexicon::add(std::string_view phrase, std::string_view label) {
    const std::vector<Token> tokens = tokenize(phrase);
    if (tokens.empty()) return;
    addFirstWord(tokens[0].bytes.of(phrase));
    addFirstWord(foldCase(tokens[0].bytes.of(phrase)));
    std::string key;
    for (const Token& token : tokens) {
        if (!key.empty()) {
            exact_[key].goesOn = true;
            folded_[foldCase(key)].goesOn = true;
            key += ' ';
        }
        key += token.bytes.of(phrase);
    }
    // The first label given a phrase stays.
    if (Entry& entry = exact_[key]; entry.label.empty()) entry.label = label;
    if (Entry& entry = folded_[foldCase(key)]; entry.label.empty()) entry.label = label;
    longest_ = std::max(longest_, tokens.size());
}

struct PhraseMatcher {
    // The label of the longest phrase starting at token `first`, and its end.
    static std::pair<std::string_view, uint32_t> longestAt(const Document& document, const Sentence& sentence,
                                                           const PhraseLexicon& lexicon, uint32_t first) {
        std::string_view label;
        uint32_t end = first;
        const std::string_view firstWord = document.tokens[first].bytes.of(document.text);
        const bool inCapitals = firstWord.size() >= 4 && !hasLowercase(firstWord);
        if (!lexicon.mayStartPhrase(firstWord) && !(inCapitals && lexicon.mayStartPhrase(foldCase(firstWord)))) return {label, end};
        std::string key;
        // Words in capitals (at least two letters, no lower case) may match case-folded.
        bool capitals = true;
        for (uint32_t i = first; i < sentence.endToken && i - first < lexicon.longest_; ++i) {
            const std::string_view word = document.tokens[i].bytes.of(document.text);
            if (i > first) key += ' ';
            key += word;
            capitals = capitals && !hasLowercase(word);
            const PhraseLexicon::Entry* exact = lexicon.exact_.find(key);
            const bool exactPhrase = exact && !exact->label.empty();
            if (exactPhrase) label = exact->label, end = i + 1;
            const bool exactGoesOn = exact && exact->goesOn;
            bool foldedGoesOn = false;
            if (capitals && key.size() >= 4) {
                if (const PhraseLexicon::Entry* folded = lexicon.folded_.find(foldCase(key))) {
                    if (!exactPhrase && !folded->label.empty()) label = folded->label, end = i + 1;
                    foldedGoesOn = folded->goesOn;
                }
            }
            if (!exactGoesOn && !foldedGoesOn) break;
        }
        return {label, end};
    }
};

void markPhrases(const Document& document, const Sentence& sentence, const PhraseLexicon& lexicon,
                 std::vector<PhraseMark>& marks) {
    for (uint32_t i = sentence.firstToken; i < sentence.endToken;) {
        const auto [label, end] = PhraseMatcher::longestAt(document, sentence, lexicon, i);
        if (end == i) {
            ++i;
            continue;
        }
        for (uint32_t k = i; k < end; ++k) marks[k] = {label, k == i};
        i = end;
    }
}

}  // namespace annotator
