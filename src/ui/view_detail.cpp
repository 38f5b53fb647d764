// view_detail.cpp: one area: its type (and the area it lies in), headline programme with its
// source quote, named projects, and every goal grouped by category with target, status light,
// latest progress and the source quote (expandable).
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <utility>

#include "core/campaign.h"
#include "core/text.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace jcm {
namespace {

// The source quote under a show/hide control (closed by default: the detail stays short).
void Quote(AppState& app, const char* id, const std::string& quote) {
    if (quote.empty()) return;
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID(id);
    bool open = storage->GetBool(key, false);
    ImGui::PushID(id);
    char label[96];
    // The label names what it opens (the same as its accessible name); a chevron says open/closed.
    std::snprintf(label, sizeof label, "%s    ##toggle", Tr(Str::Quote, app.lang));
    ImGui::PushFont(app.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(kLinkPadX, kLinkPadY));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() - kLinkPadX);  // its label in line with the text above
    bool pressed = ImGui::Button(label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    {
        const ImVec2 b = ImGui::GetItemRectMax(), a = ImGui::GetItemRectMin();
        const float cx = b.x - 14, cy = (a.y + b.y) * 0.5f, r = 4.0f;
        const ImU32 col = CurrentTheme().accent;
        if (open) ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(cx - r, cy - r * 0.5f), ImVec2(cx + r, cy - r * 0.5f), ImVec2(cx, cy + r * 0.6f), col);
        else ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(cx - r * 0.5f, cy - r), ImVec2(cx - r * 0.5f, cy + r), ImVec2(cx + r * 0.6f, cy), col);
    }
    RecordItem(app, Role::Button, Tr(Str::Quote, app.lang),
               static_cast<uint16_t>(kSemAction | kSemExpandable | (open ? kSemExpanded : 0)));
    pressed |= TakeActivation(app);
    if (pressed) {
        open = !open;
        storage->SetBool(key, open);
    }
    if (open) {  // a quote block: a rule at the left, the words indented beside it
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Indent(14);
        UiText(app, quote.c_str());
        ImGui::Unindent(14);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x + 2, p.y), ImVec2(p.x + 5, ImGui::GetItemRectMax().y),
                                                  CurrentTheme().accent, 1.5f);
        ImGui::Spacing();
    }
    ImGui::PopFont();
    ImGui::PopID();
}

// A report's progress bar, in its status's colour, with `label` on it; `name` for screen readers.
void ReportBar(AppState& app, Status status, float fraction, const char* label, const char* name) {
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImGui::ColorConvertU32ToFloat4(CurrentTheme().status[static_cast<int>(status)]));
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), label);
    ImGui::PopStyleColor();
    RecordItem(app, Role::Text, name);
}

// `heading_y`: the top of its section's heading, for the section's first goal (else top's): a goal
// brought into view shows the heading it is under (a search result's goal came to the top with
// its section's name just out of view).
void DrawGoal(AppState& app, const Goal& g, int index, float heading_y) {
    const Lang lang = app.lang;
    char buf[256];
    ImGui::PushID(index);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const bool focused = app.ui.focus_goal == index;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (focused) dl->ChannelsSplit(2), dl->ChannelsSetCurrent(1);  // the highlight goes under the goal
    SemBegin(app, Role::ListItem, g.title.Get(lang), top, ImVec2(top.x + ImGui::GetContentRegionAvail().x, top.y + 1),
             focused ? kSemSelected : 0);
    const Status shown = ShownStatus(app, g);  // as of the timeline's date
    StatusDot(shown, 6.0f);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", StatusName(shown, lang));
    ImGui::SameLine();
    UiText(app, g.title.Get(lang).c_str());
    const float indent = 22.0f;
    ImGui::Indent(indent);
    ImGui::PushFont(app.fonts.small);
    std::snprintf(buf, sizeof buf, "%s · %s", GoalKindName(g.kind, lang), StatusName(shown, lang));
    ImGui::AlignTextToFramePadding();
    UiLabel(app, buf, TextTone::Muted);
    SameLineOrWrap(ButtonWidth(Tr(Str::RecordProgress, lang), kLinkPadX));
    if (UiLink(app, Tr(Str::RecordProgress, lang))) OpenEditor(app, index);
    if (g.has_target) {
        const Target& t = g.target;
        char num[96];
        if (t.has_min) FormatRange(t.min, t.value, lang, num, sizeof num);
        else FormatNumber(t.value, lang, num, sizeof num);
        std::snprintf(buf, sizeof buf, "%s%s%s %s", Tr(Str::Target, lang), LabelColon(lang), num, t.unit.Get(lang).c_str());
        UiText(app, buf);
        if (!t.deadline.empty()) {
            std::snprintf(buf, sizeof buf, "%s %s", Tr(Str::Deadline, lang), t.deadline.c_str());
            UiText(app, buf, TextTone::Muted);
        }
        if (!t.as_stated.Empty()) UiText(app, t.as_stated.Get(lang).c_str(), TextTone::Muted);
    }
    bool reverted = false;
    if (!g.progress.empty()) {  // the latest report
        const ProgressReport& r = g.progress.back();
        if (r.author.empty()) std::snprintf(buf, sizeof buf, "%s %s", Tr(Str::Reported, lang), r.date.c_str());
        else std::snprintf(buf, sizeof buf, Tr(Str::ReportedBy, lang), r.date.c_str(), r.author.c_str());
        const int local = FindEdit(app, g.id, r.date);
        // The texts on the line of the Revert link sit where its label does, on the line they
        // wrap onto too (a phone's: they sat 8 px above it).
        if (local >= 0) AlignTextToLinks();
        else ImGui::AlignTextToFramePadding();
        UiLabel(app, buf, TextTone::Muted);
        if (local >= 0) {  // recorded here, not in the published data: say so, and offer to revert
            SameLineOrWrap(ImGui::CalcTextSize(Tr(Str::LocalOnly, lang)).x);
            AlignTextToLinks();
            UiLabel(app, Tr(Str::LocalOnly, lang), TextTone::Warning);
            SameLineOrWrap(ButtonWidth(Tr(Str::Revert, lang), kLinkPadX));
            if (UiLink(app, Tr(Str::Revert, lang))) {
                RevertEdit(app, static_cast<size_t>(local));
                reverted = true;  // the goal's reports changed under us: draw nothing more of them
                app.ui.reveal_goal = index;  // kept in view as it shrinks (its title went under the bar)
                app.ui.reveal_frames = 4;
            }
        }
        if (!reverted && r.has_percent) {
            char num[64], name[320];
            std::snprintf(buf, sizeof buf, "%s%%", FormatNumber(r.percent, lang, num, sizeof num));
            std::snprintf(name, sizeof name, "%s %s", Tr(Str::Percent, lang), buf);
            ReportBar(app, r.status, static_cast<float>(r.percent / 100.0), buf, name);
        }
        if (!reverted && r.has_achieved) {
            char done[192];
            FormatAchieved(r.achieved, g, lang, done, sizeof done);
            std::snprintf(buf, sizeof buf, "%s%s%s", Tr(Str::Achieved, lang), LabelColon(lang), done);
            // The report's own measure of progress where it gives no percentage: the amount
            // against the target (full at the target; the words say the amount, past it too).
            if (!r.has_percent && CountableTarget(g)) ReportBar(app, r.status, static_cast<float>(std::min(1.0, r.achieved / g.target.value)), done, buf);
            else UiText(app, buf);
        }
        if (!reverted && !r.note.Empty()) UiText(app, r.note.Get(lang).c_str());
    }
    ImGui::PopFont();
    if (!reverted) Quote(app, "##quote", g.quote);
    ImGui::Unindent(indent);
    if (focused) {
        const ImVec2 bottom = ImGui::GetCursorScreenPos();
        dl->ChannelsSetCurrent(0);
        const ImU32 a = CurrentTheme().accent;
        DrawTintedBox(dl, ImVec2(top.x - 8, top.y - 4), ImVec2(top.x + ImGui::GetContentRegionAvail().x + 8, bottom.y), a);
        dl->AddRectFilled(ImVec2(top.x - 8, top.y - 4), ImVec2(top.x - 4, bottom.y), a, 2.0f);
        dl->ChannelsMerge();
        if (!app.ui.focus_goal_scrolled) {  // brought into view once, near the top
            app.ui.focus_goal_scrolled = true;
            ImGui::SetScrollFromPosY(std::min(top.y, heading_y) - ImGui::GetWindowPos().y - 12.0f, 0.0f);
            RequestRedraw(app);
        }
    }
    ImGui::Spacing();
    // Just recorded: scrolled (the least) to be wholly in view, for the few frames the panel's
    // top takes to settle (DrawPanel counts them). Not ImGui's ScrollToRect: it would replace
    // the panel's own shift asked for this frame, where ScrollWindowBy adds to it.
    if (index == app.ui.reveal_goal) {
        const ImRect view = ImGui::GetCurrentWindow()->InnerClipRect;
        const float margin = 12.0f, bottom = ImGui::GetCursorScreenPos().y;
        float dy = 0.0f;
        if (bottom > view.Max.y) dy = std::min(bottom - view.Max.y + margin, top.y - view.Min.y - margin);
        else if (top.y < view.Min.y) dy = top.y - view.Min.y - margin;
        if (std::fabs(dy) >= 1.0f) ScrollWindowBy(dy);
    }
    SemEnd(app);
    ImGui::PopID();
}

}  // namespace

void DrawAreaDetail(AppState& app, int index) {
    const Dataset& d = app.data;
    const Area& a = d.areas[static_cast<size_t>(index)];
    const Lang lang = app.lang;
    char buf[256];

    if (UiLink(app, Tr(Str::BackToOverview, lang))) SelectArea(app, -1);
    UiHeading(app, a.name.Get(lang).c_str(), 2, app.fonts.heading);
    std::snprintf(buf, sizeof buf, "%s", AreaKindName(app, a));
    {
        const int w = a.within_index;  // resolved at load
        if (w >= 0) {
            const size_t len = std::strlen(buf);
            std::snprintf(buf + len, sizeof buf - len, " · %s %s", Tr(Str::Within, lang), d.areas[static_cast<size_t>(w)].name.Get(lang).c_str());
        }
    }
    UiText(app, buf, TextTone::Muted);
    if (a.has_marker && a.marker.approximate)
        UiText(app, a.note.Empty() ? Tr(Str::ApproximateLocation, lang) : a.note.Get(lang).c_str(), TextTone::Muted);
    if (!app.stats.area_kept[static_cast<size_t>(index)]) UiText(app, Tr(Str::AreaHidden, lang), TextTone::Muted);

    const GoalCounts& c = app.stats.per_area[static_cast<size_t>(index)];
    if (app.stats.all_goals[static_cast<size_t>(index)] == 0) {
        ImGui::Spacing();
        UiText(app, Tr(Str::NoGoalsReported, lang));
        return;
    }
    // The goals, then the targets and the itemised projects where there are any: "0 projects"
    // beside a headline of 69 key projects (a target, none itemised) read as a contradiction.
    std::snprintf(buf, sizeof buf, Count(Str::CountGoals, c.goals, lang), c.goals);
    const std::pair<Str, int> more[2] = {{Str::CountTargets, c.targets}, {Str::CountProjects, c.projects}};
    for (const auto& [str, n] : more) {
        if (n == 0) continue;
        char part[80];
        std::snprintf(part, sizeof part, Count(str, n, lang), n);
        const size_t len = std::strlen(buf);
        std::snprintf(buf + len, sizeof buf - len, " · %s", part);
    }
    UiText(app, buf);

    if (!a.headline.Empty()) {
        SectionHeading(app, Tr(Str::Headline, lang));
        UiText(app, a.headline.Get(lang).c_str());
        Quote(app, "##headline-quote", a.headline_quote);
    }
    const ImVec2 list_end(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
    if (c.projects > 0) {
        SectionHeading(app, Tr(Str::Projects, lang));
        SemBegin(app, Role::List, Tr(Str::Projects, lang), ImGui::GetCursorScreenPos(), list_end);
        for (size_t gi = 0; gi < d.goals.size(); ++gi) {
            const Goal& g = d.goals[gi];
            if (g.area_index != index || g.kind != GoalKind::Project || !app.ui.filter.KeepsGoal(g, ShownStatus(app, g))) continue;
            ImGui::Bullet();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(g.title.Get(lang).c_str());
            ImGui::PopTextWrapPos();
            RecordRect(app, Role::ListItem, g.title.Get(lang), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        }
        SemEnd(app);
    }
    for (size_t ci = 0; ci < d.categories.size(); ++ci) {
        const Category& cat = d.categories[ci];
        bool heading_done = false;
        for (size_t gi = 0; gi < d.goals.size(); ++gi) {
            const Goal& g = d.goals[gi];
            if (g.area_index != index || g.category_index != static_cast<int>(ci) || !app.ui.filter.KeepsGoal(g, ShownStatus(app, g))) continue;
            const float heading_y = heading_done ? FLT_MAX : ImGui::GetCursorScreenPos().y;
            if (!heading_done) {
                SectionHeading(app, cat.name.Get(lang).c_str());
                SemBegin(app, Role::List, cat.name.Get(lang), ImGui::GetCursorScreenPos(), list_end);
                heading_done = true;
            }
            DrawGoal(app, g, static_cast<int>(gi), heading_y);
        }
        if (heading_done) SemEnd(app);
    }
}

}  // namespace jcm
