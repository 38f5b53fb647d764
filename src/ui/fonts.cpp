#include "ui/fonts.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>

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

// Adds the fonts (three sizes, or ImGui's default font when the file cannot be used) to a cleared
// atlas; `custom` then adds custom glyph rectangles before the atlas is built. False if the
// atlas could not be built with the file (the caller falls back to the default font).
template <class AddGlyphs>
bool AddFontsAndBuild(ImFontAtlas* atlas, bool use_file, const std::vector<unsigned char>& font_file,
                      const std::vector<unsigned char>& ext_file, float scale, Fonts* out, AddGlyphs custom) {
    atlas->Clear();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the app owns the file bytes
    cfg.OversampleH = 1;               // baked at device resolution: no oversampling needed
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    atlas->TexDesiredWidth = 2048;
    if (!use_file) {
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * scale;
        out->body = out->small = out->heading = atlas->AddFontDefault(&fallback);
        custom();
        atlas->Build();
        return false;
    }
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

// Characters drawn by the platform (platform.h DrawGlyphs) for the custom glyph rectangles of
// one font: drawn before the atlas is built, copied into it after.
struct PlatformGlyphs {
    int w = 0, h = 0;                  // each cell
    std::vector<unsigned char> alpha;  // the cells, one after another
    std::vector<int> rects, widths;    // per character: its custom rectangle, columns copied
};

// Draws `draw[i]` at `em` px (baseline `baseline` px from the top of a `height` px line) and
// adds it to `font` as glyph `ids[i]`. False if the platform cannot draw text.
bool AddPlatformGlyphs(ImFontAtlas* atlas, ImFont* font, const std::vector<uint32_t>& draw, const std::vector<uint32_t>& ids,
                       float em, float height, float baseline, PlatformGlyphs* out) {
    const size_t n = draw.size();
    out->w = static_cast<int>(std::ceil(em * 1.25f)) + 2;
    out->h = static_cast<int>(std::ceil(height));
    out->alpha.assign(n * static_cast<size_t>(out->w) * static_cast<size_t>(out->h), 0);
    out->rects.assign(n, -1);
    out->widths.assign(n, 0);
    if (n == 0) return true;
    std::vector<float> advances(n, 0.0f);
    if (!platform::DrawGlyphs(draw.data(), static_cast<int>(n), em, out->w, out->h, baseline, out->alpha.data(), advances.data()))
        return false;
    for (size_t i = 0; i < n; ++i) {
        if (!(advances[i] >= 0.0f)) continue;
        // The atlas keeps the advance and a pixel either side, not the whole cell.
        const int w = std::min(out->w, static_cast<int>(std::ceil(advances[i])) + 3);
        out->widths[i] = w;
        out->rects[i] = atlas->AddCustomRectFontGlyph(font, static_cast<ImWchar>(ids[i]), w, out->h, std::round(advances[i]), ImVec2(-1, 0));
    }
    return true;
}

// After the build: the drawn cells into the atlas's pixels. The number of characters copied.
int CopyPlatformGlyphs(ImFontAtlas* atlas, const PlatformGlyphs& g) {
    int copied = 0;
    if (atlas->TexPixelsAlpha8 == nullptr) return 0;
    for (size_t i = 0; i < g.rects.size(); ++i) {
        const ImFontAtlasCustomRect* r = g.rects[i] >= 0 ? atlas->GetCustomRectByIndex(g.rects[i]) : nullptr;
        if (r == nullptr || !r->IsPacked()) continue;
        const unsigned char* cell = g.alpha.data() + i * static_cast<size_t>(g.w) * static_cast<size_t>(g.h);
        for (int y = 0; y < g.h; ++y)
            std::memcpy(atlas->TexPixelsAlpha8 + (r->Y + y) * atlas->TexWidth + r->X, cell + y * g.w, static_cast<size_t>(g.widths[i]));
        ++copied;
    }
    return copied;
}

// Every character drawn by the platform with the system's fonts, `ascent` and `descent` per em:
// no font file at all. ImGui's built-in font (for its space only) carries each size; every glyph
// is the platform's. ImGui's built-in font elides with U+0085, so that one is drawn as U+2026.
bool BakeSystemFonts(ImFontAtlas* atlas, const std::vector<uint32_t>& codepoints, float scale, float ascent, float descent, Fonts* out) {
    std::vector<uint32_t> draw;
    for (uint32_t c = 0x20; c < 0x7F; ++c) draw.push_back(c);
    for (uint32_t cp : codepoints)
        if (cp >= 0xA0 && cp <= 0xFFFF) draw.push_back(cp);
    draw.push_back(0x2026);
    std::sort(draw.begin(), draw.end());
    draw.erase(std::unique(draw.begin(), draw.end()), draw.end());
    std::vector<uint32_t> ids = draw;
    draw.push_back(0x2026);
    ids.push_back(0x85);

    atlas->Clear();
    atlas->TexDesiredWidth = 2048;
    static const ImWchar kSpaceOnly[] = {0x20, 0x20, 0};
    const float ems[3] = {kBodyEm * scale, kSmallEm * scale, kHeadingEm * scale};
    ImFont** slots[3] = {&out->body, &out->small, &out->heading};
    PlatformGlyphs drawn[3];
    for (int k = 0; k < 3; ++k) {
        ImFontConfig cfg;
        cfg.OversampleH = cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        // ImGui's size is the line height, in whole pixels (ImGui 1.90 truncates it); the em is
        // what fills that line, as stb_truetype scales a font file's glyphs.
        cfg.SizePixels = std::floor(ems[k] * (ascent + descent));
        cfg.GlyphRanges = kSpaceOnly;
        const float em = cfg.SizePixels / (ascent + descent);
        *slots[k] = atlas->AddFontDefault(&cfg);
        if (*slots[k] == nullptr ||
            !AddPlatformGlyphs(atlas, *slots[k], draw, ids, em, cfg.SizePixels, std::round(em * ascent), &drawn[k]))
            return false;
    }
    if (!atlas->Build()) return false;
    int copied = 0;
    for (const PlatformGlyphs& d : drawn) copied += CopyPlatformGlyphs(atlas, d);
    out->missing_from_files = 0;
    out->platform_drawn = copied / 3;
    out->system = copied > 0;
    return out->system;
}

}  // namespace

bool BakeFonts(ImFontAtlas* atlas, const std::vector<unsigned char>& font_file, const std::vector<unsigned char>& ext_file,
               const std::vector<uint32_t>& codepoints, float dpr, Fonts* out) {
    const float scale = dpr > 0 ? dpr : 1.0f;
    ImGui::GetIO().FontGlobalScale = 1.0f / scale;
    out->baked_dpr = scale;
    out->has_ext = false;
    out->system = false;
    float ascent = 0, descent = 0;
    if (!LooksLikeFont(font_file) && platform::SystemFontMetrics(&ascent, &descent) &&
        BakeSystemFonts(atlas, codepoints, scale, ascent, descent, out))
        return true;

    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas->GetGlyphRangesDefault());  // Basic Latin + Latin-1
    for (uint32_t cp : codepoints)
        if (cp > 0 && cp <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(cp));
    g_ranges.clear();
    builder.BuildRanges(&g_ranges);
    auto none = [] {};
    bool use_file = LooksLikeFont(font_file);
    bool ok = AddFontsAndBuild(atlas, use_file, font_file, ext_file, scale, out, none);
    if (use_file && !ok) ok = AddFontsAndBuild(atlas, use_file = false, font_file, ext_file, scale, out, none);

    // Characters no font has (a rare name such as U+6D49 or U+57C7, a symbol, or every CJK character when
    // the font file failed): drawn by the platform with the system's fonts into custom glyph
    // rectangles of a second build, rather than shown as "?".
    std::vector<uint32_t> missing;
    for (uint32_t cp : codepoints)
        if (cp > 0x7F && cp <= 0xFFFF && !out->body->FindGlyphNoFallback(static_cast<ImWchar>(cp))) missing.push_back(cp);
    out->missing_from_files = static_cast<int>(missing.size());
    out->platform_drawn = 0;
    constexpr size_t kMaxDrawn = 4096;  // a pathological dataset stays bounded (atlas size, time)
    if (missing.size() > kMaxDrawn) missing.resize(kMaxDrawn);
    unsigned char probe[16 * 16];
    float probe_advance = 0;
    if (!missing.empty() && platform::DrawGlyphs(missing.data(), 1, 12.0f, 16, 16, 12.0f, probe, &probe_advance)) {
        // Each distinct font, with the metrics of the first build (the second one is the same).
        ImFont* first[3] = {out->body, out->small, out->heading};
        const int count = out->small == out->body ? 1 : 3;
        float ascents[3], sizes[3];
        for (int k = 0; k < count; ++k) ascents[k] = first[k]->Ascent, sizes[k] = first[k]->FontSize;
        const float ems[3] = {kBodyEm * scale, kSmallEm * scale, kHeadingEm * scale};
        PlatformGlyphs drawn[3];
        bool drew = true;
        auto custom = [&] {
            ImFont* fonts[3] = {out->body, out->small, out->heading};
            for (int k = 0; k < count && drew; ++k)
                drew = AddPlatformGlyphs(atlas, fonts[k], missing, missing, count == 1 ? sizes[0] * 0.85f : ems[k], sizes[k], ascents[k], &drawn[k]);
        };
        const bool built = AddFontsAndBuild(atlas, use_file, font_file, ext_file, scale, out, custom);
        if (drew && (built || !use_file) && atlas->TexPixelsAlpha8 != nullptr) {
            int copied = 0;
            for (int k = 0; k < count; ++k) copied += CopyPlatformGlyphs(atlas, drawn[k]);
            out->platform_drawn = copied / count;
        } else if (use_file) {  // the platform cannot draw, or the second build failed: the first one's fonts
            AddFontsAndBuild(atlas, use_file, font_file, ext_file, scale, out, none);
        }
    }
    out->has_ext = ok && LooksLikeFont(ext_file);
    return ok;
}

int CountMissingGlyphs(const ImFont* font, const std::vector<uint32_t>& codepoints) {
    if (!font) return 0;
    int missing = 0;
    for (uint32_t cp : codepoints)
        if (cp > 0x7F && cp <= 0xFFFF && !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) ++missing;
    return missing;
}

}  // namespace jcm
