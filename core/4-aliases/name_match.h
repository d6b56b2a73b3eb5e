// Whether two person names can be one person, and how alike they are (0..1).
//
// The given names (first words) must match: two written in full that differ make two
// people (Zobaida Jalal / Massouda Jalal). The other words of the shorter name must then
// align in order with words of the longer one, which may have more (a middle name, a
// second family name: "Dante Pino" / "Dante Napoleon Pino Archondo"). Words match when
// alike in spelling (Jaro-Winkler on the words, or the same spelling key: Kumaim/Kumaym,
// Sergei/Sergey), or as an initial and a word (A. / Abdullah). A single word is a family
// name, matched against the last or, in East Asian order, the first word. Thread-safe.
#pragma once

#include <string_view>

#include "4-aliases/person_name.h"

namespace annotator {

double nameSimilarity(const PersonName& a, const PersonName& b);

// The score from which two names are taken as one person.
inline constexpr double kSameNameThreshold = 0.86;

double jaroWinkler(std::string_view a, std::string_view b);

}  // namespace annotator
