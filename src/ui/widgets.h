// widgets.h: one helper per widget kind. Each draws with Dear ImGui and records the item in the
// semantics layer (ui/semantics.h), so a view stays a one-liner and every control exists for
// screen readers, the keyboard and tests as well as in pixels.
//
// To add a widget kind: wrap the ImGui call here, record it with RecordItem (role, accessible
// name, state), take a pending activation (TakeActivation) as if the control were clicked, and
// say when the text was drawn cut off. Custom-drawn items call RecordRect with their own rect.
#pragma once

#include <imgui.h>

#include "ui/app.h"
#include "ui/semantics.h"

namespace jcm {

// The text of an ImGui label as a person sees it: without any "##id" suffix.
std::string_view VisibleLabel(const char* label);

// Records the last ImGui item (its rect, clipped to what is visible) with this role and name; an
// item reaching past its window's visible edge, where the window cannot scroll that way, is
// recorded as cut off. Returns the item's index (-1 when the buffer is full).
int RecordItem(AppState& app, Role role, std::string_view name, uint16_t flags = 0);
// Records an item at a given screen rectangle (custom-drawn items, containers); `id` 0 derives one.
int RecordRect(AppState& app, Role role, std::string_view name, ImVec2 min, ImVec2 max, uint16_t flags = 0,
               uint32_t id = 0);
// A window's title bar (drawn by ImGui::Begin) as a heading of `level`, and its close button if
// `open` is given: an activation of that button sets *open = false.
void RecordTitleBar(AppState& app, const char* title, int level, bool* open);
// Containers: items recorded until SemEnd lie inside.
int SemBegin(AppState& app, Role role, std::string_view name, ImVec2 min, ImVec2 max, uint16_t flags = 0);
void SemEnd(AppState& app);
// True when `text` at the current font is wider than `room` pixels (it will be drawn cut off).
bool TextCut(const char* text, float room);
// The keyboard focus ImGui was just asked to move (SetKeyboardFocusHere) counts as keyboard
// navigation: it is shown, and Enter / Space act on it at once.
void ShowNavCursor();
// After a recorded control: the mirror asked to act on it (returns true once) or to show it.
bool TakeActivation(AppState& app, double* value = nullptr);

// Continues on the same line if an item `width` pixels wide still fits there, else on the next
// line: what keeps rows of chips, links and labels from running past the edge.
void SameLineOrWrap(float width, float spacing = -1.0f);
// Scrolls the current window by dy from where it is going (a scroll to a position already asked
// for this frame included; one to centre something, as keyboard navigation asks, is replaced):
// two adjustments in one frame add up rather than the second replacing the first.
void ScrollWindowBy(float dy);
// A rounded box in a light tint of `color`, drawn under content (a goal brought into view, the
// local-records banner).
void DrawTintedBox(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color);
// The width a button or link with this label takes (frame padding `pad_x` each side).
float ButtonWidth(const char* label, float pad_x);

// Text, wrapped at the content edge (never cut), recorded as a paragraph.
enum class TextTone : uint8_t { Body, Muted, Accent, Warning };
void UiText(AppState& app, const char* text, TextTone tone = TextTone::Body);
// Text not wrapped, on one line (numbers, dates, short captions beside a control); recorded,
// cut off if it runs past the window edge.
void UiLabel(AppState& app, const char* text, TextTone tone = TextTone::Body);
// A heading (level 1..3) in `font` (null: the current font), wrapped.
void UiHeading(AppState& app, const char* text, int level, ImFont* font = nullptr, TextTone tone = TextTone::Body);

// A plus or minus sign of lines, centred in the last item (the zoom and step buttons): the font's
// "-" is a short hyphen beside its "+".
void DrawSignIcon(ImDrawList* dl, bool plus, ImU32 color);
// A chevron ("<" or ">") of lines, `r` px from its centre to its ends (the day steppers; the compare
// table's "more columns"): unlike a stepper's - and +, it reads as going back and forth.
void DrawChevron(ImDrawList* dl, ImVec2 centre, float r, bool right, ImU32 color);
// A closed ring's outline (screen points), `width` px wide. ImGui mitres a polyline's joins,
// and at a sharp corner (a turn of more than 120 degrees: a boundary's needle) the mitre is a
// spike up to ten times the line's width: the line is cut there, and a dot rounds the corner.
// `run`: reused storage.
void DrawRingOutline(ImDrawList* dl, const Vec2* ring, uint32_t count, ImU32 color, float width, std::vector<Vec2>* run);

// A button; `name` is its accessible name when the label is an icon or differs ("##theme").
bool UiButton(AppState& app, const char* label, ImVec2 size = ImVec2(0, 0), const char* name = nullptr,
              uint16_t flags = 0);
// A text-styled button (actions inside text: back, record progress, revert); with Role::Link, a
// link to an outside address. Its frame padding (also the source text's toggle): with the small
// font 35 px tall, and with style.TouchExtraPadding a 43 px target for a finger.
constexpr float kLinkPadX = 6.0f, kLinkPadY = 8.0f;
// At the start of a line (no SameLine before it: ImGui's DC.IsSameLine, which SameLine sets and
// every item, NewLine and Spacing clear) it moves left by kLinkPadX, so that its label lines up
// with the text above it; placed by SetCursorPos after a finished line it moves too.
bool UiLink(AppState& app, const char* label, Role role = Role::Button);
// Text on this line sits where a UiLink's label does (ImGui::AlignTextToFramePadding for a link).
void AlignTextToLinks();
// A rounded toggle chip: a toggle button (role Button, kSemToggle) or a tab (role Tab).
bool UiChip(AppState& app, const char* label, bool on, ImU32 swatch = 0, Role role = Role::Button);
bool UiCheckbox(AppState& app, const char* label, bool* value);
// A slider over [min, max]; `name` is its accessible name. `scale`: what one of its steps is worth
// to a screen reader (an amount's slider steps by 10 or 0.1: it says the amount, not the step count).
bool UiSliderInt(AppState& app, const char* id, const char* name, int* value, int min, int max, const char* format,
                 double scale = 1.0);
// A selectable row (list items, table cells that select their row).
bool UiSelectable(AppState& app, Role role, const char* id, std::string_view name, bool selected,
                  ImGuiSelectableFlags flags, ImVec2 size);

// Lays the page's one <input> over the drawn field `owner` at `rect` (x, y, w, h; w 0 hides it)
// with its text, when any of them changed since it was last published (no per-frame calls).
// The focused input keeps what is being typed, unless it moves here from another field or
// `replace` (the app changed the text itself).
void PublishTextField(AppState& app, TextOwner owner, const float rect[4], const std::string& value,
                      const char* placeholder, bool replace);

}  // namespace jcm
