#pragma once
// A small owning wrapper of a GLPK problem (glp_prob), for the disclosure-control LPs: columns
// and rows with bounds, a sparse matrix, one objective at a time, re-solved from the previous
// basis (warm start) as the objective or bounds change.
#include <glpk.h>

#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace gebiedscan::pipeline {

class GlpkProblem {
public:
    enum class Status { Optimal, Unbounded, Infeasible };
    static constexpr double kInfinity = std::numeric_limits<double>::infinity();

    GlpkProblem();

    /// Frees the calling thread's GLPK environment; for a worker thread once its problems are gone.
    static void releaseThreadEnvironment();

    /// Adds columns or rows; returns the 1-based index of the first.
    int addColumns(int n);
    int addRows(int n);
    /// Bounds of column j (1-based); lower = -inf / upper = +inf for none; lower == upper fixes it.
    void setColumnBounds(int j, double lower, double upper);
    void setRowFixed(int i, double value);
    /// Sets the whole constraint matrix from 1-based (row, column, value) triplets.
    void loadMatrix(const std::vector<int>& rows, const std::vector<int>& columns, const std::vector<double>& values);
    void setObjective(int j, double coefficient);
    void clearObjective();
    void setMaximise(bool maximise);

    /// Simplex from the current basis (dual first, as bounds change more often than costs).
    Status solve();
    /// Branch and bound over integer columns (all columns become integer); after solve().
    Status solveInteger();
    [[nodiscard]] double objective() const;
    [[nodiscard]] double column(int j) const;
    [[nodiscard]] double integerObjective() const;
    [[nodiscard]] double integerColumn(int j) const;
    [[nodiscard]] int columns() const;
    /// Simplex calls so far (for the report).
    [[nodiscard]] std::size_t solves() const { return m_solves; }

private:
    [[nodiscard]] std::optional<Status> status() const;

    struct Deleter {
        void operator()(glp_prob* p) const noexcept { glp_delete_prob(p); }
    };
    std::unique_ptr<glp_prob, Deleter> m_lp;
    std::size_t m_solves = 0;
    bool m_integerKinds = false;
};

} // namespace gebiedscan::pipeline
