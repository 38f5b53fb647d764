#include "ui/theme.h"

namespace jcm {
namespace {

// Light theme. Sequential scale: ColorBrewer YlOrBr (colour-blind safe, prints in greyscale).
// Status colours follow the 督办 red/amber/green convention, paired with text labels in the UI.
const Theme kLight = {
    IM_COL32(0xE9, 0xEE, 0xF2, 0xFF),  // background (water-grey)
    IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // panel
    IM_COL32(0x1F, 0x23, 0x28, 0xFF),  // text
    IM_COL32(0x57, 0x60, 0x6A, 0xFF),  // text_muted (7.0:1 on white)
    IM_COL32(0xB5, 0x45, 0x2F, 0xFF),  // accent
    IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // border
    IM_COL32(0x33, 0x33, 0x33, 0xFF),  // border_hover
    IM_COL32(0x1F, 0x23, 0x28, 0xFF),  // border_selected
    IM_COL32(0xD5, 0xD8, 0xDC, 0xFF),  // no_goals
    IM_COL32(0xF4, 0xF5, 0xF7, 0xFF),  // filtered_out
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

}  // namespace

const Theme& CurrentTheme() { return kLight; }

void ApplyTheme(ImGuiStyle& style) {
    const Theme& t = CurrentTheme();
    ImGui::StyleColorsLight(&style);
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
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.text);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(t.text_muted);
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(t.background);
    c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(t.panel);
    c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 0.98f);
    c[ImGuiCol_Border] = ImVec4(0.82f, 0.84f, 0.87f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(0.95f, 0.95f, 0.96f, 1);
    c[ImGuiCol_Button] = ImVec4(0.95f, 0.95f, 0.96f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.90f, 0.91f, 0.93f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.84f, 0.86f, 0.89f, 1);
    c[ImGuiCol_Header] = ImVec4(0.98f, 0.93f, 0.91f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.96f, 0.88f, 0.85f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.93f, 0.82f, 0.78f, 1);
    c[ImGuiCol_Separator] = ImVec4(0.86f, 0.87f, 0.89f, 1);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_CheckMark] = ImGui::ColorConvertU32ToFloat4(t.accent);
    c[ImGuiCol_SliderGrab] = ImGui::ColorConvertU32ToFloat4(t.accent);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.62f, 0.24f, 0.16f, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.92f, 0.92f, 0.94f, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.89f, 0.89f, 0.91f, 1);
    c[ImGuiCol_PlotHistogram] = ImGui::ColorConvertU32ToFloat4(t.accent);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.96f, 0.95f, 0.93f, 1);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.98f, 0.98f, 0.98f, 1);
    c[ImGuiCol_TextSelectedBg] = ImVec4(0.71f, 0.27f, 0.18f, 0.25f);
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
