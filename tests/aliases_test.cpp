// 4-aliases: person-name analysis and matching, and entities across documents.
#include <catch2/catch.hpp>

#include <map>

#include "2-tokens/tokenizer.h"
#include "4-aliases/entities.h"
#include "4-aliases/latin.h"
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

using Names = std::vector<std::pair<std::string, MentionType>>;

// A document whose mentions are `names`, found in the text one after the other.
Document documentWith(const std::string& id, const std::string& text, const Names& names) {
    Document document{.id = id, .text = text};
    size_t from = 0;
    for (const auto& [name, type] : names) {
        const size_t at = text.find(name, from);
        REQUIRE(at != std::string::npos);
        Mention mention;
        mention.bytes = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
        mention.type = type;
        document.mentions.push_back(mention);
        from = at + name.size();
    }
    return document;
}

// The entity of the n-th mention of a document.
const Entity& entityOf(const Collection& collection, size_t document, size_t mention) {
    const std::optional<uint32_t> id = collection.documents[document].mentions[mention].entity;
    REQUIRE(id);
    return collection.entities[*id];
}

bool sameEntity(const Collection& collection, std::pair<size_t, size_t> a, std::pair<size_t, size_t> b) {
    return &entityOf(collection, a.first, a.second) == &entityOf(collection, b.first, b.second);
}

constexpr MentionType Person = MentionType::Person, Org = MentionType::Org, Location = MentionType::Location,
                      Norp = MentionType::Norp;

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
        // nicknames, other scripts, hyphens and syllables, name order
        {"Bill Clinton", "William Clinton", true},
        {"Vince Cable", "John Vincent Cable", true},
        {"Сергей Лавров", "Sergei Lavrov", true},
        {"Ri Yong Ho", "Rey Yong-ho", true},
        {"Rei Yong-Ho", "Rey Yong-hoy", true},
        {"Kim Jong Un", "Kim Jong-un", true},
        {"Abubakar Traore", "Abou Bakar Traore", true},
        {"Teodoro Nguema Obiang", "Teodoro Obiang Nguema", true},
        {"Radavidson Andriamparany", "Andriamparany Radavidson", true},
        {"Muammar Gaddafi", "Moammar Kadafi", true},
        {"Xi Jinping", "Shi Jinping", true},  // a rare given name outweighs the syllable
        // a family name alone
        {"Lavrov", "Sergei Lavrov", true},
        {"Ri", "Ri Yong Ho", true},
        {"Kiir", "Salva Kiir Mayardit", true},
        // people who only share a name part
        {"Zobaida Jalal", "Massouda Jalal", false},
        {"Abdallah Al Saidi", "Ali Al Saidi", false},
        {"Abd Al Aziz Al Kumaim", "Abd Al Amir Rahim Abbud", false},
        {"Abbas El Fassi", "Abbas Abbasov", false},
        {"Kim Jong-un", "Kim Jong-il", false},
        {"Kim Jong Un", "Kim Jong-il", false},
        {"Kim Jong-un", "Kim Jong Il", false},
        {"Li Peng", "Xi Peng", false},  // a common syllable does not outweigh anything
        {"Yang Kun", "Choi Yong Kun", false},
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

TEST_CASE("other scripts are read in Latin letters", "[aliases][latin]") {
    CHECK(latinLetters("Сергей Лавров") == "sergei lavrov");
    CHECK(latinLetters("Ελευθέριος Βενιζέλος") == "eleftherios venizelos");
    CHECK(latinLetters("Zoë Nuñez-Łukasz") == "zoe nunez-lukasz");
    CHECK(latinLetters("RI Yong") == "ri yong");
    CHECK(hasNonLatinLetters("Сергей"));
    CHECK_FALSE(hasNonLatinLetters("Nuñez"));
}

TEST_CASE("spellings of one person become one entity across documents, with a canonical name", "[aliases][entities]") {
    Collection collection;
    collection.documents.push_back(documentWith("a", "Rey Yong-ho met Sergey Lavrov. Rey Yong-hoy and Lavrov spoke.",
                                                {{"Rey Yong-ho", Person}, {"Sergey Lavrov", Person}, {"Rey Yong-hoy", Person}, {"Lavrov", Person}}));
    collection.documents.push_back(documentWith("b", "Ri Yong Ho met Сергей Лавров. Ri said so. Ri left.",
                                                {{"Ri Yong Ho", Person}, {"Сергей Лавров", Person}, {"Ri", Person}, {"Ri", Person}}));
    resolveEntities(collection);
    REQUIRE(collection.entities.size() == 2);
    CHECK(sameEntity(collection, {0, 0}, {1, 0}));
    CHECK(sameEntity(collection, {0, 0}, {0, 2}));
    CHECK(sameEntity(collection, {0, 0}, {1, 2}));
    CHECK(sameEntity(collection, {0, 1}, {1, 1}));
    CHECK(sameEntity(collection, {0, 1}, {0, 3}));
    CHECK(entityOf(collection, 0, 0).name == "Ri Yong Ho");  // "Ri" is written more often than "Rey"
    CHECK(entityOf(collection, 0, 1).name == "Sergey Lavrov");
    std::map<std::string, std::string> reasons;
    for (const Alias& alias : entityOf(collection, 0, 1).aliases) reasons[alias.text] = std::string(toString(alias.reason));
    CHECK(reasons == std::map<std::string, std::string>{{"Lavrov", "surname of"}, {"Сергей Лавров", "transliteration"}});
}

TEST_CASE("a shorter name joins the one person it fits, in the document's context", "[aliases][entities]") {
    SECTION("alone, Kim Jong is Kim Jong-un") {
        Collection collection;
        collection.documents.push_back(documentWith("a", "Kim Jong-un arrived. Kim Jong spoke. Kim left.",
                                                    {{"Kim Jong-un", Person}, {"Kim Jong", Person}, {"Kim", Person}}));
        resolveEntities(collection);
        CHECK(collection.entities.size() == 1);
        CHECK(entityOf(collection, 0, 1).name == "Kim Jong-un");
    }
    SECTION("beside Kim Jong-il, Kim Jong stays apart; elsewhere it reads as the one its document names") {
        Collection collection;
        collection.documents.push_back(documentWith("a", "Kim Jong-un and Kim Jong-il. Kim Jong spoke.",
                                                    {{"Kim Jong-un", Person}, {"Kim Jong-il", Person}, {"Kim Jong", Person}}));
        collection.documents.push_back(documentWith("b", "Kim Jong-il died. Kim Jong was mourned.",
                                                    {{"Kim Jong-il", Person}, {"Kim Jong", Person}}));
        resolveEntities(collection);
        CHECK_FALSE(sameEntity(collection, {0, 0}, {0, 1}));
        CHECK_FALSE(sameEntity(collection, {0, 2}, {0, 0}));
        CHECK_FALSE(sameEntity(collection, {0, 2}, {0, 1}));
        CHECK(sameEntity(collection, {1, 1}, {0, 1}));
    }
}

TEST_CASE("places and organisations: written forms, acronyms, nationalities", "[aliases][entities]") {
    Collection collection;
    collection.documents.push_back(documentWith(
        "a", "The United Nations and the U.S. met in Moscow. Russian officials, the UN and US envoys. Russia's view. Kremlin.",
        {{"United Nations", Org}, {"U.S.", Location}, {"Moscow", Location}, {"Russian", Norp}, {"UN", Org},
         {"US", Location}, {"Russia", Location}, {"Kremlin", Org}}));
    collection.documents.push_back(documentWith("b", "Chinese and British diplomats.", {{"Chinese", Norp}, {"British", Norp}}));
    resolveEntities(collection);
    CHECK(sameEntity(collection, {0, 0}, {0, 4}));
    CHECK(entityOf(collection, 0, 4).name == "United Nations");
    CHECK(sameEntity(collection, {0, 1}, {0, 5}));
    CHECK(sameEntity(collection, {0, 3}, {0, 6}));  // Russian → Russia
    CHECK(entityOf(collection, 0, 3).type == MentionType::Location);
    CHECK_FALSE(sameEntity(collection, {0, 2}, {0, 6}));  // not its capital
    CHECK_FALSE(sameEntity(collection, {0, 7}, {0, 6}));  // nor its government
    CHECK(entityOf(collection, 1, 0).name == "China");    // a country known only by its adjective
    CHECK(entityOf(collection, 1, 0).type == MentionType::Location);
    CHECK(entityOf(collection, 1, 1).name == "United Kingdom");
    CHECK(collection.documents[0].mentions[0].entity == 0u);  // entities in order of appearance
}

TEST_CASE("the titles written before a person's names are kept with the entity", "[aliases][entities]") {
    Collection collection;
    Document& document = collection.documents.emplace_back();
    document.id = "a";
    document.text = "Russian Foreign Minister Sergei Lavrov spoke. Mr. Lavrov left. The minister Lavrov stayed.";
    document.tokens = tokenize(document.text);
    foldTokens(document);
    const auto mentionAt = [&](std::string_view name, MentionType type, size_t from) {
        const size_t at = document.text.find(name, from);
        Mention mention;
        mention.bytes = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
        mention.type = type;
        for (uint32_t t = 0; t < document.tokens.size(); ++t) {
            if (document.tokens[t].bytes.begin == mention.bytes.begin) mention.firstToken = t;
            if (document.tokens[t].bytes.end == mention.bytes.end) mention.endToken = t + 1;
        }
        document.mentions.push_back(mention);
        return at + name.size();
    };
    size_t from = mentionAt("Russian", Norp, 0);
    from = mentionAt("Sergei Lavrov", Person, from);
    from = mentionAt("Lavrov", Person, from);
    mentionAt("Lavrov", Person, from);
    resolveEntities(collection);
    CHECK(entityOf(collection, 0, 1).titles == std::vector<std::string>{"Foreign Minister", "Mr.", "minister"});
    CHECK(entityOf(collection, 0, 0).titles.empty());
}
