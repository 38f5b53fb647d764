#include "ui/fonts.h"

#include <imgui.h>

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

bool BakeFonts(ImFontAtlas* atlas, const std::vector<unsigned char>& font_file, const std::vector<unsigned char>& ext_file,
               const std::vector<uint32_t>& codepoints, float dpr, Fonts* out) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas->GetGlyphRangesDefault());  // Basic Latin + Latin-1
    for (uint32_t cp : codepoints)
        if (cp > 0 && cp <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(cp));
    g_ranges.clear();
    builder.BuildRanges(&g_ranges);
    const float scale = dpr > 0 ? dpr : 1.0f;
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
    std::vector<unsigned char> probe(16 * 16);
    if (!missing.empty() && platform::DrawGlyph(missing[0], 12.0f, 16, 16, 12.0f, probe.data()) >= 0) {
        struct Drawn {
            int rect, w, h;
            std::vector<unsigned char> alpha;
        };
        std::vector<Drawn> drawn;
        // Each distinct font, with the metrics of the first build (the second one is the same).
        ImFont* first[3] = {out->body, out->small, out->heading};
        const int count = out->small == out->body ? 1 : 3;
        float ascents[3], sizes[3];
        for (int k = 0; k < count; ++k) ascents[k] = first[k]->Ascent, sizes[k] = first[k]->FontSize;
        const float ems[3] = {kBodyEm * scale, kSmallEm * scale, kHeadingEm * scale};
        auto custom = [&] {
            ImFont* fonts[3] = {out->body, out->small, out->heading};
            for (int k = 0; k < count; ++k) {
                const float em = count == 1 ? sizes[0] * 0.85f : ems[k];
                const int w = static_cast<int>(std::ceil(em * 1.25f)) + 2, h = static_cast<int>(std::ceil(sizes[k]));
                for (uint32_t cp : missing) {
                    Drawn d{-1, w, h, std::vector<unsigned char>(static_cast<size_t>(w) * static_cast<size_t>(h))};
                    const float advance = platform::DrawGlyph(cp, em, w, h, ascents[k], d.alpha.data());
                    if (advance < 0) continue;
                    d.rect = atlas->AddCustomRectFontGlyph(fonts[k], static_cast<ImWchar>(cp), w, h, std::round(advance), ImVec2(-1, 0));
                    drawn.push_back(std::move(d));
                }
            }
        };
        const bool built = AddFontsAndBuild(atlas, use_file, font_file, ext_file, scale, out, custom);
        if ((built || !use_file) && atlas->TexPixelsAlpha8 != nullptr) {
            for (const Drawn& d : drawn) {
                const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(d.rect);
                if (r == nullptr || !r->IsPacked()) continue;
                for (int y = 0; y < d.h; ++y)
                    std::memcpy(atlas->TexPixelsAlpha8 + (r->Y + y) * atlas->TexWidth + r->X, d.alpha.data() + y * d.w, static_cast<size_t>(d.w));
            }
            out->platform_drawn = static_cast<int>(drawn.size()) / count;
        } else if (use_file) {  // the second build failed: the first one's fonts, without them
            AddFontsAndBuild(atlas, use_file, font_file, ext_file, scale, out, none);
        }
    }
    out->baked_dpr = scale;
    out->has_ext = ok && LooksLikeFont(ext_file);
    ImGui::GetIO().FontGlobalScale = 1.0f / scale;
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
