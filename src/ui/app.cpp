// app.cpp: the app's lifecycle around one AppState: loading, accepting data, fonts, layout.
//
// Index:
//   [SECTION] Loading     fetch callbacks for the dataset and the font
//   [SECTION] Data        accept a dataset (validate, keep the old one on errors), glyph collection
//   [SECTION] Fonts       when and how to bake the atlas
//   [SECTION] Layout      the root window: header, map, panel, problems
//   [SECTION] Summary     plain-text mirror of the UI for #a11y-summary
#include "ui/app.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/fields.h"
#include "core/text.h"
#include "platform/platform.h"
#include "ui/map_layer.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace jcm {
namespace {

constexpr int kRequestData = 1;
constexpr int kRequestFont = 2;
constexpr int kRequestEditsGet = 3;
constexpr int kRequestEditsPut = 4;
constexpr const char* kFontUrl = "assets/ui-font.otf";
constexpr const char* kExtFontUrl = "assets/ui-font-ext.otf";
constexpr int kRequestExtFont = 5;
constexpr int kRequestUndoGet = 6;
constexpr int kRequestUndoPut = 7;

// The UI's own texts, in `lang` or (null) both languages: the views' symbols and the strings.
template <class F>
void ForEachUiText(const Lang* lang, F f) {
    f(kUiSymbols);
    for (int i = 0; i < static_cast<int>(Str::Count_); ++i)
        for (const Lang l : {Lang::Zh, Lang::En})
            if (!lang || *lang == l) f(Tr(static_cast<Str>(i), l));
}

// Copies the UI strings of both languages into the glyph set once.
void NeedUiGlyphs(AppState& app) {
    ForEachUiText(nullptr, [&](std::string_view s) { NeedGlyphs(app, s); });
}

void NeedTextGlyphs(AppState& app, const Text& t) {
    NeedGlyphs(app, t.zh);
    NeedGlyphs(app, t.en);
}

void NeedDatasetGlyphs(AppState& app, const Dataset& d) {
    // Every string of the field tables (core/fields.h): a new text field needs nothing here.
    ForEachString(d, [&](const std::string& s) { NeedGlyphs(app, s); });
}

std::string EditsKey(const AppState& app) { return "edits:" + app.local.published.id; }
std::string UndoKey(const AppState& app) { return "edits-undo:" + app.local.published.id; }

// A copy of `d` without the areas' boundary polygons (they are set aside, not copied, then put back).
Dataset CopyWithoutPolygons(Dataset& d) {
    std::vector<std::vector<Polygon>> polygons(d.areas.size());
    for (size_t i = 0; i < d.areas.size(); ++i) polygons[i] = std::move(d.areas[i].polygons);
    Dataset copy = d;
    for (size_t i = 0; i < d.areas.size(); ++i) d.areas[i].polygons = std::move(polygons[i]);
    return copy;
}

// Re-applies the local edits to the published data (the geometry does not change). The published
// data has no polygons (app.h LocalState): app.data's move over, edits never change areas.
void RebuildFromEdits(AppState& app) {
    ++app.reports_revision;  // (a record dialog's draft was made against the reports before)
    int skipped = 0;
    Dataset next = ApplyEdits(app.local.published, app.local.edits, &skipped);
    for (size_t i = 0; i < next.areas.size() && i < app.data.areas.size(); ++i) {
        next.areas[i].polygons = std::move(app.data.areas[i].polygons);
    }
    app.data = std::move(next);
    app.ui.report_dates = ReportDates(app.data);
    if (app.ui.timeline >= static_cast<int>(app.ui.report_dates.size())) app.ui.timeline = -1;
    for (const LocalEdit& e : app.local.edits) NeedTextGlyphs(app, e.report.note), NeedGlyphs(app, e.report.author);
    RefreshStats(app);
    SetQuery(app, app.ui.query);
    RequestRedraw(app);
}

void OnEditsSaved(int, bool ok, bool, const std::string& error, void* user) {
    AppState& app = *static_cast<AppState*>(user);
    app.local.storage_error = ok ? std::string() : error;
    RequestRedraw(app);
}

void SaveEdits(AppState& app) {
    platform::StorePut(EditsKey(app), EditsToJson(app.local.published.id, app.local.edits), kRequestEditsPut,
                       OnEditsSaved, &app);
}

// The undo of the last bulk change (app.undo) in storage beside the edits, so that it outlives a
// reload (a tablet's browser may discard a page left in the background, and "Revert all" lost
// every record then): its kind on a line, a hash of the edits it applies to (as EditsToJson writes
// them) on the next, then the edits from before it; empty when there is none. Written whenever
// the undo is set or ends; taken back from storage only beside those very edits (the two are
// written apart: a page closed between, or another tab, could leave an undo of other edits).
constexpr const char* kUndoKinds[] = {"", "merge", "revert-all", "revert"};
static_assert(std::size(kUndoKinds) == static_cast<size_t>(BulkUndo::Kind::Revert) + 1, "one name per BulkUndo::Kind, in its order");

std::string EditsHash(const AppState& app) {
    uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (const unsigned char c : EditsToJson(app.local.published.id, app.local.edits)) h = (h ^ c) * 1099511628211ull;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return hex;
}

void SaveUndo(AppState& app) {
    std::string value;
    if (app.undo.kind != BulkUndo::Kind::None)
        value = std::string(kUndoKinds[static_cast<int>(app.undo.kind)]) + "\n" + EditsHash(app) + "\n" +
                EditsToJson(app.local.published.id, app.undo.before);
    platform::StorePut(UndoKey(app), value, kRequestUndoPut, nullptr, nullptr);
}

void OnUndoLoaded(int, bool ok, bool found, const std::string& value, void* user) {
    AppState& app = *static_cast<AppState*>(user);
    if (!ok || !found || app.reports_revision != app.local.undo_revision || app.undo.kind != BulkUndo::Kind::None) return;
    const size_t kind_end = value.find('\n'), hash_end = kind_end == std::string::npos ? kind_end : value.find('\n', kind_end + 1);
    if (hash_end == std::string::npos || value.compare(kind_end + 1, hash_end - kind_end - 1, EditsHash(app)) != 0) return;
    const std::string_view kind(value.data(), kind_end);
    for (size_t k = 1; k < std::size(kUndoKinds); ++k) {
        if (kind != kUndoKinds[k]) continue;
        std::vector<LocalEdit> before;
        std::string error;
        if (!EditsFromJson(std::string_view(value).substr(hash_end + 1), app.local.published.id, &before, &error)) return;
        app.undo = BulkUndo{static_cast<BulkUndo::Kind>(k), std::move(before)};
        RequestRedraw(app);
        return;
    }
}

void OnEditsLoaded(int, bool ok, bool found, const std::string& value, void* user) {
    AppState& app = *static_cast<AppState*>(user);
    app.local.loaded = true;
    const bool changed_meanwhile = !app.local.edits.empty() || app.undo.kind != BulkUndo::Kind::None;
    if (!ok) {
        app.local.storage_error = value;
    } else if (found) {
        std::vector<LocalEdit> edits;
        std::string error;
        if (EditsFromJson(value, app.local.published.id, &edits, &error)) {
            // Edits recorded before this load (storage answers late) come after the stored ones;
            // an undo from before would now lose the stored ones.
            edits.insert(edits.end(), app.local.edits.begin(), app.local.edits.end());
            app.local.edits = std::move(edits);
            app.undo = BulkUndo{};
        } else {
            app.local.storage_error = error;
        }
    }
    RebuildFromEdits(app);
    if (!ok) return;
    if (changed_meanwhile) {  // both as they are now: the stored ones were written before the load answered
        SaveEdits(app);
        SaveUndo(app);
        return;
    }
    app.local.undo_revision = app.reports_revision;
    platform::StoreGet(UndoKey(app), kRequestUndoGet, OnUndoLoaded, &app);
}

//-----------------------------------------------------------------------------
// [SECTION] Loading
//-----------------------------------------------------------------------------

// A problem the page reported ("code|detail", platform.h) in both languages: what happened in
// the reader's words, the browser's own words beneath in parentheses.
Text DescribePlatformError(const std::string& error) {
    const size_t bar = error.find('|');
    const std::string code = bar == std::string::npos ? "" : error.substr(0, bar);
    const std::string detail = bar == std::string::npos ? error : error.substr(bar + 1);
    Text t;
    if (code == "network") t = {"网络错误，无法连接（" + detail + "）", "network error, could not connect (" + detail + ")"};
    else if (code == "http") t = {"服务器返回错误 HTTP " + detail, "the server answered HTTP " + detail};
    else if (code == "refused") t = {"只能读取本站的文件，不能读取 " + detail, "only this site's files can be read, not " + detail};
    else if (code == "invalid-url") t = {"不是有效的地址：" + detail, "not a valid address: " + detail};
    else if (code == "too-large") {
        const size_t bar2 = detail.find('|');
        const std::string size = detail.substr(0, bar2), limit = bar2 == std::string::npos ? "" : detail.substr(bar2 + 1);
        t = {"文件过大：" + size + " 字节，上限为 " + limit + " 字节", "too large: " + size + " bytes, the limit is " + limit + " bytes"};
    } else if (code == "unreadable") t = {"无法读取该文件（" + detail + "）", "the file could not be read (" + detail + ")"};
    else t = {detail, detail};
    return t;
}

// A notice about the page itself (a link part ignored, ?data= refused): shown with the problems
// of the next load, as a warning.
void AddNotice(AppState& app, const Text& message) {
    Problem p;
    p.severity = Severity::Warning;
    p.message = message;
    app.load.notices.push_back(p);
    NeedTextGlyphs(app, message);
}

void ShowNotices(AppState& app) {
    if (app.load.notices.empty()) return;
    app.problems.insert(app.problems.end(), app.load.notices.begin(), app.load.notices.end());
    app.load.notices.clear();
    app.show_problems = true;
}

// A dataset this big (a province's townships, not a city's districts) is loaded across frames,
// with its progress on the loading card (StepLoading); a smaller one at once, before the card
// would even be read.
constexpr size_t kSlicedLoadBytes = size_t{2} << 20;
// Its boundaries are read ahead of the parse (DatasetLoad) this many bytes of text at a time
// (about 5 ms of wasm on the bench machine, headless Chromium), as many per frame as fit in
// kFrameSeconds.
constexpr size_t kReadBytesPerSlice = size_t{1} << 20;
// Then the geometry is built in slices of this many source vertices (about 10 ms of wasm on the
// bench machine, headless Chromium, the synthetic set), as many per frame as fit in kFrameSeconds:
// the page answers between frames, and a slice a frame left most of each frame's time waiting
// for the next one (40 frames for a million vertices).
constexpr size_t kVerticesPerSlice = 10000;
constexpr double kFrameSeconds = 0.05;
// Once the map is drawn, its names are found in slices of this many vertices, for at most this
// long a frame: the map answers a drag meanwhile, at a lower frame rate for a moment.
constexpr size_t kLabelVerticesPerSlice = 1000;
constexpr double kLabelFrameSeconds = 0.04;
// A level of detail being built while frames are drawn (map_layer.h): this long a frame; while
// none is, this long a task.
constexpr double kLevelShareSeconds = 0.008;
constexpr double kLevelIdleSeconds = 0.025;

// A step of a big load on the loading card, in both languages (the card shows both).
void ShowLoadStep(Str step, double fraction) {
    platform::ShowLoadProgress(Tr(step, Lang::Zh), Tr(step, Lang::En), fraction);
}

void ShowToast(AppState& app, const Text& message);  // (below)

// A file imported and shown: said, as an export is.
void SayImported(AppState& app, const std::string& name) {
    ShowToast(app, {Tr(Str::Imported, Lang::Zh) + name, Tr(Str::Imported, Lang::En) + name});
}

// The steps of a big load (StepLoading) start next frame; data_pending stays true until they end.
void StartSlicedLoad(AppState& app, SlicedLoad&& s, const std::string& file) {
    s.file = file;
    s.step = SlicedLoad::Step::Read;
    app.load.sliced = std::move(s);
    app.load.data_pending = true;
    ShowLoadStep(Str::LoadStepReading, 0);
    RequestRedraw(app);
}

void OnDataFetched(const platform::FetchResult& r, void* user) {
    AppState& app = *static_cast<AppState*>(user);
    if (r.ok && r.size > kSlicedLoadBytes) {
        platform::Mark("app:data-fetched");
        SlicedLoad s;
        s.text.reset(r.TakeData());
        if (s.text) {
            s.size = r.size;
            StartSlicedLoad(app, std::move(s), app.load.data_url);
            return;
        }
    }
    app.load.data_pending = false;
    if (!r.ok) {
        Problem p;
        p.file = app.load.data_url;
        const Text why = DescribePlatformError(r.error);
        p.message.zh = "无法读取数据文件 " + app.load.data_url + "：" + why.zh;
        p.message.en = "Could not read the data file " + app.load.data_url + ": " + why.en;
        app.problems.assign(1, p);
        ShowNotices(app);
        app.problems_file = app.load.data_url;
        app.show_problems = true;
        NeedTextGlyphs(app, p.message);
        RequestRedraw(app);
        return;
    }
    platform::Mark("app:data-fetched");
    AcceptDataset(app, std::string_view(r.data, r.size), app.load.data_url);
    RequestRedraw(app);
}

void OnFontFetched(const platform::FetchResult& r, void* user) {
    AppState& app = *static_cast<AppState*>(user);
    platform::Mark("app:font-fetched");
    app.load.font_pending = false;
    if (r.ok && r.size > 0) {
        app.load.font_file.assign(reinterpret_cast<const unsigned char*>(r.data),
                                  reinterpret_cast<const unsigned char*>(r.data) + r.size);
    } else {
        // Without the font (and, as here, without a CJK system font) the browser's Chinese glyphs
        // may be empty boxes: say so in the page, in its own fonts. The rest (English, the map)
        // works: the page offers to continue.
        const std::string why = kFontUrl + std::string(": ") + (r.ok ? "empty file" : DescribePlatformError(r.error).en);
        platform::ShowPageError(std::string(Tr(Str::FontLoadFailed, Lang::Zh)) + " · " + Tr(Str::FontLoadFailed, Lang::En), why,
                                std::string(Tr(Str::FontLoadFailedHint, Lang::Zh)) + " " + Tr(Str::FontLoadFailedHint, Lang::En));
    }
    app.glyphs_changed = true;
}

void OnExtFontFetched(const platform::FetchResult& r, void* user) {
    AppState& app = *static_cast<AppState*>(user);
    app.load.ext_font_pending = false;
    if (r.ok && r.size > 0) {
        app.load.ext_font_file.assign(reinterpret_cast<const unsigned char*>(r.data),
                                      reinterpret_cast<const unsigned char*>(r.data) + r.size);
        app.glyphs_changed = true;  // bake again with it
    }
    // Failing that, the few missing characters show as ImGui's fallback glyph; nothing else breaks.
    RequestRedraw(app);
}

}  // namespace

void StartApp(AppState& app) {
    const std::string theme = platform::LoadSetting("theme");
    app.dark = theme.empty() ? platform::PrefersDarkScheme() : theme == "dark";
    UseTheme(app.dark);
    platform::SetPageTheme(app.dark);
    NeedUiGlyphs(app);
    if (platform::LoadSetting("lang") == "en") app.lang = Lang::En;
    std::string unreadable;
    ApplyHash(app, platform::GetHash(&unreadable));  // lang= applies now, area= once the data is loaded
    if (!unreadable.empty())
        AddNotice(app, {"链接中有无法识别的部分，已忽略：" + unreadable, "Part of the link could not be read and was ignored: " + unreadable});
    app.ui.today = platform::Today();
    platform::SetImportLimit(LoadLimits{}.max_bytes);
    std::string refused;
    app.load.data_url = platform::DatasetUrl(&refused);
    if (!refused.empty())
        AddNotice(app, {"单文件版本不能加载其他数据（?data=" + refused + "），显示的是其中自带的数据。",
                        "The one-file page cannot load other data (?data=" + refused + "); it shows the data it carries."});
    app.load.data_pending = true;
    platform::Fetch(app.load.data_url, kRequestData, OnDataFetched, &app);
    // Where the system's fonts cover CJK (any phone or computer set up for Chinese) the browser
    // draws every glyph (ui/fonts.cpp): no font file is fetched, 138 KB less before the first map.
    float ascent = 0, descent = 0;
    app.load.font_pending = !platform::SystemFontMetrics(&ascent, &descent);
    if (app.load.font_pending) platform::Fetch(kFontUrl, kRequestFont, OnFontFetched, &app);
}

//-----------------------------------------------------------------------------
// [SECTION] Data
//-----------------------------------------------------------------------------

namespace {

// AcceptDataset in three parts, so that a big load can build the geometry in between, across
// frames (StepLoading). First: the loader's result; false (problems shown, data kept) if rejected.
bool TakeLoadResult(AppState& app, LoadResult&& result, const std::string& file) {
    platform::Mark("app:data-parsed");  // start-up breakdown (tools/bench.mjs): parsed and validated
    const bool ok = result.Ok();
    app.problems = std::move(result.problems);
    app.problems_file = file;
    NeedGlyphs(app, file);  // the problems panel names the file and each problem's place
    for (const Problem& p : app.problems) NeedTextGlyphs(app, p.message), NeedGlyphs(app, p.pointer);
    if (!ok) {
        app.show_problems = true;
        return false;
    }
    app.show_problems = !app.problems.empty();  // warnings: load, but make them visible
    // One copy of the boundary polygons, in app.data; the previous data's geometry is freed
    // before the new one is built. local.published is the rest (app.h LocalState). What the map
    // layer built from it goes first (a level being built reads it).
    if (app.map_layer != nullptr) app.map_layer->Release();
    app.geometry = MapGeometry{};
    app.load.labelling = MapLabelling{};  // names still being found were for that map
    app.border_nodes = BorderNodes{};
    app.data = std::move(result.data);
    return true;
}

// Last: everything derived from the new data and its geometry (app.geometry, built by now).
void FinishAccept(AppState& app) {
    platform::Mark("app:geometry-built");
    app.local.published = CopyWithoutPolygons(app.data);
    app.local.edits.clear();
    app.merge = MergeState{};  // a pending merge, or an undo of its edits, belonged to the previous data
    app.undo = BulkUndo{};
    ++app.reports_revision;
    app.local.loaded = false;
    app.local.storage_error.clear();
    app.editor.goal = -1;
    app.ui.reveal_goal = -1;
    app.ui.report_dates = ReportDates(app.data);
    app.ui.timeline = -1;
    app.ui.filter = GoalFilter{};
    app.has_data = true;
    ++app.data_generation;
    RefreshStats(app);
    SetQuery(app, app.ui.query);
    app.map.fitted = false;
    app.map.user_moved = false;
    app.map.hovered = -1;
    app.selected = -1;
    NeedDatasetGlyphs(app, app.data);
    platform::Mark("app:data-loaded");

    // A deep link (#area=<id>) selects its area once the data is there.
    ApplyHash(app, platform::GetHash(nullptr));
    ShowNotices(app);
    // Progress recorded on this device for this dataset, if any.
    platform::StoreGet(EditsKey(app), kRequestEditsGet, OnEditsLoaded, &app);
}

}  // namespace

bool AcceptDataset(AppState& app, std::string_view text, const std::string& file) {
    if (!TakeLoadResult(app, LoadDataset(text, file), file)) return false;
    app.geometry = BuildMapGeometry(app.data);
    if (app.geometry.fills_deferred) app.border_nodes = FindBorderNodes(app.geometry.areas);  // as StepLoading
    FinishAccept(app);
    return true;
}

void FinishMapLabels(AppState& app) {
    MapLabelling& l = app.load.labelling;
    if (!l.finisher) return;
    while (!l.finisher->Step(app.geometry, static_cast<size_t>(-1))) {
    }
    l = MapLabelling{};
    platform::Mark("app:map-labelled");  // the start-up breakdown: a big map's names
    app.mirror_waits = true;  // the frame that first draws them changes most of a big mirror
    RequestRedraw(app);
}

namespace {

// The screen-reader mirror of thousands of items (a big map's areas and names) is published in a
// frame with no other long work: not with the first map frame or the first frame with all the
// names (mirror_waits), nor after a share of the map's loading (StepLoading), and a bake has a
// task of its own (PrepareFrame). Together they were tasks of ~100 ms.
constexpr int kBigMirror = 1000;

// Whether the items the last frame recorded wait to be published and would be after a frame now
// (AfterFramePresented). While a finger or the mouse moves the map, not at all: every map item's
// rectangle changes each frame, and with thousands of areas one publication cost the page ~190 ms
// of DOM work; the gesture's end publishes them. Otherwise, while they change every frame (a list
// swiped), at most four times a second, and always once it settles.
// `frames_left`: the frames still to draw after the one just drawn (or about to be).
bool MirrorDue(const AppState& app, double now, int frames_left) {
    const bool moving = app.sem.Paused() || app.map.dragging || app.map.gesture;
    return app.sem_dirty && !moving && (frames_left <= 0 || now - app.sem_published_at >= 0.25);
}

// Calls step() until it says it is done or `seconds` have passed (at least once); its last answer.
template <class Step>
bool StepFor(double seconds, Step step) {
    const double start = platform::Now();
    bool done;
    do done = step();
    while (!done && platform::Now() - start < seconds);
    return done;
}

// StepLoading once the load's steps are done: a slice of the map's names, if any are left, for
// about `seconds`.
bool StepLabels(AppState& app, double seconds) {
    MapLabelling& l = app.load.labelling;
    if (!l.finisher) return false;
    if (!l.map_drawn) {  // the map is drawn first (AfterFramePresented says when), alone in its task
        RequestRedraw(app);
        return false;
    }
    if (seconds <= 0) return false;  // the task's share is spent: a frame is due anyway (StepLoading)
    if (StepFor(seconds, [&] { return l.finisher->Step(app.geometry, kLabelVerticesPerSlice); })) {
        FinishMapLabels(app);  // done: the names are drawn, in a frame of its own (the next)
        return true;
    }
    // A frame only if something asked for one (an input, the UI settling after the first frame):
    // the names show once all are found, and drawing a big map between slices took longer than
    // finding them.
    return app.frames_to_draw <= 0;
}

// StepLoading once the map is drawn: a share of the level of detail a view of a big map asked for
// and does not have yet (map_layer.h; the nearest one built is drawn meanwhile), shown once built.
// Between frames that are drawn anyway (a drag, a pinch) only a short share, so that they stay
// smooth; when none is, a longer one.
bool StepMapLevel(AppState& app) {
    if (app.map_layer == nullptr || !app.map_layer->Busy()) return false;
    if (app.map_layer->Step(app.frames_to_draw > 0 ? kLevelShareSeconds : kLevelIdleSeconds)) RequestRedraw(app);
    return app.frames_to_draw <= 0;
}
}  // namespace

bool StepLoading(AppState& app) {
    SlicedLoad& s = app.load.sliced;
    switch (s.step) {
        case SlicedLoad::Step::None: {
            // The level of detail first: a big map's first frame drew its coarsest (map_gl.cpp),
            // and the finer one its view asked for is a fraction of the time the names take.
            // The names get what is left of the task's share: a short one when a frame is to be
            // drawn in the same task (as StepMapLevel's), which adds its own time.
            const double start = platform::Now();
            // (Items the coming frame itself changes are not known yet: then a share and the
            // publication may still meet in one task.)
            if (app.frames_to_draw > 0 && app.sem.Count() >= kBigMirror && !app.mirror_waits &&
                MirrorDue(app, start, app.frames_to_draw - 1))
                return false;  // the frame publishes a big mirror: its task to itself
            const double share = app.frames_to_draw > 0 ? 2 * kLevelShareSeconds : kLabelFrameSeconds;
            return StepMapLevel(app) || StepLabels(app, share - (platform::Now() - start));
        }
        case SlicedLoad::Step::Read:
            // The boundaries (most of the text) read ahead in slices; then, in a frame of its own,
            // the rest of the text parsed; then it is all checked (Check).
            if (!s.load) {
                const std::string_view text = s.text ? std::string_view(s.text.get(), s.size) : std::string_view(s.imported);
                s.load = std::make_unique<DatasetLoad>(text, s.file);
            }
            if (s.load->Progress() < 1.0) {
                StepFor(kFrameSeconds, [&] {
                    s.load->Step(kReadBytesPerSlice);
                    return s.load->Progress() >= 1.0;
                });
                ShowLoadStep(Str::LoadStepReading, s.load->Progress());
            } else if (s.load->Step(0)) {
                s.step = SlicedLoad::Step::Check;
                ShowLoadStep(Str::LoadStepChecking, -1);
            }
            break;
        case SlicedLoad::Step::Check: {
            LoadResult result = s.load->Finish();
            s.load.reset();
            s.text.reset();  // freed before the geometry takes its memory
            std::string().swap(s.imported);
            if (s.merge) {  // the data stays: the merge dialog, or why not
                const std::string file = s.file;
                s = SlicedLoad{};
                app.load.data_pending = false;
                PlanMergeOf(app, file, std::move(result));
                break;
            }
            if (!TakeLoadResult(app, std::move(result), s.file)) {
                s = SlicedLoad{};
                app.load.data_pending = false;
                break;
            }
            s.step = SlicedLoad::Step::Build;  // the builder is made next frame: its own pass over the data
            ShowLoadStep(Str::LoadStepBuilding, 0);
            break;
        }
        case SlicedLoad::Step::Build: {
            if (!s.builder) {
                GeometryOptions options;
                options.defer_labels = true;  // found once the map is drawn (MapLabelling)
                s.builder = std::make_unique<MapGeometryBuilder>(app.data, options);
                break;
            }
            if (StepFor(kFrameSeconds, [&] { return s.builder->Step(kVerticesPerSlice); })) {
                s.step = SlicedLoad::Step::Index;
                ShowLoadStep(Str::LoadStepIndexing, -1);
            } else {
                ShowLoadStep(Str::LoadStepBuilding, s.builder->Progress());
            }
            break;
        }
        case SlicedLoad::Step::Index:
            app.geometry = s.builder->Finish();
            app.load.labelling = MapLabelling{std::make_unique<MapGeometryFinisher>(s.builder->Options()), false};
            s.builder.reset();
            s.step = SlicedLoad::Step::Finish;
            if (app.geometry.fills_deferred) {
                // A map this big is drawn in levels of detail (map_layer.h), which need its border
                // nodes: found here, a pass a frame, not all in its first frame (AcceptDataset
                // finds a smaller file's at once).
                s.nodes = std::make_unique<BorderNodeFinder>(app.geometry.areas);
                s.step = SlicedLoad::Step::Nodes;
            }
            break;
        case SlicedLoad::Step::Nodes:
            if (s.nodes->Step()) {
                app.border_nodes = s.nodes->Finish();
                s.nodes.reset();
                s.step = SlicedLoad::Step::Finish;
            }
            break;
        case SlicedLoad::Step::Finish:
            FinishAccept(app);
            s.step = SlicedLoad::Step::Level;
            ShowLoadStep(Str::LoadStepPreparing, -1);
            break;
        case SlicedLoad::Step::Level:
            // What the first frame draws is made before it, in slices: the map on the GPU (a big
            // one's coarsest level of detail); then the map's names (StepLabels), once it is drawn.
            if (app.map_layer == nullptr || !app.map_layer->Sync(app.geometry, &app.border_nodes, app.data_generation) ||
                app.map_layer->StepFirstLevel(kFrameSeconds)) {
                if (s.import) {  // as a small file's import is
                    platform::Mark("app:data-imported");
                    SayImported(app, s.file);
                }
                s = SlicedLoad{};
                app.load.data_pending = false;
            }
            break;
    }
    RequestRedraw(app);
    return true;
}

namespace {

// Adds the characters of `text` not yet in `set` (`bits` says which BMP ones are) to `set`;
// `scratch` is reused for the decoding. True if any was added.
bool AddGlyphs(std::vector<uint64_t>& bits, std::vector<uint32_t>& set, std::vector<uint32_t>& scratch, std::string_view text) {
    scratch.clear();
    AppendCodepoints(text, scratch);
    bool added = false;
    for (uint32_t cp : scratch) {
        if (cp < 0x10000) {
            uint64_t& word = bits[cp >> 6];
            const uint64_t bit = uint64_t{1} << (cp & 63);
            if (word & bit) continue;
            word |= bit;
        } else if (std::find(set.begin(), set.end(), cp) != set.end()) {
            continue;  // beyond the BMP: rare, and never baked (ImGui's glyphs are 16-bit)
        }
        set.push_back(cp);
        added = true;
    }
    return added;
}

}  // namespace

void NeedGlyphs(AppState& app, std::string_view text) {
    // Called for every string of the UI and the data: only a character not seen before costs more
    // than a bit test. The set is not kept sorted (sorting it for each string that added to it
    // was 13 ms of the start-up in wasm; the bake needs no order).
    if (AddGlyphs(app.glyph_bits, app.glyphs, app.glyph_scratch, text)) app.glyphs_changed = true;
}

//-----------------------------------------------------------------------------
// [SECTION] Fonts
//-----------------------------------------------------------------------------

bool FontsNeedBaking(const AppState& app, float dpr) {
    // Nothing is drawn before both the font and the data are in (ReadyToDraw), and the data brings
    // characters of its own: baking before it arrived would mean baking twice (~100 ms each on a
    // phone-class CPU, BENCHMARKS.md "Start-up").
    if (app.load.font_pending || app.load.data_pending) return false;
    return app.glyphs_changed || app.fonts.baked_dpr != dpr;
}

namespace {

// The characters the first view can show, when it is the city's overview: the UI's strings in
// its language, the data's texts in that language but for its goals', and the problems found.
// A subset of app.glyphs (about 450 of the shipped data's 720 in Chinese, 150 in English).
// ForEachUiText and the problems' texts are those NeedUiGlyphs and TakeLoadResult add to it.
std::vector<uint32_t> FirstViewGlyphs(AppState& app) {
    std::vector<uint64_t> bits(0x10000 / 64);
    std::vector<uint32_t> set;
    std::vector<uint32_t>& scratch = app.glyph_scratch;
    const auto add = [&](std::string_view text) { AddGlyphs(bits, set, scratch, text); };
    ForEachUiText(&app.lang, add);
    ForEachOverviewString(app.data, app.lang, add);
    add(app.problems_file);
    for (const Problem& p : app.problems) add(p.message.Get(app.lang)), add(p.pointer);
    return set;
}

}  // namespace

bool PrepareFrame(AppState& app, float dpr, bool* draw) {
    *draw = true;
    if (!FontsNeedBaking(app, dpr)) {
        *draw = !StepLoading(app);
        return false;
    }
    *draw = !app.load.first_map_frame_marked && !app.geometry.fills_deferred;
    BakeAppFonts(app, dpr);
    RequestRedraw(app);
    return true;
}

void BakeAppFonts(AppState& app, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    // Drawing the glyphs is most of the start-up's own work at a phone's pixel ratio (~0.5 s of
    // 1.6 s at DPR 3 here): the first map frame gets those its view shows, the next frame the
    // rest (the browser draws only those it has not drawn yet: fonts.h GlyphCells). An area named
    // by the link shows its goals at once: then all of them first.
    // Only where the browser draws them (no font file: with one, stb_truetype rasterises its
    // glyphs at every bake, and two bakes would cost more than one).
    // Not for a big map: its first frame comes a task after the bake (PrepareFrame), which then
    // might as well have drawn them all.
    const bool first = !app.glyphs_baked && app.load.font_file.empty() && app.has_data && app.selected < 0 && app.ui.query.empty() &&
                       !app.geometry.fills_deferred;
    app.glyphs_baked = true;
    BakeFonts(io.Fonts, app.load.font_file, app.load.ext_font_file, first ? FirstViewGlyphs(app) : app.glyphs, dpr, &app.fonts);
    platform::Mark("app:fonts-baked");
    io.FontDefault = app.fonts.body;
    app.glyphs_changed = first;
    platform::ReportFonts(CountMissingGlyphs(app.fonts.body, app.glyphs), app.fonts.platform_drawn);
    // The font subset is made at build time from the shipped data; data loaded at run time (another
    // city, an import) may use characters it lacks: then fetch the extended font, once, for a
    // consistent look (the browser draws those meanwhile, and whatever the extended font lacks).
    if (!app.load.ext_font_requested && !app.fonts.has_ext && app.fonts.missing_from_files > 0) {
        app.load.ext_font_requested = true;
        app.load.ext_font_pending = true;
        platform::Fetch(kExtFontUrl, kRequestExtFont, OnExtFontFetched, &app);
    }
}

bool ReadyToDraw(const AppState& app) {
    return !app.load.font_pending && !app.load.data_pending && app.fonts.body != nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Layout
//-----------------------------------------------------------------------------

namespace {

// The keyboard help ('?'), centred, its lines wrapped to the screen.
void DrawKeysHelp(AppState& app) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const Theme& t = CurrentTheme();
    const Lang lang = app.lang;
    const float w = std::min(560.0f, vp->WorkSize.x - 24.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp->WorkSize.x - 24, vp->WorkSize.y - 24));
    // Styled like the app's other dialogs: the panel's colour, rounded, a heading and a close
    // button of its own (no ImGui title bar).
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(t.panel));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(t.outline));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 16));
    ImGui::Begin("###keys", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    SemBegin(app, Role::Dialog, Tr(Str::KeysTitle, lang), wp, ImVec2(wp.x + ws.x, wp.y + ws.y));
    const float close = 44.0f;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - close - 8);
    UiHeading(app, Tr(Str::KeysTitle, lang), 2, app.fonts.heading);
    ImGui::PopTextWrapPos();
    const ImVec2 keep = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(ws.x - ImGui::GetStyle().WindowPadding.x - close + 8, 6));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    if (UiButton(app, "##close-keys", ImVec2(close, close), Tr(Str::Close, lang))) app.ui.show_keys = false;
    ImGui::PopStyleColor();
    {  // the close icon: a cross in the button
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddLine(ImVec2(c.x - 8, c.y - 8), ImVec2(c.x + 8, c.y + 8), t.text, 2.0f);
        dl->AddLine(ImVec2(c.x - 8, c.y + 8), ImVec2(c.x + 8, c.y - 8), t.text, 2.0f);
    }
    ImGui::SetCursorPos(keep);
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, 4));
    // One row per line of the list: the keys in the accent colour, what they do beside them.
    const std::string_view list = Tr(Str::KeysList, lang);
    const std::string_view seps[2] = {"\xEF\xBC\x9A", ": "};  // "：" (Chinese), ": "
    if (ImGui::BeginTable("##keys-table", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("##k", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("##v", ImGuiTableColumnFlags_WidthStretch);
        size_t pos = 0;
        while (pos < list.size()) {
            size_t eol = list.find('\n', pos);
            if (eol == std::string_view::npos) eol = list.size();
            const std::string_view line = list.substr(pos, eol - pos);
            pos = eol + 1;
            size_t cut = std::string_view::npos, skip = 0;
            for (const std::string_view& sep : seps) {
                const size_t at = line.find(sep);
                if (at != std::string_view::npos && at < cut) cut = at, skip = sep.size();
            }
            const std::string_view key = cut == std::string_view::npos ? std::string_view() : line.substr(0, cut);
            const std::string_view what = cut == std::string_view::npos ? line : line.substr(cut + skip);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(t.accent));
            ImGui::TextUnformatted(key.data(), key.data() + key.size());
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(what.data(), what.data() + what.size());
            ImGui::PopTextWrapPos();
            RecordItem(app, Role::Text, line);
        }
        ImGui::EndTable();
    }
    SemEnd(app);
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
}

// A short confirmation (the link was copied) near the bottom of the screen, until the next press
// or key; recorded as a dialog so that the live summary reads it out.
void DrawToast(AppState& app) {
    if (app.ui.toast.Empty()) return;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsKeyPressed(ImGuiKey_Escape) || ImGui::IsKeyPressed(ImGuiKey_Enter) ||
        (app.input.keys & kKeyEscape)) {
        app.ui.toast = Text{};
        RequestRedraw(app);
        return;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const Theme& t = CurrentTheme();
    const char* text = app.ui.toast.Get(app.lang).c_str();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y - 24), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp->WorkSize.x - 24, 200));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(t.text));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(t.panel));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 12));
    // It takes no input: a tap on it reaches what is under it (the map's buttons, at a tablet's
    // width) as well as dismissing it.
    ImGui::Begin("##toast", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    SemBegin(app, Role::Dialog, text, wp, ImVec2(wp.x + ws.x, wp.y + ws.y));
    ImGui::PushTextWrapPos(vp->WorkSize.x - 24 - 32);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    RecordItem(app, Role::Text, text);
    SemEnd(app);
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
}

bool AnyPopupOpen() {
    return ImGui::GetCurrentContext() && ImGui::IsPopupOpen(0u, ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
}

// A dialog, a menu, the keys' help or the problems panel is open: what Back, Esc or a tap beside
// it closes (CloseOverlays).
bool OverlayOpen(const AppState& app) { return AnyPopupOpen() || app.ui.show_keys || (app.show_problems && app.has_data); }

}  // namespace

void DrawApp(AppState& app) {
    // While a finger or the mouse moves the map nothing is published (AfterFramePresented), so
    // nothing is recorded either: with thousands of areas, recording and comparing the items was
    // ~4 ms of each drag step. The first frame after the gesture records them all again.
    const bool moving = app.map.dragging || app.map.gesture;
    // The frame a PNG is taken from (ExportPng) is the map as a picture, recorded as nothing (the
    // mirror keeps what the screen shows, as it does while the map moves).
    const bool figure = app.png_frames == 1 && app.has_data;
    app.sem.SetPaused(moving || figure);
    app.sem.BeginFrame();
    HandleTouchScroll(app);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();

    const ImVec2 origin = vp->WorkPos;
    const ImVec2 full = vp->WorkSize;
    if (figure) {
        DrawMapFigure(app, origin, full);
        ImGui::End();
        app.sem.EndFrame();
        app.frames_to_draw = std::max(app.frames_to_draw, 1);  // the screen again, after it
        return;
    }
    const float header_h = 56.0f;
    DrawHeader(app, origin, ImVec2(full.x, header_h));

    const ImVec2 body_pos(origin.x, origin.y + header_h);
    const ImVec2 body(full.x, full.y - header_h);
    // Wide screens: map beside the panel. Narrow/portrait: map above the panel, which can be
    // expanded over the map for reading.
    if (body.x >= 900.0f && body.x >= body.y) {
        const float panel_w = std::clamp(body.x * 0.34f, 340.0f, 480.0f);
        DrawMap(app, body_pos, ImVec2(body.x - panel_w, body.y));
        DrawPanel(app, ImVec2(body_pos.x + body.x - panel_w, body_pos.y), ImVec2(panel_w, body.y), false);
    } else {
        // The panel as a sheet over the map's lower part: peek, half or full (or where its handle
        // is being dragged); the map fills what the sheet leaves.
        const float top = SheetTop(app, app.ui.sheet, body_pos.y, body.y);
        float y = app.ui.sheet_drag_y >= 0 ? app.ui.sheet_drag_y : top;
        y = std::clamp(y, SheetTop(app, Sheet::Full, body_pos.y, body.y), SheetTop(app, Sheet::Peek, body_pos.y, body.y));
        if (y - body_pos.y >= 48.0f) DrawMap(app, body_pos, ImVec2(body.x, std::floor(y - body_pos.y)));
        DrawPanel(app, ImVec2(body_pos.x, std::floor(y)), ImVec2(body.x, body_pos.y + body.y - std::floor(y)), true);
    }
    ImGui::End();
    if (app.ui.show_keys) DrawKeysHelp(app);
    if (app.draw_opened.editor) app.draw_opened.editor(app);
    if (app.draw_opened.merge) app.draw_opened.merge(app);
    DrawProblems(app);
    DrawToast(app);
    const bool overlay = OverlayOpen(app);
    if (overlay && !app.ui.overlay_open) {  // Back closes it, even on the first view
        // (The entry written as the app writes it first: a link's "#area=370831" without "&lang=zh"
        // made the Back that closed it push the view again, an entry the next Back only showed.)
        WriteHash(app, /*push=*/false);
        platform::GuardBack();
    }
    else if (!overlay && app.ui.overlay_open && !app.ui.overlay_closed_by_history) platform::ReleaseBackGuard();
    app.ui.overlay_open = overlay;
    app.ui.overlay_closed_by_history = false;
    // Draw until the UI stands still: ImGui settles layout (new windows, table columns fitting
    // their content, a press released a frame later) over a few frames, and the items say when
    // it has. Two identical frames in a row end it; then the loop sleeps.
    if (app.sem.EndFrame()) {
        app.sem_dirty = true;
        app.frames_to_draw = std::max(app.frames_to_draw, 2);
    } else if (moving && !(app.map.dragging || app.map.gesture)) {
        app.frames_to_draw = std::max(app.frames_to_draw, 1);  // the gesture ended: record next frame
    }
}

void SelectArea(AppState& app, int area_index, bool walk) {
    if (area_index < -1 || area_index >= static_cast<int>(app.data.areas.size())) area_index = -1;
    if (app.selected == area_index) return;
    app.selected = area_index;
    app.ui.focus_goal = -1;
    const bool push = !(walk && app.ui.walking);
    app.ui.walking = walk;
    WriteHash(app, push);
}

void LoadDefaultData(AppState& app) {
    if (app.load.data_pending) return;
    app.load.data_url = platform::DefaultDatasetUrl();
    app.load.data_pending = true;
    app.show_problems = false;
    platform::Fetch(app.load.data_url, kRequestData, OnDataFetched, &app);
    RequestRedraw(app);
}

float SheetTop(const AppState& app, Sheet sheet, float body_top, float body_h) {
    switch (sheet) {
        case Sheet::Full: return body_top;
        case Sheet::Peek: return body_top + body_h - (kSheetHandle + std::min(app.ui.panel_top_h, 200.0f) + 64.0f);
        default: return body_top + std::floor(body_h * 0.52f);
    }
}

void SetTab(AppState& app, PanelTab tab) {
    if (app.ui.tab == tab) return;
    app.ui.tab = tab;
    app.ui.walking = false;
    WriteHash(app, /*push=*/true);
}

void SetDark(AppState& app, bool dark) {
    if (app.dark == dark) return;
    app.dark = dark;
    UseTheme(dark);
    platform::SetPageTheme(dark);
    platform::SaveSetting("theme", dark ? "dark" : "light");
}

void SetLanguage(AppState& app, Lang lang) {
    if (app.lang == lang) return;
    app.lang = lang;
    platform::SaveSetting("lang", lang == Lang::En ? "en" : "zh");
    WriteHash(app, /*push=*/false);
}

void WriteHash(const AppState& app, bool push) {
    std::string h;
    if (app.selected >= 0) h = "area=" + app.data.areas[static_cast<size_t>(app.selected)].id + "&";
    else if (app.ui.tab == PanelTab::Compare) h = "tab=compare&";
    // The filters, as lists of ids: cat=<category>,...&kind=<area kind>,...&status=<status>,...
    const GoalFilter& f = app.ui.filter;
    auto list = [&h](const char* key, const std::vector<std::string>& ids) {
        if (ids.empty()) return;
        h += key;
        for (size_t i = 0; i < ids.size(); ++i) (h += i ? "," : "=") += ids[i];
        h += '&';
    };
    list("cat", f.categories);
    list("kind", f.area_kinds);
    for (int s = 0, n = 0; s < kStatusCount; ++s)
        if (f.statuses & (1u << s)) (h += n++ ? "," : "status=") += StatusId(static_cast<Status>(s));
    if (f.statuses) h += '&';
    h += app.lang == Lang::En ? "lang=en" : "lang=zh";
    platform::SetHash(h, push);
}

void ApplyHash(AppState& app, const std::string& hash) {
    bool area_given = false, filter_given = false;
    PanelTab tab = PanelTab::Overview;
    GoalFilter filter;
    // A comma-separated list of ids, keeping those `known` accepts (an unknown id is left out).
    auto ids = [](std::string_view v, auto known, std::vector<std::string>* out) {
        for (size_t p = 0; p <= v.size();) {
            size_t e = v.find(',', p);
            if (e == std::string_view::npos) e = v.size();
            const std::string id(v.substr(p, e - p));
            if (!id.empty() && known(id) && std::find(out->begin(), out->end(), id) == out->end()) out->push_back(id);
            p = e + 1;
        }
    };
    for (size_t pos = 0; pos <= hash.size();) {
        size_t end = hash.find('&', pos);
        if (end == std::string::npos) end = hash.size();
        const std::string_view item(hash.data() + pos, end - pos);
        if (item.substr(0, 5) == "lang=") {
            const std::string_view v = item.substr(5);
            if (v == "en" || v == "zh") app.lang = v == "en" ? Lang::En : Lang::Zh;
        } else if (item.substr(0, 4) == "tab=") {
            if (item.substr(4) == "compare") tab = PanelTab::Compare;
        } else if (item.substr(0, 4) == "cat=" && app.has_data) {
            filter_given = true;
            ids(item.substr(4), [&](const std::string& id) { return app.data.FindCategory(id) >= 0; }, &filter.categories);
        } else if (item.substr(0, 5) == "kind=" && app.has_data) {
            filter_given = true;
            ids(item.substr(5), [&](const std::string& id) { return app.data.FindAreaKind(id) >= 0; }, &filter.area_kinds);
        } else if (item.substr(0, 7) == "status=" && app.has_data) {
            filter_given = true;
            std::vector<std::string> names;
            Status st;
            ids(item.substr(7), [&st](const std::string& id) { return ParseStatus(id, &st); }, &names);
            for (const std::string& n : names)
                if (ParseStatus(n, &st)) filter.statuses |= 1u << static_cast<int>(st);
        } else if (item.substr(0, 5) == "area=" && app.has_data) {
            area_given = true;
            const int i = app.data.FindArea(std::string(item.substr(5)));
            if (i != app.selected) {
                app.selected = i;
                app.ui.focus_goal = -1;
            }
        }
        pos = end + 1;
    }
    app.ui.tab = tab;
    // Back from an area's detail: the hash no longer names one.
    if (app.has_data && !area_given) app.selected = -1;
    // Filters named by the link replace the current ones; a link naming none leaves them (Back
    // to a view from before a filter was chosen keeps the filter).
    if (filter_given && (filter.categories != app.ui.filter.categories || filter.area_kinds != app.ui.filter.area_kinds ||
                         filter.statuses != app.ui.filter.statuses)) {
        app.ui.filter = filter;
        if (!filter.Empty()) app.ui.show_filters = true;
        RefreshStats(app);
    }
}

namespace {

// Closes what is open over the view: a dialog or menu (the record dialog and the merge dialog
// then close, as Esc does (the record dialog keeps its draft): view_editor.cpp, view_merge.cpp), the keyboard help, the data
// problems. False if nothing was.
bool CloseOverlays(AppState& app) {
    const bool closed = OverlayOpen(app);
    if (AnyPopupOpen()) ImGui::ClosePopupToLevel(0, true);
    app.ui.show_keys = false;
    if (app.has_data) app.show_problems = false;
    return closed;
}

}  // namespace

void UpdateApp(AppState& app) {
    int shared = 0;
    if (platform::TakeShareResult(&shared)) {
        if (shared == 1) app.ui.toast = {Tr(Str::LinkCopied, Lang::Zh), Tr(Str::LinkCopied, Lang::En)};
        else if (shared == 0) app.ui.toast = {Tr(Str::LinkNotCopied, Lang::Zh), Tr(Str::LinkNotCopied, Lang::En)};
        RequestRedraw(app);
    }
    // A day picked in the browser's date picker (the record dialog's date, view_editor.cpp): the
    // report's, no later than today; for a dialog closed meanwhile, nothing.
    std::string picked;
    long day = 0, today = 0;
    if (platform::TakePickedDate(&picked) && app.editor.goal >= 0 && DayNumber(picked, &day)) {
        app.editor.day = DayNumber(app.ui.today, &today) ? std::min(day, today) : day;
        RequestRedraw(app);
    }
    platform::SemanticAction action;
    while (platform::TakeSemanticAction(&action)) {
        if (action.dismiss) CloseOverlays(app);
        else if (action.focus) app.sem.Focus(action.id);
        else app.sem.Activate(action.id, action.has_value, action.value);
        RequestRedraw(app);
    }
    bool back = false;
    if (platform::TakeHashChanged(&back)) {  // Back, Forward, an edited or followed link
        // A dialog or a menu open closes. With Back that is all, as a phone's Back does: the view
        // behind stays and its entry goes back into the history. Forward or a link goes on to
        // its view. Either way a Tab step now is a new entry, not one replacing where this went.
        app.ui.walking = false;
        app.ui.overlay_closed_by_history = true;  // (its guard, if any, is no longer where the history is)
        if (CloseOverlays(app) && back) {
            WriteHash(app, /*push=*/true);
        } else {
            std::string unreadable;
            ApplyHash(app, platform::GetHash(&unreadable));
            // Said once, for a link followed or edited; the entry then holds the link as read. (Back
            // to the start's entry with such a link said it again, and its panel's Back guard
            // brought the person back there: Back could never leave.)
            if (!unreadable.empty()) {
                if (!back) {
                    AddNotice(app, {"链接中有无法识别的部分，已忽略：" + unreadable, "Part of the link could not be read and was ignored: " + unreadable});
                    ShowNotices(app);
                }
                WriteHash(app, /*push=*/false);
            }
        }
        RequestRedraw(app);
    }
    std::string typed;
    if (platform::TakeTextFieldInput(&typed)) {
        // The text is the field's the input was last published for: a press on another field
        // moves the input there only from the next frame (view_editor.cpp EditorField).
        const TextOwner owner = app.ui.field_owner;
        if (owner == TextOwner::Note || owner == TextOwner::Author) {
            (owner == TextOwner::Note ? app.editor.note : app.editor.author) = typed;
            if (owner == TextOwner::Author) app.editor.author_typed = true;
            else app.editor.note_lang = app.lang;
            NeedGlyphs(app, typed);
        } else if (owner == TextOwner::Amount || owner == TextOwner::Percent) {
            TypeNumber(app, owner, typed);
            NeedGlyphs(app, typed);  // (a Chinese keyboard's full-width digits)
        } else {
            // A search typed while an area is shown shows its results (the area view came first
            // and hid them); Back returns to the area.
            if (!typed.empty() && typed != app.ui.query && app.selected >= 0) SelectArea(app, -1);
            SetQuery(app, typed);
        }
        RequestRedraw(app);
    }
    platform::ImportedFile file;
    // A file dropped while a dataset is downloaded or loaded in steps waits for it (a big load is
    // building over app.data, and the download would replace what the file brought).
    while (!app.load.data_pending && app.load.sliced.step == SlicedLoad::Step::None && platform::TakeImportedFile(&file)) {
        ImportFile(app, file.name, std::move(file.bytes), file.error, file.merge);
        RequestRedraw(app);
    }
}

// A change of the local edits: saved, applied, and undoable with `undo` (a bulk change's, or one
// record's reverted by a tap) until the next change, which ends any undo (it would lose it).
void EditsChanged(AppState& app, BulkUndo&& undo) {
    app.undo = std::move(undo);
    SaveEdits(app);
    SaveUndo(app);
    RebuildFromEdits(app);
}

void EditsChanged(AppState& app) { EditsChanged(app, BulkUndo{}); }

void AddEdit(AppState& app, const LocalEdit& edit) {
    UpsertEdit(app.local.edits, edit);
    EditsChanged(app);
}

namespace {

// A refusal of an import, in the problems panel (the data and the reports stay as they were).
void ImportProblem(AppState& app, const std::string& name, const Text& message) {
    Problem p;
    p.file = name;
    p.message = message;
    app.problems.assign(1, p);
    app.problems_file = name;
    app.show_problems = true;
    NeedTextGlyphs(app, p.message);
}

void ShowToast(AppState& app, const Text& message) {
    app.ui.toast = message;
    NeedTextGlyphs(app, message);
    RequestRedraw(app);
}

}  // namespace

void PlanMergeOf(AppState& app, const std::string& name, LoadResult&& result) {
    if (!result.Ok()) {  // the loader's own problems say what and where
        app.problems = std::move(result.problems);
        app.problems_file = name;
        for (const Problem& p : app.problems) NeedTextGlyphs(app, p.message);
        app.show_problems = true;
        return;
    }
    if (result.data.id != app.data.id) {
        ImportProblem(app, name, {"无法合并 " + name + "：它是另一份数据（" + result.data.id + "）的导出，这里显示的是 " + app.data.id + "。",
                                  "Could not merge " + name + ": it is an export of other data (" + result.data.id +
                                      "), and this is " + app.data.id + "."});
        return;
    }
    MergePlan plan = PlanMerge(app.data, result.data);
    if (plan.Empty()) {
        const std::string n = std::to_string(plan.same);
        ShowToast(app, {name + " 中没有新的记录" + (plan.same > 0 ? "（" + n + " 条已有）" : std::string()),
                        "Nothing new in " + name + (plan.same > 0 ? " (" + n + (plan.same == 1 ? " report is" : " reports are") + " already here)" : std::string())});
        return;
    }
    MergeState& m = app.merge;
    m.file = name;
    m.take_theirs.assign(plan.conflicts.size(), 0);
    for (const LocalEdit& e : plan.added) NeedTextGlyphs(app, e.report.note), NeedGlyphs(app, e.report.author);
    for (const MergeConflict& c : plan.conflicts) {
        NeedTextGlyphs(app, c.theirs.note);
        NeedGlyphs(app, c.theirs.author);
    }
    NeedGlyphs(app, name);
    m.plan = std::move(plan);
    m.summary.clear();
    m.open = true;
    app.draw_opened.merge = DrawMergeDialog;
    m.shown = false;
    RequestRedraw(app);
}

void ConfirmMerge(AppState& app) {
    MergeState& m = app.merge;
    if (!m.open) return;
    std::vector<LocalEdit> before = app.local.edits;
    app.local.edits = MergeEdits(app.local.edits, m.plan, m.take_theirs, app.data);
    int taken = 0;
    for (uint8_t t : m.take_theirs) taken += t != 0;
    const int n = static_cast<int>(m.plan.added.size()) + taken;
    m.open = false;
    m.plan = MergePlan{};
    m.summary.clear();
    EditsChanged(app, BulkUndo{BulkUndo::Kind::Merge, std::move(before)});
    char zh[96], en[96];
    std::snprintf(zh, sizeof zh, Count(Str::CountMerged, n, Lang::Zh), n);
    std::snprintf(en, sizeof en, Count(Str::CountMerged, n, Lang::En), n);
    ShowToast(app, {zh, en});
}

void RevertEdit(AppState& app, size_t index) {
    if (index >= app.local.edits.size()) return;
    std::vector<LocalEdit> before = app.local.edits;
    app.local.edits.erase(app.local.edits.begin() + static_cast<long>(index));
    // One tap on a small link took a record (and its note): it can be taken back, as all can.
    EditsChanged(app, BulkUndo{BulkUndo::Kind::Revert, std::move(before)});
    ShowToast(app, {Tr(Str::RevertedOne, Lang::Zh), Tr(Str::RevertedOne, Lang::En)});
}

void RevertAllEdits(AppState& app) {
    if (app.local.edits.empty()) return;
    std::vector<LocalEdit> before = std::move(app.local.edits);
    app.local.edits.clear();
    EditsChanged(app, BulkUndo{BulkUndo::Kind::RevertAll, std::move(before)});  // one tap took them all: it can be taken back
    ShowToast(app, {Tr(Str::RevertedAll, Lang::Zh), Tr(Str::RevertedAll, Lang::En)});
}

void UndoBulk(AppState& app) {
    if (app.undo.kind == BulkUndo::Kind::None) return;
    const BulkUndo::Kind k = app.undo.kind;
    const Str done = k == BulkUndo::Kind::Merge ? Str::MergeUndone : k == BulkUndo::Kind::Revert ? Str::RevertOneUndone : Str::RevertAllUndone;
    app.local.edits = std::move(app.undo.before);
    EditsChanged(app);
    ShowToast(app, {Tr(done, Lang::Zh), Tr(done, Lang::En)});
}

int FindEdit(const AppState& app, const std::string& goal_id, const std::string& date) {
    for (size_t i = 0; i < app.local.edits.size(); ++i) {
        const LocalEdit& e = app.local.edits[i];
        if (e.goal_id == goal_id && e.report.date == date) return static_cast<int>(i);
    }
    return -1;
}

namespace {

// Says which file an export handed to the browser (a phone's browser may save it without a word).
void SayDownloaded(AppState& app, const std::string& name) {
    app.ui.toast = {Tr(Str::Downloaded, Lang::Zh) + name, Tr(Str::Downloaded, Lang::En) + name};
    RequestRedraw(app);
}

}  // namespace

void ExportJson(AppState& app) {
    const std::string name = app.data.id + ".json";
    platform::DownloadFile(name, "application/json", DatasetToJson(app.data));
    SayDownloaded(app, name);
}

void ExportCsv(AppState& app) {
    const std::string name = app.data.id + "-goals.csv";
    platform::DownloadFile(name, "text/csv;charset=utf-8", GoalsToCsv(app.data, app.lang));
    SayDownloaded(app, name);
}

void ExportPng(AppState& app) {
    app.png_frames = 2;  // the frame that closes the menu, then a clean one
    RequestRedraw(app);
}

void ImportFile(AppState& app, const std::string& name, std::string bytes, const std::string& error, bool merge) {
    if (!error.empty()) {
        const Text why = DescribePlatformError(error);
        ImportProblem(app, name, {"无法导入 " + name + "：" + why.zh, "Could not import " + name + ": " + why.en});
        return;
    }
    merge = merge && app.has_data;  // (with nothing to merge into, it is loaded)
    if (bytes.size() > kSlicedLoadBytes) {
        // Loaded in steps as a big download is, on the page's loading card, shown again over the
        // app (a refused file leaves the data shown as it was; the card goes once a frame is drawn);
        // one to merge, read and checked so, then planned (PlanMergeOf).
        SlicedLoad s;
        s.imported = std::move(bytes);
        s.import = true;
        s.merge = merge;
        platform::ShowLoading(name);
        app.load.card_shown = true;
        StartSlicedLoad(app, std::move(s), name);
        return;
    }
    if (merge) {
        PlanMergeOf(app, name, LoadDataset(bytes, name));
        return;
    }
    if (AcceptDataset(app, bytes, name)) {
        platform::Mark("app:data-imported");  // as fetched data is
        SayImported(app, name);
    }
}

void SetQuery(AppState& app, const std::string& query) {
    app.ui.query = query;
    if (app.has_data) Search(app.data, query, app.ui.hits);
    NeedGlyphs(app, query);  // typed characters must be drawable in the results' highlight
}

const std::string& TimelineDate(const AppState& app) {
    static const std::string kNow;
    const DashboardState& ui = app.ui;
    return ui.timeline >= 0 && ui.timeline < static_cast<int>(ui.report_dates.size()) ? ui.report_dates[static_cast<size_t>(ui.timeline)]
                                                                                        : kNow;
}

Status ShownStatus(const AppState& app, const Goal& goal) { return StatusOn(goal, TimelineDate(app)); }

void RefreshStats(AppState& app) {
    app.stats = ComputeStats(app.data, app.ui.filter, TimelineDate(app));
    ++app.stats_version;
}

void ClearFilters(AppState& app) {
    app.ui.filter = GoalFilter{};
    RefreshStats(app);
    WriteHash(app, /*push=*/false);
}

void RequestRedraw(AppState& app) { app.frames_to_draw = std::max(app.frames_to_draw, 3); }

//-----------------------------------------------------------------------------
// [SECTION] Summary
//-----------------------------------------------------------------------------

namespace {

// #a11y-summary, a polite live region: what the view is about (its level-1 and level-2 headings
// and any open dialog), read from the semantics tree, so it never says anything the UI does not.
void SummaryFromTree(const Semantics& sem, std::string* out) {
    out->clear();
    std::string_view previous;
    for (int i = 0; i < sem.Count(); ++i) {
        const SemItem& it = sem.Item(i);
        if (!((it.role == Role::Heading && it.level <= 2) || it.role == Role::Dialog)) continue;
        const std::string_view name = sem.Name(it);
        if (name == previous) continue;  // a dialog's own heading repeats its name: say it once
        previous = name;
        out->append(name);
        out->push_back('\n');
    }
}

}  // namespace

void AfterFramePresented(AppState& app) {
    if (app.png_frames > 0 && --app.png_frames == 0) {
        platform::DownloadCanvasPng(app.data.id + ".png");
        SayDownloaded(app, app.data.id + ".png");  // after the frame the image is taken from
    }
    if (app.load.labelling.finisher && app.load.sliced.step == SlicedLoad::Step::None) app.load.labelling.map_drawn = true;
    const bool first_map_frame = !app.load.first_map_frame_marked && app.has_data;
    if (first_map_frame) {
        app.load.first_map_frame_marked = true;
        platform::Mark("app:first-map-frame");
        platform::HideLoading();
    } else if (!app.has_data && !app.load.data_pending) {
        platform::HideLoading();  // nothing to show but the problems panel
    }
    if (app.load.card_shown && !app.load.data_pending) {  // a big import's card: its data, or its problems, drawn
        app.load.card_shown = false;
        platform::HideLoading();
    }
    if (app.has_data && (app.page_info_generation != app.data_generation || app.page_info_lang != app.lang)) {
        app.page_info_generation = app.data_generation;
        app.page_info_lang = app.lang;
        const Dataset& d = app.data;
        char label[256];
        std::snprintf(label, sizeof label, Tr(Str::CanvasLabel, app.lang), d.city.Get(app.lang).c_str());
        platform::SetPageInfo(app.lang == Lang::En ? "en" : "zh-CN", d.title.Get(app.lang), label);
    }
    // Only when the items changed: an idle app publishes nothing (MirrorDue). A frame that began
    // paused recorded nothing, even if the gesture ended during it: publishing it would empty the
    // mirror. Nor with the first map frame: the browser lays the mirror out before it shows the
    // frame (with 2,000 areas, 12,000 elements: ~0.8 s), so the map is shown first and the mirror
    // made in the next frame. Nor, for a big mirror, after the frame's other long work (kBigMirror).
    const bool wait = first_map_frame || (app.mirror_waits && app.sem.Count() >= kBigMirror);
    app.mirror_waits = false;
    const double now = platform::Now();
    if (wait && app.sem_dirty) RequestRedraw(app);
    if (!wait && MirrorDue(app, now, app.frames_to_draw)) {
        app.sem_dirty = false;
        app.sem_published_at = now;
        platform::PublishSemantics(app.sem.ToJson());
        SummaryFromTree(app.sem, &app.summary);
        if (app.summary != app.summary_published) {
            app.summary_published = app.summary;
            platform::SetAccessibleSummary(app.summary);
        }
    }
}

}  // namespace jcm
