#include "parallel_for.hpp"

#include "glpk_problem.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace gebiedscan::pipeline {

void forEachInParallel(std::size_t n, std::size_t itemsPerThread, const std::function<void(std::size_t)>& work)
{
    const auto threads = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()),
                                               n / std::max<std::size_t>(1, itemsPerThread));
    if (threads <= 1) {
        for (std::size_t i = 0; i < n; ++i) work(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex errorMutex;
    const auto drain = [&] {
        try {
            for (std::size_t i = next++; i < n; i = next++) work(i);
        } catch (...) {
            const std::lock_guard lock(errorMutex);
            if (!error) error = std::current_exception();
            next = n;
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back([&] {
            drain();
            GlpkProblem::releaseThreadEnvironment();
        });
    drain(); // the calling thread works too, and keeps its GLPK environment
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
}

} // namespace gebiedscan::pipeline
