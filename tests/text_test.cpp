// 1-text: UTF-8 repair, input checks, character classes and case folding.
#include <catch2/catch.hpp>

#include "1-text/text_input.h"
#include "1-text/unicode.h"
#include "1-text/utf8.h"

#include <unicode/uchar.h>

using namespace annotator;

TEST_CASE("the character classes answer ASCII as ICU does", "[text][unicode]") {
    // unicode.h answers ASCII inline, without ICU: the answers must be the same.
    for (char32_t c = 0; c < 0x80; ++c) {
        INFO("U+" << std::hex << static_cast<uint32_t>(c));
        CHECK(isLetter(c) == (u_hasBinaryProperty(c, UCHAR_ALPHABETIC) && (U_GET_GC_MASK(c) & U_GC_M_MASK) == 0));
        CHECK(isMark(c) == ((U_GET_GC_MASK(c) & U_GC_M_MASK) != 0));
        CHECK(isDecimalDigit(c) == (u_charType(c) == U_DECIMAL_DIGIT_NUMBER));
        CHECK(isWhiteSpace(c) == static_cast<bool>(u_isUWhiteSpace(c)));
        CHECK(isUppercase(c) == (u_isupper(c) || u_istitle(c)));
        CHECK(isLowercase(c) == static_cast<bool>(u_islower(c)));
        CHECK(isPunctuation(c) == ((U_GET_GC_MASK(c) & U_GC_P_MASK) != 0));
    }
    size_t offset = 0;
    CHECK(decodeUtf8("A", offset) == U'A');
    CHECK(offset == 1);
}

TEST_CASE("invalid UTF-8 is replaced as the WHATWG decoder does", "[text][utf8]") {
    // input bytes → expected text; U+FFFD is \xEF\xBF\xBD.
    const auto [input, expected, replaced] = GENERATE(table<std::string, std::string, size_t>({
        {"plain ascii", "plain ascii", 0},
        {"caf\xC3\xA9", "caf\xC3\xA9", 0},
        {"a\xFF" "b", "a\xEF\xBF\xBD" "b", 1},
        {"\xC3", "\xEF\xBF\xBD", 1},                                  // truncated at the end
        {"\xE2\x82" "A", "\xEF\xBF\xBD" "A", 1},                      // truncated 3-byte sequence: one U+FFFD
        {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},                  // overlong: each byte
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},  // a surrogate (CESU-8)
        {"\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},  // above U+10FFFF
        {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0},                  // emoji stays
    }));
    std::string text = input;
    const Utf8Repair repair = repairUtf8(text);
    CHECK(text == expected);
    CHECK(repair.replaced == replaced);
}

TEST_CASE("the first invalid byte is reported by its offset", "[text][utf8]") {
    std::string text = "ok \xFF then \xFE";
    const Utf8Repair repair = repairUtf8(text);
    CHECK(repair.replaced == 2);
    CHECK(repair.firstInvalidOffset == 3);
}

TEST_CASE("prepareText refuses binary data and repairs text with a warning", "[text]") {
    REQUIRE(initUnicodeData());
    std::vector<Warning> warnings;
    SECTION("a NUL byte means binary") {
        const auto result = prepareText("x.bin", std::string("PK\x03\x04\0\0", 6), warnings);
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("x.bin") && Catch::Contains("binary"));
    }
    SECTION("many control characters mean binary") {
        std::string bytes(200, 'a');
        for (int i = 0; i < 20; ++i) bytes[i * 10] = '\x01';
        CHECK_FALSE(prepareText("x", bytes, warnings));
    }
    SECTION("invalid UTF-8 is kept as text, repaired, with a warning naming the byte") {
        const auto result = prepareText("doc", "abc\xFF", warnings);
        REQUIRE(result);
        CHECK(result.value() == "abc\xEF\xBF\xBD");
        REQUIRE(warnings.size() == 1);
        CHECK_THAT(warnings[0].message, Catch::Contains("byte 3"));
    }
    SECTION("a byte-order mark is dropped") {
        CHECK(prepareText("doc", "\xEF\xBB\xBFHello", warnings).value() == "Hello");
    }
    SECTION("empty text is analysed, with a warning") {
        CHECK(prepareText("doc", "  \n", warnings));
        CHECK(warnings.size() == 1);
    }
    SECTION("text over the limit is refused, not cut") {
        CHECK_FALSE(prepareText("big", std::string(kMaxDocumentBytes + 1, 'a'), warnings));
    }
}

TEST_CASE("character classes cover every script", "[text][unicode]") {
    REQUIRE(initUnicodeData());
    CHECK(isLetter(U'é'));
    CHECK(isLetter(U'Л'));
    CHECK(isLetter(U'리'));
    CHECK(isLetter(U'习'));
    CHECK_FALSE(isLetter(U'1'));
    CHECK(isMark(0x0301));
    CHECK(isUppercase(U'Ł'));
    CHECK(isWhiteSpace(0x00A0));
    CHECK(isLineBreak(0x2028));
    CHECK(isEmojiPart(0x1F600));
    CHECK(isApostrophe(0x2019));
    CHECK(isDash(0x2013));
}

TEST_CASE("foldCase gives one key for case and compatibility variants", "[text][unicode]") {
    REQUIRE(initUnicodeData());
    CHECK(foldCase("APRIL") == "april");
    CHECK(foldCase("Ａｐｒｉｌ") == "april");  // full-width letters, NFKC
    CHECK(foldCase("Straße") == "strasse");
    CHECK(foldCase("ЛАВРОВ") == "лавров");
}
