// map_layer.h: the map's static geometry drawn by the GPU, as the view sees it.
//
// The boundaries do not change while a dataset is shown, so their fill triangles and outline
// strips are built into GPU buffers once per load, in world units; each frame the view only says
// where the map is (one transform) and, when the colours changed, each area's fill. The renderer
// implements it (platform/map_gl.cpp) and main.cpp hands it to the app (AppState::map_layer);
// without one (native tests, the benchmark) the view draws the same geometry through ImGui's
// draw lists, vertex by vertex (view_map.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "core/geometry.h"
#include "core/projection.h"
#include "core/simplify.h"

struct ImDrawList;

namespace jcm {

class MapLayer {
public:
    virtual ~MapLayer() = default;
    // Builds the buffers for `geometry` unless they were built for this `generation` (a new load
    // bumps it; a lost GPU context forgets them). Returns false if the layer cannot draw it (the
    // view then falls back to ImGui). A big map (MapGeometry::fills_deferred) is drawn in levels
    // of detail, simplified at `nodes`, its border nodes (FindBorderNodes, found by the app while
    // it loads); without them each ring is simplified on its own (neighbours may then differ by
    // up to a level's tolerance). Both must stay as they are until the next generation.
    virtual bool Sync(const MapGeometry& geometry, const BorderNodes* nodes, int generation) = 0;
    // Each area's fill colour (ImGui's ABGR), parallel to MapGeometry::areas.
    virtual void SetColors(const std::vector<uint32_t>& abgr) = 0;
    // Adds to `dl` the command that draws every fill, then every outline (`outline_px` CSS px wide
    // in colour `outline`), as `view` places the map, clipped to the draw list's current clip rect.
    virtual void Draw(ImDrawList* dl, const ViewTransform& view, uint32_t outline, float outline_px) = 0;
    // A big map's level of detail that a view asked for is built a share at a time, between
    // frames, while the nearest one built is drawn. Busy: some is left. Step: works on it for
    // about `seconds`; true once it is built (a frame then shows it).
    virtual bool Busy() const { return false; }
    virtual bool Step(double /*seconds*/) { return false; }
    // Before a big map's first frame (the last step of its load, after Sync): the level that
    // frame draws at the least (the coarsest) is built a share of about `seconds` at a time, so
    // that the frame does not build it at once. True once it is built, or nothing is to be built.
    virtual bool StepFirstLevel(double /*seconds*/) { return true; }
    // The geometry Sync was given is about to change (new data): everything built from it is
    // dropped (a level being built included), and the next Sync builds anew.
    virtual void Release() {}
};

}  // namespace jcm
