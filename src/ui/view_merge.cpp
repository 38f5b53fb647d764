// view_merge.cpp: the merge dialog. Another device's export has been compared with this device's
// reports (core/merge.h); the dialog says what would come in ("12 new reports from 3 authors,
// 1 conflict"), lists each conflict side by side with a choice, lists the new reports, and changes
// nothing until "Merge" is pressed. The local-edits bar then offers to undo it.
#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>

#include "core/campaign.h"
#include "core/text.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace jcm {
namespace {

// "黄 · 40% · 完成量 3 / 69 个 · 填报人 王明" / "Amber · 40% · Done so far 3 of 69 projects · Reported
// by Wang Ming" (`g`: the report's goal, if the data has it).
void ReportSummary(const ProgressReport& r, const Goal* g, Lang lang, char* out, size_t size) {
    char pct[48] = "";
    if (r.has_percent) {
        char num[32];
        std::snprintf(pct, sizeof pct, " · %s%%", FormatNumber(r.percent, lang, num, sizeof num));
    }
    char amount[192], done[256] = "";
    if (r.has_achieved) {
        if (g != nullptr) FormatAchieved(r.achieved, *g, lang, amount, sizeof amount);
        else FormatNumber(r.achieved, lang, amount, sizeof amount);
        std::snprintf(done, sizeof done, " · %s %s", Tr(Str::Achieved, lang), amount);
    }
    std::snprintf(out, size, "%s%s%s · %s %s", StatusName(r.status, lang), pct, done, Tr(Str::Author, lang),
                  r.author.empty() ? Tr(Str::AuthorUnnamed, lang) : r.author.c_str());
}

void ReportColumn(AppState& app, Str side, const ProgressReport& r, const Goal* g) {
    const Lang lang = app.lang;
    char buf[320];
    UiText(app, Tr(side, lang), TextTone::Muted);
    ReportSummary(r, g, lang, buf, sizeof buf);
    StatusDot(r.status, 5.0f);
    ImGui::SameLine();
    UiText(app, buf);
    if (!r.note.Empty()) UiText(app, r.note.Get(lang).c_str());
}

// The dialog's summary line: new reports (and from how many authors), conflicts, already here.
std::string PlanSummary(const MergePlan& plan, Lang lang) {
    char a[96];
    std::string s;
    const char* sep = lang == Lang::En ? ", " : "，";
    auto part = [&](Str many, int n) {
        std::snprintf(a, sizeof a, Count(many, n, lang), n);
        if (!s.empty()) s += sep;
        s += a;
    };
    const int added = static_cast<int>(plan.added.size()), conflicts = static_cast<int>(plan.conflicts.size());
    if (added > 0) part(Str::CountNewReports, added);
    if (conflicts > 0 && added == 0) part(Str::CountConflicts, conflicts);
    if (plan.authors > 0) {  // "from 3 authors" after the first part
        std::snprintf(a, sizeof a, Count(Str::CountFromAuthors, plan.authors, lang), plan.authors);
        s += a;
    }
    if (conflicts > 0 && added > 0) part(Str::CountConflicts, conflicts);
    if (plan.same > 0) part(Str::CountAlreadyHere, plan.same);
    return s;
}

}  // namespace

void DrawMergeDialog(AppState& app) {
    MergeState& m = app.merge;
    if (!m.open) return;
    const Lang lang = app.lang;
    if (!ImGui::IsPopupOpen("##merge")) {
        if (m.shown) {  // closed by ImGui (Esc): cancelled, nothing changed
            m.open = false;
            m.plan = MergePlan{};
            return;
        }
        ImGui::OpenPopup("##merge");
        m.shown = true;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = vp->WorkSize.x > 700 ? 660.0f : vp->WorkSize.x - 24.0f;
    const float max_h = std::min(vp->WorkSize.y - 48.0f, 760.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));  // as tall as its content, the list scrolling within max_h
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::ColorConvertU32ToFloat4(CurrentTheme().panel));
    if (!ImGui::BeginPopupModal("##merge", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        ImGui::PopStyleColor();
        return;
    }
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    SemBegin(app, Role::Dialog, Tr(Str::MergeTitle, lang), wp, ImVec2(wp.x + ws.x, wp.y + ws.y), kSemModal);
    UiHeading(app, Tr(Str::MergeTitle, lang), 2, app.fonts.heading);
    UiText(app, m.file.c_str(), TextTone::Muted);
    if (m.summary.empty() || m.summary_lang != lang) m.summary = PlanSummary(m.plan, lang), m.summary_lang = lang;
    UiText(app, m.summary.c_str());
    char buf[320];
    if (m.plan.unknown_goals > 0) {
        std::snprintf(buf, sizeof buf, Count(Str::CountUnknownGoals, m.plan.unknown_goals, lang), m.plan.unknown_goals);
        UiText(app, buf, TextTone::Warning);
    }
    ImGui::Separator();

    // The conflicts and new reports scroll; the summary above and the buttons below stay.
    const float buttons_h = 44.0f + ImGui::GetStyle().ItemSpacing.y * 3 + ImGui::GetStyle().WindowPadding.y * 2;
    const float body_max = std::max(120.0f, max_h - (ImGui::GetCursorScreenPos().y - wp.y) - buttons_h);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, body_max));
    ImGui::BeginChild("##merge-body", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY);
    if (!m.plan.conflicts.empty()) {
        UiHeading(app, Tr(Str::ConflictsHeading, lang), 3);
        const bool side_by_side = ImGui::GetContentRegionAvail().x >= 460.0f;
        for (size_t i = 0; i < m.plan.conflicts.size(); ++i) {
            const MergeConflict& c = m.plan.conflicts[i];
            ImGui::PushID(static_cast<int>(i));
            const Goal* g = c.goal >= 0 && static_cast<size_t>(c.goal) < app.data.goals.size() ? &app.data.goals[static_cast<size_t>(c.goal)] : nullptr;
            const int area = g != nullptr ? g->area_index : -1;
            std::snprintf(buf, sizeof buf, "%s%s%s · %s", area >= 0 ? app.data.areas[static_cast<size_t>(area)].name.Get(lang).c_str() : "",
                          area >= 0 ? " · " : "", g != nullptr ? g->title.Get(lang).c_str() : "", c.theirs.date.c_str());
            UiText(app, buf);
            if (side_by_side && ImGui::BeginTable("##sides", 2, ImGuiTableFlags_SizingStretchSame)) {
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0.0f);
                ReportColumn(app, Str::ThisDevice, c.mine, g);
                ImGui::TableNextColumn();
                ReportColumn(app, Str::ImportedFile, c.theirs, g);
                ImGui::PopTextWrapPos();
                ImGui::EndTable();
            } else {
                ReportColumn(app, Str::ThisDevice, c.mine, g);
                ReportColumn(app, Str::ImportedFile, c.theirs, g);
            }
            // The choice: two toggle buttons, one of them on.
            const float gap = ImGui::GetStyle().ItemSpacing.x;
            const float bw = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
            uint8_t& take = m.take_theirs[i];
            const Str sides[2] = {Str::KeepThisDevice, Str::TakeImported};
            for (int s = 0; s < 2; ++s) {
                if (s == 1) ImGui::SameLine();
                const bool on = (take != 0) == (s == 1);
                const Theme& t = CurrentTheme();
                ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(on ? t.accent : t.surface));
                ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(on ? t.accent_hover : t.surface_hover));
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(on ? t.on_accent : t.text));
                if (UiButton(app, Tr(sides[s], lang), ImVec2(bw, 44), nullptr, static_cast<uint16_t>(kSemToggle | (on ? kSemChecked : 0))))
                    take = static_cast<uint8_t>(s);
                ImGui::PopStyleColor(3);
            }
            ImGui::Spacing();
            ImGui::Separator();
            ImGui::PopID();
        }
    }
    if (!m.plan.added.empty()) {
        UiHeading(app, Tr(Str::NewReportsHeading, lang), 3);
        constexpr size_t kMaxRows = 300;  // the summary line has the count; a huge file stays cheap
        for (size_t i = 0; i < m.plan.added.size() && i < kMaxRows; ++i) {
            const LocalEdit& e = m.plan.added[i];
            const int gi = m.plan.added_goals[i];
            const Goal* g = gi >= 0 ? &app.data.goals[static_cast<size_t>(gi)] : nullptr;
            ImGui::PushID(static_cast<int>(i));
            StatusDot(e.report.status, 5.0f);
            ImGui::SameLine();
            ImGui::BeginGroup();
            const int area = g != nullptr ? g->area_index : -1;
            std::snprintf(buf, sizeof buf, "%s · %s%s%s", e.report.date.c_str(), area >= 0 ? app.data.areas[static_cast<size_t>(area)].name.Get(lang).c_str() : "",
                          area >= 0 ? " · " : "", g != nullptr ? g->title.Get(lang).c_str() : e.goal_id.c_str());
            UiText(app, buf);
            ReportSummary(e.report, g, lang, buf, sizeof buf);
            UiText(app, buf, TextTone::Muted);
            ImGui::EndGroup();
            ImGui::PopID();
        }
    }
    ImGui::EndChild();

    const float bw = std::min(140.0f, (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - bw * 2 - ImGui::GetStyle().ItemSpacing.x);
    bool close = false;
    if (UiButton(app, Tr(Str::Cancel, lang), ImVec2(bw, 44))) {
        m.open = false;
        m.plan = MergePlan{};
        close = true;
    }
    ImGui::SameLine();
    const Theme& t = CurrentTheme();
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(t.accent));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(t.accent_hover));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(t.on_accent));
    if (UiButton(app, Tr(Str::Merge, lang), ImVec2(bw, 44))) {
        ConfirmMerge(app);
        close = true;
    }
    ImGui::PopStyleColor(3);
    if (close) ImGui::CloseCurrentPopup();
    SemEnd(app);
    ImGui::EndPopup();
    ImGui::PopStyleColor();
}

}  // namespace jcm
