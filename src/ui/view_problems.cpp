// view_problems.cpp: the data-problems panel: every error and warning of the last load, with the
// file and JSON pointer, in the current language. Shown over the map until dismissed; if there is
// no good data at all it cannot be dismissed.
#include <cfloat>
#include <cstdio>

#include "platform/platform.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace jcm {

void DrawProblems(AppState& app) {
    if (!app.show_problems || app.problems.empty()) return;
    const Lang lang = app.lang;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // As tall as what it says, up to 80% of the screen (then the list scrolls).
    const float width = vp->WorkSize.x > 760 ? 680.0f : vp->WorkSize.x - 32.0f, max_height = vp->WorkSize.y * 0.8f;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, max_height));
    int errors = 0, warnings = 0;
    for (const Problem& p : app.problems) (p.severity == Severity::Error ? errors : warnings)++;

    char title[160];
    std::snprintf(title, sizeof title, "%s###problems", Tr(errors ? Str::DataLoadFailed : Str::ProblemsTitle, lang));
    bool open = true;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(CurrentTheme().panel));
    ImGui::PushStyleColor(ImGuiCol_TitleBg, ImGui::ColorConvertU32ToFloat4(errors ? CurrentTheme().status[3] : CurrentTheme().status[2]));
    ImGui::PushStyleColor(ImGuiCol_TitleBgActive, ImGui::ColorConvertU32ToFloat4(errors ? CurrentTheme().status[3] : CurrentTheme().status[2]));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));  // the title bar's text, on red/amber
    // An outline, as the app's other dialogs have: over the panel, the dialog is the same colour.
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(CurrentTheme().outline));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::Begin(title, app.has_data ? &open : nullptr,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);  // the title's white and the outline: the window has taken them
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().text));
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    const char* dialog_name = Tr(errors ? Str::DataLoadFailed : Str::ProblemsTitle, lang);
    SemBegin(app, Role::Dialog, dialog_name, wp, ImVec2(wp.x + ws.x, wp.y + ws.y), app.has_data ? 0 : kSemModal);
    RecordTitleBar(app, dialog_name, 2, app.has_data ? &open : nullptr);
    UiText(app, app.problems_file.c_str());
    char counts[128];
    char e[48], w[48];
    std::snprintf(e, sizeof e, Count(Str::CountErrors, errors, lang), errors);
    std::snprintf(w, sizeof w, Count(Str::CountWarnings, warnings, lang), warnings);
    std::snprintf(counts, sizeof counts, lang == Lang::Zh ? "%s\xEF\xBC\x8C%s" : "%s, %s", e, w);  // "，" in Chinese
    UiText(app, counts);
    if (errors && app.has_data) UiText(app, Tr(Str::KeptPreviousData, lang), TextTone::Muted);
    // Nothing to show: a ?data= that failed need not leave the app empty.
    if (!app.has_data && !app.load.data_pending && app.load.data_url != platform::DefaultDatasetUrl()) {
        if (UiButton(app, Tr(Str::ShowDefaultData, lang), ImVec2(0, 44))) LoadDefaultData(app);
    }
    ImGui::Separator();
    // The list as tall as its rows, up to what the dialog has left below the header.
    const float left = max_height - (ImGui::GetCursorScreenPos().y - wp.y) - ImGui::GetStyle().WindowPadding.y;
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, left > 60.0f ? left : 60.0f));
    ImGui::BeginChild("list", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY);
    // Rows wrap to different heights, so no list clipper; a cap keeps a pathological file cheap.
    constexpr size_t kMaxRows = 500;
    for (size_t i = 0; i < app.problems.size() && i < kMaxRows; ++i) {
        const Problem& p = app.problems[i];
        ImGui::PushID(static_cast<int>(i));
        StatusDot(p.severity == Severity::Error ? Status::Red : Status::Yellow, 5.0f);
        ImGui::SameLine();
        ImGui::BeginGroup();
        char where[64];
        if (p.line > 0) std::snprintf(where, sizeof where, "%d:%d", p.line, p.column);
        UiText(app, p.line > 0 ? where : p.pointer.empty() ? "/" : p.pointer.c_str(), TextTone::Muted);
        UiText(app, p.message.Get(lang).c_str());
        ImGui::EndGroup();
        ImGui::PopID();
    }
    if (app.problems.size() > kMaxRows) ImGui::TextDisabled("… +%d", static_cast<int>(app.problems.size() - kMaxRows));
    ImGui::EndChild();
    SemEnd(app);
    ImGui::End();
    ImGui::PopStyleColor(4);
    if (!open) app.show_problems = false;
}

}  // namespace jcm
