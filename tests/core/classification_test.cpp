// Classification breaks checked against R classInt 0.4.9
// (data/fixtures/classification/classification_reference.R and its .txt output).
#include "gebiedscan/core/classification.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace gebiedscan;

namespace {

const std::vector<double> kData{7,  12, 13, 15, 18, 21, 22, 24, 31,  35,  36,  40,  41,  44,  52,
                                58, 61, 63, 70, 75, 88, 90, 97, 103, 110, 115, 140, 162, 180, 230};

void expectBreaks(const Classification& c, const std::vector<double>& expected)
{
    ASSERT_EQ(c.breaks.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(c.breaks[i], expected[i], 1e-7) << "break " << i;
}

} // namespace

TEST(Classification, JenksMatchesClassInt)
{
    expectBreaks(classify(kData, 3, ClassificationMethod::NaturalBreaks), {7, 52, 115, 230});
    expectBreaks(classify(kData, 5, ClassificationMethod::NaturalBreaks), {7, 36, 75, 115, 180, 230});
}

TEST(Classification, JenksFindsObviousGroups)
{
    expectBreaks(classify({22, 1, 12, 2, 3, 10, 11, 21, 20}, 3, ClassificationMethod::NaturalBreaks), {1, 3, 12, 22});
}

TEST(Classification, QuantileMatchesRType7)
{
    expectBreaks(classify(kData, 3, ClassificationMethod::Quantile), {7, 35.66666667, 79.33333333, 230});
    expectBreaks(classify(kData, 5, ClassificationMethod::Quantile), {7, 21.8, 40.6, 65.8, 104.4, 230});
}

TEST(Classification, EqualIntervalMatchesClassInt)
{
    expectBreaks(classify(kData, 3, ClassificationMethod::EqualInterval), {7, 81.33333333, 155.6666667, 230});
    expectBreaks(classify(kData, 5, ClassificationMethod::EqualInterval), {7, 51.6, 96.2, 140.8, 185.4, 230});
}

TEST(Classification, NanIsIgnoredAndNeverClassified)
{
    auto data = kData;
    data.push_back(std::numeric_limits<double>::quiet_NaN());
    const auto c = classify(data, 3, ClassificationMethod::NaturalBreaks);
    expectBreaks(c, {7, 52, 115, 230});
    EXPECT_FALSE(c.classOf(std::numeric_limits<double>::quiet_NaN()).has_value());
}

TEST(Classification, ClassOfIsRightClosedIncludingLowest)
{
    const auto c = classify(kData, 3, ClassificationMethod::NaturalBreaks); // 7 52 115 230
    EXPECT_EQ(c.classOf(7), 0u);
    EXPECT_EQ(c.classOf(52), 0u);
    EXPECT_EQ(c.classOf(52.5), 1u);
    EXPECT_EQ(c.classOf(115), 1u);
    EXPECT_EQ(c.classOf(230), 2u);
    EXPECT_FALSE(c.classOf(231).has_value());
    EXPECT_FALSE(c.classOf(6).has_value());
}

TEST(Classification, ManualAddsDataRangeAndDropsOutsideBreaks)
{
    const auto c = classify(kData, 0, ClassificationMethod::Manual, {50, 100, 500, -3});
    expectBreaks(c, {7, 50, 100, 230});
}

TEST(Classification, FewDistinctValuesGiveFewerClasses)
{
    const auto c = classify({4, 4, 4, 9, 9}, 5, ClassificationMethod::Quantile);
    expectBreaks(c, {4, 6, 9}); // quantiles 4 4 4 6 9 9 merged
    EXPECT_EQ(c.classCount(), 2u);
    const auto one = classify({3, 3, 3}, 4, ClassificationMethod::EqualInterval);
    EXPECT_EQ(one.classCount(), 1u);
    EXPECT_EQ(one.classOf(3), 0u);
    EXPECT_EQ(classify({}, 4, ClassificationMethod::NaturalBreaks).classCount(), 0u);
}

TEST(Classification, JenksSamplesLargeInputAndKeepsRange)
{
    std::vector<double> big;
    for (int i = 0; i < 20000; ++i) big.push_back(i < 10000 ? i % 100 : 1000 + i % 100);
    const auto c = classify(big, 2, ClassificationMethod::NaturalBreaks);
    ASSERT_EQ(c.breaks.size(), 3u);
    EXPECT_EQ(c.breaks.front(), 0);
    EXPECT_EQ(c.breaks[1], 99); // the gap between the two groups
    EXPECT_EQ(c.breaks.back(), 1099);
}

TEST(Classification, MethodNamesRoundTrip)
{
    for (auto m : {ClassificationMethod::Quantile, ClassificationMethod::NaturalBreaks,
                   ClassificationMethod::EqualInterval, ClassificationMethod::Manual})
        EXPECT_EQ(methodFromName(methodName(m)), m);
    EXPECT_FALSE(methodFromName("kmeans").has_value());
}

TEST(Classification, JenksTiesResolveLikeClassInt)
{
    // Equal within-class sums: {1}{2,3} and {1,2}{3} both give 0.5. classInt::classIntervals(
    // c(1, 2, 3), 2, style = "jenks")$brks is 1 1 3 (R 4.2, classInt 0.4.9): the later candidate
    // in the DP, the longer last class, wins.
    EXPECT_EQ(jenksBreaks({1, 2, 3}, 2), (std::vector<double>{1, 1, 3}));
    // classIntervals(1:6, 3, style = "jenks")$brks: 1 2 4 6 ({1,2}{3,4}{5,6} ties with others).
    EXPECT_EQ(jenksBreaks({1, 2, 3, 4, 5, 6}, 3), (std::vector<double>{1, 2, 4, 6}));
    // classIntervals(c(1, 1, 2, 2, 3, 3, 7, 7), 3, style = "jenks")$brks: 1 1 3 7.
    EXPECT_EQ(jenksBreaks({1, 1, 2, 2, 3, 3, 7, 7}, 3), (std::vector<double>{1, 1, 3, 7}));
}
