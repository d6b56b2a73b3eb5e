#include "4-aliases/latin.h"

#include <unicode/translit.h>
#include <unicode/uscript.h>

#include <memory>
#include <mutex>

#include "1-text/unicode.h"
#include "1-text/utf8.h"
#include "resources.h"

namespace annotator {
namespace {

// The rules compiled once. A null transliterator (data missing or rules refused) leaves
// names lowercased as written: matching gets weaker, nothing fails.
struct Latinizer {
    Latinizer() {
        if (!initUnicodeData()) return;
        const std::string_view rules = embeddedFile("core/4-aliases/latin-letters.txt");
        UParseError where;
        UErrorCode status = U_ZERO_ERROR;
        transliterator.reset(icu::Transliterator::createFromRules(
            "annotator-latin", icu::UnicodeString::fromUTF8({rules.data(), static_cast<int32_t>(rules.size())}),
            UTRANS_FORWARD, where, status));
        if (U_FAILURE(status)) transliterator.reset();
    }

    std::unique_ptr<icu::Transliterator> transliterator;
    std::mutex mutex;  // ICU transliterators are not safe for concurrent use
};

Latinizer& latinizer() {
    static Latinizer instance;
    return instance;
}

bool isAscii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

}  // namespace

std::string latinLetters(std::string_view text) {
    if (isAscii(text)) {
        std::string lower(text);
        for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        return lower;
    }
    Latinizer& made = latinizer();
    if (!made.transliterator) return foldCase(text);
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8({text.data(), static_cast<int32_t>(text.size())});
    {
        const std::lock_guard lock(made.mutex);
        made.transliterator->transliterate(unicode);
    }
    std::string latin;
    unicode.toUTF8String(latin);
    return latin;
}

bool hasNonLatinLetters(std::string_view text) {
    if (isAscii(text)) return false;
    for (size_t offset = 0; offset < text.size();) {
        const char32_t c = decodeUtf8(text, offset);
        if (!isLetter(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
        if (U_SUCCESS(status) && script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
            return true;
        }
    }
    return false;
}

}  // namespace annotator
