#include "glpk_problem.hpp"

#include "gebiedscan/core/error.hpp"

#include <cmath>
#include <string>

namespace gebiedscan::pipeline {

namespace {

glp_prob* create()
{
    // GLPK prints to stdout otherwise (our stdout is for results); its environment, and so this
    // switch, is per thread.
    thread_local const bool quiet = [] {
        glp_term_out(GLP_OFF);
        return true;
    }();
    (void)quiet;
    glp_prob* p = glp_create_prob();
    if (!p) throw Error("GLPK: cannot create a problem");
    return p;
}

} // namespace

GlpkProblem::GlpkProblem() : m_lp(create()) {}

void GlpkProblem::releaseThreadEnvironment()
{
    glp_free_env();
}

int GlpkProblem::addColumns(int n)
{
    return glp_add_cols(m_lp.get(), n);
}

int GlpkProblem::addRows(int n)
{
    return glp_add_rows(m_lp.get(), n);
}

void GlpkProblem::setColumnBounds(int j, double lower, double upper)
{
    const bool lo = std::isfinite(lower), up = std::isfinite(upper);
    int type = GLP_FR;
    if (lo && up)
        type = lower == upper ? GLP_FX : GLP_DB;
    else if (lo)
        type = GLP_LO;
    else if (up)
        type = GLP_UP;
    glp_set_col_bnds(m_lp.get(), j, type, lo ? lower : 0.0, up ? upper : 0.0);
}

void GlpkProblem::setRowFixed(int i, double value)
{
    glp_set_row_bnds(m_lp.get(), i, GLP_FX, value, value);
}

void GlpkProblem::loadMatrix(const std::vector<int>& rows, const std::vector<int>& columns,
                             const std::vector<double>& values)
{
    // GLPK's arrays are 1-based: element 0 is ignored.
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    ia.insert(ia.end(), rows.begin(), rows.end());
    ja.insert(ja.end(), columns.begin(), columns.end());
    ar.insert(ar.end(), values.begin(), values.end());
    glp_load_matrix(m_lp.get(), static_cast<int>(values.size()), ia.data(), ja.data(), ar.data());
}

void GlpkProblem::setObjective(int j, double coefficient)
{
    glp_set_obj_coef(m_lp.get(), j, coefficient);
}

void GlpkProblem::clearObjective()
{
    const int n = glp_get_num_cols(m_lp.get());
    for (int j = 1; j <= n; ++j) glp_set_obj_coef(m_lp.get(), j, 0.0);
}

void GlpkProblem::setMaximise(bool maximise)
{
    glp_set_obj_dir(m_lp.get(), maximise ? GLP_MAX : GLP_MIN);
}

GlpkProblem::Status GlpkProblem::solve()
{
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.meth = GLP_DUALP;
    parm.presolve = GLP_OFF; // keep the basis between solves
    ++m_solves;
    int rc = glp_simplex(m_lp.get(), &parm);
    if (rc == GLP_EFAIL || rc == GLP_ESING || rc == GLP_ECOND) {
        // A singular or ill-conditioned warm basis: start again from a fresh one.
        glp_std_basis(m_lp.get());
        rc = glp_simplex(m_lp.get(), &parm);
    }
    if (rc != 0 && rc != GLP_ENOPFS && rc != GLP_ENODFS)
        throw Error("GLPK: glp_simplex failed (code " + std::to_string(rc) + ")");
    if (const auto s = status()) return *s;
    // The dual simplex can stop at "no dual feasible solution" from a primal infeasible basis:
    // then the problem is unbounded or infeasible, which the primal simplex tells apart.
    parm.meth = GLP_PRIMAL;
    rc = glp_simplex(m_lp.get(), &parm);
    if (rc != 0 && rc != GLP_ENOPFS && rc != GLP_ENODFS)
        throw Error("GLPK: glp_simplex failed (code " + std::to_string(rc) + ")");
    if (const auto s = status()) return *s;
    throw Error("GLPK: the simplex ended without a verdict (status " + std::to_string(glp_get_status(m_lp.get())) +
                ")");
}

std::optional<GlpkProblem::Status> GlpkProblem::status() const
{
    switch (glp_get_status(m_lp.get())) {
    case GLP_OPT: return Status::Optimal;
    case GLP_UNBND: return Status::Unbounded;
    case GLP_NOFEAS: return Status::Infeasible;
    default: return std::nullopt;
    }
}

GlpkProblem::Status GlpkProblem::solveInteger()
{
    if (!m_integerKinds) {
        const int n = glp_get_num_cols(m_lp.get());
        for (int j = 1; j <= n; ++j) glp_set_col_kind(m_lp.get(), j, GLP_IV);
        m_integerKinds = true;
    }
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON; // works on a copy: the LP basis stays
    const int rc = glp_intopt(m_lp.get(), &parm);
    if (rc == GLP_ENOPFS) return Status::Infeasible;
    if (rc != 0) throw Error("GLPK: glp_intopt failed (code " + std::to_string(rc) + ")");
    switch (glp_mip_status(m_lp.get())) {
    case GLP_OPT: return Status::Optimal;
    case GLP_NOFEAS: return Status::Infeasible;
    default: return Status::Unbounded;
    }
}

double GlpkProblem::objective() const
{
    return glp_get_obj_val(m_lp.get());
}

double GlpkProblem::column(int j) const
{
    return glp_get_col_prim(m_lp.get(), j);
}

double GlpkProblem::integerObjective() const
{
    return glp_mip_obj_val(m_lp.get());
}

double GlpkProblem::integerColumn(int j) const
{
    return glp_mip_col_val(m_lp.get(), j);
}

int GlpkProblem::columns() const
{
    return glp_get_num_cols(m_lp.get());
}

} // namespace gebiedscan::pipeline
