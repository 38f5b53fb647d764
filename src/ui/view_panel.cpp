// view_panel.cpp: the panel beside (or below) the map, and the small widgets the views share.
//
// Index:
//   [SECTION] Widgets     status dot, section heading, area kind names
//   [SECTION] Panel       search + filters on top, then detail / results / tabs
#include <algorithm>
#include <cmath>
#include <array>
#include <cstdio>

#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace jcm {

//-----------------------------------------------------------------------------
// [SECTION] Widgets
//-----------------------------------------------------------------------------

void StatusDot(Status s, float radius) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + radius, p.y + h * 0.5f), radius,
                                                CurrentTheme().status[static_cast<int>(s)]);
    ImGui::Dummy(ImVec2(radius * 2.0f, h));
}

void SectionHeading(AppState& app, const char* text) {
    ImGui::Spacing();
    ImGui::Spacing();
    UiHeading(app, text, 3, nullptr, TextTone::Accent);
    ImGui::Separator();
}

const char* AreaKindName(const AppState& app, const Area& area) {
    const int k = area.kind_index;  // resolved at load
    return k >= 0 ? app.data.area_kinds[static_cast<size_t>(k)].name.Get(app.lang).c_str() : area.kind.c_str();
}

void AreaCountText(const AppState& app, int area, char* out, size_t size) {
    const size_t i = static_cast<size_t>(area);
    const int goals = app.stats.per_area[i].goals;
    if (app.stats.all_goals[i] == 0) std::snprintf(out, size, "%s", Tr(Str::NoGoalsReported, app.lang));
    else if (goals == 0) std::snprintf(out, size, "%s", Tr(Str::NoneUnderFilters, app.lang));
    else std::snprintf(out, size, Count(Str::CountGoals, goals, app.lang), goals);
}

//-----------------------------------------------------------------------------
// [SECTION] Panel
//-----------------------------------------------------------------------------

namespace {

void DrawTabs(AppState& app) {
    const Str labels[2] = {Str::TabOverview, Str::TabCompare};
    const ImVec2 p = ImGui::GetCursorScreenPos();
    SemBegin(app, Role::TabList, Tr(Str::ViewTabs, app.lang), p, ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y + 40));
    for (int i = 0; i < 2; ++i) {
        if (i > 0) ImGui::SameLine();
        const bool on = static_cast<int>(app.ui.tab) == i;
        if (UiChip(app, Tr(labels[i], app.lang), on, 0, Role::Tab)) SetTab(app, static_cast<PanelTab>(i));
    }
    SemEnd(app);
}

// The grab bar on top of a portrait panel. Dragged, the sheet follows the pointer; released, it
// settles on the nearest position (or the next one in the direction it was flicked); tapped or
// activated from the keyboard, it moves up one position (from full, back to peek).
void DrawSheetHandle(AppState& app, ImVec2 pos, float width) {
    DashboardState& ui = app.ui;
    const ImGuiIO& io = ImGui::GetIO();
    const Theme& t = CurrentTheme();
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton("##sheet", ImVec2(width, kSheetHandle));
    const bool pressed_item = ImGui::IsItemActivated();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + kSheetHandle), t.panel);
    dl->AddLine(ImVec2(pos.x, pos.y), ImVec2(pos.x + width, pos.y), t.outline, 1.0f);
    dl->AddRectFilled(ImVec2(pos.x + width * 0.5f - 20, pos.y + 8), ImVec2(pos.x + width * 0.5f + 20, pos.y + 13), t.outline, 3.0f);
    RecordItem(app, Role::Button, Tr(Str::ResizePanel, app.lang), kSemAction);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float body_top = vp->WorkPos.y + 56.0f, body_h = vp->WorkSize.y - 56.0f;
    const Sheet order[3] = {Sheet::Peek, Sheet::Half, Sheet::Full};
    auto step_up = [&]() { ui.sheet = ui.sheet == Sheet::Full ? Sheet::Peek : order[static_cast<int>(ui.sheet) + 1]; };
    if (TakeActivation(app)) {
        step_up();
        RequestRedraw(app);
        return;
    }
    if (pressed_item) ui.sheet_grab = io.MousePos.y - pos.y;
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f)) {
        ui.sheet_drag_y = io.MousePos.y - ui.sheet_grab;
        RequestRedraw(app);
    }
    if (ImGui::IsItemDeactivated()) {
        if (ui.sheet_drag_y < 0) {
            step_up();  // a tap
        } else {  // the nearest position, or the next one the way it was flicked
            float best = 1e9f;
            Sheet nearest = ui.sheet;
            for (Sheet s : order) {
                const float d = std::fabs(SheetTop(app, s, body_top, body_h) - ui.sheet_drag_y);
                if (d < best) best = d, nearest = s;
            }
            const float flick = io.MouseDelta.y;
            if (flick < -6.0f && nearest != Sheet::Full && SheetTop(app, nearest, body_top, body_h) > ui.sheet_drag_y)
                nearest = order[static_cast<int>(nearest) + 1];
            else if (flick > 6.0f && nearest != Sheet::Peek && SheetTop(app, nearest, body_top, body_h) < ui.sheet_drag_y)
                nearest = order[static_cast<int>(nearest) - 1];
            ui.sheet = nearest;
        }
        ui.sheet_drag_y = -1;
        RequestRedraw(app);
    }
}

}  // namespace

void DrawPanel(AppState& app, ImVec2 pos, ImVec2 size, bool portrait) {
    const Lang lang = app.lang;
    SemBegin(app, Role::Region, Tr(Str::PanelRegion, lang), pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 12));
    // The fixed top: search, filter toggle, tabs (and, in portrait, the map/panel switch).
    // Its height is measured as it is drawn and used from the next frame (a child window sized
    // for its content would be a frame late too); a change asks for another frame, so the
    // layout settles at once. Capped so the content below keeps room (a taller top scrolls).
    if (portrait) {  // the sheet's handle: drag it (or swipe it) up and down; a tap steps it
        DrawSheetHandle(app, pos, size.x);
        pos.y += kSheetHandle;
        size.y -= kSheetHandle;
        ImGui::SetCursorScreenPos(pos);
    }
    const auto capped = [&](float h) { return std::min(h, std::max(size.y * 0.6f, size.y - 64.0f)); };
    const float top_h = capped(app.ui.panel_top_h);
    ImGui::BeginChild("panel-top", ImVec2(size.x, top_h), ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NavFlattened |
                          (top_h < app.ui.panel_top_h ? 0 : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse));
    app.map.list_hovered = -1;  // set again below by whichever row the pointer is over
    if (app.has_data) {
        // The filter chip says how many filters are on: the search field leaves room for it as it is.
        char label[64];
        const int active = static_cast<int>(app.ui.filter.categories.size() + app.ui.filter.area_kinds.size()) +
                           __builtin_popcount(app.ui.filter.statuses);
        if (active > 0) std::snprintf(label, sizeof label, "%s (%d)", Tr(Str::Filters, lang), active);
        else std::snprintf(label, sizeof label, "%s", Tr(Str::Filters, lang));
        const float filter_w = ImGui::CalcTextSize(label).x + 40.0f;
        const float toggle_w = portrait ? 44.0f : 0.0f;
        DrawSearchField(app, ImGui::GetContentRegionAvail().x - filter_w - toggle_w - (portrait ? 16.0f : 8.0f));
        ImGui::SameLine();
        if (UiChip(app, label, app.ui.show_filters || active > 0)) app.ui.show_filters = !app.ui.show_filters;
        if (portrait) {
            ImGui::SameLine();
            const bool full = app.ui.sheet == Sheet::Full;
            if (UiButton(app, "##panel", ImVec2(44, 40), Tr(full ? Str::ShowMap : Str::ShowPanel, lang),
                         static_cast<uint16_t>(kSemExpandable | (full ? kSemExpanded : 0))))
                app.ui.sheet = full ? Sheet::Half : Sheet::Full;
            // A chevron: up = pull the panel over the map, down = give the map back.
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
            const float d = full ? 4.0f : -4.0f;
            ImGui::GetWindowDrawList()->AddPolyline(
                std::array<ImVec2, 3>{ImVec2(c.x - 8, c.y - d), ImVec2(c.x, c.y + d), ImVec2(c.x + 8, c.y - d)}.data(), 3,
                CurrentTheme().text, 0, 2.0f);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(full ? Str::ShowMap : Str::ShowPanel, lang));
        }
        DrawLocalEditsBar(app);
        if (app.selected < 0 && app.ui.query.empty()) DrawTabs(app);
    }
    const float measured = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y - ImGui::GetStyle().ItemSpacing.y;
    // When the top grows or shrinks (the local records' bar comes or goes as a report is saved
    // or reverted), the content below moves by as much next frame: it is scrolled by as much in
    // the same frame, so what the person was reading stays where it was (as a browser's scroll
    // anchoring; not at the very top, where the top of the content stays in view).
    float shift = 0.0f;
    if (measured != app.ui.panel_top_h) {
        shift = capped(measured) - top_h;
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
        app.nav_focus_next = true;  // the first control recorded below takes the keyboard
    }
    if (shift != 0.0f && ImGui::GetScrollY() > 0.0f) ScrollWindowBy(shift);
    // A new view (another area, a tab, search results) starts at its top; so does the same view
    // in the other language, with the filters (at its top) shown or hidden, or in the other
    // layout (a tablet turned): the old offset landed mid-way through content that had moved.
    // (The comparison table's sideways offset too: view_compare.cpp.)
    const int page = app.selected >= 0 ? app.selected : !app.ui.query.empty() ? -3 : -1 - static_cast<int>(app.ui.tab);
    const int view = page * 8 + (app.lang == Lang::En ? 4 : 0) + (app.ui.show_filters ? 2 : 0) + (portrait ? 1 : 0);
    app.ui.panel_view_new = view != app.ui.panel_view;
    if (app.ui.panel_view_new) {
        app.ui.panel_view = view;
        app.ui.reveal_goal = -1;
        ImGui::SetScrollY(0.0f);
    }
    if (app.has_data) {
        // Filters scroll with the content below them (a fixed top would cut long chip lists).
        if (app.ui.show_filters) DrawFilters(app);
        if (app.selected >= 0 && app.selected < static_cast<int>(app.data.areas.size())) DrawAreaDetail(app, app.selected);
        else if (!app.ui.query.empty()) DrawSearchResults(app);
        else if (app.ui.tab == PanelTab::Compare) DrawCompare(app);
        else DrawOverview(app);
    }
    app.nav_focus_next = false;
    if (app.ui.reveal_goal >= 0) {  // a goal just recorded is kept in view for a few frames (view_detail.cpp)
        if (--app.ui.reveal_frames <= 0) app.ui.reveal_goal = -1;
        RequestRedraw(app);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(3);
    SemEnd(app);
}

}  // namespace jcm
