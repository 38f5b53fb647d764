// view_header.cpp: the title bar: dataset title, city and campaign, language switch.
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace jcm {

void DrawHeader(AppState& app, ImVec2 pos, ImVec2 size) {
    const Theme& t = CurrentTheme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), t.panel);
    dl->AddRectFilled(ImVec2(pos.x, pos.y + size.y - 3), ImVec2(pos.x + size.x, pos.y + size.y), t.accent);

    const char* title = app.has_data ? app.data.title.Get(app.lang).c_str() : Tr(Str::AppName, app.lang);
    ImGui::PushFont(app.fonts.heading);
    const float title_h = ImGui::GetTextLineHeight();
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 16, pos.y + (size.y - 3 - title_h) * 0.5f));
    ImGui::TextUnformatted(title);
    ImGui::PopFont();

    // Language switch, right-aligned; at least 44 px tall for touch.
    const char* label = Tr(Str::LanguageToggle, app.lang);
    const float bw = ImGui::CalcTextSize(label).x + 28;
    const float bh = 40;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + size.x - bw - 12, pos.y + (size.y - 3 - bh) * 0.5f));
    if (ImGui::Button(label, ImVec2(bw, bh))) SetLanguage(app, app.lang == Lang::Zh ? Lang::En : Lang::Zh);
}

}  // namespace jcm
