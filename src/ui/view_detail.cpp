// view_detail.cpp: one area: its type (and the area it lies in), headline programme with its
// source quote, named projects, and every goal grouped by category with target, status light,
// latest progress and the source quote (expandable).
#include <cstdio>
#include <cstring>

#include "core/campaign.h"
#include "core/text.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace jcm {
namespace {

void Quote(const AppState& app, const char* id, const std::string& quote) {
    if (quote.empty()) return;
    ImGui::PushFont(app.fonts.small);
    if (ImGui::TreeNodeEx(id, ImGuiTreeNodeFlags_SpanAvailWidth, "%s", Tr(Str::Quote, app.lang))) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Indent(10);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(quote.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Unindent(10);
        // A quotation rule at the left of the quote.
        ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x + 2, p.y), ImVec2(p.x + 2, ImGui::GetCursorScreenPos().y - 4),
                                            CurrentTheme().accent, 2.0f);
        ImGui::TreePop();
    }
    ImGui::PopFont();
}

void DrawGoal(AppState& app, const Goal& g, int index) {
    const Lang lang = app.lang;
    char buf[256];
    ImGui::PushID(index);
    const Status shown = ShownStatus(app, g);  // as of the timeline's date
    StatusDot(shown, 6.0f);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", StatusName(shown, lang));
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(g.title.Get(lang).c_str());
    ImGui::PopTextWrapPos();
    const float indent = 22.0f;
    ImGui::Indent(indent);
    ImGui::PushFont(app.fonts.small);
    std::snprintf(buf, sizeof buf, "%s · %s", GoalKindName(g.kind, lang), StatusName(shown, lang));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", buf);
    ImGui::SameLine();
    if (LinkButton(Tr(Str::RecordProgress, lang))) OpenEditor(app, index);
    if (g.has_target) {
        const Target& t = g.target;
        char num[96];
        if (t.has_min) FormatRange(t.min, t.value, lang, num, sizeof num);
        else FormatNumber(t.value, lang, num, sizeof num);
        std::snprintf(buf, sizeof buf, "%s: %s %s", Tr(Str::Target, lang), num, t.unit.Get(lang).c_str());
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(buf);
        if (!t.deadline.empty()) ImGui::TextDisabled("%s %s", Tr(Str::Deadline, lang), t.deadline.c_str());
        if (!t.as_stated.Empty()) ImGui::TextDisabled("%s", t.as_stated.Get(lang).c_str());
        ImGui::PopTextWrapPos();
    }
    if (!g.progress.empty()) {  // the latest report
        const ProgressReport& r = g.progress.back();
        std::snprintf(buf, sizeof buf, "%s %s", Tr(Str::Reported, lang), r.date.c_str());
        ImGui::TextDisabled("%s", buf);
        const int local = FindEdit(app, g.id, r.date);
        if (local >= 0) {  // recorded here, not in the published data: say so, and offer to revert
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().warning_text));
            ImGui::TextUnformatted(Tr(Str::LocalUnpublished, lang));
            ImGui::PopStyleColor();
            ImGui::SameLine();
            if (LinkButton(Tr(Str::Revert, lang))) {
                RevertEdit(app, static_cast<size_t>(local));
                ImGui::PopFont();
                ImGui::Unindent(indent);
                ImGui::PopID();
                return;  // the goal's reports changed under us
            }
        }
        if (r.has_percent) {
            char num[64];
            std::snprintf(buf, sizeof buf, "%s%%", FormatNumber(r.percent, lang, num, sizeof num));
            ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImGui::ColorConvertU32ToFloat4(CurrentTheme().status[static_cast<int>(r.status)]));
            ImGui::ProgressBar(static_cast<float>(r.percent / 100.0), ImVec2(-1, 0), buf);
            ImGui::PopStyleColor();
        }
        if (!r.note.Empty()) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(r.note.Get(lang).c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::PopFont();
    Quote(app, "##quote", g.quote);
    ImGui::Unindent(indent);
    ImGui::Spacing();
    ImGui::PopID();
}

}  // namespace

void DrawAreaDetail(AppState& app, int index) {
    const Dataset& d = app.data;
    const Area& a = d.areas[static_cast<size_t>(index)];
    const Lang lang = app.lang;
    char buf[256];

    if (LinkButton(Tr(Str::BackToOverview, lang))) SelectArea(app, -1);
    ImGui::PushFont(app.fonts.heading);
    ImGui::TextUnformatted(a.name.Get(lang).c_str());
    ImGui::PopFont();
    std::snprintf(buf, sizeof buf, "%s", AreaKindName(app, a));
    {
        const int w = a.within_index;  // resolved at load
        if (w >= 0) {
            const size_t len = std::strlen(buf);
            std::snprintf(buf + len, sizeof buf - len, " · %s %s", Tr(Str::Within, lang), d.areas[static_cast<size_t>(w)].name.Get(lang).c_str());
        }
    }
    ImGui::TextDisabled("%s", buf);
    if (a.has_marker && a.marker.approximate) TextWrappedMuted(a.note.Empty() ? Tr(Str::ApproximateLocation, lang) : a.note.Get(lang).c_str());
    if (!app.stats.area_kept[static_cast<size_t>(index)]) TextWrappedMuted(Tr(Str::AreaHidden, lang));

    const GoalCounts& c = app.stats.per_area[static_cast<size_t>(index)];
    int all_goals = 0;
    for (const Goal& g : d.goals) all_goals += g.area_index == index;
    if (all_goals == 0) {
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
        Quote(app, "##headline-quote", a.headline_quote);
    }
    if (c.projects > 0) {
        SectionHeading(app, Tr(Str::KeyProjects, lang));
        for (size_t gi = 0; gi < d.goals.size(); ++gi) {
            const Goal& g = d.goals[gi];
            if (g.area_index != index || g.kind != GoalKind::Project || !app.ui.filter.KeepsGoal(g, ShownStatus(app, g))) continue;
            ImGui::Bullet();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(g.title.Get(lang).c_str());
            ImGui::PopTextWrapPos();
        }
    }
    for (size_t ci = 0; ci < d.categories.size(); ++ci) {
        const Category& cat = d.categories[ci];
        bool heading_done = false;
        for (size_t gi = 0; gi < d.goals.size(); ++gi) {
            const Goal& g = d.goals[gi];
            if (g.area_index != index || g.category_index != static_cast<int>(ci) || !app.ui.filter.KeepsGoal(g, ShownStatus(app, g))) continue;
            if (!heading_done) {
                SectionHeading(app, cat.name.Get(lang).c_str());
                heading_done = true;
            }
            DrawGoal(app, g, static_cast<int>(gi));
        }
    }
}

}  // namespace jcm
