#include "3-dates/tense.h"

#include <cstdlib>
#include <optional>
#include <string>
#include <unordered_map>

#include "1-text/unicode.h"
#include "lexicon.h"

namespace annotator {
namespace {

// How far from a date its tense marker is looked for, in tokens on each side; news
// sentences rarely reach 100 tokens.
constexpr uint32_t kTenseReach = 256;

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
    auto word = [&](uint32_t i) -> std::string_view {
        return i >= sentence.firstToken && i < sentence.endToken ? foldedToken(document, i) : std::string_view();
    };
    auto lookup = [&](std::string_view text) -> const TenseWord* {
        const auto found = words.find(text);
        return found == words.end() ? nullptr : &found->second;
    };
    // The tense the word at `i` marks, if any.
    auto markedAt = [&](uint32_t i) -> std::optional<Tense> {
        const std::string_view text = word(i), previous = word(i - 1), next = word(i + 1);
        const TenseWord* entry = lookup(text);
        const TenseWord* before = lookup(previous);
        const bool afterBe = before && before->marker == Marker::Progressive;
        if (entry && entry->marker == Marker::Future && (!entry->needsTo || next == "to") && (!entry->needsBe || afterBe)) {
            return Tense::Future;
        }
        if (text.ends_with("'ll") || text.ends_with("’ll")) return Tense::Future;
        if (before && before->marker == Marker::Passive) return std::nullopt;  // "will be held": the participle belongs to the verb before it
        if (entry && entry->marker == Marker::Progressive && !text.empty() && next.ends_with("ing") && next.size() > 4) {
            return Tense::Future;  // "is meeting on Friday"
        }
        if (entry && entry->marker == Marker::Past) return Tense::Past;
        if (!entry && text.size() >= 4 && text.ends_with("ed") &&
            isLowercase(static_cast<unsigned char>(document.text[document.tokens[i].bytes.begin]))) {
            return Tense::Past;
        }
        return std::nullopt;
    };

    // The nearest marker on each side, looked for outwards and no further than
    // kTenseReach tokens, so that a sentence with no end (a 1 MB line) costs no more per
    // date than a real one. A marker before the mention at distance d counts as 2d, one
    // after it as 2d + 1: on a tie the marker before it wins.
    std::optional<Tense> before, after;
    long beforeDistance = 0, afterDistance = 0;
    for (uint32_t i = firstToken; i > sentence.firstToken && firstToken - i < kTenseReach;) {
        --i;
        if ((before = markedAt(i))) {
            beforeDistance = 2L * (firstToken - i);
            break;
        }
    }
    for (uint32_t i = endToken; i < sentence.endToken && i - endToken < kTenseReach; ++i) {
        if ((after = markedAt(i))) {
            afterDistance = 2L * (i - endToken + 1) + 1;
            break;
        }
    }
    if (before && (!after || beforeDistance < afterDistance)) return *before;
    return after.value_or(Tense::Past);
}

}  // namespace annotator
