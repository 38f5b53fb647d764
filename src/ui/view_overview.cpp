// view_overview.cpp: the city overview (nothing selected): the campaign and where it stands in
// its period, totals, goals by category, status mix, the areas ranked with their goals by
// category, a timeline when the data has dated progress reports, and the provenance.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/campaign.h"
#include "platform/platform.h"
#include "ui/charts.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace jcm {
namespace {

// A number over its caption, in a tile of the given width.
// A number over its caption, in a tile of the given width and height; the caption wraps.
void StatTile(AppState& app, const char* value, const char* caption, float width, float height) {
    ImGui::BeginGroup();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + width, p.y + height), CurrentTheme().surface, 8.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + 6));
    ImGui::PushFont(app.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent));
    ImGui::TextUnformatted(value);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(p.x + 12, ImGui::GetCursorScreenPos().y));
    ImGui::PushFont(app.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().text_muted));
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width - 24);
    ImGui::TextUnformatted(caption);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(p);
    ImGui::Dummy(ImVec2(width, height));
    ImGui::EndGroup();
    char name[256];
    std::snprintf(name, sizeof name, "%s %s", value, caption);
    RecordItem(app, Role::Text, name);
}

// The height that fits the tallest caption wrapped in a tile of `width`.
float TileHeight(const AppState& app, const char* const* captions, int n, float width) {
    ImGui::PushFont(app.fonts.small);
    float caption_h = 0;
    for (int i = 0; i < n; ++i) caption_h = std::max(caption_h, ImGui::CalcTextSize(captions[i], nullptr, false, width - 24).y);
    ImGui::PopFont();
    ImGui::PushFont(app.fonts.heading);
    const float value_h = ImGui::GetTextLineHeightWithSpacing();
    ImGui::PopFont();
    return 6 + value_h + caption_h + 10;
}

void DrawPeriod(AppState& app) {
    const Campaign& c = app.data.campaign;
    const Lang lang = app.lang;
    const PeriodInfo p = CampaignPeriod(c, app.ui.today);
    char buf[192];
    switch (p.state) {
        case PeriodState::Unknown:
            if (!c.period_as_stated.Empty())
                std::snprintf(buf, sizeof buf, lang == Lang::Zh ? "%s%s%s\xEF\xBC\x88%s\xEF\xBC\x89" : "%s%s%s (%s)",  // （）
                              Tr(Str::Period, lang), LabelColon(lang), c.period_as_stated.Get(lang).c_str(), Tr(Str::DatesNotStated, lang));
            else std::snprintf(buf, sizeof buf, "%s%s%s", Tr(Str::Period, lang), LabelColon(lang), Tr(Str::DatesNotStated, lang));
            UiText(app, buf, TextTone::Muted);
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
    UiText(app, buf);
    // Progress through the period.
    const float frac = p.state == PeriodState::During ? static_cast<float>(p.day) / static_cast<float>(p.total_days)
                                                       : (p.state == PeriodState::After ? 1.0f : 0.0f);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent));
    ImGui::ProgressBar(frac, ImVec2(-1, 6), "");
    ImGui::PopStyleColor();
}

// Shown from two report dates on: with one there is nothing to replay (a lone slider at
// "Latest" looked like a button; the "data as of" line already gives the date).
void DrawTimeline(AppState& app) {
    DashboardState& ui = app.ui;
    if (ui.report_dates.size() < 2) return;
    const int n = static_cast<int>(ui.report_dates.size());
    int v = ui.timeline < 0 ? n - 1 : ui.timeline;
    // The day chosen is said beside the label, not on the slider (there it lay half under the
    // grab, dark on red).
    char label[96];
    std::snprintf(label, sizeof label, "%s · %s", Tr(Str::Timeline, app.lang),
                  ui.timeline < 0 ? Tr(Str::Latest, app.lang) : ui.report_dates[static_cast<size_t>(v)].c_str());
    UiLabel(app, label, TextTone::Muted);
    ImGui::SetNextItemWidth(-1);
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 28.0f);
    if (UiSliderInt(app, "##timeline", Tr(Str::Timeline, app.lang), &v, 0, n - 1, "")) {
        ui.timeline = v == n - 1 ? -1 : v;
        RefreshStats(app);
    }
    ImGui::PopStyleVar();
}

void DrawStatusMix(AppState& app) {
    const GoalCounts& t = app.stats.total;
    const Lang lang = app.lang;
    const char* labels[kStatusCount];
    ImU32 colors[kStatusCount];
    const Status* order = kStatusShown;
    int values[kStatusCount];
    for (int i = 0; i < kStatusCount; ++i) {
        const int s = static_cast<int>(order[i]);
        values[i] = t.by_status[s];
        colors[i] = CurrentTheme().status[s];
        labels[i] = StatusName(order[i], lang);
    }
    StackedBar("##status", values, colors, labels, kStatusCount, 0, ImVec2(ImGui::GetContentRegionAvail().x, 14),
               LabelColon(lang));
    // The legend flows onto as many lines as it needs.
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    char buf[96];
    const ImVec2 list_min = ImGui::GetCursorScreenPos();
    SemBegin(app, Role::List, Tr(Str::StatusMix, lang), list_min, ImVec2(right, list_min.y + 1));
    for (int i = 0; i < kStatusCount; ++i) {
        std::snprintf(buf, sizeof buf, "%s %d", labels[i], values[i]);
        if (i > 0) SameLineOrWrap(ImGui::GetTextLineHeight() * 0.6f + 6 + ImGui::CalcTextSize(buf).x, 14);
        LegendItem(colors[i], labels[i], values[i]);
        RecordItem(app, Role::ListItem, buf);
    }
    SemEnd(app);
    if (t.by_status[static_cast<int>(Status::NotReported)] == t.goals && t.goals > 0)
        UiText(app, Tr(Str::NoProgressReported, lang), TextTone::Muted);
}

// Goals by category, largest first: a bar per category. Names that do not fit beside their bar
// go on their own line above it (narrow panels, English).
void DrawCategories(AppState& app) {
    const Dataset& d = app.data;
    const Lang lang = app.lang;
    const CampaignStats& s = app.stats;
    int max = 1;
    for (int c : s.per_category) max = c > max ? c : max;
    const float w = ImGui::GetContentRegionAvail().x;
    const float label_w = w * 0.45f;
    bool stacked = false;
    for (const Category& c : d.categories) stacked |= TextCut(c.name.Get(lang).c_str(), label_w - 6);
    const float h = ImGui::GetTextLineHeight();
    char buf[192];
    const ImVec2 list_min = ImGui::GetCursorScreenPos();
    SemBegin(app, Role::List, Tr(Str::GoalsByCategory, lang), list_min, ImVec2(list_min.x + w, list_min.y + 1));
    // Largest first, by repeated passes over the (short) category list: no allocation.
    for (int value = max; value >= 1; --value) {
        for (size_t i = 0; i < d.categories.size(); ++i) {
            if (s.per_category[i] != value) continue;
            const char* name = d.categories[i].name.Get(lang).c_str();
            const ImVec2 p = ImGui::GetCursorScreenPos();
            // Stacked: the name wraps over the full width, the bar below it.
            const float name_h = stacked ? ImGui::CalcTextSize(name, nullptr, false, w).y : 0.0f;
            const float row_h = name_h + h + 6;
            ImGui::PushID(static_cast<int>(i));
            ImGui::InvisibleButton("##cat", ImVec2(w, row_h));
            const bool hovered = ImGui::IsItemHovered();
            ImGui::PopID();
            std::snprintf(buf, sizeof buf, "%s: %d", name, value);
            RecordItem(app, Role::ListItem, buf);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float bar_x = stacked ? p.x : p.x + label_w;
            const float bar_y = p.y + name_h;
            if (stacked) dl->AddText(nullptr, 0.0f, ImVec2(p.x, p.y), CurrentTheme().text, name, nullptr, w);
            else dl->AddText(ImVec2(p.x, p.y + 3), CurrentTheme().text, name);
            const float bw = (p.x + w - bar_x - 36) * static_cast<float>(value) / static_cast<float>(max);
            dl->AddRectFilled(ImVec2(bar_x, bar_y + 5), ImVec2(bar_x + bw, bar_y + h + 1), CategoryColor(d, static_cast<int>(i)), 2.0f);
            std::snprintf(buf, sizeof buf, "%d", value);
            dl->AddText(ImVec2(bar_x + bw + 6, bar_y + 3), CurrentTheme().text_muted, buf);
            if (hovered) ImGui::SetTooltip("%s: %d", name, value);
        }
    }
    SemEnd(app);
}

// How a ranked row is laid out: its name beside its bar (or its words); its name on a line of its
// own above the bar (some names do not fit beside the bars); a row with no bar whose name and
// words fit side by side on one line (stacked, seven such rows took most of a phone's panel).
enum RankedLayout : uint8_t { kNameBeside, kNameAbove, kOneLine };

float RankedNameWidth(float w) { return std::min(150.0f, w * 0.38f); }

// The ranked rows (DashboardState::ranked_*), made again when what they show changes.
void RankAreas(AppState& app, float w) {
    DashboardState& ui = app.ui;
    const Lang lang = app.lang;
    // (The fonts' sizes and scale change only with a bake: Fonts::bakes.)
    if (ui.ranked_data == app.data_generation && ui.ranked_stats == app.stats_version && ui.ranked_lang == lang &&
        ui.ranked_width == w && ui.ranked_bakes == app.fonts.bakes)
        return;
    ui.ranked_data = app.data_generation, ui.ranked_stats = app.stats_version, ui.ranked_lang = lang;
    ui.ranked_bakes = app.fonts.bakes, ui.ranked_width = w;
    const Dataset& d = app.data;
    const CampaignStats& s = app.stats;
    const int n = static_cast<int>(d.areas.size());
    bool stacked = false;
    for (const Area& a : d.areas) stacked |= TextCut(a.name.Get(lang).c_str(), RankedNameWidth(w) - 12);
    ui.ranked_areas.clear();
    ui.ranked_text.clear();
    ui.ranked_layout.clear();
    for (int goals = s.max_goals_per_area; goals >= 0; --goals) {
        for (int i = 0; i < n; ++i) {
            const size_t ui_i = static_cast<size_t>(i);
            if (s.per_area[ui_i].goals != goals || !s.area_kept[ui_i]) continue;
            const std::string& name = d.areas[ui_i].name.Get(lang);
            char count[96];
            AreaCountText(app, i, count, sizeof count);
            const bool one_line = stacked && goals == 0 && ImGui::CalcTextSize(name.c_str()).x + ImGui::CalcTextSize(count).x + 30.0f <= w;
            ui.ranked_areas.push_back(i);
            ui.ranked_text.push_back(name + ": " + count);
            ui.ranked_layout.push_back(!stacked ? kNameBeside : one_line ? kOneLine : kNameAbove);
        }
    }
}

// Areas ranked by goals (under the filters); each row a stacked bar of its goals by category.
void DrawAreasRanked(AppState& app) {
    const Dataset& d = app.data;
    const Lang lang = app.lang;
    const CampaignStats& s = app.stats;
    const int nc = static_cast<int>(d.categories.size());
    const float w = ImGui::GetContentRegionAvail().x;
    const float name_w = RankedNameWidth(w);
    RankAreas(app, w);
    const DashboardState& ui = app.ui;
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
    const float line_h = ImGui::GetTextLineHeight();
    const ImVec2 list_min = ImGui::GetCursorScreenPos();
    SemBegin(app, Role::List, Tr(Str::GoalsPerArea, lang), list_min, ImVec2(list_min.x + w, list_min.y + 1));
    for (size_t r = 0; r < ui.ranked_areas.size(); ++r) {
        const int i = ui.ranked_areas[r];
        const size_t ui_i = static_cast<size_t>(i);
        const std::string& name = d.areas[ui_i].name.Get(lang);
        const std::string& text = ui.ranked_text[r];  // "name: count"
        const char* count = text.c_str() + name.size() + 2;
        const int goals = s.per_area[ui_i].goals;
        const bool one_line = ui.ranked_layout[r] == kOneLine, two_lines = ui.ranked_layout[r] == kNameAbove;
        ImGui::PushID(i);
        const ImVec2 row = ImGui::GetCursorScreenPos();
        const float name_h = two_lines ? line_h + 6 : 0.0f;
        const float row_h = 34.0f + name_h;
        if (UiSelectable(app, Role::ListItem, "##area", text, app.selected == i, ImGuiSelectableFlags_AllowOverlap, ImVec2(0, row_h)))
            SelectArea(app, i);
        if (ImGui::IsItemHovered()) app.map.list_hovered = i;
        // A row scrolled out of the panel keeps its item (screen readers, keyboard navigation)
        // but draws nothing: with thousands of areas the bars were 57,000 vertices a frame.
        if (!ImGui::IsRectVisible(row, ImVec2(row.x + w, row.y + row_h))) {
            ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + row_h + ImGui::GetStyle().ItemSpacing.y));
            ImGui::PopID();
            continue;
        }
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float bar_x = one_line ? row.x + w - 6 - ImGui::CalcTextSize(count).x : two_lines ? row.x + 6 : row.x + name_w;
        const float ty = row.y + name_h + (34.0f - line_h) * 0.5f;
        if (two_lines) dl->AddText(ImVec2(row.x + 6, row.y + 6), CurrentTheme().text, name.c_str());
        else dl->AddText(ImVec2(row.x + 6, ty), CurrentTheme().text, name.c_str());
        if (goals > 0) {
            ImGui::SetCursorScreenPos(ImVec2(bar_x, row.y + name_h + 10));
            const float bar_w = (row.x + w - bar_x - 36) * static_cast<float>(goals) / static_cast<float>(s.max_goals_per_area);
            StackedBar("##mix", s.area_category[ui_i].data(), colors, labels, segs, 0, ImVec2(bar_w < 4 ? 4 : bar_w, 14),
                       LabelColon(app.lang));
            std::snprintf(buf, sizeof buf, "%d", goals);
            dl->AddText(ImVec2(bar_x + bar_w + 6, ty), CurrentTheme().text, buf);
        } else {
            dl->AddText(ImVec2(bar_x, ty), CurrentTheme().text_muted, count);
        }
        ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + row_h + ImGui::GetStyle().ItemSpacing.y));
        ImGui::PopID();
    }
    SemEnd(app);
}

// When the data was last brought up to date, as the data says it: its `as_of`, else the newest
// progress report (published or recorded here), else the report's publication date; nothing
// when none is known.
void DrawDataDate(AppState& app) {
    char buf[128];
    if (DataDateText(app, app.lang, buf, sizeof buf)) UiText(app, buf, TextTone::Muted);
}

}  // namespace

bool DataDateText(const AppState& app, Lang lang, char* out, size_t size) {
    const Dataset& d = app.data;
    // A date chosen on the timeline: the statuses shown (and printed) are those of that day.
    if (app.ui.timeline >= 0) std::snprintf(out, size, Tr(Str::StatusOnTimeline, lang), TimelineDate(app).c_str());
    else if (!d.as_of.empty()) std::snprintf(out, size, Tr(Str::DataAsOf, lang), d.as_of.c_str());
    else if (!app.ui.report_dates.empty()) std::snprintf(out, size, Tr(Str::DataAsOfReport, lang), app.ui.report_dates.back().c_str());
    else if (!d.source.published.empty()) std::snprintf(out, size, Tr(Str::ReportPublished, lang), d.source.published.c_str());
    else return false;
    return true;
}

void DrawOverview(AppState& app) {
    const Dataset& d = app.data;
    const Lang lang = app.lang;
    char buf[160];

    UiHeading(app, d.campaign.name.Get(lang).c_str(), 2, app.fonts.heading);
    UiText(app, d.campaign.asks.Get(lang).c_str());
    DrawPeriod(app);
    DrawDataDate(app);
    DrawTimeline(app);

    ImGui::Spacing();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const int columns = avail > 520 ? 4 : 2;
    const float tile_w = (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const CampaignStats& s = app.stats;
    struct Tile { int value; int of; Str caption; };
    const Tile tiles[4] = {{s.areas_reporting, s.areas_kept, Str::AreasWithGoals},
                           {s.total.goals, -1, Str::Goals},
                           {s.total.targets, -1, Str::Targets},
                           {s.total.projects, -1, Str::Projects}};
    const char* captions[4];
    for (int i = 0; i < 4; ++i) captions[i] = Tr(tiles[i].caption, lang);
    const float tile_h = TileHeight(app, captions, 4, tile_w);
    for (int i = 0; i < 4; ++i) {
        if (i % columns != 0) ImGui::SameLine();
        if (tiles[i].of >= 0) std::snprintf(buf, sizeof buf, "%d/%d", tiles[i].value, tiles[i].of);
        else std::snprintf(buf, sizeof buf, "%d", tiles[i].value);
        StatTile(app, buf, captions[i], tile_w, tile_h);
    }

    if (s.total.goals == 0 && !app.ui.filter.Empty()) {
        // Filters that leave no goal say so, with the way out, rather than empty sections.
        ImGui::Spacing();
        UiText(app, Tr(Str::NoGoalsMatch, lang), TextTone::Muted);
        if (UiLink(app, Tr(Str::ClearFilters, lang))) ClearFilters(app);
    } else {
        SectionHeading(app, Tr(Str::StatusMix, lang));
        DrawStatusMix(app);
        // Categories first: their colours are the legend of the per-area bars below.
        SectionHeading(app, Tr(Str::GoalsByCategory, lang));
        DrawCategories(app);
        SectionHeading(app, Tr(Str::GoalsPerArea, lang));
        DrawAreasRanked(app);
    }

    SectionHeading(app, Tr(Str::Source, lang));
    UiText(app, d.source.title.Get(lang).c_str());
    UiText(app, d.source.outlet.Get(lang).c_str(), TextTone::Muted);
    if (!d.source.published.empty()) {
        std::snprintf(buf, sizeof buf, Tr(Str::ReportPublished, lang), d.source.published.c_str());
        UiText(app, buf, TextTone::Muted);
    }
    // The report itself, where the data says where it was published (an outside web address).
    if (d.source.url.rfind("https://", 0) == 0 || d.source.url.rfind("http://", 0) == 0) {
        if (UiLink(app, Tr(Str::OpenReport, lang), Role::Link)) platform::OpenUrl(d.source.url);
    }
    if (!d.source.reporter.Empty()) {
        std::snprintf(buf, sizeof buf, "%s%s%s", Tr(Str::Reporter, lang), LabelColon(lang), d.source.reporter.Get(lang).c_str());
        UiText(app, buf, TextTone::Muted);
    }
    std::snprintf(buf, sizeof buf, "%s%s%s", Tr(Str::BoundariesFrom, lang), LabelColon(lang), d.boundary_source.name.Get(lang).c_str());
    UiText(app, buf, TextTone::Muted);
    ImGui::PushFont(app.fonts.small);
    UiLabel(app, Tr(Str::Licence, lang), TextTone::Muted);
    UiText(app, d.boundary_source.licence.c_str(), TextTone::Muted);
    ImGui::PopFont();
}

}  // namespace jcm
