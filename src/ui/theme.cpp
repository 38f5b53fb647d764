#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace jcm {
namespace {

// Light theme. Sequential scale: ColorBrewer YlOrBr (colour-blind safe, prints in greyscale).
// Status colours follow the 督办 red/amber/green convention, always paired with text labels.
const Theme kLight = {
    false,
    IM_COL32(0xE9, 0xEE, 0xF2, 0xFF),  // background (water-grey)
    IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // panel
    IM_COL32(0xF6, 0xF3, 0xEE, 0xFF),  // surface
    IM_COL32(0xEC, 0xE8, 0xE1, 0xFF),  // surface_hover
    IM_COL32(0xFF, 0xFF, 0xFF, 0xEB),  // overlay
    IM_COL32(0xEE, 0xEF, 0xF1, 0xFF),  // track
    IM_COL32(0xD0, 0xD7, 0xDE, 0xFF),  // outline
    IM_COL32(0x1F, 0x23, 0x28, 0xFF),  // text (15.8:1 on panel)
    IM_COL32(0x57, 0x60, 0x6A, 0xFF),  // text_muted (6.4:1 on panel)
    IM_COL32(0xB5, 0x45, 0x2F, 0xFF),  // accent (5.5:1 on panel)
    IM_COL32(0x9E, 0x3D, 0x29, 0xFF),  // accent_hover
    IM_COL32(0x7D, 0x5A, 0x00, 0xFF),  // warning_text (6.1:1 on panel)
    IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // on_accent
    IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // border
    IM_COL32(0x33, 0x33, 0x33, 0xFF),  // border_hover
    IM_COL32(0x1F, 0x23, 0x28, 0xFF),  // border_selected
    IM_COL32(0xD5, 0xD8, 0xDC, 0xFF),  // no_goals
    IM_COL32(0xF4, 0xF5, 0xF7, 0xFF),  // filtered_out
    IM_COL32(0xF3, 0xEC, 0xDC, 0xFF),  // zero
    IM_COL32(0x1F, 0x23, 0x28, 0xFF),  // label
    IM_COL32(0xFF, 0xFF, 0xFF, 0xC8),  // label_halo
    IM_COL32(0x2B, 0x5F, 0x8A, 0xFF),  // marker
    {IM_COL32(0xFE, 0xE3, 0x91, 0xFF), IM_COL32(0xFE, 0xC4, 0x4F, 0xFF), IM_COL32(0xFE, 0x99, 0x29, 0xFF),
     IM_COL32(0xEC, 0x70, 0x14, 0xFF), IM_COL32(0xCC, 0x4C, 0x02, 0xFF)},
    {IM_COL32(0x8C, 0x95, 0x9F, 0xFF),   // not reported
     IM_COL32(0x1A, 0x7F, 0x37, 0xFF),   // green
     IM_COL32(0xD4, 0xA1, 0x06, 0xFF),   // yellow
     IM_COL32(0xCF, 0x22, 0x2E, 0xFF),   // red
     IM_COL32(0x09, 0x69, 0xDA, 0xFF)},  // done
};

// Dark theme: the same scale (it reads on dark ground), lighter accent and text.
const Theme kDark = {
    true,
    IM_COL32(0x11, 0x15, 0x1A, 0xFF),  // background
    IM_COL32(0x1B, 0x20, 0x26, 0xFF),  // panel
    IM_COL32(0x25, 0x2B, 0x33, 0xFF),  // surface
    IM_COL32(0x2E, 0x35, 0x3E, 0xFF),  // surface_hover
    IM_COL32(0x1B, 0x20, 0x26, 0xEB),  // overlay
    IM_COL32(0x2A, 0x30, 0x38, 0xFF),  // track
    IM_COL32(0x44, 0x4C, 0x56, 0xFF),  // outline
    IM_COL32(0xE6, 0xED, 0xF3, 0xFF),  // text (13.9:1 on panel)
    IM_COL32(0x9D, 0xA7, 0xB3, 0xFF),  // text_muted (6.6:1 on panel)
    IM_COL32(0xF0, 0x8A, 0x6E, 0xFF),  // accent (6.4:1 on panel)
    IM_COL32(0xF5, 0xA0, 0x88, 0xFF),  // accent_hover
    IM_COL32(0xE3, 0xB3, 0x41, 0xFF),  // warning_text
    IM_COL32(0x1B, 0x20, 0x26, 0xFF),  // on_accent
    IM_COL32(0x11, 0x15, 0x1A, 0xFF),  // border
    IM_COL32(0xE6, 0xED, 0xF3, 0xFF),  // border_hover
    IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // border_selected
    IM_COL32(0x3A, 0x41, 0x49, 0xFF),  // no_goals
    IM_COL32(0x22, 0x27, 0x2E, 0xFF),  // filtered_out
    IM_COL32(0x72, 0x62, 0x44, 0xFF),  // zero (warmer and lighter than no_goals: the two read apart)
    IM_COL32(0xF0, 0xF3, 0xF6, 0xFF),  // label
    IM_COL32(0x00, 0x00, 0x00, 0xB4),  // label_halo
    IM_COL32(0x8C, 0xC8, 0xF0, 0xFF),  // marker
    {IM_COL32(0xFE, 0xE3, 0x91, 0xFF), IM_COL32(0xFE, 0xC4, 0x4F, 0xFF), IM_COL32(0xFE, 0x99, 0x29, 0xFF),
     IM_COL32(0xEC, 0x70, 0x14, 0xFF), IM_COL32(0xCC, 0x4C, 0x02, 0xFF)},
    {IM_COL32(0x8C, 0x95, 0x9F, 0xFF), IM_COL32(0x3F, 0xB9, 0x50, 0xFF), IM_COL32(0xE3, 0xB3, 0x41, 0xFF),
     IM_COL32(0xF8, 0x51, 0x49, 0xFF), IM_COL32(0x58, 0xA6, 0xFF, 0xFF)},
};

const Theme* g_theme = &kLight;

ImVec4 F4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

float Luminance(ImU32 c) {
    const ImVec4 v = F4(c);
    auto lin = [](float x) { return x <= 0.03928f ? x / 12.92f : std::pow((x + 0.055f) / 1.055f, 2.4f); };
    return 0.2126f * lin(v.x) + 0.7152f * lin(v.y) + 0.0722f * lin(v.z);
}

}  // namespace

const Theme& LightTheme() { return kLight; }
const Theme& DarkTheme() { return kDark; }
const Theme& CurrentTheme() { return *g_theme; }

float ContrastRatio(ImU32 a, ImU32 b) {
    const float la = Luminance(a), lb = Luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

void UseTheme(bool dark) {
    g_theme = dark ? &kDark : &kLight;
    const Theme& t = *g_theme;
    ImGuiStyle& style = ImGui::GetStyle();
    if (dark) ImGui::StyleColorsDark(&style);
    else ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(16, 14);
    style.FramePadding = ImVec2(12, 8);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.TouchExtraPadding = ImVec2(4, 4);
    style.ScrollbarSize = 14;
    style.GrabMinSize = 20;
    style.WindowRounding = 0;
    style.ChildRounding = 10;
    style.FrameRounding = 8;
    style.PopupRounding = 8;
    style.ScrollbarRounding = 8;
    style.GrabRounding = 8;
    style.TabRounding = 8;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 0;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = F4(t.text);
    c[ImGuiCol_TextDisabled] = F4(t.text_muted);
    c[ImGuiCol_WindowBg] = F4(t.background);
    c[ImGuiCol_ChildBg] = F4(t.panel);
    c[ImGuiCol_PopupBg] = F4(t.panel);
    c[ImGuiCol_Border] = F4(t.outline);
    c[ImGuiCol_FrameBg] = F4(t.surface);
    c[ImGuiCol_FrameBgHovered] = F4(t.surface_hover);
    c[ImGuiCol_FrameBgActive] = F4(t.surface_hover);
    c[ImGuiCol_Button] = F4(t.surface);
    c[ImGuiCol_ButtonHovered] = F4(t.surface_hover);
    c[ImGuiCol_ButtonActive] = F4(t.outline);
    ImVec4 tint = F4(t.accent);
    tint.w = 0.12f;
    c[ImGuiCol_Header] = tint;
    tint.w = 0.20f;
    c[ImGuiCol_HeaderHovered] = tint;
    tint.w = 0.28f;
    c[ImGuiCol_HeaderActive] = tint;
    c[ImGuiCol_TextSelectedBg] = tint;
    c[ImGuiCol_Separator] = F4(t.outline);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_CheckMark] = F4(t.accent);
    c[ImGuiCol_SliderGrab] = F4(t.accent);
    c[ImGuiCol_SliderGrabActive] = F4(t.accent_hover);
    c[ImGuiCol_PlotHistogram] = F4(t.accent);
    c[ImGuiCol_TableHeaderBg] = F4(t.surface);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = F4(t.dark ? IM_COL32(0xFF, 0xFF, 0xFF, 0x06) : IM_COL32(0x00, 0x00, 0x00, 0x05));
    c[ImGuiCol_TableBorderLight] = F4(t.outline);
    c[ImGuiCol_NavHighlight] = F4(t.accent);
}

ImU32 CategoryColor(const Dataset& data, int index) {
    static const ImU32 kPalette[13] = {
        IM_COL32(0x33, 0x22, 0x88, 0xFF), IM_COL32(0x88, 0xCC, 0xEE, 0xFF), IM_COL32(0x44, 0xAA, 0x99, 0xFF),
        IM_COL32(0x11, 0x77, 0x33, 0xFF), IM_COL32(0x99, 0x99, 0x33, 0xFF), IM_COL32(0xDD, 0xCC, 0x77, 0xFF),
        IM_COL32(0xCC, 0x66, 0x77, 0xFF), IM_COL32(0x88, 0x22, 0x55, 0xFF), IM_COL32(0xAA, 0x44, 0x99, 0xFF),
        IM_COL32(0x44, 0x77, 0xAA, 0xFF), IM_COL32(0xEE, 0x66, 0x77, 0xFF), IM_COL32(0xBB, 0xBB, 0xBB, 0xFF),
        IM_COL32(0x66, 0x33, 0x33, 0xFF)};
    if (index < 0) return kPalette[11];
    const auto i = static_cast<size_t>(index);
    if (i < data.categories.size() && data.categories[i].color != 0) return data.categories[i].color;
    return kPalette[i % 13];
}

int ScaleBucket(int value, int max_value) {
    if (max_value <= 1 || value <= 1) return 0;
    const int b = static_cast<int>((static_cast<long>(value - 1) * 5) / max_value);
    return b < 0 ? 0 : (b > 4 ? 4 : b);
}

ImU32 ScaleColor(const Theme& t, int value, int max_value) { return t.scale[ScaleBucket(value, max_value)]; }

}  // namespace jcm
