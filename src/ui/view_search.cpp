// view_search.cpp: the search field (its frame; the page's <input> edits the text), the results
// list, and the filter chips.
#include <algorithm>
#include <cstdio>

#include "platform/platform.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace jcm {

void DrawSearchField(AppState& app, float width) {
    const Theme& t = CurrentTheme();
    DashboardState& ui = app.ui;
    const float h = 40.0f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    // While there is a query, a clear button at the field's right end (the input leaves it room);
    // it empties the field and gives it the focus, to type another.
    const float clear_w = ui.query.empty() || app.text_owner != TextOwner::Search ? 0.0f : 44.0f;
    // Clicked, or activated with Space/Enter from the keyboard (taps land on the <input> itself).
    if (ImGui::InvisibleButton("##search", ImVec2(width - clear_w, h))) platform::FocusTextField();
    // The page's own <input> is the control; the item says where it is and whether the
    // placeholder fits (the input pads 38 px for the icon and 12 px on the right).
    const char* placeholder = Tr(Str::SearchPlaceholder, app.lang);
    // The input pads 50 px; 12 more allow for the browser drawing the same font a little wider.
    if (TextCut(placeholder, width - 62)) placeholder = Tr(Str::SearchShort, app.lang);  // a narrow field
    RecordItem(app, Role::Textbox, placeholder, TextCut(placeholder, width - 62) ? kSemTruncated : 0);
    const bool focused = platform::TextFieldFocused() && app.text_owner == TextOwner::Search;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), t.surface, 8.0f);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), focused ? t.accent : t.outline, 8.0f, 0,
                focused ? 2.0f : 1.0f);
    // Magnifier icon.
    const ImVec2 c(p.x + 19, p.y + h * 0.5f - 1);
    dl->AddCircle(c, 6.0f, t.text_muted, 16, 1.6f);
    dl->AddLine(ImVec2(c.x + 4.5f, c.y + 4.5f), ImVec2(c.x + 9, c.y + 9), t.text_muted, 1.8f);
    bool cleared = false;
    if (clear_w > 0) {
        ImGui::SetCursorScreenPos(ImVec2(p.x + width - clear_w, p.y));
        bool pressed = ImGui::InvisibleButton("##clear-search", ImVec2(clear_w, h));
        RecordItem(app, Role::Button, Tr(Str::ClearSearch, app.lang), kSemAction);
        pressed |= TakeActivation(app);
        const ImVec2 x(p.x + width - clear_w * 0.5f, p.y + h * 0.5f);
        dl->AddCircleFilled(x, 10.0f, ImGui::IsItemHovered() ? t.text : t.text_muted, 20);
        dl->AddLine(ImVec2(x.x - 4, x.y - 4), ImVec2(x.x + 4, x.y + 4), t.surface, 1.8f);
        dl->AddLine(ImVec2(x.x - 4, x.y + 4), ImVec2(x.x + 4, x.y - 4), t.surface, 1.8f);
        if (pressed) {
            SetQuery(app, "");
            cleared = true;
            platform::FocusTextField();
            RequestRedraw(app);
        }
    }

    // The page's <input> sits above the canvas: hidden while anything is drawn over the field,
    // and while the view is exported as a picture (which has only what the canvas draws); lent
    // to another field (the record dialog's) it is elsewhere. Then the field shows its text, or
    // its placeholder, drawn where the input has it.
    const bool lent = app.text_owner != TextOwner::Search;
    const bool covered = (app.show_problems && !app.problems.empty()) || app.ui.show_keys || app.png_frames > 0 ||
                         ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    if (lent || covered) {
        const char* text = ui.query.empty() ? placeholder : ui.query.c_str();
        const ImVec2 at(p.x + 38.0f, p.y + (h - ImGui::GetTextLineHeight()) * 0.5f);
        dl->PushClipRect(p, ImVec2(p.x + width - clear_w - 12.0f, p.y + h), true);
        dl->AddText(at, ui.query.empty() ? t.text_muted : t.text, text);
        dl->PopClipRect();
    }
    // Published to the page only when the rectangle or the value change (no per-frame calls).
    if (lent) return;
    const bool visible = !covered;
    const float r[4] = {p.x, p.y, visible ? width - clear_w : 0.0f, h};
    PublishTextField(app, TextOwner::Search, r, ui.query, placeholder, /*replace=*/cleared);  // emptied by the app
}

void DrawSearchResults(AppState& app) {
    const Dataset& d = app.data;
    const Lang lang = app.lang;
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s (%d)", Tr(Str::Results, lang), static_cast<int>(app.ui.hits.size()));
    SectionHeading(app, buf);
    if (app.ui.hits.empty()) {
        UiText(app, Tr(Str::NoResults, lang), TextTone::Muted);
        return;
    }
    const ImVec2 list_min = ImGui::GetCursorScreenPos();
    SemBegin(app, Role::List, Tr(Str::Results, lang), list_min, ImVec2(list_min.x + ImGui::GetContentRegionAvail().x, list_min.y + 1));
    for (size_t i = 0; i < app.ui.hits.size(); ++i) {
        const SearchHit& h = app.ui.hits[i];
        ImGui::PushID(static_cast<int>(i));
        int area = -1;
        const char* title;
        const char* sub;
        if (h.kind == HitKind::Area) {
            area = h.index;
            const Area& a = d.areas[static_cast<size_t>(area)];
            title = a.name.Get(lang).c_str();
            sub = AreaKindName(app, a);
        } else {
            const Goal& g = d.goals[static_cast<size_t>(h.index)];
            area = g.area_index;
            title = g.title.Get(lang).c_str();
            sub = area >= 0 ? d.areas[static_cast<size_t>(area)].name.Get(lang).c_str() : g.area.c_str();
        }
        const ImVec2 row = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        ImGui::PushTextWrapPos(row.x + w - 8 - ImGui::GetWindowPos().x + ImGui::GetScrollX());  // window-local
        const float title_h = ImGui::CalcTextSize(title, nullptr, false, w - 16).y;
        ImGui::PopTextWrapPos();
        const float row_h = title_h + ImGui::GetTextLineHeight() + 14;
        char name[320];
        if (h.in_quote) std::snprintf(name, sizeof name, "%s · %s · %s", title, sub, Tr(Str::InQuote, lang));
        else std::snprintf(name, sizeof name, "%s · %s", title, sub);
        if (UiSelectable(app, Role::ListItem, "##hit", name, false, 0, ImVec2(0, row_h)) && area >= 0) {
            SelectArea(app, area);
            // A portrait sheet pulled up over the map (to type, to read the results) comes down to
            // half: the map shows where the result is, its detail below.
            if (app.ui.sheet == Sheet::Full) app.ui.sheet = Sheet::Half;
            if (h.kind != HitKind::Area) {  // a goal: its area's detail opens scrolled to it, highlighted
                app.ui.focus_goal = h.index;
                app.ui.focus_goal_scrolled = false;
            }
        }
        if (ImGui::IsItemHovered()) app.map.list_hovered = area;
        ImGui::SetCursorScreenPos(ImVec2(row.x + 8, row.y + 5));
        ImGui::PushTextWrapPos(row.x + w - 8 - ImGui::GetWindowPos().x + ImGui::GetScrollX());  // window-local
        ImGui::TextUnformatted(title);
        ImGui::PopTextWrapPos();
        ImGui::SetCursorScreenPos(ImVec2(row.x + 8, row.y + 7 + title_h));
        if (h.in_quote) ImGui::TextDisabled("%s · %s", sub, Tr(Str::InQuote, lang));
        else ImGui::TextDisabled("%s", sub);
        ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + row_h + 4));
        ImGui::PopID();
    }
    ImGui::Dummy(ImVec2(0.0f, 0.0f));  // the content ends after the last gap (ImGui counts items, not SetCursor)
    SemEnd(app);
}

void DrawFilters(AppState& app) {
    const Dataset& d = app.data;
    const Lang lang = app.lang;
    GoalFilter& f = app.ui.filter;
    bool changed = false;
    auto toggle = [&changed](std::vector<std::string>& list, const std::string& id) {
        for (size_t i = 0; i < list.size(); ++i) {
            if (list[i] == id) {
                list.erase(list.begin() + static_cast<long>(i));
                changed = true;
                return;
            }
        }
        list.push_back(id);
        changed = true;
    };
    auto is_on = [](const std::vector<std::string>& list, const std::string& id) {
        for (const std::string& s : list)
            if (s == id) return true;
        return false;
    };
    // Chips flow onto as many lines as they need.
    auto flow = [](const char* label, bool first, bool swatch) {
        if (!first) SameLineOrWrap(ButtonWidth(label, swatch ? 26.0f : 12.0f));
    };

    ImGui::Spacing();
    // Clearing them is at the top, at the right of the first heading (below the last of some
    // twenty chips, a phone needed three swipes to find it).
    const bool any = !f.Empty();
    AlignTextToLinks();  // with the link or without, the line keeps its height: the chips below do not move
    UiLabel(app, Tr(Str::Categories, lang), TextTone::Muted);
    if (any) {
        const char* clear = Tr(Str::ClearFilters, lang);
        const float w = ButtonWidth(clear, kLinkPadX);
        ImGui::SameLine();
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w + kLinkPadX));
        if (UiLink(app, clear)) ClearFilters(app);
    }
    for (size_t i = 0; i < d.categories.size(); ++i) {
        const char* label = d.categories[i].name.Get(lang).c_str();
        ImGui::PushID(static_cast<int>(i));
        flow(label, i == 0, true);
        if (UiChip(app, label, is_on(f.categories, d.categories[i].id), CategoryColor(d, static_cast<int>(i))))
            toggle(f.categories, d.categories[i].id);
        ImGui::PopID();
    }
    UiLabel(app, Tr(Str::Statuses, lang), TextTone::Muted);
    for (int k = 0; k < kStatusCount; ++k) {  // in the order the legends give them
        const int s = static_cast<int>(kStatusShown[k]);
        const char* label = StatusName(kStatusShown[k], lang);
        ImGui::PushID(100 + s);
        flow(label, k == 0, true);
        const uint32_t bit = 1u << static_cast<unsigned>(s);
        if (UiChip(app, label, (f.statuses & bit) != 0, CurrentTheme().status[s])) {
            f.statuses ^= bit;
            changed = true;
        }
        ImGui::PopID();
    }
    UiLabel(app, Tr(Str::AreaKinds, lang), TextTone::Muted);
    for (size_t i = 0; i < d.area_kinds.size(); ++i) {
        const char* label = d.area_kinds[i].name.Get(lang).c_str();
        ImGui::PushID(200 + static_cast<int>(i));
        flow(label, i == 0, false);
        if (UiChip(app, label, is_on(f.area_kinds, d.area_kinds[i].id))) toggle(f.area_kinds, d.area_kinds[i].id);
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (changed) {
        RefreshStats(app);
        WriteHash(app, /*push=*/false);  // the link names the filters (a shared link keeps them)
    }
}

}  // namespace jcm
