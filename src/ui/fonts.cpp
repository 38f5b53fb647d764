#include "ui/fonts.h"

#include <imgui.h>

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

}  // namespace

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
    out->body = add(16.0f);
    out->small = add(13.5f);
    out->heading = add(21.0f);
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
