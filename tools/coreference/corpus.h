// Cross-document coreference corpora for the native tools: ECB+ (ecbplus.cpp) and MEANTIME
// (meantime.cpp) read into topics, each a set of documents analysed together with its gold
// proper-name mentions and the chain each belongs to.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyse.h"
#include "document.h"
#include "outcome.h"

namespace annotator::coreference {

// One gold mention: a noun phrase around a proper name, with the byte span it has in its
// document's text and the span of the name inside it (nameRun), which the resolver reads.
struct GoldMention {
    size_t document = 0;                   // index into Topic::documents
    Span bytes;                            // the whole mention after its leading function words
    Span name;                             // the name inside it
    MentionType type = MentionType::Misc;  // the corpus's type in the core's terms
    std::string chain;  // the gold entity: equal strings within a topic are one entity
};

// Documents to analyse together. A document's text is its corpus tokens joined by spaces,
// one sentence a paragraph (sentences joined by a blank line), so every gold span is exact.
struct Topic {
    std::string name;  // "ecbplus/12", "meantime/airbus"
    std::vector<DocumentInput> documents;
    std::vector<GoldMention> mentions;  // by document, start, end of bytes; no two alike
    size_t repeatedSpans = 0;           // gold mentions left out for the same span as another
};

// Builds one document's text from corpus tokens (the contract of Topic above).
class TextBuilder {
  public:
    void startSentence() { sentenceStart_ = true; }
    Span add(std::string_view token);  // appends a token and returns its span
    std::string take() { return std::move(text_); }

  private:
    std::string text_;
    bool sentenceStart_ = true;
};

// How many leading words of a mention are prepositions or determiners, leaving at least
// one ("in the Gulf of Aden" → 2). Gold spans start after them in both corpora: ECB+ marks
// places with their preposition, both mark determiners, and names are tagged without them.
size_t leadingFunctionWords(const std::vector<std::string>& words);
// Whether a word (in any case) is one of those prepositions or determiners.
bool isPreposition(std::string_view word);
bool isDeterminer(std::string_view word);

// The proper name inside a gold mention, as the tagger would tag it, as words [begin, end):
// the maximal run of name words around the head. Name words: an upper-case first letter
// (so all capitals too), a lower-case first letter before a capital ("iPod"), or digits
// after a name word ("Route 94", "Philadelphia 76ers"). Inside a run, between two name
// words, also the connectors "of", "and", "&", "de", "du", "la", "von", "van", and "."
// after a one-letter initial ("Regina M . Benjamin"); not "'s", more often two names than
// one ("Apple 's iTunes"). Commas, parentheses and quotes end a run, as leading function
// words bound it: "defensive tackle Jamal Williams" → "Jamal Williams", "Gulf of Aden
// between Somalia and Yemen" → "Gulf of Aden". A descriptor in capitals stays in: "Apple
// CEO Steve Jobs" is one run. When the head is no name word or is not given (words.size()),
// the mention's last run; when there is none, the mention after its leading function words.
std::pair<size_t, size_t> nameRun(const std::vector<std::string>& words, size_t head);

// Sorts a topic's mentions as Topic promises, dropping repeated spans (the first is kept).
void sortMentions(Topic& topic);

// ECB+ (../shared/data/ecbplus): the given topics (folders of ECB+/), only the sentences its
// CSV lists as annotated, only entity mentions (not actions or times) that are proper names
// by isProperName below. Chains: CROSS_DOC_COREF by the target's instance id, across the
// topic's documents; INTRA_DOC_COREF within its document; a mention in neither is a
// singleton. Documents: the topic's files with at least one annotated sentence, by name.
Outcome<std::vector<Topic>> readEcbPlus(const std::filesystem::path& root,
                                        const std::vector<std::string>& topics);

// The ECB+ development topics.
const std::vector<std::string>& ecbPlusDevTopics();

// ECB+ marks no proper names, so a mention is one when its head is name-cased. The head:
// after the leading function words (leadingFunctionWords), the last word before the first
// later lower-case preposition ("of" too), comma or parenthesis, trailing punctuation left
// out ("in Gulf of Aden" → Gulf, "outside a Sam 's Club store in Bloomington" → store).
// Name-cased: an upper-case first letter (ASCII), or digits after a name-cased word
// ("Route 94", "Philadelphia 76ers"); never a pronoun ("We", "I'm"), except in capitals
// ("US"). When case says little (the head starts its sentence, or the sentence is a
// headline) the head must also never be written in lower case in the topic ("Woman" is
// not a name, "Gupta" is).
struct MentionInSentence {
    std::vector<std::string> words;  // the mention's tokens
    bool startsSentence = false;     // its first token is its sentence's first
    bool inHeadline = false;         // its sentence is headline-cased (isHeadline)
};
bool isProperName(const MentionInSentence& mention, const std::set<std::string>& lowerCaseWords);
// The index of that head in a mention's words (not empty).
size_t ecbPlusHead(const std::vector<std::string>& words);
// A sentence of three or more words most of which start with a capital.
bool isHeadline(const std::vector<std::string>& sentence);

// MEANTIME (../shared/data/meantime): the corpora airbus and apple, one topic each, from
// meantime.conll (tokens) and entities_mentions.json (mentions). Proper names: mentions
// whose head's part of speech is PROPN. The head: the token mention_head_id names when its
// text is mention_head (in most), else the mention's last token written so, else none
// (nameRun's fallback: "A400M", head "M"). A discontinuous mention spans its first to last
// token. Chains: coref_chain without its cross_/intra_/cross_intra_ prefix (the same
// instance carries different prefixes in different documents).
Outcome<std::vector<Topic>> readMeantime(const std::filesystem::path& root);

}  // namespace annotator::coreference
