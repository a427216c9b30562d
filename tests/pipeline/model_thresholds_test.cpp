// Disclosure thresholds in the scan model (issue 13 item 4): whole numbers 2..1000, a theme never
// below the model, nothing that wraps.
#include "gebiedscan/core/language.hpp"
#include "gebiedscan/pipeline/model_loader.hpp"

#include "gebiedscan/core/error.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace gebiedscan;

namespace {

std::filesystem::path writeModel(const std::string& modelThreshold, const std::string& themeThreshold)
{
    // One folder per process: ctest runs the tests of this file in parallel processes.
    const auto dir = std::filesystem::temp_directory_path() / ("gebiedscan_thresholds_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "model.toml";
    std::ofstream os(file);
    os << "[model]\nname = \"t\"\n";
    if (!modelThreshold.empty()) os << "suppress_below = " << modelThreshold << "\n";
    os << "\n[[theme]]\nid = \"zeden\"\nnumber = \"1.6\"\n";
    if (!themeThreshold.empty()) os << "suppress_below = " << themeThreshold << "\n";
    os << "\n[[category]]\nid = \"z\"\ntheme = \"zeden\"\ncodes = [\"1.4.1\"]\n";
    return file;
}

std::string errorOf(const std::string& modelThreshold, const std::string& themeThreshold)
{
    try {
        (void)pipeline::loadScanModel(writeModel(modelThreshold, themeThreshold));
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST(ModelThresholds, SaneValuesAreRead)
{
    const auto m = pipeline::loadScanModel(writeModel("5", "10"));
    EXPECT_EQ(m.suppressBelow, 5);
    EXPECT_EQ(m.themes[0].suppressBelow, 10);
    const auto d = pipeline::loadScanModel(writeModel("", ""));
    EXPECT_EQ(d.suppressBelow, 5);           // the default
    EXPECT_EQ(d.themes[0].suppressBelow, 0); // the model's
    EXPECT_EQ(pipeline::loadScanModel(writeModel("2", "1000")).themes[0].suppressBelow, 1000);
}

TEST(ModelThresholds, WrappingAndNegativeValuesAreRejectedWithTheKeyNamed)
{
    // The English texts (GEBIEDSCAN_LANG=en); the Dutch ones are checked in BilingualErrors (test_app).
    const ScopedTextLanguage english(TextLanguage::English);
    // 2^32 became 0 (suppression off), 2^32 + 1 became 1; -5 fell back to 5.
    for (const char* bad : {"4294967296", "4294967297", "-5", "0", "1", "1001", "9223372036854775807"}) {
        const auto e = errorOf(bad, "");
        EXPECT_NE(e.find("[model] suppress_below = " + std::string(bad) + " lies outside 2..1000"), std::string::npos)
            << bad << ": " << e;
        EXPECT_NE(e.find("model.toml:3"), std::string::npos) << e;
        const auto t = errorOf("", bad);
        EXPECT_NE(t.find("[[theme]] 'zeden' suppress_below = " + std::string(bad)), std::string::npos) << t;
    }
}

TEST(ModelThresholds, NonIntegersAreRejected)
{
    // The English texts (GEBIEDSCAN_LANG=en); the Dutch ones are checked in BilingualErrors (test_app).
    const ScopedTextLanguage english(TextLanguage::English);
    for (const char* bad : {"5.5", "5.0", "\"5\"", "true"}) {
        const auto e = errorOf(bad, "");
        EXPECT_NE(e.find("[model] suppress_below must be a whole number"), std::string::npos) << bad << ": " << e;
    }
}

TEST(ModelThresholds, AThemeIsNeverLaxerThanTheModel)
{
    // The English texts (GEBIEDSCAN_LANG=en); the Dutch ones are checked in BilingualErrors (test_app).
    const ScopedTextLanguage english(TextLanguage::English);
    const auto e = errorOf("5", "3");
    EXPECT_NE(e.find("theme 'zeden': suppress_below = 3 is below the model's 5"), std::string::npos) << e;
    EXPECT_EQ(errorOf("5", "5"), "");
}

TEST(ModelThresholds, TheShippedModelPasses)
{
    const auto m = pipeline::loadScanModel(pipeline::defaultModelPath());
    EXPECT_EQ(m.suppressBelow, 5);
    int strict = 0;
    for (const auto& t : m.themes) strict += t.suppressBelow == 10 ? 1 : 0;
    EXPECT_EQ(strict, 3); // huiselijk geweld, zeden, 12-minners
}
