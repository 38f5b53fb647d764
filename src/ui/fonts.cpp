#include "ui/fonts.h"

#include <imgui.h>

#include <cstring>

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

bool BakeFonts(ImFontAtlas* atlas, const std::vector<unsigned char>& font_file, const std::vector<unsigned char>& ext_file,
               const std::vector<uint32_t>& codepoints, float dpr, Fonts* out) {
    atlas->Clear();
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas->GetGlyphRangesDefault());  // Basic Latin + Latin-1
    for (uint32_t cp : codepoints)
        if (cp > 0 && cp <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(cp));
    g_ranges.clear();
    builder.BuildRanges(&g_ranges);

    const float scale = dpr > 0 ? dpr : 1.0f;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the app owns the file bytes
    cfg.OversampleH = 1;               // baked at device resolution: no oversampling needed
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    atlas->TexDesiredWidth = 2048;
    bool ok = LooksLikeFont(font_file);
    const bool ext = LooksLikeFont(ext_file);
    auto add = [&](float css_px) -> ImFont* {
        if (!ok) return nullptr;
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
    if (ok && out->body && out->small && out->heading) ok = atlas->Build();
    else ok = false;
    if (!ok) {
        atlas->Clear();
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * scale;
        out->body = out->small = out->heading = atlas->AddFontDefault(&fallback);
        atlas->Build();
    }
    out->baked_dpr = scale;
    out->has_ext = ok && ext;
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
