// simplify.h: outlines with fewer vertices for when the map is zoomed out.
//
// A million boundary vertices are far more than a screen's pixels at the fitted view: each
// outline level keeps, per ring, only the vertices Douglas-Peucker needs so that no vertex of the
// ring is farther than the level's tolerance from what is drawn. The map layer (platform/map_gl.cpp)
// builds each level the first time a view needs it and draws, at each zoom, the coarsest one
// whose tolerance is under half a device pixel: the same picture, a fraction of the vertices. A
// map of fewer than 100,000 vertices (a city's districts) is always drawn as loaded.
//
// Fills are drawn from the same simplified rings, triangulated again. Each ring is simplified on
// its own, so two neighbours' copies of a shared border may differ, by at most the tolerance on
// each side: under half a pixel each, and the outlines drawn over every border (1 px wide, from
// the same simplified rings) cover any such sliver. A topology that simplifies a shared border
// once for both neighbours would make them identical; it is not built (README "Big maps").
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

// One area at one level: its rings simplified (vertices, world units; rings into them) and the
// fill triangles over them (three indices into vertices each).
struct SimplifiedArea {
    std::vector<Vec2> vertices;
    std::vector<RingRange> rings;
    std::vector<uint32_t> indices;
};

// Simplifies every ring of `area` at `tolerance` (SimplifyRing) and triangulates each polygon
// again. False if the triangulator gave up on a polygon (its triangles then cover part of it).
bool SimplifyArea(const AreaGeometry& area, float tolerance, Triangulator& triangulator, SimplifiedArea* out,
                  std::vector<uint32_t>* keep, std::vector<uint32_t>* scratch);

// The levels' tolerances for a map of `bounds`, coarsest first, the last 0 (every vertex).
std::vector<float> LevelTolerances(const WorldRect& bounds);

// The level of `tolerances` to draw at `pixels_per_unit`: the coarsest whose tolerance is at most
// `max_px` pixels on screen.
int ChooseLevel(const std::vector<float>& tolerances, float pixels_per_unit, float max_px = 0.5f);

}  // namespace jcm
