#include "document.h"

namespace annotator {

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

}  // namespace annotator
