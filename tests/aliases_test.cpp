// 4-aliases: person-name analysis and matching.
#include <catch2/catch.hpp>

#include "4-aliases/name_match.h"

using namespace annotator;

namespace {

double score(const std::string& a, const std::string& b) {
    return nameSimilarity(analysePersonName(a), analysePersonName(b));
}

std::string wordsOf(const std::string& name) {
    std::string joined;
    for (const NameWord& word : analysePersonName(name).words) joined += (joined.empty() ? "" : " ") + word.folded;
    return joined;
}

}  // namespace

TEST_CASE("titles, particles and title phrases are set aside", "[aliases][names]") {
    const auto [name, words] = GENERATE(table<std::string, std::string>({
        {"President Abbas El Fassi", "abbas fassi"},
        {"Russian Foreign Minister Sergei Lavrov", "sergei lavrov"},
        {"Former Georgia Governor Jimmy Carter", "jimmy carter"},
        {"Walter J. Stoessel, Jr.", "walter j stoessel"},
        {"The Obama Administration", "obama"},
        {"George Washington", "george washington"},  // a place after the first word is the name's
        {"Sofia Mnyambi Simba", "sofia mnyambi simba"},  // and before it, without a title after it
        {"Abd Al-Tawil", "abd tawil"},
    }));
    CAPTURE(name);
    CHECK(wordsOf(name) == words);
}

TEST_CASE("spelling variants of one person match, different people do not", "[aliases][names]") {
    const auto [a, b, same] = GENERATE(table<std::string, std::string, bool>({
        // transliteration and spelling variants
        {"Sergei Lavrov", "Sergey Lavrov", true},
        {"Abd Al Aziz Al Kumaim", "Abd Al Aziz Al Kumaym", true},
        {"Zvulun Orlev", "Zevulun Orlev", true},
        {"Sophia Simba", "Sofia Mnyambi Simba", true},
        // initials, middle names, a second family name, titles
        {"A. M. Hendropriyono", "Abdullah Machmud Hendropriyono", true},
        {"Dante Pino", "Dante Napoleon Pino Archondo", true},
        {"Bill Clinton", "U.S. President Bill Clinton", true},
        {"Barack Obama", "The Obama Administration", true},
        // a family name alone
        {"Lavrov", "Sergei Lavrov", true},
        // people who only share a name part
        {"Zobaida Jalal", "Massouda Jalal", false},
        {"Abdallah Al Saidi", "Ali Al Saidi", false},
        {"Abd Al Aziz Al Kumaim", "Abd Al Amir Rahim Abbud", false},
        {"Abbas El Fassi", "Abbas Abbasov", false},
    }));
    CAPTURE(a, b);
    CHECK((score(a, b) >= kSameNameThreshold) == same);
    CHECK(score(a, b) == Approx(score(b, a)));  // symmetric
}

TEST_CASE("Jaro-Winkler on known values", "[aliases][similarity]") {
    CHECK(jaroWinkler("martha", "marhta") == Approx(0.961).margin(0.001));
    CHECK(jaroWinkler("dixon", "dicksonx") == Approx(0.813).margin(0.001));
    CHECK(jaroWinkler("same", "same") == 1.0);
    CHECK(jaroWinkler("abc", "xyz") == 0.0);
}
