// app.h: the one AppState and the functions that run the app. Views (view_*.cpp) are functions
// of AppState; this file's functions are the only ones main.cpp calls.
//
// Index:
//   [SECTION] AppState    loaded data, derived geometry and statistics, UI state, scratch buffers
//   [SECTION] Lifecycle   start, accept data, bake fonts, draw, after-present bookkeeping
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/campaign.h"
#include "core/geometry.h"
#include "core/load.h"
#include "core/model.h"
#include "ui/fonts.h"

namespace jcm {

//-----------------------------------------------------------------------------
// [SECTION] AppState
//-----------------------------------------------------------------------------

// What the map view remembers between frames.
struct MapUiState {
    ViewTransform view;
    bool fitted = false;           // view fitted to the data's bounds at least once
    Vec2 last_size = {0, 0};       // map rect size at the last fit (refit on resize until the user moves)
    bool user_moved = false;       // zoomed or panned by the user since the last fit
    int hovered = -1;              // area index under the pointer on the map, -1 if none
    int list_hovered = -1;         // area hovered in the panel's lists (emphasised on the map)
    bool dragging = false;         // the current press has moved: it pans, it does not select
    std::vector<Vec2> scratch;     // screen-space vertices, reused every frame
};

// Where loading stands. The data and the font are fetched in parallel at start.
struct LoadState {
    bool data_pending = false;
    bool font_pending = false;
    std::string data_url;
    std::vector<unsigned char> font_file;
    bool first_map_frame_marked = false;
};

struct AppState {
    Lang lang = Lang::Zh;

    // Loaded data and what is derived from it once per load.
    bool has_data = false;
    Dataset data;
    MapGeometry geometry;
    CampaignStats stats;

    // Problems found by the last load (errors mean that load was rejected).
    std::vector<Problem> problems;
    std::string problems_file;
    bool show_problems = false;

    // Selection and view.
    int selected = -1;             // area index, -1 = city overview
    MapUiState map;

    // Fonts: the characters to bake grow with the text the app has to show.
    Fonts fonts;
    std::vector<uint32_t> glyphs;  // sorted code points
    bool glyphs_changed = true;

    LoadState load;
    int frames_to_draw = 2;        // render-on-demand budget (main.cpp)
    bool summary_dirty = true;     // #a11y-summary needs rewriting
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

// Adds every character of `text` to the set of glyphs to bake.
void NeedGlyphs(AppState& app, std::string_view text);

bool FontsNeedBaking(const AppState& app, float dpr);
void BakeAppFonts(AppState& app, float dpr);

// True once there is something to draw: the font has arrived (or failed) and the data has
// arrived (or failed).
bool ReadyToDraw(const AppState& app);

// The whole UI for one frame.
void DrawApp(AppState& app);

// Bookkeeping after a frame reached the screen (performance marks, a11y summary).
void AfterFramePresented(AppState& app);

// Selects an area (or -1 for the overview) and records it in the URL hash.
void SelectArea(AppState& app, int area_index);

}  // namespace jcm
