// Issue 7, "Safety": a project or model file someone else wrote cannot make `gebiedscan scan` run
// commands or read anything but the files it names. Shell syntax in values is never interpreted,
// GDAL's virtual file systems and inline datasets are not files, formats that read other files
// (VRT) or run programs (GPSBabel) are refused, and a misspelt key is an error, never a silent
// default (a misspelt suppression threshold would publish small counts).
#include "app_test_support.hpp"
#include "gebiedscan_build_paths.hpp"

#include <gtest/gtest.h>

using namespace gebiedscan::testing;
namespace fs = std::filesystem;

namespace {

class ProjectSafety : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (gebiedscanBinary().empty()) GTEST_SKIP() << "bin/gebiedscan is not built";
        writeSyntheticIncidents(m_dir / "registraties.csv", 200, 3);
        writeText(m_dir / "geheim.csv", "naam,x,y\nJan Jansen,233500,557500\n");
        fs::create_directories(m_dir / "sub");
        writeText(m_dir / "sub/geheim_ook.csv", "naam,x,y\nPiet Pietersen,233500,557500\n");
    }

    // Writes project.toml with the [scan] body, runs it from the test folder; returns the exit code.
    int scanProject(const std::string& body, std::string* log, const std::string& extra = "")
    {
        writeText(m_dir / "project.toml", "[scan]\n" + body + "\n" + extra);
        return run("cd " + quote(m_dir.path()) + " && " + quote(gebiedscanBinary()) + " scan project.toml", log);
    }

    // The good project: areas, assumed CRS, year; `incidents` and `out` vary.
    static std::string project(const std::string& incidents, const std::string& out = "uit")
    {
        return "incidents = '''" + incidents + "'''\nassume_crs = \"EPSG:4326\"\nareas = '''" +
               drentheAreas().string() + "'''\nyear = 2024\nout = '''" + out + "'''\n";
    }

    [[nodiscard]] bool pwned() const { return fs::exists(m_dir / "PWNED"); }
    TempDir m_dir;
};

} // namespace

TEST_F(ProjectSafety, TheGoodProjectRuns)
{
    std::string log;
    EXPECT_EQ(scanProject(project("registraties.csv"), &log), 0) << log;
    EXPECT_TRUE(fs::exists(m_dir / "uit/summary.json"));
}

TEST_F(ProjectSafety, ShellSyntaxInValuesIsNeverRun)
{
    std::string log;
    for (const std::string incidents :
         {"registraties.csv; touch PWNED", "$(touch PWNED)", "`touch PWNED`", "registraties.csv | touch PWNED"}) {
        EXPECT_EQ(scanProject(project(incidents), &log), 2) << incidents << ": " << log;
        EXPECT_NE(log.find("bestand of map bestaat niet"), std::string::npos) << log;
        EXPECT_FALSE(pwned()) << incidents;
    }
    // In the output folder, a filter and a field name: taken literally as a name or an OGR SQL expression.
    EXPECT_EQ(scanProject(project("registraties.csv", "uit_$(touch PWNED)"), &log), 0) << log;
    EXPECT_TRUE(fs::exists(m_dir / "uit_$(touch PWNED)/summary.json"));
    EXPECT_EQ(scanProject(project("registraties.csv") + "filter = \"code = '1' OR $(touch PWNED)\"", &log), 2) << log;
    EXPECT_NE(log.find("ongeldig filter"), std::string::npos) << log;
    EXPECT_EQ(scanProject(project("registraties.csv") + "date_field = \"`touch PWNED`\"", &log), 2) << log;
    EXPECT_NE(log.find("heeft geen veld '`touch PWNED`'"), std::string::npos) << log;
    EXPECT_FALSE(pwned());
}

TEST_F(ProjectSafety, GdalVirtualFilesAndInlineDatasetsAreNotFiles)
{
    std::string log;
    const std::string inlineVrt = "<OGRVRTDataSource><OGRVRTLayer name='g'><SrcDataSource>" +
                                  (m_dir / "geheim.csv").string() + "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>";
    for (const std::string& incidents : std::vector<std::string>{
             "/vsicurl/http://127.0.0.1:9/registraties.csv", "/vsistdin/", "/vsisubfile/0_100,geheim.csv", inlineVrt}) {
        EXPECT_EQ(scanProject(project(incidents), &log), 2) << incidents << ": " << log;
        EXPECT_NE(log.find("bestand of map bestaat niet"), std::string::npos) << incidents << ": " << log;
        EXPECT_FALSE(fs::exists(m_dir / "uit")) << incidents;
    }
}

TEST_F(ProjectSafety, VrtFileThatReadsAnotherFileIsRefused)
{
    // The VRT names only itself in the project, but would read sub/geheim_ook.csv.
    writeText(m_dir / "registraties.vrt",
              "<OGRVRTDataSource><OGRVRTLayer name='registraties'><SrcDataSource>sub/geheim_ook.csv</SrcDataSource>"
              "<GeometryType>wkbPoint</GeometryType><LayerSRS>EPSG:28992</LayerSRS>"
              "<GeometryField encoding='PointFromColumns' x='x' y='y'/></OGRVRTLayer></OGRVRTDataSource>");
    std::string log;
    EXPECT_EQ(scanProject(project("registraties.vrt"), &log), 2) << log;
    EXPECT_NE(log.find("registraties.vrt' is een bestand van het soort VRT - Virtual Datasource (OGR_VRT), dat "
                       "gebiedscan niet leest"),
              std::string::npos)
        << log;
    EXPECT_FALSE(fs::exists(m_dir / "uit"));
    // The same as areas.
    EXPECT_EQ(run("cd " + quote(m_dir.path()) + " && " + quote(gebiedscanBinary()) +
                      " scan --incidents registraties.csv --assume-crs EPSG:4326 --areas registraties.vrt --year 2024 "
                      "--out uit",
                  &log),
              2)
        << log;
    EXPECT_NE(log.find("dat gebiedscan niet leest"), std::string::npos) << log;
}

TEST_F(ProjectSafety, MisspeltKeysAreErrorsNotDefaults)
{
    std::string log;
    EXPECT_EQ(scanProject(project("registraties.csv") + "internall = true", &log), 2) << log;
    EXPECT_NE(log.find("project.toml:7: onbekende sleutel 'internall' in [scan]"), std::string::npos) << log;
    EXPECT_EQ(scanProject(project("registraties.csv"), &log,
                          "[[period]]\nid = \"2024\"\nrol = \"current\"\nfrom = 2024-01-01\nto = 2024-12-31\n"),
              2)
        << log;
    EXPECT_NE(log.find("onbekende sleutel 'rol' in [[period]]"), std::string::npos) << log;

    // The model: a misspelt suppression threshold would leave it at 5.
    std::string model = readText(fs::path(GEBIEDSCAN_SOURCE_DIR) / "data/model/default_model.toml");
    const auto at = model.find("suppress_below");
    ASSERT_NE(at, std::string::npos);
    model.replace(at, std::string("suppress_below").size(), "suppres_below");
    writeText(m_dir / "model.toml", model);
    EXPECT_EQ(scanProject(project("registraties.csv") + "model = \"model.toml\"", &log), 2) << log;
    EXPECT_NE(log.find("onbekende sleutel 'suppres_below' in [model] (bekend: name, suppress_below, significance, "
                       "incident_codes)"),
              std::string::npos)
        << log;
    EXPECT_FALSE(fs::exists(m_dir / "uit"));
}
