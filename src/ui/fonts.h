// fonts.h: bakes the ImGui font atlas, for exactly the characters the app shows, rasterised at
// the screen's device pixel ratio so text stays crisp: drawn by the browser with the system's
// fonts where they cover CJK, else from the run-time font file.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace jcm {

// Sizes are em sizes in CSS px, as a browser would set `font-size` (ImGui sizes a font by its
// line height, ascender to descender, which for CJK fonts is about 1.45 em: BakeFonts converts).
constexpr float kBodyEm = 14.0f;
constexpr float kSmallEm = 13.0f;
constexpr float kHeadingEm = 18.0f;

// Characters the platform drew (platform.h DrawGlyphs) at one size, kept from one bake to the
// next: a bake draws only those not drawn at that size before (a character typed in the search:
// one glyph a size, not the seven hundred of the shipped data again, ~0.2 s at DPR 1 and ~0.7 s
// at DPR 3 here). Drawing at another size (the device pixel ratio changed) starts over.
struct GlyphCells {
    float em = 0, height = 0, baseline = 0;     // drawn at: em and line height px, baseline from the top
    int w = 0, h = 0;                           // each cell
    std::vector<std::unique_ptr<unsigned char[]>> blocks;  // one per drawing (never moved or grown)
    std::vector<const unsigned char*> pixels;   // per cell: its w * h bytes, in a block
    std::vector<float> advances;                // per cell
    std::unordered_map<uint32_t, int> index;    // code point -> its cell (one the platform drew)
};

struct Fonts {
    ImFont* body = nullptr;     // kBodyEm
    ImFont* small = nullptr;    // kSmallEm
    ImFont* heading = nullptr;  // kHeadingEm
    float baked_dpr = 0;        // device pixel ratio the atlas was baked for
    bool has_ext = false;       // the extended font is merged in
    int missing_from_files = 0; // characters the font files lack (before the platform drew them)
    int platform_drawn = 0;     // characters drawn by the platform (browser): those, or every one
                                // (with `system`, or when no font file could be used)
    bool system = false;        // every glyph drawn by the platform with the system's fonts
    GlyphCells cells[3];        // body, small, heading: what the platform drew for them
    int bakes = 0;              // BakeFonts calls so far: text measured before one is measured again
};

// Clears `atlas` and bakes three sizes covering `codepoints` plus ASCII. Where the platform's
// own fonts cover the app's characters (platform.h SystemFontMetrics) and `font_file` is not a
// font (the app then fetches none), every glyph is drawn by the platform. Otherwise from
// `font_file`, with `ext_file` (may be empty) merged in for the characters `font_file` lacks;
// characters neither has are drawn by the platform with the system's fonts (platform.h
// DrawGlyphs), where it can. Both files must outlive the atlas. Returns false if no font could
// be used: then the platform draws every glyph (and where it cannot draw text, the native build
// bakes ImGui's built-in Latin font, the web build only a space).
bool BakeFonts(ImFontAtlas* atlas, const std::vector<unsigned char>& font_file, const std::vector<unsigned char>& ext_file,
               const std::vector<uint32_t>& codepoints, float dpr, Fonts* out);

// A font file's line height (hhea ascender - descender) per em (head unitsPerEm); 1 when the
// file cannot be read.
float LineHeightPerEm(const std::vector<unsigned char>& font_file);

// How many non-ASCII code points of `codepoints` the baked `font` has no glyph for.
int CountMissingGlyphs(const ImFont* font, const std::vector<uint32_t>& codepoints);

}  // namespace jcm
