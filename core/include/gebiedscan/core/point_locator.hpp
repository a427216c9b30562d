#pragma once
#include "gebiedscan/core/geometry.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace gebiedscan {

/// Assigns points to the areas of a polygon layer (normally a partition such as CBS buurten).
///
/// The answer equals `containsPoint` on each area, tried in index order: a point on an edge shared
/// by two areas goes to exactly one of them (half-open rule), and where areas overlap the lowest
/// index wins. A uniform grid answers most points in O(1) (cells no edge crosses know their owner);
/// in cells that edges cross only the candidate areas' edges in that grid row are tested.
class PointLocator {
public:
    static constexpr std::int32_t kOutside = -1;

    explicit PointLocator(const std::vector<MultiPolygon>& areas);

    /// Index of the area containing p, or kOutside.
    [[nodiscard]] std::int32_t locate(const PointRd& p) const;

    /// Locates many points, using up to `threads` threads (0 = hardware concurrency).
    void locate(std::span<const PointRd> points, std::span<std::int32_t> out, unsigned threads = 1) const;

    [[nodiscard]] std::size_t cellCount() const { return m_cellStart.size() - 1; }

private:
    struct Edge {
        double loX, loY, hiX, hiY; // ordered by y: loY <= hiY
    };
    struct Candidate {
        std::int32_t area;
        std::uint32_t edgeBegin; // range in m_rowEdges
        std::uint32_t edgeEnd;
    };

    [[nodiscard]] bool insideRow(const Candidate& c, const PointRd& p) const;

    Envelope m_extent;
    double m_cellW = 1.0, m_cellH = 1.0;
    std::int64_t m_nx = 1, m_ny = 1;
    // Per cell: owner (>= 0 or kOutside) when no edge crosses the cell, else the candidates
    // m_candidates[m_cellStart[c] .. m_cellStart[c+1]) sorted by area index.
    std::vector<std::int32_t> m_cellOwner;
    std::vector<std::uint32_t> m_cellStart;
    std::vector<Candidate> m_candidates;
    std::vector<Edge> m_rowEdges; // per row, grouped by area
};

} // namespace gebiedscan
