// theme.h: the product's look: colours, spacing and the choropleth palette, in one place, in a
// light and a dark variant. Views take every colour from CurrentTheme().
#pragma once

#include <imgui.h>

#include "core/model.h"

namespace jcm {

struct Theme {
    bool dark;
    ImU32 background;     // behind the map (water)
    ImU32 panel;          // the side panel, header, popups
    ImU32 surface;        // tiles, fields, unselected chips
    ImU32 surface_hover;
    ImU32 overlay;        // translucent boxes over the map (legend, buttons)
    ImU32 track;          // empty part of bars
    ImU32 outline;        // field and box borders
    ImU32 text;
    ImU32 text_muted;
    ImU32 accent;         // campaign red
    ImU32 accent_hover;
    ImU32 warning_text;   // "on this device only" and similar notices (amber, readable as text)
    ImU32 on_accent;      // text on accent
    ImU32 border;         // district outlines
    ImU32 border_hover;
    ImU32 border_selected;
    ImU32 no_goals;       // areas the source reports nothing for
    ImU32 filtered_out;   // areas the filters hide
    ImU32 zero;           // areas with goals, none of the measure shown (0 targets, none under the filters)
    ImU32 label;
    ImU32 label_halo;
    ImU32 marker;
    ImU32 scale[5];       // sequential, colour-blind safe (light -> dark)
    ImU32 status[kStatusCount];
};

const Theme& LightTheme();
const Theme& DarkTheme();
const Theme& CurrentTheme();
// Selects the theme and applies it to ImGui's style (sizes for touch: 44 px hit targets).
void UseTheme(bool dark);

// WCAG contrast ratio of two opaque colours (1..21).
float ContrastRatio(ImU32 a, ImU32 b);

// Colour of category `index`: the data's own colour if it has one, else a qualitative palette
// (Paul Tol's muted + bright schemes, chosen to stay distinguishable with colour-vision deficiency).
ImU32 CategoryColor(const Dataset& data, int index);

// Colour for `value` in 1..max on the sequential scale (value 0 is "no goals": use no_goals).
ImU32 ScaleColor(const Theme& t, int value, int max_value);
// Index 0..4 of the scale bucket for `value` in 1..max.
int ScaleBucket(int value, int max_value);

}  // namespace jcm
