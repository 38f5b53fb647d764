// vec2.h: the plain 2-D types the map geometry is made of (no ImGui here; the UI converts).
//
// World units are defined in projection.h (degrees of latitude, y down). Vertices are stored as
// float around the data's centre, which keeps them precise to ~1e-7 of the map's extent.
#pragma once

#include <cstdint>
#include <limits>

namespace jcm {

struct Vec2 {
    float x = 0, y = 0;
};

// An axis-aligned rectangle in world units; default-constructed it is empty (not Valid()).
struct WorldRect {
    Vec2 min{std::numeric_limits<float>::max(), std::numeric_limits<float>::max()};
    Vec2 max{-std::numeric_limits<float>::max(), -std::numeric_limits<float>::max()};

    // True once at least one point was added.
    bool Valid() const { return min.x <= max.x && min.y <= max.y; }
    float Width() const { return Valid() ? max.x - min.x : 0.0f; }
    float Height() const { return Valid() ? max.y - min.y : 0.0f; }
    Vec2 Center() const { return {0.5f * (min.x + max.x), 0.5f * (min.y + max.y)}; }
    // Grows the rectangle to include `p`.
    void Extend(Vec2 p) {
        if (p.x < min.x) min.x = p.x;
        if (p.y < min.y) min.y = p.y;
        if (p.x > max.x) max.x = p.x;
        if (p.y > max.y) max.y = p.y;
    }
    // Grows the rectangle to include `r` (an empty `r` changes nothing).
    void Merge(const WorldRect& r) {
        if (r.Valid()) {
            Extend(r.min);
            Extend(r.max);
        }
    }
    // Closed containment test.
    bool Contains(Vec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
    // True if the closed rectangles share a point.
    bool Intersects(const WorldRect& r) const {
        return Valid() && r.Valid() && r.min.x <= max.x && r.max.x >= min.x && r.min.y <= max.y &&
               r.max.y >= min.y;
    }
};

// A run of vertices [start, start + count) forming one open ring (no repeated closing point).
struct RingRange {
    uint32_t start = 0, count = 0;
};

}  // namespace jcm
