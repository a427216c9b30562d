#include "gebiedscan/pipeline/controlled_rounding.hpp"

#include "gebiedscan/core/error.hpp"

#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <unordered_map>

namespace gebiedscan::pipeline {

namespace {

std::int64_t floorTo(std::int64_t v, int base)
{
    return v / base * base; // counts are >= 0
}

std::int64_t nearest(std::int64_t v, int base)
{
    const auto m = v % base;
    return 2 * m < base ? v - m : v - m + base; // ties up
}

struct ProblemDeleter {
    void operator()(glp_prob* p) const noexcept { glp_delete_prob(p); }
};

// The MIP of one part: z_k in {0, 1} for each cell k that is no multiple of the base (rounded =
// floor + base z_k); per relation sum coefficient x z = sum coefficient x (v mod base) / base;
// minimise sum |rounded - v| = const + sum z_k (base - 2 m_k). False when no rounding of this
// part adds up or none was found in time.
bool roundControlled(const ProtectionTable& table, const std::vector<std::size_t>& part, const RoundingOptions& o,
                     std::vector<std::int64_t>& rounded)
{
    const auto& cells = table.cells();
    std::unordered_map<std::size_t, int> column;
    for (auto c : part)
        if (cells[c].value % o.base != 0) column.emplace(c, static_cast<int>(column.size()) + 1);
    if (column.empty()) return true; // every count is a multiple already
    std::unique_ptr<glp_prob, ProblemDeleter> lp(glp_create_prob());
    glp_add_cols(lp.get(), static_cast<int>(column.size()));
    for (const auto& [c, j] : column) {
        glp_set_col_kind(lp.get(), j, GLP_BV);
        glp_set_obj_coef(lp.get(), j, static_cast<double>(o.base - 2 * (cells[c].value % o.base)));
    }
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    int row = 0;
    for (auto r : table.relationsOf(part)) {
        std::int64_t remainder = 0;
        std::vector<std::pair<int, int>> terms;
        for (const auto& t : table.relations()[r].terms) {
            remainder += std::int64_t{t.coefficient} * (cells[t.cell].value % o.base);
            if (const auto it = column.find(t.cell); it != column.end())
                terms.emplace_back(it->second, t.coefficient);
        }
        if (remainder % o.base != 0) return false; // the true values do not add up: no rounding can
        if (terms.empty()) continue;
        glp_add_rows(lp.get(), 1);
        ++row;
        const double rhs = static_cast<double>(remainder / o.base);
        glp_set_row_bnds(lp.get(), row, GLP_FX, rhs, rhs);
        for (const auto& [j, coefficient] : terms) {
            ia.push_back(row);
            ja.push_back(j);
            ar.push_back(coefficient);
        }
    }
    glp_load_matrix(lp.get(), static_cast<int>(ar.size()) - 1, ia.data(), ja.data(), ar.data());
    glp_set_obj_dir(lp.get(), GLP_MIN);
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    parm.tm_lim = static_cast<int>(std::clamp(o.secondsPerPart, 0.0, 86400.0) * 1000.0);
    const int rc = glp_intopt(lp.get(), &parm);
    const int status = glp_mip_status(lp.get());
    // On a time limit a feasible rounding found so far is as good as any: it adds up.
    if ((rc != 0 && rc != GLP_ETMLIM) || (status != GLP_OPT && status != GLP_FEAS)) return false;
    for (const auto& [c, j] : column)
        rounded[c] = floorTo(cells[c].value, o.base) + (glp_mip_col_val(lp.get(), j) > 0.5 ? o.base : 0);
    return true;
}

} // namespace

RoundingInterval roundingInterval(std::int64_t rounded, int base, bool controlled)
{
    const std::int64_t below = controlled ? base - 1 : base / 2, above = controlled ? base - 1 : (base - 1) / 2;
    return {std::max<std::int64_t>(0, rounded - below), rounded + above};
}

RoundingReport roundTable(const ProtectionTable& table, const RoundingOptions& options)
{
    if (options.base < 2) throw Error("roundTable: the rounding base must be 2 or more");
    const auto start = std::chrono::steady_clock::now();
    static const bool quiet = [] {
        glp_term_out(GLP_OFF); // our stdout is for results
        return true;
    }();
    (void)quiet;
    RoundingReport report;
    const auto& cells = table.cells();
    report.rounded.resize(cells.size());
    for (std::size_t c = 0; c < cells.size(); ++c) {
        report.rounded[c] = cells[c].value;
        if (cells[c].value % options.base != 0) ++report.changedCells;
    }
    const auto parts = table.components(false);
    report.parts = parts.size();
    for (const auto& part : parts) {
        if (!options.independentOnly && roundControlled(table, part, options, report.rounded)) {
            ++report.controlledParts;
            continue;
        }
        ++report.independentParts;
        for (auto c : part) report.rounded[c] = nearest(cells[c].value, options.base);
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

} // namespace gebiedscan::pipeline
