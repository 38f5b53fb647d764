// view_header.cpp: the title bar: dataset title, city and campaign, language switch.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace jcm {

void DrawHeader(AppState& app, ImVec2 pos, ImVec2 size) {
    const Theme& t = CurrentTheme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), t.panel);
    dl->AddRectFilled(ImVec2(pos.x, pos.y + size.y - 3), ImVec2(pos.x + size.x, pos.y + size.y), t.accent);

    const char* title = app.has_data ? app.data.title.Get(app.lang).c_str() : Tr(Str::AppName, app.lang);
    const char* label = Tr(Str::LanguageToggle, app.lang);
    const char* data_label = Tr(Str::DataMenu, app.lang);
    const float bw = ImGui::CalcTextSize(label).x + 28;
    const float dw = ImGui::CalcTextSize(data_label).x + 28;
    const float bh = 40;  // with TouchExtraPadding, 44+ px to tap
    const float by = pos.y + (size.y - 3 - bh) * 0.5f;
    // The title in the heading font if it fits beside the buttons, else the body font, else the
    // small font on up to two lines; only a title too long even for that is cut (and says so).
    const float title_room = size.x - 16 - (bw + 12 + 8 + 44 + 8 + dw + 12);
    ImFont* fonts[3] = {app.fonts.heading, app.fonts.body, app.fonts.small};
    int chosen = 2;
    for (int i = 0; i < 2; ++i) {
        ImGui::PushFont(fonts[i]);
        const bool fits = ImGui::CalcTextSize(title).x <= title_room;
        ImGui::PopFont();
        if (fits) { chosen = i; break; }
    }
    ImGui::PushFont(fonts[chosen]);
    const ImVec2 ts = ImGui::CalcTextSize(title, nullptr, false, chosen == 2 ? title_room : -1.0f);
    const bool cut = ts.y > size.y - 3 || ts.x > title_room + 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 16, pos.y + std::max(0.0f, (size.y - 3 - ts.y) * 0.5f)));
    ImGui::PushClipRect(pos, ImVec2(pos.x + 16 + title_room, pos.y + size.y - 3), true);
    ImGui::PushTextWrapPos(pos.x + 16 + title_room);
    ImGui::TextUnformatted(title);
    ImGui::PopTextWrapPos();
    ImGui::PopClipRect();
    ImGui::PopFont();
    const int heading = RecordRect(app, Role::Heading, title, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), cut ? kSemTruncated : 0);
    app.sem.SetLevel(heading, 1);

    // The buttons, right-aligned: data menu, theme, language. Submitted left to right, so Tab
    // and a screen reader meet them in the order they are seen.
    const float lang_x = pos.x + size.x - bw - 12;
    const float theme_x = lang_x - 8 - 44;
    const float data_x = theme_x - 8 - dw;

    // The data menu (import / export), left of the theme switch; the menu opens below it,
    // so it stays on screen on a phone.
    ImGui::SetCursorScreenPos(ImVec2(data_x, by));
    bool focus_first = false;
    const bool menu_open = ImGui::IsPopupOpen("##data-menu");
    if (UiButton(app, data_label, ImVec2(dw, bh), nullptr,
                 static_cast<uint16_t>(kSemExpandable | kSemMenuButton | (menu_open ? kSemExpanded : 0))) ||
        app.open_data_menu) {
        // Open from this frame on: the button's record says so now (the page's mirror looks for
        // the expanded button to give the focus back to when the menu closes).
        if (!menu_open && !app.sem.Paused() && app.sem.Count() > 0) app.sem.AddFlags(app.sem.Count() - 1, kSemExpanded);
        ImGui::OpenPopup("##data-menu");
        app.draw_opened.data_menu = DrawDataMenu;
        focus_first = app.open_data_menu;  // opened with 'D': the keyboard starts on its first item
        // Opened by a finger (not 'D', not the mouse): nothing to drop on the page (DrawDataMenu).
        app.ui.menu_by_touch = !app.open_data_menu && ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen;
        app.open_data_menu = false;
        RequestRedraw(app);  // the popup appears next frame and takes the focus the frame after
    }

    // The theme switch: a moon in light mode (go dark), a sun in dark mode.
    ImGui::SetCursorScreenPos(ImVec2(theme_x, by));
    if (UiButton(app, "##theme", ImVec2(44, bh), Tr(Str::DarkTheme, app.lang),
                 static_cast<uint16_t>(kSemToggle | (app.dark ? kSemChecked : 0))))
        SetDark(app, !app.dark);
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

    // The language switch, at the right end.
    ImGui::SetCursorScreenPos(ImVec2(lang_x, by));
    if (UiButton(app, label, ImVec2(bw, bh))) SetLanguage(app, app.lang == Lang::Zh ? Lang::En : Lang::Zh);

    // Below the header against its right edge (under the buttons), so the menu is never cut. (Only
    // where the menu is drawn: set for nothing, the next window's place would be the menu's.)
    if (!app.draw_opened.data_menu) return;
    ImGui::SetNextWindowPos(ImVec2(pos.x + size.x - 8, pos.y + size.y), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(ImGui::GetMainViewport()->Size.x - 16, FLT_MAX));
    app.draw_opened.data_menu(app, focus_first);
}

}  // namespace jcm
