#include "3-entities/demonyms.h"

#include <unordered_map>

#include "lexicon.h"

namespace annotator {
namespace {

struct Lexicon {
    std::unordered_map<std::string_view, Demonym> forms;
    PhraseLexicon phrases;
};

const Lexicon& lexicon() {
    static const Lexicon loaded = [] {
        Lexicon lexicon;
        for (const TableRow& row : readTable("core/3-entities/demonyms.tsv")) {
            if (row.size() < 3) continue;
            lexicon.forms[row[0]] = {row[1], row[2]};
            lexicon.phrases.add(row[0], "NORP");
        }
        return lexicon;
    }();
    return loaded;
}

}  // namespace

const Demonym* findDemonym(std::string_view form) {
    const auto found = lexicon().forms.find(form);
    return found == lexicon().forms.end() ? nullptr : &found->second;
}

const PhraseLexicon& demonymPhrases() { return lexicon().phrases; }

}  // namespace annotator
