// test_projection.cpp: lon/lat <-> world round trips, and the view transform (fit, zoom, pan).
#include <doctest.h>

#include <cmath>
#include <vector>

#include "core/projection.h"

using jcm::LonLat;
using jcm::Projection;
using jcm::Vec2;
using jcm::ViewTransform;
using jcm::WorldRect;

namespace {

// A view fitted to a 2 x 1 world rectangle in an 800 x 600 map rect at (100, 50).
ViewTransform FittedView() {
    WorldRect b;
    b.Extend({-1.0f, -0.5f});
    b.Extend({1.0f, 0.5f});
    ViewTransform v;
    v.FitBounds(b, {100, 50}, {800, 600}, 20);
    return v;
}

}  // namespace

TEST_CASE("projection: centre maps to the origin, north is up, east is scaled by cos(lat0)") {
    const Projection p = Projection::AtCenter({116.6, 35.4});
    const Vec2 c = p.Forward({116.6, 35.4});
    CHECK(c.x == doctest::Approx(0).epsilon(1e-12));
    CHECK(c.y == doctest::Approx(0).epsilon(1e-12));
    const Vec2 north = p.Forward({116.6, 35.5});
    CHECK(north.y == doctest::Approx(-0.1).epsilon(1e-5));  // y grows down
    CHECK(north.x == doctest::Approx(0.0));
    const Vec2 east = p.Forward({116.7, 35.4});
    CHECK(east.x == doctest::Approx(0.1 * std::cos(35.4 * 3.14159265358979323846 / 180.0)).epsilon(1e-5));
    CHECK(east.y == doctest::Approx(0.0));
}

TEST_CASE("projection: Forward then Inverse returns the point") {
    const Projection p = Projection::AtCenter({116.59, 35.41});
    for (double lon = 115.8; lon <= 117.6; lon += 0.137) {
        for (double lat = 34.5; lat <= 36.3; lat += 0.113) {
            const LonLat back = p.Inverse(p.Forward({lon, lat}));
            CHECK(std::fabs(back.lon - lon) < 1e-6);
            CHECK(std::fabs(back.lat - lat) < 1e-6);
        }
    }
}

TEST_CASE("projection: ForBounds centres on the bounds; invalid bounds and poles stay finite") {
    jcm::Bounds b;
    b.min_lon = 116;
    b.max_lon = 117;
    b.min_lat = 35;
    b.max_lat = 36;
    const Projection p = Projection::ForBounds(b);
    CHECK(p.lon0 == doctest::Approx(116.5));
    CHECK(p.lat0 == doctest::Approx(35.5));
    const Projection origin = Projection::ForBounds(jcm::Bounds{});
    CHECK(origin.lon0 == 0);
    CHECK(origin.lat0 == 0);
    const Projection pole = Projection::AtCenter({0, 90});
    const LonLat back = pole.Inverse(pole.Forward({10, 89}));
    CHECK(std::isfinite(back.lon));
    CHECK(back.lat == doctest::Approx(89));
}

TEST_CASE("view: WorldToScreen and ScreenToWorld are inverses") {
    const ViewTransform v = FittedView();
    for (float x = -1.0f; x <= 1.0f; x += 0.25f) {
        for (float y = -0.5f; y <= 0.5f; y += 0.25f) {
            const Vec2 w = v.ScreenToWorld(v.WorldToScreen({x, y}));
            CHECK(w.x == doctest::Approx(x).epsilon(1e-5));
            CHECK(w.y == doctest::Approx(y).epsilon(1e-5));
        }
    }
}

TEST_CASE("view: FitBounds puts the bounds inside the padded rect with equal aspect") {
    const ViewTransform v = FittedView();
    const Vec2 tl = v.WorldToScreen({-1.0f, -0.5f});
    const Vec2 br = v.WorldToScreen({1.0f, 0.5f});
    CHECK(tl.x >= 100 + 20 - 1e-3f);
    CHECK(tl.y >= 50 + 20 - 1e-3f);
    CHECK(br.x <= 100 + 800 - 20 + 1e-3f);
    CHECK(br.y <= 50 + 600 - 20 + 1e-3f);
    // The limiting (horizontal) side fills the padded width exactly.
    CHECK(br.x - tl.x == doctest::Approx(760));
    // Equal aspect: the on-screen rectangle is 2:1 like the world one, and centred.
    CHECK((br.x - tl.x) / (br.y - tl.y) == doctest::Approx(2.0));
    CHECK((tl.y + br.y) / 2 == doctest::Approx(50 + 300));
    CHECK(v.fit_pixels_per_unit == doctest::Approx(380));
    CHECK(v.MinPixelsPerUnit() == doctest::Approx(380 * jcm::kMinZoomOfFit));
    CHECK(v.MaxPixelsPerUnit() == doctest::Approx(380 * jcm::kMaxZoomOfFit));

    // A tall world rectangle is limited by the height instead.
    WorldRect tall;
    tall.Extend({0, 0});
    tall.Extend({1, 10});
    ViewTransform t;
    t.FitBounds(tall, {0, 0}, {800, 600}, 0);
    CHECK(t.pixels_per_unit == doctest::Approx(60));

    // An empty rectangle changes nothing but the screen rect.
    ViewTransform e = v;
    e.FitBounds(WorldRect{}, {0, 0}, {10, 10}, 0);
    CHECK(e.pixels_per_unit == v.pixels_per_unit);
    CHECK(e.screen_size.x == 10);
}

TEST_CASE("view: ZoomAround keeps the world point under the cursor fixed and clamps the scale") {
    ViewTransform v = FittedView();
    const Vec2 cursors[] = {{150, 80}, {500, 350}, {880, 620}, {100, 50}};
    const float factors[] = {1.25f, 0.8f, 3.0f, 0.5f};
    for (Vec2 s : cursors) {
        for (float f : factors) {
            const Vec2 before = v.ScreenToWorld(s);
            v.ZoomAround(s, f);
            const Vec2 after = v.WorldToScreen(before);
            CHECK(after.x == doctest::Approx(s.x).epsilon(1e-4));
            CHECK(after.y == doctest::Approx(s.y).epsilon(1e-4));
        }
    }
    const Vec2 s{300, 200};
    const Vec2 anchor = v.ScreenToWorld(s);
    v.ZoomAround(s, 1e6f);
    CHECK(v.pixels_per_unit == doctest::Approx(v.MaxPixelsPerUnit()));
    CHECK(v.WorldToScreen(anchor).x == doctest::Approx(s.x).epsilon(1e-3));
    v.ZoomAround(s, 1e-6f);
    CHECK(v.pixels_per_unit == doctest::Approx(v.MinPixelsPerUnit()));
    CHECK(v.WorldToScreen(anchor).y == doctest::Approx(s.y).epsilon(1e-3));
    // Explicit limits, and nonsense factors are ignored.
    v.ZoomAround(s, 100.0f, 10.0f, 500.0f);
    CHECK(v.pixels_per_unit == doctest::Approx(500));
    v.ZoomAround(s, 0.0f);
    v.ZoomAround(s, -2.0f);
    v.ZoomAround(s, NAN);
    CHECK(v.pixels_per_unit == doctest::Approx(500));
}

TEST_CASE("view: Pan moves the map with the cursor; VisibleWorldRect covers the map rect") {
    ViewTransform v = FittedView();
    const Vec2 w{0.3f, -0.2f};
    const Vec2 before = v.WorldToScreen(w);
    v.Pan(15, -40);
    const Vec2 after = v.WorldToScreen(w);
    CHECK(after.x == doctest::Approx(before.x + 15).epsilon(1e-4));
    CHECK(after.y == doctest::Approx(before.y - 40).epsilon(1e-4));

    const WorldRect r = v.VisibleWorldRect();
    const Vec2 tl = v.WorldToScreen(r.min), br = v.WorldToScreen(r.max);
    CHECK(tl.x == doctest::Approx(100).epsilon(1e-4));
    CHECK(tl.y == doctest::Approx(50).epsilon(1e-4));
    CHECK(br.x == doctest::Approx(900).epsilon(1e-4));
    CHECK(br.y == doctest::Approx(650).epsilon(1e-4));
}

TEST_CASE("view: TransformToScreen matches WorldToScreen and reuses its buffer") {
    const ViewTransform v = FittedView();
    std::vector<Vec2> world;
    for (int i = 0; i < 1000; ++i) world.push_back({0.001f * static_cast<float>(i) - 0.5f, 0.0007f * static_cast<float>(i) - 0.3f});
    std::vector<Vec2> out;
    jcm::TransformToScreen(v, world.data(), world.size(), out);
    REQUIRE(out.size() == world.size());
    for (size_t i = 0; i < world.size(); i += 97) {
        const Vec2 e = v.WorldToScreen(world[i]);
        CHECK(out[i].x == doctest::Approx(e.x).epsilon(1e-5));
        CHECK(out[i].y == doctest::Approx(e.y).epsilon(1e-5));
    }
    const Vec2* data = out.data();
    const size_t capacity = out.capacity();
    for (size_t n : {size_t{10}, size_t{999}, size_t{0}, size_t{1000}}) {
        jcm::TransformToScreen(v, world.data(), n, out);
        CHECK(out.size() == n);
        CHECK(out.capacity() == capacity);
        if (n > 0) CHECK(out.data() == data);
    }
}

TEST_CASE("projection: panning cannot move the data off screen; zoom stops a little beyond fit") {
    jcm::ViewTransform v;
    jcm::WorldRect b;
    b.Extend({0, 0});
    b.Extend({10, 5});
    v.FitBounds(b, {0, 0}, {800, 600}, 24);
    v.Pan(-1e6f, 1e6f);  // far away
    v.ClampCenter(b);
    CHECK(v.center_world.x == doctest::Approx(10));
    CHECK(v.center_world.y == doctest::Approx(0));
    const jcm::Vec2 c = v.WorldToScreen(v.center_world);
    CHECK(c.x == doctest::Approx(400));  // the data's corner is at the centre of the map: on screen
    v.ZoomAround({400, 300}, 0.01f);
    CHECK(v.pixels_per_unit == doctest::Approx(v.fit_pixels_per_unit * jcm::kMinZoomOfFit));
    CHECK(jcm::kMinZoomOfFit >= 0.75f);
    v.max_zoom_of_fit = 8;
    v.ZoomAround({400, 300}, 1000.0f);
    CHECK(v.pixels_per_unit == doctest::Approx(v.fit_pixels_per_unit * 8));
}
