// json: the request/result contract and UTF-16 offsets at the boundary.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "json/json_io.h"
#include "json/json_reader.h"
#include "json/utf16_index.h"

using namespace annotator;
using Json = nlohmann::json;

namespace {

// The mention texts as JavaScript would slice them: by UTF-16 code units.
std::u16string utf16(const std::string& text) {
    std::u16string out;
    for (size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        char32_t cp = length == 1 ? byte : byte & (0x7F >> length);
        for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        if (cp >= 0x10000) {
            out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
            out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            out += static_cast<char16_t>(cp);
        }
        i += length;
    }
    return out;
}

// The first mention with this text.
Json mentionOf(const Json& document, const std::string& text) {
    for (const Json& mention : document["mentions"]) {
        if (mention["text"] == text) return mention;
    }
    FAIL("no mention \"" << text << "\"");
    return {};
}

Json analyseOne(const std::string& text, const std::string& date = "2018-04-10") {
    const Json request = {{"documents", {{{"id", "a"}, {"text", text}, {"date", date}}}}};
    return Json::parse(analyseRequestJson(request.dump()));
}

}  // namespace

TEST_CASE("mention offsets are UTF-16 code units: text.slice(start, end) is the mention", "[json][offsets]") {
    const std::string text = GENERATE(as<std::string>{},
                                      "Café déjà vu: Ri arrived on Monday.",
                                      "北京 talks: 金正恩 met Xi on Monday, said officials.",
                                      "🎉🇰🇵 Kim 👨‍👩‍👧 arrived on Monday, and left on Tuesday.",
                                      "Ünïcödé and combining e\xCC\x81 before Monday.");
    const Json result = analyseOne(text);
    REQUIRE(result.contains("documents"));
    const Json& document = result["documents"][0];
    const std::u16string units = utf16(document["text"].get<std::string>());
    REQUIRE_FALSE(document["mentions"].empty());
    for (const Json& mention : document["mentions"]) {
        const size_t start = mention["start"], end = mention["end"];
        CHECK(units.substr(start, end - start) == utf16(mention["text"].get<std::string>()));
    }
    for (const Json& sentence : document["sentences"]) CHECK(sentence["end"].get<size_t>() <= units.size());
}

TEST_CASE("Utf16Index counts surrogate pairs and multi-byte letters", "[json][offsets]") {
    const std::string text = std::string("a\xC3\xA9") + "\xF0\x9F\x98\x80" + std::string(600, 'x') + "\xE2\x82\xAC";
    const Utf16Index index(text);
    CHECK(index.toUtf16(0) == 0);
    CHECK(index.toUtf16(1) == 1);
    CHECK(index.toUtf16(3) == 2);  // after é
    CHECK(index.toUtf16(7) == 4);  // after the emoji: a surrogate pair
    CHECK(index.toUtf16(607) == 604);
    CHECK(index.toUtf16(static_cast<uint32_t>(text.size())) == 605);
}

TEST_CASE("the result has the annotator/1 shape", "[json][contract]") {
    const Json result = analyseOne("Talks Open in Moscow\n\nApril 10,2018\n\nRi arrived on Monday.");
    CHECK(result["schema"] == "annotator/1");
    CHECK(result["entities"].is_array());
    CHECK(result["events"].is_array());
    const Json& document = result["documents"][0];
    CHECK(document["id"] == "a");
    CHECK(document["title"] == "Talks Open in Moscow");
    CHECK(document["date"] == "2018-04-10");
    for (const char* key : {"text", "sentences", "mentions", "dateline"}) CHECK(document.contains(key));
    const Json mention = mentionOf(document, "Monday");
    CHECK(mention["type"] == "DATE");
    CHECK(mention["entity"].is_null());
    CHECK(mention["value"] == "2018-04-09");
}

TEST_CASE("a dateline dates the document when no date is given", "[json][dateline]") {
    const Json request = {{"documents", {{{"id", "a"}, {"text", "Talks Open\n\nApril 10,2018\n\nRi arrived on Monday."}}}}};
    const Json document = Json::parse(analyseRequestJson(request.dump()))["documents"][0];
    CHECK(document["date"] == "2018-04-10");
    CHECK(document["dateline"]["start"] == 12);
    CHECK(document["sentences"][1]["role"] == "dateline");
    CHECK(mentionOf(document, "Monday")["value"] == "2018-04-09");
}

TEST_CASE("without any reference date a relative date has a null value", "[json][dates]") {
    const Json request = {{"documents", {{{"id", "a"}, {"text", "Ri arrived on Monday."}}}}};
    const Json document = Json::parse(analyseRequestJson(request.dump()))["documents"][0];
    CHECK(document["date"].is_null());
    CHECK(mentionOf(document, "Monday")["value"].is_null());
}

TEST_CASE("bad requests come back as an error field, never a crash", "[json][errors]") {
    const auto [request, message] = GENERATE(table<std::string, std::string>({
        {"not json", "not a JSON object"},
        {"[]", "not a JSON object"},
        {"{}", "no \"documents\" array"},
        {R"({"documents":[{"id":"a"}]})", "has no \"text\""},
        {R"({"documents":[{"text":"x","date":"10 April"}]})", "YYYY-MM-DD"},
        {R"({"documents":[{"text":"x"}],"reference_date":"2018-13-01"})", "reference_date"},
        {R"({"documents":[{"id":"b.bin","text":"\u0000\u0001"}]})", "binary"},
    }));
    CAPTURE(request);
    const Json result = Json::parse(analyseRequestJson(request));
    REQUIRE(result.contains("error"));
    CHECK_THAT(result["error"].get<std::string>(), Catch::Contains(message));
}

TEST_CASE("pasted HTML is text: it comes back unchanged", "[json][safety]") {
    const std::string html = "<script>alert(1)</script><b>bold</b> on Monday";
    CHECK(analyseOne(html)["documents"][0]["text"] == html);
}

TEST_CASE("lone surrogates from JavaScript are repaired with a warning", "[json][errors]") {
    // What Emscripten makes of a lone surrogate: its 3-byte (CESU-8) form.
    const std::string request = "{\"documents\":[{\"id\":\"a\",\"text\":\"x\xED\xA0\x80y on Monday\"}]}";
    const Json result = Json::parse(analyseRequestJson(request));
    REQUIRE(result.contains("documents"));
    CHECK(result["warnings"].size() == 1);
}

TEST_CASE("two documents with one name stay two documents", "[json][ids]") {
    const Json request = {{"documents", {{{"id", "a.txt"}, {"text", "x"}}, {{"id", "a.txt"}, {"text", "y"}}}}};
    const Json result = Json::parse(analyseRequestJson(request.dump()));
    CHECK(result["documents"][0]["id"] == "a.txt");
    CHECK(result["documents"][1]["id"] == "a.txt (2)");
    CHECK(result["warnings"].size() == 1);
}

TEST_CASE("progress is told after each document, then for entities and events", "[json][progress]") {
    std::vector<std::string> steps;
    const std::string result = analyseRequestJson(
        R"({"documents": [{"id": "a", "text": "Lavrov met Kim in Pyongyang."}, {"id": "b", "text": "Kim met Lavrov."}]})",
        [&steps](const Progress& progress) {
            steps.push_back(std::string(progress.stage) + " " + std::to_string(progress.done) + "/" + std::to_string(progress.total));
        });
    CHECK(Json::parse(result).contains("documents"));
    CHECK(steps == std::vector<std::string>{"documents 1/2", "documents 2/2", "entities 0/1", "events 0/1", "events 1/1"});
}

// Whether JsonReader reads `text` as one valid JSON value, skipping it whole.
bool readsAsJson(const std::string& text) {
    JsonReader in(text);
    return in.skipValue() && in.atEnd();
}

TEST_CASE("the request reader accepts and refuses exactly what a JSON parser does", "[json][reader]") {
    const std::string text = GENERATE(as<std::string>{},
        "{}", "[]", "\"\"", "0", "-0", "12.5e-3", "1E+2", "true", "false", "null", " \t\r\n[ 1 , 2 ] \n",
        R"({"a":{"b":[1,{"c":null}],"d":"x"},"e":[]})", R"("\u00e9\u20ac\ud83d\ude00\n\t\"\\\/\b\f\r")",
        "[[[[[]]]]]", R"({"a":1,"a":2})",
        // and what it must refuse
        "", " ", "{", "}", "[1,]", "[,1]", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{a:1}", "01", "1.", ".5", "-",
        "1e", "+1", "tru", "nul", "[1 2]", "{\"a\":1 \"b\":2}", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"",
        "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"tab\there\"", "[] []", "{}x", "\"a\"\"b\"", "NaN", "[1]]");
    CAPTURE(text);
    const bool valid = !Json::parse(text, nullptr, false).is_discarded();
    CHECK(readsAsJson(text) == valid);
}

TEST_CASE("the request reader decodes strings and skips deep values without recursion", "[json][reader]") {
    const std::string text = R"({"k":"a\u00e9\ud83d\ude00\n", "deep":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
    JsonReader in(text);  // views the text
    std::string key, value;
    REQUIRE(in.beginObject());
    REQUIRE(in.nextKey(key));
    CHECK(key == "k");
    REQUIRE(in.string(value));
    CHECK(value == "a\xC3\xA9\xF0\x9F\x98\x80\n");
    REQUIRE(in.nextKey(key));
    CHECK(key == "deep");
    REQUIRE(in.skipValue());
    CHECK_FALSE(in.nextKey(key));
    CHECK(in.atEnd());
    CHECK_FALSE(in.failed());
}

TEST_CASE("a request's fields: the last of a key given twice counts, unknown keys are skipped", "[json][errors]") {
    const Json twice = Json::parse(analyseRequestJson(
        R"({"x":[{"deep":[1,2,{"y":null}]}],"documents":[{"text":"first"}],"documents":[{"id":"a","text":"second","text":"Ri met Lavrov.","extra":{"z":[true]}}],"reference_date":null})"));
    REQUIRE(twice.contains("documents"));
    REQUIRE(twice["documents"].size() == 1);
    CHECK(twice["documents"][0]["id"] == "a");
    CHECK(twice["documents"][0]["text"] == "Ri met Lavrov.");
    const auto [request, message] = GENERATE(table<std::string, std::string>({
        {R"({"documents":{"text":"x"}})", "no \"documents\" array"},
        {R"({"documents":[1]})", "document 1 is not a JSON object"},
        {R"({"documents":[{"id":7,"text":"x"}]})", "document 1: \"id\" must be a string"},
        {R"({"documents":[{"text":"x","date":20180410}]})", "document 1 (document-1): \"date\" must be YYYY-MM-DD"},
        {R"({"documents":[{"text":"x"}],"reference_date":5})", "reference_date"},
        {R"({"documents":[{"text":"x"}]} trailing)", "not a JSON object"},
    }));
    CAPTURE(request);
    const Json result = Json::parse(analyseRequestJson(request));
    REQUIRE(result.contains("error"));
    CHECK_THAT(result["error"].get<std::string>(), Catch::Contains(message));
}
