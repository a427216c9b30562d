#pragma once
// A 5 x 7 pixel font for the few labels of pipeline figures (digits, lower-case letters, a little
// punctuation), so a picture needs no font library. Unknown characters draw as a box.
#include <array>
#include <cstdint>
#include <string_view>

namespace gebiedscan::pipeline::font {

inline constexpr int kGlyphWidth = 5, kGlyphHeight = 7;

/// The rows of a glyph, top first; bit 4 is the leftmost column.
std::array<std::uint8_t, kGlyphHeight> glyph(char c);
/// True for letters with a descender: their glyph starts at the x-height, 2 rows below the top.
bool descends(char c);

} // namespace gebiedscan::pipeline::font
