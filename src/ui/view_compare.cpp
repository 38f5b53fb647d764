// view_compare.cpp: all areas (kept by the filters) against their key figures, sortable by any
// column; a click on a row selects the area on the map.
#include <algorithm>
#include <cstdio>

#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace jcm {
namespace {

int Figure(const AppState& app, int area, CompareColumn col) {
    const GoalCounts& c = app.stats.per_area[static_cast<size_t>(area)];
    switch (col) {
        case CompareColumn::Goals: return c.goals;
        case CompareColumn::Targets: return c.targets;
        case CompareColumn::Projects: return c.projects;
        case CompareColumn::Programmes: return c.programmes;
        case CompareColumn::Reported: return c.goals - c.by_status[static_cast<int>(Status::NotReported)];
        default: return 0;
    }
}

// Rebuilds the row order for the current sort (when the sort, the data or the counts changed).
void SortRows(AppState& app) {
    DashboardState& ui = app.ui;
    const Dataset& d = app.data;
    ui.compare_order.clear();
    for (int i = 0; i < static_cast<int>(d.areas.size()); ++i)
        if (app.stats.area_kept[static_cast<size_t>(i)]) ui.compare_order.push_back(i);
    const CompareColumn col = ui.sort_column;
    const bool desc = ui.sort_descending;
    const Lang lang = app.lang;
    std::stable_sort(ui.compare_order.begin(), ui.compare_order.end(), [&](int a, int b) {
        int cmp;
        if (col == CompareColumn::Area) cmp = d.areas[static_cast<size_t>(a)].name.Get(lang).compare(d.areas[static_cast<size_t>(b)].name.Get(lang));
        else if (col == CompareColumn::Kind) cmp = d.areas[static_cast<size_t>(a)].kind.compare(d.areas[static_cast<size_t>(b)].kind);
        else cmp = Figure(app, a, col) - Figure(app, b, col);
        return desc ? cmp > 0 : cmp < 0;
    });
}

}  // namespace

void DrawCompare(AppState& app) {
    DashboardState& ui = app.ui;
    const Dataset& d = app.data;
    const Lang lang = app.lang;
    // Short headers: seven columns share a side panel.
    const Str headers[static_cast<int>(CompareColumn::Count_)] = {Str::Areas,          Str::Kind,           Str::MetricGoals,
                                                                   Str::MetricTargets,  Str::MetricProjects, Str::ShortProgrammes,
                                                                   Str::Reported};
    // Columns share the width (the name column gets more); below a minimum column width the
    // table scrolls sideways instead of squeezing.
    const float avail = ImGui::GetContentRegionAvail().x;
    const int ncol = static_cast<int>(CompareColumn::Count_);
    const float min_col = 44.0f;
    const float unit = std::max(min_col, (avail - 24.0f) / (static_cast<float>(ncol) + 1.2f));
    const bool narrow = unit * (static_cast<float>(ncol) + 1.2f) > avail - 24.0f + 0.5f;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_PadOuterX | ImGuiTableFlags_SizingFixedFit |
                                  (narrow ? ImGuiTableFlags_ScrollX : 0);
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    const bool open = ImGui::BeginTable("compare", static_cast<int>(CompareColumn::Count_), flags);
    if (!open) {
        ImGui::PopStyleVar();
        return;
    }
    if (narrow) ImGui::TableSetupScrollFreeze(1, 1);
    for (int c = 0; c < static_cast<int>(CompareColumn::Count_); ++c) {
        ImGuiTableColumnFlags cf = c >= static_cast<int>(CompareColumn::Goals) ? ImGuiTableColumnFlags_PreferSortDescending : 0;
        if (c == static_cast<int>(CompareColumn::Goals)) cf |= ImGuiTableColumnFlags_DefaultSort;
        ImGui::TableSetupColumn(Tr(headers[c], lang), cf | ImGuiTableColumnFlags_WidthFixed, c == 0 ? unit * 2.2f : unit,
                                static_cast<ImGuiID>(c));
    }
    ImGui::TableHeadersRow();

    bool resort = ui.compare_order.empty() || ui.compare_stats_version != app.stats_version || ui.compare_lang != lang;
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
        if (specs->SpecsDirty && specs->SpecsCount > 0) {
            ui.sort_column = static_cast<CompareColumn>(specs->Specs[0].ColumnUserID);
            ui.sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
            specs->SpecsDirty = false;
            resort = true;
        }
    }
    if (resort) {
        SortRows(app);
        app.summary_dirty = true;  // the summary lists the table in its order
        ui.compare_stats_version = app.stats_version;
        ui.compare_lang = lang;
    }

    char buf[16];
    const float row_h = 34.0f;  // tall enough to tap
    const float text_dy = (row_h - ImGui::GetTextLineHeight()) * 0.5f;
    for (int area : ui.compare_order) {
        const Area& a = d.areas[static_cast<size_t>(area)];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(area);
        if (ImGui::Selectable(a.name.Get(lang).c_str(), app.selected == area,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap, ImVec2(0, row_h)))
            SelectArea(app, area);
        if (ImGui::IsItemHovered()) app.map.list_hovered = area;
        ImGui::PopID();
        ImGui::TableSetColumnIndex(1);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + text_dy);
        ImGui::TextDisabled("%s", AreaKindName(app, a));
        for (int c = static_cast<int>(CompareColumn::Goals); c < static_cast<int>(CompareColumn::Count_); ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + text_dy);
            const int v = Figure(app, area, static_cast<CompareColumn>(c));
            std::snprintf(buf, sizeof buf, "%d", v);
            if (v == 0) ImGui::TextDisabled("%s", buf);
            else ImGui::TextUnformatted(buf);
        }
    }
    ImGui::EndTable();
    ImGui::PopStyleVar();
}

}  // namespace jcm
