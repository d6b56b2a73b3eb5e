#include "3-entities/features.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "3-entities/demonyms.h"
#include "3-entities/phrases.h"
#include "3-entities/tagger_model.h"
#include "lexicon.h"
#include "resources.h"

namespace annotator {
namespace {

// Feature templates. Append new ones at the end and bump kFeatureVersion: the fingerprint
// of a model must match the code that reads it.
enum Template : uint8_t {
    Bias, Word, Lower, LowerPrev, LowerNext, LowerPrev2, LowerNext2, Prefix2, Prefix3, Prefix4, Suffix2, Suffix3,
    Suffix4, Shape, ShapePrev, ShapeNext, ShapeWindow, LowerPrevAndLower, LowerAndLowerNext, PositionAndShape,
    SentenceKindAndShape, LowerElsewhere, CapitalElsewhere, InDemonym, InDemonymPrev, InDemonymNext, LowerPrevAndShape,
    ShapeAndLowerNext, CapitalPrevLower, SentenceKindAndLower, InGazetteer, InGazetteerPrev, InGazetteerNext,
    GivenName, GivenNamePrev, FirstPassLabel, FirstPassLabelAndContext, CommonWordInContext,
};
constexpr uint32_t kFeatureVersion = 8;
constexpr int kTemplateCount = CommonWordInContext + 1;

// Small words that Title Case leaves in lower case; they do not count against a headline.
const std::unordered_set<std::string_view> kTitleCaseSmallWords = {
    "a", "an", "the", "and", "or", "but", "of", "on", "in", "at", "to", "for", "by", "with", "from", "as", "vs", "vs."};

uint64_t fnv(uint64_t hash, std::string_view bytes) {
    for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return hash;
}

// Mixes 8 bytes at a time into the hash (a multiply-xorshift; quality enough for buckets).
uint64_t mix(uint64_t hash, uint64_t chunk) {
    hash = (hash ^ chunk) * 0x9E3779B97F4A7C15ull;
    return hash ^ (hash >> 29);
}

uint64_t mixBytes(uint64_t hash, std::string_view bytes) {
    size_t offset = 0;
    for (; offset + 8 <= bytes.size(); offset += 8) {
        uint64_t chunk;
        std::memcpy(&chunk, bytes.data() + offset, 8);
        hash = mix(hash, chunk);
    }
    uint64_t tail = 0;
    std::memcpy(&tail, bytes.data() + offset, bytes.size() - offset);
    // The length keeps "ab" + "c" apart from "a" + "bc".
    return mix(hash, tail ^ (uint64_t{bytes.size()} << 56));
}

// The hash of a template and its value's parts, without building the value as a string.
uint64_t feature(Template kind, std::initializer_list<std::string_view> parts) {
    uint64_t hash = mix(0xcbf29ce484222325ull, kind);
    for (const std::string_view part : parts) hash = mixBytes(hash, part);
    return hash;
}

// "Kim" → "Xx", "Jong-un" → "Xx-x", "U.S." → "X.X.", "2018" → "d", "10,000" → "d,d".
std::string shapeOf(std::string_view text) {
    std::string shape;
    for (size_t offset = 0; offset < text.size();) {
        const char32_t c = decodeUtf8(text, offset);
        const char kind = isUppercase(c) ? 'X' : isLetter(c) ? 'x' : isDecimalDigit(c) ? 'd' : isMark(c) ? '\0' : 
                          c < 0x80 ? static_cast<char>(c) : '*';
        if (kind != '\0' && (shape.empty() || shape.back() != kind)) shape += kind;
        if (shape.size() >= 8) break;
    }
    return shape;
}

bool startsUpper(std::string_view text) {
    size_t offset = 0;
    return !text.empty() && isUppercase(decodeUtf8(text, offset));
}

bool startsLower(std::string_view text) {
    size_t offset = 0;
    return !text.empty() && isLowercase(decodeUtf8(text, offset));
}

enum class SentenceKind : uint8_t { Normal, TitleCase, AllCaps };

std::string_view kindName(SentenceKind kind) {
    return kind == SentenceKind::AllCaps ? "caps" : kind == SentenceKind::TitleCase ? "title" : "normal";
}

SentenceKind sentenceKind(const Document& document, const Sentence& sentence,
                          const std::vector<std::string>& folded) {
    if (!document.blocks.empty()) {
        const BlockRole role = document.blocks[sentence.block].role;
        if (role == BlockRole::Title || role == BlockRole::Heading) return SentenceKind::TitleCase;
    }
    int words = 0, capitalised = 0, allCaps = 0;
    for (uint32_t i = sentence.firstToken; i < sentence.endToken; ++i) {
        const std::string_view text = document.tokens[i].bytes.of(document.text);
        size_t offset = 0;
        if (text.empty() || !isLetter(decodeUtf8(text, offset))) continue;
        if (kTitleCaseSmallWords.count(folded[i])) continue;
        ++words;
        capitalised += startsUpper(text);
        bool upper = text.size() > 1;
        for (size_t offset = 0; offset < text.size() && upper;) {
            const char32_t c = decodeUtf8(text, offset);
            upper = !isLetter(c) || isUppercase(c);
        }
        allCaps += upper;
    }
    if (words >= 2 && allCaps * 10 >= words * 8) return SentenceKind::AllCaps;
    if (words >= 3 && capitalised * 10 >= words * 9) return SentenceKind::TitleCase;
    return SentenceKind::Normal;
}

// Places and organisations (core/3-entities/gazetteer.tsv), labelled LOC or ORG.
const PhraseLexicon& gazetteer() {
    static const PhraseLexicon loaded = [] {
        PhraseLexicon lexicon;
        for (const TableRow& row : readTable("core/3-entities/gazetteer.tsv")) {
            if (row.size() >= 2) lexicon.add(row[0], row[1]);
        }
        return lexicon;
    }();
    return loaded;
}

const std::unordered_set<std::string_view>& givenNames() {
    static const auto names = readWordSet("core/3-entities/given-names.tsv");
    return names;
}

// Words the training text mostly writes in lower case (tools/common-words.sh).
const std::unordered_set<std::string_view>& commonWords() {
    static const auto words = readWordSet("core/3-entities/common-words.tsv");
    return words;
}

// The phrase label of token i and whether it begins the phrase, as two feature parts.
struct MarkParts {
    std::string_view label, position;
};
MarkParts markName(const std::vector<PhraseMark>& marks, long i, long first, long end) {
    if (i < first || i >= end || marks[i].label.empty()) return {"-", ""};
    return {marks[i].label, marks[i].begins ? "B" : "I"};
}

}  // namespace

bool isTitleCaseSmallWord(std::string_view foldedWord) { return kTitleCaseSmallWords.count(foldedWord) > 0; }

uint32_t featureFingerprint(int stage) {
    uint64_t hash = fnv(0xcbf29ce484222325ull, "entity-features/stage " + std::to_string(stage));
    hash = fnv(hash, std::to_string(kFeatureVersion) + "/" + std::to_string(kTemplateCount));
    // The lexicons are part of the features: a model trained with other lists is stale.
    for (const char* lexicon : {"core/3-entities/demonyms.tsv", "core/3-entities/gazetteer.tsv",
                                "core/3-entities/given-names.tsv", "core/3-entities/common-words.tsv"}) {
        hash = fnv(hash, embeddedFile(lexicon));
    }
    return static_cast<uint32_t>(hash ^ (hash >> 32));
}

FeatureExtractor::FeatureExtractor(const Document& document) : document_(document) {
    const size_t count = document.tokens.size();
    folded_.reserve(count);
    shape_.reserve(count);
    for (const Token& token : document.tokens) {
        const std::string_view text = token.bytes.of(document.text);
        folded_.push_back(foldCase(text));
        shape_.push_back(shapeOf(text));
    }
    demonym_.assign(count, {});
    gazetteer_.assign(count, {});
    for (const Sentence& sentence : document.sentences) {
        markPhrases(document, sentence, demonymPhrases(), demonym_);
        markPhrases(document, sentence, gazetteer(), gazetteer_);
        const SentenceKind kind = sentenceKind(document, sentence, folded_);
        for (uint32_t i = sentence.firstToken; i < sentence.endToken; ++i) {
            const std::string_view text = document.tokens[i].bytes.of(document.text);
            WordUse& use = uses_[folded_[i]];
            if (i > sentence.firstToken && startsLower(text)) use.lowerMidSentence = true;
            if (i > sentence.firstToken && kind == SentenceKind::Normal && startsUpper(text)) use.capitalMidSentence = true;
        }
    }
}

void FeatureExtractor::setFirstPass(const std::vector<int>& tags) {
    firstPass_ = tags;
    firstPassCounts_.clear();
    for (size_t i = 0; i < tags.size() && i < folded_.size(); ++i) {
        ++firstPassCounts_[folded_[i]][tags[i] == 0 ? 5 : typeOfTag(tags[i])];
    }
}

void FeatureExtractor::appendSecondStage(const Sentence& sentence, std::vector<std::vector<uint64_t>>& features) const {
    static constexpr std::string_view kTypeNames[] = {"PER", "ORG", "LOC", "MISC", "NORP", "O"};
    const SentenceKind kind = sentenceKind(document_, sentence, folded_);
    for (uint32_t i = sentence.firstToken; i < sentence.endToken; ++i) {
        // The first stage's labels of this word elsewhere in the document.
        std::array<uint16_t, 6> counts = firstPassCounts_.at(folded_[i]);
        --counts[firstPass_[i] == 0 ? 5 : typeOfTag(firstPass_[i])];
        int best = -1;
        for (int type = 0; type < 5; ++type) {
            if (counts[type] > 0 && (best < 0 || counts[type] > counts[best])) best = type;
        }
        const std::string_view label = best >= 0 ? kTypeNames[best] : counts[5] > 0 ? "O" : "unseen";
        const std::string_view position = i == sentence.firstToken ? "first" : "inside";
        std::vector<uint64_t>& out = features[i - sentence.firstToken];
        out.push_back(feature(FirstPassLabel, {label}));
        out.push_back(feature(FirstPassLabelAndContext, {label, kindName(kind), position, shape_[i]}));
    }
}

void FeatureExtractor::extract(const Sentence& sentence, std::vector<std::vector<uint64_t>>& features) const {
    const long first = sentence.firstToken, end = sentence.endToken;
    features.resize(end - first);
    const SentenceKind kind = sentenceKind(document_, sentence, folded_);
    const auto lower = [&](long i) -> std::string_view {
        return i < first ? "<s>" : i >= end ? "</s>" : std::string_view(folded_[i]);
    };
    const auto shape = [&](long i) -> std::string_view {
        return i < first ? "<s>" : i >= end ? "</s>" : std::string_view(shape_[i]);
    };
    const auto isGivenName = [&](long i) {
        return i >= first && i < end && givenNames().count(document_.tokens[i].bytes.of(document_.text)) > 0;
    };
    const auto phrase = [&](Template kind, const std::vector<PhraseMark>& marks, long at) {
        const MarkParts parts = markName(marks, at, first, end);
        return feature(kind, {parts.label, parts.position});
    };
    for (long i = first; i < end; ++i) {
        std::vector<uint64_t>& out = features[i - first];
        out.clear();
        const std::string_view text = document_.tokens[i].bytes.of(document_.text);
        const std::string_view word = folded_[i];
        out.push_back(feature(Bias, {""}));
        out.push_back(feature(Word, {text}));
        out.push_back(feature(Lower, {word}));
        out.push_back(feature(LowerPrev, {lower(long(i) - 1)}));
        out.push_back(feature(LowerNext, {lower(long(i) + 1)}));
        out.push_back(feature(LowerPrev2, {lower(long(i) - 2)}));
        out.push_back(feature(LowerNext2, {lower(long(i) + 2)}));
        // Affixes by bytes: enough to tell "-ov", "-sky", "-ian", "-ers" apart.
        if (word.size() > 2) {
            out.push_back(feature(Prefix2, {word.substr(0, 2)}));
            out.push_back(feature(Suffix2, {word.substr(word.size() - 2)}));
        }
        if (word.size() > 3) {
            out.push_back(feature(Prefix3, {word.substr(0, 3)}));
            out.push_back(feature(Suffix3, {word.substr(word.size() - 3)}));
        }
        if (word.size() > 4) {
            out.push_back(feature(Prefix4, {word.substr(0, 4)}));
            out.push_back(feature(Suffix4, {word.substr(word.size() - 4)}));
        }
        const std::string_view wordShape = shape_[i];
        out.push_back(feature(Shape, {wordShape}));
        out.push_back(feature(ShapePrev, {shape(long(i) - 1)}));
        out.push_back(feature(ShapeNext, {shape(long(i) + 1)}));
        out.push_back(feature(ShapeWindow, {shape(long(i) - 1), wordShape, shape(long(i) + 1)}));
        out.push_back(feature(LowerPrevAndLower, {lower(long(i) - 1), word}));
        out.push_back(feature(LowerAndLowerNext, {word, lower(long(i) + 1)}));
        out.push_back(feature(LowerPrevAndShape, {lower(long(i) - 1), wordShape}));
        out.push_back(feature(ShapeAndLowerNext, {wordShape, lower(long(i) + 1)}));
        const std::string_view position = i == first ? "first" : "inside";
        out.push_back(feature(PositionAndShape, {position, wordShape}));
        out.push_back(feature(SentenceKindAndShape, {kindName(kind), wordShape}));
        if (kind != SentenceKind::Normal) out.push_back(feature(SentenceKindAndLower, {kindName(kind), word}));
        // What the document says of this word elsewhere.
        if (startsUpper(text)) {
            const auto use = uses_.find(word);
            const bool lowerElsewhere = use != uses_.end() && use->second.lowerMidSentence;
            const bool capitalElsewhere = use != uses_.end() && use->second.capitalMidSentence;
            const std::string_view kindText = kindName(kind);
            out.push_back(feature(LowerElsewhere, {lowerElsewhere ? "yes" : "no", kindText, position}));
            out.push_back(feature(CapitalElsewhere, {capitalElsewhere ? "yes" : "no", kindText, position}));
            out.push_back(feature(CommonWordInContext, {commonWords().count(word) ? "common" : "rare", kindText, position}));
            out.push_back(feature(CapitalPrevLower, {startsUpper(i > first ? std::string_view(document_.tokens[i - 1].bytes.of(document_.text)) : "") ? "cap" : "nocap", lowerElsewhere ? "lower" : "-"}));
        }
        out.push_back(phrase(InDemonym, demonym_, i));
        out.push_back(phrase(InDemonymPrev, demonym_, long(i) - 1));
        out.push_back(phrase(InDemonymNext, demonym_, long(i) + 1));
        out.push_back(phrase(InGazetteer, gazetteer_, i));
        out.push_back(phrase(InGazetteerPrev, gazetteer_, long(i) - 1));
        out.push_back(phrase(InGazetteerNext, gazetteer_, long(i) + 1));
        out.push_back(feature(GivenName, {isGivenName(i) ? "yes" : "no"}));
        out.push_back(feature(GivenNamePrev, {isGivenName(long(i) - 1) ? "yes" : "no"}));
    }
}

}  // namespace annotator
