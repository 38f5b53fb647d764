// view_header.cpp: the title bar: dataset title, city and campaign, language switch.
#include <cmath>

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
    const char* label = Tr(Str::LanguageToggle, app.lang);
    const float bw = ImGui::CalcTextSize(label).x + 28;
    // The title in the heading font if it fits beside the buttons, else smaller, else clipped.
    const float title_room = size.x - 16 - (bw + 12 + 8 + 44 + 8 + ImGui::CalcTextSize(Tr(Str::DataMenu, app.lang)).x + 28 + 12);
    ImGui::PushFont(app.fonts.heading);
    if (ImGui::CalcTextSize(title).x > title_room) {
        ImGui::PopFont();
        ImGui::PushFont(app.fonts.body);
    }
    const float title_h = ImGui::GetTextLineHeight();
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 16, pos.y + (size.y - 3 - title_h) * 0.5f));
    ImGui::PushClipRect(pos, ImVec2(pos.x + 16 + title_room, pos.y + size.y), true);
    ImGui::TextUnformatted(title);
    ImGui::PopClipRect();
    ImGui::PopFont();

    // Language switch, right-aligned; at least 44 px tall for touch.
    const float bh = 40;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + size.x - bw - 12, pos.y + (size.y - 3 - bh) * 0.5f));
    if (ImGui::Button(label, ImVec2(bw, bh))) SetLanguage(app, app.lang == Lang::Zh ? Lang::En : Lang::Zh);

    // Theme switch left of it: a moon in light mode (go dark), a sun in dark mode.
    const float theme_x = pos.x + size.x - bw - 12 - 8 - 44;
    ImGui::SetCursorScreenPos(ImVec2(theme_x, pos.y + (size.y - 3 - bh) * 0.5f));
    if (ImGui::Button("##theme", ImVec2(44, bh))) SetDark(app, !app.dark);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(app.dark ? Str::LightTheme : Str::DarkTheme, app.lang));
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
    ImDrawList* fg = ImGui::GetWindowDrawList();
    if (app.dark) {
        fg->AddCircleFilled(c, 5.0f, t.text, 16);
        for (int i = 0; i < 8; ++i) {
            const float ang = static_cast<float>(i) * 0.785398f;
            const ImVec2 d(std::cos(ang), std::sin(ang));
            fg->AddLine(ImVec2(c.x + d.x * 8, c.y + d.y * 8), ImVec2(c.x + d.x * 11, c.y + d.y * 11), t.text, 1.6f);
        }
    } else {
        fg->AddCircleFilled(c, 9.0f, t.text, 24);
        fg->AddCircleFilled(ImVec2(c.x + 4.5f, c.y - 3.5f), 8.0f,
                            ImGui::GetColorU32(ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered : ImGuiCol_Button), 24);
    }

    // The data menu (import / export), left of the theme switch.
    const char* data_label = Tr(Str::DataMenu, app.lang);
    const float dw = ImGui::CalcTextSize(data_label).x + 28;
    ImGui::SetCursorScreenPos(ImVec2(theme_x - 8 - dw, pos.y + (size.y - 3 - bh) * 0.5f));
    bool focus_first = false;
    if (ImGui::Button(data_label, ImVec2(dw, bh)) || app.open_data_menu) {
        ImGui::OpenPopup("##data-menu");
        focus_first = app.open_data_menu;  // opened with 'D': the keyboard starts on its first item
        app.open_data_menu = false;
        RequestRedraw(app);  // the popup appears next frame and takes the focus the frame after
    }
    ImGui::SetNextWindowPos(ImVec2(theme_x - 8 - dw, pos.y + size.y), ImGuiCond_Always);
    DrawDataMenu(app, focus_first);
}

}  // namespace jcm
