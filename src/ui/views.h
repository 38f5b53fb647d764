// views.h: the views, each a function of AppState drawing into the current ImGui window.
// app.cpp lays them out; each lives in its own view_*.cpp.
#pragma once

#include <imgui.h>

#include "ui/app.h"

namespace jcm {

// Title bar across the top: dataset title, city, language switch.
void DrawHeader(AppState& app, ImVec2 pos, ImVec2 size);

// The map in the given screen rectangle: fills, outlines, labels, markers, hover, selection,
// zoom and pan, legend.
void DrawMap(AppState& app, ImVec2 pos, ImVec2 size);

// The side panel: the city overview, or the selected area's detail.
void DrawPanel(AppState& app, ImVec2 pos, ImVec2 size);

// The data-problems panel (over everything), when the last load found problems.
void DrawProblems(AppState& app);

// Small shared widgets.
void TextWrappedMuted(const char* text);
void StatusDot(Status s, float radius);
bool LinkButton(const char* label);

}  // namespace jcm
