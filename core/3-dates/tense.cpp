#include "3-dates/tense.h"

#include <cstdlib>
#include <unordered_map>

#include "1-text/unicode.h"
#include "lexicon.h"

namespace annotator {
namespace {

enum class Marker : uint8_t { Future, Past, Progressive, NotPast, Passive };

struct TenseWord {
    Marker marker;
    bool needsTo;  // counts only when "to" follows
    bool needsBe;  // and only after is/are/am
};

const std::unordered_map<std::string_view, TenseWord>& tenseWords() {
    static const auto words = [] {
        std::unordered_map<std::string_view, TenseWord> table;
        const std::unordered_map<std::string_view, Marker> kinds = {
            {"future", Marker::Future}, {"past", Marker::Past},       {"progressive", Marker::Progressive},
            {"notpast", Marker::NotPast}, {"passive", Marker::Passive}};
        for (const TableRow& row : readTable("core/3-dates/tense-words.tsv")) {
            const std::string_view condition = row.size() > 2 ? row[2] : "";
            if (row.size() >= 2) table[row[0]] = {kinds.at(row[1]), !condition.empty(), condition == "be-to"};
        }
        return table;
    }();
    return words;
}

}  // namespace

Tense tenseAround(const Document& document, const Sentence& sentence, uint32_t firstToken, uint32_t endToken) {
    const auto& words = tenseWords();
    std::vector<std::string> folded;
    for (uint32_t i = sentence.firstToken; i < sentence.endToken; ++i) {
        folded.push_back(foldCase(document.tokens[i].bytes.of(document.text)));
    }
    auto word = [&](uint32_t i) -> std::string_view {
        return i >= sentence.firstToken && i < sentence.endToken ? std::string_view(folded[i - sentence.firstToken]) : "";
    };
    auto lookup = [&](uint32_t i) -> const TenseWord* {
        const auto found = words.find(word(i));
        return found == words.end() ? nullptr : &found->second;
    };

    std::optional<Tense> best;
    long bestDistance = 0;
    for (uint32_t i = sentence.firstToken; i < sentence.endToken; ++i) {
        if (i >= firstToken && i < endToken) continue;
        const std::string_view text = word(i);
        const TenseWord* entry = lookup(i);
        std::optional<Tense> tense;
        const TenseWord* before = lookup(i - 1);
        const bool afterBe = before && before->marker == Marker::Progressive;
        if (entry && entry->marker == Marker::Future && (!entry->needsTo || word(i + 1) == "to") &&
            (!entry->needsBe || afterBe)) {
            tense = Tense::Future;
        } else if (text.ends_with("'ll") || text.ends_with("’ll")) {
            tense = Tense::Future;
        } else if (before && before->marker == Marker::Passive) {
            continue;  // "will be held": the participle belongs to the verb before it
        } else if (entry && entry->marker == Marker::Progressive && text.size() > 0 && word(i + 1).ends_with("ing") &&
                   word(i + 1).size() > 4) {
            tense = Tense::Future;  // "is meeting on Friday"
        } else if (entry && entry->marker == Marker::Past) {
            tense = Tense::Past;
        } else if (!entry && text.size() >= 4 && text.ends_with("ed") &&
                   isLowercase(static_cast<unsigned char>(document.text[document.tokens[i].bytes.begin]))) {
            tense = Tense::Past;
        }
        if (!tense) continue;
        // Distance to the mention; on a tie the marker before it wins.
        const long distance = i < firstToken ? 2L * (firstToken - i) : 2L * (i - endToken + 1) + 1;
        if (!best || distance < bestDistance) best = tense, bestDistance = distance;
    }
    return best.value_or(Tense::Past);
}

}  // namespace annotator
