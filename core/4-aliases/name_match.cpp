#include "4-aliases/name_match.h"

#include <algorithm>
#include <vector>

#include "4-aliases/nicknames.h"

namespace annotator {

double jaroWinkler(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) return a == b ? 1.0 : 0.0;
    const size_t window = std::max<size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
    // Which letters of a, then of b, matched: scratch reused from call to call, since this
    // runs for every pair of words compared.
    thread_local std::vector<char> marks;
    marks.assign(a.size() + b.size(), 0);
    char* matchedA = marks.data();
    char* matchedB = marks.data() + a.size();
    size_t matches = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        const size_t from = i > window ? i - window : 0, to = std::min(b.size(), i + window + 1);
        for (size_t j = from; j < to; ++j) {
            if (!matchedB[j] && a[i] == b[j]) {
                matchedA[i] = matchedB[j] = 1;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0) return 0;
    size_t transpositions = 0;
    for (size_t i = 0, j = 0; i < a.size(); ++i) {
        if (!matchedA[i]) continue;
        while (!matchedB[j]) ++j;
        transpositions += a[i] != b[j++];
    }
    const double m = static_cast<double>(matches);
    const double jaro = (m / a.size() + m / b.size() + (m - transpositions / 2.0) / m) / 3.0;
    size_t prefix = 0;
    while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    return jaro + prefix * 0.1 * (1 - jaro);
}

namespace {

constexpr double kWordMatch = 0.85;  // below this, two words are not the same word

bool nicknames(const NameWord& a, const NameWord& b) { return a.givenName && b.givenName && areNicknames(*a.givenName, *b.givenName); }

// Two words (or parts) and their spelling keys.
double spellingSimilarity(std::string_view a, std::string_view keyA, std::string_view b, std::string_view keyB) {
    if (a == b) return 1.0;
    const double spelling = jaroWinkler(a, b);
    const double key = keyA == keyB ? 0.95 : 0.95 * jaroWinkler(keyA, keyB);
    return std::max(spelling, key);
}

double wordSimilarity(const NameWord& a, const NameWord& b) {
    if (a.initial || b.initial) return a.folded[0] == b.folded[0] ? 0.9 : 0.0;
    if (a.folded == b.folded) return 1.0;
    if (nicknames(a, b)) return 0.9;
    // Hyphenated words in as many parts match part by part: Jong-un is not Jong-il,
    // though the two spellings are alike.
    if (!a.parts.empty() && a.parts.size() == b.parts.size()) {
        double worst = 1.0;
        for (size_t i = 0; i < a.parts.size(); ++i) {
            worst = std::min(worst, spellingSimilarity(a.parts[i], a.partKeys[i], b.parts[i], b.partKeys[i]));
        }
        return worst;
    }
    return std::max(spellingSimilarity(a.folded, a.key, b.folded, b.key), a.key == b.key ? 0.95 : 0.0);
}

// A word rare enough to tell a person by: long and not a common given name or family name.
bool isDistinctive(const NameWord& word) {
    return word.folded.size() >= 6 && word.parts.empty() && !word.givenName;
}

// Names of two or three words, one of them a short syllable spelt two ways, the others the
// same and distinctive: romanisations of one name (Xi Jinping / Shi Jinping).
bool isSyllableVariant(const PersonName& a, const PersonName& b) {
    if (a.words.size() != b.words.size() || a.words.size() < 2 || a.words.size() > 3) return false;
    size_t differing = 0;
    bool distinctive = false;
    for (size_t i = 0; i < a.words.size(); ++i) {
        const NameWord &x = a.words[i], &y = b.words[i];
        if (x.folded == y.folded) {
            distinctive = distinctive || isDistinctive(x);
            continue;
        }
        if (++differing > 1 || x.initial || y.initial || x.folded.size() > 3 || y.folded.size() > 3) return false;
        if (x.folded.back() != y.folded.back()) return false;
    }
    return distinctive;
}

}  // namespace

namespace {

// A name alone ("Lavrov", "Ri", "Kiir") is a family name: written last or, in East Asian
// order, first; less often a middle word (Salva Kiir Mayardit).
double familyNameSimilarity(const NameWord& only, const PersonName& full) {
    if (only.initial) return 0;
    double best = std::max(wordSimilarity(only, full.words.back()), wordSimilarity(only, full.words.front()));
    for (size_t i = 1; i + 1 < full.words.size(); ++i) best = std::max(best, 0.95 * wordSimilarity(only, full.words[i]));
    return best;
}

// How alike `word` is to `longer`'s word `at`, or to it and the next written as one
// ("Yong-ho" / "Yong Ho"); `end` is set past the words it took. A hyphenated word whose
// first part is the word at `at` always takes the next too: "Jong-un" is "Jong Un", never
// "Jong" followed by something else.
double wordMatchAt(const NameWord& word, const PersonName& longer, size_t at, size_t& end) {
    double similarity = wordSimilarity(word, longer.words[at]);
    end = at + 1;
    if (at + 1 < longer.words.size() && !word.initial && !longer.words[at].initial) {
        const double asOne = wordSimilarity(word, longer.joined[at]);
        const bool syllables = word.parts.size() == 2 &&
                               spellingSimilarity(word.parts[0], word.partKeys[0], longer.words[at].folded, longer.words[at].key) >= kWordMatch;
        if (asOne > similarity || syllables) similarity = asOne, end = at + 2;
    }
    return similarity;
}

// The best match of `word` in `longer` from word `from` on; `end` is set past it.
double bestWordMatch(const NameWord& word, const PersonName& longer, size_t from, size_t& end) {
    double best = 0;
    end = from;
    for (size_t j = from; j < longer.words.size(); ++j) {
        size_t taken = 0;
        if (const double similarity = wordMatchAt(word, longer, j, taken); similarity > best) best = similarity, end = taken;
    }
    return best;
}

// The other words of `shorter` after its given name, matched in order after `from` in
// `longer` (which may have more: a middle name, a second family name); else in any order
// (Teodoro Nguema Obiang / Teodoro Obiang Nguema), a little less alike. -1 if one fails.
double restSimilarity(const PersonName& shorter, const PersonName& longer, size_t from) {
    double total = 0;
    size_t next = from;
    bool inOrder = true;
    for (size_t i = 1; i < shorter.words.size() && inOrder; ++i) {
        size_t end = 0;
        const double best = bestWordMatch(shorter.words[i], longer, next, end);
        if (best < kWordMatch) inOrder = false;
        total += best;
        next = end;
    }
    // Out of order is a question only from three words on (two are searched through above).
    if (inOrder || shorter.words.size() < 3) return inOrder ? total : -1;
    std::vector<bool> used(longer.words.size(), false);
    std::fill(used.begin(), used.begin() + from, true);
    total = 0;
    for (size_t i = 1; i < shorter.words.size(); ++i) {
        double best = 0;
        size_t at = 0;
        for (size_t j = 0; j < longer.words.size(); ++j) {
            if (used[j]) continue;
            if (const double similarity = wordSimilarity(shorter.words[i], longer.words[j]); similarity > best) best = similarity, at = j;
        }
        if (best < kWordMatch) return -1;
        used[at] = true;
        total += 0.97 * best;
    }
    return total;
}

// How alike the names are, `shorter` having no more words than `longer`.
double similarityOfShorter(const PersonName& shorter, const PersonName& longer) {
    if (shorter.words.empty()) return 0;
    if (shorter.words.size() == 1) return familyNameSimilarity(shorter.words[0], longer);
    if (isSyllableVariant(shorter, longer)) return kSameNameThreshold + 0.01;
    // Given names: the first words (the first two written as one: Abubakar / Abou Bakar).
    // Two written in full that differ make two people, unless the shorter name's given
    // name is the longer one's second (Vince Cable / John Vincent Cable).
    size_t givenEnd = 0;
    double given = wordMatchAt(shorter.words[0], longer, 0, givenEnd);
    if (given < kWordMatch && longer.words.size() > 2) {
        // Only a name written the same or as its nickname: a spelling variant of the
        // second word is too weak a sign.
        const NameWord &a = shorter.words[0], &b = longer.words[1];
        if (!a.initial && (a.folded == b.folded || nicknames(a, b))) given = 0.95 * wordSimilarity(a, b), givenEnd = 2;
    }
    if (given >= kWordMatch) {
        if (const double rest = restSimilarity(shorter, longer, givenEnd); rest >= 0) {
            return (given + rest) / static_cast<double>(shorter.words.size());
        }
    }
    // Family name first in one and last in the other (Radavidson Andriamparany).
    if (shorter.words.size() == 2 && longer.words.size() == 2) {
        const double swapped = std::min(wordSimilarity(shorter.words[0], longer.words[1]), wordSimilarity(shorter.words[1], longer.words[0]));
        if (swapped >= kWordMatch) return 0.95 * swapped;
    }
    return 0.5 * std::min(given, kWordMatch);
}

}  // namespace

double nameSimilarity(const PersonName& first, const PersonName& second) {
    if (first.words.size() < second.words.size()) return similarityOfShorter(first, second);
    if (second.words.size() < first.words.size()) return similarityOfShorter(second, first);
    return std::max(similarityOfShorter(first, second), similarityOfShorter(second, first));
}

}  // namespace annotator
