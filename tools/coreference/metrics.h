// The coreference scores of the CoNLL-2011/2012 shared tasks: MUC, B³ and entity-based CEAF
// (φ4), and their mean, the CoNLL F1, as the reference scorer computes them (Pradhan et al.
// 2014, "Scoring coreference partitions of predicted mentions"). Key and response may hold
// different mentions: a key mention missing from the response counts against recall, a
// response mention missing from the key ("twinless") against precision, with no alignment
// beyond mention identity. Singletons count in B³ and CEAF-e (MUC ignores them by design).
#pragma once

#include <cstddef>
#include <vector>

namespace annotator::coreference {

// Clusters of mention ids. A mention is in at most one cluster of a clustering.
using Clustering = std::vector<std::vector<size_t>>;

struct Score {
    double recall = 0, precision = 0;
    double f1() const {
        return recall + precision > 0 ? 2 * recall * precision / (recall + precision) : 0;
    }
};

// Vilain et al. 1995: links kept, Σ(|k| − |partitions of k by the response|) / Σ(|k| − 1).
Score muc(const Clustering& key, const Clustering& response);
// Bagga & Baldwin 1998: per mention, the share of its cluster found in the other side's.
Score bCubed(const Clustering& key, const Clustering& response);
// Luo 2005, φ4(k, r) = 2|k ∩ r| / (|k| + |r|): the best one-to-one alignment of clusters,
// divided by the number of key clusters (recall) and of response clusters (precision).
Score ceafEntity(const Clustering& key, const Clustering& response);

struct Scores {
    Score muc, bCubed, ceafEntity;
    double conllF1() const { return (muc.f1() + bCubed.f1() + ceafEntity.f1()) / 3; }
};
Scores score(const Clustering& key, const Clustering& response);

// Kuhn–Munkres: for a weight matrix (rows × columns, any shape), the column of each row in
// an assignment of largest total weight (each column used once), or -1 for a row left out.
std::vector<int> bestAssignment(const std::vector<std::vector<double>>& weights);

}  // namespace annotator::coreference
