// polylabel.h: the pole of inaccessibility of a polygon, the interior point farthest from its
// outline: the best place for a label, and how much room the label has there.
//
// The algorithm is mapbox/polylabel's (ISC; independent rewrite): cover the bounding box with
// square cells, keep them in a priority queue ordered by the best distance any point in the cell
// could reach, split the most promising cell in four until no cell can beat the best point found
// by more than `precision`. Holes count as outline (a label never lands in a hole).
#pragma once

#include <cstddef>

#include "core/vec2.h"

namespace jcm {

struct LabelPoint {
    Vec2 pos;
    float distance = 0;  // to the nearest edge, world units; <= 0 if no interior point was found
};

// The pole of inaccessibility of the polygon rings[0] (outer) minus rings[1..] (holes), to within
// `precision` world units (values below 1e-6 of the polygon's size are raised to that). At most
// `max_probes` cells are evaluated. An empty or zero-area polygon gives its first vertex, distance 0.
LabelPoint PoleOfInaccessibility(const Vec2* vertices, const RingRange* rings, size_t ring_count, double precision,
                                 size_t max_probes = 20000);

// Signed distance from (x, y) to the polygon outline: positive inside (even-odd), negative outside.
double SignedDistanceToPolygon(const Vec2* vertices, const RingRange* rings, size_t ring_count, double x, double y);

}  // namespace jcm
