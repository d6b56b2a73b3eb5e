// Reads JSON text value by value, without building a tree: the request of a large
// collection (a few megabytes, nearly all of it article text) is read in one pass, each
// text copied once, into the document it belongs to. It accepts exactly RFC 8259 JSON (a
// lone surrogate escape is refused, as nlohmann's parser does); the text must be UTF-8
// (the pipeline repairs it first), and is not checked for it again. Nesting has no depth
// limit and no recursion: unknown values are skipped with a stack of brackets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace annotator {

class JsonReader {
public:
    explicit JsonReader(std::string_view text) : text_(text) {}  // views the text: keep it alive

    // The first character of the next value (after white space), or '\0' at the end. A
    // value that starts with '{' is an object, '[' an array, '"' a string, 'n' null, and so on.
    char peek();

    // Each reads what it names at the cursor, or fails (failed(), and every later call fails).
    bool beginObject();
    // Reads the next key of the object begun, with its ':', into `key`; false at the
    // object's end (its '}' read) or on a failure.
    bool nextKey(std::string& key);
    bool beginArray();
    // Whether the array begun has one more element (its ',' read); false at its end (its
    // ']' read) or on a failure.
    bool nextElement();
    bool string(std::string& out);
    bool skipValue();

    // Whether only white space is left; the whole text must be one value.
    bool atEnd();
    bool failed() const { return failed_; }

private:
    bool fail() {
        failed_ = true;
        return false;
    }
    void skipSpace();
    // Whether the object or array begun has one more member or element (its ',' read,
    // unless it is the first); false at its end (`closer` read) or on a failure.
    bool another(char closer);
    bool literal(std::string_view word);
    bool number();
    bool hex4(uint32_t& value);

    std::string_view text_;
    size_t at_ = 0;
    bool failed_ = false;
    bool opened_ = false;  // an object or array was just begun: no ',' before its first member
};

}  // namespace annotator
