#include "3-entities/gazetteer.h"

#include "lexicon.h"

namespace annotator {

const PhraseLexicon& gazetteer() {
    static const PhraseLexicon loaded = [] {
        PhraseLexicon lexicon;
        for (const TableRow& row : readTable("core/3-entities/gazetteer.tsv")) {
            if (row.size() >= 2) lexicon.add(row[0], row[1]);
        }
        return lexicon;
    }();
    return loaded;
}

}  // namespace annotator
