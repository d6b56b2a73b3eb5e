#include "document.h"

#include <algorithm>

namespace annotator {

std::span<const Mention> mentionsIn(const Document& document, uint32_t firstToken, uint32_t endToken) {
    const auto& mentions = document.mentions;
    const auto first = std::lower_bound(mentions.begin(), mentions.end(), firstToken,
                                        [](const Mention& mention, uint32_t token) { return mention.firstToken < token; });
    const auto end = std::lower_bound(first, mentions.end(), endToken,
                                      [](const Mention& mention, uint32_t token) { return mention.firstToken < token; });
    // (pointer and size: the libc++ of Emscripten 3.1.6 has no span from iterators)
    return {mentions.data() + (first - mentions.begin()), static_cast<size_t>(end - first)};
}

std::string_view toString(MentionType type) {
    switch (type) {
        case MentionType::Person: return "PERSON";
        case MentionType::Org: return "ORG";
        case MentionType::Location: return "LOCATION";
        case MentionType::Norp: return "NORP";
        case MentionType::Misc: return "MISC";
        case MentionType::Date: return "DATE";
        case MentionType::Time: return "TIME";
    }
    return "MISC";
}

std::string_view toString(AliasReason reason) {
    switch (reason) {
        case AliasReason::Written: return "written otherwise";
        case AliasReason::SpellingVariant: return "spelling variant";
        case AliasReason::Transliteration: return "transliteration";
        case AliasReason::Nickname: return "nickname";
        case AliasReason::FamilyName: return "surname of";
        case AliasReason::ShortForm: return "short form";
        case AliasReason::Acronym: return "acronym";
        case AliasReason::Nationality: return "nationality adjective";
    }
    return "spelling variant";
}

std::string_view toString(EventStatus status) {
    switch (status) {
        case EventStatus::Occurred: return "occurred";
        case EventStatus::Planned: return "planned";
        case EventStatus::Possible: return "possible";
        case EventStatus::Negated: return "negated";
    }
    return "occurred";
}

}  // namespace annotator
