// triangulate.h: polygon with holes -> triangle index list, by ear clipping with hole bridging.
//
// The algorithm is mapbox/earcut's (ISC licence; this is an independent C++ rewrite of its
// published algorithm): rings become circular linked lists, holes are bridged into the outer ring
// left to right (Eberly's method), then ears are clipped; rings over 80 vertices are hashed on a
// z-order curve so an ear test only looks at nearby vertices (about O(n log n) on real data).
// When no ear is found it filters duplicate/collinear points, then cures small self-intersections,
// then splits the polygon along a valid diagonal. Coordinates are compared in double.
//
// Robustness: duplicate and collinear points, zero-area and self-touching rings are fine; the ear
// loop is iterative (no deep recursion) and all work is charged to a budget proportional to
// n log n, so pathological input ends with a partial triangulation and `false`, never a hang.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/vec2.h"

namespace jcm {

namespace detail {

constexpr uint32_t kNoNode = 0xffffffffu;

// One vertex of a ring being clipped, linked into the ring and (when hashed) the z-order list.
struct EarNode {
    double x = 0, y = 0;
    uint32_t i = 0;                          // index of the input vertex
    uint32_t prev = kNoNode, next = kNoNode;  // ring neighbours (node ids)
    uint32_t prev_z = kNoNode, next_z = kNoNode;
    uint32_t z = 0;                          // z-order key, 0 = not computed yet
    bool steiner = false;                    // a single-point hole, never filtered away
};

// A pending piece of work: clip ears of the ring at `node` in `pass` 0 (plain), 1 (after
// filtering points), 2 (after curing self-intersections; next is splitting).
struct EarWork {
    uint32_t node = kNoNode;
    int pass = 0;
};

}  // namespace detail

// Triangulates polygons, reusing its buffers between calls (one per thread).
class Triangulator {
public:
    // Appends the triangles of one polygon to `out` as vertex indices (three per triangle, absolute
    // indices into `vertices`). rings[0] is the outer ring, the rest are holes; rings are open and
    // may wind either way. Returns false if a coordinate is not finite (nothing is appended) or the
    // work budget ran out (the triangles appended cover only part of the polygon).
    bool Triangulate(const Vec2* vertices, const RingRange* rings, size_t ring_count, std::vector<uint32_t>& out);

private:
    std::vector<detail::EarNode> nodes_;
    std::vector<uint32_t> holes_;
    std::vector<detail::EarWork> work_;
};

// Convenience form: the rings are concatenated in order and the indices refer to that
// concatenation (as in earcut's flat-array interface).
std::vector<uint32_t> Triangulate(const std::vector<std::vector<Vec2>>& rings);

// Sum of the absolute areas of the triangles in `indices` (world units squared, computed in double).
double TrianglesArea(const Vec2* vertices, const std::vector<uint32_t>& indices);

// Signed shoelace area of an open ring (positive when counter-clockwise with y up).
double RingSignedArea(const Vec2* vertices, RingRange ring);

}  // namespace jcm
