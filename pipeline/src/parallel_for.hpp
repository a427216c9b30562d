#pragma once
// Independent work items over the hardware's threads, for the disclosure-control LPs (each part
// of a table, each hour-of-week row, is an LP of its own).
#include <cstddef>
#include <functional>

namespace gebiedscan::pipeline {

/// Runs work(0 .. n-1), each index once, over up to the hardware's threads with at least
/// `itemsPerThread` items each (a thread costs more than a few small LPs), the calling thread
/// among them. Each extra thread frees its GLPK environment when done. Rethrows the first error.
void forEachInParallel(std::size_t n, std::size_t itemsPerThread, const std::function<void(std::size_t)>& work);

} // namespace gebiedscan::pipeline
