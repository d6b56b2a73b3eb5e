// CoNLL-2003 files for the native tools: reading them (keeping every line, so output can
// add a column to each), turning their sentences into core Documents, and scoring entity
// spans the CoNLL way (a span counts only with exact boundaries and type).
#pragma once

#include <istream>
#include <map>
#include <string>
#include <vector>

#include "document.h"

namespace annotator::conll {

struct Token {
    size_t line;       // index into File::lines
    std::string word;  // first column
    std::string tag;   // last column, if the line has two or more ("" otherwise)
};
using Sentence = std::vector<Token>;
using DocumentSentences = std::vector<Sentence>;

struct File {
    std::vector<std::string> lines;
    std::vector<DocumentSentences> documents;  // split at -DOCSTART- lines
};

File read(std::istream& input);

// A core Document whose tokens are the CoNLL tokens (text: words joined by spaces, one
// sentence a line, one block a sentence), ready for the tagger's features.
Document toDocument(const DocumentSentences& sentences);

struct Span {
    size_t begin, end;  // token indices in the sentence
    std::string type;   // PER, ORG, LOC, MISC, NORP
    friend bool operator<(const Span& a, const Span& b) {
        return std::tie(a.begin, a.end, a.type) < std::tie(b.begin, b.end, b.type);
    }
    friend bool operator==(const Span&, const Span&) = default;
};

// Spans from IOB1 or IOB2 tags (I-X after O starts a span, as in CoNLL-2003's IOB1).
std::vector<Span> spansOf(const std::vector<std::string>& tags);
// IOB2 tags for spans over a sentence of `length` tokens.
std::vector<std::string> tagsOf(const std::vector<Span>& spans, size_t length);
// Spans of the tagger's tag indices (core/3-entities/tagger_model.h), with type names.
std::vector<Span> spansOfTags(const std::vector<int>& tags);
// The tagger's tag index of an IOB2 tag ("B-PER" → beginTag(0)); 0 for O.
int tagIndex(const std::string& tag);
// The spans as CoNLL-2003 knows them: it has no NORP, which it calls MISC.
std::vector<Span> asConll(std::vector<Span> spans);
// MISC spans whose words form a demonym become NORP.
void relabelDemonyms(const Sentence& sentence, std::vector<Span>& spans);

// Precision, recall and F1 per type and overall, and what went wrong.
class Scorer {
public:
    void add(const std::vector<Span>& gold, const std::vector<Span>& predicted);
    double f1() const;
    std::string report() const;

private:
    struct Counts {
        size_t gold = 0, predicted = 0, correct = 0;
    };
    std::map<std::string, Counts> byType_;
    Counts all_;
    size_t wrongType_ = 0, wrongBoundary_ = 0, missed_ = 0, spurious_ = 0;
    std::map<std::string, size_t> confusions_;  // "gold→predicted" for right span, wrong type
};

}  // namespace annotator::conll
