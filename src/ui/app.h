// app.h: the one AppState and the functions that run the app. Views (view_*.cpp) are functions
// of AppState; this file's functions are the only ones main.cpp calls.
//
// Index:
//   [SECTION] AppState    loaded data, derived geometry and statistics, UI state, scratch buffers
//   [SECTION] Lifecycle   start, accept data, bake fonts, draw, after-present bookkeeping
#pragma once

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/box_grid.h"
#include "core/campaign.h"
#include "core/export.h"
#include "core/geometry.h"
#include "core/load.h"
#include "core/merge.h"
#include "core/model.h"
#include "core/simplify.h"
#include "ui/fonts.h"
#include "ui/semantics.h"

namespace jcm {

//-----------------------------------------------------------------------------
// [SECTION] AppState
//-----------------------------------------------------------------------------

// The map's own keys, from the platform's key-down events (main.cpp). While the map has the
// keyboard, Tab and Esc are routed past ImGui (its tabbing is always on) to these bits.
enum AppKey : uint32_t {
    kKeyLeft = 1u << 0,
    kKeyRight = 1u << 1,
    kKeyUp = 1u << 2,
    kKeyDown = 1u << 3,
    kKeyNext = 1u << 4,      // Tab
    kKeyPrevious = 1u << 5,  // Shift+Tab
    kKeyEscape = 1u << 6,
};

// Input that ImGui does not model, gathered by main.cpp from the platform's events: precise
// wheel steps (trackpads send fractions), the fingers on a touch screen, the app's keys.
struct PointerInput {
    float wheel = 0;            // wheel steps since the last frame (+ = away from the user = zoom in)
    uint32_t keys = 0;          // AppKey bits pressed since the last frame
    int touch_count = 0;        // fingers down now
    Vec2 touch[2];              // the first two fingers, CSS pixels
    bool touch_mode = false;    // the last pointer input came from a finger, not a mouse
};

// What the map's fill shows (the metric switch above the map).
enum class MapMetric : uint8_t { Goals, Targets, Projects, Status };

// What the map view remembers between frames.
struct MapUiState {
    ViewTransform view;
    bool fitted = false;           // view fitted to the data's bounds at least once
    Vec2 last_size = {0, 0};       // map rect size at the last fit (refit on resize until the user moves)
    bool user_moved = false;       // zoomed or panned by the user since the last fit
    bool figure = false;           // the map is being drawn as a picture (DrawMapFigure)
    int hovered = -1;              // area index under the pointer on the map, -1 if none
    float legend_h = 0;            // height of the map's bottom legend (small maps), last frame
    float fitted_legend_h = -1;    // ... when the view was last fitted
    Vec2 legend_corner = {0, 0};   // size of the legend box at the bottom left (big maps), last frame
    int list_hovered = -1;         // area hovered in the panel's lists (emphasised on the map)
    bool dragging = false;         // the current press has moved: it pans, it does not select
    bool last_dragged = false;     // the last press moved: a press after it is no double-click
    bool gesture = false;          // a two-finger gesture is under way (or its fingers still down)
    float gesture_distance = 0;    // finger distance at the last frame of the gesture
    Vec2 gesture_center;           // finger midpoint at the last frame of the gesture
    std::vector<Vec2> scratch;     // screen-space vertices, reused every frame
    std::vector<Vec2> outline_run; // a piece of an outline cut at its sharp corners (DrawRingOutline), reused
    std::vector<uint8_t> label_state;  // per area, while labels are placed (view_map.cpp), reused
    BoxGrid label_boxes;               // what the labels placed so far cover (view_map.cpp), reused
    std::vector<Vec2> leaders;         // the leader lines drawn in the last frame, two ends each, reused
    // The names drawn in the last frame, each its box (screen px) and its area: a tap or the
    // pointer on a name is on its area (HitTestScreen), wherever the name lies. Reused.
    struct NameHit {
        Box box;
        int area;
    };
    std::vector<NameHit> name_hits;
    // Per area, the size of its name as drawn on the map, measured again only when the data, the
    // language or the fonts (Fonts::bakes) change (DrawMarkersAndLabels).
    std::vector<Vec2> name_sizes;
    int name_sizes_data = -1, name_sizes_bakes = -1;
    Lang name_sizes_lang = Lang::Zh;
    // Per area, where its marker is drawn (and tapped) on screen: at its point, or moved aside
    // from another marker it would overlap (PlaceMarkers, view_map.cpp), reused.
    std::vector<Vec2> marker_at;
    std::vector<uint32_t> fills, fills_sent;  // per area: this frame's fill colour, the last sent to the map layer
    // Per area, the item a screen reader reads for it ("name · kind · what its fill shows") and
    // its id, made again only when the data, the language, the counts or the metric change
    // (RecordMapAreas).
    std::vector<std::string> item_names;
    std::vector<uint32_t> item_ids;
    int items_data = -1, items_stats = -1;
    Lang items_lang = Lang::Zh;
    MapMetric items_metric = MapMetric::Goals;
};

enum class PanelTab : uint8_t { Overview, Compare };
// Portrait layouts: the panel is a sheet over the lower map: only its top showing (peek), half
// the height (half), or all of it below the header (full).
enum class Sheet : uint8_t { Peek, Half, Full };

// Columns of the comparison table, in display order.
// (The area's kind last: the figures are what a comparison is for, and the first to be seen where
// the table scrolls sideways, a tablet's panel showing three columns.)
enum class CompareColumn : uint8_t { Area, Goals, Targets, Projects, Programmes, Reported, Kind, Count_ };

// Which drawn text field the page's <input> currently edits (there is one input).
enum class TextOwner : uint8_t { Search, Note, Author, Amount, Percent };

// What the dashboard around the map remembers: tab, search, filters, sort, timeline.
struct DashboardState {
    PanelTab tab = PanelTab::Overview;
    MapMetric metric = MapMetric::Goals;
    GoalFilter filter;
    bool show_filters = false;
    bool overlay_open = false;            // a dialog or menu was open at the last frame's end (DrawApp: GuardBack)
    bool overlay_closed_by_history = false;  // this frame's hash change closed it (Back, Forward, a link): no ReleaseBackGuard
    Sheet sheet = Sheet::Half;            // portrait layouts: how far the panel is pulled up
    float sheet_drag_y = -1;              // the sheet's top while its handle is dragged (-1: not)
    float sheet_grab = 0;                 // where on the handle the finger took it
    float panel_top_h = 64.0f;            // height of the panel's fixed top, measured last frame
    std::string query;                    // the search box's text
    Text toast;                           // a short confirmation (link copied), until the next press
    std::vector<SearchHit> hits;          // results for `query`, refreshed when it changes
    float field_rect[4] = {-1, -1, -1, -1};  // the page's input (search or a dialog field) as last published
    std::string field_published;          // the value last published
    TextOwner field_owner = TextOwner::Search;  // whose text the page's input holds (as last published)
    bool walking = false;                 // the history entry is a step of Tab walking the areas (SelectArea)
    CompareColumn sort_column = CompareColumn::Goals;
    bool sort_descending = true;
    // The overview's areas ranked by goals (DrawAreasRanked): areas in order, what each row reads
    // ("name: N goals", the count after the name and ": ") and how it is laid out, made again only
    // when the data, the language, the counts, the panel's width or the fonts change (2,000 areas
    // formatted every frame were a tenth of a big map's drag step).
    std::vector<int> ranked_areas;
    std::vector<std::string> ranked_text;
    std::vector<uint8_t> ranked_layout;   // RankedLayout (view_overview.cpp)
    int ranked_data = -1, ranked_stats = -1, ranked_bakes = -1;
    Lang ranked_lang = Lang::Zh;
    float ranked_width = -1;
    std::vector<int> compare_order;       // area indices in table order
    std::vector<int> compare_name_rank;   // per area: its name's place in the language's order
    int compare_rank_data = -1;           // data_generation * 2 + language the ranks are for
    int compare_stats_version = -1;       // stats_version the order was sorted for
    Lang compare_lang = Lang::Zh;         // language the names were sorted in
    std::vector<std::string> report_dates;  // distinct progress-report dates, ascending
    int timeline = -1;                    // index into report_dates; -1 = now (latest)
    std::string today;                    // the client's date, for the campaign countdown
    bool show_keys = false;               // the keyboard help panel ('?')
    int focus_goal = -1;                  // a search result's goal: the detail scrolls to it, highlighted
    bool focus_goal_scrolled = false;     // ... once
    int panel_view = INT_MIN;             // what the panel showed last frame, in which language, with or without
                                          // the filters, in which layout (view_panel.cpp; a change scrolls it to the top)
    bool panel_view_new = false;          // ... changed this frame
    int reveal_goal = -1;                 // a goal just recorded: kept wholly in view for reveal_frames
    int reveal_frames = 0;                // frames, counted by DrawPanel (its top settles a frame later)
    bool menu_by_touch = false;           // the data menu was opened by a finger (its drop hint is left out)
};

// A finger swiping a scrollable region (touch_scroll.cpp): the windows it scrolls (ImGui ids),
// where it went down, whether it has become a swipe, and the coast after release.
struct TouchScrollState {
    uint32_t window_x = 0, window_y = 0;
    Vec2 start;
    Vec2 velocity;                 // px/s, of the content under the finger
    bool tracking = false;         // a finger is down over something that scrolls
    bool dragging = false;         // it moved past the threshold: a swipe, not a tap
    bool coasting = false;         // released with speed: still scrolling, slowing down
    // A finger pressed on a slider in a window that scrolls: until the finger moves along the
    // slider (it drags it) or lifts without moving (a tap sets it there), the slider keeps its
    // value; a swipe across it scrolls and leaves it as it was (widgets.cpp UiSliderInt).
    uint32_t slider = 0;           // the slider's ImGui id, while the gesture on it is undecided or its drag
    bool slider_drag = false;      // decided: the finger drags the slider
    int slider_tap = 0;            // the value the press chose, applied if it ends as a tap
};

// Progress recorded on this device by officials: kept in browser storage, shown marked "on this device
// only", exportable with the data, revertable one by one or all at once.
//
// Who holds what: AppState::data is the data as shown and exported (DatasetToJson(app.data) is
// the whole file, edits included) and the only holder of the areas' boundary polygons, which
// can be most of the memory; AppState::geometry is built from them once per load. `published`
// is the data as loaded minus those polygons (every area's `polygons` is empty): RebuildFromEdits
// applies the edits to it and moves the polygons over from the previous app.data (edits never
// change areas). So read polygons from app.data only.
struct LocalState {
    Dataset published;             // the data as loaded, without local edits and without polygons
    std::vector<LocalEdit> edits;  // in the order recorded
    bool loaded = false;           // the stored edits for this dataset have been read
    std::string storage_error;     // non-empty: storage failed; edits live in memory only
    int undo_revision = -1;        // reports_revision when the stored undo was asked for (OnUndoLoaded)
};

// The "record progress" dialog.
struct EditorState {
    int goal = -1;                 // index into Dataset::goals; -1 = closed
    Status status = Status::NotReported;  // none chosen yet: Save waits for a choice
    bool has_percent = false;
    double percent = 0;            // (a value between whole percents, from the data, kept until changed)
    bool has_achieved = false;     // (offered only for a target that is an amount: CountableTarget)
    double achieved = 0;           // in the target's unit
    // A number's field in the dialog (the percent's, the amount's): what it shows and whether it reads.
    struct TypedNumber {
        std::string text;          // typed, or the value written out
        bool bad = false;          // what was typed is not a number in range (the value keeps the last one; Save waits)
        bool over = false;         // ... because it is a number over the range (its own message)
        bool stepped = false;      // a stepper or the slider changed it: the field's input takes the new text
    };
    TypedNumber percent_typed, achieved_typed;
    std::string field_name;        // a drawn field's accessible name, made each frame in this one buffer
    std::string note;
    Lang note_lang = Lang::Zh;     // the language `note` was taken up or typed in (Save stores it there)
    Text note_base;                // the note of the day's report it replaces, in both languages (kept if unchanged)
    std::string author;            // who reports (remembered on the device, setting "author")
    std::string device_author;     // the setting "author", read when the dialog opened
    bool author_typed = false;     // typed here: remembered for the next report (not one taken from a report)
    long day = 0;                  // the report's date as a day number (campaign.h DayNumber)
    // What the dialog took up for `taken_day` (TakeUpDay, view_editor.cpp): that day's report, which
    // Save replaces, else the latest before it (none: a first report's). Where the person has not
    // changed them since, another day takes up its values, and its note and author if it has a report.
    long taken_day = 0;
    ProgressReport taken;          // the values taken up (status, percent, amount)
    std::string note_taken;        // the note's text taken up ("" for none)
    bool replaces = false;         // the day has a report: Save replaces it (said under the date)
    bool retaken = false;          // taken up again: the note's and author's inputs take the new text
    bool shown = false;            // its popup has been opened (closed by ImGui, Esc or Back: kept as a draft)
};

// Merging another device's export (core/merge.h): the plan shown in the merge dialog until the
// person confirms or cancels (its undo: BulkUndo).
struct MergeState {
    bool open = false;               // the dialog shows `plan`
    bool shown = false;              // its popup has been opened
    std::string file;                // the imported file's name
    MergePlan plan;
    std::string summary;             // the dialog's summary line for `plan`, in summary_lang ("": to make)
    Lang summary_lang = Lang::Zh;
    std::vector<uint8_t> take_theirs;  // per conflict: 1 = the imported report, 0 = this device's
};

// The last change of the local edits made in bulk (a merge, or reverting them all), undoable
// until the next change of the reports: the edits from before it. None: nothing to undo. Kept in
// storage beside the edits, so that it outlives a reload (SaveUndo, app.cpp).
struct BulkUndo {
    enum class Kind : uint8_t { None, Merge, RevertAll, Revert };  // (Revert: one record)
    Kind kind = Kind::None;
    std::vector<LocalEdit> before;
};

// Where loading stands. The data and the font are fetched in parallel at start.
// A big download or import is loaded across frames (StepLoading in app.cpp), one step or slice
// a frame, with its progress on the page's loading card, so the page never freezes for long. The map
// is drawn once these steps end, while its hit index and names are still being made (MapLabelling).
struct SlicedLoad {
    enum class Step { None, Read, Check, Build, Index, Nodes, Finish, Level };
    struct Free {
        void operator()(char* p) const { std::free(p); }
    };
    Step step = Step::None;
    std::unique_ptr<char, Free> text;  // the download, until it is read (then freed)
    size_t size = 0;
    std::string imported;              // or a big file imported (ImportFile), until it is read
    bool import = false;               // the load is an import (marked app:data-imported when done)
    bool merge = false;                // an import to merge into this device's reports: read and checked only
    std::string file;
    std::unique_ptr<DatasetLoad> load;            // over `text` or `imported`, while Step::Read and Check
    std::unique_ptr<MapGeometryBuilder> builder;  // over AppState::data, while Step::Build
    std::unique_ptr<BorderNodeFinder> nodes;      // over AppState::geometry, while Step::Nodes
};

// A big map's hit index and names, made in slices after its first frame (StepLoading). It belongs
// to AppState::geometry: set where a sliced load makes that geometry, dropped wherever the
// geometry is replaced, so another file's load (refused or not) leaves it alone until then.
struct MapLabelling {
    std::unique_ptr<MapGeometryFinisher> finisher;  // null: nothing left to make
    bool map_drawn = false;                         // a frame with that map was presented
};

struct LoadState {
    bool data_pending = false;     // the dataset has not arrived, or is still being loaded
    SlicedLoad sliced;
    MapLabelling labelling;
    bool font_pending = false;
    std::string data_url;
    std::vector<unsigned char> font_file;
    std::vector<unsigned char> ext_font_file;  // GB2312 font, fetched only when glyphs are missing
    bool ext_font_requested = false;
    bool ext_font_pending = false;
    bool first_map_frame_marked = false;
    bool card_shown = false;       // the page's loading card is up again for a big import (ShowLoading)
    std::vector<Problem> notices;  // about the page itself, shown with the next load's problems
};

struct AppState {
    Lang lang = Lang::Zh;
    bool dark = false;             // dark theme (system preference unless the user chose)

    // Loaded data and what is derived from it once per load.
    bool has_data = false;
    Dataset data;
    MapGeometry geometry;
    BorderNodes border_nodes;      // if geometry.fills_deferred (drawn in levels of detail); else empty
    CampaignStats stats;
    int stats_version = 0;         // bumped by RefreshStats, so views can cache derived orders

    // Problems found by the last load (errors mean that load was rejected).
    std::vector<Problem> problems;
    std::string problems_file;
    bool show_problems = false;

    PointerInput input;            // reset per frame by main.cpp (wheel), kept otherwise

    // Selection and view.
    int selected = -1;             // area index, -1 = city overview
    MapUiState map;
    DashboardState ui;
    TouchScrollState touch_scroll;
    LocalState local;
    EditorState editor;
    // Views drawn only once a person opened them (the record dialog, the data menu, the merge
    // dialog), called each frame through pointers set where they open. Called directly, such a
    // view was inlined into the frame code every first view runs (binaryen inlines a function
    // called once into its caller), and the wasm's split could not leave it for the deferred part
    // (BENCHMARKS.md "Page weight").
    struct {
        void (*editor)(AppState&) = nullptr;          // views.h DrawEditor, set by OpenEditor
        void (*data_menu)(AppState&, bool) = nullptr;  // DrawDataMenu, set by the header's Data button
        void (*merge)(AppState&) = nullptr;           // DrawMergeDialog, set when a merge is planned
    } draw_opened;
    // The record dialog as it was when Back or Esc closed it (not Cancel): opened again for the
    // same goal, it comes back as it was (a phone's Back lost a typed note).
    EditorState editor_draft;
    std::string editor_draft_goal;  // its goal's id (an index may name another goal after a load)
    // What the draft was made against: the data's reports (reports_revision, bumped whenever they
    // change: a save, a revert, a merge, an import, a load) and the day. Either changed, it goes.
    int editor_draft_revision = -1;
    std::string editor_draft_today;
    int reports_revision = 0;
    MergeState merge;
    BulkUndo undo;
    TextOwner text_owner = TextOwner::Search;
    int png_frames = 0;            // >0: export a PNG after this many more presented frames
    // Keyboard: on the map the app's own keys apply; 'P' moves the keyboard into the panel,
    // where ImGui's keyboard navigation reaches every control (arrows, Space/Enter, Esc back).
    bool nav_panel = false;
    bool nav_panel_request = false;
    bool nav_focus_next = false;   // the next control recorded takes ImGui's keyboard focus
    bool open_data_menu = false;   // 'D': open the header's data menu

    // Fonts: the characters to bake grow with the text the app has to show.
    Fonts fonts;
    std::vector<uint32_t> glyphs;  // code points, each once, in the order they were first needed
    std::vector<uint64_t> glyph_bits = std::vector<uint64_t>(0x10000 / 64);  // which BMP ones `glyphs` has
    std::vector<uint32_t> glyph_scratch;  // NeedGlyphs' decoded text (reused)
    bool glyphs_changed = true;
    bool glyphs_baked = false;     // a bake has run (the first may have had the first view's glyphs only)
    bool mirror_waits = false;     // the next frame presented publishes no big mirror (AfterFramePresented: kBigMirror)

    // What the UI shows, as items (ui/semantics.h): recorded by the views each drawn frame,
    // mirrored by the platform when it changed.
    Semantics sem;
    bool sem_dirty = true;            // the items changed since they were last published
    double sem_published_at = -1;     // platform::Now() of the last publication
    std::string summary, summary_published;  // #a11y-summary (app.cpp SummaryFromTree)

    LoadState load;
    int frames_to_draw = 2;        // render-on-demand budget (main.cpp)
    // The map's boundaries drawn by the GPU (ui/map_layer.h), set by main.cpp; null: ImGui draws them.
    class MapLayer* map_layer = nullptr;
    // The page's language, title and canvas label come from the data (platform::SetPageInfo),
    // told again when the data (its generation) or the language changes.
    int data_generation = 0;
    int page_info_generation = -1;
    Lang page_info_lang = Lang::Zh;
};

//-----------------------------------------------------------------------------
// [SECTION] Lifecycle
//-----------------------------------------------------------------------------

// Starts fetching the dataset and the font.
void StartApp(AppState& app);

// Validates `text` and, if it has no errors, replaces the current data with it (geometry and
// statistics are rebuilt once, here). If it has errors, the current data is kept and the problems
// are shown. Returns true if the new data was accepted.
bool AcceptDataset(AppState& app, std::string_view text, const std::string& file);

// One step of a big dataset's load across frames, if one is under way (call every frame). True
// if it did one: the frame does nothing else (the fonts are baked and the map drawn in the next
// one, so no task holds the page for long), and the frame loop keeps running. Once the map can
// be drawn, a slice of its names (MapLabelling), and false if the frame is to be drawn too (the
// map's first, then only frames something asked for: an input, the UI settling; the last).
bool StepLoading(AppState& app);
// A big map's names and hit grid, if still being made (MapLabelling), made now, at once: for
// what needs them all (a printed briefing).
void FinishMapLabels(AppState& app);

// Adds every character of `text` to the set of glyphs to bake.
void NeedGlyphs(AppState& app, std::string_view text);

bool FontsNeedBaking(const AppState& app, float dpr);
void BakeAppFonts(AppState& app, float dpr);

// The work of a frame's task before it draws (main.cpp's loop, and tests as it): the glyphs baked
// if they must be (then true: the caller uploads the atlas), else a step of a big load's work
// (StepLoading). `draw` says whether a frame may be drawn in the same task: not after a step that
// asks for none, nor after a bake but for a small map's first frame (a bake and the frame that
// first measured every name of a big map with its glyphs were tasks of 60-110 ms in the browser
// here).
bool PrepareFrame(AppState& app, float dpr, bool* draw);

// True once there is something to draw: the font has arrived (or failed) and the data has
// arrived (or failed).
bool ReadyToDraw(const AppState& app);

// The whole UI for one frame.
void DrawApp(AppState& app);

// Bookkeeping after a frame reached the screen (performance marks, a11y summary).
void AfterFramePresented(AppState& app);

// Work between frames that is not drawing: reacting to hash changes.
void UpdateApp(AppState& app);

// Asks for a few more frames (the loop otherwise sleeps when no input arrives); ImGui settles
// hover and layout over two frames, so three are drawn.
void RequestRedraw(AppState& app);

// Selects an area (or -1 for the overview) and records it in the URL hash as a new history entry
// (the browser's Back returns to the previous view). `walk`: a step of Tab walking the map's
// areas: only the walk's first step is an entry (Back returns to where the walk began, not
// through every area passed on the way); the later steps replace it.
void SelectArea(AppState& app, int area_index, bool walk = false);
// Portrait layouts: the sheet's handle height, and the top of the panel for a sheet position.
constexpr float kSheetHandle = 22.0f;
float SheetTop(const AppState& app, Sheet sheet, float body_top, float body_h);
// Shows the Overview or Compare tab, likewise recorded.
void SetTab(AppState& app, PanelTab tab);
// Loads the page's own data again (after a ?data= that failed).
void LoadDefaultData(AppState& app);

// Sets the search text and refreshes the results.
void SetQuery(AppState& app, const std::string& query);

// Recounts after the data, the filters or the timeline changed (not per frame).
void RefreshStats(AppState& app);
// Every filter off: the stats again, and the link without them (replacing its history entry).
void ClearFilters(AppState& app);

// The date the timeline shows ("" = now, the latest reports) and a goal's status on it.
const std::string& TimelineDate(const AppState& app);
Status ShownStatus(const AppState& app, const Goal& goal);

// Local progress edits: add (a report for the same goal and date replaces the earlier one),
// revert one or all (undoable: UndoBulk). Each change is saved to device storage and re-applied
// to the data.
void AddEdit(AppState& app, const LocalEdit& edit);
void RevertEdit(AppState& app, size_t index);
void RevertAllEdits(AppState& app);
// Merging another device's export: PlanMergeOf takes the file, loaded (by ImportFile; a big one in
// steps), and opens the merge dialog (or says why it cannot: not a dataset, another dataset,
// nothing new); ConfirmMerge applies the plan with the dialog's choices. UndoBulk restores the
// edits from before the last merge or revert of them all (app.undo).
void PlanMergeOf(AppState& app, const std::string& name, LoadResult&& loaded);
void ConfirmMerge(AppState& app);
void UndoBulk(AppState& app);
// Index into local.edits of the edit that produced goal `goal_id`'s report on `date`, or -1.
int FindEdit(const AppState& app, const std::string& goal_id, const std::string& date);

// Data in and out: export the data (with local edits) as JSON, the goals as CSV, the view as PNG;
// import a JSON dataset (validated first; an invalid file changes nothing).
void ExportJson(AppState& app);
void ExportCsv(AppState& app);
void ExportPng(AppState& app);
// `error` non-empty: the page refused or could not read the file (e.g. over the size limit).
// `merge`: the file was picked to be merged into this device's reports (PlanMergeOf), not loaded;
// with no data shown it is loaded.
void ImportFile(AppState& app, const std::string& name, std::string bytes, const std::string& error, bool merge = false);

// Switches between the light and dark theme and remembers the choice.
void SetDark(AppState& app, bool dark);

// Switches the language, remembers it for the next visit and records it in the URL hash.
void SetLanguage(AppState& app, Lang lang);

// The URL hash is the app's shareable state: "area=<area id>&tab=compare&lang=zh|en" (each
// optional, any order, unknown keys ignored; no area = the overview). WriteHash records the current state; ApplyHash adopts a hash
// (area= only once data is loaded; an unknown area id selects nothing).
void WriteHash(const AppState& app, bool push);
void ApplyHash(AppState& app, const std::string& hash);

}  // namespace jcm
