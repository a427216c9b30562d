#pragma once
// Wall and CPU time per phase of a job (`gebiedscan scan --timing`, bench/): where a run's time
// goes, measured in the run itself. CPU time is the whole process's (every thread), so a phase
// that runs on two cores shows more CPU than wall time. With each, the process's peak resident
// memory so far, so the phase that raises it stands out.
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

namespace gebiedscan::pipeline {

struct PhaseTime {
    std::string phase;
    double wallSeconds = 0.0;
    double cpuSeconds = 0.0;
    double peakMiB = 0.0; ///< peak resident memory of the process at the phase's end (0: unknown)
};

class PhaseTimes {
public:
    PhaseTimes() : m_wall(wallNow()), m_cpu(cpuNow()) {}

    /// Ends the phase that began at the previous lap (or at construction) under `phase`.
    void lap(std::string phase)
    {
        const double wall = wallNow(), cpu = cpuNow();
        m_phases.push_back({std::move(phase), wall - m_wall, cpu - m_cpu, peakResidentMiB()});
        m_wall = wall;
        m_cpu = cpu;
    }

    [[nodiscard]] const std::vector<PhaseTime>& phases() const { return m_phases; }

    /// The process's peak resident set (Linux: VmHWM of /proc/self/status) in MiB; 0 if unknown.
    static double peakResidentMiB()
    {
        std::ifstream status("/proc/self/status");
        std::string line;
        while (std::getline(status, line))
            if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0; // kB
        return 0.0;
    }

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
