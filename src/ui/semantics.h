// semantics.h: the UI as items software can read: the semantics layer.
//
// Dear ImGui draws pixels; screen readers, keyboards and tests need controls. Each frame the views
// record what a person can read or use (ui/widgets.h wraps each ImGui widget kind and records it):
// a role, an accessible name in the UI language, state, the rectangle on screen, and whether its
// text was drawn cut off. The platform mirrors the items into real DOM elements over the canvas
// (platform_web.js) when they changed, and activating a mirrored element (a screen reader's
// action, Enter on it) comes back here as an activation the widget takes on the next frame, so it
// does exactly what a click on the drawn control does.
//
// Nothing is allocated per frame: items and their text live in buffers sized once. No ImGui here.
//
// Index:
//   [SECTION] Items      roles, flags, the item record
//   [SECTION] Semantics  the per-frame buffer, containers, change detection, activations, JSON
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace jcm {

//-----------------------------------------------------------------------------
// [SECTION] Items
//-----------------------------------------------------------------------------

// What an item is, as ARIA names it (the mirror maps each to an element and role).
enum class Role : uint8_t {
    Region,        // a landmark: the map, the panel
    Heading,       // level 1..3
    Text,          // a paragraph a person reads
    Button,        // an action; with kSemToggle a toggle button (aria-pressed)
    Tab,           // inside a TabList
    TabList,
    Link,          // goes somewhere (an outside URL)
    Checkbox,
    Slider,        // value, min, max
    Textbox,       // the page's own <input> edits it (platform.h SetTextField): not mirrored again
    Table,
    Row,
    ColumnHeader,  // kSemAction: sorts; kSemSortAscending / kSemSortDescending
    Cell,          // kSemAction: the row's action (select its area)
    List,
    ListItem,      // kSemAction: choosing it does something (select an area, open a result)
    Dialog,
    Menu,
    MenuItem,
    Group,         // controls that belong together (the map's metric switch)
    Count_
};

const char* RoleName(Role role);

enum SemFlag : uint16_t {
    kSemSelected = 1u << 0,
    kSemChecked = 1u << 1,
    kSemExpanded = 1u << 2,       // with kSemExpandable
    kSemExpandable = 1u << 3,
    kSemDisabled = 1u << 4,
    kSemTruncated = 1u << 5,      // the text was drawn cut off (clipped, or beyond its window)
    kSemToggle = 1u << 6,         // a button that stays on or off (kSemChecked = on)
    kSemAction = 1u << 7,         // activatable (buttons, tabs... always are)
    kSemHasValue = 1u << 8,
    kSemSortAscending = 1u << 9,
    kSemSortDescending = 1u << 10,
    kSemOffscreen = 1u << 11,     // scrolled or clipped out of view: rect is its last visible edge, empty
    kSemModal = 1u << 12,         // a dialog that blocks the rest
    kSemDecorative = 1u << 13,    // drawn text another item already says (a map label): hidden
                                  // from screen readers (aria-hidden), listed for tests and tools
    kSemMenuButton = 1u << 14,    // with kSemExpandable: it opens a menu (aria-haspopup)
};

struct SemRect {
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels
};

struct SemItem {
    uint32_t id = 0;        // ImGui's item id for controls (stable across frames); a derived id otherwise
    int32_t parent = -1;    // index of the containing item, -1 at the top
    Role role = Role::Text;
    uint8_t level = 0;      // headings
    uint16_t flags = 0;     // SemFlag bits
    double value = 0, min = 0, max = 0, step = 1;  // sliders (kSemHasValue): what a screen reader says, and its step
    SemRect rect;           // the visible part
    uint32_t name = 0;      // offset of the accessible name in the text buffer
    uint32_t name_len = 0;
};

//-----------------------------------------------------------------------------
// [SECTION] Semantics
//-----------------------------------------------------------------------------

class Semantics {
public:
    // Sized for a big map (every area is an item, twice: on the map and in the panel's ranking).
    static constexpr int kMaxItems = 16384;
    static constexpr size_t kTextBytes = 1024 * 1024;
    static constexpr int kMaxDepth = 16;

    Semantics();

    // Off: nothing is recorded (only for measuring what recording costs, bench/bench_main.cpp).
    void SetEnabled(bool on) { enabled_ = on; }
    // Paused: nothing is recorded and EndFrame says nothing changed (app.cpp DrawApp, while the
    // map is dragged). Resumed, the next EndFrame compares with what it last reported, so a
    // change made meanwhile is still found.
    void SetPaused(bool paused) { paused_ = paused; }
    bool Paused() const { return paused_; }  // this frame records nothing

    // Starts a frame's recording (the previous frame's items stay readable until then).
    void BeginFrame();
    // Ends it; returns true if the items differ from the last frame that returned true.
    bool EndFrame();

    // Records an item inside the innermost open container; returns its index, -1 when full.
    int Add(Role role, uint32_t id, std::string_view name, SemRect rect, uint16_t flags = 0);
    // Records a container; items added until End() lie inside it.
    int Begin(Role role, uint32_t id, std::string_view name, SemRect rect, uint16_t flags = 0);
    void End();
    void SetValue(int index, double value, double min, double max, double step = 1);
    void AddFlags(int index, uint16_t flags);
    void SetLevel(int index, int level);

    // An id for an item that is not an ImGui control (text, headings, containers): derived from
    // the container, the role and the name, so it stays the same across frames.
    uint32_t DeriveId(Role role, std::string_view name) const;

    // Activations from outside (the mirror): the widget with this id acts as if clicked on the
    // next frame it is drawn; a slider takes the value. Dropped if no such widget is drawn.
    void Activate(uint32_t id, bool has_value, double value);
    bool TakeActivation(uint32_t id, double* value = nullptr);
    bool HasPendingActivation() const { return pending_id_ != 0; }
    // The mirror's keyboard focus moved onto this item: its widget scrolls it into view.
    void Focus(uint32_t id) { focus_id_ = id; }
    bool TakeFocus(uint32_t id);

    int Count() const { return count_; }
    const SemItem& Item(int index) const { return items_[static_cast<size_t>(index)]; }
    std::string_view Name(const SemItem& item) const { return {text_.get() + item.name, item.name_len}; }
    bool Overflowed() const { return overflow_; }
    // First item with this role whose name contains `part` (tests, the summary); -1 if none.
    int Find(Role role, std::string_view part, int from = 0) const;
    // Items inside container `index` (direct and nested).
    bool IsInside(int item, int container) const;

    // The items as JSON for the platform mirror: [[id,parent,role,flags,level,x,y,w,h,name,value,min,max(,step)],...]
    // (step: a slider's, kSemHasValue)
    // written into a reused buffer.
    const std::string& ToJson();

private:
    uint32_t PushText(std::string_view s);

    // Both allocated once, neither written until used: the items a frame adds (reserved, never
    // reallocated) and their names. (Value-initialising them cost ~20 ms of start-up in the
    // browser, where wasm runs them a byte and an item at a time before it is optimised.)
    std::vector<SemItem> items_;
    std::unique_ptr<char[]> text_;
    int count_ = 0;
    size_t text_used_ = 0;
    int stack_[kMaxDepth] = {};
    int depth_ = 0;
    bool overflow_ = false;
    bool enabled_ = true;
    bool paused_ = false;
    uint64_t published_hash_ = 0;
    uint32_t pending_id_ = 0;
    bool pending_has_value_ = false;
    double pending_value_ = 0;
    int pending_age_ = 0;
    uint32_t focus_id_ = 0;
    std::string json_;
};

}  // namespace jcm
