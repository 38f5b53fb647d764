// charts.h: small charts drawn with ImDrawList, each with a hover/tap read-out and usable as a
// normal ImGui item (it reserves its space and reports hover and clicks).
#pragma once

#include <imgui.h>

namespace jcm {

// One horizontal bar made of `n` segments of the given values and colours, `size` in pixels,
// scaled so that `full` fills the width (0: the sum fills it). The hovered segment gets a
// tooltip "label<colon>value" (`colon`: the reader's language's, strings.h LabelColon); returns
// the hovered segment or -1.
int StackedBar(const char* id, const int* values, const ImU32* colors, const char* const* labels, int n, int full,
               ImVec2 size, const char* colon);

// (The bar reserves its space like a Dummy and does not take clicks.)
// A legend swatch and label on one line, e.g. "■ 产业转型升级 12"; returns true if hovered.
bool LegendItem(ImU32 color, const char* label, int count);

}  // namespace jcm
