// projection.h: lon/lat degrees <-> world units <-> screen pixels.
//
// Sections: 1. Projection (lon/lat <-> world)   2. ViewTransform (world <-> screen, pan/zoom)
//           3. TransformToScreen (a whole vertex array, into a reused buffer)
//
// World units: equirectangular, scaled by cos(latitude) at the data's centre (lon0, lat0):
//     x = (lon - lon0) * cos(lat0),   y = lat0 - lat        (degrees of latitude; y grows DOWN)
// so one world unit is one degree of latitude (~111 km) on both axes: equal aspect, adequate at city
// scale. East-west scale is exact on the centre parallel and off by ~tan(lat0) * dlat elsewhere:
// about 1.2% per degree of latitude away from the centre at 35°N (Jining spans about ±0.8°).
#pragma once

#include <cstddef>
#include <vector>

#include "core/model.h"
#include "core/vec2.h"

namespace jcm {

// ---- 1. Projection ------------------------------------------------------------------------------

struct Projection {
    double lon0 = 0, lat0 = 0;  // centre, degrees
    double cos_lat0 = 1;        // cos(lat0), kept away from 0 near the poles

    static Projection AtCenter(LonLat center);     // the projection centred on `center`
    static Projection ForBounds(const Bounds& b);  // centred on the middle of `b` (origin if invalid)
    Vec2 Forward(LonLat p) const;                  // lon/lat degrees -> world units
    LonLat Inverse(Vec2 w) const;                  // world units -> lon/lat degrees
};

// ---- 2. ViewTransform ---------------------------------------------------------------------------

constexpr float kMinZoomOfFit = 0.8f;   // zooming out stops a little beyond the "fit" scale
constexpr float kMaxZoomOfFit = 64.0f;  // zooming in stops at 64x the "fit" scale

// World <-> screen with equal aspect: screen = screen_origin + screen_size/2 + (world - center) * ppu.
struct ViewTransform {
    Vec2 center_world;              // world point shown at the centre of the map rect
    float pixels_per_unit = 1;      // zoom: pixels per world unit, the same on both axes
    Vec2 screen_origin;             // top-left of the map rect, screen pixels
    Vec2 screen_size;               // size of the map rect, pixels
    float fit_pixels_per_unit = 1;  // the scale FitBounds chose; zoom limits are relative to it
    float max_zoom_of_fit = kMaxZoomOfFit;  // zoom-in limit (e.g. where the smallest area fills the view)

    Vec2 WorldToScreen(Vec2 w) const;  // world units -> screen pixels
    Vec2 ScreenToWorld(Vec2 s) const;  // screen pixels -> world units
    float MinPixelsPerUnit() const { return fit_pixels_per_unit * kMinZoomOfFit; }  // zoom-out limit
    float MaxPixelsPerUnit() const { return fit_pixels_per_unit * max_zoom_of_fit; }  // zoom-in limit

    // Moves/resizes the map rect keeping centre and scale (e.g. on window resize).
    void SetScreenRect(Vec2 origin, Vec2 size);
    // Sets the map rect and centres `bounds` in it at the largest scale leaving `padding` pixels
    // on every side; that scale becomes fit_pixels_per_unit. An empty or zero-size `bounds` keeps
    // the current scale.
    void FitBounds(const WorldRect& bounds, Vec2 origin, Vec2 size, float padding);
    // The same, with its own padding on each side (room for overlays drawn over the map): the
    // bounds are centred in the rect that remains.
    void FitBounds(const WorldRect& bounds, Vec2 origin, Vec2 size, float left, float top, float right, float bottom);
    // Multiplies the scale by `factor`, clamped to [min_ppu, max_ppu], keeping the world point
    // under `screen_point` fixed on screen.
    void ZoomAround(Vec2 screen_point, float factor, float min_ppu, float max_ppu);
    // ZoomAround with the default limits [MinPixelsPerUnit(), MaxPixelsPerUnit()].
    void ZoomAround(Vec2 screen_point, float factor) {
        ZoomAround(screen_point, factor, MinPixelsPerUnit(), MaxPixelsPerUnit());
    }
    // Moves the map by (dx, dy) screen pixels (a drag: the map follows the cursor).
    void Pan(float dx, float dy);
    // Keeps the map findable: the view's centre stays within `bounds` (the data), so panning can
    // never move every area off screen.
    void ClampCenter(const WorldRect& bounds);
    // The world rectangle the map rect shows (for culling).
    WorldRect VisibleWorldRect() const;
};

// ---- 3. TransformToScreen -----------------------------------------------------------------------

// Writes WorldToScreen of `count` world points into `out` (resized; after the first call with the
// largest count it never reallocates, so it is safe to call every frame).
void TransformToScreen(const ViewTransform& view, const Vec2* world, size_t count, std::vector<Vec2>& out);

}  // namespace jcm
