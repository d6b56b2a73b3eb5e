#include "3-dates/date_rules.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "lexicon.h"

namespace annotator {
namespace {

enum class WordClass : uint8_t {
    Month, Weekday, Unit, DayWord, PartOfDay, Season, Count, Ordinal, Modifier, Clock, Relative, Set, Counted,
    // Shapes, recognised from the token itself.
    Day, Year, Decade, Hour, Time, AmPm, Iso, Slash,
};

const std::unordered_map<std::string_view, WordClass> kClassNames = {
    {"month", WordClass::Month},     {"weekday", WordClass::Weekday},   {"unit", WordClass::Unit},
    {"dayword", WordClass::DayWord}, {"partofday", WordClass::PartOfDay}, {"season", WordClass::Season},
    {"count", WordClass::Count},     {"ordinal", WordClass::Ordinal},   {"modifier", WordClass::Modifier},
    {"clock", WordClass::Clock},     {"relative", WordClass::Relative}, {"set", WordClass::Set}, {"counted", WordClass::Counted},
    {"day", WordClass::Day},
    {"year", WordClass::Year},       {"decade", WordClass::Decade},     {"hour", WordClass::Hour},
    {"time", WordClass::Time},       {"ampm", WordClass::AmPm},         {"iso", WordClass::Iso},
    {"slash", WordClass::Slash},
};

struct DateWord {
    WordClass wordClass;
    std::string_view value;
    std::string_view extra;  // "short" for abbreviations; a part of day for "tonight"
};

struct Element {
    std::vector<std::string_view> words;  // a literal: any of these (case-folded)
    std::optional<WordClass> wordClass;   // or a word class
    bool optional = false;
    bool context = false;
};

struct Rule {
    std::string_view name;
    std::vector<Element> elements;
};

// A set of rules, by their index in Tables::rules.
using RuleSet = uint64_t;

struct Tables {
    std::unordered_map<std::string_view, DateWord> words;
    std::vector<Rule> rules;
    // The rules a token may start, by what the token is (see rulesStartingWith): its word
    // class, its shape, the word itself; and those that may match nothing at all.
    RuleSet startByClass[static_cast<int>(WordClass::Slash) + 1] = {};
    RuleSet startByShape = 0, startAlways = 0;
    std::unordered_map<std::string_view, RuleSet> startByWord;
};

// The classes told by the token's shape (digits), not only by the word list.
bool isShapeClass(WordClass wordClass) { return wordClass >= WordClass::Day || wordClass == WordClass::Count; }

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
        const size_t end = text.find(separator, start);
        if (end > start) parts.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return parts;
}

Rule parseRule(std::string_view name, std::string_view pattern) {
    Rule rule{name, {}};
    for (std::string_view item : split(pattern, ' ')) {
        Element element;
        if (item.size() > 1 && item.back() == '?') element.optional = true, item.remove_suffix(1);
        if (item.front() == '[' && item.back() == ']') element.context = true, item = item.substr(1, item.size() - 2);
        if (item.front() == '<' && item.back() == '>') {
            element.wordClass = kClassNames.at(item.substr(1, item.size() - 2));
        } else {
            element.words = split(item, '|');
        }
        rule.elements.push_back(std::move(element));
    }
    return rule;
}

const Tables& tables() {
    static const Tables loaded = [] {
        Tables tables;
        for (const TableRow& row : readTable("core/3-dates/date-words.tsv")) {
            if (row.size() < 3) continue;
            tables.words[row[0]] = {kClassNames.at(row[1]), row[2], row.size() > 3 ? row[3] : ""};
        }
        for (const TableRow& row : readTable("core/3-dates/date-rules.tsv")) {
            if (row.size() == 2) tables.rules.push_back(parseRule(row[0], row[1]));
        }
        // A match starts with a token that one of the rule's leading elements, up to the
        // first that must be there, takes. A RuleSet holds 64 rules: a 65th would never be
        // tried, and tests/dates/corpus.tsv, which exercises every rule, would say so.
        for (size_t r = 0; r < tables.rules.size() && r < 64; ++r) {
            const RuleSet rule = RuleSet{1} << r;
            bool required = false;
            for (const Element& element : tables.rules[r].elements) {
                if (!element.wordClass) {
                    for (const std::string_view word : element.words) tables.startByWord[word] |= rule;
                } else {
                    tables.startByClass[static_cast<int>(*element.wordClass)] |= rule;
                    if (isShapeClass(*element.wordClass)) tables.startByShape |= rule;
                }
                if (!element.optional) {
                    required = true;
                    break;
                }
            }
            if (!required) tables.startAlways |= rule;
        }
        return tables;
    }();
    return loaded;
}

std::optional<int> parseInt(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// What a matched element contributes; turned into a DateExpression once the rule matched.
struct Parts {
    DateExpression expression;
    std::optional<int> count, relative, dayOffset, ordinal;
    std::optional<Unit> unit;
    bool quarter = false, ago = false, shortForm = false, pm = false, am = false;
};

// A token as the rules see it: its case-folded text, the key it is matched by (without a
// "mid-" prefix: "mid-April" is April with a modifier), its lexicon entry, whether the key
// is capitalised, and which rules could start with it at all.
struct TokenView {
    std::string_view folded;
    std::string_view key;
    const DateWord* word = nullptr;
    bool capitalised = false;
    bool shaped = false;    // a digit in the key, or a.m./p.m.: what every shape class needs
    RuleSet starts = 0;     // the rules whose match may start here; most words start none
};

// Whether a shape class could take the key: every one needs a digit, but a.m./p.m.
bool isShaped(std::string_view key) {
    if (key.find_first_of("0123456789") != std::string_view::npos) return true;
    return key == "a.m." || key == "am" || key == "a.m" || key == "p.m." || key == "pm" || key == "p.m";
}

// The rules whose match may start with the token: never one left out that would match.
RuleSet rulesStartingWith(const TokenView& token, const Tables& tables) {
    RuleSet rules = tables.startAlways;
    if (token.word) rules |= tables.startByClass[static_cast<int>(token.word->wordClass)];
    if (token.shaped) rules |= tables.startByShape;
    if (const auto found = tables.startByWord.find(token.folded); found != tables.startByWord.end()) rules |= found->second;
    return rules;
}

class Matcher {
public:
    Matcher(const Document& document, const Sentence& sentence) {
        const Tables& lexicon = tables();
        tokens_.reserve(sentence.endToken - sentence.firstToken);
        for (uint32_t i = sentence.firstToken; i < sentence.endToken; ++i) {
            const std::string_view text = document.tokens[i].bytes.of(document.text);
            TokenView& view = tokens_.emplace_back();
            view.folded = foldedToken(document, i);
            const size_t prefix = view.folded.starts_with("mid-") ? 4 : 0;
            size_t offset = prefix;
            view.capitalised = offset < text.size() && isUppercase(decodeUtf8(text, offset));
            view.key = view.folded;
            if (view.key.starts_with("mid-")) view.key.remove_prefix(4);
            const auto found = lexicon.words.find(view.key);
            if (found != lexicon.words.end()) view.word = &found->second;
            view.shaped = isShaped(view.key);
            view.starts = rulesStartingWith(view, lexicon);
        }
    }

    // The longest match of any rule starting (context included) at token `at`.
    std::optional<DateMatch> longestAt(size_t at) const {
        std::optional<DateMatch> best;
        const std::vector<Rule>& rules = tables().rules;
        for (RuleSet left = tokens_[at].starts; left != 0; left &= left - 1) {
            const Rule& rule = rules[static_cast<size_t>(__builtin_ctzll(left))];
            Parts parts;
            size_t spanStart = at;
            const std::optional<size_t> end = match(rule, 0, at, parts, spanStart);
            if (!end || *end == spanStart) continue;
            std::optional<DateExpression> expression = interpret(parts);
            if (!expression) continue;
            // A comma or "the" that an optional element took is not part of the mention.
            while (spanStart < *end && (tokens_[spanStart].folded == "," || tokens_[spanStart].folded == "the")) {
                ++spanStart;
            }
            if (!best || *end - spanStart > best->endToken - best->firstToken) {
                best = DateMatch{static_cast<uint32_t>(spanStart), static_cast<uint32_t>(*end), *expression};
            }
        }
        return best;
    }

    size_t size() const { return tokens_.size(); }
    const TokenView& token(size_t i) const { return tokens_[i]; }

private:
    // Matches rule.elements[element…] from token `at`; returns the end token on success.
    std::optional<size_t> match(const Rule& rule, size_t element, size_t at, Parts& parts, size_t& spanStart) const {
        if (element == rule.elements.size()) return at;
        const Element& current = rule.elements[element];
        if (at < tokens_.size() && mayTake(current, tokens_[at])) {
            Parts tried = parts;
            if (accepts(current, tokens_[at], tried)) {
                size_t start = current.context ? at + 1 : spanStart;
                if (const auto end = match(rule, element + 1, at + 1, tried, start)) {
                    parts = tried;
                    spanStart = start;
                    return end;
                }
            }
        }
        if (current.optional) return match(rule, element + 1, at, parts, spanStart);
        return std::nullopt;
    }

    // Whether the element might take the token (never false when accepts() would be true):
    // a cheap test before the parts are copied for accepts() to fill.
    static bool mayTake(const Element& element, const TokenView& token) {
        if (!element.wordClass) return std::find(element.words.begin(), element.words.end(), token.folded) != element.words.end();
        return (token.word && token.word->wordClass == *element.wordClass) || (token.shaped && isShapeClass(*element.wordClass));
    }

    static bool accepts(const Element& element, const TokenView& token, Parts& parts) {
        if (!element.wordClass) {
            for (std::string_view word : element.words) {
                if (token.folded == word) {
                    if (word == "quarter") parts.quarter = true;
                    if (word == "ago") parts.ago = true;
                    return true;
                }
            }
            return false;
        }
        DateExpression& e = parts.expression;
        const WordClass wanted = *element.wordClass;
        if (token.word && token.word->wordClass == wanted) {
            const DateWord& word = *token.word;
            const std::optional<int> number = parseInt(word.value);
            switch (wanted) {
                case WordClass::Month:
                case WordClass::Weekday:
                    if (!token.capitalised) return false;  // "may", "march" are verbs
                    (wanted == WordClass::Month ? e.month : e.weekday) = number;
                    parts.shortForm = parts.shortForm || word.extra == "short";
                    return true;
                case WordClass::Unit:
                    parts.unit = word.value == "day"       ? Unit::Day
                                 : word.value == "week"    ? Unit::Week
                                 : word.value == "weekend" ? Unit::Weekend
                                 : word.value == "month"   ? Unit::Month
                                                           : Unit::Year;
                    return true;
                case WordClass::DayWord:
                    parts.dayOffset = number;
                    if (!word.extra.empty()) e.partOfDay = word.extra;
                    return true;
                case WordClass::PartOfDay: e.partOfDay = word.value; return true;
                case WordClass::Season: e.season = word.value; return true;
                case WordClass::Count: parts.count = number; return true;
                case WordClass::Set:
                case WordClass::Counted: return false;
                case WordClass::Ordinal: parts.ordinal = number; return true;
                case WordClass::Relative: parts.relative = number; return true;
                case WordClass::Clock:
                    return acceptsTime(word.value, parts);
                case WordClass::Modifier: return true;
                default: return false;
            }
        }
        return acceptsShape(wanted, token, parts);
    }

    static bool acceptsTime(std::string_view text, Parts& parts) {
        const size_t colon = text.find(':');
        const auto hour = parseInt(text.substr(0, colon));
        const auto minute = colon == std::string_view::npos ? std::optional<int>(0) : parseInt(text.substr(colon + 1));
        if (!hour || !minute || *hour > 23 || *minute > 59) return false;
        if (colon != std::string_view::npos && text.size() - colon != 3) return false;  // 14:30, never 3:1
        parts.expression.hour = hour;
        parts.expression.minute = minute;
        return true;
    }

    static bool acceptsShape(WordClass wanted, const TokenView& token, Parts& parts) {
        DateExpression& e = parts.expression;
        const std::string_view text = token.key;
        const auto digits = [&](size_t from, size_t count) {
            return from + count <= text.size() && text.substr(from, count).find_first_not_of("0123456789") ==
                                                      std::string_view::npos;
        };
        switch (wanted) {
            case WordClass::Day: {
                std::string_view number = text;
                for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
                    if (number.size() > 2 && number.ends_with(suffix)) number.remove_suffix(2);
                }
                const auto day = number.size() <= 2 ? parseInt(number) : std::nullopt;
                if (!day || *day < 1 || *day > 31) return false;
                e.day = day;
                return true;
            }
            case WordClass::Year: {
                const auto year = text.size() == 4 ? parseInt(text) : std::nullopt;
                if (!year || *year < 1000 || *year > 2999) return false;
                e.year = year;
                return true;
            }
            case WordClass::Decade:
                if (text.size() != 5 || !digits(0, 4) || text[3] != '0' || text[4] != 's') return false;
                e.decade = *parseInt(text.substr(0, 3));
                return true;
            case WordClass::Count: {
                const auto count = text.size() <= 3 ? parseInt(text) : std::nullopt;
                if (!count || *count < 1) return false;
                parts.count = count;
                return true;
            }
            case WordClass::Hour: {
                const auto hour = text.size() <= 2 ? parseInt(text) : std::nullopt;
                if (!hour || *hour < 1 || *hour > 12) return false;
                e.hour = hour;
                e.minute = 0;
                return true;
            }
            case WordClass::Time: {
                // 14:30, 2:30, or 3pm / 10am written as one word.
                for (std::string_view suffix : {"am", "pm"}) {
                    if (text.size() > 2 && text.size() <= 4 && text.ends_with(suffix) && digits(0, text.size() - 2)) {
                        const int hour = *parseInt(text.substr(0, text.size() - 2));
                        if (hour < 1 || hour > 12) return false;
                        (suffix == "pm" ? parts.pm : parts.am) = true;
                        e.hour = hour;
                        e.minute = 0;
                        return true;
                    }
                }
                return text.find(':') != std::string_view::npos && acceptsTime(text, parts);
            }
            case WordClass::AmPm:
                if (text == "a.m." || text == "am" || text == "a.m") return parts.am = true;
                if (text == "p.m." || text == "pm" || text == "p.m") return parts.pm = true;
                return false;
            case WordClass::Iso:
                if (text.size() != 10 || !digits(0, 4) || text[4] != '-' || !digits(5, 2) || text[7] != '-' ||
                    !digits(8, 2)) {
                    return false;
                }
                e.year = *parseInt(text.substr(0, 4));
                e.month = *parseInt(text.substr(5, 2));
                e.day = *parseInt(text.substr(8, 2));
                return isValidDate(*e.year, *e.month, *e.day);
            case WordClass::Slash: {
                const std::vector<std::string_view> fields = split(text, '/');
                if (fields.size() != 3 || fields[2].size() != 4) return false;
                const auto first = parseInt(fields[0]), second = parseInt(fields[1]), year = parseInt(fields[2]);
                if (!first || !second || !year || fields[0].size() > 2 || fields[1].size() > 2) return false;
                // Month first (US) unless the first number cannot be a month.
                const bool dayFirst = *first > 12;
                e.year = year;
                e.month = dayFirst ? second : first;
                e.day = dayFirst ? first : second;
                return isValidDate(*e.year, *e.month, *e.day);
            }
            default: return false;
        }
    }

    // The meaning of a match, the same for every rule; nullopt when the parts make no date.
    static std::optional<DateExpression> interpret(Parts parts) {
        DateExpression e = parts.expression;
        // Abbreviated month and weekday names count only inside a full date ("Apr. 10").
        if (parts.shortForm && !e.day && !e.year) return std::nullopt;
        if (e.hour && (parts.pm || parts.am)) {
            if (*e.hour > 12) return std::nullopt;
            if (parts.pm && *e.hour < 12) *e.hour += 12;
            if (parts.am && *e.hour == 12) e.hour = 0;
        }
        if (parts.quarter) e.quarter = parts.ordinal;
        if (parts.dayOffset) {
            e.relativeUnit = Unit::Day;
            e.offset = *parts.dayOffset;
        }
        if (parts.ago) {
            if (!parts.count || !parts.unit || *parts.unit == Unit::Weekend) return std::nullopt;
            e.relativeUnit = parts.unit;
            e.offset = -*parts.count;
        } else if (parts.relative) {
            const int relative = *parts.relative;
            if (e.weekday) {
                e.direction = relative < 0 ? Direction::Past : relative > 0 ? Direction::Future : Direction::ThisWeek;
                if (!e.partOfDay.empty() && relative != 0) return std::nullopt;
            } else if (!e.season.empty()) {
                e.relativeUnit = Unit::Year;
                e.offset = relative;
            } else if (!e.partOfDay.empty()) {
                // "this morning", "last night"; never "next evening".
                if (relative > 0) return std::nullopt;
                e.relativeUnit = Unit::Day;
                e.offset = relative;
            } else if (parts.unit && *parts.unit != Unit::Day) {
                e.relativeUnit = parts.unit;
                e.offset = relative;
            } else {
                return std::nullopt;  // "the last day", "next time"
            }
        }
        if (e.month && e.day && e.year && !isValidDate(*e.year, *e.month, *e.day)) return std::nullopt;
        if (e.month && e.day && *e.day > daysInMonth(2000, *e.month)) return std::nullopt;
        return e;
    }

    std::vector<TokenView> tokens_;
};

bool isDayLevel(const DateExpression& e) {
    return e.day || e.weekday || (e.relativeUnit == Unit::Day && e.partOfDay.empty());
}

bool isTimeOnly(const DateExpression& e) { return e.hour && !e.hasDate(); }

// A standalone year is not one when a plural noun follows it ("2000 troops", "1700 people").
bool looksLikeCount(const Matcher& matcher, const DateMatch& match) {
    const DateExpression& e = match.expression;
    const bool yearAlone = e.year && !e.month && !e.day && e.season.empty() && !e.quarter;
    if (!yearAlone) return false;
    size_t after = match.endToken;
    // "from 1500 to 1700 people": look past the other end of a range.
    if (after + 2 < matcher.size() &&
        (matcher.token(after).folded == "to" || matcher.token(after).folded == "-" || matcher.token(after).folded == "and")) {
        after += 2;
    }
    if (after >= matcher.size()) return false;
    const TokenView& next = matcher.token(after);
    const std::string_view word = next.folded;
    if (next.word && next.word->wordClass == WordClass::Counted) return true;
    return !next.capitalised && word.size() > 3 && word.ends_with('s') && !word.ends_with("ss");
}

}  // namespace

std::vector<DateMatch> matchDates(const Document& document, const Sentence& sentence) {
    const Matcher matcher(document, sentence);
    // Every place's longest match, then the leftmost-longest that do not overlap: a rule
    // whose context word starts earlier ("in April") must not hide a longer mention that
    // starts later ("April 2018").
    std::vector<DateMatch> candidates;
    for (size_t at = 0; at < matcher.size(); ++at) {
        if (matcher.token(at).starts == 0) continue;
        std::optional<DateMatch> found = matcher.longestAt(at);
        if (!found || looksLikeCount(matcher, *found)) continue;
        // A recurrence is not a date: "every Monday".
        const DateWord* before = found->firstToken > 0 ? matcher.token(found->firstToken - 1).word : nullptr;
        if (before && before->wordClass == WordClass::Set) continue;
        // A modifier before the mention widens it: "early April", "later this year".
        if (before && before->wordClass == WordClass::Modifier) --found->firstToken;
        candidates.push_back(std::move(*found));
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const DateMatch& a, const DateMatch& b) {
        return a.firstToken != b.firstToken ? a.firstToken < b.firstToken : a.endToken > b.endToken;
    });
    std::vector<DateMatch> matches;
    for (DateMatch& candidate : candidates) {
        if (!matches.empty() && candidate.firstToken < matches.back().endToken) continue;
        matches.push_back(std::move(candidate));
    }

    // A day and a time of day written together are one expression.
    std::vector<DateMatch> joined;
    for (DateMatch& match : matches) {
        if (!joined.empty()) {
            DateMatch& previous = joined.back();
            const uint32_t gap = match.firstToken - previous.endToken;
            const std::string_view between = gap == 1 ? matcher.token(previous.endToken).folded : "";
            DateExpression& a = previous.expression;
            DateExpression& b = match.expression;
            if (isDayLevel(a) && isTimeOnly(b) && (gap == 0 || between == "at" || between == ",")) {
                a.hour = b.hour, a.minute = b.minute;
                previous.endToken = match.endToken;
                continue;
            }
            if (isTimeOnly(a) && isDayLevel(b) && (gap == 0 || between == "on" || between == ",")) {
                b.hour = a.hour, b.minute = a.minute;
                match.firstToken = previous.firstToken;
                previous = std::move(match);
                continue;
            }
        }
        joined.push_back(std::move(match));
    }
    for (DateMatch& match : joined) {
        match.firstToken += sentence.firstToken;
        match.endToken += sentence.firstToken;
    }
    return joined;
}

}  // namespace annotator
