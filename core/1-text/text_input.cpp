#include "1-text/text_input.h"

#include "1-text/utf8.h"

namespace annotator {
namespace {

// Text has a few control characters at most (form feeds, escape codes in logs); more
// than this share of the first bytes means a binary file.
constexpr size_t kSniffBytes = 64 * 1024;
constexpr double kMaxControlShare = 0.01;
constexpr size_t kMinControlCount = 8;

std::optional<std::string> binaryReason(std::string_view bytes) {
    const size_t nul = bytes.find('\0');
    if (nul != std::string_view::npos) return "a NUL byte at offset " + std::to_string(nul);
    const std::string_view head = bytes.substr(0, kSniffBytes);
    size_t controls = 0;
    for (const char c : head) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f' && byte != '\v' &&
             byte != 0x1B) ||
            byte == 0x7F) {
            ++controls;
        }
    }
    if (controls >= kMinControlCount && controls > kMaxControlShare * head.size()) {
        return std::to_string(controls) + " control characters in its first " + std::to_string(head.size()) +
               " bytes";
    }
    return std::nullopt;
}

}  // namespace

Outcome<std::string> prepareText(std::string_view documentId, std::string bytes, std::vector<Warning>& warnings) {
    const std::string id(documentId);
    if (bytes.size() > kMaxDocumentBytes) {
        return Error{"document '" + id + "' is " + std::to_string(bytes.size() >> 20) +
                     " MiB, more than the limit of " + std::to_string(kMaxDocumentBytes >> 20) + " MiB"};
    }
    if (const auto reason = binaryReason(bytes)) {
        return Error{"document '" + id + "' is not text: it looks like a binary file (" + *reason + ")"};
    }
    const Utf8Repair repair = repairUtf8(bytes);
    if (repair.replaced > 0) {
        warnings.push_back({id, std::to_string(repair.replaced) +
                                    " invalid UTF-8 sequence(s) replaced with U+FFFD, the first at byte " +
                                    std::to_string(repair.firstInvalidOffset)});
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
    if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
        warnings.push_back({id, "the document is empty"});
    }
    return bytes;
}

}  // namespace annotator
