// Writes JSON text straight into a string, as nlohmann's dump() would lay it out (compact,
// or indented by two spaces), without building a tree first: the result of a large
// collection is written in one pass. Strings must be UTF-8 (the pipeline repairs its
// input); they are escaped as JSON requires and otherwise copied as they are.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annotator {

class JsonWriter {
public:
    explicit JsonWriter(bool pretty) : pretty_(pretty) {}

    JsonWriter& beginObject() { return open('{'); }
    JsonWriter& endObject() { return close('}'); }
    JsonWriter& beginArray() { return open('['); }
    JsonWriter& endArray() { return close(']'); }
    // The key of the next member of the current object.
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(int64_t number);
    JsonWriter& value(uint32_t number) { return value(static_cast<int64_t>(number)); }
    JsonWriter& value(size_t number) { return value(static_cast<int64_t>(number)); }
    JsonWriter& value(int number) { return value(static_cast<int64_t>(number)); }
    JsonWriter& null();

    // A member with a value: key(name).value(v).
    template <typename T>
    JsonWriter& member(std::string_view name, const T& v) { return key(name).value(v); }

    std::string take() { return std::move(out_); }

private:
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    void beforeValue();
    void newLine();
    void string(std::string_view text);

    bool pretty_;
    bool afterKey_ = false;
    std::vector<bool> empty_;  // per open container: nothing written in it yet
    std::string out_;
};

}  // namespace annotator
