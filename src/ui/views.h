// views.h: the views, each a function of AppState drawing into the current ImGui window.
// app.cpp lays them out; each lives in its own view_*.cpp.
#pragma once

#include <imgui.h>

#include <string>

#include "ui/app.h"
#include "ui/strings.h"

namespace jcm {

// Title bar across the top: dataset title, language switch.
void DrawHeader(AppState& app, ImVec2 pos, ImVec2 size);

// The map in the given screen rectangle: fills, outlines, labels, markers, hover, selection,
// zoom and pan, metric switch, legend.
void DrawMap(AppState& app, ImVec2 pos, ImVec2 size);
// The map as a picture over the whole canvas ("Export this view (PNG)"): the view shown on screen
// (fitted to the picture if it was not moved) without the controls, the panel or the header, with
// the data's title and date above it, its legend, and its sources below.
void DrawMapFigure(AppState& app, ImVec2 pos, ImVec2 size);

// The side (or lower) panel: search and filters on top; below, the selected area's detail, the
// search results, or the Overview / Compare tabs.
void DrawPanel(AppState& app, ImVec2 pos, ImVec2 size, bool portrait);

void DrawOverview(AppState& app);             // view_overview.cpp
void DrawAreaDetail(AppState& app, int area); // view_detail.cpp
void DrawCompare(AppState& app);              // view_compare.cpp
void DrawSearchResults(AppState& app);        // view_search.cpp
void DrawFilters(AppState& app);              // view_search.cpp
// The search field's frame; the page lays a real text input over it (platform.h).
void DrawSearchField(AppState& app, float width);  // view_search.cpp

// Officials' tools (view_editor.cpp): the header's data menu (a popup "##data-menu"), the
// "record progress" dialog, the bar listing the records kept only on this device.
void DrawDataMenu(AppState& app, bool focus_first);  // (through AppState::draw_opened)
void OpenEditor(AppState& app, int goal);
// Text typed into the record dialog's percent or amount field (`owner`): the value when it reads
// as one in range, else kept as typed with the dialog's message (the last value stays).
void TypeNumber(AppState& app, TextOwner owner, const std::string& typed);
// Drawn each frame through AppState::draw_opened once the dialog has been opened.
void DrawEditor(AppState& app);
void DrawLocalEditsBar(AppState& app);
void DrawMergeDialog(AppState& app);  // (through AppState::draw_opened)
// The map's colours (view_map.cpp), for the map and the printed briefing: area i's fill by the
// map's metric under `stats` (app.stats, or unfiltered counts) in theme `t`, and the legend's rows
// (up to 8: label and swatch); returns the number of rows.
struct Theme;
ImU32 AreaFill(const AppState& app, const CampaignStats& stats, int i, const Theme& t);
int LegendRows(const AppState& app, const CampaignStats& stats, const Theme& t, char labels[8][48], ImU32 colors[8]);
// The legend's title: what the map's colours measure.
Str MetricTitle(MapMetric metric);
// An area's name on a map (the app's, the briefing's): its `label` in the language where the data
// gives one ("High-tech Zone" for "Jining National High-tech Zone", whose name ran across three
// districts on a phone), else its name, in English without a generic last word ("Qufu City" ->
// "Qufu"). The panel, the tooltips and a screen reader give the full name.
std::string_view MapName(const Area& area, Lang lang);
// "数据截至 2026-12-01" and its fallbacks (view_overview.cpp); false when the data states no date.
bool DataDateText(const AppState& app, Lang lang, char* out, size_t size);           // view_merge.cpp
// The printed briefing (view_briefing.cpp): an A4 HTML document of the data as shown, in the UI's
// language, handed to the browser to print.
// The briefing: the shown area's (an official meets about a district: eight pages of every area
// put it far from the front), else, from the overview or for an area without goals, the city's.
// BriefingArea: that area, or -1 for the city.
int BriefingArea(const AppState& app);
std::string BriefingHtml(const AppState& app);
std::string BriefingTitle(const AppState& app);
void PrintBriefing(AppState& app);
// Where the figures come from ("来源：title · outlet · date") and where the boundaries do, with
// their licence: the printed briefing's footer and the map's picture (view_briefing.cpp).
std::string SourceLine(const Dataset& d, Lang lang);
std::string BoundariesLine(const Dataset& d, Lang lang);

// One-finger swipes scroll the region under the finger, with momentum (touch_scroll.cpp); runs
// before the frame's widgets.
void HandleTouchScroll(AppState& app);

// The data-problems panel (over everything), when the last load found problems.
void DrawProblems(AppState& app);

// Small shared pieces (view_panel.cpp); the widgets themselves are in ui/widgets.h.
void StatusDot(Status s, float radius);
// A section's heading (level 3) with a rule under it.
void SectionHeading(AppState& app, const char* text);
const char* AreaKindName(const AppState& app, const Area& area);
// An area's goal count in words: "12 goals", "none under the filters", or "No goals reported"
// (only when the data has no goal for it at all).
void AreaCountText(const AppState& app, int area, char* out, size_t size);

}  // namespace jcm
