// widgets.cpp: the widget helpers (see widgets.h).
//
// Index:
//   [SECTION] Recording   item rects, visibility, cut-off text
//   [SECTION] Text        paragraphs, labels, headings
//   [SECTION] Controls    buttons, links, chips, checkbox, slider, selectable
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstring>

#include "platform/platform.h"
#include "ui/strings.h"
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
    // What scrolling can bring into view (by the window's flags: its content size is only
    // known a frame late, and a new window's first frames would read as unscrollable).
    const bool can_scroll_x = (w->Flags & (ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_AlwaysHorizontalScrollbar)) != 0;
    const bool can_scroll_y = (w->Flags & ImGuiWindowFlags_NoScrollbar) == 0 || (w->Flags & ImGuiWindowFlags_NoScrollWithMouse) == 0;
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
    // The keyboard was sent here ('P'): the first control takes it, shown, so Enter acts at once.
    if (app.nav_focus_next && id != 0 && (flags & kSemAction)) {
        app.nav_focus_next = false;
        ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
        ShowNavCursor();
        RequestRedraw(app);
    }
    // The mirror's keyboard focus landed here: bring the item into view.
    if (id != 0 && app.sem.TakeFocus(id)) {
        ImGui::SetScrollHereY(0.5f);
        RequestRedraw(app);
    }
    return index;
}

void RecordTitleBar(AppState& app, const char* title, int level, bool* open) {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImRect bar = w->TitleBarRect();
    app.sem.SetLevel(app.sem.Add(Role::Heading, 0, title, SemRect{bar.Min.x, bar.Min.y, bar.GetWidth(), bar.GetHeight()}), level);
    if (!open) return;
    const float bs = ImGui::GetFrameHeight();
    const uint32_t close_id = w->GetID("#CLOSE");
    app.sem.Add(Role::Button, close_id, Tr(Str::Close, app.lang), SemRect{bar.Max.x - bs - 4, bar.Min.y, bs, bar.GetHeight()}, kSemAction);
    if (app.sem.TakeActivation(close_id)) {
        *open = false;
        RequestRedraw(app);
    }
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

void ShowNavCursor() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
}

bool TakeActivation(AppState& app, double* value) {
    const ImGuiID id = ImGui::GetItemID();
    if (id == 0 || !app.sem.TakeActivation(id, value)) return false;
    RequestRedraw(app);
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Text
//-----------------------------------------------------------------------------

void SameLineOrWrap(float width, float spacing) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(0.0f, spacing);
    if (ImGui::GetCursorScreenPos().x + width > right + 0.5f) ImGui::NewLine();
}

void AlignTextToLinks() {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(kLinkPadX, kLinkPadY));
    ImGui::AlignTextToFramePadding();
    ImGui::PopStyleVar();
}

void ScrollWindowBy(float dy) {
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    const bool pending = w->ScrollTarget.y < FLT_MAX && w->ScrollTargetCenterRatio.y == 0.0f;
    ImGui::SetScrollY((pending ? w->ScrollTarget.y : w->Scroll.y) + dy);
}

void DrawTintedBox(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color) {
    dl->AddRectFilled(min, max, (color & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 0x22), 8.0f);
}

float ButtonWidth(const char* label, float pad_x) {
    const std::string_view v = VisibleLabel(label);
    return ImGui::CalcTextSize(v.data(), v.data() + v.size()).x + pad_x * 2.0f;
}

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
    if (pressed) RequestRedraw(app);  // the press changes state after this frame recorded it
    return pressed;
}

void DrawSignIcon(ImDrawList* dl, bool plus, ImU32 color) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
    const float r = 8.0f, w = 2.0f;
    dl->AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x + r, c.y), color, w);
    if (plus) dl->AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, c.y + r), color, w);
}

void DrawChevron(ImDrawList* dl, ImVec2 c, float r, bool right, ImU32 color) {
    const float s = right ? 1.0f : -1.0f;
    const ImVec2 p[3] = {ImVec2(c.x - s * r * 0.5f, c.y - r), ImVec2(c.x + s * r * 0.5f, c.y), ImVec2(c.x - s * r * 0.5f, c.y + r)};
    dl->AddPolyline(p, 3, color, 0, 2.0f);
}

void DrawRingOutline(ImDrawList* dl, const Vec2* ring, uint32_t count, ImU32 color, float width, std::vector<Vec2>* run) {
    if (count < 2) return;
    const uint32_t n = count;
    const auto im = [](const Vec2* p) { return reinterpret_cast<const ImVec2*>(p); };
    // The turn at k, between the nearest points before and after it at least half a pixel away
    // (zoomed out, a needle's points may lie closer than that to each other).
    const auto sharp = [&](uint32_t k) {
        const Vec2 b = ring[k];
        const auto away = [&](uint32_t j) { return (ring[j].x - b.x) * (ring[j].x - b.x) + (ring[j].y - b.y) * (ring[j].y - b.y) > 0.25f; };
        uint32_t i = (k + n - 1) % n, j = (k + 1) % n;
        for (uint32_t steps = 0; steps < n && !away(i); ++steps) i = (i + n - 1) % n;
        for (uint32_t steps = 0; steps < n && !away(j); ++steps) j = (j + 1) % n;
        const Vec2 a = ring[i], c = ring[j];
        const float ux = b.x - a.x, uy = b.y - a.y, wx = c.x - b.x, wy = c.y - b.y;
        const float lu = ux * ux + uy * uy, lw = wx * wx + wy * wy, dot = ux * wx + uy * wy;
        return lu > 0.25f && lw > 0.25f && dot < 0 && dot * dot > 0.25f * lu * lw;  // cos(turn) < -1/2
    };
    uint32_t first = n;
    for (uint32_t k = 0; k < n && first == n; ++k)
        if (sharp(k)) first = k;
    if (first == n) {
        dl->AddPolyline(im(ring), static_cast<int>(n), color, ImDrawFlags_Closed, width);
        return;
    }
    // From one sharp corner to the next, open polylines (the last one across the ring's end).
    uint32_t start = first;
    do {
        uint32_t end = (start + 1) % n;
        while (end != first && !sharp(end)) end = (end + 1) % n;
        if (end > start) {
            dl->AddPolyline(im(ring + start), static_cast<int>(end - start + 1), color, ImDrawFlags_None, width);
        } else {
            run->assign(ring + start, ring + n);
            run->insert(run->end(), ring, ring + end + 1);
            dl->AddPolyline(im(run->data()), static_cast<int>(run->size()), color, ImDrawFlags_None, width);
        }
        dl->AddCircleFilled(im(ring + end)[0], width * 0.5f, color, 8);
        start = end;
    } while (start != first);
}

bool UiLink(AppState& app, const char* label, Role role) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(kLinkPadX, kLinkPadY));
    // At the start of a line its label lines up with the text above and below it: the button's
    // padding reaches out to the left (it stood kLinkPadX in, as if indented).
    if (!ImGui::GetCurrentWindow()->DC.IsSameLine) ImGui::SetCursorPosX(ImGui::GetCursorPosX() - kLinkPadX);
    bool pressed = ImGui::Button(label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    RecordItem(app, role, VisibleLabel(label), kSemAction);
    pressed |= TakeActivation(app);
    if (pressed) RequestRedraw(app);  // the press changes state after this frame recorded it
    return pressed;
}

bool UiChip(AppState& app, const char* label, bool on, ImU32 swatch, Role role) {
    const Theme& t = CurrentTheme();
    const float pad_x = swatch ? 26.0f : 12.0f, pad_y = 9.0f;
    const std::string_view visible = VisibleLabel(label);
    // A label too long for one line (a long category name in English on a narrow panel) makes a
    // taller chip with the label wrapped, instead of running past the edge.
    const float room = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorScreenPos().x;
    const float one_line = ImGui::CalcTextSize(visible.data(), visible.data() + visible.size()).x + pad_x * 2.0f;
    bool pressed = false;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (one_line <= room + 0.5f || room < 80.0f) {
        ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 14.0f);
        // 34 px tall; with style.TouchExtraPadding the tap target is 42 px.
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(pad_x, pad_y));
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(on ? t.accent : t.surface));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(on ? t.accent_hover : t.surface_hover));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(on ? t.on_accent : t.text));
        pressed = ImGui::Button(label);
        ImGui::PopStyleColor(3);
        ImGui::PopStyleVar(2);
    } else {
        const float wrap = room - pad_x * 2.0f;
        const ImVec2 ts = ImGui::CalcTextSize(visible.data(), visible.data() + visible.size(), false, wrap);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        pressed = ImGui::InvisibleButton(label, ImVec2(room, ts.y + pad_y * 2.0f));
        const bool hovered = ImGui::IsItemHovered();
        dl->AddRectFilled(p, ImVec2(p.x + room, p.y + ts.y + pad_y * 2.0f),
                          on ? (hovered ? t.accent_hover : t.accent) : (hovered ? t.surface_hover : t.surface), 14.0f);
        dl->AddText(nullptr, 0.0f, ImVec2(p.x + pad_x, p.y + pad_y), on ? t.on_accent : t.text, visible.data(),
                    visible.data() + visible.size(), wrap);
    }
    if (swatch) {
        const ImVec2 a = ImGui::GetItemRectMin();
        const float cy = a.y + (one_line <= room + 0.5f ? ImGui::GetItemRectSize().y * 0.5f : pad_y + ImGui::GetTextLineHeight() * 0.5f);
        dl->AddCircleFilled(ImVec2(a.x + 14, cy), 5.0f, swatch);
        if (on) dl->AddCircle(ImVec2(a.x + 14, cy), 6.0f, t.on_accent);
    }
    const uint16_t state = role == Role::Tab ? (on ? kSemSelected : 0) : static_cast<uint16_t>(kSemToggle | (on ? kSemChecked : 0));
    RecordItem(app, role, visible, static_cast<uint16_t>(state | kSemAction));
    pressed |= TakeActivation(app);
    if (pressed) RequestRedraw(app);  // the press changes state after this frame recorded it
    return pressed;
}

bool UiCheckbox(AppState& app, const char* label, bool* value) {
    // A 22 px box with a 2 px border on a 44 px tall target that takes the label too: ImGui's box,
    // made as tall as the target, read as a blank button.
    const Theme& t = CurrentTheme();
    const std::string_view visible = VisibleLabel(label);
    const float h = 44.0f, box = 22.0f, gap = 10.0f;
    const ImVec2 text = ImGui::CalcTextSize(visible.data(), visible.data() + visible.size());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    bool changed = ImGui::InvisibleButton(label, ImVec2(box + gap + text.x + 4.0f, h));
    if (changed) *value = !*value;
    ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), ImGui::GetItemID());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 b0(p.x + 1.0f, p.y + (h - box) * 0.5f), b1(b0.x + box, b0.y + box);
    if (*value) {
        dl->AddRectFilled(b0, b1, t.accent, 4.0f);
        ImGui::RenderCheckMark(dl, ImVec2(b0.x + 4.0f, b0.y + 4.0f), t.on_accent, box - 8.0f);
    } else {
        dl->AddRectFilled(b0, b1, ImGui::IsItemHovered() ? t.surface_hover : t.surface, 4.0f);
        dl->AddRect(b0, b1, t.text_muted, 4.0f, 0, 2.0f);
    }
    dl->AddText(ImVec2(b1.x + gap, p.y + (h - text.y) * 0.5f), t.text, visible.data(), visible.data() + visible.size());
    RecordItem(app, Role::Checkbox, VisibleLabel(label), static_cast<uint16_t>(kSemAction | (*value ? kSemChecked : 0)));
    if (TakeActivation(app)) {
        *value = !*value;
        changed = true;
    }
    if (changed) RequestRedraw(app);
    return changed;
}

bool UiSliderInt(AppState& app, const char* id, const char* name, int* value, int min, int max, const char* format, double scale) {
    TouchScrollState& s = app.touch_scroll;
    const int before = *value;
    bool changed = ImGui::SliderInt(id, value, min, max, format);
    // By finger in a window that scrolls, the press does not move the value yet: a swipe that
    // starts here scrolls (HandleTouchScroll) and leaves it; a move along the slider drags it; a
    // tap sets it where it touched, on release.
    const ImGuiID self = ImGui::GetItemID();
    if (ImGui::IsItemActivated() && s.tracking && ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen) {
        s.slider = self;
        s.slider_drag = false;
    }
    if (s.slider == self && !s.slider_drag) {
        if (s.dragging) {
            s.slider = 0;  // a swipe: the value stays as it was
        } else if (ImGui::IsItemActive()) {
            s.slider_tap = *value;  // undecided: where the finger is, kept for a tap
            *value = before;
            changed = false;
        } else if (ImGui::IsItemDeactivated() && !s.tracking) {  // lifted without moving: a tap
            *value = s.slider_tap;
            changed = *value != before;
            s.slider = 0;
        } else {
            s.slider = 0;  // (the gesture ended elsewhere: nothing to apply)
        }
    } else if (s.slider == self && !ImGui::IsItemActive()) {
        s.slider = 0;
    }
    const int i = RecordItem(app, Role::Slider, name, kSemAction);
    app.sem.SetValue(i, *value * scale, min * scale, max * scale, scale);
    double v = 0;
    if (TakeActivation(app, &v)) {
        const double steps = v / scale;
        const int next = static_cast<int>(std::clamp(steps + (steps >= 0 ? 0.5 : -0.5), -2e9, 2e9));
        *value = next < min ? min : next > max ? max : next;
        changed = true;
    }
    if (changed) RequestRedraw(app);
    return changed;
}

bool UiSelectable(AppState& app, Role role, const char* id, std::string_view name, bool selected,
                  ImGuiSelectableFlags flags, ImVec2 size) {
    bool pressed = ImGui::Selectable(id, selected, flags, size);
    RecordItem(app, role, name, static_cast<uint16_t>(kSemAction | (selected ? kSemSelected : 0)));
    pressed |= TakeActivation(app);
    if (pressed) RequestRedraw(app);  // the press changes state after this frame recorded it
    return pressed;
}

void PublishTextField(AppState& app, TextOwner owner, const float rect[4], const std::string& value,
                      const char* placeholder, bool replace) {
    DashboardState& ui = app.ui;
    const bool moved = ui.field_owner != owner;  // it held another field's text
    if (!moved && !replace && ui.field_published == value && std::equal(rect, rect + 4, ui.field_rect)) return;
    std::copy(rect, rect + 4, ui.field_rect);
    ui.field_published = value;
    ui.field_owner = owner;
    const platform::FieldKind kind = owner == TextOwner::Search ? platform::FieldKind::Search
                                    : owner == TextOwner::Amount || owner == TextOwner::Percent ? platform::FieldKind::Number
                                                                 : platform::FieldKind::Text;
    platform::SetTextField(rect[0], rect[1], rect[2], rect[3], value, placeholder, kind, moved || replace);
}

}  // namespace jcm
