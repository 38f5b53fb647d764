// simplify.h: outlines with fewer vertices for when the map is zoomed out.
//
// A million boundary vertices are far more than a screen's pixels at the fitted view: each
// outline level keeps, per ring, only the vertices Douglas-Peucker needs so that no vertex of the
// ring is farther than the level's tolerance from what is drawn. The map layer (platform/map_gl.cpp)
// builds each level the first time a view needs it and draws, at each zoom, the coarsest one
// whose tolerance is under half a device pixel: the same picture, a fraction of the vertices. A
// map of fewer than 100,000 vertices (a city's districts) is always drawn as loaded.
//
// Fills are drawn from the same simplified rings, triangulated again. Neighbours share borders:
// simplified ring by ring, two copies of a border would differ (a sliver or a gap between the
// fills). So the map's rings are first cut at their nodes (FindBorderNodes: where a border
// between two areas starts or ends), and each stretch between two nodes is simplified on its
// own, in an order that does not depend on which side's ring it is read from: both neighbours
// keep the same vertices of it, at every level (SimplifyRingAtNodes).
#pragma once

#include <cstdint>
#include <vector>

#include "core/geometry.h"
#include "core/triangulate.h"
#include "core/vec2.h"

namespace jcm {

// The indices (ascending) of the vertices of the closed ring `ring[0..count)` to keep so that
// every vertex lies within `tolerance` (world units) of the closed polyline through the kept ones.
// A ring of 3 or more vertices keeps at least 3 (it never collapses to a line). `scratch` is
// reused storage.
void SimplifyRing(const Vec2* ring, uint32_t count, float tolerance, std::vector<uint32_t>* keep,
                  std::vector<uint32_t>* scratch);

// Which vertices of the map are nodes, per area, parallel to AreaGeometry::vertices (1: a node).
// A node is a point where the rings through it do not all go on to the same two neighbouring
// points: the end of a border between two areas, a junction of three, or a point a ring passes
// twice. A ring with no node (an island, or an enclave and the hole around it) gets none here:
// SimplifyRingAtNodes then starts at its least point (by x, then y), the same for both copies.
struct BorderNodes {
    std::vector<std::vector<uint8_t>> of_area;
};
BorderNodes FindBorderNodes(const std::vector<AreaGeometry>& areas);

// FindBorderNodes in steps, for a map too big to search in one frame: it works in passes over a
// share of the points each (so that its table stays at 4 MB), one pass a Step. `areas` must
// outlive the finder and not change. FindBorderNodes(areas) is Step until true, then Finish.
class BorderNodeFinder {
  public:
    explicit BorderNodeFinder(const std::vector<AreaGeometry>& areas);
    bool Step();           // one pass; true once every pass is done
    BorderNodes Finish();  // the flags (call once, after Step gave true)

  private:
    struct Seen {
        uint64_t point, pair;  // kNoPoint: an empty slot
    };
    size_t SeenSlot(uint64_t point) const;  // where `point` is in table_, or the empty slot for it
    void Grow();                            // table_ twice the size, same contents
    const std::vector<AreaGeometry>* areas_;
    size_t passes_ = 1, pass_ = 0;
    int bits_ = 4;             // table_ has 2^bits_ slots, at most 3/4 used
    std::vector<Seen> table_;  // this pass's points
    std::vector<uint64_t> nodes_;
};

// SimplifyRing for a ring whose nodes are flagged in `node[0..count)`: the nodes are kept, and
// each stretch between two consecutive nodes is simplified by Douglas-Peucker read from its
// lesser end (so the neighbour that has the same stretch the other way round keeps the same
// vertices), keeping at least its vertex farthest from its chord (two for a ring with one node),
// so that the ring never collapses. Every vertex stays within `tolerance` of the result.
void SimplifyRingAtNodes(const Vec2* ring, const uint8_t* node, uint32_t count, float tolerance, std::vector<uint32_t>* keep,
                         std::vector<uint32_t>* scratch);

// One area at one level: its rings simplified (vertices, world units; rings into them) and the
// fill triangles over them (three indices into vertices each).
struct SimplifiedArea {
    std::vector<Vec2> vertices;
    std::vector<RingRange> rings;
    std::vector<uint32_t> indices;
};

// Simplifies every ring of `area` at `tolerance` (SimplifyRingAtNodes with the area's `nodes`, a
// FindBorderNodes row; SimplifyRing without) and triangulates each polygon again. False if the
// triangulator gave up on a polygon (its triangles then cover part of it).
bool SimplifyArea(const AreaGeometry& area, float tolerance, Triangulator& triangulator, SimplifiedArea* out,
                  std::vector<uint32_t>* keep, std::vector<uint32_t>* scratch, const uint8_t* nodes = nullptr);

// SimplifyArea over every area of a map at one level, a share at a time: the map layer builds a
// level the view needs across frames while it draws the nearest one it has (NearestBuiltLevel),
// so that zooming into a big map never freezes the page for the whole level (~1 s of wasm for a
// million vertices' finer levels here). `areas` and `nodes` (a FindBorderNodes result for them,
// or null) must outlive it and not change. Step until true, then Take: the same areas as
// SimplifyArea gives one by one.
class LevelSimplifier {
  public:
    LevelSimplifier(const std::vector<AreaGeometry>& areas, const BorderNodes* nodes, float tolerance);
    // Simplifies the next areas (at least one) until `vertices` of their own have been read; true
    // once every area is done.
    bool Step(size_t vertices);
    size_t Kept() const { return kept_; }           // vertices kept so far, in all areas
    std::vector<SimplifiedArea> Take() { return std::move(out_); }

  private:
    const std::vector<AreaGeometry>* areas_;
    const BorderNodes* nodes_;
    float tolerance_;
    size_t next_ = 0, kept_ = 0;
    Triangulator triangulator_;
    std::vector<uint32_t> keep_, scratch_;
    std::vector<SimplifiedArea> out_;
};

// The levels' tolerances for a map of `bounds`, coarsest first, the last 0 (every vertex).
std::vector<float> LevelTolerances(const WorldRect& bounds);

// The level of `tolerances` to draw at `pixels_per_unit`: the coarsest whose tolerance is at most
// `max_px` pixels on screen.
int ChooseLevel(const std::vector<float>& tolerances, float pixels_per_unit, float max_px = 0.5f);

// The level to draw while level `want` is being built: of those `built` says can be drawn now,
// the nearest to it, a finer one before a coarser one as near (exact outlines, at the cost of
// drawing more vertices for a moment); `want` itself if built; -1 if none is.
int NearestBuiltLevel(const std::vector<bool>& built, int want);

}  // namespace jcm
