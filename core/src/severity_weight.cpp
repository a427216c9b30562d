#include "gebiedscan/core/severity_weight.hpp"

namespace gebiedscan {

double severityWeight(const SeverityWeights& w, const Accident& a)
{
    switch (a.severity) {
    case Severity::Fatal: return w.fatal;
    case Severity::Injury: return a.hospital.value_or(false) ? w.serious : w.injury;
    case Severity::DamageOnly: return w.damageOnly;
    case Severity::Unknown: return w.unknown;
    }
    return w.unknown;
}

} // namespace gebiedscan
