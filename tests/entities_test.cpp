// 3-entities: the model format, decoding and the stage on real sentences.
#include <catch2/catch.hpp>

#include "3-entities/demonyms.h"
#include "3-entities/tagger.h"
#include "analyse.h"
#include "resources.h"

using namespace annotator;

namespace {

std::vector<std::pair<std::string, MentionType>> entitiesOf(const std::string& text) {
    const auto collection = analyse({{"a", text, std::nullopt}}, {});
    REQUIRE(collection);
    std::vector<std::pair<std::string, MentionType>> found;
    const Document& document = collection.value().documents[0];
    for (const Mention& mention : document.mentions) {
        if (mention.type != MentionType::Date && mention.type != MentionType::Time) {
            found.emplace_back(std::string(mention.bytes.of(document.text)), mention.type);
        }
    }
    return found;
}

}  // namespace

TEST_CASE("the built-in models load and match this build's features", "[entities][model]") {
    const auto tagger = builtInEntityTagger();
    REQUIRE(tagger);
    for (const TaggerModel& model : tagger.value()->stages) {
        CHECK(model.weights.size() == (size_t{1} << model.bucketBits) * kRowStride);
    }
}

TEST_CASE("a model that does not fit is refused with a message saying why", "[entities][model]") {
    const std::string good(embeddedFile("models/entity-tagger-1.bin"));
    REQUIRE(loadTaggerModel(good, 1));
    SECTION("not a model") { CHECK_THAT(loadTaggerModel("GIF89a....", 1).error().message, Catch::Contains("NATG")); }
    SECTION("the model of the other stage") {
        CHECK_THAT(loadTaggerModel(good, 2).error().message, Catch::Contains("other features"));
    }
    SECTION("another format version") {
        std::string bytes = good;
        bytes[4] = 9;
        CHECK_THAT(loadTaggerModel(bytes, 1).error().message, Catch::Contains("format 9"));
    }
    SECTION("other features") {
        std::string bytes = good;
        bytes[8] ^= 0x55;
        CHECK_THAT(loadTaggerModel(bytes, 1).error().message, Catch::Contains("other features"));
    }
    SECTION("truncated") {
        CHECK_THAT(loadTaggerModel(good.substr(0, good.size() - 100), 1).error().message, Catch::Contains("truncated"));
    }
    SECTION("damaged") {
        std::string bytes = good;
        bytes[bytes.size() / 2] ^= 1;
        CHECK_THAT(loadTaggerModel(bytes, 1).error().message, Catch::Contains("checksum"));
    }
}

TEST_CASE("Viterbi never produces an I- tag that does not continue its type", "[entities][decode]") {
    // Emissions that prefer I-PER everywhere, and zero transitions: the best legal path
    // must start with B-PER.
    const size_t length = 3;
    std::vector<float> emissions(length * kTagCount, 0);
    for (size_t i = 0; i < length; ++i) emissions[i * kTagCount + insideTag(0)] = 5;
    std::vector<float> transitions((kTagCount + 1) * kTagCount, 0);
    const std::vector<int> tags = viterbi(emissions, transitions.data());
    CHECK(tags[0] == beginTag(0));
    for (size_t i = 1; i < length; ++i) CHECK(isAllowedAfter(tags[i - 1], tags[i]));
}

TEST_CASE("names are found with their full span and type", "[entities][stage]") {
    const auto found = entitiesOf(
        "Russian Foreign Minister Sergei Lavrov met North Korean Foreign Minister Ri Yong Ho in Moscow on Monday.");
    using P = std::pair<std::string, MentionType>;
    CHECK(std::find(found.begin(), found.end(), P{"Sergei Lavrov", MentionType::Person}) != found.end());
    CHECK(std::find(found.begin(), found.end(), P{"Ri Yong Ho", MentionType::Person}) != found.end());
    CHECK(std::find(found.begin(), found.end(), P{"Moscow", MentionType::Location}) != found.end());
    CHECK(std::find(found.begin(), found.end(), P{"Russian", MentionType::Norp}) != found.end());
    CHECK(std::find(found.begin(), found.end(), P{"North Korean", MentionType::Norp}) != found.end());
}

TEST_CASE("an entity never overlaps a date", "[entities][stage]") {
    const auto collection = analyse({{"a", "The April 10 summit in Moscow ended in May.", std::nullopt}}, {});
    REQUIRE(collection);
    const auto& mentions = collection.value().documents[0].mentions;
    for (size_t i = 1; i < mentions.size(); ++i) CHECK(mentions[i - 1].bytes.end <= mentions[i].bytes.begin);
}

TEST_CASE("the demonym lexicon links a nationality to its country", "[entities][demonyms]") {
    REQUIRE(findDemonym("Russian"));
    CHECK(findDemonym("Russian")->refersTo == "Russia");
    REQUIRE(findDemonym("North Korean"));
    CHECK(findDemonym("North Korean")->refersTo == "North Korea");
    CHECK(findDemonym("Moscow") == nullptr);
}
