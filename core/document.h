// The document model that every stage of the pipeline reads and extends.
//
// A Collection holds the documents analysed together. Each stage takes a Document (or the
// Collection) and adds its layer: 1-text checks and repairs the text, 2-tokens adds tokens,
// blocks and sentences, 3-dates adds DATE/TIME mentions and the document date, 3-entities
// adds named mentions, 4-aliases gathers them into entities across the documents, and
// 5-events finds who did what to whom and merges what several reports tell.
//
// Offsets: every Span in this model is a half-open range of BYTE offsets into Document::text,
// which is valid UTF-8. Conversion to UTF-16 code units happens once, at the JSON boundary
// (json/utf16_index.h), never inside the core.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar.h"

namespace annotator {

// A half-open range [begin, end) of byte offsets into a document's text.
struct Span {
    uint32_t begin = 0;
    uint32_t end = 0;

    uint32_t size() const { return end - begin; }
    bool empty() const { return begin == end; }
    std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }
    friend bool operator==(const Span&, const Span&) = default;
};

enum class TokenKind : uint8_t {
    Word,         // letters, marks and digits, with inner hyphens and apostrophes; abbreviations keep their periods
    Number,       // digits with separators: 10,000  3.5  14:30  2018-04-10  1/2
    Punctuation,  // one punctuation mark, or a run of the same one ("...", "--", "''")
    Symbol,       // currency, maths and other symbols
    Url,          // http(s)://…, www.…, always one token
    Email,        // local@domain.tld, always one token
    Emoji,        // one emoji sequence (ZWJ, modifiers, flags)
};

// What separates a token from the one before it.
enum class Gap : uint8_t {
    None,       // glued to the previous token ("Russia" + "'s")
    Space,      // spaces or tabs on the same line
    Line,       // one line break: a hard wrap inside a paragraph
    Paragraph,  // a blank line (or the start of the text)
};

struct Token {
    Span bytes;
    TokenKind kind = TokenKind::Word;
    Gap gapBefore = Gap::Space;
};

// A block is a paragraph: text between blank lines. Its role says how it reads.
enum class BlockRole : uint8_t {
    Body,      // running text
    Title,     // the document's headline (first block, headline-shaped)
    Heading,   // other headline-shaped lines: a repeated title, a caption, "Related article: …"
    Dateline,  // a line that carries the document's date
};

struct Block {
    Span bytes;
    uint32_t firstToken = 0, endToken = 0;  // tokens [firstToken, endToken)
    BlockRole role = BlockRole::Body;
};

struct Sentence {
    Span bytes;
    uint32_t firstToken = 0, endToken = 0;  // tokens [firstToken, endToken)
    uint32_t block = 0;                     // index into Document::blocks
};

enum class MentionType : uint8_t { Person, Org, Location, Norp, Misc, Date, Time };

std::string_view toString(MentionType type);

struct Mention {
    Span bytes;
    uint32_t firstToken = 0, endToken = 0;  // tokens [firstToken, endToken)
    MentionType type = MentionType::Date;
    std::optional<uint32_t> entity;  // index into Collection::entities, once entities exist
    std::string value;               // DATE/TIME: the ISO/TIMEX3 value; empty when unresolved
};

struct Document;

// The case-folded text of token `token` ("APRIL", "April" → "april").
std::string_view foldedToken(const Document& document, uint32_t token);

// The mentions of the document that start in tokens [firstToken, endToken): a slice of
// Document::mentions, found by binary search (mentions are sorted by start).
std::span<const Mention> mentionsIn(const Document& document, uint32_t firstToken, uint32_t endToken);

struct Document {
    std::string id;
    std::string text;  // valid UTF-8 (1-text repairs it)

    std::vector<Token> tokens;
    // The case-folded text of each token (1-text's foldCase), what the stages compare words
    // by, folded once: token i's is foldedText[foldedEnds[i - 1], foldedEnds[i]) (from 0
    // for the first). Made with the tokens (2-tokens' foldTokens); see foldedToken().
    std::string foldedText;
    std::vector<uint32_t> foldedEnds;
    std::vector<Block> blocks;
    std::vector<Sentence> sentences;
    std::vector<Mention> mentions;  // sorted by start offset

    std::optional<Span> title;  // the title block's text, if the document has one
    // The date the text is written on, against which relative dates are resolved: the
    // date given for this document, else its dateline, else the collection's reference.
    std::optional<CalendarDate> date;
    std::optional<Span> dateline;  // the date mention of the dateline
};

inline std::string_view foldedToken(const Document& document, uint32_t token) {
    const uint32_t begin = token == 0 ? 0 : document.foldedEnds[token - 1];
    return std::string_view(document.foldedText).substr(begin, document.foldedEnds[token] - begin);
}

// Why a spelling joined an entity, as the page shows it beside the alias.
enum class AliasReason : uint8_t {
    Written,          // the same name written otherwise: case, hyphens, periods ("US" / "U.S.")
    SpellingVariant,  // a variant spelling or a typing error ("Sergey" / "Sergei", "Yong-hoy")
    Transliteration,  // the name in another script ("Сергей Лавров")
    Nickname,         // a familiar form of the given name ("Bill" / "William")
    FamilyName,       // the family name alone ("Lavrov", "Ri")
    ShortForm,        // a truncated or shorter form ("Kim Jong" / "Kim Jong-un", "Abe" in a fuller name)
    Acronym,          // initials of the name ("UN" / "United Nations")
    Nationality,      // a nationality or other adjective of a place ("Russian" / "Russia")
};

std::string_view toString(AliasReason reason);  // "spelling variant", "surname of", …

struct Alias {
    std::string text;  // as written in the first mention with this spelling
    AliasReason reason = AliasReason::Written;
};

// One person, organisation, place or group, however written, across all documents.
struct Entity {
    MentionType type = MentionType::Person;
    std::string name;            // the canonical name: the fullest, best-attested spelling
    std::vector<Alias> aliases;  // every other spelling of its mentions, in order of appearance
    std::vector<std::string> titles;  // people: the titles and roles written before its names
                                      // ("Foreign Minister", "supreme leader"), most used first
};

// Whether an event happened, by what its report says.
enum class EventStatus : uint8_t {
    Occurred,  // "met", "visited"
    Planned,   // "will visit", "is due to meet", "accepted an invitation to visit"
    Possible,  // "may meet", "a meeting is expected"
    Negated,   // "no decision has been made on talks", "did not meet"
};

std::string_view toString(EventStatus status);  // "occurred", "planned", …

// Where one report tells of an event: the sentence and the words that say what happened.
struct EventMention {
    uint32_t document = 0;  // index into Collection::documents
    uint32_t sentence = 0;  // index into Document::sentences
    Span trigger;           // "visit", "held talks", "accepted the invitation"
};

// Who did what to whom, where and when, as one or more reports tell it: a card.
// Types and modes are PLOVER's (AGREE, CONSULT/visit, …) plus STATEMENT for reported
// speech; `cameo` is the CAMEO code that fits, when one does ("042").
struct Event {
    std::string type;
    std::string mode;                 // empty when none
    std::string cameo;                // empty when none
    std::string label;                // "Ri Yong Ho visits Moscow"
    std::vector<uint32_t> sources;    // entity ids: who acts
    std::vector<uint32_t> targets;    // entity ids: to whom, or the place visited
    std::optional<uint32_t> place;    // entity id of where it happens
    std::string date;                 // ISO 8601 at the text's precision ("2018-04", "2018-04-09"); empty when unknown
    EventStatus status = EventStatus::Occurred;
    std::string quote;                // STATEMENT: what was said, as written
    std::vector<EventMention> mentions;  // every report of it, in document order
};

// Something the user should know about an analysis that still produced a result.
struct Warning {
    std::string document;  // document id
    std::string message;
};

struct Collection {
    std::vector<Document> documents;
    std::vector<Entity> entities;  // named by Mention::entity; filled by 4-aliases
    std::vector<Event> events;     // filled by 5-events
    std::vector<Warning> warnings;
};

}  // namespace annotator
