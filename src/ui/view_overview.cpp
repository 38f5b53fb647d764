// view_overview.cpp: the city overview (nothing selected): the campaign and where it stands in
// its period, totals, goals by category, status mix, the areas ranked with their goals by
// category, a timeline when the data has dated progress reports, and the provenance.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/campaign.h"
#include "ui/charts.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace jcm {
namespace {

// A number over its caption, in a tile of the given width.
void StatTile(const AppState& app, const char* value, const char* caption, float width) {
    ImGui::BeginGroup();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeightWithSpacing() * 2.7f;
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + width, p.y + h), CurrentTheme().surface, 8.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + 6));
    ImGui::PushFont(app.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent));
    ImGui::TextUnformatted(value);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(p.x + 12, ImGui::GetCursorScreenPos().y));
    ImGui::PushFont(app.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().text_muted));
    ImGui::TextUnformatted(caption);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(p);
    ImGui::Dummy(ImVec2(width, h));
    ImGui::EndGroup();
}

void DrawPeriod(const AppState& app) {
    const Campaign& c = app.data.campaign;
    const Lang lang = app.lang;
    const PeriodInfo p = CampaignPeriod(c, app.ui.today);
    char buf[192];
    switch (p.state) {
        case PeriodState::Unknown:
            if (!c.period_as_stated.Empty())
                std::snprintf(buf, sizeof buf, "%s: %s (%s)", Tr(Str::Period, lang), c.period_as_stated.Get(lang).c_str(),
                              Tr(Str::DatesNotStated, lang));
            else std::snprintf(buf, sizeof buf, "%s: %s", Tr(Str::Period, lang), Tr(Str::DatesNotStated, lang));
            TextWrappedMuted(buf);
            return;
        case PeriodState::Before:
            std::snprintf(buf, sizeof buf, Tr(Str::StartsIn, lang), p.days_left);
            break;
        case PeriodState::After:
            std::snprintf(buf, sizeof buf, Tr(Str::Finished, lang), p.days_since_end);
            break;
        case PeriodState::During: {
            char left[64];
            std::snprintf(left, sizeof left, Tr(Str::DaysLeft, lang), p.days_left);
            std::snprintf(buf, sizeof buf, Tr(Str::DayOf, lang), p.day, p.total_days);
            const size_t n = std::strlen(buf);
            std::snprintf(buf + n, sizeof buf - n, " · %s", left);
            break;
        }
    }
    std::snprintf(buf + std::strlen(buf), sizeof buf - std::strlen(buf), "  (%s – %s)", c.start.c_str(), c.end.c_str());
    ImGui::TextUnformatted(buf);
    // Progress through the period.
    const float frac = p.state == PeriodState::During ? static_cast<float>(p.day) / static_cast<float>(p.total_days)
                                                       : (p.state == PeriodState::After ? 1.0f : 0.0f);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent));
    ImGui::ProgressBar(frac, ImVec2(-1, 6), "");
    ImGui::PopStyleColor();
}

void DrawTimeline(AppState& app) {
    DashboardState& ui = app.ui;
    if (ui.report_dates.empty()) return;
    const int n = static_cast<int>(ui.report_dates.size());
    int v = ui.timeline < 0 ? n - 1 : ui.timeline;
    ImGui::TextDisabled("%s", Tr(Str::Timeline, app.lang));
    ImGui::SetNextItemWidth(-1);
    const char* label = ui.timeline < 0 ? Tr(Str::Latest, app.lang) : ui.report_dates[static_cast<size_t>(v)].c_str();
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 28.0f);
    if (ImGui::SliderInt("##timeline", &v, 0, n - 1, label)) {
        ui.timeline = v == n - 1 ? -1 : v;
        RefreshStats(app);
    }
    ImGui::PopStyleVar();
}

void DrawStatusMix(const AppState& app) {
    const GoalCounts& t = app.stats.total;
    const Lang lang = app.lang;
    const char* labels[kStatusCount];
    ImU32 colors[kStatusCount];
    // Worst first: red, yellow, green, done, then not reported.
    const Status order[kStatusCount] = {Status::Red, Status::Yellow, Status::Green, Status::Done, Status::NotReported};
    int values[kStatusCount];
    for (int i = 0; i < kStatusCount; ++i) {
        const int s = static_cast<int>(order[i]);
        values[i] = t.by_status[s];
        colors[i] = CurrentTheme().status[s];
        labels[i] = StatusName(order[i], lang);
    }
    StackedBar("##status", values, colors, labels, kStatusCount, 0, ImVec2(ImGui::GetContentRegionAvail().x, 14));
    for (int i = 0; i < kStatusCount; ++i) {
        if (i > 0) ImGui::SameLine(0, 14);
        LegendItem(colors[i], labels[i], values[i]);
    }
    if (t.by_status[static_cast<int>(Status::NotReported)] == t.goals && t.goals > 0)
        TextWrappedMuted(Tr(Str::NoProgressReported, lang));
}

void DrawCategories(const AppState& app) {
    const Dataset& d = app.data;
    const Lang lang = app.lang;
    const CampaignStats& s = app.stats;
    int max = 1;
    for (int c : s.per_category) max = c > max ? c : max;
    const float w = ImGui::GetContentRegionAvail().x;
    const float label_w = w * 0.45f;
    char buf[16];
    // Largest first, by repeated passes over the (short) category list: no allocation.
    for (int value = max; value >= 1; --value) {
        for (size_t i = 0; i < d.categories.size(); ++i) {
            if (s.per_category[i] != value) continue;
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetTextLineHeight();
            ImGui::PushID(static_cast<int>(i));
            ImGui::InvisibleButton("##cat", ImVec2(w, h + 6));
            const bool hovered = ImGui::IsItemHovered();
            ImGui::PopID();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const char* name = d.categories[i].name.Get(lang).c_str();
            dl->PushClipRect(p, ImVec2(p.x + label_w - 6, p.y + h + 6), true);
            dl->AddText(ImVec2(p.x, p.y + 3), CurrentTheme().text, name);
            dl->PopClipRect();
            const float bw = (w - label_w - 36) * static_cast<float>(value) / static_cast<float>(max);
            dl->AddRectFilled(ImVec2(p.x + label_w, p.y + 5), ImVec2(p.x + label_w + bw, p.y + h + 1),
                              CategoryColor(d, static_cast<int>(i)), 2.0f);
            std::snprintf(buf, sizeof buf, "%d", value);
            dl->AddText(ImVec2(p.x + label_w + bw + 6, p.y + 3), CurrentTheme().text_muted, buf);
            if (hovered) ImGui::SetTooltip("%s: %d", name, value);
        }
    }
}

// Areas ranked by goals (under the filters); each row a stacked bar of its goals by category.
void DrawAreasRanked(AppState& app) {
    const Dataset& d = app.data;
    const Lang lang = app.lang;
    const CampaignStats& s = app.stats;
    const int n = static_cast<int>(d.areas.size());
    const int nc = static_cast<int>(d.categories.size());
    const float w = ImGui::GetContentRegionAvail().x;
    const float name_w = std::min(150.0f, w * 0.38f);
    // Labels and colours of the categories, once per frame in fixed buffers.
    constexpr int kMaxSegments = 32;
    const char* labels[kMaxSegments];
    ImU32 colors[kMaxSegments];
    const int segs = nc < kMaxSegments ? nc : kMaxSegments;
    for (int c = 0; c < segs; ++c) {
        labels[c] = d.categories[static_cast<size_t>(c)].name.Get(lang).c_str();
        colors[c] = CategoryColor(d, c);
    }
    char buf[32];
    for (int goals = s.max_goals_per_area; goals >= 0; --goals) {
        for (int i = 0; i < n; ++i) {
            const size_t ui = static_cast<size_t>(i);
            if (s.per_area[ui].goals != goals || !s.area_kept[ui]) continue;
            const Area& a = d.areas[ui];
            ImGui::PushID(i);
            const ImVec2 row = ImGui::GetCursorScreenPos();
            const float row_h = 34.0f;
            if (ImGui::Selectable("##area", app.selected == i, ImGuiSelectableFlags_AllowOverlap, ImVec2(0, row_h)))
                SelectArea(app, i);
            if (ImGui::IsItemHovered()) app.map.list_hovered = i;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float ty = row.y + (row_h - ImGui::GetTextLineHeight()) * 0.5f;
            dl->PushClipRect(row, ImVec2(row.x + name_w, row.y + row_h), true);
            dl->AddText(ImVec2(row.x + 6, ty), CurrentTheme().text, a.name.Get(lang).c_str());
            dl->PopClipRect();
            if (goals > 0) {
                ImGui::SetCursorScreenPos(ImVec2(row.x + name_w, row.y + 10));
                const float bar_w = (w - name_w - 36) * static_cast<float>(goals) / static_cast<float>(s.max_goals_per_area);
                StackedBar("##mix", s.area_category[ui].data(), colors, labels, segs, 0, ImVec2(bar_w < 4 ? 4 : bar_w, 14));
                std::snprintf(buf, sizeof buf, "%d", goals);
                dl->AddText(ImVec2(row.x + name_w + bar_w + 6, ty), CurrentTheme().text, buf);
            } else {
                const char* none = Tr(Str::NoGoalsReported, lang);
                dl->AddText(ImVec2(row.x + name_w, ty), CurrentTheme().text_muted, none);
            }
            ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + row_h + ImGui::GetStyle().ItemSpacing.y));
            ImGui::PopID();
        }
    }
}

}  // namespace

void DrawOverview(AppState& app) {
    const Dataset& d = app.data;
    const Lang lang = app.lang;
    char buf[160];

    ImGui::PushFont(app.fonts.heading);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(d.campaign.name.Get(lang).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(d.campaign.asks.Get(lang).c_str());
    ImGui::PopTextWrapPos();
    DrawPeriod(app);
    DrawTimeline(app);

    ImGui::Spacing();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const int columns = avail > 520 ? 4 : 2;
    const float tile_w = (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const CampaignStats& s = app.stats;
    struct Tile { int value; int of; Str caption; };
    const Tile tiles[4] = {{s.areas_reporting, s.areas_kept, Str::AreasReporting},
                           {s.total.goals, -1, Str::Goals},
                           {s.total.targets, -1, Str::Targets},
                           {s.total.projects, -1, Str::Projects}};
    for (int i = 0; i < 4; ++i) {
        if (i % columns != 0) ImGui::SameLine();
        if (tiles[i].of >= 0) std::snprintf(buf, sizeof buf, "%d/%d", tiles[i].value, tiles[i].of);
        else std::snprintf(buf, sizeof buf, "%d", tiles[i].value);
        StatTile(app, buf, Tr(tiles[i].caption, lang), tile_w);
    }

    SectionHeading(app, Tr(Str::StatusMix, lang));
    DrawStatusMix(app);
    // Categories first: their colours are the legend of the per-area bars below.
    SectionHeading(app, Tr(Str::GoalsByCategory, lang));
    DrawCategories(app);
    SectionHeading(app, Tr(Str::GoalsPerArea, lang));
    DrawAreasRanked(app);

    SectionHeading(app, Tr(Str::Source, lang));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(d.source.title.Get(lang).c_str());
    ImGui::PopTextWrapPos();
    TextWrappedMuted(d.source.outlet.Get(lang).c_str());
    if (!d.source.reporter.Empty()) {
        std::snprintf(buf, sizeof buf, "%s: %s", Tr(Str::Reporter, lang), d.source.reporter.Get(lang).c_str());
        TextWrappedMuted(buf);
    }
    std::snprintf(buf, sizeof buf, "%s: %s", Tr(Str::BoundariesFrom, lang), d.boundary_source.name.Get(lang).c_str());
    TextWrappedMuted(buf);
    std::snprintf(buf, sizeof buf, "%s: ", Tr(Str::Licence, lang));
    ImGui::PushFont(app.fonts.small);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s%s", buf, d.boundary_source.licence.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

}  // namespace jcm
