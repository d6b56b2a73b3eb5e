// 2-tokens: tokens, blocks (title, headings) and sentences on news text as pasted.
#include <catch2/catch.hpp>

#include "1-text/unicode.h"
#include "2-tokens/blocks.h"
#include "2-tokens/sentences.h"
#include "2-tokens/tokenizer.h"

using namespace annotator;

namespace {

// Tokens joined by " | ".
std::string tokensOf(std::string_view text) {
    std::string joined;
    for (const Token& token : tokenize(text)) {
        if (!joined.empty()) joined += " | ";
        joined += token.bytes.of(text);
    }
    return joined;
}

Document segmented(std::string text) {
    Document document;
    document.text = std::move(text);
    document.tokens = tokenize(document.text);
    foldTokens(document);
    findBlocks(document);
    findSentences(document);
    return document;
}

std::vector<std::string> sentencesOf(const Document& document) {
    std::vector<std::string> sentences;
    for (const Sentence& sentence : document.sentences) sentences.emplace_back(sentence.bytes.of(document.text));
    return sentences;
}

}  // namespace

TEST_CASE("tokenizer keeps what belongs together and splits what does not", "[tokens]") {
    REQUIRE(initUnicodeData());
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        // names with hyphens and possessives
        {"Kim Jong-un's visit", "Kim | Jong-un | 's | visit"},
        {"Russia’s Foreign Minister", "Russia | ’s | Foreign | Minister"},
        {"Rey Yong-hoy met O'Brien", "Rey | Yong-hoy | met | O'Brien"},
        // abbreviations, initialisms, initials
        {"U.S. President Donald J. Trump", "U.S. | President | Donald | J. | Trump"},
        {"Dr. Smith and Gen. Mattis", "Dr. | Smith | and | Gen. | Mattis"},
        {"at 10 a.m. on Jan. 5", "at | 10 | a.m. | on | Jan. | 5"},
        {"the end.", "the | end | ."},
        // numbers and datelines
        {"April 10,2018", "April | 10 | , | 2018"},
        {"10,000 people paid $3.5 million", "10,000 | people | paid | $ | 3.5 | million"},
        {"at 14:30 on 2018-04-10 or 10/04/2018", "at | 14:30 | on | 2018-04-10 | or | 10/04/2018"},
        {"the 1990s and the 10th", "the | 1990s | and | the | 10th"},
        // URLs and e-mail addresses are one token
        {"see https://www.themoscowtimes.com/2026/06/14/russia-condemns-new-us-sanctions.",
         "see | https://www.themoscowtimes.com/2026/06/14/russia-condemns-new-us-sanctions | ."},
        {"(www.example.org/a_(b))", "( | www.example.org/a_(b) | )"},
        {"mail press@mid.ru today", "mail | press@mid.ru | today"},
        {"on themoscowtimes.com, too", "on | themoscowtimes.com | , | too"},
        {"end.The next", "end | . | The | next"},
        // quotes, dashes, runs of punctuation
        {"\"Yes,\" he said -- ''a new milestone'...", "\" | Yes | , | \" | he | said | -- | '' | a | new | milestone | ' | ..."},
        {"“Quoted” — done", "“ | Quoted | ” | — | done"},
        // other scripts, combining marks, emoji
        {"Сергей Лавров и 리용호", "Сергей | Лавров | и | 리용호"},
        {"Cafe\xCC\x81 noir", "Cafe\xCC\x81 | noir"},
        {"great 👍🏽 news 🇰🇵!", "great | 👍🏽 | news | 🇰🇵 | !"},
        {"family 👨‍👩‍👧 photo", "family | 👨‍👩‍👧 | photo"},
    }));
    CAPTURE(text);
    CHECK(tokensOf(text) == expected);
}

TEST_CASE("the gap before a token tells spaces, hard wraps and paragraphs apart", "[tokens]") {
    REQUIRE(initUnicodeData());
    const std::string text = "one two\nthree\r\n\r\nfour";
    const std::vector<Token> tokens = tokenize(text);
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[0].gapBefore == Gap::Paragraph);
    CHECK(tokens[1].gapBefore == Gap::Space);
    CHECK(tokens[2].gapBefore == Gap::Line);
    CHECK(tokens[3].gapBefore == Gap::Paragraph);
}

TEST_CASE("a headline-shaped first block is the title; a repeated title is a heading", "[tokens][blocks]") {
    REQUIRE(initUnicodeData());
    const Document document = segmented(
        "North Korea will visit Russia's Foreign Minister, accept the invitation\n\n"
        "North Korea Will Visit Russia’s Foreign Minister, Accept The Invitation\n\n\n"
        "North Korea’s supreme leader tried to improve relations. Since then, much changed.\n");
    REQUIRE(document.blocks.size() == 3);
    CHECK(document.blocks[0].role == BlockRole::Title);
    CHECK(document.blocks[1].role == BlockRole::Heading);
    CHECK(document.blocks[2].role == BlockRole::Body);
    REQUIRE(document.title);
    CHECK(document.title->of(document.text) == "North Korea will visit Russia's Foreign Minister, accept the invitation");
}

TEST_CASE("a title wrapped over two lines is one title", "[tokens][blocks]") {
    REQUIRE(initUnicodeData());
    const Document document =
        segmented(" North Korean Foreign Minister Calls for\nStronger Russia Ties on Moscow Visit\n\nApril 10,2018\n\n"
                  "North Korea's foreign minister said on Tuesday that ties must grow.\n");
    REQUIRE(document.title);
    CHECK(document.title->of(document.text) ==
          "North Korean Foreign Minister Calls for\nStronger Russia Ties on Moscow Visit");
}

TEST_CASE("a document of one paragraph has no title", "[tokens][blocks]") {
    REQUIRE(initUnicodeData());
    CHECK_FALSE(segmented("Short text without a headline").title);
}

TEST_CASE("sentences end at . ! ? but not after abbreviations that introduce a name", "[tokens][sentences]") {
    REQUIRE(initUnicodeData());
    const auto [text, expected] = GENERATE(table<std::string, std::vector<std::string>>({
        {"Dr. Smith arrived. He spoke.", {"Dr. Smith arrived.", "He spoke."}},
        {"U.S. President Donald Trump spoke. Kim listened.", {"U.S. President Donald Trump spoke.", "Kim listened."}},
        {"Sanctions hit the U.S. The talks failed.", {"Sanctions hit the U.S.", "The talks failed."}},
        {"Donald J. Trump met Kim.", {"Donald J. Trump met Kim."}},
        {"He said: \"We agree.\" Then he left.", {"He said: \"We agree.\"", "Then he left."}},
        {"Really? Yes! Fine.", {"Really?", "Yes!", "Fine."}},
        {"It rose 3.5 percent. Then it fell.", {"It rose 3.5 percent.", "Then it fell."}},
        {"Wait... and see.", {"Wait... and see."}},
        {"at 10 a.m. on Monday. The meeting", {"at 10 a.m. on Monday.", "The meeting"}},
        // a hard-wrapped sentence is one sentence
        {"the situation on\nthe Korean Peninsula showed it.", {"the situation on\nthe Korean Peninsula showed it."}},
        // bullets start a new sentence
        {"Points:\n- first point\n- second point", {"Points:", "- first point", "- second point"}},
    }));
    CAPTURE(text);
    CHECK(sentencesOf(segmented(text)) == expected);
}

TEST_CASE("sentences never cross a blank line", "[tokens][sentences]") {
    REQUIRE(initUnicodeData());
    CHECK(sentencesOf(segmented("Related article: Russia Condemns Sanctions\n\nThe talks went on and on")) ==
          std::vector<std::string>{"Related article: Russia Condemns Sanctions", "The talks went on and on"});
}
