// view_panel.cpp: the panel beside (or below) the map, and the small widgets the views share.
//
// Index:
//   [SECTION] Widgets     muted text, status dot, link button, section heading, chip
//   [SECTION] Panel       search + filters on top, then detail / results / tabs
#include <algorithm>
#include <array>
#include <cstdio>

#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace jcm {

//-----------------------------------------------------------------------------
// [SECTION] Widgets
//-----------------------------------------------------------------------------

void TextWrappedMuted(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void StatusDot(Status s, float radius) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + radius, p.y + h * 0.5f), radius,
                                                CurrentTheme().status[static_cast<int>(s)]);
    ImGui::Dummy(ImVec2(radius * 2.0f, h));
}

bool LinkButton(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(6, 6));  // with TouchExtraPadding: a 30+ px target
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    return pressed;
}

void SectionHeading(const AppState&, const char* text) {
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::Separator();
}

const char* AreaKindName(const AppState& app, const Area& area) {
    const int k = area.kind_index;  // resolved at load
    return k >= 0 ? app.data.area_kinds[static_cast<size_t>(k)].name.Get(app.lang).c_str() : area.kind.c_str();
}

bool Chip(const char* label, bool on, ImU32 swatch) {
    const Theme& t = CurrentTheme();
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 14.0f);
    // 34 px tall; with style.TouchExtraPadding the tap target is 42 px.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(swatch ? 26.0f : 12.0f, 9.0f));
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(on ? t.accent : t.surface));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(on ? t.accent_hover : t.surface_hover));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(on ? t.on_accent : t.text));
    const bool pressed = ImGui::Button(label);
    if (swatch) {
        const ImVec2 a = ImGui::GetItemRectMin();
        const float h = ImGui::GetItemRectSize().y;
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(a.x + 14, a.y + h * 0.5f), 5.0f, swatch);
        if (on) ImGui::GetWindowDrawList()->AddCircle(ImVec2(a.x + 14, a.y + h * 0.5f), 6.0f, t.on_accent);
    }
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar(2);
    return pressed;
}

//-----------------------------------------------------------------------------
// [SECTION] Panel
//-----------------------------------------------------------------------------

namespace {

void DrawTabs(AppState& app) {
    const Str labels[2] = {Str::TabOverview, Str::TabCompare};
    for (int i = 0; i < 2; ++i) {
        if (i > 0) ImGui::SameLine();
        const bool on = static_cast<int>(app.ui.tab) == i;
        if (Chip(Tr(labels[i], app.lang), on)) {
            app.ui.tab = static_cast<PanelTab>(i);
            app.summary_dirty = true;
        }
    }
}

}  // namespace

void DrawPanel(AppState& app, ImVec2 pos, ImVec2 size, bool portrait) {
    const Lang lang = app.lang;
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 12));
    // The fixed top: search, filter toggle, tabs (and, in portrait, the map/panel switch).
    // Its height is measured as it is drawn and used from the next frame (ImGui 1.86 children do
    // not auto-size); a change asks for another frame, so the layout settles at once.
    // Capped so the content below keeps room; the filters scroll within the cap.
    const float cap = size.y * 0.6f;
    const float top_h = std::min(app.ui.panel_top_h, cap);
    ImGui::BeginChild("panel-top", ImVec2(size.x, top_h), ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NavFlattened |
                          (app.ui.panel_top_h > cap ? 0 : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse));
    app.map.list_hovered = -1;  // set again below by whichever row the pointer is over
    if (app.has_data) {
        const float filter_w = ImGui::CalcTextSize(Tr(Str::Filters, lang)).x + 40.0f;
        const float toggle_w = portrait ? 44.0f : 0.0f;
        DrawSearchField(app, ImGui::GetContentRegionAvail().x - filter_w - toggle_w - (portrait ? 16.0f : 8.0f));
        ImGui::SameLine();
        char label[64];
        const int active = static_cast<int>(app.ui.filter.categories.size() + app.ui.filter.area_kinds.size()) +
                           __builtin_popcount(app.ui.filter.statuses);
        if (active > 0) std::snprintf(label, sizeof label, "%s (%d)", Tr(Str::Filters, lang), active);
        else std::snprintf(label, sizeof label, "%s", Tr(Str::Filters, lang));
        if (Chip(label, app.ui.show_filters || active > 0)) app.ui.show_filters = !app.ui.show_filters;
        if (portrait) {
            ImGui::SameLine();
            if (ImGui::Button("##panel", ImVec2(44, 40))) app.ui.panel_expanded = !app.ui.panel_expanded;
            // A chevron: up = expand the panel over the map, down = give the map back.
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
            const float d = app.ui.panel_expanded ? 4.0f : -4.0f;
            ImGui::GetWindowDrawList()->AddPolyline(
                std::array<ImVec2, 3>{ImVec2(c.x - 8, c.y - d), ImVec2(c.x, c.y + d), ImVec2(c.x + 8, c.y - d)}.data(), 3,
                CurrentTheme().text, 0, 2.0f);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(app.ui.panel_expanded ? Str::ShowMap : Str::ShowPanel, lang));
        }
        DrawLocalEditsBar(app);
        if (app.ui.show_filters) DrawFilters(app);
        if (app.selected < 0 && app.ui.query.empty()) DrawTabs(app);
    }
    const float measured = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y - ImGui::GetStyle().ItemSpacing.y;
    if (measured != app.ui.panel_top_h) {
        app.ui.panel_top_h = measured;
        RequestRedraw(app);
    }
    ImGui::EndChild();

    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + top_h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 8));
    ImGui::BeginChild("panel", ImVec2(size.x, size.y - top_h), ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NavFlattened);
    if (app.nav_panel_request) {  // 'P': the keyboard moves here, onto the first control
        app.nav_panel_request = false;
        app.nav_panel = true;
        RequestRedraw(app);  // the focus lands next frame
        ImGui::SetWindowFocus();
        ImGui::SetKeyboardFocusHere();
    }
    if (app.has_data) {
        if (app.selected >= 0 && app.selected < static_cast<int>(app.data.areas.size())) DrawAreaDetail(app, app.selected);
        else if (!app.ui.query.empty()) DrawSearchResults(app);
        else if (app.ui.tab == PanelTab::Compare) DrawCompare(app);
        else DrawOverview(app);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(3);
}

}  // namespace jcm
