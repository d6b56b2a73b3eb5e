#include "json/json_reader.h"

#include <vector>

#include "1-text/utf8.h"

namespace annotator {

void JsonReader::skipSpace() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) ++at_;
}

char JsonReader::peek() {
    skipSpace();
    return failed_ || at_ >= text_.size() ? '\0' : text_[at_];
}

bool JsonReader::beginObject() {
    if (peek() != '{') return fail();
    ++at_;
    opened_ = true;
    return true;
}

bool JsonReader::beginArray() {
    if (peek() != '[') return fail();
    ++at_;
    opened_ = true;
    return true;
}

bool JsonReader::another(char closer) {
    const char c = peek();
    const bool first = opened_;
    opened_ = false;
    if (c == closer) {
        ++at_;
        return false;
    }
    if (first) return !failed_;
    if (c != ',') return fail();
    ++at_;
    return true;
}

bool JsonReader::nextKey(std::string& key) {
    if (!another('}')) return false;
    if (!string(key) || peek() != ':') return fail();
    ++at_;
    return true;
}

bool JsonReader::nextElement() { return another(']'); }

bool JsonReader::hex4(uint32_t& value) {
    if (at_ + 4 > text_.size()) return fail();
    value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = text_[at_++];
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (digit < 0) return fail();
        value = value * 16 + static_cast<uint32_t>(digit);
    }
    return true;
}

bool JsonReader::string(std::string& out) {
    out.clear();
    if (peek() != '"') return fail();
    ++at_;
    while (true) {
        // The run up to the next quote, escape or control character, copied at once.
        size_t end = at_;
        while (end < text_.size() && text_[end] != '"' && text_[end] != '\\' && static_cast<unsigned char>(text_[end]) >= 0x20) ++end;
        out.append(text_.substr(at_, end - at_));
        at_ = end;
        if (at_ >= text_.size() || static_cast<unsigned char>(text_[at_]) < 0x20) return fail();
        if (text_[at_++] == '"') return true;
        if (at_ >= text_.size()) return fail();
        switch (text_[at_++]) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                uint32_t unit = 0;
                if (!hex4(unit)) return false;
                if (unit >= 0xDC00 && unit <= 0xDFFF) return fail();  // a low surrogate alone
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    uint32_t low = 0;
                    if (at_ + 2 > text_.size() || text_[at_] != '\\' || text_[at_ + 1] != 'u') return fail();
                    at_ += 2;
                    if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return fail();
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(out, unit);
                break;
            }
            default: return fail();
        }
    }
}

bool JsonReader::literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return fail();
    at_ += word.size();
    return true;
}

bool JsonReader::number() {
    const auto digits = [&] {
        const size_t from = at_;
        while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
        return at_ > from;
    };
    if (at_ < text_.size() && text_[at_] == '-') ++at_;
    if (at_ < text_.size() && text_[at_] == '0') {
        ++at_;
    } else if (!digits()) {
        return fail();
    }
    if (at_ < text_.size() && text_[at_] == '.') {
        ++at_;
        if (!digits()) return fail();
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
        ++at_;
        if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
        if (!digits()) return fail();
    }
    return true;
}

bool JsonReader::skipValue() {
    std::vector<char> open;  // the brackets still open, innermost last
    std::string scratch;
    do {
        if (!open.empty()) {
            // Inside an object or array: its end, or the next member or element.
            const bool object = open.back() == '{';
            if (!another(object ? '}' : ']')) {
                if (failed_) return false;
                open.pop_back();
                continue;
            }
            if (object && (!string(scratch) || peek() != ':')) return fail();
            if (object) ++at_;
        }
        switch (peek()) {
            case '{':
            case '[':
                open.push_back(text_[at_++]);
                opened_ = true;
                break;
            case '"':
                if (!string(scratch)) return false;
                break;
            case 't': if (!literal("true")) return false; break;
            case 'f': if (!literal("false")) return false; break;
            case 'n': if (!literal("null")) return false; break;
            default:
                if (!number()) return false;
        }
    } while (!open.empty());
    opened_ = false;
    return !failed_;
}

bool JsonReader::atEnd() {
    skipSpace();
    return !failed_ && at_ == text_.size();
}

}  // namespace annotator
