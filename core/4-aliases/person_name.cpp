#include "4-aliases/person_name.h"

#include <unordered_map>

#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "2-tokens/tokenizer.h"
#include "3-entities/demonyms.h"
#include "3-entities/gazetteer.h"
#include "lexicon.h"

namespace annotator {
namespace {

enum class WordKind : uint8_t { Title, Particle };

const std::unordered_map<std::string_view, WordKind>& nameWords() {
    static const auto words = [] {
        std::unordered_map<std::string_view, WordKind> table;
        for (const TableRow& row : readTable("core/4-aliases/name-words.tsv")) {
            if (row.size() >= 2) table[row[0]] = row[1] == "title" ? WordKind::Title : WordKind::Particle;
        }
        return table;
    }();
    return words;
}

bool isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

}  // namespace

std::string spellingKey(std::string_view folded) {
    // Letter groups that spell one sound, longest first.
    static constexpr std::pair<std::string_view, std::string_view> kGroups[] = {
        {"kh", "k"}, {"ph", "f"}, {"dh", "d"}, {"th", "t"}, {"gh", "g"}, {"sch", "s"}, {"sh", "s"},
        {"ch", "c"}, {"ck", "k"}, {"q", "k"}, {"w", "v"}, {"z", "s"}, {"x", "ks"},
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
        for (const char c : foldCase(text)) {
            if (c != '-' && c != '\'' && c != '.') folded += c;
        }
        // "Al-Tawil" is the particle and the name.
        if (text.size() > 3 && text[2] == '-' && (folded.starts_with("al") || folded.starts_with("el"))) {
            folded.erase(0, 2);
        }
        if (folded.empty()) continue;
        size_t letters = 0;
        for (size_t offset = 0; offset < folded.size(); ++letters) decodeUtf8(folded, offset);
        NameWord word{folded, spellingKey(folded), letters == 1};
        const auto found = table.find(foldCase(text));
        if (found != table.end() && found->second == WordKind::Title) {
            held.clear();
            continue;
        }
        if (leading && (!gazetteer().find(std::string(text)).empty() || findDemonym(text))) {
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
    return person;
}

}  // namespace annotator
