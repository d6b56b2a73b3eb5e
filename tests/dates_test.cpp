// 3-dates: the example corpus (tests/dates/corpus.tsv) and the calendar arithmetic.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "3-dates/date_value.h"
#include "analyse.h"
#include "calendar.h"

using namespace annotator;

namespace {

struct Example {
    int line;
    std::string sentence;
    std::optional<CalendarDate> reference;
    std::string expected;  // "surface=value | …" as in the corpus
};

std::vector<Example> readCorpus() {
    std::ifstream file(ANNOTATOR_TESTS_DIR "/dates/corpus.tsv");
    std::vector<Example> examples;
    std::optional<CalendarDate> reference;
    std::string line;
    for (int number = 1; std::getline(file, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        if (line.starts_with("@reference ")) {
            reference = parseIsoDate(line.substr(11));
            continue;
        }
        const size_t tab = line.find('\t');
        examples.push_back({number, line.substr(0, tab), reference, tab == std::string::npos ? "" : line.substr(tab + 1)});
    }
    return examples;
}

// What the pipeline finds in one sentence, in the corpus's notation.
std::string found(const Example& example) {
    const auto collection = analyse({{"example", example.sentence, example.reference}}, {});
    REQUIRE(collection);
    std::string joined;
    const Document& document = collection.value().documents[0];
    for (const Mention& mention : document.mentions) {
        if (mention.type != MentionType::Date && mention.type != MentionType::Time) continue;
        const std::string value = mention.value.empty() ? "?" : mention.value;
        // The type follows the value: a time of day makes a TIME.
        if (value != "?") CHECK((mention.type == MentionType::Time) == (value.find('T') != std::string::npos));
        if (!joined.empty()) joined += " | ";
        joined += std::string(mention.bytes.of(document.text)) + "=" + value;
    }
    return joined;
}

}  // namespace

TEST_CASE("every example of the dates corpus gives its mentions and values", "[dates][corpus]") {
    const std::vector<Example> examples = readCorpus();
    REQUIRE(examples.size() > 100);
    size_t passed = 0;
    for (const Example& example : examples) {
        CAPTURE(example.line, example.sentence);
        const std::string result = found(example);
        CHECK(result == example.expected);
        passed += result == example.expected;
    }
    WARN("dates corpus: " << passed << " of " << examples.size() << " examples pass");
}

TEST_CASE("calendar arithmetic", "[dates][calendar]") {
    CHECK(toDayNumber({1970, 1, 1}) == 0);
    CHECK(fromDayNumber(toDayNumber({2018, 4, 10})) == CalendarDate{2018, 4, 10});
    CHECK(addDays({2018, 3, 1}, -1) == CalendarDate{2018, 2, 28});
    CHECK(addDays({2016, 3, 1}, -1) == CalendarDate{2016, 2, 29});
    CHECK(isoWeekday({2018, 4, 10}) == 2);  // a Tuesday
    CHECK(isoWeek({2018, 4, 10}).week == 15);
    CHECK(isoWeek({2018, 12, 31}).year == 2019);  // Monday of week 2019-W01
    CHECK(isoWeek({2021, 1, 3}).year == 2020);
    CHECK(parseIsoDate("2018-02-30") == std::nullopt);
    CHECK(formatIsoDate({987, 6, 5}) == "0987-06-05");
}

TEST_CASE("a relative expression without a reference date stays unresolved", "[dates][resolve]") {
    DateExpression lastMonth;
    lastMonth.relativeUnit = Unit::Month;
    lastMonth.offset = -1;
    CHECK(resolve(lastMonth, std::nullopt, Tense::Past).empty());
    CHECK(resolve(lastMonth, CalendarDate{2018, 1, 5}, Tense::Past) == "2017-12");
}
