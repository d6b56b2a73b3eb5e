#include "3-entities/features.h"

#include <algorithm>
#include <cstring>

#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "3-entities/demonyms.h"
#include "3-entities/gazetteer.h"
#include "3-entities/phrases.h"
#include "3-entities/tagger_model.h"
#include "lexicon.h"
#include "resources.h"
#include "string_index.h"

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
constexpr uint32_t kFeatureVersion = 9;
constexpr int kTemplateCount = CommonWordInContext + 1;

// Small words that Title Case leaves in lower case; they do not count against a headline.
const WordSet kTitleCaseSmallWords = {
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

// A value's part: the hash of a string, computed once and mixed into many features.
uint64_t part(std::string_view text) { return mixBytes(0x51ed270b27c7f3b1ull, text); }

// The hash of a template and the parts of its value.
uint64_t feature(Template kind, std::initializer_list<uint64_t> parts) {
    uint64_t hash = mix(0xcbf29ce484222325ull, kind);
    for (const uint64_t value : parts) hash = mix(hash, value);
    return hash;
}

// The parts that are constant strings.
struct Constants {
    uint64_t empty = part(""), sentenceStart = part("<s>"), sentenceEnd = part("</s>"), yes = part("yes"),
             no = part("no"), first = part("first"), inside = part("inside"), common = part("common"),
             rare = part("rare"), cap = part("cap"), nocap = part("nocap"), lower = part("lower"), dash = part("-"),
             begins = part("B"), continues = part("I");
};

const Constants& constants() {
    static const Constants values;
    return values;
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

uint64_t kindPart(SentenceKind kind) {
    static const uint64_t parts[] = {part("normal"), part("title"), part("caps")};
    return parts[static_cast<int>(kind)];
}

SentenceKind sentenceKind(const Document& document, const Sentence& sentence) {
    if (!document.blocks.empty()) {
        const BlockRole role = document.blocks[sentence.block].role;
        if (role == BlockRole::Title || role == BlockRole::Heading) return SentenceKind::TitleCase;
    }
    int words = 0, capitalised = 0, allCaps = 0;
    for (uint32_t i = sentence.firstToken; i < sentence.endToken; ++i) {
        const std::string_view text = document.tokens[i].bytes.of(document.text);
        size_t offset = 0;
        if (text.empty() || !isLetter(decodeUtf8(text, offset))) continue;
        if (kTitleCaseSmallWords.contains(foldedToken(document, i))) continue;
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

const WordSet& givenNames() {
    static const auto names = readWordSet("core/3-entities/given-names.tsv");
    return names;
}

// Words the training text mostly writes in lower case (tools/common-words.sh).
const WordSet& commonWords() {
    static const auto words = readWordSet("core/3-entities/common-words.tsv");
    return words;
}

}  // namespace

bool isTitleCaseSmallWord(std::string_view foldedWord) { return kTitleCaseSmallWords.contains(foldedWord); }

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

FeatureExtractor::FeatureExtractor(const Document& document) {
    const size_t count = document.tokens.size();
    words_.resize(count);
    // Sized for a news article's words, and grown as needed: a long text has far fewer
    // distinct words than tokens.
    const size_t expected = std::min<size_t>(count, 4096);
    StringIndex ids(expected);  // case-folded word → id, in order of appearance
    // A token's own parts depend on its text alone: made once for each spelling, since
    // most tokens repeat one ("the", ",", a name).
    StringIndex spellings(expected);  // text → the first token written so
    for (uint32_t i = 0; i < count; ++i) {
        const std::string_view text = document.tokens[i].bytes.of(document.text);
        TokenParts& parts = words_[i];
        if (const auto [first, added] = spellings.insert(text, i); !added) {
            parts = words_[first];
            continue;
        }
        parts.spelling = static_cast<uint32_t>(spellingFirstTokens_.size());
        spellingFirstTokens_.push_back(i);
        const std::string_view word = foldedToken(document, i);
        parts.word = ids.insert(word, static_cast<uint32_t>(ids.size())).first;
        parts.text = part(text);
        parts.lower = part(word);
        parts.shape = part(shapeOf(text));
        // Affixes by bytes: enough to tell "-ov", "-sky", "-ian", "-ers" apart.
        for (size_t length = 2; length <= 4; ++length) {
            if (word.size() <= length) break;
            parts.prefix[length - 2] = part(word.substr(0, length));
            parts.suffix[length - 2] = part(word.substr(word.size() - length));
        }
        parts.capitalised = startsUpper(text);
        parts.givenName = givenNames().contains(text);
        parts.common = commonWords().contains(word);
    }
    std::vector<PhraseMark> marks(count);
    const auto phraseParts = [&](uint64_t TokenParts::*field) {
        for (size_t i = 0; i < count; ++i) {
            words_[i].*field = marks[i].label.empty() ? constants().dash
                               : mix(part(marks[i].label), marks[i].begins ? constants().begins : constants().continues);
            marks[i] = {};
        }
    };
    for (const Sentence& sentence : document.sentences) markPhrases(document, sentence, demonymPhrases(), marks);
    phraseParts(&TokenParts::demonym);
    for (const Sentence& sentence : document.sentences) markPhrases(document, sentence, gazetteer(), marks);
    phraseParts(&TokenParts::gazetteer);
    uses_.assign(ids.size(), {});
    for (const Sentence& sentence : document.sentences) {
        const SentenceKind kind = sentenceKind(document, sentence);
        for (uint32_t i = sentence.firstToken; i < sentence.endToken; ++i) {
            words_[i].sentenceKind = static_cast<uint8_t>(kind);
            const std::string_view text = document.tokens[i].bytes.of(document.text);
            WordUse& use = uses_[words_[i].word];
            if (i > sentence.firstToken && startsLower(text)) use.lowerMidSentence = true;
            if (i > sentence.firstToken && kind == SentenceKind::Normal && words_[i].capitalised) {
                use.capitalMidSentence = true;
            }
        }
    }
}

void FeatureExtractor::setFirstPass(const std::vector<int>& tags) {
    firstPass_ = tags;
    firstPassCounts_.assign(uses_.size(), {});
    for (size_t i = 0; i < tags.size() && i < words_.size(); ++i) {
        ++firstPassCounts_[words_[i].word][tags[i] == 0 ? 5 : typeOfTag(tags[i])];
    }
}

void FeatureExtractor::appendSecondStage(const Sentence& sentence, std::vector<std::vector<uint64_t>>& features) const {
    static const uint64_t kLabels[] = {part("PER"), part("ORG"), part("LOC"), part("MISC"), part("NORP"), part("O"),
                                       part("unseen")};
    for (uint32_t i = sentence.firstToken; i < sentence.endToken; ++i) {
        // The first stage's labels of this word elsewhere in the document.
        std::array<uint16_t, 6> counts = firstPassCounts_[words_[i].word];
        --counts[firstPass_[i] == 0 ? 5 : typeOfTag(firstPass_[i])];
        int best = -1;
        for (int type = 0; type < 5; ++type) {
            if (counts[type] > 0 && (best < 0 || counts[type] > counts[best])) best = type;
        }
        const uint64_t label = kLabels[best >= 0 ? best : counts[5] > 0 ? 5 : 6];
        const uint64_t position = i == sentence.firstToken ? constants().first : constants().inside;
        std::vector<uint64_t>& out = features[i - sentence.firstToken];
        out.push_back(feature(FirstPassLabel, {label}));
        out.push_back(feature(FirstPassLabelAndContext, {label, kindPart(static_cast<SentenceKind>(words_[i].sentenceKind)), position, words_[i].shape}));
    }
}

void FeatureExtractor::extract(const Sentence& sentence, std::vector<std::vector<uint64_t>>& features) const {
    extractContext(sentence, features);
    for (uint32_t i = sentence.firstToken; i < sentence.endToken; ++i) ownFeatures(i, features[i - sentence.firstToken]);
}

void FeatureExtractor::ownFeatures(uint32_t i, std::vector<uint64_t>& out) const {
    const Constants& c = constants();
    const TokenParts& token = words_[i];
    out.push_back(feature(Bias, {c.empty}));
    out.push_back(feature(Word, {token.text}));
    out.push_back(feature(Lower, {token.lower}));
    static constexpr Template kPrefixes[] = {Prefix2, Prefix3, Prefix4};
    static constexpr Template kSuffixes[] = {Suffix2, Suffix3, Suffix4};
    for (int length = 0; length < 3 && token.prefix[length] != 0; ++length) {
        out.push_back(feature(kPrefixes[length], {token.prefix[length]}));
        out.push_back(feature(kSuffixes[length], {token.suffix[length]}));
    }
    out.push_back(feature(Shape, {token.shape}));
    out.push_back(feature(GivenName, {token.givenName ? c.yes : c.no}));
}

void FeatureExtractor::extractContext(const Sentence& sentence, std::vector<std::vector<uint64_t>>& features) const {
    const Constants& c = constants();
    const long first = sentence.firstToken, end = sentence.endToken;
    features.resize(end - first);
    // A token's part, or the sentence boundary's beyond it.
    const auto at = [&](long i, uint64_t TokenParts::*field) {
        return i < first ? c.sentenceStart : i >= end ? c.sentenceEnd : words_[i].*field;
    };
    const auto flag = [&](long i, bool TokenParts::*field) { return i >= first && i < end && words_[i].*field; };
    for (long i = first; i < end; ++i) {
        const TokenParts& token = words_[i];
        std::vector<uint64_t>& out = features[i - first];
        out.clear();
        out.reserve(48);
        const uint64_t lower = token.lower, shape = token.shape, kind = kindPart(static_cast<SentenceKind>(token.sentenceKind));
        out.push_back(feature(LowerPrev, {at(i - 1, &TokenParts::lower)}));
        out.push_back(feature(LowerNext, {at(i + 1, &TokenParts::lower)}));
        out.push_back(feature(LowerPrev2, {at(i - 2, &TokenParts::lower)}));
        out.push_back(feature(LowerNext2, {at(i + 2, &TokenParts::lower)}));
        const uint64_t shapeBefore = at(i - 1, &TokenParts::shape), shapeAfter = at(i + 1, &TokenParts::shape);
        out.push_back(feature(ShapePrev, {shapeBefore}));
        out.push_back(feature(ShapeNext, {shapeAfter}));
        out.push_back(feature(ShapeWindow, {shapeBefore, shape, shapeAfter}));
        out.push_back(feature(LowerPrevAndLower, {at(i - 1, &TokenParts::lower), lower}));
        out.push_back(feature(LowerAndLowerNext, {lower, at(i + 1, &TokenParts::lower)}));
        out.push_back(feature(LowerPrevAndShape, {at(i - 1, &TokenParts::lower), shape}));
        out.push_back(feature(ShapeAndLowerNext, {shape, at(i + 1, &TokenParts::lower)}));
        const uint64_t position = i == first ? c.first : c.inside;
        out.push_back(feature(PositionAndShape, {position, shape}));
        out.push_back(feature(SentenceKindAndShape, {kind, shape}));
        if (static_cast<SentenceKind>(token.sentenceKind) != SentenceKind::Normal) out.push_back(feature(SentenceKindAndLower, {kind, lower}));
        // What the document says of this word elsewhere.
        if (token.capitalised) {
            const WordUse& use = uses_[token.word];
            const bool lowerElsewhere = use.lowerMidSentence;
            const bool capitalElsewhere = use.capitalMidSentence;
            out.push_back(feature(LowerElsewhere, {lowerElsewhere ? c.yes : c.no, kind, position}));
            out.push_back(feature(CapitalElsewhere, {capitalElsewhere ? c.yes : c.no, kind, position}));
            out.push_back(feature(CommonWordInContext, {token.common ? c.common : c.rare, kind, position}));
            out.push_back(feature(CapitalPrevLower,
                                  {flag(i - 1, &TokenParts::capitalised) ? c.cap : c.nocap, lowerElsewhere ? c.lower : c.dash}));
        }
        out.push_back(feature(InDemonym, {token.demonym}));
        out.push_back(feature(InDemonymPrev, {i > first ? words_[i - 1].demonym : c.dash}));
        out.push_back(feature(InDemonymNext, {i + 1 < end ? words_[i + 1].demonym : c.dash}));
        out.push_back(feature(InGazetteer, {token.gazetteer}));
        out.push_back(feature(InGazetteerPrev, {i > first ? words_[i - 1].gazetteer : c.dash}));
        out.push_back(feature(InGazetteerNext, {i + 1 < end ? words_[i + 1].gazetteer : c.dash}));
        out.push_back(feature(GivenNamePrev, {flag(i - 1, &TokenParts::givenName) ? c.yes : c.no}));
    }
}

}  // namespace annotator
