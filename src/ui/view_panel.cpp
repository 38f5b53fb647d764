// view_panel.cpp: the side panel: city overview (nothing selected) or one area's detail.
//
// Index:
//   [SECTION] Widgets     shared small widgets (muted text, status dot, link button, stat tile)
//   [SECTION] Overview    campaign, totals, areas ranked, provenance
//   [SECTION] Detail      one area: type, headline, goals by category with targets and quotes
//   [SECTION] Panel       chooses between them
#include <cstdio>
#include <cstring>

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
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor(2);
    return pressed;
}

namespace {

const char* KindName(const AppState& app, const std::string& kind) {
    const int k = app.data.FindAreaKind(kind);
    return k >= 0 ? app.data.area_kinds[static_cast<size_t>(k)].name.Get(app.lang).c_str() : kind.c_str();
}

// A number over its caption, in a tile of the given width.
void StatTile(const AppState& app, const char* value, const char* caption, float width) {
    ImGui::BeginGroup();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeightWithSpacing() * 2.6f;
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + width, p.y + h), IM_COL32(0xF6, 0xF3, 0xEE, 0xFF), 8.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + 6));
    ImGui::PushFont(app.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent));
    ImGui::TextUnformatted(value);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(p.x + 12, ImGui::GetCursorScreenPos().y));
    ImGui::PushFont(app.fonts.small);
    ImGui::TextDisabled("%s", caption);
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(p);
    ImGui::Dummy(ImVec2(width, h));
    ImGui::EndGroup();
}

void SectionHeading(const AppState& app, const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(app.fonts.body);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Separator();
}

//-----------------------------------------------------------------------------
// [SECTION] Overview
//-----------------------------------------------------------------------------

void DrawOverview(AppState& app) {
    const Dataset& d = app.data;
    const Lang lang = app.lang;
    char buf[128];

    ImGui::PushFont(app.fonts.heading);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(d.campaign.name.Get(lang).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(d.campaign.asks.Get(lang).c_str());
    ImGui::PopTextWrapPos();
    if (!d.campaign.period_as_stated.Empty()) {
        std::snprintf(buf, sizeof buf, "%s: ", Tr(Str::Period, lang));
        ImGui::TextDisabled("%s", buf);
        ImGui::SameLine(0, 0);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(d.campaign.period_as_stated.Get(lang).c_str());
        ImGui::PopTextWrapPos();
    }

    ImGui::Spacing();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const int columns = avail > 520 ? 4 : 2;
    const float tile_w = (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const CampaignStats& s = app.stats;
    struct Tile { int value; int of; Str caption; };
    const Tile tiles[4] = {{s.areas_reporting, static_cast<int>(d.areas.size()), Str::AreasReporting},
                           {s.total.goals, -1, Str::Goals},
                           {s.total.targets, -1, Str::Targets},
                           {s.total.projects, -1, Str::Projects}};
    for (int i = 0; i < 4; ++i) {
        if (i % columns != 0) ImGui::SameLine();
        if (tiles[i].of >= 0) std::snprintf(buf, sizeof buf, "%d/%d", tiles[i].value, tiles[i].of);
        else std::snprintf(buf, sizeof buf, "%d", tiles[i].value);
        StatTile(app, buf, Tr(tiles[i].caption, lang), tile_w);
    }

    SectionHeading(app, Tr(Str::Areas, lang));
    // Areas with goals first (most goals first), then the rest in data order. Small n: a
    // selection pass per rank, no allocation.
    const int n = static_cast<int>(d.areas.size());
    const float bar_max_w = ImGui::GetContentRegionAvail().x * 0.35f;
    for (int goals = s.max_goals_per_area; goals >= 0; --goals) {
        for (int i = 0; i < n; ++i) {
            if (s.per_area[static_cast<size_t>(i)].goals != goals) continue;
            const Area& a = d.areas[static_cast<size_t>(i)];
            ImGui::PushID(i);
            const ImVec2 row = ImGui::GetCursorScreenPos();
            const float row_h = ImGui::GetFrameHeight() + 4;
            if (ImGui::Selectable("##area", app.selected == i, 0, ImVec2(0, row_h))) SelectArea(app, i);
            const bool hovered = ImGui::IsItemHovered();
            if (hovered) app.map.list_hovered = i;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float text_y = row.y + (row_h - ImGui::GetTextLineHeight()) * 0.5f;
            dl->AddText(ImVec2(row.x + 8, text_y), CurrentTheme().text, a.name.Get(lang).c_str());
            const float right = row.x + ImGui::GetContentRegionAvail().x;
            if (goals > 0) {
                const float w = bar_max_w * static_cast<float>(goals) / static_cast<float>(s.max_goals_per_area);
                const float bar_x = right - bar_max_w - 48;
                dl->AddRectFilled(ImVec2(bar_x, row.y + row_h * 0.3f), ImVec2(bar_x + w, row.y + row_h * 0.7f),
                                  ScaleColor(CurrentTheme(), goals, s.max_goals_per_area), 3.0f);
                std::snprintf(buf, sizeof buf, "%d", goals);
                dl->AddText(ImVec2(right - 40, text_y), CurrentTheme().text, buf);
            } else {
                const char* none = Tr(Str::NoGoalsReported, lang);
                const float tw = ImGui::CalcTextSize(none).x;
                dl->AddText(ImVec2(right - tw - 8, text_y), CurrentTheme().text_muted, none);
            }
            ImGui::PopID();
        }
    }

    SectionHeading(app, Tr(Str::Source, lang));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(d.source.title.Get(lang).c_str());
    ImGui::PopTextWrapPos();
    std::snprintf(buf, sizeof buf, "%s", d.source.outlet.Get(lang).c_str());
    TextWrappedMuted(buf);
    if (!d.source.reporter.Empty()) {
        std::snprintf(buf, sizeof buf, "%s: %s", Tr(Str::Reporter, lang), d.source.reporter.Get(lang).c_str());
        TextWrappedMuted(buf);
    }
    std::snprintf(buf, sizeof buf, "%s: %s (%s)", Tr(Str::BoundariesFrom, lang),
                  d.boundary_source.name.Get(lang).c_str(), d.boundary_source.licence.c_str());
    TextWrappedMuted(buf);
}

//-----------------------------------------------------------------------------
// [SECTION] Detail
//-----------------------------------------------------------------------------

void DrawGoal(AppState& app, const Goal& g, int index) {
    const Lang lang = app.lang;
    char buf[256];
    ImGui::PushID(index);
    StatusDot(g.status, 6.0f);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", StatusName(g.status, lang));
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(g.title.Get(lang).c_str());
    ImGui::PopTextWrapPos();
    const float indent = 22.0f;
    ImGui::Indent(indent);
    ImGui::PushFont(app.fonts.small);
    std::snprintf(buf, sizeof buf, "%s · %s", GoalKindName(g.kind, lang), StatusName(g.status, lang));
    ImGui::TextDisabled("%s", buf);
    if (g.has_target) {
        const Target& t = g.target;
        if (t.has_min) std::snprintf(buf, sizeof buf, "%s: %g–%g %s", Tr(Str::Target, lang), t.min, t.value, t.unit.Get(lang).c_str());
        else std::snprintf(buf, sizeof buf, "%s: %g %s", Tr(Str::Target, lang), t.value, t.unit.Get(lang).c_str());
        ImGui::TextUnformatted(buf);
        if (!t.deadline.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s %s", Tr(Str::Deadline, lang), t.deadline.c_str());
        }
    }
    if (ImGui::TreeNodeEx("##quote", ImGuiTreeNodeFlags_SpanAvailWidth, "%s", Tr(Str::Quote, lang))) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(g.quote.c_str());
        ImGui::PopTextWrapPos();
        ImGui::TreePop();
    }
    ImGui::PopFont();
    ImGui::Unindent(indent);
    ImGui::Spacing();
    ImGui::PopID();
}

void DrawAreaDetail(AppState& app, int index) {
    const Dataset& d = app.data;
    const Area& a = d.areas[static_cast<size_t>(index)];
    const Lang lang = app.lang;
    char buf[256];

    if (LinkButton(Tr(Str::BackToOverview, lang))) SelectArea(app, -1);
    ImGui::PushFont(app.fonts.heading);
    ImGui::TextUnformatted(a.name.Get(lang).c_str());
    ImGui::PopFont();
    std::snprintf(buf, sizeof buf, "%s", KindName(app, a.kind));
    if (!a.within.empty()) {
        const int w = d.FindArea(a.within);
        if (w >= 0) {
            const size_t len = std::strlen(buf);
            std::snprintf(buf + len, sizeof buf - len, " · %s %s", Tr(Str::Within, lang), d.areas[static_cast<size_t>(w)].name.Get(lang).c_str());
        }
    }
    ImGui::TextDisabled("%s", buf);
    if (a.has_marker && a.marker.approximate) {
        std::snprintf(buf, sizeof buf, "%s", a.note.Empty() ? Tr(Str::ApproximateLocation, lang) : a.note.Get(lang).c_str());
        TextWrappedMuted(buf);
    }

    const GoalCounts& c = app.stats.per_area[static_cast<size_t>(index)];
    if (c.goals == 0) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(Tr(Str::NoGoalsReported, lang));
        ImGui::PopTextWrapPos();
        return;
    }
    std::snprintf(buf, sizeof buf, "%d %s · %d %s · %d %s", c.goals, Tr(Str::Goals, lang), c.targets, Tr(Str::Targets, lang),
                  c.projects, Tr(Str::Projects, lang));
    ImGui::TextUnformatted(buf);

    if (!a.headline.Empty()) {
        SectionHeading(app, Tr(Str::Headline, lang));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(a.headline.Get(lang).c_str());
        ImGui::PopTextWrapPos();
    }
    for (size_t ci = 0; ci < d.categories.size(); ++ci) {
        const Category& cat = d.categories[ci];
        bool heading_done = false;
        for (size_t gi = 0; gi < d.goals.size(); ++gi) {
            const Goal& g = d.goals[gi];
            if (g.area != a.id || g.category != cat.id) continue;
            if (!heading_done) {
                SectionHeading(app, cat.name.Get(lang).c_str());
                heading_done = true;
            }
            DrawGoal(app, g, static_cast<int>(gi));
        }
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Panel
//-----------------------------------------------------------------------------

void DrawPanel(AppState& app, ImVec2 pos, ImVec2 size) {
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 16));
    ImGui::BeginChild("panel", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    app.map.list_hovered = -1;  // set again below by whichever row the pointer is over
    if (app.has_data) {
        if (app.selected >= 0 && app.selected < static_cast<int>(app.data.areas.size())) DrawAreaDetail(app, app.selected);
        else DrawOverview(app);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

}  // namespace jcm
