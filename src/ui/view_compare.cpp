// view_compare.cpp: all areas (kept by the filters) against their key figures, sortable by any
// column; a click on a row selects the area on the map.
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "platform/platform.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace jcm {
namespace {

bool IsFigure(CompareColumn col) { return col != CompareColumn::Area && col != CompareColumn::Kind; }

int Figure(const AppState& app, int area, CompareColumn col) {
    const GoalCounts& c = app.stats.per_area[static_cast<size_t>(area)];
    switch (col) {
        case CompareColumn::Goals: return c.goals;
        case CompareColumn::Targets: return c.targets;
        case CompareColumn::Projects: return c.projects;
        case CompareColumn::Programmes: return c.programmes;
        case CompareColumn::Reported: return ReportedGoals(c);
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
    // Names sort as the language does (Chinese by pinyin), by the browser's collator; rows equal
    // in the sorted column follow by name too, A to Z either way.
    // (Made once per dataset and language: the browser's collator, not at each filter change.)
    const int rank_key = app.data_generation * 2 + (lang == Lang::En ? 1 : 0);
    if (ui.compare_rank_data != rank_key || ui.compare_name_rank.size() != d.areas.size()) {
        std::vector<std::string> names;
        for (const Area& a : d.areas) names.push_back(a.name.Get(lang));
        platform::CollationRanks(names, lang == Lang::Zh, &ui.compare_name_rank);
        ui.compare_rank_data = rank_key;
    }
    const std::vector<int>& rank = ui.compare_name_rank;
    // An area the report gives no goals for ("–") comes after those with figures, either way: a
    // count of 0 (under the filters) is a figure, "–" is none.
    const auto none = [&](int i) { return app.stats.all_goals[static_cast<size_t>(i)] == 0; };
    const bool by_figure = IsFigure(col);
    std::stable_sort(ui.compare_order.begin(), ui.compare_order.end(), [&](int a, int b) {
        if (by_figure && none(a) != none(b)) return none(b);
        const int by_name = rank[static_cast<size_t>(a)] - rank[static_cast<size_t>(b)];
        int cmp;
        if (col == CompareColumn::Area) cmp = by_name;
        else if (col == CompareColumn::Kind) cmp = d.areas[static_cast<size_t>(a)].kind.compare(d.areas[static_cast<size_t>(b)].kind);
        else cmp = Figure(app, a, col) - Figure(app, b, col);
        if (cmp == 0) return by_name < 0;
        return desc ? cmp > 0 : cmp < 0;
    });
}

}  // namespace

void DrawCompare(AppState& app) {
    DashboardState& ui = app.ui;
    const Dataset& d = app.data;
    const Lang lang = app.lang;
    const Str headers[static_cast<int>(CompareColumn::Count_)] = {Str::Areas,          Str::MetricGoals,       Str::MetricTargets,
                                                                   Str::MetricProjects, Str::ProgrammesColumn, Str::Reported,
                                                                   Str::Kind};
    const int ncol = static_cast<int>(CompareColumn::Count_);
    // Every column fits its header and values; the name column takes the widest name up to 40%
    // of the panel, longer names wrap in their row.
    // A table wider than the panel scrolls sideways with the names frozen on the left.
    const float avail = ImGui::GetContentRegionAvail().x;
    float name_w = ImGui::CalcTextSize(Tr(headers[0], lang)).x + ImGui::GetFontSize();
    for (int area = 0; area < static_cast<int>(d.areas.size()); ++area)
        name_w = std::max(name_w, ImGui::CalcTextSize(d.areas[static_cast<size_t>(area)].name.Get(lang).c_str()).x);
    name_w = std::min(name_w, std::max(avail * 0.4f, ImGui::CalcTextSize(Tr(headers[0], lang)).x + ImGui::GetFontSize()));
    // ImGui's sort arrow, at the right end of the sorted column's header (TableHeader).
    const float arrow = std::floor(ImGui::GetFontSize() * 0.65f + ImGui::GetStyle().FramePadding.x);
    // The figure columns' widths are given, not fitted: their figures are right-aligned, placed
    // by the column's width, which ImGui would then fit to them (and never narrow again). Each
    // is its header's or its widest figure's (the most digits), and the arrow's.
    float col_w[ncol] = {};  // 0: fitted by ImGui
    col_w[0] = name_w;
    for (int c = 1; c < ncol; ++c) {
        if (!IsFigure(static_cast<CompareColumn>(c))) continue;
        int most = 0;
        bool none = false;
        for (int area = 0; area < static_cast<int>(d.areas.size()); ++area) {
            if (!app.stats.area_kept[static_cast<size_t>(area)]) continue;
            if (app.stats.all_goals[static_cast<size_t>(area)] == 0) none = true;
            else most = std::max(most, Figure(app, area, static_cast<CompareColumn>(c)));
        }
        char widest[16];
        std::snprintf(widest, sizeof widest, "%d", most);
        float w = std::max(ImGui::CalcTextSize(Tr(headers[c], lang)).x, ImGui::CalcTextSize(widest).x);
        if (none) w = std::max(w, ImGui::CalcTextSize("\xe2\x80\x93").x);  // U+2013
        col_w[c] = std::ceil(w + arrow + 2.0f);  // (+2: digits of another figure may be a little wider)
    }
    const float row_min_h = 34.0f;  // tall enough to tap: the rows and the header row (sorts)
    // The whole table's height (rows with their cell padding and borders, the header, and a
    // horizontal scrollbar), so only the panel scrolls vertically.
    const float pad_y = ImGui::GetStyle().CellPadding.y * 2.0f + 1.0f;
    const float header_h = row_min_h + ImGui::GetStyle().CellPadding.y * 2.0f;  // as a row of one line
    float table_h = header_h + 1.0f + 8.0f;
    for (int area : ui.compare_order)
        table_h += std::max(row_min_h, ImGui::CalcTextSize(d.areas[static_cast<size_t>(area)].name.Get(lang).c_str(), nullptr, false, name_w).y + 12.0f) + pad_y;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_PadOuterX | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_NoHostExtendY;
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    const ImVec2 table_pos = ImGui::GetCursorScreenPos();
    const bool open = ImGui::BeginTable("compare", ncol, flags, ImVec2(avail, table_h + ImGui::GetStyle().ScrollbarSize));
    if (!open) {
        ImGui::PopStyleVar();
        return;
    }
    SemBegin(app, Role::Table, Tr(Str::TabCompare, lang), table_pos, ImVec2(table_pos.x + avail, table_pos.y + table_h));
    if (ui.panel_view_new) ImGui::SetScrollX(0.0f);  // a new view of it (view_panel.cpp): from its first columns
    ImGui::TableSetupScrollFreeze(1, 1);
    for (int c = 0; c < ncol; ++c) {
        ImGuiTableColumnFlags cf = IsFigure(static_cast<CompareColumn>(c)) ? ImGuiTableColumnFlags_PreferSortDescending : 0;
        if (c == static_cast<int>(CompareColumn::Goals)) cf |= ImGuiTableColumnFlags_DefaultSort;
        ImGui::TableSetupColumn(Tr(headers[c], lang), cf | ImGuiTableColumnFlags_WidthFixed, col_w[c], static_cast<ImGuiID>(c));
    }
    // The header row by hand, so each header is recorded (and sortable from the mirror), as tall
    // as a row. ImGui's TableHeader takes the whole row as its button but draws the label and
    // the sort arrow at the cursor, the top of the cell, and ends the cell RowMinHeight below it:
    // the cursor moves down by half the spare height and the row's minimum shrinks by as much, so
    // the label sits in the middle and the row keeps its height.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, header_h);
    const float header_dy = std::floor((header_h - ImGui::GetStyle().CellPadding.y * 2.0f - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::GetCurrentTable()->RowMinHeight = header_h - header_dy;
    SemBegin(app, Role::Row, Tr(Str::Areas, lang), table_pos, ImVec2(table_pos.x + avail, table_pos.y + header_h));
    int sort_request = -1;
    // Figures are right-aligned, their header too, ending where the arrow begins: digits line
    // up, and a column scrolled half under the names still shows its figures' ends.
    const auto align_right = [arrow](float width) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - arrow - width));
    };
    for (int c = 0; c < ncol; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const char* label = ImGui::TableGetColumnName(c);
        if (IsFigure(static_cast<CompareColumn>(c))) align_right(ImGui::CalcTextSize(label).x);
        const float label_x = ImGui::GetCursorScreenPos().x;
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + header_dy);
        // ImGui draws the sort arrow at the top of the line (made for its own font): here its label
        // and arrow are drawn unseen, then the label where ImGui puts it (cut with an ellipsis
        // before the arrow as it would) and the arrow in the middle of the line.
        const ImVec2 label_pos = ImGui::GetCursorScreenPos();
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
        ImGui::TableHeader(label);
        ImGui::PopStyleColor();
        {
            const ImRect cell = ImGui::TableGetCellBgRect(ImGui::GetCurrentTable(), c);
            const float ellipsis_max = std::max(cell.Max.x - arrow, label_pos.x), line_h = ImGui::GetTextLineHeight();
            ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), label_pos,
                                      ImVec2(ellipsis_max, label_pos.y + line_h + ImGui::GetStyle().FramePadding.y), ellipsis_max,
                                      ellipsis_max, label, nullptr, nullptr);
            if (static_cast<int>(ui.sort_column) == c) {
                const float h = ImGui::GetFontSize(), scale = 0.65f;  // (RenderArrow: its middle 0.5 * scale * h below pos.y)
                ImGui::RenderArrow(ImGui::GetWindowDrawList(), ImVec2(std::max(cell.Min.x, cell.Max.x - arrow), label_pos.y + line_h * 0.5f - h * 0.5f * scale),
                                   ImGui::GetColorU32(ImGuiCol_Text), ui.sort_descending ? ImGuiDir_Down : ImGuiDir_Up, scale);
            }
        }
        // As ImGui decides to end the label with an ellipsis: it must fit before the sort arrow.
        uint16_t f = kSemAction;
        if (label_x + ImGui::CalcTextSize(label).x + arrow > ImGui::GetItemRectMax().x + 0.5f) f |= kSemTruncated;
        if (static_cast<int>(ui.sort_column) == c) f |= ui.sort_descending ? kSemSortDescending : kSemSortAscending;
        RecordItem(app, Role::ColumnHeader, label, f);
        if (TakeActivation(app)) sort_request = c;
    }
    SemEnd(app);
    if (sort_request >= 0) {  // as a click on the header: the other direction if sorted by it already
        const bool same = static_cast<int>(ui.sort_column) == sort_request;
        const bool desc = same ? !ui.sort_descending : IsFigure(static_cast<CompareColumn>(sort_request));
        ImGui::TableSetColumnSortDirection(sort_request, desc ? ImGuiSortDirection_Descending : ImGuiSortDirection_Ascending, false);
    }

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
        ui.compare_stats_version = app.stats_version;
        ui.compare_lang = lang;
    }

    char buf[16];
    for (int area : ui.compare_order) {
        const Area& a = d.areas[static_cast<size_t>(area)];
        const char* name = a.name.Get(lang).c_str();
        const float row_h = std::max(row_min_h, ImGui::CalcTextSize(name, nullptr, false, name_w).y + 12.0f);
        const float text_dy = (row_h - ImGui::GetTextLineHeight()) * 0.5f;
        ImGui::TableNextRow(0, row_h);
        ImGui::TableSetColumnIndex(0);
        const ImVec2 cell = ImGui::GetCursorScreenPos();
        SemBegin(app, Role::Row, name, cell, ImVec2(cell.x + avail, cell.y + row_h));
        ImGui::PushID(area);
        if (UiSelectable(app, Role::Cell, "##row", name, app.selected == area,
                         ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap, ImVec2(0, row_h)))
            SelectArea(app, area);
        if (ImGui::IsItemHovered()) app.map.list_hovered = area;
        ImGui::PopID();
        // The name, wrapped within its column, over the selectable row.
        ImGui::SetCursorScreenPos(ImVec2(cell.x, cell.y + (row_h - ImGui::CalcTextSize(name, nullptr, false, name_w).y) * 0.5f));
        ImGui::PushTextWrapPos(cell.x + name_w - ImGui::GetWindowPos().x + ImGui::GetScrollX());  // wrap pos is window-local
        ImGui::TextUnformatted(name);
        ImGui::PopTextWrapPos();
        // An area the report gives no goals for (filters aside) shows "–", as the map and the
        // panel say "no goals reported" (AreaCountText), rather than a count of 0.
        const bool none = app.stats.all_goals[static_cast<size_t>(area)] == 0;
        for (int c = static_cast<int>(CompareColumn::Goals); c <= static_cast<int>(CompareColumn::Reported); ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + text_dy);
            const int v = Figure(app, area, static_cast<CompareColumn>(c));
            if (none) std::snprintf(buf, sizeof buf, "\xe2\x80\x93");  // U+2013
            else std::snprintf(buf, sizeof buf, "%d", v);
            align_right(ImGui::CalcTextSize(buf).x);
            if (v == 0) ImGui::TextDisabled("%s", buf);
            else ImGui::TextUnformatted(buf);
            RecordItem(app, Role::Cell, buf);
        }
        ImGui::TableSetColumnIndex(static_cast<int>(CompareColumn::Kind));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + text_dy);
        const char* kind = AreaKindName(app, a);
        ImGui::TextDisabled("%s", kind);
        RecordItem(app, Role::Cell, kind);
        SemEnd(app);
    }
    // More columns to the right: the table's visible edge fades into the panel, with a chevron in
    // the header row (in a row it read as that row's button, over its figure), so one reading on
    // a phone sees that the table goes on sideways (its scrollbar alone is easy to miss).
    const Theme& t = CurrentTheme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    const float right = wp.x + ws.x, bottom = wp.y + ws.y - ImGui::GetStyle().ScrollbarSize;
    // Within the table's visible part (the panel clips it: scrolled up, the hints were drawn over
    // the map's buttons), not a column's.
    const ImRect visible = ImGui::GetCurrentWindow()->InnerClipRect;
    dl->PushClipRect(ImMax(wp, visible.Min), ImMin(ImVec2(right, bottom), visible.Max), false);
    if (ImGui::GetScrollX() < ImGui::GetScrollMaxX() - 1.0f) {
        const float fade = 40.0f, rows_top = wp.y + header_h;
        const float cy = wp.y + header_h * 0.5f, r = ImGui::GetFontSize() * 0.3f, cx = right - 8.0f - r;
        // In the header the chevron has a ground of its own, the header fading into it (drawn
        // over a header's letters it read as one of them: "Pro›je").
        const ImU32 header_bg = ImGui::GetColorU32(ImGuiCol_TableHeaderBg);
        const float ground = cx - r - 6.0f;
        dl->AddRectFilledMultiColor(ImVec2(ground - fade * 0.5f, wp.y), ImVec2(ground, rows_top), header_bg & ~IM_COL32_A_MASK,
                                    header_bg, header_bg, header_bg & ~IM_COL32_A_MASK);
        dl->AddRectFilled(ImVec2(ground, wp.y), ImVec2(right, rows_top), header_bg);
        dl->AddRectFilledMultiColor(ImVec2(right - fade, rows_top + 1.0f), ImVec2(right, bottom), t.panel & ~IM_COL32_A_MASK, t.panel,
                                    t.panel, t.panel & ~IM_COL32_A_MASK);
        DrawChevron(dl, ImVec2(cx, cy), r, true, t.accent);
    }
    // Scrolled sideways: the names' column keeps its place over the figures passing under it,
    // with an edge and a soft shadow (without them, cut glyphs showed beside the names).
    if (ImGui::GetScrollX() > 0.5f) {
        const float x = std::floor(ImGui::GetCurrentTable()->Columns[0].MaxX) + 0.5f;
        dl->AddRectFilledMultiColor(ImVec2(x, wp.y), ImVec2(x + 6.0f, bottom), t.outline, t.outline & ~IM_COL32_A_MASK,
                                    t.outline & ~IM_COL32_A_MASK, t.outline);
        dl->AddLine(ImVec2(x, wp.y), ImVec2(x, bottom), t.outline, 1.0f);
    }
    dl->PopClipRect();
    SemEnd(app);
    ImGui::EndTable();
    ImGui::PopStyleVar();
}

}  // namespace jcm
