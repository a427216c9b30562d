#include "gebiedscan/pipeline/qml_style.hpp"

#include <fmt/core.h>

namespace gebiedscan::pipeline {

namespace {

std::string escapeXml(const std::string& s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string colour(Rgb c)
{
    return fmt::format("{},{},{},255", c.r, c.g, c.b);
}

std::string option(const char* name, const std::string& value)
{
    return fmt::format("            <Option name=\"{}\" type=\"QString\" value=\"{}\"/>\n", name, escapeXml(value));
}

// One QGIS SimpleFill symbol layer; `style` "solid" or a brush pattern ("b_diagonal").
std::string simpleFill(Rgb fill, const std::string& style, bool outline)
{
    std::string s = "        <layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\">\n"
                    "          <Option type=\"Map\">\n";
    s += option("color", colour(fill));
    s += option("style", style);
    s += option("outline_color", outline ? "85,85,85,255" : "0,0,0,0");
    s += option("outline_style", outline ? "solid" : "no");
    s += option("outline_width", "0.1");
    s += option("outline_width_unit", "MM");
    s += option("joinstyle", "bevel");
    s += "          </Option>\n        </layer>\n";
    return s;
}

std::string symbol(std::size_t index, Rgb fill, bool hatched)
{
    std::string s = fmt::format(
        "      <symbol type=\"fill\" name=\"{}\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n", index);
    s += simpleFill(fill, "solid", !hatched);
    if (hatched) s += simpleFill(kHatchGrey, "b_diagonal", true);
    s += "      </symbol>\n";
    return s;
}

// Full precision: QGIS compares the values against these bounds.
std::string number(double v)
{
    return fmt::format("{}", v);
}

} // namespace

std::string qgisStyleQml(const MapLegend& legend, const std::string& field)
{
    std::string ranges, symbols;
    std::size_t n = 0;
    const auto add = [&](double lower, double upper, const std::string& label, Rgb fill, bool hatched) {
        ranges += fmt::format("      <range symbol=\"{}\" lower=\"{}\" upper=\"{}\" label=\"{}\" render=\"true\"/>\n",
                              n, number(lower), number(upper), escapeXml(label));
        symbols += symbol(n, fill, hatched);
        ++n;
    };
    // QGIS takes the first range holding a value (bounds inclusive), so in this order a value on
    // a break lands in the lower class: the right-closed classes of the legend.
    if (legend.hidden > 0) add(kQmlHiddenValue, kQmlHiddenValue, legend.hiddenLabel, kHiddenGrey, true);
    if (legend.zeroClass) add(0, 0, legend.zeroLabel, legend.zeroColour, false);
    for (const auto& c : legend.classes) add(c.lower, c.upper, c.label, c.colour, false);
    const std::string attr = fmt::format("coalesce(\"{}\", {})", field, number(kQmlHiddenValue));
    return fmt::format("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
                       "<qgis version=\"3.22.16-Białowieża\" styleCategories=\"Symbology|Legend\">\n"
                       "  <renderer-v2 type=\"graduatedSymbol\" graduatedMethod=\"GraduatedColor\" attr=\"{}\" "
                       "symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\" referencescale=\"-1\">\n"
                       "    <ranges>\n{}    </ranges>\n"
                       "    <symbols>\n{}    </symbols>\n"
                       "  </renderer-v2>\n"
                       "  <layerGeometryType>2</layerGeometryType>\n"
                       "</qgis>\n",
                       escapeXml(attr), ranges, symbols);
}

} // namespace gebiedscan::pipeline
