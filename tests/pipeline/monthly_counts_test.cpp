// The monthly counts behind the emerging-hotspot trends: the dense array (areas) and the hash map
// (a grid) give the same sorted list of non-zero counts.
#include "gebiedscan/pipeline/monthly_counts.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace gebiedscan::pipeline;

TEST(MonthlyCounts, DenseAndSparseGiveTheSameSortedNonZeroCounts)
{
    constexpr std::size_t keys = 5000;
    MonthlyCounts dense(keys), sparse(keys, true);
    std::vector<std::uint32_t> expected(keys, 0);
    std::mt19937 rng(7);
    for (int i = 0; i < 20000; ++i) {
        const std::uint64_t key = rng() % 1000 * 5; // every fifth key, the rest stay zero
        const std::uint32_t count = rng() % 3;      // a 0 added leaves the key out
        dense.add(key, count);
        sparse.add(key, count);
        expected[key] += count;
    }
    const auto a = dense.sorted(), b = sparse.sorted();
    EXPECT_EQ(a, b);
    std::size_t k = 0;
    for (std::uint64_t key = 0; key < keys; ++key) {
        if (expected[key] == 0) continue;
        ASSERT_LT(k, a.size());
        EXPECT_EQ(a[k].key, key);
        EXPECT_EQ(a[k].count, expected[key]);
        ++k;
    }
    EXPECT_EQ(k, a.size());
    EXPECT_TRUE(dense.sorted().empty()); // the counter is empty afterwards
}

TEST(MonthlyCounts, AKeySpaceTooLargeForTheArrayIsCountedSparse)
{
    MonthlyCounts big(MonthlyCounts::kDenseMax + 1);
    big.add(MonthlyCounts::kDenseMax, 4); // beyond any dense array of kDenseMax keys
    big.add(3);
    const auto out = big.sorted();
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].key, 3u);
    EXPECT_EQ(out[1].key, MonthlyCounts::kDenseMax);
    EXPECT_EQ(out[1].count, 4u);
}
