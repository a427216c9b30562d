#include "gebiedscan/pipeline/near_repeat_picture.hpp"

#include "bitmap_font.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace gebiedscan::pipeline {

namespace {

constexpr int kScale = 2; // font pixels per glyph dot
constexpr int kCharWidth = (font::kGlyphWidth + 1) * kScale;
constexpr int kTextHeight = font::kGlyphHeight * kScale;
constexpr std::uint32_t kWhite = 0xffffffffu, kBlack = 0xff000000u, kGrid = 0xff9a9a9au;
constexpr std::uint32_t kHiddenGrey = 0xffbdbdbdu; // a hidden cell: no ratio colour

class Canvas {
public:
    Canvas(int w, int h) { m_p = {w, h, std::vector<std::uint32_t>(static_cast<std::size_t>(w) * h, kWhite)}; }
    void fill(int x0, int y0, int w, int h, std::uint32_t c)
    {
        for (int y = std::max(0, y0); y < std::min(m_p.height, y0 + h); ++y)
            for (int x = std::max(0, x0); x < std::min(m_p.width, x0 + w); ++x)
                m_p.argb[static_cast<std::size_t>(y) * m_p.width + x] = c;
    }
    void frame(int x0, int y0, int w, int h, int t, std::uint32_t c)
    {
        fill(x0, y0, w, t, c);
        fill(x0, y0 + h - t, w, t, c);
        fill(x0, y0, t, h, c);
        fill(x0 + w - t, y0, t, h, c);
    }
    void text(int x, int y, const std::string& s, std::uint32_t c = kBlack)
    {
        for (char ch : s) {
            const auto rows = font::glyph(ch);
            const int dy = font::descends(ch) ? 2 * kScale : 0;
            for (int r = 0; r < font::kGlyphHeight; ++r)
                for (int k = 0; k < font::kGlyphWidth; ++k)
                    if (rows[r] & (1u << (font::kGlyphWidth - 1 - k)))
                        fill(x + k * kScale, y + dy + r * kScale, kScale, kScale, c);
            x += kCharWidth;
        }
    }
    /// Text centred in the box [x, x + w) x [y, y + h).
    void centred(int x, int y, int w, int h, const std::string& s, std::uint32_t c = kBlack)
    {
        const int tw = static_cast<int>(s.size()) * kCharWidth - kScale;
        text(x + (w - tw) / 2, y + (h - kTextHeight) / 2, s, c);
    }
    Picture take() { return std::move(m_p); }

private:
    Picture m_p;
};

std::string number(double v)
{
    std::string s = fmt::format("{:g}", v);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string ratioText(double r, bool bothZero)
{
    if (bothZero) return "-";
    if (!std::isfinite(r)) return ">99";
    std::string s = fmt::format("{:.2f}", r);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::uint32_t mix(std::uint32_t a, std::uint32_t b, double t)
{
    auto ch = [&](int shift) {
        const double x = ((a >> shift) & 0xffu) * (1 - t) + ((b >> shift) & 0xffu) * t;
        return static_cast<std::uint32_t>(std::lround(x)) << shift;
    };
    return 0xff000000u | ch(16) | ch(8) | ch(0);
}

} // namespace

std::uint32_t nearRepeatRatioColour(double ratio, bool bothZero)
{
    if (bothZero) return 0xffe6e6e6u;
    if (!std::isfinite(ratio) || ratio >= 1) return mix(kWhite, 0xffc81e1eu, std::clamp(ratio - 1, 0.0, 1.0));
    return mix(kWhite, 0xff3c78c8u, std::clamp(1 - ratio, 0.0, 1.0));
}

HeatTablePicture nearRepeatHeatTable(const NearRepeatTable& table, double alpha, double minimumRatio,
                                     const NearRepeatProtection* protection)
{
    const auto D = table.distanceClasses(), T = table.timeClasses();
    std::vector<std::string> rowLabels{"dezelfde plek"};
    double prev = 0;
    for (double d : table.distanceBands) {
        rowLabels.push_back(number(prev) + "-" + number(d));
        prev = d;
    }
    rowLabels.push_back(number(prev) + "+");
    std::vector<std::string> colLabels;
    std::int64_t prevDay = 0;
    for (auto t : table.timeBands) {
        colLabels.push_back(fmt::format("{}-{}", prevDay, t));
        prevDay = t;
    }
    colLabels.push_back(fmt::format("{}+", prevDay));

    const int margin = 16, cellW = 8 * kCharWidth, cellH = 2 * kTextHeight + 6;
    std::size_t longest = 0;
    for (const auto& l : rowLabels) longest = std::max(longest, l.size());
    const int labelW = static_cast<int>(longest + 1) * kCharWidth;
    const std::string title = "Near repeat: waargenomen / verwacht aantal paren";
    const std::string legend1 = fmt::format("* = p <= {} en verhouding >= {}", number(alpha), number(minimumRatio));
    const std::string legend2 = fmt::format(
        "{} voorvallen, {} permutaties; rood = meer dan verwacht, blauw = minder{}", table.events, table.permutations,
        protection ? fmt::format("; geheim = 1 t/m {} paren of aanvullend", protection->threshold - 1) : "");
    const int tableW = labelW + static_cast<int>(T) * cellW;
    const int textW = static_cast<int>(std::max({title.size(), legend1.size(), legend2.size()})) * kCharWidth;
    const int width = 2 * margin + std::max(tableW, textW);
    const int titleH = kTextHeight + 12, headH = 2 * (kTextHeight + 6);
    const int top = margin + titleH + headH;
    const int height = top + static_cast<int>(D) * cellH + 12 + 2 * (kTextHeight + 6) + margin;
    Canvas c(width, height);

    c.text(margin, margin, title);
    const int x0 = margin + labelW;
    c.centred(x0, margin + titleH, static_cast<int>(T) * cellW, kTextHeight + 6, "dagen ertussen");
    c.text(margin, top - kTextHeight - 6, "afstand (m)");
    for (std::size_t t = 0; t < T; ++t)
        c.centred(x0 + static_cast<int>(t) * cellW, top - kTextHeight - 6, cellW, kTextHeight + 6, colLabels[t]);
    for (std::size_t d = 0; d < D; ++d) {
        const int y = top + static_cast<int>(d) * cellH;
        c.text(margin, y + (cellH - kTextHeight) / 2, rowLabels[d]);
        for (std::size_t t = 0; t < T; ++t) {
            const int x = x0 + static_cast<int>(t) * cellW;
            const auto i = table.index(d, t);
            if (protection && (protection->observedHidden[i] || protection->expectedHidden[i])) {
                // A hidden cell shows neither its colour (the ratio) nor a mark.
                c.fill(x, y, cellW, cellH, kHiddenGrey);
                c.frame(x, y, cellW, cellH, 1, kGrid);
                c.centred(x, y, cellW, cellH, "geheim");
                continue;
            }
            const bool bothZero = table.observed[i] == 0 && table.expected[i] == 0;
            const double r = table.ratio(d, t);
            const bool raised = table.p[i] <= alpha && r >= minimumRatio;
            c.fill(x, y, cellW, cellH, nearRepeatRatioColour(r, bothZero));
            c.frame(x, y, cellW, cellH, 1, kGrid);
            if (raised) c.frame(x + 1, y + 1, cellW - 2, cellH - 2, 3, kBlack);
            c.centred(x, y, cellW, cellH, ratioText(r, bothZero) + (raised ? "*" : ""));
        }
    }
    const int ly = top + static_cast<int>(D) * cellH + 12;
    c.text(margin, ly, legend1);
    c.text(margin, ly + kTextHeight + 6, legend2);
    HeatTablePicture out;
    static_cast<Picture&>(out) = c.take();
    out.cellX0 = x0;
    out.cellY0 = top;
    out.cellW = cellW;
    out.cellH = cellH;
    return out;
}

} // namespace gebiedscan::pipeline
