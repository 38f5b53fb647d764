// touch_scroll.cpp: one finger dragged over a scrollable region scrolls it, with momentum and a
// clean stop at the ends; a tap stays a tap. ImGui scrolls with the wheel and the scrollbar only:
// a finger (SDL's emulated mouse, io.MouseSource == TouchScreen) would press whatever it starts
// on. So, before the frame's widgets: a press by finger over a window that can scroll starts
// tracking; once it has moved more than a small threshold it becomes a swipe, the press is taken
// away from the control under it (it will not fire on release) and the window follows the finger;
// released, it coasts with the finger's speed, slowing down, until it stops or meets an end.
#include <imgui_internal.h>

#include <cmath>

#include "ui/views.h"

namespace jcm {
namespace {

constexpr float kSwipeThreshold = 8.0f;  // px a finger may wander before a tap becomes a swipe
constexpr float kFriction = 4.0f;        // 1/s: the coast's speed falls to 1/e in a quarter second
constexpr float kStopSpeed = 15.0f;      // px/s: slower than this, the coast ends

// The nearest window from `w` outwards that can scroll along x (axis 0) or y (axis 1).
ImGuiWindow* Scroller(ImGuiWindow* w, int axis) {
    for (; w; w = w->ParentWindow) {
        if ((w->Flags & ImGuiWindowFlags_NoScrollWithMouse) && !(w->Flags & ImGuiWindowFlags_ChildWindow)) return nullptr;
        if ((axis == 0 ? w->ScrollMax.x : w->ScrollMax.y) > 0.5f) return w;
        if (!(w->Flags & ImGuiWindowFlags_ChildWindow)) break;
    }
    return nullptr;
}

// Scrolls by (dx, dy) pixels of content; returns which axes hit an end.
void ScrollBy(uint32_t id, int axis, float d, bool* at_end) {
    ImGuiWindow* w = id ? ImGui::FindWindowByID(id) : nullptr;
    if (!w || d == 0.0f) return;
    const float cur = axis == 0 ? w->Scroll.x : w->Scroll.y;
    const float max = axis == 0 ? w->ScrollMax.x : w->ScrollMax.y;
    float next = cur + d;
    if (next <= 0.0f || next >= max) {
        next = next <= 0.0f ? 0.0f : max;
        if (at_end) *at_end = true;
    }
    if (axis == 0) ImGui::SetScrollX(w, next);
    else ImGui::SetScrollY(w, next);
}

}  // namespace

void HandleTouchScroll(AppState& app) {
    TouchScrollState& s = app.touch_scroll;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiIO& io = ImGui::GetIO();
    const bool finger = io.MouseSource == ImGuiMouseSource_TouchScreen;
    const float dt = io.DeltaTime > 0.0f ? io.DeltaTime : 1.0f / 60.0f;

    if (finger && io.MouseClicked[0]) {  // a finger touched: which windows could it scroll?
        ImGuiWindow* x = Scroller(g.HoveredWindow, 0);
        ImGuiWindow* y = Scroller(g.HoveredWindow, 1);
        s = TouchScrollState{};  // (a slider pressed decides in UiSliderInt, after this)
        s.window_x = x ? x->ID : 0;
        s.window_y = y ? y->ID : 0;
        s.tracking = s.window_x || s.window_y;
        s.start = Vec2{io.MousePos.x, io.MousePos.y};
        return;
    }
    if (s.tracking && io.MouseDown[0]) {
        const float mx = io.MousePos.x - s.start.x, my = io.MousePos.y - s.start.y;
        if (!s.dragging && std::hypot(mx, my) > kSwipeThreshold) {
            if (s.slider && g.ActiveId == s.slider && std::fabs(mx) >= std::fabs(my)) {
                s.slider_drag = true;  // along a slider: it is the slider's drag, not a swipe
                s.tracking = false;
                return;
            }
            s.dragging = true;
            ImGui::ClearActiveID();  // the control the swipe started on is not pressed
        }
        if (s.dragging) {
            ImGui::ClearActiveID();
            ScrollBy(s.window_x, 0, -io.MouseDelta.x, nullptr);
            ScrollBy(s.window_y, 1, -io.MouseDelta.y, nullptr);
            // The finger's speed, smoothed over the last few frames.
            const float a = 0.4f;
            s.velocity.x = s.velocity.x * (1 - a) + (io.MouseDelta.x / dt) * a;
            s.velocity.y = s.velocity.y * (1 - a) + (io.MouseDelta.y / dt) * a;
            RequestRedraw(app);
        }
        return;
    }
    if (s.tracking && !io.MouseDown[0]) {  // released: a swipe coasts, a tap was just a tap
        s.tracking = false;
        s.coasting = s.dragging && std::hypot(s.velocity.x, s.velocity.y) > kStopSpeed;
        s.dragging = false;
    }
    if (s.coasting) {
        bool end_x = false, end_y = false;
        ScrollBy(s.window_x, 0, -s.velocity.x * dt, &end_x);
        ScrollBy(s.window_y, 1, -s.velocity.y * dt, &end_y);
        if (end_x || !s.window_x) s.velocity.x = 0;
        if (end_y || !s.window_y) s.velocity.y = 0;
        const float k = std::exp(-kFriction * dt);
        s.velocity.x *= k;
        s.velocity.y *= k;
        s.coasting = std::hypot(s.velocity.x, s.velocity.y) > kStopSpeed;
        RequestRedraw(app);
    }
}

}  // namespace jcm
