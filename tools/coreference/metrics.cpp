#include "coreference/metrics.h"

#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

namespace annotator::coreference {

namespace {

// The cluster of each mention id.
std::unordered_map<size_t, size_t> clusterOf(const Clustering& clustering) {
    std::unordered_map<size_t, size_t> cluster;
    for (size_t i = 0; i < clustering.size(); ++i) {
        for (size_t mention : clustering[i]) cluster[mention] = i;
    }
    return cluster;
}

// For each cluster of `from`, how many of its mentions each cluster of `to` holds.
std::vector<std::map<size_t, size_t>> overlaps(const Clustering& from, const Clustering& to) {
    const auto clusterInTo = clusterOf(to);
    std::vector<std::map<size_t, size_t>> counts(from.size());
    for (size_t i = 0; i < from.size(); ++i) {
        for (size_t mention : from[i]) {
            if (const auto found = clusterInTo.find(mention); found != clusterInTo.end())
                ++counts[i][found->second];
        }
    }
    return counts;
}

// MUC recall of `from` against `to` (precision with the roles swapped). A mention missing
// from `to` is a partition of its own.
double mucRecall(const Clustering& from, const Clustering& to) {
    const auto counts = overlaps(from, to);
    double kept = 0, links = 0;
    for (size_t i = 0; i < from.size(); ++i) {
        if (from[i].empty()) continue;
        size_t found = 0;
        for (const auto& [cluster, count] : counts[i]) found += count;
        const size_t partitions = counts[i].size() + (from[i].size() - found);
        kept += double(from[i].size() - partitions);
        links += double(from[i].size() - 1);
    }
    return links > 0 ? kept / links : 0;
}

double bCubedRecall(const Clustering& from, const Clustering& to) {
    const auto counts = overlaps(from, to);
    double found = 0, mentions = 0;
    for (size_t i = 0; i < from.size(); ++i) {
        for (const auto& [cluster, count] : counts[i])
            found += double(count) * count / from[i].size();
        mentions += double(from[i].size());
    }
    return mentions > 0 ? found / mentions : 0;
}

size_t root(std::vector<size_t>& parent, size_t node) {
    while (parent[node] != node) node = parent[node] = parent[parent[node]];
    return node;
}

}  // namespace

Score muc(const Clustering& key, const Clustering& response) {
    return {mucRecall(key, response), mucRecall(response, key)};
}

Score bCubed(const Clustering& key, const Clustering& response) {
    return {bCubedRecall(key, response), bCubedRecall(response, key)};
}

Score ceafEntity(const Clustering& key, const Clustering& response) {
    // Clusters that share no mention with any other are aligned to nothing (φ4 = 0), so the
    // alignment is solved per connected group of overlapping clusters: key clusters are
    // nodes 0…K−1, response clusters K…K+R−1.
    const auto counts = overlaps(key, response);
    std::vector<size_t> parent(key.size() + response.size());
    std::iota(parent.begin(), parent.end(), 0);
    for (size_t k = 0; k < key.size(); ++k) {
        for (const auto& [r, count] : counts[k])
            parent[root(parent, k)] = root(parent, key.size() + r);
    }
    std::map<size_t, std::pair<std::vector<size_t>, std::vector<size_t>>>
        groups;  // root → key, response clusters
    for (size_t k = 0; k < key.size(); ++k) groups[root(parent, k)].first.push_back(k);
    for (size_t r = 0; r < response.size(); ++r)
        groups[root(parent, key.size() + r)].second.push_back(r);
    double similarity = 0;
    for (const auto& [group, members] : groups) {
        const auto& [keys, responses] = members;
        if (keys.empty() || responses.empty()) continue;
        std::vector<std::vector<double>> weights(keys.size(),
                                                 std::vector<double>(responses.size(), 0));
        for (size_t i = 0; i < keys.size(); ++i) {
            for (size_t j = 0; j < responses.size(); ++j) {
                const auto shared = counts[keys[i]].find(responses[j]);
                if (shared == counts[keys[i]].end()) continue;
                weights[i][j] = 2.0 * shared->second /
                                double(key[keys[i]].size() + response[responses[j]].size());
            }
        }
        const std::vector<int> assigned = bestAssignment(weights);
        for (size_t i = 0; i < keys.size(); ++i) {
            if (assigned[i] >= 0) similarity += weights[i][assigned[i]];
        }
    }
    return {key.empty() ? 0 : similarity / double(key.size()),
            response.empty() ? 0 : similarity / double(response.size())};
}

Scores score(const Clustering& key, const Clustering& response) {
    return {muc(key, response), bCubed(key, response), ceafEntity(key, response)};
}

std::vector<int> bestAssignment(const std::vector<std::vector<double>>& weights) {
    const size_t rows = weights.size(), columns = rows ? weights[0].size() : 0;
    if (rows > columns) {  // solve the transpose, where every row is assigned
        std::vector<std::vector<double>> transposed(columns, std::vector<double>(rows));
        for (size_t i = 0; i < rows; ++i) {
            for (size_t j = 0; j < columns; ++j) transposed[j][i] = weights[i][j];
        }
        std::vector<int> rowOf = bestAssignment(transposed), columnOf(rows, -1);
        for (size_t j = 0; j < columns; ++j) columnOf[rowOf[j]] = static_cast<int>(j);
        return columnOf;
    }
    // The Hungarian method with potentials on costs −weight (rows ≤ columns), O(rows² columns):
    // rows join one by one along shortest augmenting paths. Index 0 is a sentinel.
    const double infinity = std::numeric_limits<double>::infinity();
    std::vector<double> rowPotential(rows + 1, 0), columnPotential(columns + 1, 0);
    std::vector<size_t> rowOfColumn(columns + 1, 0), previous(columns + 1, 0);
    for (size_t row = 1; row <= rows; ++row) {
        rowOfColumn[0] = row;
        size_t column = 0;
        std::vector<double> slack(columns + 1, infinity);
        std::vector<bool> used(columns + 1, false);
        do {
            used[column] = true;
            const size_t current = rowOfColumn[column];
            double delta = infinity;
            size_t next = 0;
            for (size_t j = 1; j <= columns; ++j) {
                if (used[j]) continue;
                const double reduced =
                    -weights[current - 1][j - 1] - rowPotential[current] - columnPotential[j];
                if (reduced < slack[j]) {
                    slack[j] = reduced;
                    previous[j] = column;
                }
                if (slack[j] < delta) {
                    delta = slack[j];
                    next = j;
                }
            }
            for (size_t j = 0; j <= columns; ++j) {
                if (used[j]) {
                    rowPotential[rowOfColumn[j]] += delta;
                    columnPotential[j] -= delta;
                } else {
                    slack[j] -= delta;
                }
            }
            column = next;
        } while (rowOfColumn[column] != 0);
        do {  // flip the augmenting path
            const size_t before = previous[column];
            rowOfColumn[column] = rowOfColumn[before];
            column = before;
        } while (column != 0);
    }
    std::vector<int> columnOf(rows, -1);
    for (size_t j = 1; j <= columns; ++j) {
        if (rowOfColumn[j] != 0) columnOf[rowOfColumn[j] - 1] = static_cast<int>(j - 1);
    }
    return columnOf;
}

}  // namespace annotator::coreference
