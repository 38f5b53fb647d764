// views.h: the views, each a function of AppState drawing into the current ImGui window.
// app.cpp lays them out; each lives in its own view_*.cpp.
#pragma once

#include <imgui.h>

#include "ui/app.h"

namespace jcm {

// Title bar across the top: dataset title, language switch.
void DrawHeader(AppState& app, ImVec2 pos, ImVec2 size);

// The map in the given screen rectangle: fills, outlines, labels, markers, hover, selection,
// zoom and pan, metric switch, legend.
void DrawMap(AppState& app, ImVec2 pos, ImVec2 size);

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
// "record progress" dialog, the bar listing unpublished local records.
void DrawDataMenu(AppState& app, bool focus_first);
void OpenEditor(AppState& app, int goal);
void DrawEditor(AppState& app);
void DrawLocalEditsBar(AppState& app);

// The data-problems panel (over everything), when the last load found problems.
void DrawProblems(AppState& app);

// Small shared widgets (view_panel.cpp).
void TextWrappedMuted(const char* text);
void StatusDot(Status s, float radius);
bool LinkButton(const char* label);
void SectionHeading(const AppState& app, const char* text);
const char* AreaKindName(const AppState& app, const Area& area);
// A small toggle "chip"; returns true when clicked.
bool Chip(const char* label, bool on, ImU32 swatch = 0);

}  // namespace jcm
