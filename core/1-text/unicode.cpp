#include "1-text/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>


#include "resources.h"

namespace annotator {

Outcome<bool> initUnicodeData() {
    static const Outcome<bool> outcome = []() -> Outcome<bool> {
        const std::string_view data = embeddedFile("core/1-text/icudt72l.dat");
        if (data.empty()) return Error{"ICU data is missing from the build"};
        UErrorCode status = U_ZERO_ERROR;
        udata_setCommonData(data.data(), &status);
        if (U_FAILURE(status)) return Error{std::string("ICU refused its data: ") + u_errorName(status)};
        status = U_ZERO_ERROR;
        icu::Normalizer2::getNFKCCasefoldInstance(status);
        if (U_FAILURE(status)) {
            return Error{std::string("ICU case folding is unavailable: ") + u_errorName(status)};
        }
        return true;
    }();
    return outcome;
}

bool isLetterBeyondAscii(char32_t c) { return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) && !isMark(c); }

bool isMarkBeyondAscii(char32_t c) { return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

bool isDecimalDigitBeyondAscii(char32_t c) { return u_charType(c) == U_DECIMAL_DIGIT_NUMBER; }

bool isWhiteSpaceBeyondAscii(char32_t c) {
    return u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B;  // BOM and zero-width space separate too
}

bool isLineBreak(char32_t c) {
    return (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool isUppercaseBeyondAscii(char32_t c) { return u_isupper(c) || u_istitle(c); }

bool isLowercaseBeyondAscii(char32_t c) { return u_islower(c); }

bool isDash(char32_t c) { return c == '-' || u_hasBinaryProperty(c, UCHAR_DASH); }

bool isApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

bool isQuotationMark(char32_t c) { return u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK); }

bool isPunctuationBeyondAscii(char32_t c) { return (U_GET_GC_MASK(c) & U_GC_P_MASK) != 0; }

bool isEmojiPart(char32_t c) {
    return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
           u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER) || c == 0x200D || c == 0xFE0F ||
           c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F);
}

bool isRegionalIndicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

bool isControl(char32_t c) { return u_charType(c) == U_CONTROL_CHAR && !isWhiteSpace(c); }

std::string foldCase(std::string_view text) {
    bool ascii = true;
    for (const char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        std::string folded(text);
        for (char& c : folded) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        }
        return folded;
    }
    // ICU caches a failed load: its data must be in place before the first use, whichever
    // entry point of the core comes first.
    if (!initUnicodeData()) return std::string(text);  // analyse() reports this case
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) return std::string(text);
    const icu::UnicodeString folded =
        fold->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size())), status);
    std::string out;
    folded.toUTF8String(out);
    return out;
}

std::string singleLine(std::string_view text) {
    std::string line;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !line.empty();
            continue;
        }
        if (space) line += ' ';
        space = false;
        line += c;
    }
    return line;
}

}  // namespace annotator
