// widgets.cpp: the widget helpers (see widgets.h).
//
// Index:
//   [SECTION] Recording   item rects, visibility, cut-off text
//   [SECTION] Text        paragraphs, labels, headings
//   [SECTION] Controls    buttons, links, chips, checkbox, slider, selectable
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <cstring>

#include "ui/theme.h"

namespace jcm {

//-----------------------------------------------------------------------------
// [SECTION] Recording
//-----------------------------------------------------------------------------

std::string_view VisibleLabel(const char* label) {
    const char* hash = std::strstr(label, "##");
    return hash ? std::string_view(label, static_cast<size_t>(hash - label)) : std::string_view(label);
}

namespace {

// The part of [min, max] that is visible in the current window (and the screen); `cut` is set
// when the rectangle reaches past a visible edge that scrolling cannot bring into view.
SemRect VisiblePart(ImVec2 min, ImVec2 max, bool* cut, bool* offscreen) {
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImRect clip = w->InnerClipRect;
    clip.ClipWith(ImRect(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y)));
    const bool settled = w->HiddenFramesCanSkipItems == 0 && w->HiddenFramesCannotSkipItems == 0 && !w->SkipItems;
    const float slack = 1.0f;
    const bool can_scroll_x = w->ScrollMax.x > 0.0f;
    const bool can_scroll_y = w->ScrollMax.y > 0.0f;
    *cut = settled && ((!can_scroll_x && (max.x > clip.Max.x + slack || min.x < clip.Min.x - slack)) ||
                       // Past the bottom of the screen in a window that does not scroll: unreachable.
                       (!can_scroll_y && max.y > vp->Pos.y + vp->Size.y + slack));
    ImRect r(min, max);
    r.ClipWithFull(clip);
    *offscreen = !settled || r.GetWidth() <= 0.5f || r.GetHeight() <= 0.5f;
    if (*offscreen) return SemRect{r.Min.x, r.Min.y, 0, 0};
    return SemRect{r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()};
}

ImVec4 ToneColor(TextTone tone) {
    const Theme& t = CurrentTheme();
    switch (tone) {
        case TextTone::Muted: return ImGui::ColorConvertU32ToFloat4(t.text_muted);
        case TextTone::Accent: return ImGui::ColorConvertU32ToFloat4(t.accent);
        case TextTone::Warning: return ImGui::ColorConvertU32ToFloat4(t.warning_text);
        default: return ImGui::GetStyle().Colors[ImGuiCol_Text];
    }
}

}  // namespace

int RecordRect(AppState& app, Role role, std::string_view name, ImVec2 min, ImVec2 max, uint16_t flags, uint32_t id) {
    bool cut = false, offscreen = false;
    const SemRect r = VisiblePart(min, max, &cut, &offscreen);
    if (cut) flags |= kSemTruncated;
    if (offscreen) flags |= kSemOffscreen;
    return app.sem.Add(role, id, name, r, flags);
}

int RecordItem(AppState& app, Role role, std::string_view name, uint16_t flags) {
    const ImGuiID id = ImGui::GetItemID();
    const int index = RecordRect(app, role, name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), flags, id);
    // The mirror's keyboard focus landed here: bring the item into view.
    if (id != 0 && app.sem.TakeFocus(id)) {
        ImGui::SetScrollHereY(0.5f);
        RequestRedraw(app);
    }
    return index;
}

int SemBegin(AppState& app, Role role, std::string_view name, ImVec2 min, ImVec2 max, uint16_t flags) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImRect r(min, max);
    r.ClipWithFull(ImRect(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y)));
    const uint32_t id = app.sem.DeriveId(role, name);
    return app.sem.Begin(role, id, name, SemRect{r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()}, flags);
}

void SemEnd(AppState& app) { app.sem.End(); }

bool TextCut(const char* text, float room) { return ImGui::CalcTextSize(text).x > room + 0.5f; }

bool TakeActivation(AppState& app, float* value) {
    const ImGuiID id = ImGui::GetItemID();
    if (id == 0 || !app.sem.TakeActivation(id, value)) return false;
    RequestRedraw(app);
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Text
//-----------------------------------------------------------------------------

void UiText(AppState& app, const char* text, TextTone tone) {
    if (!text || !*text) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ToneColor(tone));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    RecordRect(app, Role::Text, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void UiLabel(AppState& app, const char* text, TextTone tone) {
    ImGui::PushStyleColor(ImGuiCol_Text, ToneColor(tone));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    RecordRect(app, Role::Text, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void UiHeading(AppState& app, const char* text, int level, ImFont* font, TextTone tone) {
    if (font) ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, ToneColor(tone));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
    const int i = RecordRect(app, Role::Heading, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    app.sem.SetLevel(i, level);
}

//-----------------------------------------------------------------------------
// [SECTION] Controls
//-----------------------------------------------------------------------------

bool UiButton(AppState& app, const char* label, ImVec2 size, const char* name, uint16_t flags) {
    bool pressed = ImGui::Button(label, size);
    const std::string_view visible = VisibleLabel(label);
    // A fixed-size button narrower than its label clips it.
    if (!visible.empty() && size.x > 0 &&
        ImGui::CalcTextSize(visible.data(), visible.data() + visible.size()).x > ImGui::GetItemRectSize().x - 2.0f)
        flags |= kSemTruncated;
    RecordItem(app, Role::Button, name ? std::string_view(name) : visible, flags | kSemAction);
    pressed |= TakeActivation(app);
    return pressed;
}

bool UiLink(AppState& app, const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(6, 6));  // with TouchExtraPadding: a 30+ px target
    bool pressed = ImGui::Button(label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    RecordItem(app, Role::Button, VisibleLabel(label), kSemAction);
    pressed |= TakeActivation(app);
    return pressed;
}

bool UiChip(AppState& app, const char* label, bool on, ImU32 swatch, Role role) {
    const Theme& t = CurrentTheme();
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 14.0f);
    // 34 px tall; with style.TouchExtraPadding the tap target is 42 px.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(swatch ? 26.0f : 12.0f, 9.0f));
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(on ? t.accent : t.surface));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(on ? t.accent_hover : t.surface_hover));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(on ? t.on_accent : t.text));
    bool pressed = ImGui::Button(label);
    if (swatch) {
        const ImVec2 a = ImGui::GetItemRectMin();
        const float h = ImGui::GetItemRectSize().y;
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(a.x + 14, a.y + h * 0.5f), 5.0f, swatch);
        if (on) ImGui::GetWindowDrawList()->AddCircle(ImVec2(a.x + 14, a.y + h * 0.5f), 6.0f, t.on_accent);
    }
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar(2);
    const uint16_t state = role == Role::Tab ? (on ? kSemSelected : 0) : static_cast<uint16_t>(kSemToggle | (on ? kSemChecked : 0));
    RecordItem(app, role, VisibleLabel(label), static_cast<uint16_t>(state | kSemAction));
    pressed |= TakeActivation(app);
    return pressed;
}

bool UiCheckbox(AppState& app, const char* label, bool* value) {
    bool changed = ImGui::Checkbox(label, value);
    RecordItem(app, Role::Checkbox, VisibleLabel(label), static_cast<uint16_t>(kSemAction | (*value ? kSemChecked : 0)));
    if (TakeActivation(app)) {
        *value = !*value;
        changed = true;
    }
    return changed;
}

bool UiSliderInt(AppState& app, const char* id, const char* name, int* value, int min, int max, const char* format) {
    bool changed = ImGui::SliderInt(id, value, min, max, format);
    const int i = RecordItem(app, Role::Slider, name, kSemAction);
    app.sem.SetValue(i, static_cast<float>(*value), static_cast<float>(min), static_cast<float>(max));
    float v = 0;
    if (TakeActivation(app, &v)) {
        const int next = static_cast<int>(v + (v >= 0 ? 0.5f : -0.5f));
        *value = next < min ? min : next > max ? max : next;
        changed = true;
    }
    return changed;
}

bool UiSelectable(AppState& app, Role role, const char* id, std::string_view name, bool selected,
                  ImGuiSelectableFlags flags, ImVec2 size) {
    bool pressed = ImGui::Selectable(id, selected, flags, size);
    RecordItem(app, role, name, static_cast<uint16_t>(kSemAction | (selected ? kSemSelected : 0)));
    pressed |= TakeActivation(app);
    return pressed;
}

}  // namespace jcm
