#include "ui/fonts.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#include "platform/platform.h"

namespace jcm {
namespace {

ImVector<ImWchar> g_ranges;  // must outlive the atlas build; rebuilt with the atlas

// stb_truetype trusts its input: accept only files that start like an sfnt (TrueType or CFF).
bool LooksLikeFont(const std::vector<unsigned char>& f) {
    if (f.size() < 64) return false;
    const unsigned char* p = f.data();
    return (p[0] == 0 && p[1] == 1 && p[2] == 0 && p[3] == 0) || (p[0] == 'O' && p[1] == 'T' && p[2] == 'T' && p[3] == 'O') ||
           (p[0] == 't' && p[1] == 'r' && p[2] == 'u' && p[3] == 'e');
}

uint32_t Be32(const unsigned char* p) { return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3]; }
int Be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }

}  // namespace

float LineHeightPerEm(const std::vector<unsigned char>& f) {
    if (!LooksLikeFont(f)) return 1.0f;
    const size_t tables = static_cast<size_t>(Be16(f.data() + 4));
    int upem = 0, ascender = 0, descender = 0;
    for (size_t i = 0; i < tables && 12 + i * 16 + 16 <= f.size(); ++i) {
        const unsigned char* rec = f.data() + 12 + i * 16;
        const uint32_t off = Be32(rec + 8), len = Be32(rec + 12);
        if (off > f.size() || len > f.size() - off) continue;
        if (std::memcmp(rec, "head", 4) == 0 && len >= 20) upem = Be16(f.data() + off + 18);
        if (std::memcmp(rec, "hhea", 4) == 0 && len >= 8) {
            ascender = static_cast<int16_t>(Be16(f.data() + off + 4));
            descender = static_cast<int16_t>(Be16(f.data() + off + 6));
        }
    }
    if (upem <= 0 || ascender - descender <= 0) return 1.0f;
    const float r = static_cast<float>(ascender - descender) / static_cast<float>(upem);
    return r > 0.8f && r < 3.0f ? r : 1.0f;
}

namespace {

// Adds the fonts (three sizes) from the font file to a cleared atlas; `custom` then adds custom
// glyph rectangles before the atlas is built. False if the atlas could not be built with the
// file (the caller then has the platform draw every glyph: LastResortFonts).
template <class AddGlyphs>
bool AddFontsAndBuild(ImFontAtlas* atlas, const std::vector<unsigned char>& font_file,
                      const std::vector<unsigned char>& ext_file, float scale, Fonts* out, AddGlyphs custom) {
    atlas->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the app owns the file bytes
    cfg.OversampleH = 1;               // baked at device resolution: no oversampling needed
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    atlas->TexDesiredWidth = 2048;
    const bool ext = LooksLikeFont(ext_file);
    auto add = [&](float css_px) -> ImFont* {
        void* data = const_cast<unsigned char*>(font_file.data());
        ImFont* f = atlas->AddFontFromMemoryTTF(data, static_cast<int>(font_file.size()), css_px * scale, &cfg, g_ranges.Data);
        if (f && ext) {  // merged: ImGui takes from it only the glyphs the main font lacks
            ImFontConfig merge = cfg;
            merge.MergeMode = true;
            void* ext_data = const_cast<unsigned char*>(ext_file.data());
            atlas->AddFontFromMemoryTTF(ext_data, static_cast<int>(ext_file.size()), css_px * scale, &merge, g_ranges.Data);
        }
        return f;
    };
    const float line = LineHeightPerEm(font_file);  // ImGui's size is the line height
    out->body = add(kBodyEm * line);
    out->small = add(kSmallEm * line);
    out->heading = add(kHeadingEm * line);
    if (!out->body || !out->small || !out->heading) return false;
    custom();
    return atlas->Build();
}

}  // namespace

namespace {

// The characters of one font whose glyphs are the platform's: each one's cell (GlyphCells) and
// its custom glyph rectangle, added before the atlas is built, filled from the cell after.
struct PlacedGlyphs {
    const GlyphCells* cells = nullptr;
    std::vector<int> cell, rect;  // per character; rect -1: not added
};

// Adds `draw[i]` at `em` px (baseline `baseline` px from the top of a `height` px line) to `font`
// as its glyph, drawing those `cells` does not have yet. False if the platform cannot draw text.
bool AddPlatformGlyphs(ImFontAtlas* atlas, ImFont* font, const std::vector<uint32_t>& draw, float em, float height, float baseline,
                       GlyphCells* cells, PlacedGlyphs* out) {
    const auto start_over = [&] {
        *cells = GlyphCells{};
        cells->em = em, cells->height = height, cells->baseline = baseline;
        cells->w = static_cast<int>(std::ceil(em * 1.25f)) + 2;
        cells->h = static_cast<int>(std::ceil(height));
    };
    if (cells->em != em || cells->height != height || cells->baseline != baseline) start_over();
    const size_t n = draw.size(), cell = static_cast<size_t>(cells->w) * static_cast<size_t>(cells->h);
    std::vector<uint32_t> fresh;
    for (uint32_t cp : draw)
        if (cells->index.find(cp) == cells->index.end()) fresh.push_back(cp);
    // Kept up to a bound (a dataset of thousands of characters at DPR 3 would keep tens of MB):
    // beyond it, the cells start over with this bake's characters, as every bake did before.
    constexpr size_t kMaxKeptBytes = size_t{16} << 20;
    if ((cells->pixels.size() + fresh.size()) * cell > kMaxKeptBytes && !cells->pixels.empty()) {
        start_over();
        fresh = draw;
    }
    if (!fresh.empty()) {
        // A block of its own (never grown: no copy of the cells drawn before), not
        // value-initialised: the platform writes every pixel.
        std::unique_ptr<unsigned char[]> block(new unsigned char[fresh.size() * cell]);
        std::vector<float> advances(fresh.size(), -1.0f);
        if (!platform::DrawGlyphs(fresh.data(), static_cast<int>(fresh.size()), em, cells->w, cells->h, baseline, block.get(),
                                  advances.data()))
            return false;
        const size_t kept = cells->pixels.size();
        for (size_t i = 0; i < fresh.size(); ++i) {
            if (!(advances[i] >= 0.0f)) continue;  // no glyph: not kept, asked again at the next bake
            cells->index.emplace(fresh[i], static_cast<int>(cells->pixels.size()));
            cells->pixels.push_back(block.get() + i * cell);
            cells->advances.push_back(advances[i]);
        }
        if (cells->pixels.size() > kept) cells->blocks.push_back(std::move(block));
    }
    out->cells = cells;
    out->cell.assign(n, -1);
    out->rect.assign(n, -1);
    for (size_t i = 0; i < n; ++i) {
        const auto found = cells->index.find(draw[i]);
        if (found == cells->index.end()) continue;
        const int c = found->second;
        const float advance = cells->advances[static_cast<size_t>(c)];
        // The atlas keeps the advance and a pixel either side, not the whole cell.
        const int w = std::min(cells->w, static_cast<int>(std::ceil(advance)) + 3);
        out->cell[i] = c;
        out->rect[i] = atlas->AddCustomRectFontGlyph(font, static_cast<ImWchar>(draw[i]), w, cells->h, std::round(advance), ImVec2(-1, 0));
    }
    return true;
}

// After the build: the drawn cells into the atlas's pixels. The number of characters copied.
int CopyPlatformGlyphs(ImFontAtlas* atlas, const PlacedGlyphs& g) {
    int copied = 0;
    if (atlas->TexPixelsAlpha8 == nullptr || g.cells == nullptr) return 0;
    const size_t cw = static_cast<size_t>(g.cells->w), ch = static_cast<size_t>(g.cells->h);
    for (size_t i = 0; i < g.rect.size(); ++i) {
        const ImFontAtlasCustomRect* r = g.rect[i] >= 0 ? atlas->GetCustomRectByIndex(g.rect[i]) : nullptr;
        if (r == nullptr || !r->IsPacked()) continue;
        const unsigned char* cell = g.cells->pixels[static_cast<size_t>(g.cell[i])];
        for (size_t y = 0; y < ch; ++y)
            std::memcpy(atlas->TexPixelsAlpha8 + (r->Y + y) * atlas->TexWidth + r->X, cell + y * cw, r->Width);
        ++copied;
    }
    return copied;
}

// A TrueType font of one empty glyph, the space (264 bytes, made for the app): ImGui makes a font
// only from a font file, and this one carries each size whose glyphs the platform draws
// (BakeSystemFonts). It replaced ImGui's built-in font in that role, whose data (~10 KB gzip)
// the web build no longer links (CMakeLists.txt). stb_truetype reads the tables below.
const unsigned char kSpaceFont[] = {
    // the table directory: TrueType, 7 tables (tag, checksum 0, offset, length)
    0x00, 0x01, 0x00, 0x00, 0x00, 0x07, 0x00, 0x40, 0x00, 0x02, 0x00, 0x30, 0x63, 0x6d, 0x61, 0x70,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x7c, 0x00, 0x00, 0x00, 0x18, 0x67, 0x6c, 0x79, 0x66,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x94, 0x00, 0x00, 0x00, 0x00, 0x68, 0x65, 0x61, 0x64,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x94, 0x00, 0x00, 0x00, 0x36, 0x68, 0x68, 0x65, 0x61,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xcc, 0x00, 0x00, 0x00, 0x24, 0x68, 0x6d, 0x74, 0x78,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf0, 0x00, 0x00, 0x00, 0x08, 0x6c, 0x6f, 0x63, 0x61,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf8, 0x00, 0x00, 0x00, 0x06, 0x6d, 0x61, 0x78, 0x70,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x06,
    // cmap: one Windows Unicode subtable, format 6: U+0020 is glyph 1
    0x00, 0x00, 0x00, 0x01, 0x00, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x06, 0x00, 0x0c,
    0x00, 0x00, 0x00, 0x20, 0x00, 0x01, 0x00, 0x01,
    // head: 1,000 units per em, short loca offsets (glyf is empty: no bytes of its own)
    0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x5f, 0x0f, 0x3c, 0xf5,
    0x00, 0x00, 0x03, 0xe8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08,
    0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    // hhea: ascender 1,160, descender -288 (Noto Sans CJK's), 2 horizontal metrics
    0x00, 0x01, 0x00, 0x00, 0x04, 0x88, 0xfe, 0xe0, 0x00, 0x00, 0x01, 0xf4, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x02,
    // hmtx: .notdef 500 units wide, the space 250
    0x01, 0xf4, 0x00, 0x00, 0x00, 0xfa, 0x00, 0x00,
    // loca: both glyphs empty
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    // maxp 0.5: 2 glyphs
    0x00, 0x00, 0x50, 0x00, 0x00, 0x02, 0x00, 0x00,
};

// The space-only font at `cfg`'s size (ImGui reads it, never writes it or frees it).
ImFont* AddSpaceFont(ImFontAtlas* atlas, ImFontConfig cfg) {
    static const ImWchar kSpaceOnly[] = {0x20, 0x20, 0};
    cfg.FontDataOwnedByAtlas = false;
    cfg.GlyphRanges = kSpaceOnly;
    return atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(kSpaceFont), static_cast<int>(sizeof kSpaceFont), cfg.SizePixels, &cfg);
}

// Every character drawn by the platform with the system's fonts, `ascent` and `descent` per em:
// no font file at all. The space-only font carries each size; every glyph is the platform's.
bool BakeSystemFonts(ImFontAtlas* atlas, const std::vector<uint32_t>& codepoints, float scale, float ascent, float descent, Fonts* out) {
    std::vector<uint32_t> draw;
    for (uint32_t c = 0x20; c < 0x7F; ++c) draw.push_back(c);
    for (uint32_t cp : codepoints)
        if (cp >= 0xA0 && cp <= 0xFFFF) draw.push_back(cp);
    draw.push_back(0x2026);  // ImGui's ellipsis, for elided text
    std::sort(draw.begin(), draw.end());
    draw.erase(std::unique(draw.begin(), draw.end()), draw.end());

    atlas->Clear();
    atlas->TexDesiredWidth = 2048;
    const float ems[3] = {kBodyEm * scale, kSmallEm * scale, kHeadingEm * scale};
    ImFont** slots[3] = {&out->body, &out->small, &out->heading};
    PlacedGlyphs drawn[3];
    for (int k = 0; k < 3; ++k) {
        ImFontConfig cfg;
        cfg.OversampleH = cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        // ImGui's size is the line height, in whole pixels (ImGui 1.90 truncates it); the em is
        // what fills that line, as stb_truetype scales a font file's glyphs.
        cfg.SizePixels = std::floor(ems[k] * (ascent + descent));
        const float em = cfg.SizePixels / (ascent + descent);
        *slots[k] = AddSpaceFont(atlas, cfg);
        if (*slots[k] == nullptr ||
            !AddPlatformGlyphs(atlas, *slots[k], draw, em, cfg.SizePixels, std::round(em * ascent), &out->cells[k], &drawn[k]))
            return false;
    }
    if (!atlas->Build()) return false;
    int copied = 0;
    for (const PlacedGlyphs& d : drawn) copied += CopyPlatformGlyphs(atlas, d);
    out->missing_from_files = 0;
    out->platform_drawn = copied / 3;
    out->system = copied > 0;
    return out->system;
}

// No font file can be used and the system's fonts do not cover CJK (or the platform says so):
// the platform still draws every glyph, with Noto Sans CJK's metrics (those the app is laid out
// for). A platform that cannot draw text at all (the native tests) gets ImGui's built-in Latin
// font where the build has it, else only the space: the app runs, its text blank.
void LastResortFonts(ImFontAtlas* atlas, const std::vector<uint32_t>& codepoints, float scale, Fonts* out) {
    if (BakeSystemFonts(atlas, codepoints, scale, 1.16f, 0.288f, out)) {
        out->system = false;  // drawn by the platform, but not known to cover CJK
        return;
    }
    atlas->Clear();
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * scale;
#if JCM_BUILTIN_FONT
    out->body = out->small = out->heading = atlas->AddFontDefault(&cfg);
#else
    out->body = out->small = out->heading = AddSpaceFont(atlas, cfg);
#endif
    atlas->Build();
    out->missing_from_files = 0;
    out->platform_drawn = 0;
}

}  // namespace

bool BakeFonts(ImFontAtlas* atlas, const std::vector<unsigned char>& font_file, const std::vector<unsigned char>& ext_file,
               const std::vector<uint32_t>& codepoints, float dpr, Fonts* out) {
    ++out->bakes;
    const float scale = dpr > 0 ? dpr : 1.0f;
    ImGui::GetIO().FontGlobalScale = 1.0f / scale;
    out->baked_dpr = scale;
    out->has_ext = false;
    out->system = false;
    out->missing_from_files = 0;
    out->platform_drawn = 0;
    const bool use_file = LooksLikeFont(font_file);
    float ascent = 0, descent = 0;
    if (!use_file && platform::SystemFontMetrics(&ascent, &descent) && BakeSystemFonts(atlas, codepoints, scale, ascent, descent, out))
        return true;

    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas->GetGlyphRangesDefault());  // Basic Latin + Latin-1
    for (uint32_t cp : codepoints)
        if (cp > 0 && cp <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(cp));
    g_ranges.clear();
    builder.BuildRanges(&g_ranges);
    auto none = [] {};
    if (!use_file || !AddFontsAndBuild(atlas, font_file, ext_file, scale, out, none)) {
        LastResortFonts(atlas, codepoints, scale, out);
        return false;
    }

    // Characters the font files lack (a rare name such as U+6D49 or U+57C7, a symbol): drawn by
    // the platform with the system's fonts into custom glyph rectangles of a second build, rather
    // than shown as "?".
    std::vector<uint32_t> missing;
    for (uint32_t cp : codepoints)
        if (cp > 0x7F && cp <= 0xFFFF && !out->body->FindGlyphNoFallback(static_cast<ImWchar>(cp))) missing.push_back(cp);
    out->missing_from_files = static_cast<int>(missing.size());
    constexpr size_t kMaxDrawn = 4096;  // a pathological dataset stays bounded (atlas size, time)
    if (missing.size() > kMaxDrawn) missing.resize(kMaxDrawn);
    unsigned char probe[16 * 16];
    float probe_advance = 0;
    // (The probe only when the platform has not drawn them all already.)
    const auto drawn_before = [&] {
        for (uint32_t cp : missing)
            if (out->cells[0].index.find(cp) == out->cells[0].index.end()) return false;
        return true;
    };
    if (!missing.empty() && (drawn_before() || platform::DrawGlyphs(missing.data(), 1, 12.0f, 16, 16, 12.0f, probe, &probe_advance))) {
        // Each font, with the metrics of the first build (the second one is the same).
        ImFont* first[3] = {out->body, out->small, out->heading};
        float ascents[3], sizes[3];
        for (int k = 0; k < 3; ++k) ascents[k] = first[k]->Ascent, sizes[k] = first[k]->FontSize;
        const float ems[3] = {kBodyEm * scale, kSmallEm * scale, kHeadingEm * scale};
        PlacedGlyphs drawn[3];
        bool drew = true;
        auto custom = [&] {
            ImFont* fonts[3] = {out->body, out->small, out->heading};
            for (int k = 0; k < 3 && drew; ++k)
                drew = AddPlatformGlyphs(atlas, fonts[k], missing, ems[k], sizes[k], ascents[k], &out->cells[k], &drawn[k]);
        };
        const bool built = AddFontsAndBuild(atlas, font_file, ext_file, scale, out, custom);
        if (drew && built && atlas->TexPixelsAlpha8 != nullptr) {
            int copied = 0;
            for (const PlacedGlyphs& d : drawn) copied += CopyPlatformGlyphs(atlas, d);
            out->platform_drawn = copied / 3;
        } else {  // the platform cannot draw, or the second build failed: the first one's fonts
            AddFontsAndBuild(atlas, font_file, ext_file, scale, out, none);
        }
    }
    out->has_ext = LooksLikeFont(ext_file);
    return true;
}

int CountMissingGlyphs(const ImFont* font, const std::vector<uint32_t>& codepoints) {
    if (!font) return 0;
    int missing = 0;
    for (uint32_t cp : codepoints)
        if (cp > 0x7F && cp <= 0xFFFF && !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) ++missing;
    return missing;
}

}  // namespace jcm
