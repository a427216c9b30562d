// Every record in every total (issue 18): an area whose parent code is empty is an error (or,
// when asked, goes under "onbekend"), codes are trimmed, and codes differing only in case are
// refused, so no buurt can drop out of the wijk and gemeente totals.
#include "gebiedscan/core/area_hierarchy.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

namespace gebiedscan {
namespace {

AreaHierarchy buurten(const std::vector<std::string>& codes, const std::vector<double>& population)
{
    AreaHierarchy h;
    AreaLevel base;
    base.name = "buurt";
    base.codes = codes;
    base.names = codes;
    for (double p : population) base.population.emplace_back(p);
    h.levels.push_back(base);
    return h;
}

std::string errorOf(AreaHierarchy& h, const std::vector<std::string>& parents, MissingParent missing)
{
    try {
        h.addParentLevel("wijk", parents, {}, missing);
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

TEST(AreaHierarchy, AnAreaWithoutParentIsAnErrorNamingIt)
{
    auto h = buurten({"BU01", "BU02", "BU03", "BU04"}, {10, 20, 30, 40});
    const auto message = errorOf(h, {"WK1", "", "WK1", "   "}, MissingParent::Refuse);
    EXPECT_NE(message.find("2 van 4 gebieden (buurt) hebben geen wijk (BU02, BU04)"), std::string::npos) << message;
    EXPECT_NE(message.find("--parent-onbekend"), std::string::npos) << message;
    EXPECT_EQ(h.levels.size(), 1U) << "no level added";
}

TEST(AreaHierarchy, OnbekendKeepsTheAreasWithoutParentInTheTotals)
{
    auto h = buurten({"BU01", "BU02", "BU03", "BU04"}, {10, 20, 30, 40});
    EXPECT_EQ(errorOf(h, {"WK1", "", " WK1 ", "   "}, MissingParent::Onbekend), "");
    ASSERT_EQ(h.levels.size(), 2U);
    const auto& wijk = h.levels[1];
    ASSERT_EQ(wijk.codes, (std::vector<std::string>{"WK1", "onbekend"})) << "codes trimmed: ' WK1 ' is WK1";
    EXPECT_EQ(wijk.names[1], "onbekend");
    EXPECT_EQ(h.levels[0].parent, (std::vector<std::int32_t>{0, 1, 0, 1}));
    EXPECT_DOUBLE_EQ(*wijk.population[0], 40.0);
    EXPECT_DOUBLE_EQ(*wijk.population[1], 60.0);
    EXPECT_NO_THROW(h.checkRollUp());
}

TEST(AreaHierarchy, ParentCodesDifferingOnlyInCaseAreRefused)
{
    auto h = buurten({"BU01", "BU02", "BU03"}, {1, 2, 3});
    const auto message = errorOf(h, {"WK000000", "wk000000", "WK000000"}, MissingParent::Refuse);
    EXPECT_NE(message.find("'WK000000' en 'wk000000' verschillen alleen in hoofdletters"), std::string::npos)
        << message;
    EXPECT_THROW(refuseCodesDifferingInCase({"BU01", "bu01"}, "buurten"), InputError);
    EXPECT_NO_THROW(refuseCodesDifferingInCase({"BU01", "BU02", "BU01"}, "buurten"));
}

TEST(AreaHierarchy, RollUpCheckFindsAnAreaOutsideEveryParent)
{
    auto h = buurten({"BU01", "BU02"}, {1, 2});
    h.addParentLevel("wijk", {"WK1", "WK2"});
    EXPECT_NO_THROW(h.checkRollUp());
    h.levels[0].parent[1] = -1; // as the old code left a buurt with a NULL WK_CODE
    try {
        h.checkRollUp();
        FAIL() << "an area outside every wijk must be found";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'BU02' (buurt) is in no wijk"), std::string::npos) << e.what();
    }
}

TEST(AreaHierarchy, TrimCodeRemovesSurroundingWhiteSpaceOnly)
{
    EXPECT_EQ(trimCode("  BU01 \t\r\n"), "BU01");
    EXPECT_EQ(trimCode("BU 01"), "BU 01");
    EXPECT_EQ(trimCode("   "), "");
}

} // namespace
} // namespace gebiedscan
