#include "4-aliases/name_match.h"

#include <algorithm>
#include <vector>

namespace annotator {

double jaroWinkler(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) return a == b ? 1.0 : 0.0;
    const size_t window = std::max<size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
    std::vector<bool> matchedA(a.size()), matchedB(b.size());
    size_t matches = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        const size_t from = i > window ? i - window : 0, to = std::min(b.size(), i + window + 1);
        for (size_t j = from; j < to; ++j) {
            if (!matchedB[j] && a[i] == b[j]) {
                matchedA[i] = matchedB[j] = true;
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

double wordSimilarity(const NameWord& a, const NameWord& b) {
    if (a.initial || b.initial) return a.folded[0] == b.folded[0] ? 0.9 : 0.0;
    if (a.folded == b.folded) return 1.0;
    const double spelling = jaroWinkler(a.folded, b.folded);
    const double key = a.key == b.key ? 0.95 : 0.95 * jaroWinkler(a.key, b.key);
    return std::max(spelling, key);
}

constexpr double kWordMatch = 0.85;  // below this, two words are not the same word

}  // namespace

double nameSimilarity(const PersonName& first, const PersonName& second) {
    const PersonName& shorter = first.words.size() <= second.words.size() ? first : second;
    const PersonName& longer = &shorter == &first ? second : first;
    if (shorter.words.empty()) return 0;
    if (shorter.words.size() == 1) {
        // A name alone ("Lavrov", "Ri") is the family name, written last or, in East Asian
        // order, first.
        const NameWord& only = shorter.words[0];
        if (only.initial) return 0;
        return std::max(wordSimilarity(only, longer.words.back()), wordSimilarity(only, longer.words.front()));
    }
    // Given names: the first words. Two written in full that differ make two people.
    const double given = wordSimilarity(shorter.words[0], longer.words[0]);
    if (given < kWordMatch) return given * 0.5;
    // The other words in order, each to its best word after the one before; the longer
    // name may have more (a middle name, a second family name).
    double total = given;
    size_t from = 1;
    for (size_t i = 1; i < shorter.words.size(); ++i) {
        double best = 0;
        size_t bestAt = from;
        for (size_t j = from; j < longer.words.size(); ++j) {
            const double similarity = wordSimilarity(shorter.words[i], longer.words[j]);
            if (similarity > best) best = similarity, bestAt = j;
        }
        if (best < kWordMatch) return (total + best) / (i + 1) * 0.5;
        total += best;
        from = bestAt + 1;
    }
    return total / shorter.words.size();
}

}  // namespace annotator
