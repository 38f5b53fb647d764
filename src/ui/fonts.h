// fonts.h: bakes the ImGui font atlas from the run-time font file, for exactly the characters the
// app shows, rasterised at the screen's device pixel ratio so text stays crisp.
#pragma once

#include <cstdint>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace jcm {

struct Fonts {
    ImFont* body = nullptr;     // 16 CSS px
    ImFont* small = nullptr;    // 13.5 CSS px
    ImFont* heading = nullptr;  // 21 CSS px
    float baked_dpr = 0;        // device pixel ratio the atlas was baked for
    bool has_ext = false;       // the extended font is merged in
};

// Clears `atlas` and bakes three sizes of `font_file` covering `codepoints` plus ASCII, with
// `ext_file` (may be empty) merged in for the characters `font_file` lacks. Both files must
// outlive the atlas. Returns false if the main font cannot be parsed (then ImGui's default font
// is baked instead, so the app can still say what went wrong in Latin letters).
bool BakeFonts(ImFontAtlas* atlas, const std::vector<unsigned char>& font_file, const std::vector<unsigned char>& ext_file,
               const std::vector<uint32_t>& codepoints, float dpr, Fonts* out);

// How many non-ASCII code points of `codepoints` the baked `font` has no glyph for.
int CountMissingGlyphs(const ImFont* font, const std::vector<uint32_t>& codepoints);

}  // namespace jcm
