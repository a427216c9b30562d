#pragma once
// Wall and CPU time per phase of a job (`gebiedscan scan --timing`, bench/): where a run's time
// goes, measured in the run itself. CPU time is the whole process's (every thread), so a phase
// that runs on two cores shows more CPU than wall time.
#include <chrono>
#include <ctime>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

struct PhaseTime {
    std::string phase;
    double wallSeconds = 0.0;
    double cpuSeconds = 0.0;
};

class PhaseTimes {
public:
    PhaseTimes() : m_wall(wallNow()), m_cpu(cpuNow()) {}

    /// Ends the phase that began at the previous lap (or at construction) under `phase`.
    void lap(std::string phase)
    {
        const double wall = wallNow(), cpu = cpuNow();
        m_phases.push_back({std::move(phase), wall - m_wall, cpu - m_cpu});
        m_wall = wall;
        m_cpu = cpu;
    }

    [[nodiscard]] const std::vector<PhaseTime>& phases() const { return m_phases; }

private:
    static double wallNow()
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    }
    static double cpuNow()
    {
        timespec t{};
        ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
    }

    double m_wall, m_cpu;
    std::vector<PhaseTime> m_phases;
};

} // namespace gebiedscan::pipeline
