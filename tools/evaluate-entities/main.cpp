// evaluate-entities: scores the built-in entity tagger on a CoNLL-2003 file (default: the
// development set eng.testa) the CoNLL way: a span counts only with its exact boundaries
// and type; NORP is scored as MISC, as CoNLL has no NORP. Prints precision, recall and F1
// per type and overall, and a summary of the errors.
// usage: evaluate-entities [FILE] [--min-f1 F]   (exit 1 when F1 is below F)
#include <fstream>
#include <iostream>
#include <string>

#include "3-entities/tagger.h"
#include "conll/conll.h"

using namespace annotator;

int main(int argc, char** argv) {
    std::string path = ANNOTATOR_DATA_DIR "/conll2003/eng.testa";
    double minimum = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--min-f1" && i + 1 < argc) minimum = std::stod(argv[++i]);
        else path = argument;
    }
    std::ifstream input(path);
    if (!input) {
        std::cerr << "evaluate-entities: cannot read " << path << "\n";
        return 1;
    }
    const Outcome<const EntityTagger*> model = builtInEntityTagger();
    if (!model) {
        std::cerr << "evaluate-entities: " << model.error().message << "\n";
        return 1;
    }
    const conll::File file = conll::read(input);
    conll::Scorer scorer;
    for (const conll::DocumentSentences& sentences : file.documents) {
        const Document document = conll::toDocument(sentences);
        const std::vector<int> tags = tagDocument(document, *model.value());
        for (size_t s = 0; s < sentences.size(); ++s) {
            const Sentence& sentence = document.sentences[s];
            std::vector<std::string> gold;
            for (const conll::Token& token : sentences[s]) gold.push_back(token.tag);
            const std::vector<int> predicted(tags.begin() + sentence.firstToken, tags.begin() + sentence.endToken);
            scorer.add(conll::spansOf(gold), conll::asConll(conll::spansOfTags(predicted)));
        }
    }
    std::cout << "Entities on " << path << " (exact span and type; NORP scored as MISC)\n" << scorer.report();
    if (scorer.f1() < minimum) {
        std::cerr << "evaluate-entities: F1 " << scorer.f1() << " is below the floor " << minimum << "\n";
        return 1;
    }
    return 0;
}
