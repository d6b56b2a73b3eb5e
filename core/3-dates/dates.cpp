#include "3-dates/dates.h"

#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "3-dates/date_rules.h"
#include "3-dates/tense.h"

namespace annotator {
namespace {

// A dateline line holds a date and little else ("Published: April 10, 2018 14:30 GMT").
constexpr int kMaxDatelineWords = 6;
// Or it opens the first paragraph after a place in capitals ("MOSCOW, April 10, 2018 (Reuters) -").
constexpr uint32_t kMaxDatelineLead = 6;

bool isFullDate(const DateExpression& e) { return e.year && e.month && e.day; }

int wordsOutside(const Document& document, const Block& block, const DateMatch& match) {
    int words = 0;
    for (uint32_t i = block.firstToken; i < block.endToken; ++i) {
        if ((i < match.firstToken || i >= match.endToken) && document.tokens[i].kind == TokenKind::Word) ++words;
    }
    return words;
}

bool opensWithPlaceInCapitals(const Document& document, const Block& block, const DateMatch& match) {
    if (match.firstToken - block.firstToken > kMaxDatelineLead || match.firstToken == block.firstToken) return false;
    for (uint32_t i = block.firstToken; i < match.firstToken; ++i) {
        const std::string_view text = document.tokens[i].bytes.of(document.text);
        if (text == "," || text == "-" || text == "/") continue;
        for (size_t offset = 0; offset < text.size();) {
            const char32_t c = decodeUtf8(text, offset);
            if (isLetter(c) && !isUppercase(c)) return false;
        }
    }
    return true;
}

// The match that is the document's dateline: a full date in the lines before the first
// paragraph, or at the head of that paragraph.
std::optional<size_t> findDateline(Document& document, const std::vector<DateMatch>& matches) {
    for (size_t m = 0; m < matches.size(); ++m) {
        const DateMatch& match = matches[m];
        if (!isFullDate(match.expression)) continue;
        uint32_t b = 0;
        while (document.blocks[b].endToken <= match.firstToken) ++b;
        Block& block = document.blocks[b];
        if (block.role == BlockRole::Title) continue;
        if (block.role == BlockRole::Body) {
            return opensWithPlaceInCapitals(document, block, match) ? std::optional<size_t>(m) : std::nullopt;
        }
        if (wordsOutside(document, block, match) <= kMaxDatelineWords) {
            block.role = BlockRole::Dateline;
            return m;
        }
    }
    return std::nullopt;
}

}  // namespace

void findDates(Document& document, std::optional<CalendarDate> given, std::optional<CalendarDate> fallback) {
    std::vector<DateMatch> matches;
    std::vector<uint32_t> sentenceOf;
    for (uint32_t s = 0; s < document.sentences.size(); ++s) {
        for (DateMatch& match : matchDates(document, document.sentences[s])) {
            matches.push_back(std::move(match));
            sentenceOf.push_back(s);
        }
    }
    const std::optional<size_t> dateline = findDateline(document, matches);
    std::optional<CalendarDate> datelineDate;
    if (dateline) {
        const DateExpression& e = matches[*dateline].expression;
        datelineDate = CalendarDate{*e.year, *e.month, *e.day};
    }
    document.date = given ? given : datelineDate ? datelineDate : fallback;

    for (size_t m = 0; m < matches.size(); ++m) {
        const DateMatch& match = matches[m];
        const Tense tense = match.expression.isRelative()
                                ? tenseAround(document, document.sentences[sentenceOf[m]], match.firstToken, match.endToken)
                                : Tense::Past;
        Mention mention;
        mention.bytes = {document.tokens[match.firstToken].bytes.begin, document.tokens[match.endToken - 1].bytes.end};
        mention.firstToken = match.firstToken;
        mention.endToken = match.endToken;
        mention.type = match.expression.hasTime() ? MentionType::Time : MentionType::Date;
        mention.value = resolve(match.expression, document.date, tense);
        if (dateline && m == *dateline) document.dateline = mention.bytes;
        document.mentions.push_back(std::move(mention));
    }
}

std::string valueAgainst(const Document& document, const Mention& mention, CalendarDate reference) {
    for (const Sentence& sentence : document.sentences) {
        if (mention.firstToken < sentence.firstToken || mention.endToken > sentence.endToken) continue;
        for (const DateMatch& match : matchDates(document, sentence)) {
            if (match.firstToken != mention.firstToken || match.endToken != mention.endToken) continue;
            const Tense tense = match.expression.isRelative() ? tenseAround(document, sentence, match.firstToken, match.endToken) : Tense::Past;
            return resolve(match.expression, reference, tense);
        }
    }
    return {};
}

}  // namespace annotator
