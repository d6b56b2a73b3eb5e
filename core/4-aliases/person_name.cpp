#include "4-aliases/person_name.h"

#include <unordered_map>

#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "2-tokens/tokenizer.h"
#include "3-entities/demonyms.h"
#include "3-entities/gazetteer.h"
#include "4-aliases/latin.h"
#include "4-aliases/nicknames.h"
#include "lexicon.h"

namespace annotator {
namespace {

enum class WordKind : uint8_t { Title, Suffix, Particle };

const std::unordered_map<std::string_view, WordKind>& nameWords() {
    static const auto words = [] {
        std::unordered_map<std::string_view, WordKind> table;
        for (const TableRow& row : readTable("core/4-aliases/name-words.tsv")) {
            if (row.size() < 2) continue;
            table[row[0]] = row[1] == "title" ? WordKind::Title : row[1] == "suffix" ? WordKind::Suffix : WordKind::Particle;
        }
        return table;
    }();
    return words;
}

bool isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

}  // namespace

bool isTitleWord(std::string_view folded) {
    const auto found = nameWords().find(folded);
    return found != nameWords().end() && found->second == WordKind::Title;
}

std::string spellingKey(std::string_view folded) {
    // Letter groups that spell one sound, longest first.
    static constexpr std::pair<std::string_view, std::string_view> kGroups[] = {
        {"kh", "k"}, {"ph", "f"}, {"dh", "d"}, {"th", "t"}, {"gh", "k"}, {"sch", "s"}, {"sh", "s"},
        {"ch", "c"}, {"ck", "k"}, {"q", "k"}, {"g", "k"}, {"w", "v"}, {"z", "s"}, {"x", "ks"},
    };
    std::string merged;
    for (size_t i = 0; i < folded.size();) {
        bool replaced = false;
        for (const auto& [from, to] : kGroups) {
            if (folded.substr(i, from.size()) == from) {
                merged += to;
                i += from.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) merged += folded[i++];
    }
    if (!merged.empty() && merged[0] == 'j') merged[0] = 'y';
    // The first letter, then the consonants, each run of one letter once.
    std::string key;
    for (size_t i = 0; i < merged.size(); ++i) {
        const char c = merged[i];
        if (i > 0 && isVowel(c)) continue;
        if (!key.empty() && key.back() == c) continue;
        key += c;
    }
    if (!key.empty() && isVowel(key[0])) key[0] = 'a';  // Abd / Ebd / Ibd
    return key;
}

PersonName analysePersonName(std::string_view name) {
    PersonName person;
    const auto& table = nameWords();
    std::vector<NameWord> particles;  // kept only if the name is nothing else
    // Known places, bodies and demonyms before the name, held until we know whether a
    // title follows them ("Former Georgia Governor Jimmy Carter", "American President
    // Clinton": title context) or the name does ("Sofia Simba", "George Washington").
    std::vector<NameWord> held;
    bool leading = true;
    for (const Token& token : tokenize(name)) {
        if (token.kind != TokenKind::Word) continue;
        const std::string_view text = token.bytes.of(name);
        std::string folded;
        std::vector<std::string> parts(1);
        for (const char c : latinLetters(text)) {
            if (c == '-' && !parts.back().empty()) parts.emplace_back();
            if (c == '-' || c == '\'' || c == '.') continue;
            folded += c;
            parts.back() += c;
        }
        if (parts.back().empty()) parts.pop_back();
        if (parts.size() < 2) parts.clear();
        // "Al-Tawil" is the particle and the name.
        if (text.size() > 3 && text[2] == '-' && (folded.starts_with("al") || folded.starts_with("el"))) {
            folded.erase(0, 2);
            parts.erase(parts.begin());
            if (parts.size() < 2) parts.clear();
        }
        if (folded.empty()) continue;
        size_t letters = 0;
        for (size_t offset = 0; offset < folded.size(); ++letters) decodeUtf8(folded, offset);
        std::vector<std::string> partKeys;
        for (const std::string& piece : parts) partKeys.push_back(spellingKey(piece));
        NameWord word{folded, spellingKey(folded), std::move(parts), std::move(partKeys), letters == 1, givenNameNumber(folded)};
        auto found = table.find(foldCase(text));
        if (found != table.end() && (found->second == WordKind::Suffix || (found->second == WordKind::Title && leading))) {
            held.clear();
            continue;
        }
        if (found != table.end() && found->second == WordKind::Title) found = table.end();
        if (leading && (!gazetteer().find(text).empty() || findDemonym(text))) {
            held.push_back(std::move(word));
            continue;
        }
        if (found != table.end()) {
            particles.push_back(std::move(word));
            continue;
        }
        person.words.insert(person.words.end(), std::make_move_iterator(held.begin()), std::make_move_iterator(held.end()));
        held.clear();
        person.words.push_back(std::move(word));
        leading = false;
    }
    person.words.insert(person.words.end(), std::make_move_iterator(held.begin()), std::make_move_iterator(held.end()));
    if (person.words.empty()) person.words = std::move(particles);
    for (size_t i = 0; i + 1 < person.words.size(); ++i) {
        const NameWord &first = person.words[i], &second = person.words[i + 1];
        std::string folded = first.folded + second.folded;
        std::string key = spellingKey(folded);
        const std::optional<uint32_t> givenName = givenNameNumber(folded);
        person.joined.push_back({std::move(folded), std::move(key), {first.folded, second.folded}, {first.key, second.key}, false, givenName});
    }
    return person;
}

}  // namespace annotator
