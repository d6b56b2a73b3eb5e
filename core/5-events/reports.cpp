#include "5-events/reports.h"

#include <algorithm>
#include <map>
#include <set>

#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "4-aliases/titles.h"
#include "lexicon.h"

namespace annotator {
namespace {

// Someone or something a sentence names: a name mention, a role reference resolved to the
// person it names ("the Russian Foreign Minister"), or a pronoun resolved to a person.
struct Actor {
    uint32_t first = 0, end = 0;  // tokens
    uint32_t entity = 0;
    MentionType type = MentionType::Person;
    bool modifier = false;  // "Russian" in "Russian Foreign Minister Sergei Lavrov"
};

// Sentences longer than this many tokens are read in pieces of this many (read()). News
// sentences rarely reach 100 tokens.
constexpr uint32_t kLongestReadTokens = 256;

bool isPreposition(std::string_view word) {
    static const WordSet words = {
        "in", "at", "to", "from", "with", "of", "on", "for", "by", "about", "between", "around", "including", "near",
        "into", "over", "against", "towards", "toward", "across", "through", "during", "since", "like", "than", "among",
        "after", "before", "via", "outside", "inside", "within", "under"};
    return words.contains(word);
}

// Words that start a new clause: arguments are not looked for across them.
bool startsClause(std::string_view word) {
    static const WordSet words = {
        "that", "which", "who", "whom", "whose", "while", "whereas", "but", "because", "although", "though", "since", "when", "where", ";", ":", "(", ")",
        "\"", "\xE2\x80\x9C", "\xE2\x80\x9D"};
    return words.contains(word);
}

char32_t firstCharacter(std::string_view text) {
    size_t offset = 0;
    return text.empty() ? 0 : decodeUtf8(text, offset);
}

bool isPronoun(std::string_view word) { return word == "he" || word == "she" || word == "him" || word == "his" || word == "her"; }

bool isBe(std::string_view word) {
    return word == "is" || word == "are" || word == "was" || word == "were" || word == "be" || word == "been" || word == "being";
}

// The types a stated intent takes (statedIntent).
const Trigger kAgreeIntent{{}, true, "AGREE", "", "030", "pledges to", TriggerObject::Actor};
const Trigger kThreatenIntent{{}, true, "THREATEN", "", "130", "threatens to", TriggerObject::Actor};

bool isPossessive(std::string_view word) { return word == "'s" || word == "\xE2\x80\x99s"; }

// For each token index, the name mention that ends there.
std::vector<const Mention*> mentionsByEnd(const Document& document) {
    std::vector<const Mention*> byEnd(document.tokens.size() + 1, nullptr);
    for (const Mention& mention : document.mentions) byEnd[mention.endToken] = &mention;
    return byEnd;
}

// The country (or body) a title at `titleFirst` serves: a place or nationality just before
// it ("Russian", "Russia's"), or -1.
int64_t servedBy(const Document& document, const std::vector<const Mention*>& byEnd, uint32_t titleFirst) {
    uint32_t at = titleFirst;
    if (at > 0 && isPossessive(foldedToken(document, at - 1))) --at;
    if (at == 0 || !byEnd[at]) return -1;
    const Mention& mention = *byEnd[at];
    if (!mention.entity || mention.type == MentionType::Person) return -1;
    return *mention.entity;
}

// Who holds which role in the collection: every person named with a title teaches
// (country, title) → person and (none, title) → person. A role held by several people
// names none of them.
class Roles {
public:
    explicit Roles(const Collection& collection) {
        for (const Document& document : collection.documents) {
            const std::vector<const Mention*> byEnd = mentionsByEnd(document);
            uint32_t previousEnd = 0;
            for (const Mention& mention : document.mentions) {
                if (mention.type == MentionType::Person && mention.entity) {
                    const TokenRange title = titleBefore(document, mention, previousEnd);
                    if (!title.empty() && title.end == mention.firstToken) {
                        const std::string folded = foldCase(titleText(document, title));
                        holders_[{servedBy(document, byEnd, title.first), folded}].insert(*mention.entity);
                        holders_[{-1, folded}].insert(*mention.entity);
                    }
                }
                previousEnd = mention.endToken;
            }
        }
    }

    std::optional<uint32_t> personOf(int64_t country, const std::string& title) const {
        const auto found = holders_.find({country, title});
        if (found == holders_.end() || found->second.size() != 1) return std::nullopt;
        return *found->second.begin();
    }

private:
    std::map<std::pair<int64_t, std::string>, std::set<uint32_t>> holders_;  // (country, case-folded title) → people
};

class DocumentReader {
public:
    DocumentReader(const Collection& collection, const Roles& roles, uint32_t index)
        : collection_(collection), roles_(roles), document_(collection.documents[index]), index_(index),
          byEnd_(mentionsByEnd(document_)) {}

    std::vector<EventReport> read() {
        std::vector<EventReport> reports;
        for (uint32_t s = 0; s < document_.sentences.size(); ++s) {
            const size_t before = reports.size();
            // Headlines retell the body in fewer words, often too few to read.
            const Sentence& sentence = document_.sentences[s];
            const BlockRole role = document_.blocks[sentence.block].role;
            // A run of text with no sentence end (a 1 MB line with no full stop) is read in
            // pieces: the search for each trigger's arguments grows with the square or
            // the cube of a sentence's length, and no argument lies that far from its trigger.
            for (uint32_t first = sentence.firstToken; role == BlockRole::Body && first < sentence.endToken;
                 first += kLongestReadTokens) {
                Sentence piece = sentence;
                piece.firstToken = first;
                piece.endToken = std::min(sentence.endToken, first + kLongestReadTokens);
                readSentence(s, piece, reports);
            }
            previousPeople_.clear();
            for (size_t r = before; r < reports.size(); ++r) {
                for (const uint32_t source : reports[r].sources) {
                    if (collection_.entities[source].type == MentionType::Person) previousPeople_.push_back(source);
                }
            }
            for (const Actor& actor : sentenceActors_) {
                if (actor.type == MentionType::Person) previousPeople_.push_back(actor.entity);
            }
        }
        return reports;
    }

private:
    std::string_view folded(uint32_t token) const { return foldedToken(document_, token); }
    // The actors of a sentence, in text order.
    void gatherActors(const Sentence& sentence) {
        sentenceActors_.clear();
        std::vector<bool> inMentionOfSentence(sentence.endToken - sentence.firstToken, false);
        const auto inMention = [&](uint32_t t) { return inMentionOfSentence[t - sentence.firstToken]; };
        std::vector<const Mention*> names;
        for (const Mention& mention : mentionsIn(document_, sentence.firstToken, sentence.endToken)) {
            if (mention.endToken > sentence.endToken) continue;
            for (uint32_t t = mention.firstToken; t < mention.endToken; ++t) inMentionOfSentence[t - sentence.firstToken] = true;
            if (mention.entity && mention.type != MentionType::Misc && mention.type != MentionType::Date && mention.type != MentionType::Time) {
                names.push_back(&mention);
            }
        }
        for (size_t i = 0; i < names.size(); ++i) {
            const Mention& mention = *names[i];
            Actor actor{mention.firstToken, mention.endToken, *mention.entity, mention.type, false};
            // A place, body or nationality before a title and a name describes the person.
            if (mention.type != MentionType::Person) {
                uint32_t at = mention.endToken;
                if (at < sentence.endToken && isPossessive(folded(at))) ++at;
                const uint32_t titleStart = at;
                while (at < sentence.endToken && isTitleToken(document_, at)) ++at;
                actor.modifier = at > titleStart && i + 1 < names.size() && names[i + 1]->firstToken == at &&
                                 names[i + 1]->type == MentionType::Person;
            }
            sentenceActors_.push_back(actor);
        }
        // Role references: title words with no name after them.
        for (uint32_t t = sentence.firstToken; t < sentence.endToken;) {
            if (inMention(t) || !isTitleToken(document_, t)) {
                ++t;
                continue;
            }
            uint32_t end = t;
            while (end < sentence.endToken && !inMention(end) && isTitleToken(document_, end)) ++end;
            const bool named = end < sentence.endToken && inMention(end);
            if (!named) {
                const int64_t country = servedBy(document_, byEnd_, t);
                const bool definite = t > sentence.firstToken && (folded(t - 1) == "the" || country >= 0);
                if (definite) {
                    std::string title;
                    for (uint32_t w = t; w < end; ++w) title.append(title.empty() ? "" : " ").append(folded(w));
                    std::optional<uint32_t> person = roles_.personOf(country, title);
                    if (person) {
                        // The country before it is part of the reference, not an actor.
                        for (Actor& actor : sentenceActors_) {
                            if (country >= 0 && actor.entity == country && actor.end + 2 >= t && actor.end <= t) actor.modifier = true;
                        }
                        sentenceActors_.push_back({t, end, *person, MentionType::Person, false});
                    }
                }
            }
            t = end;
        }
        // Pronouns: the one person the sentence named before, else the previous sentence's.
        for (uint32_t t = sentence.firstToken; t < sentence.endToken; ++t) {
            if (inMention(t) || !isPronoun(folded(t))) continue;
            std::set<uint32_t> before;
            for (const Actor& actor : sentenceActors_) {
                if (actor.type == MentionType::Person && actor.end <= t) before.insert(actor.entity);
            }
            std::optional<uint32_t> person;
            // "Ri invited him": an object pronoun is not the person just before it, its
            // clause's subject.
            if ((folded(t) == "him" || folded(t) == "her") && before.size() == 2) {
                const Actor* nearest = nullptr;
                for (const Actor& actor : sentenceActors_) {
                    if (actor.type == MentionType::Person && actor.end <= t && (!nearest || actor.end > nearest->end)) nearest = &actor;
                }
                if (nearest) before.erase(nearest->entity);
            }
            if (before.size() == 1) person = *before.begin();
            else if (before.empty() && !previousPeople_.empty()) person = previousPeople_.front();
            if (person) sentenceActors_.push_back({t, t + 1, *person, MentionType::Person, false});
        }
        std::sort(sentenceActors_.begin(), sentenceActors_.end(), [](const Actor& a, const Actor& b) { return a.first < b.first; });
    }

    const Actor* actorEndingAt(uint32_t end) const {
        for (const Actor& actor : sentenceActors_) {
            if (actor.end == end && !actor.modifier) return &actor;
        }
        return nullptr;
    }

    // The actor that starts at `first`, or after the title and the place or nationality
    // that describe it ("North Korean leader Kim Jong Un").
    const Actor* actorStartingAt(uint32_t first) const {
        uint32_t at = first;
        for (const Actor& actor : sentenceActors_) {
            if (actor.first == at && actor.modifier) at = actor.end;
        }
        if (at < document_.tokens.size() && isPossessive(folded(at))) ++at;
        while (at < document_.tokens.size() && isTitleToken(document_, at)) ++at;
        for (const Actor& actor : sentenceActors_) {
            if ((actor.first == first || actor.first == at) && !actor.modifier) return &actor;
        }
        return nullptr;
    }

    // The actor before `token` that acts: the nearest not inside a prepositional phrase,
    // with those coordinated with it ("Lavrov and Ri met").
    std::vector<uint32_t> actorsBefore(uint32_t token, uint32_t sentenceFirst, std::optional<uint32_t>* placeBefore,
                                       uint32_t* chosenFirst = nullptr) const {
        std::vector<uint32_t> found;
        for (auto actor = sentenceActors_.rbegin(); actor != sentenceActors_.rend(); ++actor) {
            if (actor->end > token || actor->modifier) continue;
            const uint32_t start = startOfTitled(actor->first, sentenceFirst);  // "with President Xi"
            const bool inPhrase = start > sentenceFirst && isPreposition(folded(start - 1));
            // "Moscow visit": a place just before a noun trigger is where it happens.
            if (placeBefore && actor->type == MentionType::Location && actor->end == token && !*placeBefore) {
                *placeBefore = actor->entity;
                continue;
            }
            if (inPhrase) continue;
            // "Kim, who had … the US, Japan, had reached China": a name set off by commas
            // inside a relative clause is not its subject; "who" stands for the name before it.
            if (const std::optional<uint32_t> antecedent = relativeAntecedent(*actor, token, sentenceFirst)) {
                found.push_back(*antecedent);
                break;
            }
            if (chosenFirst) *chosenFirst = actor->first;
            found.push_back(actor->entity);
            // Coordinated actors before it, across its title ("Lavrov and North Korean
            // Foreign Minister Ri").
            uint32_t at = startOfTitled(actor->first, sentenceFirst);
            while (at > sentenceFirst + 1 && folded(at - 1) == "and") {
                const Actor* other = actorEndingAt(at - 1);
                if (!other) break;
                found.push_back(other->entity);
                at = startOfTitled(other->first, sentenceFirst);
            }
            break;
        }
        return found;
    }

    std::optional<uint32_t> relativeAntecedent(const Actor& candidate, uint32_t token, uint32_t sentenceFirst) const {
        if (candidate.end >= token || folded(candidate.end) != ",") return std::nullopt;
        for (uint32_t t = candidate.first; t > sentenceFirst + 1; --t) {
            if (folded(t - 1) != "who") continue;
            if (folded(t - 2) != ",") return std::nullopt;
            for (const Actor& actor : sentenceActors_) {
                if (actor.end == t - 2 && !actor.modifier) return actor.entity;
            }
            return std::nullopt;
        }
        return std::nullopt;
    }

    // The possessor of a noun: a possessive pronoun or a name with 's within three words
    // before it ("his first foreign tour", "Rey Yong-ho's Moscow visit").
    std::optional<uint32_t> possessorOf(uint32_t noun, uint32_t sentenceFirst) const {
        for (uint32_t t = noun; t > sentenceFirst && t + 4 > noun; --t) {
            const std::string_view word = folded(t - 1);
            if (word == "his" || word == "her") {
                for (const Actor& actor : sentenceActors_) {
                    if (actor.first == t - 1) return actor.entity;
                }
                return std::nullopt;
            }
            if (isPossessive(word)) {
                for (const Actor& actor : sentenceActors_) {
                    if (actor.end == t - 1 && !actor.modifier) return actor.entity;
                }
                return std::nullopt;
            }
            if (isPreposition(word) || startsClause(word) || word == ",") return std::nullopt;
        }
        return std::nullopt;
    }

    // Whether the actor starting at `actorFirst` follows the previous verb within two words
    // with no preposition between: its object.
    bool objectOfPreviousVerb(const std::pair<uint32_t, std::vector<uint32_t>>& previous, uint32_t actorFirst) const {
        if (actorFirst < previous.first || actorFirst > previous.first + 2) return false;
        for (uint32_t t = previous.first; t < actorFirst; ++t) {
            if (isPreposition(folded(t))) return false;
        }
        return !previous.second.empty();
    }

    // Where a name's title and the modifiers before it begin: "North Korean Foreign Minister
    // Ri" begins at "North".
    uint32_t startOfTitled(uint32_t first, uint32_t sentenceFirst) const {
        uint32_t at = first;
        while (at > sentenceFirst && isTitleToken(document_, at - 1)) --at;
        if (at == first) return first;
        if (at > sentenceFirst && isPossessive(folded(at - 1))) --at;
        for (const Actor& actor : sentenceActors_) {
            if (actor.modifier && actor.end == at) return actor.first;
        }
        return at;
    }

    // The actors just after `token` (within a few words, across a preposition), with those
    // coordinated with them ("praised Xi and Kim"). `places`: only places.
    std::vector<uint32_t> actorsAfter(uint32_t token, uint32_t sentenceEnd, bool places, bool skipLocations) const {
        std::vector<uint32_t> found;
        for (const Actor& actor : sentenceActors_) {
            if (actor.first < token || actor.modifier) continue;
            if (actor.first > token + 6 || actor.first > nextTrigger_) break;
            bool clause = false;
            for (uint32_t t = token; t < actor.first; ++t) clause = clause || startsClause(folded(t));
            if (clause) break;
            bool located = false;  // "met in Moscow's capital Moscow": where, not whom
            for (uint32_t t = token; t < actor.first; ++t) located = located || folded(t) == "in" || folded(t) == "at" || folded(t) == "near";
            if (places && actor.type != MentionType::Location) continue;
            if (!places && skipLocations && located) continue;
            found.push_back(actor.entity);
            // A list: "Xi and Kim", "Xi, Kim and Moon".
            uint32_t at = actor.end;
            while (at + 1 < sentenceEnd && (folded(at) == "and" || folded(at) == ",")) {
                const Actor* other = actorStartingAt(at + 1);
                if (!other || (places && other->type != MentionType::Location)) break;
                if (folded(at) == "," && !(other->end < sentenceEnd && (folded(other->end) == "and" || folded(other->end) == ","))) break;
                found.push_back(other->entity);
                at = other->end;
            }
            break;
        }
        return found;
    }

    // The actor after "against", "over" or "on" within a few words of the trigger, or
    // right after its "that" ("demanded that the US cancel").
    std::vector<uint32_t> aimedAt(const TriggerMatch& match, const Sentence& sentence) const {
        const uint32_t end = std::min(sentence.endToken, match.endToken + 7);
        const std::string_view type = match.trigger->type;
        // A request is made of someone ("an admission by Moscow"), a retreat is from
        // somewhere, relations are broken with someone.
        const auto aims = [&](std::string_view word) {
            return word == "against" || word == "over" || word == "on" || ((word == "by" || word == "of") && type == "REQUEST") ||
                   (word == "from" && (type == "REQUEST" || type == "RETREAT")) ||
                   (word == "with" && (type == "THREATEN" || type == "REJECT" || type == "SANCTION"));
        };
        for (uint32_t t = match.endToken; t < end; ++t) {
            const std::string_view word = folded(t);
            if (aims(word) || (word == "that" && t <= match.endToken + 1)) {
                if (const Actor* actor = actorAfterDeterminer(t + 1, sentence.endToken)) return {actor->entity};
            }
            if (word == "," || word == ";") break;
        }
        return {};
    }

    // PLOVER codes a stated intent as its own event: to cooperate, give or yield is AGREE
    // ("Japan will provide aid"), to act against someone is THREATEN ("would boycott").
    // The intent is what happened. Meetings and exercises keep their type: a planned visit
    // is a visit. Only a commitment ("will", "would", "pledged to") states an intent; "may" and
    // "could" only speculate.
    void statedIntent(EventReport& report, const TriggerMatch& match, const Sentence& sentence) const {
        if (report.status != EventStatus::Planned) return;
        const std::string_view type = report.trigger->type;
        const bool cooperative = type == "AID" || type == "COOPERATE" || type == "CONCEDE" || type == "RETREAT" || type == "SUPPORT";
        const bool hostile = type == "PROTEST" || type == "SANCTION" || type == "COERCE" || type == "ASSAULT";
        if (!cooperative && !hostile) return;
        bool committed = false;
        for (uint32_t t = match.firstToken; t > sentence.firstToken && t + 5 > match.firstToken; --t) {
            const std::string_view word = folded(t - 1);
            if (word == "," || startsClause(word)) break;
            committed = committed || word == "will" || word == "would" || word == "'ll" || word == "shall" || word == "pledged" ||
                        word == "promised" || word == "vowed" || word == "offered" || word == "ready" || word == "agreed";
        }
        if (!committed) return;
        report.intent = cooperative ? &kAgreeIntent : &kThreatenIntent;
        report.status = EventStatus::Occurred;
    }

    // The actor at `token`, or after a determiner or possessive there ("the Taliban", "its
    // European Community partners").
    const Actor* actorAfterDeterminer(uint32_t token, uint32_t sentenceEnd) const {
        if (token >= sentenceEnd) return nullptr;
        if (const Actor* actor = actorStartingAt(token)) return actor;
        const std::string_view word = folded(token);
        const bool determiner = word == "the" || word == "a" || word == "an" || word == "its" || word == "their" || word == "his" || word == "her";
        return determiner && token + 1 < sentenceEnd ? actorStartingAt(token + 1) : nullptr;
    }

    // The place of "in Moscow" near the trigger, in its clause.
    std::optional<uint32_t> placeNear(const TriggerMatch& match, const Sentence& sentence) const {
        for (const Actor& actor : sentenceActors_) {
            if (actor.type != MentionType::Location || actor.first == 0 || folded(actor.first - 1) != "in") continue;
            const uint32_t from = std::min(actor.first, match.endToken), to = std::max(actor.first, match.firstToken);
            bool clause = false;
            for (uint32_t t = from; t < to; ++t) clause = clause || startsClause(folded(t));
            if (!clause && actor.first + 10 > match.firstToken && actor.first < match.endToken + 10 && actor.first >= sentence.firstToken) {
                return actor.entity;
            }
        }
        return std::nullopt;
    }

    EventStatus statusOf(const TriggerMatch& match, const Sentence& sentence) const {
        const uint32_t from = match.firstToken > sentence.firstToken + 6 ? match.firstToken - 6 : sentence.firstToken;
        EventStatus status = EventStatus::Occurred;
        const uint32_t near = match.firstToken > sentence.firstToken + 4 ? match.firstToken - 4 : sentence.firstToken;
        for (uint32_t t = from; t < match.firstToken; ++t) {
            const std::string_view word = folded(t);
            if (startsClause(word) || word == ",") status = EventStatus::Occurred;
            const bool close = t >= near || match.form == VerbForm::Noun;
            if (word == "not" || word == "n't" || word == "never" || word == "no" || word == "without") {
                if (close) return EventStatus::Negated;
            } else if (t >= near && (word == "will" || word == "'ll" || word == "shall" || word == "due" || word == "plans" ||
                                     word == "plan" || word == "planned" || word == "planning" || word == "scheduled" ||
                                     word == "upcoming" || word == "next" || word == "set" || word == "going" || word == "invitation")) {
                status = EventStatus::Planned;
            } else if (t >= near && (word == "may" || word == "might" || word == "could" || word == "would" || word == "possible" ||
                                     word == "possibility" || word == "likely" || word == "expected" || word == "potential")) {
                status = EventStatus::Possible;
            }
        }
        // "to visit": an infinitive tells of what is meant to happen.
        if (status == EventStatus::Occurred && match.form == VerbForm::Base && match.firstToken > sentence.firstToken &&
            folded(match.firstToken - 1) == "to") {
            status = EventStatus::Planned;
        }
        if (match.form == VerbForm::Noun && status == EventStatus::Occurred) {
            for (uint32_t t = match.endToken; t < std::min(match.endToken + 3, sentence.endToken); ++t) {
                if (folded(t) == "expected" || folded(t) == "planned" || folded(t) == "possible") return EventStatus::Possible;
            }
        }
        return status;
    }

    // The clause of each token: a new one after a comma, a clause word or a quotation mark.
    std::vector<uint32_t> clausesOf(const Sentence& sentence) const {
        std::vector<uint32_t> clause(sentence.endToken - sentence.firstToken);
        uint32_t current = 0;
        for (uint32_t t = sentence.firstToken; t < sentence.endToken; ++t) {
            if (folded(t) == "," || startsClause(folded(t))) ++current;
            clause[t - sentence.firstToken] = current;
        }
        return clause;
    }

    // The quotation of a sentence: the text inside its quotation marks, or after "that".
    std::string quoteOf(const Sentence& sentence, const TriggerMatch& match) const {
        uint32_t open = UINT32_MAX, close = UINT32_MAX;
        for (uint32_t t = sentence.firstToken; t < sentence.endToken; ++t) {
            const Token& token = document_.tokens[t];
            if (token.kind != TokenKind::Punctuation || !isQuotationMark(firstCharacter(token.bytes.of(document_.text)))) continue;
            if (open == UINT32_MAX) open = t;
            else close = t;
        }
        uint32_t first = 0, end = 0;
        if (open != UINT32_MAX && close != UINT32_MAX && close > open + 1) {
            first = open + 1, end = close;
        } else if (match.endToken < sentence.endToken && folded(match.endToken) == "that") {
            first = match.endToken + 1, end = sentence.endToken;
            while (end > first && document_.tokens[end - 1].kind == TokenKind::Punctuation) --end;
        }
        if (first >= end) return {};
        const uint32_t begin = document_.tokens[first].bytes.begin;
        return document_.text.substr(begin, document_.tokens[end - 1].bytes.end - begin);
    }

    // Reads the sentence `s`, or the piece of it that `sentence` spans.
    void readSentence(uint32_t s, const Sentence& sentence, std::vector<EventReport>& reports) {
        gatherActors(sentence);
        const std::vector<TriggerMatch> matches = findTriggers(document_, sentence.firstToken, sentence.endToken);
        if (matches.empty()) return;
        const std::vector<uint32_t> clause = clausesOf(sentence);
        const auto clauseOf = [&](uint32_t token) { return clause[token - sentence.firstToken]; };
        // Dates, each told with the triggers of its clause.
        std::vector<std::pair<uint32_t, uint32_t>> dates;  // clause, mention
        for (const Mention& mention : mentionsIn(document_, sentence.firstToken, sentence.endToken)) {
            if (mention.type != MentionType::Date || mention.endToken > sentence.endToken) continue;
            dates.push_back({clauseOf(mention.firstToken), static_cast<uint32_t>(&mention - document_.mentions.data())});
        }
        std::optional<size_t> statement;  // a report of speech whose "that" clause follows
        uint32_t embeddingEnd = 0;        // what is requested, threatened, refused or alleged is no event of its own
        std::optional<std::pair<uint32_t, std::vector<uint32_t>>> previousVerb;  // end token and sources
        for (size_t m = 0; m < matches.size(); ++m) {
            const TriggerMatch& match = matches[m];
            // What follows the next trigger is its own ("accepted the invitation to visit
            // Pyongyang": Pyongyang is the visit's, not the invitation's).
            nextTrigger_ = UINT32_MAX;
            if (m + 1 < matches.size() && matches[m + 1].firstToken > 0 && folded(matches[m + 1].firstToken - 1) == "to") {
                nextTrigger_ = matches[m + 1].firstToken;
            }
            if (match.firstToken < embeddingEnd + 4 && embeddingEnd > 0) continue;
            const std::string_view type = match.trigger->type;
            if (type == "REQUEST" || type == "THREATEN" || type == "REJECT" || type == "ACCUSE" || type == "DEMAND") embeddingEnd = match.endToken;
            EventReport report;
            report.trigger = match.trigger;
            report.mention = {index_, s, {document_.tokens[match.firstToken].bytes.begin, document_.tokens[match.endToken - 1].bytes.end}};
            const Trigger& trigger = *match.trigger;
            const bool noun = match.form == VerbForm::Noun;
            const bool passive = !noun && (match.form == VerbForm::Past || match.form == VerbForm::Participle) &&
                                 match.firstToken > sentence.firstToken + 1 &&
                                 (isBe(folded(match.firstToken - 1)) || isBe(folded(match.firstToken - 2)));
            // "this meeting" refers back to one told before.
            if ((noun || match.form == VerbForm::Gerund) && match.firstToken > sentence.firstToken &&
                (folded(match.firstToken - 1) == "this" || folded(match.firstToken - 1) == "that")) {
                continue;
            }
            std::optional<uint32_t> placeBefore;
            uint32_t leftFirst = UINT32_MAX;
            std::vector<uint32_t> left = actorsBefore(match.firstToken, sentence.firstToken, noun ? &placeBefore : nullptr, &leftFirst);
            // "his first foreign tour", "Ri's Moscow visit": the possessor acts.
            if (noun) {
                if (const std::optional<uint32_t> possessor = possessorOf(match.firstToken, sentence.firstToken)) left = {*possessor};
            }
            // "reached China … and met Xi": the object of the verb before is not the
            // subject of this one; coordinated verbs share their subject.
            const bool infinitive = match.firstToken > sentence.firstToken && folded(match.firstToken - 1) == "to";
            if (!noun && !infinitive && !left.empty() && previousVerb && objectOfPreviousVerb(*previousVerb, leftFirst)) {
                left = previousVerb->second;
            }
            if (passive) {
                report.targets = left;
                for (uint32_t t = match.endToken; t + 1 < sentence.endToken; ++t) {
                    if (folded(t) != "by") continue;
                    report.sources = actorsAfter(t + 1, sentence.endToken, false, false);
                    break;
                }
            } else if (trigger.type == "STATEMENT") {
                report.sources = left.empty() ? actorsAfter(match.endToken, sentence.endToken, false, true) : left;
                report.quote = quoteOf(sentence, match);
            } else {
                report.sources = left;
                if (trigger.object == TriggerObject::Actor) report.targets = actorsAfter(match.endToken, sentence.endToken, false, true);
                // "protested against Sweden", "demanded that the US …": the one it is aimed at.
                if (report.targets.empty() && trigger.object != TriggerObject::Place) report.targets = aimedAt(match, sentence);
                // A restriction imposed on, or lifted from, a place takes it as its target:
                // "lifted a curfew in Montenegro", "threatened to ban voting in East
                // Jerusalem". An attack or a ceasefire in a place only happens there.
                const std::string_view type = trigger.type;
                if (report.targets.empty() && !report.sources.empty() && trigger.object == TriggerObject::Actor &&
                    (type == "COERCE" || type == "CONCEDE" || type == "THREATEN" || type == "SANCTION")) {
                    report.targets = actorsAfter(match.endToken, sentence.endToken, false, false);
                }
                if (trigger.object == TriggerObject::Place) {
                    const std::vector<uint32_t> places = actorsAfter(match.endToken, sentence.endToken, true, false);
                    if (!places.empty()) report.place = places.front();
                }
                // "the visit of Kim", "a meeting between Trump and Kim": the actors after it act.
                if (noun && match.endToken < sentence.endToken &&
                    (folded(match.endToken) == "of" || folded(match.endToken) == "between" || folded(match.endToken) == "by")) {
                    // Only a name right after it: "the withdrawal of some forces from
                    // Panama" is not Panama's.
                    if (const Actor* first = actorAfterDeterminer(match.endToken + 1, sentence.endToken)) {
                        report.sources = actorsAfter(first->first, sentence.endToken, false, false);
                        report.targets.clear();
                    }
                }
            }
            if (!report.place) report.place = placeBefore ? placeBefore : placeNear(match, sentence);
            for (const auto& [where, mention] : dates) {
                if (where != clauseOf(match.firstToken) || report.dateMention) continue;
                report.date = document_.mentions[mention].value;
                report.dateMention = mention;
            }
            report.status = statusOf(match, sentence);
            statedIntent(report, match, sentence);
            // Nobody acts: nothing to put on a card.
            if (report.sources.empty() && report.targets.empty()) continue;
            if (trigger.type == "STATEMENT" && report.sources.empty()) continue;
            // What a dated statement reports, undated, is told that day at the latest.
            if (report.date.empty() && statement && reports[*statement].mention.trigger.end < report.mention.trigger.begin) {
                report.date = reports[*statement].date;
            }
            if (trigger.type == "STATEMENT") statement = reports.size();
            if (!noun) previousVerb = std::pair(match.endToken, report.sources);
            reports.push_back(std::move(report));
        }
    }

    const Collection& collection_;
    const Roles& roles_;
    const Document& document_;
    uint32_t index_;
    std::vector<const Mention*> byEnd_;  // mentionsByEnd
    std::vector<Actor> sentenceActors_;
    uint32_t nextTrigger_ = UINT32_MAX;  // first token of the trigger after the one being read
    std::vector<uint32_t> previousPeople_;  // people the previous sentence named, its actors first
};

}  // namespace

std::vector<EventReport> findReports(const Collection& collection) {
    const Roles roles(collection);
    std::vector<EventReport> reports;
    for (uint32_t d = 0; d < collection.documents.size(); ++d) {
        std::vector<EventReport> read = DocumentReader(collection, roles, d).read();
        reports.insert(reports.end(), std::make_move_iterator(read.begin()), std::make_move_iterator(read.end()));
    }
    return reports;
}

}  // namespace annotator
