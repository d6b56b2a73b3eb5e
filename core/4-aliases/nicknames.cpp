#include "4-aliases/nicknames.h"

#include <cstdint>
#include <string>
#include <unordered_set>

#include "lexicon.h"
#include "string_index.h"

namespace annotator {

namespace {

struct Nicknames {
    StringIndex names;                                     // every name and nickname → its number
    std::unordered_set<uint64_t> pairs;                    // each pair both ways, as two numbers
};

uint64_t pairOf(uint32_t a, uint32_t b) { return uint64_t{a} << 32 | b; }

const Nicknames& nicknames() {
    static const Nicknames table = [] {
        Nicknames made;
        const auto number = [&](std::string_view name) { return made.names.insert(name, static_cast<uint32_t>(made.names.size())).first; };
        for (const TableRow& row : readTable("core/4-aliases/nicknames.tsv")) {
            if (row.size() < 2) continue;
            const uint32_t a = number(row[0]), b = number(row[1]);
            made.pairs.insert(pairOf(a, b));
            made.pairs.insert(pairOf(b, a));
        }
        return made;
    }();
    return table;
}

}  // namespace

std::optional<uint32_t> givenNameNumber(std::string_view word) { return nicknames().names.find(word); }

bool isCommonGivenName(std::string_view word) { return givenNameNumber(word).has_value(); }

bool areNicknames(uint32_t a, uint32_t b) { return a != b && nicknames().pairs.contains(pairOf(a, b)); }

bool areNicknames(std::string_view a, std::string_view b) {
    if (a == b || a.empty() || b.empty()) return false;
    const std::optional<uint32_t> first = givenNameNumber(a);
    if (!first) return false;
    const std::optional<uint32_t> second = givenNameNumber(b);
    return second && areNicknames(*first, *second);
}

}  // namespace annotator
