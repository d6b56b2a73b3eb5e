// A map from strings to numbers for the loops that number every token of a document
// ("the" → 0, "," → 1, …): open addressing in one array, so an entry costs no allocation
// (std::unordered_map allocates a node for each). Keys are views: the caller keeps the
// strings alive as long as the index. Not thread-safe; one per document.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annotator {

class StringIndex {
public:
    explicit StringIndex(size_t expected = 16) {
        size_t capacity = 16;
        while (capacity < expected * 2) capacity *= 2;  // at most half full
        slots_.resize(capacity);
    }

    std::optional<uint32_t> find(std::string_view key) const {
        const uint32_t hash = hashOf(key);
        for (size_t at = hash & mask(); slots_[at].hash != 0; at = (at + 1) & mask()) {
            if (slots_[at].hash == hash && slots_[at].key == key) return slots_[at].value;
        }
        return std::nullopt;
    }

    // The number of `key`, which is given `value` if it had none; and whether it was added.
    std::pair<uint32_t, bool> insert(std::string_view key, uint32_t value) {
        const uint32_t hash = hashOf(key);
        size_t at = hash & mask();
        for (; slots_[at].hash != 0; at = (at + 1) & mask()) {
            if (slots_[at].hash == hash && slots_[at].key == key) return {slots_[at].value, false};
        }
        slots_[at] = {key, value, hash};
        if (++size_ * 2 > slots_.size()) grow();
        return {value, true};
    }

    size_t size() const { return size_; }

private:
    struct Slot {
        std::string_view key;
        uint32_t value = 0;
        uint32_t hash = 0;  // 0: the slot is empty
    };

    size_t mask() const { return slots_.size() - 1; }

    // FNV-1a, never 0.
    static uint32_t hashOf(std::string_view key) {
        uint32_t hash = 2166136261u;
        for (const char c : key) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
        return hash | 1;
    }

    void grow() {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        for (const Slot& slot : old) {
            if (slot.hash == 0) continue;
            size_t at = slot.hash & mask();
            while (slots_[at].hash != 0) at = (at + 1) & mask();
            slots_[at] = slot;
        }
    }

    std::vector<Slot> slots_;
    size_t size_ = 0;
};

// A map from strings it keeps itself (made up when it is filled: "north korea", "visited")
// to values, looked up through a StringIndex. Moved, never copied: the index views its keys.
template <class Value>
class StringMap {
public:
    StringMap() = default;
    StringMap(StringMap&&) = default;
    StringMap& operator=(StringMap&&) = default;
    StringMap(const StringMap&) = delete;
    StringMap& operator=(const StringMap&) = delete;

    // The value of `key`, made (default) if it had none.
    Value& operator[](std::string key) {
        if (const std::optional<uint32_t> found = index_.find(key)) return values_[*found];
        keys_.push_back(std::move(key));
        index_.insert(keys_.back(), static_cast<uint32_t>(values_.size()));
        return values_.emplace_back();
    }

    const Value* find(std::string_view key) const {
        const std::optional<uint32_t> found = index_.find(key);
        return found ? &values_[*found] : nullptr;
    }

private:
    StringIndex index_;
    std::vector<Value> values_;
    std::deque<std::string> keys_;  // never moves what it holds
};

}  // namespace annotator
