// evaluate-names: scores the person-name matcher (core/4-aliases/name_match.h) on pairs of
// names labelled same or different (default: ../shared/data/names/pairs-dev.tsv):
// precision, recall and F1 of "same", and the pairs it gets wrong, worst first.
// usage: evaluate-names [FILE] [--min-f1 F] [--min-precision P]   (exit 1 below either)
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "4-aliases/name_match.h"

using namespace annotator;

int main(int argc, char** argv) {
    std::string path = ANNOTATOR_DATA_DIR "/names/pairs-dev.tsv";
    double minimumF1 = 0, minimumPrecision = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--min-f1" && i + 1 < argc) minimumF1 = std::stod(argv[++i]);
        else if (argument == "--min-precision" && i + 1 < argc) minimumPrecision = std::stod(argv[++i]);
        else path = argument;
    }
    std::ifstream input(path);
    if (!input) {
        std::cerr << "evaluate-names: cannot read " << path << "\n";
        return 1;
    }
    struct Error {
        double score;
        std::string a, b, label;
    };
    std::vector<Error> errors;
    size_t truePositive = 0, falsePositive = 0, falseNegative = 0, pairs = 0;
    std::string line;
    std::getline(input, line);  // header
    while (std::getline(input, line)) {
        std::istringstream fields(line);
        std::string a, b, label;
        if (!std::getline(fields, a, '\t') || !std::getline(fields, b, '\t') || !std::getline(fields, label, '\t')) continue;
        ++pairs;
        const double score = nameSimilarity(analysePersonName(a), analysePersonName(b));
        const bool same = score >= kSameNameThreshold, gold = label == "same";
        truePositive += same && gold;
        falsePositive += same && !gold;
        falseNegative += !same && gold;
        if (same != gold) errors.push_back({score, a, b, label});
    }
    const double precision = truePositive ? double(truePositive) / (truePositive + falsePositive) : 0;
    const double recall = truePositive ? double(truePositive) / (truePositive + falseNegative) : 0;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    std::printf("Names on %s: %zu pairs\nsame: precision %.4f  recall %.4f  F1 %.4f  (%zu false same, %zu missed)\n",
                path.c_str(), pairs, precision, recall, f1, falsePositive, falseNegative);
    std::sort(errors.begin(), errors.end(), [](const Error& x, const Error& y) {
        return std::abs(x.score - kSameNameThreshold) > std::abs(y.score - kSameNameThreshold);
    });
    std::printf("worst errors:\n");
    for (size_t i = 0; i < std::min<size_t>(15, errors.size()); ++i) {
        std::printf("  %.3f %-9s %s | %s\n", errors[i].score, errors[i].label.c_str(), errors[i].a.c_str(), errors[i].b.c_str());
    }
    if (f1 < minimumF1 || precision < minimumPrecision) {
        std::cerr << "evaluate-names: below the floor (F1 " << f1 << ", precision " << precision << ")\n";
        return 1;
    }
    return 0;
}
