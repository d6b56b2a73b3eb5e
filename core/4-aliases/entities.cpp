#include "4-aliases/entities.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <span>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "1-text/unicode.h"
#include "3-entities/demonyms.h"
#include "3-entities/gazetteer.h"
#include "4-aliases/latin.h"
#include "4-aliases/name_match.h"
#include "4-aliases/nicknames.h"
#include "4-aliases/person_name.h"
#include "4-aliases/titles.h"
#include "lexicon.h"

namespace annotator {
namespace {

// Mentions are gathered by spelling: a Unit is every mention whose name reads the same
// once case, hyphens, periods and script are set aside ("Kim Jong-un" / "KIM JONG UN").
// Units are then joined into clusters, which become the entities.

enum class Kind : uint8_t { Person, Named, Group };  // Named: ORG, LOCATION, MISC; Group: NORP

Kind kindOf(MentionType type) {
    switch (type) {
        case MentionType::Person: return Kind::Person;
        case MentionType::Norp: return Kind::Group;
        default: return Kind::Named;
    }
}

struct MentionRef {
    uint32_t document = 0, mention = 0;
};

struct Unit {
    Kind kind = Kind::Named;
    std::string key;                         // the spelling key: Latin letters, words by single spaces
    std::vector<std::string> written;        // its spellings as written, in order of appearance
    std::vector<uint32_t> writtenCounts;     // mentions of each spelling
    std::vector<MentionRef> mentions;        // in text order
    std::map<MentionType, uint32_t> types;   // mentions of each type
    std::vector<std::string> titles;         // per mention: the title written before it, or empty
    PersonName person;                       // persons only
    size_t parts = 0;                        // name parts: words, hyphenated ones counted per part
};

struct Cluster {
    std::vector<uint32_t> units;        // in order of joining
    std::vector<std::vector<uint32_t>> members;  // per unit of `units`: its mentions that joined, by index into unit.mentions
    std::vector<AliasReason> reasons;   // per unit of `units`: why it joined (the first: Written)
    std::vector<uint32_t> documents;    // documents with a mention in this cluster, in order
    size_t parts = 0;                   // the most of its units
    std::string name;                   // set when no mention spells the name (a country of a nationality)
};

// The name as written, without a possessive ending, on one line (a line break inside a name).
std::string writtenName(std::string_view text) {
    for (const std::string_view ending : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
        if (text.size() > ending.size() + 1 && text.ends_with(ending)) {
            text.remove_suffix(ending.size());
            break;
        }
    }
    return singleLine(text);
}

std::vector<std::string_view> wordsOf(std::string_view key) {
    std::vector<std::string_view> words;
    for (size_t from = 0; from < key.size();) {
        size_t to = key.find(' ', from);
        if (to == std::string_view::npos) to = key.size();
        words.push_back(key.substr(from, to - from));
        from = to + 1;
    }
    return words;
}

struct NamedWord {
    enum Kind : uint8_t { Legal, Trade, Small, Abbreviation } kind;
    std::string_view expansion;
};

// core/4-aliases/named-words.tsv
const std::unordered_map<std::string_view, NamedWord>& namedWords() {
    static const auto words = [] {
        std::unordered_map<std::string_view, NamedWord> table;
        for (const TableRow& row : readTable("core/4-aliases/named-words.tsv")) {
            if (row.size() < 2) continue;
            if (row[1] == "legal") table[row[0]] = {NamedWord::Legal, {}};
            else if (row[1] == "trade") table[row[0]] = {NamedWord::Trade, {}};
            else if (row[1] == "small") table[row[0]] = {NamedWord::Small, {}};
            else if (row.size() >= 3) table[row[0]] = {NamedWord::Abbreviation, row[2]};
        }
        return table;
    }();
    return words;
}

const NamedWord* findNamedWord(std::string_view word) {
    const auto found = namedWords().find(word);
    return found == namedWords().end() ? nullptr : &found->second;
}

// Latin letters, lowercased, words separated by single spaces; hyphens separate words,
// periods and apostrophes vanish, and a leading "the" goes: "the U.S." → "us".
std::string spellingKeyOf(std::string_view text) {
    std::string key;
    for (const char c : latinLetters(text)) {
        if (c == '.' || c == '\'') continue;
        const bool space = c == ' ' || c == '-' || c == '\t' || c == '\n';
        if (space) {
            if (!key.empty() && key.back() != ' ') key += ' ';
        } else {
            key += c;
        }
    }
    if (!key.empty() && key.back() == ' ') key.pop_back();
    if (key.starts_with("the ")) key.erase(0, 4);
    return key;
}

// Whether the words, capitalised, are a place of the gazetteer ("south africa").
bool isKnownPlace(const std::vector<std::string>& words) {
    std::string phrase;
    for (const std::string& word : words) {
        phrase += (phrase.empty() ? "" : " ") + word;
        phrase[phrase.size() - word.size()] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    }
    return gazetteer().find(phrase) == "LOC";
}

// The spelling key of an organisation or place: abbreviated words written out, "&" read
// "and", legal forms and trade words at the end dropped ("Mt. Cook" → "mount cook",
// "Apple Computer Inc." → "apple"; named-words.tsv).
std::string namedKeyOf(std::string_view text) {
    std::vector<std::string> words;
    const std::string spelled = spellingKeyOf(text);
    for (const std::string_view word : wordsOf(spelled)) {
        const NamedWord* known = findNamedWord(word);
        words.emplace_back(word == "&" ? "and" : known && known->kind == NamedWord::Abbreviation ? known->expansion : word);
    }
    while (words.size() > 1) {
        const NamedWord* known = findNamedWord(words.back());
        if (!known || (known->kind != NamedWord::Legal && known->kind != NamedWord::Trade)) break;
        if (known->kind == NamedWord::Trade && isKnownPlace({words.begin(), words.end() - 1})) break;
        words.pop_back();
    }
    std::string key;
    for (const std::string& word : words) key += (key.empty() ? "" : " ") + word;
    return key;
}

// The words of the name `key` that an acronym takes letters from: all but the small ones.
std::vector<std::string_view> acronymWords(std::string_view key) {
    std::vector<std::string_view> words;
    for (const std::string_view word : wordsOf(key)) {
        const NamedWord* known = findNamedWord(word);
        if (!known || known->kind != NamedWord::Small) words.push_back(word);
    }
    return words;
}

// Whether `acronym` (lowercase letters) abbreviates a name of several words (acronymWords):
// each word gives its first letter, in order, and may give more letters of its own after it
// ("un": United Nations; "sia": Singapore Airlines; "usaf": United States Air Force).
bool abbreviates(std::string_view acronym, const std::vector<std::string_view>& words) {
    if (words.size() < 2 || acronym.size() < words.size()) return false;
    // The initials must come in order among the acronym's letters: most names fail here.
    for (size_t i = 0, j = 0; j < words.size(); ++i) {
        if (i == acronym.size()) return false;
        if (acronym[i] == words[j][0]) ++j;
    }
    // match(i, j): the letters from i on abbreviate the words from j on.
    auto match = [&](auto& self, size_t i, size_t j) -> bool {
        if (j == words.size()) return i == acronym.size();
        if (i == acronym.size() || acronym[i] != words[j][0]) return false;
        // Word j gives its initial and then 0, 1, … more of its letters, in order.
        size_t letter = i + 1;
        if (self(self, letter, j + 1)) return true;
        for (size_t at = 1; at < words[j].size() && letter < acronym.size(); ++at) {
            if (words[j][at] != acronym[letter]) continue;
            if (self(self, ++letter, j + 1)) return true;
        }
        return false;
    };
    return match(match, 0, 0);
}

bool abbreviates(std::string_view acronym, std::string_view key) { return abbreviates(acronym, acronymWords(key)); }

// A name written as capital letters alone, with or without periods: "UN", "U.S.", "NATO".
bool isAcronym(std::string_view written) {
    size_t letters = 0;
    for (const char c : written) {
        if (c >= 'A' && c <= 'Z') ++letters;
        else if (c != '.') return false;
    }
    return letters >= 2 && letters <= 6;
}

bool isAllCaps(std::string_view written) {
    bool letters = false;
    for (const char c : written) {
        if (c >= 'a' && c <= 'z') return false;
        letters = letters || (c >= 'A' && c <= 'Z');
    }
    return letters;
}

class Resolver {
public:
    explicit Resolver(Collection& collection) : collection_(collection) {}

    void run() {
        gatherUnits();
        unifyKinds();
        for (const Kind kind : {Kind::Person, Kind::Named}) {
            for (const uint32_t unit : unitsOf(kind)) {
                if (kind == Kind::Person) placePerson(unit);
                else placeNamed(unit);
            }
        }
        joinAcronyms();
        for (const uint32_t unit : unitsOf(Kind::Group)) placeGroup(unit);
        makeEntities();
    }

private:
    void gatherUnits() {
        std::unordered_map<std::string, uint32_t> byKey;  // "kind\tkey" → unit
        for (uint32_t d = 0; d < collection_.documents.size(); ++d) {
            const Document& document = collection_.documents[d];
            for (uint32_t m = 0; m < document.mentions.size(); ++m) {
                const Mention& mention = document.mentions[m];
                const uint32_t previousEnd = m > 0 ? document.mentions[m - 1].endToken : 0;
                if (mention.type == MentionType::Date || mention.type == MentionType::Time) continue;
                const std::string written = writtenName(mention.bytes.of(document.text));
                const Kind kind = kindOf(mention.type);
                std::string key = kind == Kind::Named ? namedKeyOf(written) : spellingKeyOf(written);
                if (key.empty()) continue;
                auto [found, added] = byKey.try_emplace(std::to_string(static_cast<int>(kind)) + '\t' + key,
                                                        static_cast<uint32_t>(units_.size()));
                if (added) {
                    Unit& unit = units_.emplace_back();
                    unit.kind = kind;
                    unit.key = std::move(key);
                    if (kind == Kind::Person) {
                        unit.person = analysePersonName(written);
                        for (const NameWord& word : unit.person.words) unit.parts += std::max<size_t>(1, word.parts.size());
                    } else {
                        unit.parts = wordsOf(unit.key).size();
                    }
                }
                Unit& unit = units_[found->second];
                const auto spelling = std::find(unit.written.begin(), unit.written.end(), written);
                if (spelling == unit.written.end()) {
                    unit.written.emplace_back(written);
                    unit.writtenCounts.push_back(1);
                } else {
                    ++unit.writtenCounts[spelling - unit.written.begin()];
                }
                unit.mentions.push_back({d, m});
                unit.titles.push_back(kind == Kind::Person && !document.tokens.empty() ? titleText(document, titleBefore(document, mention, previousEnd)) : std::string());
                ++unit.types[mention.type];
            }
        }
    }

    // One spelling tagged a person in one place and an organisation or a place in another
    // ("Obama", "the Obama administration") is one name: the kind most of its mentions
    // have takes the others' mentions.
    void unifyKinds() {
        std::unordered_map<std::string_view, std::vector<uint32_t>> byKey;
        for (uint32_t u = 0; u < units_.size(); ++u) {
            if (units_[u].kind != Kind::Group) byKey[units_[u].key].push_back(u);
        }
        for (const auto& [key, units] : byKey) {
            if (units.size() < 2) continue;
            const uint32_t most = *std::max_element(units.begin(), units.end(), [&](uint32_t a, uint32_t b) {
                return units_[a].mentions.size() < units_[b].mentions.size();
            });
            Unit& kept = units_[most];
            for (const uint32_t other : units) {
                if (other == most) continue;
                Unit& merged = units_[other];
                kept.mentions.insert(kept.mentions.end(), merged.mentions.begin(), merged.mentions.end());
                kept.titles.insert(kept.titles.end(), merged.titles.begin(), merged.titles.end());
                for (const auto& [type, count] : merged.types) kept.types[type] += count;
                for (size_t s = 0; s < merged.written.size(); ++s) {
                    const auto spelling = std::find(kept.written.begin(), kept.written.end(), merged.written[s]);
                    if (spelling != kept.written.end()) {
                        kept.writtenCounts[spelling - kept.written.begin()] += merged.writtenCounts[s];
                    } else {
                        kept.written.push_back(merged.written[s]);
                        kept.writtenCounts.push_back(merged.writtenCounts[s]);
                    }
                }
                merged.mentions.clear();
            }
            std::vector<size_t> order(kept.mentions.size());
            for (size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
                return std::tie(kept.mentions[a].document, kept.mentions[a].mention) <
                       std::tie(kept.mentions[b].document, kept.mentions[b].mention);
            });
            std::vector<MentionRef> mentions;
            std::vector<std::string> titles;
            for (const size_t i : order) mentions.push_back(kept.mentions[i]), titles.push_back(std::move(kept.titles[i]));
            kept.mentions = std::move(mentions);
            kept.titles = std::move(titles);
        }
    }

    // The units of a kind, fullest first, then the most mentioned, then the first seen.
    std::vector<uint32_t> unitsOf(Kind kind) const {
        std::vector<uint32_t> chosen;
        for (uint32_t u = 0; u < units_.size(); ++u) {
            if (units_[u].kind == kind && !units_[u].mentions.empty()) chosen.push_back(u);
        }
        std::stable_sort(chosen.begin(), chosen.end(), [&](uint32_t a, uint32_t b) {
            if (units_[a].parts != units_[b].parts) return units_[a].parts > units_[b].parts;
            return units_[a].mentions.size() > units_[b].mentions.size();
        });
        return chosen;
    }

    uint32_t newCluster() {
        clusters_.emplace_back();
        return static_cast<uint32_t>(clusters_.size() - 1);
    }

    // Adds the unit's mentions `members` (indexes into unit.mentions) to the cluster.
    void join(uint32_t cluster, uint32_t unit, std::vector<uint32_t> members, AliasReason reason) {
        Cluster& c = clusters_[cluster];
        for (const uint32_t member : members) c.documents.push_back(units_[unit].mentions[member].document);
        std::sort(c.documents.begin(), c.documents.end());
        c.documents.erase(std::unique(c.documents.begin(), c.documents.end()), c.documents.end());
        c.units.push_back(unit);
        c.members.push_back(std::move(members));
        c.reasons.push_back(reason);
        c.parts = std::max(c.parts, units_[unit].parts);
        if (units_[unit].kind == Kind::Person) {
            for (const NameWord& word : units_[unit].person.words) {
                if (word.initial) continue;
                auto& list = personIndex_[word.key];
                if (list.empty() || list.back() != cluster) list.push_back(cluster);
            }
        }
    }

    std::vector<uint32_t> allMembers(uint32_t unit) const {
        std::vector<uint32_t> members(units_[unit].mentions.size());
        for (uint32_t i = 0; i < members.size(); ++i) members[i] = i;
        return members;
    }

    // How alike the person is to every fuller name of the cluster (0 when not to one of them).
    double personScore(uint32_t unit, const Cluster& cluster) const {
        constexpr size_t kCompared = 8;  // the fullest names of a cluster are enough
        double total = 0;
        size_t compared = 0;
        for (const uint32_t other : cluster.units) {
            if (compared == kCompared) break;
            const double similarity = nameSimilarity(units_[unit].person, units_[other].person);
            if (similarity < kSameNameThreshold) return 0;
            total += similarity;
            ++compared;
        }
        return compared == 0 ? 0 : total / compared;
    }

    void placePerson(uint32_t unit) {
        const Unit& person = units_[unit];
        if (person.person.words.empty()) return join(newCluster(), unit, allMembers(unit), AliasReason::Written);
        // Candidates: clusters that share the spelling key of a word.
        std::vector<uint32_t> candidates;
        for (const NameWord& word : person.person.words) {
            if (word.initial) continue;
            const auto found = personIndex_.find(word.key);
            if (found == personIndex_.end()) continue;
            candidates.insert(candidates.end(), found->second.begin(), found->second.end());
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        std::vector<std::pair<uint32_t, double>> compatible;
        for (const uint32_t cluster : candidates) {
            if (const double score = personScore(unit, clusters_[cluster]); score > 0) compatible.push_back({cluster, score});
        }
        if (compatible.empty()) return join(newCluster(), unit, allMembers(unit), AliasReason::Written);
        std::sort(compatible.begin(), compatible.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        const bool shorter = person.parts < clusters_[compatible[0].first].parts;
        if (compatible.size() == 1 || !shorter) return join(compatible[0].first, unit, allMembers(unit), AliasReason::Written);
        std::vector<uint32_t> clusters;
        for (const auto& [cluster, score] : compatible) clusters.push_back(cluster);
        joinInContext(unit, clusters, AliasReason::Written);
    }

    // A shorter name that fits several entities ("Kim Jong": Kim Jong-un, Kim Jong-il) is
    // read in each document as the one of them that document names; where it names several
    // or none, the shorter name stays an entity of its own. Returns that entity's cluster.
    std::optional<uint32_t> joinInContext(uint32_t unit, const std::vector<uint32_t>& candidates, AliasReason reason) {
        std::map<uint32_t, std::vector<uint32_t>> byCluster;
        std::vector<uint32_t> alone;
        const Unit& shorter = units_[unit];
        for (uint32_t i = 0; i < shorter.mentions.size(); ++i) {
            std::optional<uint32_t> only;
            size_t present = 0;
            for (const uint32_t cluster : candidates) {
                const std::vector<uint32_t>& documents = clusters_[cluster].documents;
                if (std::binary_search(documents.begin(), documents.end(), shorter.mentions[i].document)) ++present, only = cluster;
            }
            if (present == 1) byCluster[*only].push_back(i);
            else alone.push_back(i);
        }
        for (auto& [cluster, members] : byCluster) join(cluster, unit, std::move(members), reason);
        if (alone.empty()) return std::nullopt;
        const uint32_t own = newCluster();
        join(own, unit, std::move(alone), AliasReason::Written);
        return own;
    }

    // Organisations and other names (products, events), not places: a place's last words
    // are often another place ("North Korea", "Korea").
    bool mayBeShortened(const Unit& unit) const {
        const auto most = std::max_element(unit.types.begin(), unit.types.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        return most != unit.types.end() && (most->first == MentionType::Org || most->first == MentionType::Misc);
    }

    // Organisations, places and other names: one cluster per spelling, except that
    // - a name that differs from another in one word, spelt alike, joins it (spellingVariantOf);
    // - the first or last words of an organisation's or other name join the fuller name
    //   ("Northrop" / "Northrop Grumman", "Chargers" / "San Diego Chargers", "Rose Garden" /
    //   "White House Rose Garden") when there is only one: a short form with several is a
    //   name of its own ("Apple" beside "Apple Computer" and "Apple Corps").
    // Acronyms join later.
    void placeNamed(uint32_t unit) {
        const Unit& named = units_[unit];
        const std::vector<std::string_view> words = wordsOf(named.key);
        if (mayBeShortened(named) && !isAcronym(named.written.front())) {
            const auto fuller = shortForms_.find(named.key);
            if (fuller != shortForms_.end() && fuller->second.size() == 1) {
                join(fuller->second.front(), unit, allMembers(unit), AliasReason::ShortForm);
                namedClusters_[named.key] = fuller->second.front();
                return;
            }
        }
        if (const std::optional<uint32_t> variant = spellingVariantOf(words)) {
            join(*variant, unit, allMembers(unit), AliasReason::SpellingVariant);
            namedClusters_[named.key] = *variant;
            return;
        }
        const uint32_t own = newCluster();
        join(own, unit, allMembers(unit), AliasReason::Written);
        namedClusters_[named.key] = own;
        for (size_t i = 0; i < words.size() && words.size() > 1; ++i) masked_[maskedKey(words, i)].push_back(own);
        if (!mayBeShortened(named)) return;
        for (size_t size = 1; size < words.size(); ++size) {
            for (const auto part : {std::span(words).first(size), std::span(words).last(size)}) {
                std::string key;
                for (const std::string_view word : part) key.append(key.empty() ? "" : " ").append(word);
                if (size == 1 && findNamedWord(key)) continue;  // "of", "inc": not a name
                auto& clusters = shortForms_[key];
                if (std::find(clusters.begin(), clusters.end(), own) == clusters.end()) clusters.push_back(own);
            }
        }
    }

    // The name's words with word `i` left out, for finding names that differ in one word.
    static std::string maskedKey(const std::vector<std::string_view>& words, size_t i) {
        std::string key;
        for (size_t j = 0; j < words.size(); ++j) key.append(j == i ? "*" : words[j]).append(" ");
        return key;
    }

    static bool isAlphabetic(std::string_view word) {
        return std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; });
    }

    // The cluster of a name of as many words that differs from this one in one word, spelt
    // alike: a typing error or a variant ("Gulf of Eden", "Academy of Motion Pictures Arts").
    std::optional<uint32_t> spellingVariantOf(const std::vector<std::string_view>& words) const {
        if (words.size() < 2) return std::nullopt;
        for (size_t i = 0; i < words.size(); ++i) {
            const auto found = masked_.find(maskedKey(words, i));
            if (found == masked_.end() || words[i].size() < 4 || !isAlphabetic(words[i])) continue;
            for (const uint32_t cluster : found->second) {
                const std::string_view other = wordsOf(units_[clusters_[cluster].units.front()].key)[i];
                if (other.size() < 4 || !isAlphabetic(other)) continue;
                if (jaroWinkler(words[i], other) >= 0.9 || spellingKey(words[i]) == spellingKey(other)) return cluster;
            }
        }
        return std::nullopt;
    }

    // "UN" joins "United Nations" when that is the only name it abbreviates.
    void joinAcronyms() {
        struct Name {
            std::vector<std::string_view> words;  // acronymWords
            uint32_t cluster;
        };
        std::unordered_map<char, std::vector<Name>> byInitial;  // names of several words
        for (const auto& [key, cluster] : namedClusters_) {
            if (key.find(' ') != std::string::npos) byInitial[key[0]].push_back({acronymWords(key), cluster});
        }
        for (auto& [key, cluster] : namedClusters_) {
            Cluster& acronym = clusters_[cluster];
            if (key.find(' ') != std::string::npos || acronym.units.size() != 1) continue;
            const uint32_t unit = acronym.units.front();
            if (!isAcronym(units_[unit].written.front())) continue;
            acronyms_.push_back(key);
            std::optional<uint32_t> only;
            bool several = false;
            for (const auto& [words, target] : byInitial[key[0]]) {
                if (target == cluster || !abbreviates(key, words)) continue;
                several = several || (only && *only != target);
                only = target;
            }
            if (!only || several) continue;
            join(*only, unit, std::move(acronym.members.front()), AliasReason::Acronym);
            acronym = Cluster{};  // emptied; makeEntities skips it
            cluster = *only;
        }
    }

    // A nationality joins its country ("Russian" → Russia), which becomes an entity even
    // when no mention names it; other groups gather by what they refer to.
    void placeGroup(uint32_t unit) {
        const Unit& group = units_[unit];
        const Demonym* demonym = findDemonym(group.written.front());
        const bool refers = demonym && !demonym->refersTo.empty();
        const bool place = refers && (demonym->kind == "nationality" || demonym->kind == "region");
        const std::string key = refers ? spellingKeyOf(demonym->refersTo) : group.key;
        auto& clusters = place ? namedClusters_ : groupClusters_;
        // The country may be written only as its acronym ("American" → "U.S.").
        if (place && !clusters.contains(key)) {
            for (const std::string& acronym : acronyms_) {
                if (abbreviates(acronym, key)) return join(namedClusters_[acronym], unit, allMembers(unit), AliasReason::Nationality);
            }
        }
        auto [found, added] = clusters.try_emplace(key, 0);
        if (added) {
            found->second = newCluster();
            if (refers) clusters_[found->second].name = demonym->refersTo;
            if (place) countryNames_.insert(found->second);
        }
        join(found->second, unit, allMembers(unit), place ? AliasReason::Nationality : AliasReason::Written);
    }

    // Part support: how many of the cluster's mentions write each name part.
    double support(const Cluster& cluster, uint32_t unit) const {
        std::unordered_map<std::string, size_t> mentions;
        for (size_t i = 0; i < cluster.units.size(); ++i) {
            for (const std::string_view part : wordsOf(units_[cluster.units[i]].key)) mentions[std::string(part)] += cluster.members[i].size();
        }
        double total = 0;
        const std::vector<std::string_view> parts = wordsOf(units_[unit].key);
        for (const std::string_view part : parts) total += static_cast<double>(mentions[std::string(part)]);
        return parts.empty() ? 0 : total / static_cast<double>(parts.size());
    }

    // Whether the unit's first word is a descriptor the tagger took in ("Charger Vincent
    // Jackson", "Manager A.J. Smith"): no other spelling has it, and another spelling of
    // several words is the rest of this one.
    bool ledByDescriptor(const Cluster& cluster, size_t i) const {
        const std::vector<std::string_view> words = wordsOf(units_[cluster.units[i]].key);
        if (words.size() < 3) return false;
        bool rest = false;
        for (size_t j = 0; j < cluster.units.size(); ++j) {
            if (j == i) continue;
            const std::vector<std::string_view> other = wordsOf(units_[cluster.units[j]].key);
            if (std::find(other.begin(), other.end(), words.front()) != other.end()) return false;
            rest = rest || (other.size() >= 2 && std::equal(other.rbegin(), other.rend(), words.rbegin(), words.rbegin() + std::min(other.size(), words.size())) && other.size() < words.size());
        }
        return rest;
    }

    // The canonical unit: the fullest name, in the majority's script, whose parts most
    // mentions write ("Ri Yong Ho" over "Rey Yong-ho" when "Ri" is written alone too),
    // then the most mentioned, then the first.
    size_t canonicalUnit(const Cluster& cluster) const {
        if (cluster.units.size() == 1) return 0;
        auto rank = [&](size_t i) {
            const Unit& unit = units_[cluster.units[i]];
            const bool latin = !hasNonLatinLetters(unit.written.front());
            const bool joinedAsAlias = cluster.reasons[i] == AliasReason::Acronym || cluster.reasons[i] == AliasReason::Nationality;
            return std::tuple(!joinedAsAlias, !ledByDescriptor(cluster, i), unit.parts, latin,
                              support(cluster, cluster.units[i]), cluster.members[i].size());
        };
        size_t best = 0;
        auto bestRank = rank(0);
        for (size_t i = 1; i < cluster.units.size(); ++i) {
            if (auto candidate = rank(i); candidate > bestRank) best = i, bestRank = std::move(candidate);
        }
        return best;
    }

    // The unit's spelling to show: the most written, Title Case over ALL CAPS.
    std::string_view shownSpelling(const Unit& unit) const {
        size_t best = 0;
        for (size_t i = 1; i < unit.written.size(); ++i) {
            const auto rank = [&](size_t j) { return std::pair(!isAllCaps(unit.written[j]) || isAcronym(unit.written[j]), unit.writtenCounts[j]); };
            if (rank(i) > rank(best)) best = i;
        }
        return unit.written[best];
    }

    AliasReason personReason(const Unit& alias, const Unit& canonical) const {
        if (hasNonLatinLetters(alias.written.front()) && !hasNonLatinLetters(canonical.written.front())) {
            return AliasReason::Transliteration;
        }
        std::string a = alias.key, b = canonical.key;
        std::erase(a, ' ');
        std::erase(b, ' ');
        if (a == b) return AliasReason::Written;
        const auto& words = alias.person.words;
        if (words.size() == 1 && canonical.person.words.size() > 1) return AliasReason::FamilyName;
        if (!words.empty() && !canonical.person.words.empty() &&
            areNicknames(words.front().folded, canonical.person.words.front().folded)) {
            return AliasReason::Nickname;
        }
        if (alias.parts < canonical.parts) return AliasReason::ShortForm;
        return AliasReason::SpellingVariant;
    }

    void makeEntities() {
        // Entities in order of their first mention.
        std::vector<std::pair<MentionRef, uint32_t>> order;
        for (uint32_t c = 0; c < clusters_.size(); ++c) {
            const Cluster& cluster = clusters_[c];
            if (cluster.units.empty()) continue;
            MentionRef first{UINT32_MAX, UINT32_MAX};
            for (size_t i = 0; i < cluster.units.size(); ++i) {
                for (const uint32_t member : cluster.members[i]) {
                    const MentionRef ref = units_[cluster.units[i]].mentions[member];
                    if (std::tie(ref.document, ref.mention) < std::tie(first.document, first.mention)) first = ref;
                }
            }
            order.push_back({first, c});
        }
        std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
            return std::tie(a.first.document, a.first.mention) < std::tie(b.first.document, b.first.mention);
        });
        collection_.entities.clear();
        for (const auto& [first, c] : order) makeEntity(clusters_[c], countryNames_.contains(c));
    }

    void makeEntity(const Cluster& cluster, bool country) {
        const uint32_t id = static_cast<uint32_t>(collection_.entities.size());
        Entity& entity = collection_.entities.emplace_back();
        std::map<MentionType, uint32_t> types;
        for (size_t i = 0; i < cluster.units.size(); ++i) {
            const Unit& unit = units_[cluster.units[i]];
            for (const uint32_t member : cluster.members[i]) {
                const MentionRef ref = unit.mentions[member];
                Mention& mention = collection_.documents[ref.document].mentions[ref.mention];
                mention.entity = id;
                ++types[mention.type];
            }
        }
        // The type most of its names have; nationality adjectives say "a country".
        types.erase(MentionType::Norp);
        if (types.empty()) {
            entity.type = country ? MentionType::Location : MentionType::Norp;
        } else {
            entity.type = std::max_element(types.begin(), types.end(), [](const auto& a, const auto& b) {
                              return a.second < b.second;
                          })->first;
        }
        // A country known only from its nationality adjective takes its name from the lexicon.
        const bool named = !cluster.name.empty() && std::none_of(cluster.reasons.begin(), cluster.reasons.end(), [](AliasReason reason) {
            return reason != AliasReason::Nationality;
        });
        const size_t canonical = canonicalUnit(cluster);
        const Unit& canonicalUnit = units_[cluster.units[canonical]];
        entity.name = named ? cluster.name : std::string(shownSpelling(canonicalUnit));
        // Aliases in order of appearance: every other spelling, with why it belongs here.
        std::vector<std::pair<MentionRef, Alias>> aliases;
        for (size_t i = 0; i < cluster.units.size(); ++i) {
            const Unit& unit = units_[cluster.units[i]];
            AliasReason reason = cluster.reasons[i];
            if (unit.kind == Kind::Person) reason = personReason(unit, canonicalUnit);
            for (size_t s = 0; s < unit.written.size(); ++s) {
                if (unit.written[s] == entity.name) continue;
                const auto firstUse = std::find_if(cluster.members[i].begin(), cluster.members[i].end(), [&](uint32_t member) {
                    const MentionRef ref = unit.mentions[member];
                    const Document& document = collection_.documents[ref.document];
                    return writtenName(document.mentions[ref.mention].bytes.of(document.text)) == unit.written[s];
                });
                if (firstUse == cluster.members[i].end()) continue;  // written so only where it joined another entity
                const bool sameUnit = i == canonical && !named;
                AliasReason why = sameUnit ? AliasReason::Written : reason;
                if (hasNonLatinLetters(unit.written[s]) && !hasNonLatinLetters(entity.name)) why = AliasReason::Transliteration;
                aliases.push_back({unit.mentions[*firstUse], Alias{unit.written[s], why}});
            }
        }
        std::sort(aliases.begin(), aliases.end(), [](const auto& a, const auto& b) {
            return std::tie(a.first.document, a.first.mention) < std::tie(b.first.document, b.first.mention);
        });
        for (auto& [ref, alias] : aliases) entity.aliases.push_back(std::move(alias));
        // Titles, the most used first, each written as it first was.
        std::vector<std::tuple<uint32_t, size_t, std::string, std::string>> titles;  // uses, order, folded, written
        for (size_t i = 0; i < cluster.units.size(); ++i) {
            for (const uint32_t member : cluster.members[i]) {
                const std::string& written = units_[cluster.units[i]].titles[member];
                if (written.empty()) continue;
                const std::string folded = foldCase(written);
                auto same = std::find_if(titles.begin(), titles.end(), [&](const auto& t) { return std::get<2>(t) == folded; });
                if (same == titles.end()) titles.emplace_back(1, titles.size(), folded, written);
                else ++std::get<0>(*same);
            }
        }
        std::sort(titles.begin(), titles.end(), [](const auto& a, const auto& b) {
            return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b) : std::get<1>(a) < std::get<1>(b);
        });
        for (auto& title : titles) entity.titles.push_back(std::move(std::get<3>(title)));
    }

    Collection& collection_;
    std::vector<Unit> units_;
    std::vector<Cluster> clusters_;
    std::unordered_map<std::string, std::vector<uint32_t>> personIndex_;  // word spelling key → clusters
    std::unordered_map<std::string, uint32_t> namedClusters_;              // spelling key → cluster
    std::unordered_map<std::string, uint32_t> groupClusters_;
    std::unordered_map<std::string, std::vector<uint32_t>> shortForms_;  // first and last words of names that may be shortened → clusters
    std::vector<std::string> acronyms_;
    std::unordered_map<std::string, std::vector<uint32_t>> masked_;  // maskedKey of names of several words → clusters  // spelling keys of the names written as acronyms
    std::unordered_set<uint32_t> countryNames_;  // clusters named after a nationality's country
};

}  // namespace

void resolveEntities(Collection& collection) {
    for (Document& document : collection.documents) {
        for (Mention& mention : document.mentions) mention.entity.reset();
    }
    Resolver(collection).run();
}

}  // namespace annotator
