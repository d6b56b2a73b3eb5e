#include "5-events/triggers.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "1-text/unicode.h"
#include "lexicon.h"

namespace annotator {
namespace {

// A verb whose forms a suffix rule cannot make (irregular-verbs.tsv): alternatives are
// separated by "|" (travelled|traveled).
struct VerbForms {
    std::vector<std::string> past, participle, gerund;
};

std::vector<std::string> alternatives(std::string_view field) {
    std::vector<std::string> forms;
    for (size_t from = 0; from <= field.size();) {
        size_t to = field.find('|', from);
        if (to == std::string_view::npos) to = field.size();
        if (to > from) forms.emplace_back(field.substr(from, to - from));
        from = to + 1;
    }
    return forms;
}

bool isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Every written form of a verb, with what it is.
std::vector<std::pair<std::string, VerbForm>> inflect(const std::string& lemma, const std::unordered_map<std::string, VerbForms>& table) {
    std::vector<std::pair<std::string, VerbForm>> forms{{lemma, VerbForm::Base}};
    const char last = lemma.back();
    const bool consonantY = last == 'y' && lemma.size() > 1 && !isVowel(lemma[lemma.size() - 2]);
    const std::string stem = consonantY ? lemma.substr(0, lemma.size() - 1) : lemma;
    const bool sibilant = lemma.ends_with("s") || lemma.ends_with("x") || lemma.ends_with("z") || lemma.ends_with("ch") ||
                          lemma.ends_with("sh") || (last == 'o' && lemma.size() > 1 && !isVowel(lemma[lemma.size() - 2]));
    forms.push_back({sibilant ? lemma + "es" : consonantY ? stem + "ies" : lemma + "s", VerbForm::ThirdPerson});
    if (const auto found = table.find(lemma); found != table.end()) {
        for (const std::string& form : found->second.past) forms.push_back({form, VerbForm::Past});
        for (const std::string& form : found->second.participle) forms.push_back({form, VerbForm::Participle});
        for (const std::string& form : found->second.gerund) forms.push_back({form, VerbForm::Gerund});
        return forms;
    }
    forms.push_back({last == 'e' ? lemma + "d" : consonantY ? stem + "ied" : lemma + "ed", VerbForm::Past});
    const bool dropE = last == 'e' && !lemma.ends_with("ee") && lemma.size() > 2;
    forms.push_back({dropE ? lemma.substr(0, lemma.size() - 1) + "ing" : lemma + "ing", VerbForm::Gerund});
    return forms;
}

struct Lexicon {
    std::vector<Trigger> triggers;
    // A written form of a trigger's first word → the triggers it may start, looked up for
    // every token.
    StringMap<std::vector<std::pair<uint32_t, VerbForm>>> byFirstWord;
};

std::string plural(const std::string& noun) {
    if (noun.ends_with("s") || noun.ends_with("x") || noun.ends_with("ch") || noun.ends_with("sh")) return noun + "es";
    if (noun.size() > 1 && noun.back() == 'y' && !isVowel(noun[noun.size() - 2])) return noun.substr(0, noun.size() - 1) + "ies";
    return noun + "s";
}

// Words that may stand between the words of a phrase: not punctuation, prepositions,
// conjunctions or verbs of their own ("declined … to" is no phrase).
bool mayStandBetween(std::string_view word) {
    static const WordSet stops = {
        "to", "at", "in", "on", "of", "for", "with", "from", "by", "and", "or", "but", "that", "which", "who",
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "said", "says"};
    if (word.empty() || stops.contains(word)) return false;
    const unsigned char c = static_cast<unsigned char>(word[0]);
    return c >= 0x80 || std::isalnum(c) || word == "'s";
}

std::vector<std::string> splitWords(std::string_view phrase) {
    std::vector<std::string> words;
    for (size_t from = 0; from < phrase.size();) {
        size_t to = phrase.find(' ', from);
        if (to == std::string_view::npos) to = phrase.size();
        if (to > from) words.push_back(foldCase(phrase.substr(from, to - from)));
        from = to + 1;
    }
    return words;
}

const Lexicon& lexicon() {
    static const Lexicon table = [] {
        Lexicon made;
        std::unordered_map<std::string, VerbForms> irregular;
        for (const TableRow& row : readTable("core/5-events/irregular-verbs.tsv")) {
            if (row.size() >= 4) irregular[std::string(row[0])] = {alternatives(row[1]), alternatives(row[2]), alternatives(row[3])};
        }
        for (const TableRow& row : readTable("core/5-events/triggers.tsv")) {
            if (row.size() < 7) continue;
            const auto field = [](std::string_view value) { return value == "-" ? std::string_view() : value; };
            Trigger trigger{splitWords(row[0]), row[1] == "verb", row[2], field(row[3]), field(row[4]), row[6],
                            row[5] == "place" ? TriggerObject::Place : row[5] == "none" ? TriggerObject::None : TriggerObject::Actor};
            if (trigger.words.empty()) continue;
            const uint32_t index = static_cast<uint32_t>(made.triggers.size());
            if (trigger.verb) {
                for (auto& [form, kind] : inflect(trigger.words[0], irregular)) made.byFirstWord[form].push_back({index, kind});
            } else {
                made.byFirstWord[trigger.words[0]].push_back({index, VerbForm::Noun});
                // A noun of one word matches its plural here; a phrase's last word in findTriggers.
                if (trigger.words.size() == 1) made.byFirstWord[plural(trigger.words[0])].push_back({index, VerbForm::Noun});
            }
            made.triggers.push_back(std::move(trigger));
        }
        return made;
    }();
    return table;
}

// Words after which a word that is both is a noun: "a visit", "his visit", "Moscow's visit".
bool readsAsNoun(std::string_view previous) {
    static const WordSet determiners = {
        "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those",
        "'s", "\xE2\x80\x99s", "first", "second", "new", "official", "surprise", "state", "planned", "upcoming",
        "recent", "last", "further", "more", "any", "no", "of", "for", "after", "during", "before"};
    return determiners.contains(previous);
}

}  // namespace

std::vector<TriggerMatch> findTriggers(const Document& document, uint32_t firstToken, uint32_t endToken) {
    const Lexicon& table = lexicon();
    const auto word = [&](uint32_t t) { return foldedToken(document, t); };
    // A trigger word inside a name does not fire ("Amnesty International").
    std::vector<bool> named(endToken - firstToken, false);
    for (const Mention& mention : mentionsIn(document, firstToken, endToken)) {
        if (mention.type == MentionType::Date || mention.type == MentionType::Time) continue;
        for (uint32_t t = std::max(mention.firstToken, firstToken); t < std::min(mention.endToken, endToken); ++t) named[t - firstToken] = true;
    }
    std::vector<TriggerMatch> found;
    for (uint32_t t = firstToken; t < endToken; ++t) {
        const auto* forms = table.byFirstWord.find(word(t));
        if (!forms) continue;
        const std::vector<std::pair<uint32_t, VerbForm>>& candidates = *forms;
        const bool noun = t > firstToken && (readsAsNoun(word(t - 1)) ||
                                             (t > firstToken + 1 && readsAsNoun(word(t - 2)) && word(t - 1) != "to"));
        const bool hasNoun = std::any_of(candidates.begin(), candidates.end(),
                                         [](const auto& candidate) { return candidate.second == VerbForm::Noun; });
        for (const auto& [index, form] : candidates) {
            const Trigger& trigger = table.triggers[index];
            // A word that is a verb and a noun is read by the word before it.
            if ((form == VerbForm::Base || form == VerbForm::ThirdPerson) && trigger.verb && noun) continue;
            // "a meeting": the noun's reading where the table has one.
            if (form == VerbForm::Gerund && noun && hasNoun) continue;
            if (form == VerbForm::Noun && !noun && (t == firstToken || word(t - 1) == "to")) continue;
            // The phrase's other words, each within two words of the one before; a noun
            // phrase's last word may be plural.
            uint32_t at = t + 1;
            bool whole = true;
            for (size_t w = 1; w < trigger.words.size() && whole; ++w) {
                const bool lastOfNoun = !trigger.verb && w + 1 == trigger.words.size();
                const auto matches = [&](uint32_t token) {
                    return word(token) == trigger.words[w] || (lastOfNoun && word(token) == plural(trigger.words[w]));
                };
                uint32_t next = at;
                while (next < endToken && next < at + 3 && !matches(next) && mayStandBetween(word(next))) ++next;
                whole = next < endToken && next < at + 3 && matches(next);
                at = next + 1;
            }
            if (whole && !named[t - firstToken]) found.push_back({&trigger, t, at, form});
        }
    }
    // Longest first where two overlap; of one span, a verb reading before a noun.
    std::stable_sort(found.begin(), found.end(), [](const TriggerMatch& a, const TriggerMatch& b) {
        return (a.endToken - a.firstToken) > (b.endToken - b.firstToken);
    });
    std::vector<TriggerMatch> chosen;
    for (const TriggerMatch& match : found) {
        const bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](const TriggerMatch& other) {
            return match.firstToken < other.endToken && other.firstToken < match.endToken;
        });
        if (!overlaps) chosen.push_back(match);
    }
    std::sort(chosen.begin(), chosen.end(), [](const TriggerMatch& a, const TriggerMatch& b) { return a.firstToken < b.firstToken; });
    return chosen;
}

}  // namespace annotator
