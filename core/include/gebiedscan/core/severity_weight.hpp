#pragma once
#include "gebiedscan/core/accident.hpp"
#include "gebiedscan/core/black_spots.hpp"

namespace gebiedscan {

/// The weight of one accident in a severity-weighted figure (the network KDE with weights): DOD
/// `fatal`, LET `serious` with a known hospital admission and `injury` otherwise, UMS
/// `damageOnly`, no AP3 code `unknown`. The same rule as the black-spot score.
[[nodiscard]] double severityWeight(const SeverityWeights& weights, const Accident& accident);

} // namespace gebiedscan
