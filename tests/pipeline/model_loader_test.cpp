// The default model as shipped: police incident codes of a BVH/BVI extract land in their themes
// through the CBS/police list behind 47018NED, without configuration.
#include "gebiedscan/pipeline/model_loader.hpp"

#include "gebiedscan/core/error.hpp"
#include "gebiedscan/core/scan_model.hpp"

#include "../gis/gis_test_support.hpp"

#include <gtest/gtest.h>

namespace gebiedscan {
namespace {

std::string themeOf(const ScanModel& m, const CategoryClassifier& c, const std::string& code)
{
    const auto category = c.classify(code, "");
    return category ? m.categories[*category].themeId : "overig";
}

TEST(DefaultModel, MapsThePoliceIncidentCodesOf47018Ned)
{
    const ScanModel m = pipeline::loadScanModel(pipeline::defaultModelPath());
    EXPECT_EQ(m.incidentCodes.size(), 216u); // 217 listed, F614 twice (3.9.1 and 3.9.3)
    EXPECT_EQ(m.incidentCodes.at("A72"), "1.2.3");
    EXPECT_EQ(m.incidentCodes.at("F614"), "3.9.1");
    const CategoryClassifier c(m);
    EXPECT_EQ(themeOf(m, c, "A20"), "woninginbraak");        // 1.1.1 diefstal/inbraak woning
    EXPECT_EQ(themeOf(m, c, "A72"), themeOf(m, c, "1.2.3")); // fietsdiefstal
    EXPECT_EQ(themeOf(m, c, "A72"), "vvc");
    EXPECT_EQ(themeOf(m, c, "F550"), themeOf(m, c, "1.4.5")); // mishandeling
    EXPECT_EQ(themeOf(m, c, "F550"), "geweld");
    EXPECT_EQ(themeOf(m, c, "D11"), themeOf(m, c, "1.3.1")); // winkeldiefstal
    EXPECT_NE(themeOf(m, c, "D11"), "overig");
    EXPECT_EQ(themeOf(m, c, "Q00"), "overig"); // not a police incident code
}

TEST(DefaultModel, IncidentCodeListThatIsNotTextIsAnErrorNamingTheKey)
{
    testing::TempDir dir;
    testing::writeText(dir / "m.toml", "[model]\nincident_codes = 5\n");
    try {
        (void)pipeline::loadScanModel(dir / "m.toml");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("incident_codes"), std::string::npos) << e.what();
    }
    testing::writeText(dir / "m.toml", "[model]\nincident_codes = \"missing.csv\"\n");
    EXPECT_THROW((void)pipeline::loadScanModel(dir / "m.toml"), InputError);
}

} // namespace
} // namespace gebiedscan
