// projection.cpp: see projection.h.
#include "core/projection.h"

#include <algorithm>
#include <cmath>

namespace jcm {

namespace {
constexpr double kDegToRad = 3.14159265358979323846 / 180.0;
constexpr double kMinCosLat = 1e-6;  // keeps Inverse finite at the poles
}  // namespace

// ---- 1. Projection ------------------------------------------------------------------------------

Projection Projection::AtCenter(LonLat center) {
    Projection p;
    p.lon0 = std::isfinite(center.lon) ? center.lon : 0.0;
    p.lat0 = std::isfinite(center.lat) ? std::clamp(center.lat, -90.0, 90.0) : 0.0;
    p.cos_lat0 = std::max(std::cos(p.lat0 * kDegToRad), kMinCosLat);
    return p;
}

Projection Projection::ForBounds(const Bounds& b) {
    if (!b.Valid()) return AtCenter({0, 0});
    return AtCenter({0.5 * (b.min_lon + b.max_lon), 0.5 * (b.min_lat + b.max_lat)});
}

Vec2 Projection::Forward(LonLat p) const {
    return {static_cast<float>((p.lon - lon0) * cos_lat0), static_cast<float>(lat0 - p.lat)};
}

LonLat Projection::Inverse(Vec2 w) const {
    return {lon0 + static_cast<double>(w.x) / cos_lat0, lat0 - static_cast<double>(w.y)};
}

// ---- 2. ViewTransform ---------------------------------------------------------------------------

Vec2 ViewTransform::WorldToScreen(Vec2 w) const {
    return {screen_origin.x + 0.5f * screen_size.x + (w.x - center_world.x) * pixels_per_unit,
            screen_origin.y + 0.5f * screen_size.y + (w.y - center_world.y) * pixels_per_unit};
}

Vec2 ViewTransform::ScreenToWorld(Vec2 s) const {
    return {center_world.x + (s.x - screen_origin.x - 0.5f * screen_size.x) / pixels_per_unit,
            center_world.y + (s.y - screen_origin.y - 0.5f * screen_size.y) / pixels_per_unit};
}

void ViewTransform::SetScreenRect(Vec2 origin, Vec2 size) {
    screen_origin = origin;
    screen_size = {std::max(size.x, 0.0f), std::max(size.y, 0.0f)};
}

void ViewTransform::FitBounds(const WorldRect& bounds, Vec2 origin, Vec2 size, float padding) {
    FitBounds(bounds, origin, size, padding, padding, padding, padding);
}

void ViewTransform::FitBounds(const WorldRect& bounds, Vec2 origin, Vec2 size, float left, float top, float right, float bottom) {
    SetScreenRect(origin, size);
    if (!bounds.Valid()) return;
    const float avail_x = std::max(screen_size.x - left - right, 1.0f);
    const float avail_y = std::max(screen_size.y - top - bottom, 1.0f);
    const float w = bounds.Width(), h = bounds.Height();
    float ppu = 0;
    if (w > 0 && h > 0) {
        ppu = std::min(avail_x / w, avail_y / h);
    } else if (w > 0) {
        ppu = avail_x / w;
    } else if (h > 0) {
        ppu = avail_y / h;
    }
    if (!(ppu > 0) || !std::isfinite(ppu)) {  // a single point: keep the current scale
        center_world = bounds.Center();
        return;
    }
    pixels_per_unit = ppu;
    fit_pixels_per_unit = ppu;
    // The bounds' centre at the centre of the padded rect: shift by half the padding difference.
    const Vec2 c = bounds.Center();
    center_world = Vec2{c.x - (left - right) * 0.5f / ppu, c.y - (top - bottom) * 0.5f / ppu};
}

void ViewTransform::ZoomAround(Vec2 screen_point, float factor, float min_ppu, float max_ppu) {
    if (!(factor > 0) || !std::isfinite(factor)) return;
    const Vec2 anchor = ScreenToWorld(screen_point);
    float ppu = pixels_per_unit * factor;
    if (min_ppu > 0 && max_ppu >= min_ppu) ppu = std::clamp(ppu, min_ppu, max_ppu);
    if (!(ppu > 0) || !std::isfinite(ppu)) return;
    pixels_per_unit = ppu;
    // Solve WorldToScreen(anchor) == screen_point for the centre.
    center_world = {anchor.x - (screen_point.x - screen_origin.x - 0.5f * screen_size.x) / ppu,
                    anchor.y - (screen_point.y - screen_origin.y - 0.5f * screen_size.y) / ppu};
}

void ViewTransform::Pan(float dx, float dy) {
    center_world.x -= dx / pixels_per_unit;
    center_world.y -= dy / pixels_per_unit;
}

void ViewTransform::ClampCenter(const WorldRect& bounds) {
    if (!bounds.Valid()) return;
    center_world.x = std::min(std::max(center_world.x, bounds.min.x), bounds.max.x);
    center_world.y = std::min(std::max(center_world.y, bounds.min.y), bounds.max.y);
}

WorldRect ViewTransform::VisibleWorldRect() const {
    WorldRect r;
    r.Extend(ScreenToWorld(screen_origin));
    r.Extend(ScreenToWorld({screen_origin.x + screen_size.x, screen_origin.y + screen_size.y}));
    return r;
}

// ---- 3. TransformToScreen -----------------------------------------------------------------------

void TransformToScreen(const ViewTransform& view, const Vec2* world, size_t count, std::vector<Vec2>& out) {
    out.resize(count);
    const float s = view.pixels_per_unit;
    const float ox = view.screen_origin.x + 0.5f * view.screen_size.x;
    const float oy = view.screen_origin.y + 0.5f * view.screen_size.y;
    const float cx = view.center_world.x, cy = view.center_world.y;
    Vec2* dst = out.data();
    for (size_t i = 0; i < count; ++i) {
        dst[i].x = ox + (world[i].x - cx) * s;
        dst[i].y = oy + (world[i].y - cy) * s;
    }
}

}  // namespace jcm
