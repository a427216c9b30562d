#pragma once
#include "gebiedscan/core/geometry.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace gebiedscan {

/// One road segment (NWB: a *wegvak*). Glossary of the NWB words kept in field comments:
/// wegvak = segment between two junctions, junctie (JTE) = graph node, wegbeheerder = authority.
struct RoadSegment {
    std::string id;            ///< segment id (NWB WVK_ID), unique in the network
    std::vector<PointRd> line; ///< polyline in working-CRS metres (RD New), >= 2 vertices
    std::string beginJunction; ///< NWB JTE_ID_BEG; empty when the layer has no junction ids
    std::string endJunction;   ///< NWB JTE_ID_END
    std::string streetName;    ///< NWB STT_NAAM; empty when unknown
    std::string roadNumber;    ///< NWB WEGNUMMER (e.g. "A12", "N225"); empty when unknown
    std::string roadAuthority; ///< NWB WEGBEHSRT: R rijk, P provincie, G gemeente, W waterschap, T overig
    std::string roadClass;     ///< peer group for Empirical Bayes; the reader defaults it to the authority
    /// Traffic (motor vehicles per day, etmaalintensiteit) when the layer gives it; NaN = unknown.
    /// With it on every segment, Empirical Bayes uses length x traffic as the sections' exposure.
    double traffic = std::numeric_limits<double>::quiet_NaN();
};

/// How the graph topology is built.
struct NetworkOptions {
    /// Endpoints closer than this (metres) become one node when topology comes from geometry.
    double snapTolerance = 0.5;
    /// Use JTE_ID_BEG/END when every segment has both; otherwise (or when false) topology is
    /// built from the geometry endpoints.
    bool useJunctionIds = true;
    /// Join segments into routes at nodes of degree > 2 too, when exactly one other segment there
    /// carries the same road number (or, without road numbers, the same street name). This keeps
    /// a main road one route through its side-street junctions; set false for the strict
    /// "degree-2 nodes only" chains.
    bool continueThroughJunctions = true;
};

/// A position on the network: a segment and the distance along its polyline (metres from its
/// first vertex).
struct NetworkPosition {
    std::int32_t segment = -1;
    double offset = 0.0;
    double distance = 0.0; ///< distance from the query point to the network (metres), for snapping
    PointRd point;         ///< the point on the segment
};

/// A route: a chain of segments joined end to end, the unit along which windows slide.
struct Route {
    struct Part {
        std::int32_t segment = -1;
        bool forward = true; ///< the route runs from the segment's first to its last vertex
        double start = 0.0;  ///< route distance (metres) at which this segment begins
    };
    std::vector<Part> parts;
    double length = 0.0; ///< metres
    bool closed = false; ///< a ring (the chain returns to its start node)
};

/// Road network graph in working-CRS metres: nodes (junctions and dead ends), segments between
/// them, routes for sliding windows, and a grid index for nearest-segment queries.
class RoadNetwork {
public:
    static constexpr std::int32_t kNone = -1;

    /// Builds the graph. Segments with fewer than 2 vertices or zero length are dropped and
    /// listed in droppedSegments(); a duplicate id throws InputError.
    explicit RoadNetwork(std::vector<RoadSegment> segments, const NetworkOptions& options = {});

    [[nodiscard]] const std::vector<RoadSegment>& segments() const { return m_segments; }
    [[nodiscard]] std::size_t nodeCount() const { return m_nodePoints.size(); }
    [[nodiscard]] const PointRd& nodePoint(std::int32_t node) const { return m_nodePoints[node]; }
    /// The junction id of a node (NWB JTE_ID), or its generated id "n<index>" for geometry topology.
    [[nodiscard]] const std::string& nodeId(std::int32_t node) const { return m_nodeIds[node]; }
    /// Segments that start or end at a node (a loop appears twice).
    [[nodiscard]] std::vector<std::int32_t> nodeSegments(std::int32_t node) const;
    /// The same without a copy, for inner loops (shortest paths).
    [[nodiscard]] std::span<const std::int32_t> incidentSegments(std::int32_t node) const
    {
        return {m_nodeEdges.data() + m_nodeEdgeStart[node], m_nodeEdges.data() + m_nodeEdgeStart[node + 1]};
    }
    [[nodiscard]] int nodeDegree(std::int32_t node) const
    {
        return static_cast<int>(m_nodeEdgeStart[node + 1] - m_nodeEdgeStart[node]);
    }
    [[nodiscard]] std::int32_t segmentFrom(std::int32_t s) const { return m_from[s]; }
    [[nodiscard]] std::int32_t segmentTo(std::int32_t s) const { return m_to[s]; }
    [[nodiscard]] double segmentLength(std::int32_t s) const { return m_lengths[s]; }
    [[nodiscard]] const std::vector<Route>& routes() const { return m_routes; }
    /// Route index and part index of a segment.
    [[nodiscard]] std::pair<std::int32_t, std::int32_t> routeOfSegment(std::int32_t s) const
    {
        return {m_segmentRoute[s], m_segmentPart[s]};
    }
    /// True when topology came from JTE ids, false when from geometry endpoints.
    [[nodiscard]] bool topologyFromIds() const { return m_topologyFromIds; }
    [[nodiscard]] const std::vector<std::string>& droppedSegments() const { return m_dropped; }
    [[nodiscard]] double totalLength() const;
    [[nodiscard]] Envelope extent() const { return m_extent; }

    [[nodiscard]] std::int32_t findSegment(const std::string& id) const;
    [[nodiscard]] std::int32_t findNode(const std::string& junctionId) const;

    /// Nearest point of the network to p within maxDistance metres (ties: lowest segment index),
    /// or nullopt. Uses the grid index: cost grows with the segments near p, not the network size.
    [[nodiscard]] std::optional<NetworkPosition> nearest(const PointRd& p, double maxDistance) const;
    /// The point of segment s nearest to p (any distance).
    [[nodiscard]] NetworkPosition projectOnto(std::int32_t s, const PointRd& p) const;
    /// Nodes within radius metres of p (Euclidean), in increasing index order.
    [[nodiscard]] std::vector<std::int32_t> nodesWithin(const PointRd& p, double radius) const;

    /// The point at `offset` metres along segment s (clamped to the segment).
    [[nodiscard]] PointRd pointAlong(std::int32_t s, double offset) const;
    /// The polyline of route r between route distances a and b (a <= b), in route direction.
    [[nodiscard]] std::vector<PointRd> routeGeometry(std::int32_t r, double a, double b) const;
    /// Route distance of a position on segment s at `offset` from its first vertex.
    [[nodiscard]] double routeDistance(std::int32_t s, double offset) const;

private:
    void buildTopology(const NetworkOptions& options);
    void buildRoutes(const NetworkOptions& options);
    void buildIndexes();

    std::vector<RoadSegment> m_segments;
    std::vector<double> m_lengths;
    std::vector<std::int32_t> m_from, m_to;
    std::vector<PointRd> m_nodePoints;
    std::vector<std::string> m_nodeIds;
    std::vector<std::uint32_t> m_nodeEdgeStart; // CSR: segments incident to each node
    std::vector<std::int32_t> m_nodeEdges;
    std::vector<Route> m_routes;
    std::vector<std::int32_t> m_segmentRoute, m_segmentPart;
    std::unordered_map<std::string, std::int32_t> m_segmentById, m_nodeById;
    std::vector<std::string> m_dropped;
    bool m_topologyFromIds = false;
    Envelope m_extent;

    // Uniform grid over segment edges (one entry per polyline edge per cell it may touch) and
    // over nodes; cells hashed, entries stored contiguously per cell.
    struct EdgeRef {
        std::int32_t segment;
        std::int32_t vertex; // edge from line[vertex] to line[vertex+1]
    };
    double m_cell = 50.0;
    std::unordered_map<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>> m_edgeCells;
    std::vector<EdgeRef> m_edgeEntries;
    std::unordered_map<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>> m_nodeCells;
    std::vector<std::int32_t> m_nodeEntries;
    std::vector<std::vector<double>> m_vertexOffsets; // cumulative distance per vertex
};

/// Distance from p to segment ab and the parameter t in [0,1] of the closest point.
[[nodiscard]] double pointSegmentDistance(const PointRd& p, const PointRd& a, const PointRd& b, double& t);

/// Length of a polyline in metres.
[[nodiscard]] double polylineLength(const std::vector<PointRd>& line);

} // namespace gebiedscan
