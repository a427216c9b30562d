#include "gebiedscan/core/accident_placement.hpp"

namespace gebiedscan {

const char* bucketName(AccidentBucket b)
{
    switch (b) {
    case AccidentBucket::PlacedById: return "placed_by_id";
    case AccidentBucket::Snapped: return "snapped";
    case AccidentBucket::BeyondTolerance: return "beyond_tolerance";
    case AccidentBucket::MissingLocation: return "missing_location";
    case AccidentBucket::UnknownNetworkId: return "unknown_network_id";
    case AccidentBucket::DuplicatePartyRow: return "duplicate_party_row";
    case AccidentBucket::MissingYear: return "missing_year";
    case AccidentBucket::OutsidePeriod: return "outside_period";
    }
    return "unknown";
}

std::vector<Placement> placeAccidents(const RoadNetwork& network, const std::vector<Accident>& accidents,
                                      const PlacementOptions& options)
{
    std::vector<Placement> out(accidents.size());
    for (std::size_t i = 0; i < accidents.size(); ++i) {
        const auto& a = accidents[i];
        auto& p = out[i];
        if (!a.year) {
            p.bucket = AccidentBucket::MissingYear;
            continue;
        }
        if (*a.year < options.firstYear || *a.year > options.lastYear) {
            p.bucket = AccidentBucket::OutsidePeriod;
            continue;
        }
        bool idGiven = false;
        if (options.useNetworkIds) {
            idGiven = !a.segmentId.empty() || !a.junctionId.empty();
            if (!a.junctionId.empty()) p.node = network.findNode(a.junctionId);
            if (!a.segmentId.empty()) {
                p.segment = network.findSegment(a.segmentId);
                if (p.segment != RoadNetwork::kNone) {
                    if (a.point) {
                        const auto pos = network.projectOnto(p.segment, *a.point);
                        p.offset = pos.offset;
                        p.snapDistance = pos.distance;
                    } else {
                        // The police put it on this wegvak but gave no point: its middle is the
                        // best estimate along the segment.
                        p.offset = network.segmentLength(p.segment) / 2;
                        p.approximateOffset = true;
                    }
                }
            }
            if (p.node != RoadNetwork::kNone || p.segment != RoadNetwork::kNone) {
                p.bucket = AccidentBucket::PlacedById;
                continue;
            }
        }
        if (a.point) {
            if (auto pos = network.nearest(*a.point, options.snapTolerance)) {
                p.bucket = AccidentBucket::Snapped;
                p.segment = pos->segment;
                p.offset = pos->offset;
                p.snapDistance = pos->distance;
            } else {
                p.bucket = AccidentBucket::BeyondTolerance;
            }
            continue;
        }
        p.bucket = idGiven ? AccidentBucket::UnknownNetworkId : AccidentBucket::MissingLocation;
    }
    return out;
}

std::array<std::size_t, kAccidentBucketCount> countBuckets(const DeduplicationResult& dedup,
                                                           const std::vector<Placement>& placements)
{
    std::array<std::size_t, kAccidentBucketCount> counts{};
    counts[static_cast<std::size_t>(AccidentBucket::DuplicatePartyRow)] = dedup.duplicateRows;
    for (const auto& p : placements) ++counts[static_cast<std::size_t>(p.bucket)];
    return counts;
}

} // namespace gebiedscan
