// view_map.cpp: the map: choropleth fills, outlines, labels, zone markers, hover and selection,
// wheel/drag zoom and pan, zoom buttons, legend and tooltip.
//
// Geometry is prepared once at load (core/geometry.h); each frame only transforms the cached
// world vertices to the screen into a reused buffer and writes them to the draw list.
//
// Index:
//   [SECTION] Helpers     colours, ImVec2 <-> Vec2, hit testing in screen space
//   [SECTION] Input       wheel, drag, click, keyboard
//   [SECTION] Drawing     fills, outlines, markers, labels
//   [SECTION] Overlays    zoom buttons, legend, tooltip
//   [SECTION] DrawMap
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/projection.h"
#include "platform/platform.h"
#include "ui/strings.h"
#include "ui/map_layer.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace jcm {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

constexpr float kMarkerRadius = 9.0f;
constexpr float kMarkerHitRadius = 22.0f;  // 44 px touch target
constexpr float kFitPadding = 24.0f;

ImVec2 ToIm(Vec2 v) { return ImVec2(v.x, v.y); }
Vec2 ToVec(ImVec2 v) { return Vec2{v.x, v.y}; }

// Where each zone's marker goes on screen (m.marker_at): at its point, unless it would overlap
// another marker (two zones a few km apart, on a phone): then both move apart, just far enough
// for their coloured discs to lie side by side (their white rings overlap: no further, where the
// names of the areas around them need the room; an emphasised ring may cover a pixel or two of
// its neighbour's disc). A pair moves less than a ring's radius: each point stays under its
// marker; in a cluster a marker moved further is joined to its point by a line
// (DrawMarkersAndLabels). Only for a city's few markers (up to kMaxSpreadMarkers); a map with
// more draws them where they are. Called after the input moved the view (for the hit test) and
// after the view was clamped (for drawing): a pass over the zones, nothing allocated.
constexpr int kMaxSpreadMarkers = 48;
void PlaceMarkers(AppState& app) {
    MapUiState& m = app.map;
    const std::vector<AreaGeometry>& areas = app.geometry.areas;
    m.marker_at.resize(areas.size());
    int idx[kMaxSpreadMarkers], count = 0;
    for (size_t i = 0; i < areas.size(); ++i) {
        if (!areas[i].has_marker) continue;
        m.marker_at[i] = m.view.WorldToScreen(areas[i].marker);
        if (count < kMaxSpreadMarkers) idx[count] = static_cast<int>(i);
        ++count;
    }
    if (count < 2 || count > kMaxSpreadMarkers) return;
    const float apart = 2.0f * kMarkerRadius + 2.0f;  // the discs apart, the white rings between them
    for (int round = 0; round < 8; ++round) {
        bool moved = false;
        for (int i = 0; i < count; ++i) {
            for (int j = i + 1; j < count; ++j) {
                Vec2& a = m.marker_at[static_cast<size_t>(idx[i])];
                Vec2& b = m.marker_at[static_cast<size_t>(idx[j])];
                const float dx = a.x - b.x, dy = a.y - b.y, d = std::sqrt(dx * dx + dy * dy);
                if (d >= apart - 0.01f) continue;
                // Along the line between them (side by side if they are at one point).
                const float ux = d > 0.01f ? dx / d : -1.0f, uy = d > 0.01f ? dy / d : 0.0f;
                const float push = (apart - d) * 0.5f;
                a.x += ux * push, a.y += uy * push;
                b.x -= ux * push, b.y -= uy * push;
                moved = true;
            }
        }
        if (!moved) break;
    }
}

// The metric's value for area i and the largest value over all areas.
void MetricValue(const AppState& app, const CampaignStats& stats, int i, int* value, int* max) {
    const GoalCounts& c = stats.per_area[static_cast<size_t>(i)];
    switch (app.ui.metric) {
        case MapMetric::Targets: *value = c.targets, *max = stats.max_targets_per_area; return;
        case MapMetric::Projects: *value = c.projects, *max = stats.max_projects_per_area; return;
        default: *value = c.goals, *max = stats.max_goals_per_area; return;
    }
}

// The status that best sums up an area: its worst reported status (red > yellow > green >
// done), or "not reported" when nothing is.
Status SummaryStatus(const GoalCounts& c) {
    for (Status s : kStatusShown)
        if (s != Status::NotReported && c.by_status[static_cast<int>(s)] > 0) return s;
    return Status::NotReported;
}

// In words, what an area's fill shows (its map item's name and its tooltip say it: the colour is
// not the only way to tell): the goals, then the shown measure; for the status, how many goals
// the status sums up ("Off track · 1 of 23 reported").
void AreaMeasureText(const AppState& app, int i, char* out, size_t size) {
    AreaCountText(app, i, out, size);
    const GoalCounts& c = app.stats.per_area[static_cast<size_t>(i)];
    if (c.goals == 0) return;  // "no goals reported" / "none under the filters"
    const Lang lang = app.lang;
    const size_t used = std::strlen(out);
    char more[96];
    switch (app.ui.metric) {
        case MapMetric::Targets: std::snprintf(more, sizeof more, Count(Str::CountTargets, c.targets, lang), c.targets); break;
        case MapMetric::Projects: std::snprintf(more, sizeof more, Count(Str::CountProjects, c.projects, lang), c.projects); break;
        case MapMetric::Status: {
            const int reported = ReportedGoals(c);
            const Status s = SummaryStatus(c);
            if (reported == 0) {
                std::snprintf(more, sizeof more, "%s", StatusName(s, lang));
            } else {
                char of[48];
                std::snprintf(of, sizeof of, Tr(Str::ReportedOf, lang), reported, c.goals);
                std::snprintf(more, sizeof more, "%s · %s", StatusName(s, lang), of);
            }
            break;
        }
        default: return;
    }
    std::snprintf(out + used, size - used, " · %s", more);
}

}  // namespace

ImU32 AreaFill(const AppState& app, const CampaignStats& stats, int i, const Theme& t) {
    const size_t ui = static_cast<size_t>(i);
    if (!stats.area_kept[ui]) return t.filtered_out;
    if (stats.all_goals[ui] == 0) return t.no_goals;  // the source reports nothing for it
    if (stats.per_area[ui].goals == 0) return t.zero;  // goals, none of them shown
    if (app.ui.metric == MapMetric::Status) return t.status[static_cast<int>(SummaryStatus(stats.per_area[ui]))];
    int value = 0, max = 0;
    MetricValue(app, stats, i, &value, &max);
    return value > 0 ? ScaleColor(t, value, max) : t.zero;  // goals, but none of this measure
}

int LegendRows(const AppState& app, const CampaignStats& stats, const Theme& t, char labels[8][48], ImU32 colors[8]) {
    const Lang lang = app.lang;
    int rows = 0;
    if (app.ui.metric == MapMetric::Status) {
        for (Status s : kStatusShown) {
            std::snprintf(labels[rows], sizeof labels[rows], "%s", StatusName(s, lang));
            colors[rows++] = t.status[static_cast<int>(s)];
        }
    } else {
        // The buckets of the sequential scale that hold values, with their value ranges.
        int value = 0, max_value = 0;
        if (!app.data.areas.empty()) MetricValue(app, stats, 0, &value, &max_value);
        for (int b = 0; b < 5 && max_value > 0; ++b) {
            int lo = -1, hi = -1;
            for (int v = 1; v <= max_value; ++v) {
                if (ScaleBucket(v, max_value) != b) continue;
                if (lo < 0) lo = v;
                hi = v;
            }
            if (lo < 0) continue;
            if (lo == hi) std::snprintf(labels[rows], sizeof labels[rows], "%d", lo);
            else std::snprintf(labels[rows], sizeof labels[rows], "%d–%d", lo, hi);
            colors[rows++] = t.scale[b];
        }
    }
    bool any_zero = false;  // an area with goals but none of the shown measure has its own class
    for (size_t i = 0; i < app.data.areas.size(); ++i) any_zero |= AreaFill(app, stats, static_cast<int>(i), t) == t.zero;
    if (any_zero) {
        std::snprintf(labels[rows], sizeof labels[rows], "%s", Tr(Str::ZeroOtherGoals, lang));
        colors[rows++] = t.zero;
    }
    std::snprintf(labels[rows], sizeof labels[rows], "%s", Tr(Str::NoGoalsReported, lang));
    colors[rows++] = t.no_goals;
    if (stats.areas_kept < static_cast<int>(app.data.areas.size())) {
        std::snprintf(labels[rows], sizeof labels[rows], "%s", Tr(Str::AreaHidden, lang));
        colors[rows++] = t.filtered_out;
    }

    return rows;
}

Str MetricTitle(MapMetric metric) {
    const Str titles[4] = {Str::MetricGoals, Str::MetricTargets, Str::MetricProjects, Str::MetricStatus};
    return titles[static_cast<int>(metric)];
}

std::string_view MapName(const Area& area, Lang lang) {
    const std::string& label = lang == Lang::En ? area.label.en : area.label.zh;
    if (!label.empty()) return label;
    const std::string& full = area.name.Get(lang);
    if (lang != Lang::En) return full;
    const size_t sp = full.rfind(' ');
    // (not "Area", "Zone": "Taibai Lake New Area" would become "Taibai Lake New")
    static const char* const kGeneric[] = {"County", "District", "City", "Prefecture"};
    if (sp != std::string::npos && sp > 0)
        for (const char* w : kGeneric)
            if (full.compare(sp + 1, std::string::npos, w) == 0) return std::string_view(full).substr(0, sp);
    return full;
}

namespace {

ImU32 AreaFill(const AppState& app, int i) { return AreaFill(app, app.stats, i, CurrentTheme()); }

// Area under a screen point: zone markers first (they sit on top), then the names drawn (one
// beside its area, at a leader line, lies over another area: a tap on it means its own), then
// polygons.
int HitTestScreen(const AppState& app, ImVec2 p) {
    const ViewTransform& view = app.map.view;
    int best = -1;
    float best_d2 = kMarkerHitRadius * kMarkerHitRadius;
    for (size_t i = 0; i < app.geometry.areas.size(); ++i) {
        const AreaGeometry& g = app.geometry.areas[i];
        if (!g.has_marker) continue;
        const Vec2 s = app.map.marker_at[i];
        const float dx = s.x - p.x, dy = s.y - p.y, d2 = dx * dx + dy * dy;
        if (d2 <= best_d2) {
            best_d2 = d2;
            best = static_cast<int>(i);
        }
    }
    if (best >= 0) return best;
    for (const MapUiState::NameHit& h : app.map.name_hits)
        if (p.x >= h.box.x0 && p.x <= h.box.x1 && p.y >= h.box.y0 && p.y <= h.box.y1) return h.area;
    return app.geometry.HitTest(view.ScreenToWorld(ToVec(p)));
}

//-----------------------------------------------------------------------------
// [SECTION] Input
//-----------------------------------------------------------------------------

// Two fingers: pinch zooms around their midpoint, moving them pans. Returns true while a gesture
// owns the pointer (from the second finger down until every finger is up), so the emulated mouse
// of the first finger neither pans nor selects meanwhile.
bool HandleTouchGesture(AppState& app) {
    MapUiState& m = app.map;
    const PointerInput& in = app.input;
    if (in.touch_count >= 2) {
        const Vec2 c{(in.touch[0].x + in.touch[1].x) * 0.5f, (in.touch[0].y + in.touch[1].y) * 0.5f};
        const float d = std::hypot(in.touch[1].x - in.touch[0].x, in.touch[1].y - in.touch[0].y);
        if (m.gesture) {
            if (m.gesture_distance > 1.0f && d > 1.0f) m.view.ZoomAround(m.gesture_center, d / m.gesture_distance);
            m.view.Pan(c.x - m.gesture_center.x, c.y - m.gesture_center.y);
            m.user_moved = true;
        }
        m.gesture = true;
        m.gesture_center = c;
        m.gesture_distance = d;
    } else if (in.touch_count == 0 && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        m.gesture = false;
    }
    return m.gesture;
}

// Keys, when no text field has the keyboard: arrows pan, + and - zoom, 0 fits the map,
// Tab / Shift+Tab select the next / previous area, Esc returns to the overview. None while a
// dialog or menu is open: its keys are its own (ImGui's Esc and navigation, the mirror's).
// Typing into a dialog whose field did not have the focus switched the language behind it
// ('L'), or closed it for the data menu ('D'), and its choices were lost.
void HandleMapKeys(AppState& app, ImVec2 pos, ImVec2 size) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsPopupOpen(0u, ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return;
    MapUiState& m = app.map;
    const float step = 80.0f;
    // In the panel, ImGui's navigation owns arrows, Tab and Esc; Esc with nothing left to
    // cancel there (no popup: see above; no active control) brings the keyboard back to the map.
    const uint32_t keys = app.nav_panel ? 0u : app.input.keys;
    if (app.nav_panel && (app.input.keys & kKeyEscape) && !ImGui::IsAnyItemActive()) app.nav_panel = false;
    const uint32_t pans[4] = {kKeyLeft, kKeyRight, kKeyUp, kKeyDown};
    const float dx[4] = {step, -step, 0, 0}, dy[4] = {0, 0, step, -step};
    for (int k = 0; k < 4; ++k) {
        if (keys & pans[k]) {
            m.view.Pan(dx[k], dy[k]);
            m.user_moved = true;
        }
    }
    const Vec2 center{pos.x + size.x * 0.5f, pos.y + size.y * 0.5f};
    for (ImWchar c : io.InputQueueCharacters) {
        if (c == '/') { platform::FocusTextField(); continue; }  // type to search
        if (c == '?') { app.ui.show_keys = !app.ui.show_keys; continue; }
        if (c == 'l' || c == 'L') { SetLanguage(app, app.lang == Lang::Zh ? Lang::En : Lang::Zh); continue; }
        if (c == 'c' || c == 'C') { SetTab(app, PanelTab::Compare); continue; }
        if (c == 'o' || c == 'O') { SetTab(app, PanelTab::Overview); continue; }
        if (c == 'p' || c == 'P') { app.nav_panel_request = true; continue; }
        if (c == 't' || c == 'T') { SetDark(app, !app.dark); continue; }
        if (c == 'd' || c == 'D') {  // the menu opens next frame, with keyboard navigation on
            app.open_data_menu = true;
            app.nav_panel = true;
            continue;
        }
        if (c == '+' || c == '=') m.view.ZoomAround(center, 1.5f);
        else if (c == '-' || c == '_') m.view.ZoomAround(center, 1.0f / 1.5f);
        else if (c == '0') m.fitted = false;
        else continue;
        m.user_moved = c != '0';
    }
    // Tab walks the areas; past the last (or before the first) it leaves the map for the page's
    // other controls, so the keyboard is never trapped in the canvas.
    const int n = static_cast<int>(app.data.areas.size());
    if (keys & kKeyNext) {
        if (app.selected + 1 < n) SelectArea(app, app.selected + 1, /*walk=*/true);
        else platform::LeaveCanvas(true);
    }
    if (keys & kKeyPrevious) {
        if (app.selected > 0) SelectArea(app, app.selected - 1, /*walk=*/true);
        else platform::LeaveCanvas(false);
    }
    if (keys & kKeyEscape) {  // closes what is open over the map first, then leaves the area
        if (app.ui.show_keys) app.ui.show_keys = false;
        else if (app.show_problems && app.has_data) app.show_problems = false;
        else SelectArea(app, -1);
    }
}

void HandleMapInput(AppState& app, ImVec2 pos, ImVec2 size) {
    MapUiState& m = app.map;
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton("##map", size, ImGuiButtonFlags_MouseButtonLeft);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    const bool gesture = HandleTouchGesture(app);

    if (hovered && app.input.wheel != 0.0f) {
        m.view.ZoomAround(ToVec(io.MousePos), std::pow(1.25f, app.input.wheel));
        m.user_moved = true;
    }
    if (gesture) m.dragging = true;  // the release that ends a gesture must not select
    else if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
        m.view.Pan(io.MouseDelta.x, io.MouseDelta.y);
        m.user_moved = true;
        m.dragging = true;
    }
    PlaceMarkers(app);  // for this view (the hit test's)
    m.hovered = (hovered && !m.dragging) ? HitTestScreen(app, io.MousePos) : -1;
    if (ImGui::IsItemDeactivated()) {
        if (!m.dragging) SelectArea(app, HitTestScreen(app, io.MousePos));  // empty space clears
        app.nav_panel = false;  // a pointer on the map takes the keyboard back to the map
        m.last_dragged = m.dragging;
        m.dragging = false;
    }
    // Two presses in quick succession zoom in, unless the first was a drag (ImGui counts presses
    // only: two quick drags from the same point zoomed in, and a third drag panned a map now
    // too large to find).
    if (hovered && !gesture && !m.last_dragged && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        m.view.ZoomAround(ToVec(io.MousePos), 2.0f);
        m.user_moved = true;
    }
    HandleMapKeys(app, pos, size);
}

//-----------------------------------------------------------------------------
// [SECTION] Drawing
//-----------------------------------------------------------------------------

void DrawFill(ImDrawList* dl, const std::vector<Vec2>& screen, const std::vector<uint32_t>& indices, ImU32 color) {
    if (indices.empty()) return;
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    dl->PrimReserve(static_cast<int>(indices.size()), static_cast<int>(screen.size()));
    const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    for (const Vec2& v : screen) dl->PrimWriteVtx(ImVec2(v.x, v.y), uv, color);
    for (uint32_t i : indices) dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
}

void DrawOutline(ImDrawList* dl, const std::vector<Vec2>& screen, const AreaGeometry& g, ImU32 color, float width,
                 std::vector<Vec2>* run) {
    for (const RingRange& r : g.rings) DrawRingOutline(dl, screen.data() + r.start, r.count, color, width, run);
}

void DrawLabel(ImDrawList* dl, ImFont* font, ImVec2 center, const char* text, const char* text_end, ImU32 color, ImU32 halo) {
    const float size = font->FontSize * ImGui::GetIO().FontGlobalScale;
    const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, text, text_end);
    const ImVec2 p(std::floor(center.x - ts.x * 0.5f), std::floor(center.y - ts.y * 0.5f));
    static const ImVec2 kOffsets[8] = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}};
    for (const ImVec2& o : kOffsets) dl->AddText(font, size, ImVec2(p.x + o.x, p.y + o.y), halo, text, text_end);
    dl->AddText(font, size, p, color, text, text_end);
}

struct LabelBox {
    ImVec2 min, max;
};

Box ToBox(const LabelBox& b) { return Box{b.min.x, b.min.y, b.max.x, b.max.y}; }

void DrawAreas(AppState& app, ImDrawList* dl) {
    const Theme& t = CurrentTheme();
    MapUiState& m = app.map;
    const int n = static_cast<int>(app.geometry.areas.size());
    const bool gpu = app.map_layer != nullptr && app.map_layer->Sync(app.geometry, &app.border_nodes, app.data_generation);
    if (gpu) {
        // On the GPU: the buffers are built once per load; per frame one transform, and the
        // colours only when they changed (the measure, the filters, the timeline, the theme).
        m.fills.resize(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) m.fills[static_cast<size_t>(i)] = AreaFill(app, i);
        if (m.fills != m.fills_sent) {
            app.map_layer->SetColors(m.fills);
            m.fills_sent = m.fills;
        }
        app.map_layer->Draw(dl, m.view, t.border, 1.0f);
    }
    for (int i = 0; i < n && !gpu; ++i) {  // else through ImGui, vertex by vertex
        const AreaGeometry& g = app.geometry.areas[static_cast<size_t>(i)];
        if (g.vertices.empty()) continue;
        TransformToScreen(m.view, g.vertices.data(), g.vertices.size(), m.scratch);
        // Colour always means the measure: hover and selection are shown by outlines only.
        DrawFill(dl, m.scratch, g.indices, AreaFill(app, i));
        DrawOutline(dl, m.scratch, g, t.border, 1.0f, &m.outline_run);
    }
    // Emphasis outlines on top of every fill, so neighbours do not cover them.
    for (int pass = 0; pass < 2; ++pass) {
        const int i = pass == 0 ? (m.hovered >= 0 ? m.hovered : m.list_hovered) : app.selected;
        if (i < 0 || i >= n) continue;
        const AreaGeometry& g = app.geometry.areas[static_cast<size_t>(i)];
        if (g.vertices.empty()) continue;
        TransformToScreen(m.view, g.vertices.data(), g.vertices.size(), m.scratch);
        DrawOutline(dl, m.scratch, g, pass == 0 ? t.border_hover : t.border_selected, pass == 0 ? 2.0f : 3.0f, &m.outline_run);
    }
}

void DrawMarkersAndLabels(AppState& app, ImDrawList* dl) {
    const Theme& t = CurrentTheme();
    MapUiState& m = app.map;
    const int n = static_cast<int>(app.geometry.areas.size());
    ImFont* font = app.fonts.small;
    // Markers (areas without a boundary), drawn as a coloured dot in a white ring.
    for (int i = 0; i < n; ++i) {
        const AreaGeometry& g = app.geometry.areas[static_cast<size_t>(i)];
        if (!g.has_marker) continue;
        const ImVec2 s = ToIm(m.marker_at[static_cast<size_t>(i)]);
        const bool emph = i == m.hovered || i == m.list_hovered || i == app.selected;
        const float r = emph ? kMarkerRadius + 2 : kMarkerRadius;
        dl->AddCircleFilled(s, r + 2.5f, i == app.selected ? t.border_selected : t.panel, 24);
        dl->AddCircleFilled(s, r, AreaFill(app, i), 24);
        dl->AddCircleFilled(s, 2.5f, t.marker, 12);
    }
    // A marker moved off its point (beyond its ring: in a cluster of three or more) is joined to
    // it by a thin line, over the markers.
    for (int i = 0; i < n; ++i) {
        const AreaGeometry& g = app.geometry.areas[static_cast<size_t>(i)];
        if (!g.has_marker) continue;
        const ImVec2 s = ToIm(m.marker_at[static_cast<size_t>(i)]), at = ToIm(m.view.WorldToScreen(g.marker));
        const float dx = at.x - s.x, dy = at.y - s.y, d = std::sqrt(dx * dx + dy * dy), ring = kMarkerRadius + 2.5f;
        if (d <= ring) continue;
        dl->AddLine(ImVec2(s.x + dx / d * ring, s.y + dy / d * ring), at, t.marker, 1.0f);
        dl->AddCircleFilled(at, 2.0f, t.marker, 8);
    }
    // A big map is drawn before its names are found (MapGeometryFinisher, app.cpp StepLoading):
    // they come a moment later, all at once (the zones' beside their markers too).
    m.leaders.clear();
    m.name_hits.clear();
    if (!app.geometry.labelled) return;
    // Labels, so that every area is named where there is any room, in three passes:
    //  1. inside: the selected area first, then the others from the largest down, each name inside
    //     its area where it fits (in English without the trailing "County", "District"...: name_of);
    //     a zone's name beside its marker;
    //  2. outside: the names that did not fit, beside their area or marker, joined by a leader
    //     line, at growing distances (so small areas get the free space the big ones left); then,
    //     for a city's few names, from other points of the area where its own is boxed in;
    //  3. at high zoom an area whose label point is off screen but which covers part of the view
    //     is named where it is seen (at points of a coarse grid over the map, if the name fits).
    // Nothing overlaps another label, a marker or a leader line, nothing leaves the map; a name
    // with no room at all is left out. At most kMaxLabels boxes (markers, overlays, labels; the
    // lines' small boxes are not counted) are placed. They are
    // asked about through a grid of the screen (core/box_grid.h) that looks only at the boxes
    // near a question: the answers of a scan of them all, without its cost at thousands of areas.
    constexpr int kMaxLabels = 512;
    const ImVec2 lo = ToIm(m.view.screen_origin);
    const ImVec2 hi(lo.x + m.view.screen_size.x, lo.y + m.view.screen_size.y);
    BoxGrid& placed = m.label_boxes;
    placed.Reset(lo.x, lo.y, hi.x, hi.y, 32.0f);
    int line_boxes = 0;  // the leader lines' boxes (draw), not counted against kMaxLabels
    auto boxes_left = [&] { return placed.size() - line_boxes < kMaxLabels; };
    const float marker_box = kMarkerRadius + 3;  // half the side of the box a marker keeps free
    auto marker_box_at = [&](ImVec2 s) { return Box{s.x - marker_box, s.y - marker_box, s.x + marker_box, s.y + marker_box}; };
    const Box no_box{1, 1, 0, 0};  // holds no point
    for (int i = 0; i < n && boxes_left(); ++i) {  // markers are obstacles
        const AreaGeometry& g = app.geometry.areas[static_cast<size_t>(i)];
        if (!g.has_marker) continue;
        const ImVec2 s = ToIm(m.marker_at[static_cast<size_t>(i)]);
        placed.Add(marker_box_at(s));
    }
    // What is drawn over the map is an obstacle too: the metric chips, the zoom buttons, and
    // (where it sits along the bottom) the legend.
    if (!m.figure) {  // (the picture has none of the controls: DrawMapFigure)
        placed.Add(Box{lo.x, lo.y, lo.x + 300, lo.y + 52});
        placed.Add(Box{hi.x - 64, hi.y - 3 * 44 - 2 * 6 - 20, hi.x, hi.y});
    }
    if (m.legend_h > 0) placed.Add(Box{lo.x, hi.y - m.legend_h - 4, hi.x, hi.y});
    if (m.legend_corner.x > 0)
        placed.Add(Box{lo.x, hi.y - m.legend_corner.y - 4, lo.x + m.legend_corner.x + 4, hi.y});
    const float scale = font->FontSize * ImGui::GetIO().FontGlobalScale;
    // `gap`: px kept free either side of the name (names inside their areas: two side by side
    // would read as one).
    auto free_at = [&](ImVec2 c, ImVec2 ts, LabelBox* out, float gap = 0) {
        const LabelBox box{ImVec2(c.x - ts.x * 0.5f - 2, c.y - ts.y * 0.5f), ImVec2(c.x + ts.x * 0.5f + 2, c.y + ts.y * 0.5f)};
        if (box.min.x < lo.x + 4 || box.min.y < lo.y + 4 || box.max.x > hi.x - 4 || box.max.y > hi.y - 4) return false;
        if (placed.Overlaps(ToBox(LabelBox{ImVec2(box.min.x - gap, box.min.y), ImVec2(box.max.x + gap, box.max.y)}))) return false;
        *out = box;
        return true;
    };
    // The leader line from `anchor` to the label must not cross another label or a marker
    // (sampled). A zone's line starts at its own marker, whose box it leaves: `own` (the marker's
    // box, or an empty one) is not an obstacle to it. Nor may its start (the dot) lie under a name
    // placed since the anchor was chosen.
    auto line_free = [&](ImVec2 anchor, const LabelBox& to_box, const Box& own) {
        const ImVec2 to(std::fmin(std::fmax(anchor.x, to_box.min.x), to_box.max.x), std::fmin(std::fmax(anchor.y, to_box.min.y), to_box.max.y));
        for (int k2 = 0; k2 < 12; ++k2) {
            const float f = static_cast<float>(k2) / 12.0f;
            const float x = anchor.x + (to.x - anchor.x) * f, y = anchor.y + (to.y - anchor.y) * f;
            if (x >= own.x0 && x <= own.x1 && y >= own.y0 && y <= own.y1) continue;
            if (placed.ContainsInside(x, y)) return false;
        }
        return true;
    };
    // The name of area i as drawn (MapName). In English without its "County", "District", "City"...,
    // every one: the full name where it fitted beside the short one where it did not read as two
    // kinds of label ("Sishui County" next to "Qufu"). The panel and the area's item give the full name.
    struct Name {
        const char* text;
        const char* end;
    };
    auto name_of = [&](int i) {
        const std::string_view s = MapName(app.data.areas[static_cast<size_t>(i)], app.lang);
        return Name{s.data(), s.data() + s.size()};
    };
    // Each name's size as drawn, measured once per data, language and font bake (pass 1 asks
    // about every area on screen each frame: thousands at a big map's fitted view).
    // (The font's size and scale change only with a bake: Fonts::bakes.)
    if (m.name_sizes.size() != static_cast<size_t>(n) || m.name_sizes_data != app.data_generation || m.name_sizes_lang != app.lang ||
        m.name_sizes_bakes != app.fonts.bakes) {
        m.name_sizes.resize(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) {
            const Name nm = name_of(i);
            m.name_sizes[static_cast<size_t>(i)] = ToVec(font->CalcTextSizeA(scale, 1e9f, 0.0f, nm.text, nm.end));
        }
        m.name_sizes_data = app.data_generation, m.name_sizes_lang = app.lang, m.name_sizes_bakes = app.fonts.bakes;
    }
    auto name_size = [&](int i) { return ToIm(m.name_sizes[static_cast<size_t>(i)]); };
    auto draw = [&](int i, const LabelBox& box, ImVec2 c, const ImVec2* leader_from) {
        placed.Add(ToBox(box));
        m.name_hits.push_back({ToBox(box), i});
        m.label_state[static_cast<size_t>(i)] = 1;
        if (leader_from) {  // from the area's inside point (or the marker's edge) to the nearest edge of the label
            const ImVec2 a = *leader_from;
            const ImVec2 to(std::fmin(std::fmax(a.x, box.min.x), box.max.x), std::fmin(std::fmax(a.y, box.min.y), box.max.y));
            dl->AddLine(a, to, t.label_halo, 3.0f);
            dl->AddLine(a, to, t.label, 1.0f);
            dl->AddCircleFilled(a, 2.0f, t.label, 8);
            m.leaders.push_back(ToVec(a));
            m.leaders.push_back(ToVec(to));
            // The line is an obstacle to the names placed after it (one was drawn across it), as
            // small boxes along it: free_at and line_free ask the grid about boxes.
            // (4 px boxes at most 4 px apart: no corner of a name passes between two.)
            const float len = std::sqrt((to.x - a.x) * (to.x - a.x) + (to.y - a.y) * (to.y - a.y));
            const int steps = std::max(1, static_cast<int>(std::ceil(len / 4.0f)));
            for (int k = 0; k <= steps; ++k) {
                const float f = static_cast<float>(k) / static_cast<float>(steps);
                const float x = a.x + (to.x - a.x) * f, y = a.y + (to.y - a.y) * f;
                placed.Add(Box{x - 2.0f, y - 2.0f, x + 2.0f, y + 2.0f});
                ++line_boxes;
            }
        }
        const Name nm = name_of(i);
        DrawLabel(dl, font, c, nm.text, nm.end, t.label, t.label_halo);
        // The label as drawn, for tests and tools (the area's list item is what a screen reader reads).
        const ImVec2 ts = name_size(i);
        const float hw = std::floor(ts.x * 0.5f), hh = std::floor(ts.y * 0.5f);
        RecordRect(app, Role::Text, std::string_view(nm.text, static_cast<size_t>(nm.end - nm.text)), ImVec2(c.x - hw, c.y - hh),
                   ImVec2(c.x + hw, c.y + hh), kSemDecorative, app.sem.DeriveId(Role::Text, app.data.areas[static_cast<size_t>(i)].id));
    };
    // Whether a point is under a label or marker placed so far.
    auto covered = [&](ImVec2 p) { return placed.Contains(p.x, p.y); };
    // Whether a label box lies inside area i (its corners and the middles of its sides hit the
    // area: a concave border between two corners would leave the name half outside).
    auto inside_area = [&](int i, const LabelBox& box) {
        const float mx = (box.min.x + box.max.x) * 0.5f, my = (box.min.y + box.max.y) * 0.5f;
        const ImVec2 corners[8] = {box.min, ImVec2(box.max.x, box.min.y), box.max, ImVec2(box.min.x, box.max.y),
                                   ImVec2(mx, box.min.y), ImVec2(box.max.x, my), ImVec2(mx, box.max.y), ImVec2(box.min.x, my)};
        for (const ImVec2& q : corners)
            if (app.geometry.HitTest(m.view.ScreenToWorld(ToVec(q))) != i) return false;
        return true;
    };
    // Directions to try around an anchor: right, left, below, above, then the diagonals.
    static const ImVec2 kDirs[8] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, -1}, {-1, 1}, {1, 1}, {-1, -1}};
    m.label_state.assign(static_cast<size_t>(n), 0);  // 0 none yet, 1 placed, 2 waits for pass 2
    const int order_n = n + 1;
    auto area_at = [&](int k) {
        return k == 0 ? app.selected : app.geometry.by_size_desc.empty() ? k - 1 : app.geometry.by_size_desc[static_cast<size_t>(k - 1)];
    };
    // Pass 1: inside, or beside a zone's marker.
    constexpr float kInsideGap = 4.0f;
    for (int k = 0; k < order_n && boxes_left(); ++k) {
        const int i = area_at(k);
        if (i < 0 || (k > 0 && i == app.selected)) continue;
        const AreaGeometry& g = app.geometry.areas[static_cast<size_t>(i)];
        if (!g.has_marker && g.has_label) {  // a name centred off the map cannot fit: pass 3's
            const ImVec2 a = ToIm(m.view.WorldToScreen(g.label));
            if (a.x < lo.x || a.y < lo.y || a.x > hi.x || a.y > hi.y) {
                m.label_state[static_cast<size_t>(i)] = 2;
                continue;
            }
        }
        const ImVec2 ts = name_size(i);
        LabelBox box;
        if (g.has_marker) {
            const ImVec2 a = ToIm(m.marker_at[static_cast<size_t>(i)]);
            const float d = kMarkerRadius + 5;
            bool done = false;
            for (const ImVec2& dir : kDirs) {
                const ImVec2 c(a.x + dir.x * (d + ts.x * 0.5f), a.y + dir.y * (d + ts.y * 0.5f));
                if (!done && free_at(c, ts, &box)) draw(i, box, c, nullptr), done = true;
            }
            if (!done) m.label_state[static_cast<size_t>(i)] = 2;
            continue;
        }
        if (!g.has_label) continue;
        const ImVec2 a = ToIm(m.view.WorldToScreen(g.label));
        // Fits if the label's half-width is within the inscribed circle (with some slack).
        const float room = g.label_clearance * m.view.pixels_per_unit;
        // With a gap to the names around; where there is none (a small screen, zoomed out),
        // touching them rather than no name.
        bool named = false;
        for (const float gap : {kInsideGap, 0.0f})
            if (!named && room * 2.6f >= ts.x && free_at(a, ts, &box, gap)) draw(i, box, a, nullptr), named = true;
        if (named) continue;
        if (i == app.selected && room >= ts.y * 0.5f && free_at(a, ts, &box)) {
            draw(i, box, a, nullptr);
            continue;
        }
        m.label_state[static_cast<size_t>(i)] = 2;
    }
    // Pass 2: outside, with a leader line, nearest free place first.
    int outside = 0;
    for (int i = 0; i < n; ++i) outside += m.label_state[static_cast<size_t>(i)] == 2;
    // Leader lines suit a few small areas (a city's zones); for dozens of names they would cover
    // the map. Then only the names that fit inside are shown, and more fit as the map is zoomed.
    constexpr int kMaxOutside = 40;
    // The names to place outside, in order, each with where its leader line starts (its label
    // point, or its marker) and how far out its name goes (`room`); none off the map (pass 3's).
    // An area's label point under a zone's marker (a small district around a zone) moves to a
    // point of the area nearby that nothing covers, where the name may even fit.
    struct Outside {
        int i;
        ImVec2 a;
        float room;
    };
    Outside pending[kMaxOutside + 1];
    int pending_n = 0;
    for (int k = 0; k < order_n && boxes_left() && outside <= kMaxOutside && pending_n <= kMaxOutside; ++k) {
        const int i = area_at(k);
        if (i < 0 || (k > 0 && i == app.selected) || m.label_state[static_cast<size_t>(i)] != 2) continue;
        const AreaGeometry& g = app.geometry.areas[static_cast<size_t>(i)];
        ImVec2 a = ToIm(g.has_marker ? m.marker_at[static_cast<size_t>(i)] : m.view.WorldToScreen(g.label));
        float room = g.has_marker ? marker_box : std::fmax(g.label_clearance * m.view.pixels_per_unit, 6.0f);
        if (a.x < lo.x || a.y < lo.y || a.x > hi.x || a.y > hi.y) continue;
        if (!g.has_marker && covered(a)) {
            bool moved = false;
            for (int ring = 1; ring <= 4 && !moved; ++ring) {
                for (const ImVec2& dir : kDirs) {
                    const ImVec2 q(a.x + dir.x * 10.0f * static_cast<float>(ring), a.y + dir.y * 10.0f * static_cast<float>(ring));
                    if (moved || covered(q) || app.geometry.HitTest(m.view.ScreenToWorld(ToVec(q))) != i) continue;
                    a = q, room = 6.0f, moved = true;
                }
            }
            const ImVec2 ts = name_size(i);
            LabelBox box;
            if (moved && free_at(a, ts, &box) && inside_area(i, box)) {
                draw(i, box, a, nullptr);
                continue;
            }
        }
        pending[pending_n++] = Outside{i, a, room};
    }
    // Points of a grid of at most side x side (at least 8 px apart) over area o's box on screen,
    // the nearest to its label point first; each is tested by its user, in that order, and the
    // first that serves ends the search. Only for a few names (a city's): up to side² hit tests
    // a name whose name finds no place.
    constexpr int kMaxReanchored = 8;
    constexpr int kMaxSide = 12;
    ImVec2 anchors[kMaxSide * kMaxSide];
    auto grid_points = [&](const Outside& o, int side, ImVec2 at_least) {
        const AreaGeometry& g = app.geometry.areas[static_cast<size_t>(o.i)];
        int anchors_n = 0;
        if (g.has_marker || !g.bounds.Valid()) return 0;
        const ImVec2 c0 = ToIm(m.view.WorldToScreen(g.bounds.min)), c1 = ToIm(m.view.WorldToScreen(g.bounds.max));
        const float x0 = std::fmax(std::fmin(c0.x, c1.x), lo.x), x1 = std::fmin(std::fmax(c0.x, c1.x), hi.x);
        const float y0 = std::fmax(std::fmin(c0.y, c1.y), lo.y), y1 = std::fmin(std::fmax(c0.y, c1.y), hi.y);
        if (x1 - x0 < at_least.x || y1 - y0 < at_least.y) return 0;  // (a name inside: the area seen is smaller)
        const float step = std::fmax(std::fmax(x1 - x0, y1 - y0) / static_cast<float>(side), 8.0f);
        for (float y = y0 + step * 0.5f; y < y1 && anchors_n < side * side; y += step)
            for (float x = x0 + step * 0.5f; x < x1 && anchors_n < side * side; x += step) anchors[anchors_n++] = ImVec2(x, y);
        const auto dist2 = [&](ImVec2 q) { return (q.x - o.a.x) * (q.x - o.a.x) + (q.y - o.a.y) * (q.y - o.a.y); };
        std::sort(anchors, anchors + anchors_n, [&](ImVec2 a, ImVec2 b) { return dist2(a) < dist2(b); });
        return anchors_n;
    };
    // Whether q is a point of area i that nothing covers.
    auto free_point_of = [&](int i, ImVec2 q) { return !covered(q) && app.geometry.HitTest(m.view.ScreenToWorld(ToVec(q))) == i; };
    // An area's name not yet placed goes inside its area at another point where the whole name
    // fits. Its own point can be boxed in by a zone's marker or name, often once the map is zoomed
    // and its area is large on screen, and a long leader line across a neighbour read as naming
    // the neighbour.
    auto place_inside = [&] {
        // (The first few names to place, the selected and the largest areas': in English, zoomed
        // in, more than a city's handful can be pending, and then none went inside.)
        for (int p = 0; p < pending_n && p < kMaxReanchored + 4 && boxes_left(); ++p) {
            const Outside& o = pending[p];
            if (m.label_state[static_cast<size_t>(o.i)] != 2) continue;
            const ImVec2 ts = name_size(o.i);
            const int anchors_n = grid_points(o, kMaxSide, ts);
            LabelBox box;
            for (int k = 0; k < anchors_n; ++k) {
                if (!free_point_of(o.i, anchors[k]) || !free_at(anchors[k], ts, &box, kInsideGap) || !inside_area(o.i, box)) continue;
                draw(o.i, box, anchors[k], nullptr);
                break;
            }
        }
    };
    // Then at growing distances, every name at one distance before any goes further: a bigger
    // area's name must not take, far out, the place a smaller one's needed near it. A zone's name
    // first takes its place beside its marker (ring 1); then an area's name goes inside its area
    // where it fits there (place_inside), before any area's name goes out on a line.
    auto place_at = [&](int ring, bool markers_only) {
        const float far = 10.0f + 20.0f * static_cast<float>(ring - 1);
        for (int p = 0; p < pending_n && boxes_left(); ++p) {
            const Outside& o = pending[p];
            if (m.label_state[static_cast<size_t>(o.i)] != 2) continue;  // placed already
            const AreaGeometry& g = app.geometry.areas[static_cast<size_t>(o.i)];
            if (markers_only && !g.has_marker) continue;
            const ImVec2 ts = name_size(o.i);
            const Box own = g.has_marker ? marker_box_at(o.a) : no_box;
            LabelBox box;
            for (const ImVec2& dir : kDirs) {
                const ImVec2 c(o.a.x + dir.x * (o.room + far + ts.x * 0.5f), o.a.y + dir.y * (o.room + far * 0.8f + ts.y * 0.5f));
                if (!free_at(c, ts, &box) || !line_free(o.a, box, own)) continue;
                // A marker's line starts at its ring, an area's at its inside point.
                ImVec2 from = o.a;
                if (g.has_marker) {
                    const float len = std::sqrt(dir.x * dir.x + dir.y * dir.y);
                    from = ImVec2(o.a.x + dir.x / len * (kMarkerRadius + 2), o.a.y + dir.y / len * (kMarkerRadius + 2));
                }
                draw(o.i, box, c, &from);
                break;
            }
        }
    };
    place_at(1, true);
    place_inside();
    for (int ring = 1; ring <= 5; ++ring) place_at(ring, false);
    // Then a name still without a place tries other points of its area that nothing covers, the
    // nearest to its label point first, with a leader line: that point can be boxed in by a
    // neighbour's name (a zone's long name beside its marker).
    for (int p = 0; p < pending_n && pending_n <= kMaxReanchored && boxes_left(); ++p) {
        const Outside& o = pending[p];
        if (m.label_state[static_cast<size_t>(o.i)] != 2) continue;
        const ImVec2 ts = name_size(o.i);
        const int anchors_n = grid_points(o, 6, ImVec2(0, 0));
        for (int k = 0; k < anchors_n && m.label_state[static_cast<size_t>(o.i)] == 2; ++k) {
            const ImVec2 q = anchors[k];
            if (!free_point_of(o.i, q)) continue;
            for (const ImVec2& dir : kDirs) {
                const ImVec2 c(q.x + dir.x * (16.0f + ts.x * 0.5f), q.y + dir.y * (12.0f + ts.y * 0.5f));
                LabelBox box;
                if (!free_at(c, ts, &box) || !line_free(q, box, no_box)) continue;
                draw(o.i, box, c, &q);
                break;
            }
        }
    }
    // Pass 3: an area seen on the map but not named (its label point off screen: zoomed in) gets
    // its name where it is seen, if the whole name lies inside it there.
    constexpr int kGrid = 5;
    for (int gy = 0; gy < kGrid && boxes_left(); ++gy) {
        for (int gx = 0; gx < kGrid && boxes_left(); ++gx) {
            const ImVec2 c(lo.x + (hi.x - lo.x) * (static_cast<float>(gx) + 0.5f) / kGrid,
                           lo.y + (hi.y - lo.y) * (static_cast<float>(gy) + 0.5f) / kGrid);
            const int i = app.geometry.HitTest(m.view.ScreenToWorld(ToVec(c)));
            if (i < 0 || m.label_state[static_cast<size_t>(i)] == 1) continue;
            const ImVec2 ts = name_size(i);
            LabelBox box;
            if (free_at(c, ts, &box) && inside_area(i, box)) draw(i, box, c, nullptr);
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Overlays
//-----------------------------------------------------------------------------

// Draws the icon of zoom button `which` (0 +, 1 -, 2 fit) centred in the last item.
void DrawZoomIcon(ImDrawList* dl, int which, ImU32 color) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
    const float r = 8.0f, w = 2.0f;
    if (which <= 1) DrawSignIcon(dl, which == 0, color);
    if (which == 2) {  // four corners of a frame: "fit the whole map"
        const float k = 4.0f;
        for (int sx = -1; sx <= 1; sx += 2) {
            for (int sy = -1; sy <= 1; sy += 2) {
                const ImVec2 p(c.x + static_cast<float>(sx) * r, c.y + static_cast<float>(sy) * r);
                dl->AddLine(p, ImVec2(p.x - static_cast<float>(sx) * k, p.y), color, w);
                dl->AddLine(p, ImVec2(p.x, p.y - static_cast<float>(sy) * k), color, w);
            }
        }
    }
}

void DrawZoomButtons(AppState& app, ImVec2 pos, ImVec2 size) {
    MapUiState& m = app.map;
    const float b = 44.0f, gap = 6.0f;
    const ImVec2 origin(pos.x + size.x - b - 12, pos.y + size.y - 3 * b - 2 * gap - 12);
    const ImVec2 center(pos.x + size.x * 0.5f, pos.y + size.y * 0.5f);
    const Str tips[3] = {Str::ZoomIn, Str::ZoomOut, Str::ResetView};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(CurrentTheme().overlay));
    for (int i = 0; i < 3; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(i) * (b + gap)));
        ImGui::PushID(i);
        // At a zoom limit its button is disabled (greyed, aria-disabled): pressing it would do nothing.
        const float ppu = m.view.pixels_per_unit;
        const bool at_limit = (i == 0 && ppu >= m.view.MaxPixelsPerUnit() * 0.999f) || (i == 1 && ppu <= m.view.MinPixelsPerUnit() * 1.001f);
        ImGui::BeginDisabled(at_limit);
        if (UiButton(app, "##zoom", ImVec2(b, b), Tr(tips[i], app.lang), at_limit ? kSemDisabled : 0) && !at_limit) {
            if (i == 0) m.view.ZoomAround(ToVec(center), 1.5f);
            else if (i == 1) m.view.ZoomAround(ToVec(center), 1.0f / 1.5f);
            else m.fitted = false;
            m.user_moved = i != 2;
        }
        ImGui::EndDisabled();
        DrawZoomIcon(dl, i, at_limit ? CurrentTheme().text_muted : CurrentTheme().text);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr(tips[i], app.lang));
        ImGui::PopID();
    }
    ImGui::PopStyleColor();
}

// Every area as an item a screen reader or test can choose: name, kind, goal count, at a small
// box around its label point (inside the area) or its marker. Choosing it selects the area.
void RecordMapAreas(AppState& app, ImVec2 pos, ImVec2 size) {
    const Lang lang = app.lang;
    const int n = static_cast<int>(app.geometry.areas.size());
    SemBegin(app, Role::List, Tr(Str::MapAreas, lang), pos, ImVec2(pos.x + size.x, pos.y + size.y));
    MapUiState& m = app.map;
    if (m.items_data != app.data_generation || m.items_stats != app.stats_version || m.items_lang != lang ||
        m.items_metric != app.ui.metric || m.item_names.size() != static_cast<size_t>(n)) {
        m.item_names.resize(static_cast<size_t>(n));
        m.item_ids.resize(static_cast<size_t>(n));
        char name[256];
        for (int i = 0; i < n; ++i) {
            const Area& a = app.data.areas[static_cast<size_t>(i)];
            char count[192];
            AreaMeasureText(app, i, count, sizeof count);
            std::snprintf(name, sizeof name, "%s · %s · %s", a.name.Get(lang).c_str(), AreaKindName(app, a), count);
            m.item_names[static_cast<size_t>(i)] = name;
            m.item_ids[static_cast<size_t>(i)] = app.sem.DeriveId(Role::ListItem, a.id);
        }
        m.items_data = app.data_generation, m.items_stats = app.stats_version, m.items_lang = lang;
        m.items_metric = app.ui.metric;
    }
    for (int i = 0; i < n; ++i) {
        const AreaGeometry& g = app.geometry.areas[static_cast<size_t>(i)];
        const std::string_view name = m.item_names[static_cast<size_t>(i)];  // no strlen for thousands of names a frame
        ImVec2 at(-1e9f, -1e9f);
        if (g.has_marker) at = ToIm(m.marker_at[static_cast<size_t>(i)]);
        else if (g.has_label && app.geometry.labelled) at = ToIm(app.map.view.WorldToScreen(g.label));  // all at once
        const uint32_t id = m.item_ids[static_cast<size_t>(i)];
        const uint16_t flags = static_cast<uint16_t>(kSemAction | (app.selected == i ? kSemSelected : 0));
        const bool on_map = at.x - 10 >= pos.x && at.y - 10 >= pos.y && at.x + 10 <= pos.x + size.x && at.y + 10 <= pos.y + size.y;
        if (on_map) RecordRect(app, Role::ListItem, name, ImVec2(at.x - 10, at.y - 10), ImVec2(at.x + 10, at.y + 10), flags, id);
        else app.sem.Add(Role::ListItem, id, name, SemRect{pos.x, pos.y, 0, 0}, static_cast<uint16_t>(flags | kSemOffscreen));
        if (app.sem.TakeActivation(id)) {
            SelectArea(app, i);
            RequestRedraw(app);
        }
    }
    SemEnd(app);
}

void DrawLegend(AppState& app, ImDrawList* dl, ImVec2 pos, ImVec2 size) {
    const Theme& t = CurrentTheme();
    const Lang lang = app.lang;
    ImFont* font = app.fonts.small;
    const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale;
    const float sw = 18, row = fs + 8, pad = 10;
    char labels[8][48];
    ImU32 colors[8];
    const int rows = LegendRows(app, app.stats, t, labels, colors);
    const char* title = Tr(MetricTitle(app.ui.metric), lang);
    // The legend as items (a list named by its title, a row per swatch), where each row is drawn.
    SemBegin(app, Role::List, title, ImVec2(pos.x + 12, pos.y + size.y - 12), ImVec2(pos.x + 13, pos.y + size.y - 12));
    if (size.y < 520.0f) {  // small maps: one compact row (wrapping) along the bottom edge
        const float max_x = pos.x + size.x - 72.0f;  // clear of the zoom buttons
        float x = pos.x + 12 + pad, y = pos.y + size.y - 12 - pad - fs;
        float widths[8];
        int lines = 1;
        for (int r = 0; r < rows; ++r) {
            widths[r] = sw * 0.7f + 4 + font->CalcTextSizeA(fs, 1e9f, 0, labels[r]).x + 12;
            if (x + widths[r] > max_x && r > 0) { x = pos.x + 12 + pad; ++lines; }
            x += widths[r];
        }
        const float top = pos.y + size.y - 12 - pad * 2 - (fs + 6) * static_cast<float>(lines) + 6;
        app.map.legend_h = pos.y + size.y - top;
        app.map.legend_corner = {0, 0};
        dl->AddRectFilled(ImVec2(pos.x + 12, top), ImVec2(max_x + pad, pos.y + size.y - 12), t.overlay, 8.0f);
        x = pos.x + 12 + pad;
        y = top + pad;
        for (int r = 0; r < rows; ++r) {
            if (x + widths[r] > max_x && r > 0) { x = pos.x + 12 + pad; y += fs + 6; }
            dl->AddRectFilled(ImVec2(x, y + 2), ImVec2(x + sw * 0.7f, y + fs - 2), colors[r], 3.0f);
            dl->AddText(font, fs, ImVec2(x + sw * 0.7f + 4, y), t.text, labels[r]);
            RecordRect(app, Role::ListItem, labels[r], ImVec2(x, y), ImVec2(x + widths[r] - 12, y + fs));
            x += widths[r];
        }
        SemEnd(app);
        return;
    }
    float w = font->CalcTextSizeA(fs, 1e9f, 0, title).x;
    for (int r = 0; r < rows; ++r) w = std::fmax(w, sw + 8 + font->CalcTextSizeA(fs, 1e9f, 0, labels[r]).x);
    const float h = row * static_cast<float>(rows + 1) + pad * 2 - 8;
    const ImVec2 p0(pos.x + 12, pos.y + size.y - h - 12);
    // Labels keep clear of it from the next frame on: one more frame when it changes size.
    const Vec2 corner{12.0f + w + pad * 2, h + 12.0f};
    if (corner.x != app.map.legend_corner.x || corner.y != app.map.legend_corner.y) {
        app.map.legend_corner = corner;
        RequestRedraw(app);
    }
    app.map.legend_h = 0;
    dl->AddRectFilled(p0, ImVec2(p0.x + w + pad * 2, p0.y + h), t.overlay, 8.0f);
    dl->AddText(font, fs, ImVec2(p0.x + pad, p0.y + pad), t.text_muted, title);
    for (int r = 0; r < rows; ++r) {
        const float y = p0.y + pad + row * static_cast<float>(r + 1);
        dl->AddRectFilled(ImVec2(p0.x + pad, y + 2), ImVec2(p0.x + pad + sw, y + fs - 2), colors[r], 3.0f);
        dl->AddRect(ImVec2(p0.x + pad, y + 2), ImVec2(p0.x + pad + sw, y + fs - 2), t.outline, 3.0f);
        dl->AddText(font, fs, ImVec2(p0.x + pad + sw + 8, y), t.text, labels[r]);
        RecordRect(app, Role::ListItem, labels[r], ImVec2(p0.x + pad, y), ImVec2(p0.x + w + pad, y + fs));
    }
    SemEnd(app);
}

// The metric the map colours by: goals, quantified targets, projects, and (once the data
// has progress reports) status.
void DrawMetricSwitch(AppState& app, ImVec2 pos) {
    const Str labels[4] = {Str::MetricGoals, Str::MetricTargets, Str::MetricProjects, Str::MetricStatus};
    const int n = app.ui.report_dates.empty() ? 3 : 4;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 12, pos.y + 12));
    ImGui::PushFont(app.fonts.small);
    SemBegin(app, Role::Group, Tr(Str::MapMetricGroup, app.lang), ImVec2(pos.x + 12, pos.y + 12), ImVec2(pos.x + 300, pos.y + 48));
    for (int i = 0; i < n; ++i) {
        if (i > 0) ImGui::SameLine(0, 4);
        ImGui::PushID(i);
        if (UiChip(app, Tr(labels[i], app.lang), static_cast<int>(app.ui.metric) == i)) app.ui.metric = static_cast<MapMetric>(i);
        ImGui::PopID();
    }
    SemEnd(app);
    ImGui::PopFont();
}

void DrawTooltip(const AppState& app) {
    const int i = app.map.hovered;
    if (i < 0) return;
    const Area& a = app.data.areas[static_cast<size_t>(i)];
    const GoalCounts& c = app.stats.per_area[static_cast<size_t>(i)];
    const Lang lang = app.lang;
    ImGui::BeginTooltip();
    ImGui::PushFont(app.fonts.body);
    ImGui::TextUnformatted(a.name.Get(lang).c_str());
    const int k = a.kind_index;
    if (k >= 0) ImGui::TextDisabled("%s", app.data.area_kinds[static_cast<size_t>(k)].name.Get(lang).c_str());
    char count[192];
    AreaMeasureText(app, i, count, sizeof count);
    if (app.ui.metric == MapMetric::Goals && c.goals > 0) {  // (the targets, as the goals' first measure)
        char targets[96];
        std::snprintf(targets, sizeof targets, Count(Str::CountTargets, c.targets, lang), c.targets);
        ImGui::Text("%s · %s", count, targets);
    } else {
        ImGui::TextUnformatted(count);
    }
    if (a.has_marker && a.marker.approximate) ImGui::TextDisabled("%s", Tr(Str::ApproximateLocation, lang));
    ImGui::PopFont();
    ImGui::EndTooltip();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] DrawMap
//-----------------------------------------------------------------------------

void DrawMap(AppState& app, ImVec2 pos, ImVec2 size) {
    const Theme& t = CurrentTheme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), t.background);
    if (!app.has_data || size.x < 8 || size.y < 8) return;
    SemBegin(app, Role::Region, Tr(Str::MapRegion, app.lang), pos, ImVec2(pos.x + size.x, pos.y + size.y));

    // The zoom buttons are submitted before the map's own input area so that they win the
    // pointer (a tap lands on them in the same frame it arrives), but drawn on top via a channel.
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    DrawZoomButtons(app, pos, size);
    DrawMetricSwitch(app, pos);
    dl->ChannelsSetCurrent(0);

    MapUiState& m = app.map;
    const Vec2 origin = ToVec(pos), extent = ToVec(size);
    const bool resized = extent.x != m.last_size.x || extent.y != m.last_size.y;
    // Refit when the legend's height changed (metric, language) and the user has not moved.
    if (m.legend_h != m.fitted_legend_h && !m.user_moved) m.fitted = false;
    if (!m.fitted || (resized && !m.user_moved)) {
        // Room for what is drawn over the map: the metric chips on top; on a small map the
        // legend along the bottom and the zoom buttons at the right.
        const bool compact = size.y < 520.0f;
        m.view.FitBounds(app.geometry.bounds, origin, extent, kFitPadding, kFitPadding + 40.0f,
                         compact ? 68.0f : kFitPadding, compact ? m.legend_h + 16.0f : kFitPadding);
        m.fitted_legend_h = m.legend_h;
        // Zoom in no further than where the smallest area fills the view (at least 4x, at most 64x).
        float smallest = 0;
        for (const AreaGeometry& g : app.geometry.areas) {
            const float ext = std::fmax(g.bounds.max.x - g.bounds.min.x, g.bounds.max.y - g.bounds.min.y);
            if (!g.vertices.empty() && ext > 0 && (smallest == 0 || ext < smallest)) smallest = ext;
        }
        const WorldRect& b = app.geometry.bounds;
        const float data_ext = std::fmax(b.max.x - b.min.x, b.max.y - b.min.y);
        m.view.max_zoom_of_fit = smallest > 0 ? std::fmin(64.0f, std::fmax(4.0f, 1.5f * data_ext / smallest)) : kMaxZoomOfFit;
        m.fitted = true;
    } else {
        m.view.SetScreenRect(origin, extent);
    }
    m.last_size = extent;

    HandleMapInput(app, pos, size);
    m.view.ClampCenter(app.geometry.bounds);
    PlaceMarkers(app);  // again, for the view as drawn
    dl->PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), true);
    DrawAreas(app, dl);
    DrawMarkersAndLabels(app, dl);
    DrawLegend(app, dl, pos, size);
    dl->PopClipRect();
    dl->ChannelsMerge();
    RecordMapAreas(app, pos, size);
    SemEnd(app);
    DrawTooltip(app);
}

void DrawMapFigure(AppState& app, ImVec2 pos, ImVec2 size) {
    const Theme& t = CurrentTheme();
    const Lang lang = app.lang;
    const Dataset& d = app.data;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, end, t.panel);
    if (!app.has_data) return;
    const float pad = 16.0f, wrap = size.x - 2 * pad;
    const float scale = ImGui::GetIO().FontGlobalScale;
    ImFont* heading = app.fonts.heading;
    ImFont* small = app.fonts.small;
    const float hs = heading->FontSize * scale, ss = small->FontSize * scale;
    // Above: the title.
    float y = pos.y + 12.0f;
    const char* title = d.title.Get(lang).c_str();
    dl->AddText(heading, hs, ImVec2(pos.x + pad, y), t.text, title, nullptr, wrap);
    y += heading->CalcTextSizeA(hs, 1e9f, wrap, title).y + 4.0f;
    // Then the area chosen (outlined on the map), and the day the statuses are of.
    char date[256];
    std::string sub = app.selected >= 0 && app.selected < static_cast<int>(d.areas.size()) ? d.areas[static_cast<size_t>(app.selected)].name.Get(lang) : std::string();
    if (DataDateText(app, lang, date, sizeof date)) sub += (sub.empty() ? "" : " \xC2\xB7 ") + std::string(date);
    if (!sub.empty()) {
        dl->AddText(small, ss, ImVec2(pos.x + pad, y), t.text_muted, sub.c_str(), nullptr, wrap);
        y += small->CalcTextSizeA(ss, 1e9f, wrap, sub.c_str()).y;
    }
    const float map_top = y + 10.0f;
    // Below: where the figures and the boundaries come from (as the printed briefing says it).
    const std::string sources[2] = {SourceLine(d, lang), BoundariesLine(d, lang)};
    float foot_h = 16.0f;
    for (const std::string& line : sources) foot_h += small->CalcTextSizeA(ss, 1e9f, wrap, line.c_str()).y;
    float foot_y = end.y - foot_h + 8.0f;
    for (const std::string& line : sources) {
        dl->AddText(small, ss, ImVec2(pos.x + pad, foot_y), t.text_muted, line.c_str(), nullptr, wrap);
        foot_y += small->CalcTextSizeA(ss, 1e9f, wrap, line.c_str()).y;
    }
    // The map between, in the view shown on screen (fitted to the picture if it was not moved);
    // no hover, no controls. The legend is laid out first (the names keep clear of it: on a
    // screen its shape is last frame's) and drawn over the map. What the screen's frames keep
    // (the view, the legend's shape, the names' boxes for taps) is put back after.
    const ImVec2 map_pos(pos.x, map_top), map_size(size.x, std::max(8.0f, end.y - foot_h - map_top));
    const ImVec2 map_end(end.x, map_pos.y + map_size.y);
    MapUiState& m = app.map;
    const ViewTransform on_screen = m.view;
    const int hovered = m.hovered, list_hovered = m.list_hovered;
    const float legend_h = m.legend_h;
    const Vec2 legend_corner = m.legend_corner;
    std::vector<MapUiState::NameHit> name_hits;
    std::vector<Vec2> leaders;
    name_hits.swap(m.name_hits);
    leaders.swap(m.leaders);
    m.hovered = m.list_hovered = -1;
    m.figure = true;
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    DrawLegend(app, dl, map_pos, map_size);
    dl->ChannelsSetCurrent(0);
    if (m.user_moved) m.view.SetScreenRect(ToVec(map_pos), ToVec(map_size));
    else m.view.FitBounds(app.geometry.bounds, ToVec(map_pos), ToVec(map_size), kFitPadding, kFitPadding, kFitPadding,
                          (map_size.y < 520.0f ? m.legend_h : 0.0f) + kFitPadding);
    PlaceMarkers(app);
    dl->AddRectFilled(map_pos, map_end, t.background);
    dl->PushClipRect(map_pos, map_end, true);
    DrawAreas(app, dl);
    DrawMarkersAndLabels(app, dl);
    dl->PopClipRect();
    dl->ChannelsMerge();
    m.view = on_screen;
    m.hovered = hovered, m.list_hovered = list_hovered;
    m.legend_h = legend_h, m.legend_corner = legend_corner;
    name_hits.swap(m.name_hits);
    leaders.swap(m.leaders);
    m.figure = false;
    platform::Mark("app:map-figure");  // tests: the picture was drawn for the PNG
}

}  // namespace jcm
