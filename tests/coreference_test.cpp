// The coreference evaluation (tools/coreference): the MUC, B³ and CEAF-e scores against the
// test cases of the CoNLL reference scorer (conll/reference-coreference-scorers,
// test/TestCases.README), the assignment they rest on, ECB+'s proper-name rule and the name
// found inside a gold mention.
#include <catch2/catch.hpp>

#include "coreference/corpus.h"
#include "coreference/metrics.h"

using namespace annotator::coreference;

namespace {

// Mentions written as letters, one string a cluster: {"a", "bc", "def"}.
Clustering clusters(const std::vector<std::string>& written) {
    Clustering result;
    for (const std::string& cluster : written) {
        result.emplace_back();
        for (char mention : cluster) result.back().push_back(static_cast<size_t>(mention));
    }
    return result;
}

void checkScore(const Score& score, double recall, double precision) {
    CHECK(score.recall == Approx(recall).margin(1e-4));
    CHECK(score.precision == Approx(precision).margin(1e-4));
}

}  // namespace

TEST_CASE("a perfect response scores 1 everywhere", "[coreference][metrics]") {
    const Scores s = score(clusters({"a", "bc", "def"}), clusters({"a", "bc", "def"}));
    checkScore(s.muc, 1, 1);
    checkScore(s.bCubed, 1, 1);
    checkScore(s.ceafEntity, 1, 1);
    CHECK(s.conllF1() == Approx(1));
}

TEST_CASE("missing and spurious mentions: the reference scorer's cases", "[coreference][metrics]") {
    const Clustering key = clusters({"a", "bc", "def"});
    SECTION("TC-A-2, mentions missing") {
        const Scores s = score(key, clusters({"a", "de"}));
        checkScore(s.muc, 1.0 / 3, 1);
        checkScore(s.bCubed, 7.0 / 18, 1);
        checkScore(s.ceafEntity, 1.8 / 3, 1.8 / 2);
    }
    SECTION("TC-A-3, spurious mentions") {
        const Scores s = score(key, clusters({"a", "bcx", "defy", "z"}));
        checkScore(s.muc, 1, 3.0 / 5);
        checkScore(s.bCubed, 1, 55.0 / 108);
        const double common = 1 + 4.0 / 5 + 6.0 / 7;
        checkScore(s.ceafEntity, common / 3, common / 4);
    }
    SECTION("TC-A-4, both") {
        const Scores s = score(key, clusters({"a", "bcx", "dy", "z"}));
        checkScore(s.muc, 1.0 / 3, 1.0 / 3);
        checkScore(s.bCubed, 5.0 / 9, 17.0 / 42);
        checkScore(s.ceafEntity, 2.2 / 3, 2.2 / 4);
    }
    SECTION("TC-A-10, gold mentions, all singletons") {
        const Scores s = score(key, clusters({"a", "b", "c", "d", "e", "f"}));
        checkScore(s.muc, 0, 0);
        checkScore(s.bCubed, 3.0 / 6, 1);
    }
    SECTION("TC-A-11, gold mentions, one cluster") {
        const Scores s = score(key, clusters({"abcdef"}));
        checkScore(s.muc, 1, 3.0 / 5);
        checkScore(s.bCubed, 1, 7.0 / 18);
    }
    SECTION("TC-A-12, system mentions, all singletons") {
        const Scores s = score(key, clusters({"a", "x", "y", "c", "d", "e", "z"}));
        checkScore(s.muc, 0, 0);
        checkScore(s.bCubed, 13.0 / 36, 4.0 / 7);
    }
    SECTION("TC-A-13, system mentions, one cluster") {
        const Scores s = score(key, clusters({"axycdez"}));
        checkScore(s.muc, 1.0 / 3, 1.0 / 6);
        checkScore(s.bCubed, 17.0 / 36, 6.0 / 49);
    }
}

TEST_CASE("TC-L-1: key {ABC} {DEFG}, response {AB} {CD} {FGH}, by hand", "[coreference][metrics]") {
    const Scores s = score(clusters({"ABC", "DEFG"}), clusters({"AB", "CD", "FGH"}));
    // MUC: key links kept (3 − 2) + (4 − 3) of 2 + 3; response (2 − 1) + (2 − 2) + (3 − 2)
    // of 1 + 1 + 2, H twinless.
    checkScore(s.muc, 2.0 / 5, 2.0 / 4);
    // B³: recall (2²/3 + 1²/3 + 1²/4 + 2²/4) / 7; precision (2²/2 + 1²/2 + 1²/2 + 2²/3) / 7.
    checkScore(s.bCubed, (5.0 / 3 + 5.0 / 4) / 7, (2 + 1 + 4.0 / 3) / 7);
    // CEAF-e: ABC–AB (φ4 = 4/5) and DEFG–FGH (4/7) beat ABC–CD and DEFG–CD.
    const double common = 4.0 / 5 + 4.0 / 7;
    checkScore(s.ceafEntity, common / 2, common / 3);
    CHECK(s.conllF1() == Approx((s.muc.f1() + s.bCubed.f1() + s.ceafEntity.f1()) / 3));
}

TEST_CASE("the assignment of largest weight, where greed fails", "[coreference][metrics]") {
    // Greedy takes 3 and ends at 4; the best is 2 + 2 + 1.
    CHECK(bestAssignment({{3, 2, 0}, {2, 0, 0}, {0, 0, 1}}) == std::vector<int>{1, 0, 2});
    CHECK(bestAssignment({{1, 5, 1}, {4, 5, 1}}) == std::vector<int>{1, 0});        // more columns
    CHECK(bestAssignment({{1, 4}, {5, 5}, {1, 1}}) == std::vector<int>{1, 0, -1});  // more rows
    CHECK(bestAssignment({}).empty());
}

TEST_CASE("ECB+ proper names: a name-cased head", "[coreference][ecbplus]") {
    const std::set<std::string> lowerCase = {"woman", "navy", "store"};
    const auto [words, startsSentence, inHeadline,
                proper] = GENERATE(table<std::vector<std::string>, bool, bool, bool>({
        {{"in", "San", "Diego"}, false, false, true},
        {{"Gulf", "of", "Aden"}, false, false, true},
        {{"to", "a", "small", "hut", "on", "Mount", "Sefton"}, false, false, false},
        {{"outside", "a", "Sam", "'s", "Club", "store", "in", "Bloomington"}, false, false, false},
        {{"at", "Aoraki", "Mount", "Cook", "."}, false, false, true},
        {{"Philadelphia", "76ers"}, false, false, true},
        {{"state", "Route", "94"}, false, false, true},
        {{"We"}, false, false, false},
        {{"I'm"}, true, false, false},
        {{"US"}, false, false, true},
        {{"Woman"}, true, false, false},  // written "woman" elsewhere
        {{"Gupta"}, true, false, true},
        {{"Navy"}, false, true, false},  // in a headline
        {{"Navy"}, false, false, true},
    }));
    CAPTURE(words);
    CHECK(isProperName({words, startsSentence, inHeadline}, lowerCase) == proper);
}

TEST_CASE("gold spans start after leading prepositions and determiners", "[coreference]") {
    CHECK(leadingFunctionWords({"in", "the", "Gulf", "of", "Aden"}) == 2);
    CHECK(leadingFunctionWords({"The", "Beatles"}) == 1);
    CHECK(leadingFunctionWords({"The"}) == 0);
    CHECK(leadingFunctionWords({"Apple", "Inc."}) == 0);
    CHECK(isHeadline({"Tara", "Reid", "Checks", "Into", "Rehab"}));
    CHECK_FALSE(isHeadline({"Tara", "Reid", "checked", "into", "rehab", "."}));
}

TEST_CASE("the proper name inside a gold mention: the run of name words at its head",
          "[coreference]") {
    using Words = std::vector<std::string>;
    const auto [words, head, name] = GENERATE(table<Words, size_t, std::string>({
        {{"defensive", "tackle", "Jamal", "Williams"}, 3, "Jamal Williams"},
        {{"Gulf", "of", "Aden", "between", "Somalia", "and", "Yemen"}, 0, "Gulf of Aden"},
        {{"Steve", "Jobs", ",", "the", "Apple", "Chief", "Executive", "Officer"}, 1, "Steve Jobs"},
        {{"Apple", "CEO", "Steve", "Jobs"}, 3, "Apple CEO Steve Jobs"},  // all name-cased
        {{"Philadelphia", "76ers"}, 1, "Philadelphia 76ers"},
        {{"state", "Route", "94"}, 2, "Route 94"},
        {{"Regina", "M", ".", "Benjamin"}, 3, "Regina M . Benjamin"},
        {{"Dr", ".", "Regina", "Benjamin"}, 3, "Regina Benjamin"},
        {{"Apple", "'s", "iTunes"}, 2, "iTunes"},
        {{"the", "30GB", "iPod"}, 2, "iPod"},
        {{"The", "Beatles"}, 1, "Beatles"},
        {{"iPod", "nano"}, 1, "iPod"},             // the head is no name word: the last run
        {{"Airbus", "A400M"}, 2, "Airbus A400M"},  // no head
        {{"the", "777-200LR"}, 2, "777-200LR"},    // no run: the mention
    }));
    CAPTURE(words, head);
    const auto [begin, end] = nameRun(words, head);
    std::string run;
    for (size_t i = begin; i < end; ++i) run += (run.empty() ? "" : " ") + words[i];
    CHECK(run == name);
}

TEST_CASE("the head of an ECB+ mention", "[coreference][ecbplus]") {
    CHECK(ecbPlusHead({"in", "Gulf", "of", "Aden"}) == 1);
    CHECK(ecbPlusHead({"defensive", "tackle", "Jamal", "Williams", "."}) == 3);
    CHECK(ecbPlusHead({"Steve", "Jobs", ",", "the", "Apple", "CEO"}) == 1);
}
