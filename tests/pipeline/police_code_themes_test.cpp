// Every one of the 217 police incident codes of the CBS/police list behind 47018NED
// (data/model/soort-misdrijf-codes.csv) reaches a theme of the default model, or lands in
// "overig" for the reason written beside it. A code added to the list, or a model change that
// moves a code, fails here until this table says where it goes and why.
#include "gebiedscan/pipeline/model_loader.hpp"

#include "gebiedscan/core/scan_model.hpp"
#include "gebiedscan/gis/vector_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace gebiedscan {
namespace {

struct PoliceCode {
    const char* code;     // BVH/BVI incident code
    const char* category; // its crime category in 47018NED
    const char* theme;    // theme of the default model, or "overig"
    const char* reason;   // why it is overig (empty when it has a theme)
};

// clang-format off
const std::vector<PoliceCode> kPoliceCodes{
    {"A20", "1.1.1", "woninginbraak", ""},
    {"A30", "1.1.1", "woninginbraak", ""},
    {"B20", "1.1.1", "woninginbraak", ""},
    {"B30", "1.1.1", "woninginbraak", ""},
    {"A21", "1.1.2", "vvc", ""},
    {"A34", "1.1.2", "vvc", ""},
    {"B21", "1.1.2", "vvc", ""},
    {"B34", "1.1.2", "vvc", ""},
    {"A10", "1.2.1", "vvc", ""},
    {"B10", "1.2.1", "vvc", ""},
    {"A70", "1.2.2", "vvc", ""},
    {"A71", "1.2.2", "vvc", ""},
    {"A76", "1.2.2", "vvc", ""},
    {"B60", "1.2.2", "vvc", ""},
    {"B61", "1.2.2", "vvc", ""},
    {"B66", "1.2.2", "vvc", ""},
    {"A72", "1.2.3", "vvc", ""},
    {"A73", "1.2.3", "vvc", ""},
    {"B62", "1.2.3", "vvc", ""},
    {"B63", "1.2.3", "vvc", ""},
    {"A40", "1.2.4", "vvc", ""},
    {"A12", "1.2.5", "vvc", ""},
    {"A74", "1.2.5", "vvc", ""},
    {"B12", "1.2.5", "vvc", ""},
    {"B64", "1.2.5", "vvc", ""},
    {"D11", "1.3.1", "verkeer", ""},
    {"D12", "1.3.1", "verkeer", ""},
    {"D13", "1.3.1", "verkeer", ""},
    {"F520", "1.4.1", "zeden", ""},
    {"F521", "1.4.1", "zeden", ""},
    {"F522", "1.4.1", "zeden", ""},
    {"F523", "1.4.1", "zeden", ""},
    {"F525", "1.4.1", "zeden", ""},
    {"F526", "1.4.1", "zeden", ""},
    {"F527", "1.4.1", "zeden", ""},
    {"F5295", "1.4.1", "zeden", ""},
    {"F5296", "1.4.1", "zeden", ""},
    {"F540", "1.4.2", "geweld", ""},
    {"F541", "1.4.2", "geweld", ""},
    {"F542", "1.4.2", "geweld", ""},
    {"F543", "1.4.2", "geweld", ""},
    {"F544", "1.4.2", "geweld", ""},
    {"F12", "1.4.3", "geweld", ""},
    {"F530", "1.4.4", "geweld", ""},
    {"F531", "1.4.4", "geweld", ""},
    {"F532", "1.4.4", "geweld", ""},
    {"F533", "1.4.4", "geweld", ""},
    {"F550", "1.4.5", "geweld", ""},
    {"F551", "1.4.5", "geweld", ""},
    {"B70", "1.4.6", "geweld", ""},
    {"B72", "1.4.7", "geweld", ""},
    {"B73", "1.4.7", "geweld", ""},
    {"B74", "1.4.7", "geweld", ""},
    {"A11", "1.5.2", "vvc", ""},
    {"A75", "1.5.2", "vvc", ""},
    {"B11", "1.5.2", "vvc", ""},
    {"B65", "1.5.2", "vvc", ""},
    {"F13", "1.6.1", "vvc", ""},
    {"F14", "1.6.1", "vvc", ""},
    {"A27", "1.6.2", "vvc", ""},
    {"A36", "1.6.2", "vvc", ""},
    {"A60", "1.6.2", "vvc", ""},
    {"A80", "1.6.2", "vvc", ""},
    {"A81", "1.6.2", "vvc", ""},
    {"A82", "1.6.2", "vvc", ""},
    {"A90", "1.6.2", "vvc", ""},
    {"A95", "1.6.2", "vvc", ""},
    {"B27", "1.6.2", "vvc", ""},
    {"B36", "1.6.2", "vvc", ""},
    {"B95", "1.6.2", "vvc", ""},
    {"F5293", "1.6.3", "georganiseerd", ""},
    {"F563", "1.6.3", "georganiseerd", ""},
    {"F564", "1.6.3", "georganiseerd", ""},
    {"F562", "1.6.3", "georganiseerd", ""},
    {"F565", "1.6.3", "georganiseerd", ""},
    {"F561", "1.6.3", "georganiseerd", ""},
    {"F47", "2.1.1", "alcohol_drugs", ""},
    {"C20", "2.2.1", "overlast", ""},
    {"C30", "2.2.1", "overlast", ""},
    {"C40", "2.2.1", "overlast", ""},
    {"F11", "2.2.1", "overlast", ""},
    {"F95", "2.4.1", "overlast", ""},
    {"F15", "2.4.2", "overlast", ""},
    {"A22", "2.5.1", "winkels_bedrijven", ""},
    {"A23", "2.5.1", "winkels_bedrijven", ""},
    {"A24", "2.5.1", "winkels_bedrijven", ""},
    {"A25", "2.5.1", "winkels_bedrijven", ""},
    {"A26", "2.5.1", "winkels_bedrijven", ""},
    {"A31", "2.5.1", "winkels_bedrijven", ""},
    {"A32", "2.5.1", "winkels_bedrijven", ""},
    {"A33", "2.5.1", "winkels_bedrijven", ""},
    {"A35", "2.5.1", "winkels_bedrijven", ""},
    {"B22", "2.5.1", "winkels_bedrijven", ""},
    {"B23", "2.5.1", "winkels_bedrijven", ""},
    {"B24", "2.5.1", "winkels_bedrijven", ""},
    {"B25", "2.5.1", "winkels_bedrijven", ""},
    {"B26", "2.5.1", "winkels_bedrijven", ""},
    {"B31", "2.5.1", "winkels_bedrijven", ""},
    {"B32", "2.5.1", "winkels_bedrijven", ""},
    {"B33", "2.5.1", "winkels_bedrijven", ""},
    {"B35", "2.5.1", "winkels_bedrijven", ""},
    {"A50", "2.5.2", "winkels_bedrijven", ""},
    {"B50", "2.5.2", "winkels_bedrijven", ""},
    {"M08", "2.6.1", "externe_veiligheid", ""},
    {"M135", "2.6.1", "externe_veiligheid", ""},
    {"M011", "2.6.2", "externe_veiligheid", ""},
    {"M0111", "2.6.2", "externe_veiligheid", ""},
    {"M031", "2.6.2", "externe_veiligheid", ""},
    {"M032", "2.6.2", "externe_veiligheid", ""},
    {"M033", "2.6.2", "externe_veiligheid", ""},
    {"M034", "2.6.2", "externe_veiligheid", ""},
    {"M141", "2.6.3", "externe_veiligheid", ""},
    {"M144", "2.6.3", "externe_veiligheid", ""},
    {"M012", "2.6.4", "externe_veiligheid", ""},
    {"M013", "2.6.4", "externe_veiligheid", ""},
    {"M014", "2.6.4", "externe_veiligheid", ""},
    {"M015", "2.6.4", "externe_veiligheid", ""},
    {"M016", "2.6.4", "externe_veiligheid", ""},
    {"M017", "2.6.4", "externe_veiligheid", ""},
    {"M019", "2.6.4", "externe_veiligheid", ""},
    {"M018", "2.6.5", "externe_veiligheid", ""},
    {"M041", "2.6.5", "externe_veiligheid", ""},
    {"M042", "2.6.5", "externe_veiligheid", ""},
    {"M091", "2.6.7", "externe_veiligheid", ""},
    {"M092", "2.6.7", "externe_veiligheid", ""},
    {"M093", "2.6.7", "externe_veiligheid", ""},
    {"M071", "2.6.8", "externe_veiligheid", ""},
    {"M072", "2.6.8", "externe_veiligheid", ""},
    {"M073", "2.6.8", "externe_veiligheid", ""},
    {"M074", "2.6.8", "externe_veiligheid", ""},
    {"M075", "2.6.8", "externe_veiligheid", ""},
    {"M076", "2.6.8", "externe_veiligheid", ""},
    {"M077", "2.6.8", "externe_veiligheid", ""},
    {"M078", "2.6.8", "externe_veiligheid", ""},
    {"M132", "2.6.9", "externe_veiligheid", ""},
    {"M134", "2.6.9", "externe_veiligheid", ""},
    {"M021", "2.6.10", "externe_veiligheid", ""},
    {"M022", "2.6.10", "externe_veiligheid", ""},
    {"M23", "2.6.11", "externe_veiligheid", ""},
    {"M11", "2.6.12", "externe_veiligheid", ""},
    {"M051", "2.6.13", "externe_veiligheid", ""},
    {"M102", "2.6.13", "externe_veiligheid", ""},
    {"M12", "2.6.14", "externe_veiligheid", ""},
    {"F91", "2.7.2", "overig", "Bijzondere wetten: verzamelpost van allerlei bijzondere wetten, geen veiligheidsthema"},
    {"F92", "2.7.2", "overig", "Bijzondere wetten: verzamelpost van allerlei bijzondere wetten, geen veiligheidsthema"},
    {"F93", "2.7.2", "overig", "Bijzondere wetten: verzamelpost van allerlei bijzondere wetten, geen veiligheidsthema"},
    {"F94", "2.7.2", "overig", "Bijzondere wetten: verzamelpost van allerlei bijzondere wetten, geen veiligheidsthema"},
    {"F16", "2.7.3", "overig", "Leefbaarheid (overig): restpost zonder omschrijving, te ongelijk voor Overlast en verloedering"},
    {"F40", "3.1.1", "georganiseerd", ""},
    {"F41", "3.1.1", "georganiseerd", ""},
    {"F42", "3.1.1", "georganiseerd", ""},
    {"F43", "3.1.1", "georganiseerd", ""},
    {"F44", "3.1.1", "georganiseerd", ""},
    {"F45", "3.1.1", "georganiseerd", ""},
    {"F5294", "3.1.2", "georganiseerd", ""},
    {"F70", "3.1.3", "georganiseerd", ""},
    {"F71", "3.1.3", "georganiseerd", ""},
    {"F72", "3.1.3", "georganiseerd", ""},
    {"F73", "3.1.3", "georganiseerd", ""},
    {"F5291", "3.2.1", "zeden", ""},
    {"F5292", "3.2.2", "zeden", ""},
    {"L90", "3.3.2", "overig", "luchtvaart: Verkeersveiligheid (4.1) is het wegverkeer"},
    {"L91", "3.3.2", "overig", "luchtvaart: Verkeersveiligheid (4.1) is het wegverkeer"},
    {"L21", "3.3.5", "overig", "luchtvaart: Verkeersveiligheid (4.1) is het wegverkeer"},
    {"L80", "3.4.2", "overig", "scheepvaart: Verkeersveiligheid (4.1) is het wegverkeer"},
    {"L81", "3.4.2", "overig", "scheepvaart: Verkeersveiligheid (4.1) is het wegverkeer"},
    {"L83", "3.4.2", "overig", "scheepvaart: Verkeersveiligheid (4.1) is het wegverkeer"},
    {"D20", "3.5.2", "verkeer", ""},
    {"D21", "3.5.2", "verkeer", ""},
    {"D23", "3.5.2", "verkeer", ""},
    {"D24", "3.5.2", "verkeer", ""},
    {"D25", "3.5.2", "verkeer", ""},
    {"D40", "3.5.5", "verkeer", ""},
    {"D41", "3.5.5", "verkeer", ""},
    {"D42", "3.5.5", "verkeer", ""},
    {"D44", "3.5.5", "verkeer", ""},
    {"D50", "3.5.5", "verkeer", ""},
    {"D51", "3.5.5", "verkeer", ""},
    {"D52", "3.5.5", "verkeer", ""},
    {"F10", "3.6.4", "overlast", ""},
    {"F17", "3.6.4", "overlast", ""},
    {"F18", "3.6.4", "overlast", ""},
    {"F19", "3.6.4", "overlast", ""},
    {"F30", "3.6.4", "overlast", ""},
    {"F50", "3.7.1", "overig", "Discriminatie: geen eigen thema; Radicalisering (5.1) is iets anders"},
    {"F0064", "3.7.2", "overig", "Vreemdelingenzorg: toezicht, geen veiligheidsthema"},
    {"F51", "3.7.3", "overig", "Maatsch. integriteit (overig): restpost; Integriteit (5.3) telt fraude (3.9)"},
    {"F5231", "3.7.3", "overig", "Maatsch. integriteit (overig): restpost; Integriteit (5.3) telt fraude (3.9)"},
    {"F90", "3.7.4", "overig", "Cybercrime: geen plaats delict in een buurt, geen thema van het model"},
    {"F614", "3.9.1", "integriteit", ""},
    {"F616", "3.9.1", "integriteit", ""},
    {"F617", "3.9.1", "integriteit", ""},
    {"F620", "3.9.1", "integriteit", ""},
    {"F622", "3.9.1", "integriteit", ""},
    {"F625", "3.9.1", "integriteit", ""},
    {"F631", "3.9.1", "integriteit", ""},
    {"F632", "3.9.1", "integriteit", ""},
    {"F633", "3.9.1", "integriteit", ""},
    {"F634", "3.9.1", "integriteit", ""},
    {"F635", "3.9.1", "integriteit", ""},
    {"F636", "3.9.1", "integriteit", ""},
    {"F637", "3.9.1", "integriteit", ""},
    {"F638", "3.9.1", "integriteit", ""},
    {"F639", "3.9.1", "integriteit", ""},
    {"F621", "3.9.2", "integriteit", ""},
    {"F623", "3.9.2", "integriteit", ""},
    {"F649", "3.9.2", "integriteit", ""},
    {"F600", "3.9.3", "integriteit", ""},
    {"F601", "3.9.3", "integriteit", ""},
    {"F602", "3.9.3", "integriteit", ""},
    {"F610", "3.9.3", "integriteit", ""},
    {"F611", "3.9.3", "integriteit", ""},
    {"F612", "3.9.3", "integriteit", ""},
    {"F613", "3.9.3", "integriteit", ""},
    {"F614", "3.9.3", "integriteit", ""},
    {"F615", "3.9.3", "integriteit", ""},
    {"F624", "3.9.3", "integriteit", ""},
};
// clang-format on

TEST(DefaultModel, EveryPoliceIncidentCodeReachesItsThemeOrOverigForAStatedReason)
{
    const ScanModel m = pipeline::loadScanModel(pipeline::defaultModelPath());
    const CategoryClassifier classifier(m);
    ASSERT_EQ(kPoliceCodes.size(), 217u);
    std::size_t themed = 0, overig = 0;
    std::set<std::string> seen;
    for (const auto& p : kPoliceCodes) {
        const auto category = classifier.classify(p.code, "");
        const std::string theme = category ? m.categories[*category].themeId : "overig";
        EXPECT_EQ(theme, p.theme) << p.code << " (" << p.category << ")";
        // Lower case and with trailing spaces as extracts have them: the same theme.
        std::string messy = std::string(p.code) + "  ";
        for (auto& ch : messy) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        const auto again = classifier.classify(messy, "");
        EXPECT_EQ(again, category) << messy;
        if (theme == "overig") {
            ++overig;
            EXPECT_GT(std::string(p.reason).size(), 10u) << p.code << " is overig without a reason";
        } else {
            ++themed;
            EXPECT_STREQ(p.reason, "") << p.code;
        }
        // The code is classified through its own category (F614, listed twice, keeps the first).
        if (seen.insert(p.code).second) {
            EXPECT_EQ(m.incidentCodes.at(p.code), p.category) << p.code;
        }
    }
    EXPECT_EQ(themed, 201u);
    EXPECT_EQ(overig, 16u);
    EXPECT_EQ(seen.size(), 216u); // F614 twice
}

TEST(DefaultModel, ThePoliceCodeTableHereIsTheShippedList)
{
    // The table above and data/model/soort-misdrijf-codes.csv hold the same codes in the same
    // categories: the test cannot drift from the file the model reads.
    gis::SourceSpec source;
    source.path = (pipeline::defaultModelPath().parent_path() / "soort-misdrijf-codes.csv").string();
    gis::VectorReader reader(source);
    reader.selectFields({"code", "incident_codes"});
    std::multiset<std::string> inFile, inTable;
    for (gis::Feature f; reader.next(f);) {
        const std::string list = f.values[1].value_or("");
        for (std::size_t start = 0; start < list.size();) {
            const std::size_t end = std::min(list.find(';', start), list.size());
            if (end > start) inFile.insert(list.substr(start, end - start) + " " + f.values[0].value_or(""));
            start = end + 1;
        }
    }
    for (const auto& p : kPoliceCodes) inTable.insert(std::string(p.code) + " " + p.category);
    EXPECT_EQ(inFile, inTable);
}

} // namespace
} // namespace gebiedscan
