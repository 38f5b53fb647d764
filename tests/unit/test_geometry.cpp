// test_geometry.cpp: triangulation, label points, BuildMapGeometry and the hit index.
//
// Sections: 1. helpers (shapes, deterministic RNG, reference point-in-polygon)
//           2. triangulation   3. label points   4. BuildMapGeometry   5. hit index
//           6. the real-world fixture (tests/fixtures/geometry)
#include <doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/geometry.h"
#include "core/load.h"

#ifndef JCM_SOURCE_DIR
#define JCM_SOURCE_DIR "."
#endif

using jcm::Vec2;
using Ring = std::vector<Vec2>;
using Rings = std::vector<Ring>;

namespace {

// ---- 1. helpers ---------------------------------------------------------------------------------

// splitmix64: the same sequence on every platform (std distributions are not portable).
struct Rng {
    uint64_t state;
    uint64_t Next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double Uniform(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(Next() >> 11) * 0x1.0p-53; }
};

double RingArea(const Ring& r) {
    double a = 0;
    for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
        a += static_cast<double>(r[j].x) * r[i].y - static_cast<double>(r[i].x) * r[j].y;
    }
    return std::fabs(a) / 2;
}

// Outer minus holes.
double PolygonArea(const Rings& rings) {
    double a = 0;
    for (size_t i = 0; i < rings.size(); ++i) a += i == 0 ? RingArea(rings[i]) : -RingArea(rings[i]);
    return a;
}

// Triangle area of Triangulate(rings); also checks every index is in range.
double TriangulatedArea(const Rings& rings, size_t* triangle_count = nullptr) {
    std::vector<Vec2> flat;
    for (const Ring& r : rings) flat.insert(flat.end(), r.begin(), r.end());
    const std::vector<uint32_t> idx = jcm::Triangulate(rings);
    CHECK(idx.size() % 3 == 0);
    for (uint32_t i : idx) REQUIRE(i < flat.size());
    if (triangle_count) *triangle_count = idx.size() / 3;
    return jcm::TrianglesArea(flat.data(), idx);
}

Ring Square(float x0, float y0, float size) { return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}}; }

Ring Reversed(Ring r) { return Ring(r.rbegin(), r.rend()); }

// U: a 3 x 3 block with the middle column's top two cells removed (centroid in the notch).
Ring UShape() { return {{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}}; }

Ring LShape() { return {{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 3}, {0, 3}}; }

// A comb: a spine along the bottom with `teeth` narrow teeth upwards.
Ring Comb(int teeth) {
    Ring r;
    r.push_back({0, 0});
    r.push_back({static_cast<float>(2 * teeth - 1), 0});
    for (int t = teeth - 1; t >= 0; --t) {
        const float x = static_cast<float>(2 * t);
        r.push_back({x + 1, 5});
        r.push_back({x, 5});
        if (t > 0) {
            r.push_back({x, 1});
            r.push_back({x - 1, 1});
        }
    }
    return r;
}

// A star-shaped ring of n vertices with random radii (simple, very concave).
Ring Star(int n, uint64_t seed, float cx = 0, float cy = 0, float r0 = 1) {
    Rng rng{seed};
    Ring r;
    for (int i = 0; i < n; ++i) {
        const double a = 2 * 3.14159265358979323846 * i / n;
        const double rad = r0 * rng.Uniform(0.3, 1.0);
        r.push_back({cx + static_cast<float>(rad * std::cos(a)), cy + static_cast<float>(rad * std::sin(a))});
    }
    return r;
}

// A smooth, coastline-like ring of n vertices (radius = 1 + random sinusoids), star-shaped.
Ring Coast(int n, uint64_t seed) {
    Rng rng{seed};
    constexpr int kWaves = 32;
    double amp[kWaves], phase[kWaves], freq[kWaves];
    for (int k = 0; k < kWaves; ++k) {
        freq[k] = 1 + std::floor(rng.Uniform(0, 1) * std::pow(2.0, k / 4.0));
        amp[k] = 0.25 / freq[k];
        phase[k] = rng.Uniform(0, 6.283185307179586);
    }
    Ring r;
    for (int i = 0; i < n; ++i) {
        const double a = 6.283185307179586 * i / n;
        double rad = 1;
        for (int k = 0; k < kWaves; ++k) rad += amp[k] * std::sin(freq[k] * a + phase[k]);
        rad = std::max(rad, 0.05);
        r.push_back({static_cast<float>(rad * std::cos(a)), static_cast<float>(rad * std::sin(a))});
    }
    return r;
}

// Classic PNPOLY even-odd over all rings, written independently of the library.
bool ReferenceInside(const Rings& rings, Vec2 p) {
    bool c = false;
    for (const Ring& r : rings) {
        for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
            if (((r[i].y > p.y) != (r[j].y > p.y)) &&
                (p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)) {
                c = !c;
            }
        }
    }
    return c;
}

// An Area whose polygons are given in world-like units, passed through as lon/lat degrees
// around (0, 0) so the projection is (almost) the identity with y flipped.
jcm::Area MakeArea(const std::vector<Rings>& polygons) {
    jcm::Area a;
    for (const Rings& rings : polygons) {
        jcm::Polygon p;
        for (const Ring& r : rings) {
            std::vector<jcm::LonLat> ll;
            for (Vec2 v : r) ll.push_back({v.x, v.y});
            p.rings.push_back(ll);
        }
        a.polygons.push_back(p);
    }
    return a;
}

}  // namespace

// ---- 2. triangulation ---------------------------------------------------------------------------

TEST_CASE("triangulate: squares either way round") {
    size_t n = 0;
    CHECK(TriangulatedArea({Square(0, 0, 2)}, &n) == doctest::Approx(4));
    CHECK(n == 2);
    CHECK(TriangulatedArea({Reversed(Square(0, 0, 2))}) == doctest::Approx(4));
}

TEST_CASE("triangulate: concave L, U and comb shapes") {
    CHECK(TriangulatedArea({LShape()}) == doctest::Approx(RingArea(LShape())));
    CHECK(TriangulatedArea({UShape()}) == doctest::Approx(7));
    CHECK(TriangulatedArea({Reversed(UShape())}) == doctest::Approx(7));
    for (int teeth : {1, 2, 7, 50}) {
        const Ring c = Comb(teeth);
        size_t n = 0;
        CHECK(TriangulatedArea({c}, &n) == doctest::Approx(RingArea(c)));
        CHECK(n == c.size() - 2);
    }
}

TEST_CASE("triangulate: polygon with two holes, holes wound either way") {
    const Rings rings = {Square(0, 0, 10), Square(1, 1, 3), Reversed(Square(5, 5, 4))};
    CHECK(PolygonArea(rings) == doctest::Approx(100 - 9 - 16));
    CHECK(TriangulatedArea(rings) == doctest::Approx(75));
    // A hole touching the outer ring, and a hole touching another hole at a vertex.
    const Rings touching = {Square(0, 0, 10), Square(0, 2, 2), Square(4, 4, 2), Square(6, 6, 2)};
    CHECK(TriangulatedArea(touching) == doctest::Approx(100 - 12));
}

TEST_CASE("triangulate: collinear and duplicate points") {
    const Ring collinear = {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {3, 1}, {3, 2}, {3, 3}, {1.5f, 3}, {0, 3}, {0, 1.5f}};
    CHECK(TriangulatedArea({collinear}) == doctest::Approx(9));
    const Ring dups = {{0, 0}, {0, 0}, {2, 0}, {2, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 2}, {0, 0}};
    CHECK(TriangulatedArea({dups}) == doctest::Approx(4));
    // A spike going out and back along the same line adds no area.
    const Ring spike = {{0, 0}, {2, 0}, {2, 1}, {4, 1}, {2, 1}, {2, 2}, {0, 2}};
    CHECK(TriangulatedArea({spike}) == doctest::Approx(4));
}

TEST_CASE("triangulate: self-touching ring (two squares sharing a vertex)") {
    const Ring r = {{0, 0}, {1, 0}, {1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}, {0, 1}};
    CHECK(TriangulatedArea({r}) == doctest::Approx(2));
}

TEST_CASE("triangulate: degenerate input gives no triangles and returns") {
    CHECK(jcm::Triangulate({}).empty());
    CHECK(jcm::Triangulate({Ring{}}).empty());
    CHECK(jcm::Triangulate({Ring{{1, 1}}}).empty());
    CHECK(jcm::Triangulate({Ring{{1, 1}, {2, 2}}}).empty());
    CHECK(TriangulatedArea({Ring{{0, 0}, {1, 1}, {2, 2}, {3, 3}}}) == doctest::Approx(0));
    CHECK(TriangulatedArea({Ring{{5, 5}, {5, 5}, {5, 5}, {5, 5}}}) == doctest::Approx(0));
    CHECK(TriangulatedArea({Ring{{0, 0}, {4, 0}, {0, 0}, {4, 0}}}) == doctest::Approx(0));
    // Degenerate holes (a point, a line) and a hole outside the outer ring are harmless.
    CHECK(TriangulatedArea({Square(0, 0, 4), Ring{{1, 1}}, Ring{{2, 2}, {3, 3}}}) == doctest::Approx(16));
    CHECK(TriangulatedArea({Square(0, 0, 4), Square(10, 10, 1)}) == doctest::Approx(16));
    // Non-finite coordinates: refused, nothing appended.
    jcm::Triangulator t;
    const Ring bad = {{0, 0}, {1, 0}, {NAN, 1}};
    const jcm::RingRange range{0, 3};
    std::vector<uint32_t> out;
    CHECK_FALSE(t.Triangulate(bad.data(), &range, 1, out));
    CHECK(out.empty());
}

TEST_CASE("triangulate: large concave rings use the z-order path and stay exact") {
    for (int n : {81, 500, 5000}) {
        const Ring s = Star(n, static_cast<uint64_t>(n));
        size_t tris = 0;
        const double area = TriangulatedArea({s}, &tris);
        CHECK(area == doctest::Approx(RingArea(s)).epsilon(1e-9));
        CHECK(tris == static_cast<size_t>(n) - 2);
    }
    const Ring coast = Coast(100000, 7);
    size_t tris = 0;
    CHECK(TriangulatedArea({coast}, &tris) == doctest::Approx(RingArea(coast)).epsilon(1e-9));
    CHECK(tris == coast.size() - 2);
    // With holes (each hole star sits well inside the outer star's inner radius).
    const Rings with_holes = {Star(3000, 1, 0, 0, 10), Star(300, 2, -1, 0, 1), Star(300, 3, 1.5f, 0.5f, 1)};
    CHECK(TriangulatedArea(with_holes) == doctest::Approx(PolygonArea(with_holes)).epsilon(1e-9));
}

TEST_CASE("triangulate: adversarial input runs out of budget instead of hanging") {
    // A 50,000-point random star makes ear clipping quadratic (mapbox/earcut too); the work
    // budget stops it with a partial result.
    const Ring s = Star(50000, 50000);
    const jcm::RingRange range{0, static_cast<uint32_t>(s.size())};
    jcm::Triangulator t;
    std::vector<uint32_t> out;
    const bool complete = t.Triangulate(s.data(), &range, 1, out);
    const double area = jcm::TrianglesArea(s.data(), out);
    CHECK(area <= RingArea(s) * (1 + 1e-9));
    if (complete) CHECK(area == doctest::Approx(RingArea(s)).epsilon(1e-9));
    MESSAGE("50k random star: " << std::string(complete ? "complete" : "budget ran out") << ", " << out.size() / 3
                                << " triangles");
}

TEST_CASE("triangulate: self-intersecting garbage ends in bounded time") {
    Rng rng{42};
    for (int n : {4, 10, 100, 2000}) {
        Ring r;
        for (int i = 0; i < n; ++i) r.push_back({static_cast<float>(rng.Uniform(0, 1)), static_cast<float>(rng.Uniform(0, 1))});
        const auto t0 = std::chrono::steady_clock::now();
        const std::vector<uint32_t> idx = jcm::Triangulate({r});
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        CHECK(idx.size() % 3 == 0);
        CHECK(idx.size() / 3 <= 4 * static_cast<size_t>(n));
        CHECK(seconds < 20.0);
    }
}

// ---- 3. label points ----------------------------------------------------------------------------

TEST_CASE("label: square centre; U shape has its label inside though the centroid is outside") {
    const Ring sq = Square(0, 0, 4);
    const jcm::RingRange sq_range{0, 4};
    const jcm::LabelPoint l = jcm::PoleOfInaccessibility(sq.data(), &sq_range, 1, 1e-3);
    CHECK(l.pos.x == doctest::Approx(2).epsilon(1e-3));
    CHECK(l.pos.y == doctest::Approx(2).epsilon(1e-3));
    CHECK(l.distance == doctest::Approx(2).epsilon(1e-3));

    const Ring u = UShape();
    const jcm::RingRange u_range{0, static_cast<uint32_t>(u.size())};
    double cx = 0, cy = 0, a = 0;  // area centroid
    for (size_t i = 0, j = u.size() - 1; i < u.size(); j = i++) {
        const double f = static_cast<double>(u[j].x) * u[i].y - static_cast<double>(u[i].x) * u[j].y;
        cx += (u[j].x + u[i].x) * f;
        cy += (u[j].y + u[i].y) * f;
        a += 3 * f;
    }
    const Vec2 centroid{static_cast<float>(cx / a), static_cast<float>(cy / a)};
    CHECK_FALSE(ReferenceInside({u}, centroid));
    const jcm::LabelPoint ul = jcm::PoleOfInaccessibility(u.data(), &u_range, 1, 1e-3);
    CHECK(ReferenceInside({u}, ul.pos));
    CHECK(ul.distance > 0.4f);
    CHECK(ul.distance == doctest::Approx(jcm::SignedDistanceToPolygon(u.data(), &u_range, 1, ul.pos.x, ul.pos.y))
                             .epsilon(1e-4));
}

TEST_CASE("label: never in a hole; degenerate polygons give distance 0") {
    // A 10 x 10 square with a 6 x 6 hole in the middle: the label must sit in the 2-wide frame.
    const Ring flat[] = {Square(0, 0, 10), Square(2, 2, 6)};
    std::vector<Vec2> v(flat[0].begin(), flat[0].end());
    v.insert(v.end(), flat[1].begin(), flat[1].end());
    const jcm::RingRange rings[] = {{0, 4}, {4, 4}};
    const jcm::LabelPoint l = jcm::PoleOfInaccessibility(v.data(), rings, 2, 1e-3);
    CHECK(ReferenceInside({flat[0], flat[1]}, l.pos));
    // The best spots are the frame's corners: distance a to the outer sides, sqrt(2)(2 - a) to
    // the hole's corner, equal at a = 2 sqrt(2) / (1 + sqrt(2)).
    CHECK(l.distance == doctest::Approx(2 * std::sqrt(2.0) / (1 + std::sqrt(2.0))).epsilon(1e-3));

    const Ring line = {{0, 0}, {1, 1}, {2, 2}};
    const jcm::RingRange line_range{0, 3};
    CHECK(jcm::PoleOfInaccessibility(line.data(), &line_range, 1, 1e-3).distance == 0);
    CHECK(jcm::PoleOfInaccessibility(line.data(), &line_range, 0, 1e-3).distance == 0);
}

// ---- 4. BuildMapGeometry ------------------------------------------------------------------------

TEST_CASE("geometry: areas, multipolygons, holes, markers and bounds") {
    jcm::Dataset data;
    data.areas.push_back(MakeArea({{Square(0, 0, 2)}, {Square(3, 0, 1), Square(3.25f, 0.25f, 0.5f)}}));
    data.areas.push_back(MakeArea({{UShape()}}));
    jcm::Area marker_only;
    marker_only.has_marker = true;
    marker_only.marker.pos = {1.0, 1.0};
    data.areas.push_back(marker_only);
    data.areas.push_back(jcm::Area{});  // neither polygon nor marker
    // Closed rings (a repeated first point) and a degenerate polygon are tidied up.
    Ring closed = Square(5, 5, 1);
    closed.push_back(closed.front());
    data.areas.push_back(MakeArea({{closed}, {Ring{{9, 9}, {9, 9}}}}));

    const jcm::MapGeometry m = jcm::BuildMapGeometry(data);
    REQUIRE(m.areas.size() == data.areas.size());

    const jcm::AreaGeometry& multi = m.areas[0];
    CHECK(multi.polygons.size() == 2);
    CHECK(multi.rings.size() == 3);
    CHECK(multi.vertices.size() == 12);
    CHECK(multi.triangulated);
    const double expected = 4 + 1 - 0.25;
    CHECK(jcm::TrianglesArea(multi.vertices.data(), multi.indices) ==
          doctest::Approx(expected * m.projection.cos_lat0).epsilon(1e-6));
    CHECK(multi.area == doctest::Approx(expected * m.projection.cos_lat0).epsilon(1e-6));
    for (const jcm::PolygonRange& p : multi.polygons) CHECK(p.index_count % 3 == 0);
    CHECK(multi.has_label);
    CHECK(jcm::PointInArea(multi, multi.label));  // in the larger square
    CHECK(multi.label_clearance > 0);

    CHECK(m.areas[1].has_label);
    CHECK(jcm::PointInArea(m.areas[1], m.areas[1].label));

    const jcm::AreaGeometry& mk = m.areas[2];
    CHECK(mk.vertices.empty());
    CHECK(mk.has_marker);
    CHECK(mk.has_label);
    const jcm::LonLat back = m.projection.Inverse(mk.marker);
    CHECK(back.lon == doctest::Approx(1.0).epsilon(1e-6));
    CHECK(back.lat == doctest::Approx(1.0).epsilon(1e-6));
    CHECK(mk.label.x == mk.marker.x);

    CHECK_FALSE(m.areas[3].has_label);
    CHECK_FALSE(m.areas[3].bounds.Valid());

    const jcm::AreaGeometry& tidy = m.areas[4];
    CHECK(tidy.rings.size() == 1);
    CHECK(tidy.rings[0].count == 4);
    CHECK(tidy.polygons.size() == 1);

    // Overall bounds hold every vertex and marker; the projection is centred on them.
    for (const jcm::AreaGeometry& g : m.areas) {
        for (Vec2 v : g.vertices) CHECK(m.bounds.Contains(v));
        if (g.has_marker) CHECK(m.bounds.Contains(g.marker));
    }
    // (The dropped degenerate polygon at (9, 9) still counts: lon and lat span 0..9.)
    CHECK(m.projection.lon0 == doctest::Approx(4.5));
    CHECK(m.projection.lat0 == doctest::Approx(4.5));
    CHECK(m.max_area_vertices == 12);
}

TEST_CASE("geometry: AreaToScreen reuses the caller's buffer") {
    jcm::Dataset data;
    data.areas.push_back(MakeArea({{Star(300, 5)}}));
    data.areas.push_back(MakeArea({{Square(2, 2, 1)}}));
    const jcm::MapGeometry m = jcm::BuildMapGeometry(data);
    jcm::ViewTransform view;
    view.FitBounds(m.bounds, {0, 0}, {640, 480}, 10);
    std::vector<Vec2> screen;
    screen.reserve(m.max_area_vertices);
    const Vec2* data_ptr = screen.data();
    for (int frame = 0; frame < 3; ++frame) {
        for (const jcm::AreaGeometry& g : m.areas) {
            jcm::AreaToScreen(view, g, screen);
            CHECK(screen.size() == g.vertices.size());
            CHECK(screen.data() == data_ptr);
            const Vec2 e = view.WorldToScreen(g.vertices.back());
            CHECK(screen.back().x == doctest::Approx(e.x));
        }
    }
}

// ---- 5. hit index -------------------------------------------------------------------------------

namespace {

// Checks HitTest against the independent reference on `n` random points over the bounds (plus a
// margin), for the given areas' world rings; returns how many points hit something.
int CheckHitsAgainstReference(const jcm::MapGeometry& m, const std::vector<std::vector<Rings>>& world_rings, int n,
                              uint64_t seed) {
    Rng rng{seed};
    const float mx = 0.05f * m.bounds.Width(), my = 0.05f * m.bounds.Height();
    int hits = 0, mismatches = 0;
    for (int i = 0; i < n; ++i) {
        const Vec2 p{static_cast<float>(rng.Uniform(m.bounds.min.x - mx, m.bounds.max.x + mx)),
                     static_cast<float>(rng.Uniform(m.bounds.min.y - my, m.bounds.max.y + my))};
        int expected = -1;
        for (size_t a = world_rings.size(); a-- > 0 && expected < 0;) {
            Rings all;
            for (const Rings& poly : world_rings[a]) all.insert(all.end(), poly.begin(), poly.end());
            if (ReferenceInside(all, p)) expected = static_cast<int>(a);
        }
        const int got = m.HitTest(p);
        if (got != expected) ++mismatches;
        if (got != jcm::HitTestBruteForce(m.areas, p)) ++mismatches;
        if (expected >= 0) ++hits;
    }
    CHECK(mismatches == 0);
    return hits;
}

// The areas' rings as stored (projected, tidied), for the reference test.
std::vector<std::vector<Rings>> WorldRings(const jcm::MapGeometry& m) {
    std::vector<std::vector<Rings>> out;
    for (const jcm::AreaGeometry& g : m.areas) {
        std::vector<Rings> polys;
        for (const jcm::PolygonRange& p : g.polygons) {
            Rings rings;
            for (uint32_t r = 0; r < p.ring_count; ++r) {
                const jcm::RingRange rr = g.rings[p.first_ring + r];
                rings.emplace_back(g.vertices.begin() + rr.start, g.vertices.begin() + rr.start + rr.count);
            }
            polys.push_back(rings);
        }
        out.push_back(polys);
    }
    return out;
}

jcm::Dataset HitShapes() {
    jcm::Dataset data;
    Ring u = UShape();
    Ring comb = Comb(6);
    for (Vec2& v : comb) v = {v.x * 0.3f + 3.5f, v.y * 0.4f};
    data.areas.push_back(MakeArea({{u}}));
    data.areas.push_back(MakeArea({{comb}}));
    data.areas.push_back(MakeArea({{Square(0, 4, 4), Square(0.5f, 4.5f, 1), Square(2, 6, 1.5f)}}));
    data.areas.push_back(MakeArea({{Star(400, 9, 6, 6, 1.5f)}, {Square(5, 3, 0.5f)}}));
    // An area inside the first hole of area 2 and one overlapping area 0 (drawn later: wins).
    data.areas.push_back(MakeArea({{Square(0.6f, 4.6f, 0.5f)}}));
    data.areas.push_back(MakeArea({{Star(50, 77, 1.5f, 0.5f, 0.8f)}}));
    return data;
}

}  // namespace

TEST_CASE("hit index: agrees with brute-force point-in-polygon on 10,000 random points") {
    const jcm::Dataset data = HitShapes();
    const jcm::MapGeometry m = jcm::BuildMapGeometry(data);
    const int hits = CheckHitsAgainstReference(m, WorldRings(m), 10000, 2020);
    CHECK(hits > 2000);  // the shapes cover a good part of the bounds
    CHECK(m.hit_index.CellCount() > 100);

    // Holes are not hits; the vertex-free areas are never hit.
    const Vec2 in_hole = m.projection.Forward({2.75, 6.75});  // area 2's second hole
    CHECK(m.HitTest(in_hole) == -1);
    CHECK(m.HitTest(m.projection.Forward({0.85, 4.85})) == 4);  // the area in area 2's first hole
    CHECK(m.HitTest({1e9f, 0}) == -1);
    CHECK(m.HitTest({NAN, NAN}) == -1);
}

TEST_CASE("hit index: same answers with a coarse grid, a single cell and a fine grid") {
    const jcm::Dataset data = HitShapes();
    for (double cells_per_edge : {0.0, 0.01, 0.3, 8.0}) {
        jcm::GeometryOptions opt;
        opt.hit_cells_per_edge = cells_per_edge;
        const jcm::MapGeometry m = jcm::BuildMapGeometry(data, opt);
        CheckHitsAgainstReference(m, WorldRings(m), 3000, 7);
    }
    jcm::GeometryOptions one;
    one.max_hit_cells = 1;
    const jcm::MapGeometry m = jcm::BuildMapGeometry(data, one);
    CHECK(m.hit_index.CellCount() == 1);
    CheckHitsAgainstReference(m, WorldRings(m), 3000, 8);
}

TEST_CASE("hit index: long edges across the whole map do not list each edge in every cell they cross") {
    // Many thin slivers spanning the full width (spikes, a flat map): with a grid as fine as the
    // edge count asks, each edge would cross thousands of columns.
    jcm::Dataset data;
    for (int i = 0; i < 400; ++i) {
        const float y = static_cast<float>(i) * 0.001f;
        data.areas.push_back(MakeArea({{Ring{{0, y}, {40, y}, {40, y + 0.0005f}, {0, y + 0.0005f}}}}));
    }
    jcm::GeometryOptions opt;
    opt.hit_cells_per_edge = 8.0;
    const jcm::MapGeometry m = jcm::BuildMapGeometry(data, opt);
    CHECK(m.hit_index.EdgeRefCount() <= static_cast<size_t>(std::max(65536.0, 16.0 * 1600) * 1.5));
    CheckHitsAgainstReference(m, WorldRings(m), 3000, 9);

    // Made in steps (as a big map's is, between frames), an area a step: the coarser grid is
    // found in a pass per halving, and the index is the one made at once.
    jcm::HitIndexBuilder builder(m.bounds, opt);
    int steps = 1;
    while (!builder.Step(m.areas, 4)) ++steps;
    CHECK(steps > 4 * 400);  // the size in more than one pass (then 3 more passes)
    CHECK(steps % 400 == 0);
    const jcm::HitIndex stepped = builder.Finish();
    CHECK(stepped.CellCount() == m.hit_index.CellCount());
    CHECK(stepped.EdgeRefCount() == m.hit_index.EdgeRefCount());
    for (int k = 0; k <= 200; ++k) {
        const float t = static_cast<float>(k) / 200.0f;
        const Vec2 p{m.bounds.min.x + t * m.bounds.Width(), m.bounds.min.y + (1 - t) * m.bounds.Height()};
        CHECK(stepped.Query(m.areas, p) == m.hit_index.Query(m.areas, p));
    }
}

TEST_CASE("hit index: empty dataset and zero-height geometry") {
    const jcm::MapGeometry empty = jcm::BuildMapGeometry(jcm::Dataset{});
    CHECK(empty.HitTest({0, 0}) == -1);
    CHECK(empty.areas.empty());
    jcm::Dataset flat;
    flat.areas.push_back(MakeArea({{Ring{{0, 0}, {1, 0}, {2, 0}}}}));
    const jcm::MapGeometry m = jcm::BuildMapGeometry(flat);
    CHECK(m.HitTest({0, 0}) == -1);
    CHECK(m.areas[0].indices.empty());
}

// ---- 6. the real-world fixture ------------------------------------------------------------------

namespace {

// Reads the fixture's outer rings as areas; fails the test (and returns none) if unreadable.
jcm::Dataset LoadFixture() {
    jcm::Dataset data;
    const std::string path = std::string(JCM_SOURCE_DIR) + "/tests/fixtures/geometry/jining-two-districts.geojson";
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::stringstream ss;
    ss << in.rdbuf();
    const nlohmann::json doc = nlohmann::json::parse(ss.str(), nullptr, false);
    REQUIRE_FALSE(doc.is_discarded());
    REQUIRE(doc.is_object());
    const auto features = doc.find("features");
    REQUIRE(features != doc.end());
    REQUIRE(features->is_array());
    for (const nlohmann::json& f : *features) {
        REQUIRE(f.is_object());
        REQUIRE(f.contains("geometry"));
        const nlohmann::json& g = f["geometry"];
        REQUIRE(g.is_object());
        REQUIRE(g.contains("coordinates"));
        const nlohmann::json& coords = g["coordinates"];
        REQUIRE(coords.is_array());
        jcm::Area area;
        jcm::Polygon poly;
        for (const nlohmann::json& ring : coords) {
            REQUIRE(ring.is_array());
            std::vector<jcm::LonLat> ll;
            for (const nlohmann::json& pt : ring) {
                REQUIRE(pt.is_array());
                REQUIRE(pt.size() >= 2);
                REQUIRE(pt[0].is_number());
                REQUIRE(pt[1].is_number());
                ll.push_back({pt[0].get<double>(), pt[1].get<double>()});
            }
            if (ll.size() > 1 && ll.front().lon == ll.back().lon && ll.front().lat == ll.back().lat) ll.pop_back();
            poly.rings.push_back(ll);
        }
        area.polygons.push_back(poly);
        data.areas.push_back(area);
    }
    return data;
}

}  // namespace

TEST_CASE("fixture: two real Jining districts triangulate to their shoelace areas, labels inside, hits agree") {
    const jcm::Dataset data = LoadFixture();
    REQUIRE(data.areas.size() == 2);
    const jcm::MapGeometry m = jcm::BuildMapGeometry(data);
    for (const jcm::AreaGeometry& g : m.areas) {
        REQUIRE(g.rings.size() == 1);
        CHECK(g.triangulated);
        const double shoelace = std::fabs(jcm::RingSignedArea(g.vertices.data(), g.rings[0]));
        const double tri = jcm::TrianglesArea(g.vertices.data(), g.indices);
        CHECK(std::fabs(tri - shoelace) <= 1e-6 * shoelace);
        CHECK(g.indices.size() / 3 <= g.rings[0].count - 2);  // collinear points need no triangle
        CHECK(jcm::PointInArea(g, g.label));
        CHECK(g.label_clearance > 0.01f);  // ~1 km: both districts have room for a label
    }
    // Random points over both districts (they share a 129-point border).
    CheckHitsAgainstReference(m, WorldRings(m), 10000, 370811);
}

namespace {
// The shipped dataset, loaded as the app loads it.
jcm::LoadResult LoadShippedData() {
    std::ifstream in(std::string(JCM_SOURCE_DIR) + "/data/campaign.json", std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    jcm::LoadResult loaded = jcm::LoadDataset(ss.str(), "campaign.json");
    REQUIRE(loaded.Ok());
    return loaded;
}
}  // namespace

// The app builds a big map across frames (ui/app.cpp, StepLoading): every step size must give
// what BuildMapGeometry gives in one go.
TEST_CASE("MapGeometryBuilder: any step size gives BuildMapGeometry's geometry, progress rising to 1") {
    const jcm::LoadResult loaded = LoadShippedData();
    const jcm::Dataset& data = loaded.data;
    const jcm::MapGeometry whole = jcm::BuildMapGeometry(data);
    for (size_t budget : {size_t{1}, size_t{500}, size_t{3000}, static_cast<size_t>(-1)}) {
        CAPTURE(budget);
        jcm::MapGeometryBuilder builder(data);
        CHECK(builder.Progress() == 0.0);
        double last = 0;
        int steps = 0;
        bool done = false;
        while (!done) {
            done = builder.Step(budget);
            ++steps;
            CHECK(builder.Progress() >= last);
            last = builder.Progress();
            REQUIRE(steps <= static_cast<int>(data.areas.size()));
        }
        CHECK(last == 1.0);
        if (budget == 1) CHECK(steps == static_cast<int>(data.areas.size()));  // one area per step
        if (budget == static_cast<size_t>(-1)) CHECK(steps == 1);
        const jcm::MapGeometry m = builder.Finish();
        REQUIRE(m.areas.size() == whole.areas.size());
        for (size_t i = 0; i < m.areas.size(); ++i) {
            const jcm::AreaGeometry& a = m.areas[i];
            const jcm::AreaGeometry& b = whole.areas[i];
            CHECK(a.vertices.size() == b.vertices.size());
            CHECK(std::equal(a.vertices.begin(), a.vertices.end(), b.vertices.begin(), b.vertices.end(),
                             [](Vec2 p, Vec2 q) { return p.x == q.x && p.y == q.y; }));
            CHECK(a.indices == b.indices);
            CHECK(a.label.x == b.label.x);
            CHECK(a.label.y == b.label.y);
        }
        CHECK(m.by_size_desc == whole.by_size_desc);
        CHECK(m.max_area_vertices == whole.max_area_vertices);
        for (int k = 0; k <= 40; ++k) {  // the hit index too, on a diagonal sweep of the bounds
            const float t = static_cast<float>(k) / 40.0f;
            const Vec2 p{m.bounds.min.x + t * m.bounds.Width(), m.bounds.min.y + t * m.bounds.Height()};
            CHECK(m.HitTest(p) == whole.HitTest(p));
        }
    }
}

// A big load draws its map before the names and the hit index are made (GeometryOptions::
// defer_labels; MapGeometryFinisher afterwards, both in slices): meanwhile a hit test still answers
// (by brute force) and says what the index will; finished, it is BuildMapGeometry's geometry.
TEST_CASE("MapGeometryFinisher: names and the hit index after the map, as BuildMapGeometry makes them") {
    const jcm::LoadResult loaded = LoadShippedData();
    const jcm::Dataset& data = loaded.data;
    const jcm::MapGeometry whole = jcm::BuildMapGeometry(data);
    for (size_t budget : {size_t{1}, size_t{2000}, static_cast<size_t>(-1)}) {
        CAPTURE(budget);
        jcm::GeometryOptions options;
        options.defer_labels = true;
        jcm::MapGeometryBuilder builder(data, options);
        while (!builder.Step(budget)) {
        }
        jcm::MapGeometry m = builder.Finish();
        CHECK_FALSE(m.indexed);
        CHECK_FALSE(m.labelled);
        CHECK(m.hit_index.CellCount() == 0);
        for (const jcm::AreaGeometry& a : m.areas) CHECK_FALSE(a.has_label);
        auto same_hits = [&] {
            for (int k = 0; k <= 40; ++k) {
                const float t = static_cast<float>(k) / 40.0f;
                const Vec2 p{m.bounds.min.x + t * m.bounds.Width(), m.bounds.min.y + (1 - t) * m.bounds.Height()};
                CHECK(m.HitTest(p) == whole.HitTest(p));
            }
        };
        same_hits();  // brute force
        jcm::MapGeometryFinisher finisher(builder.Options());
        int index_steps = 0, label_steps = 0;
        while (true) {
            (m.indexed ? label_steps : index_steps) += 1;
            REQUIRE(index_steps + label_steps <= 5 * static_cast<int>(data.areas.size()));
            if (finisher.Step(m, budget)) break;
            CHECK_FALSE(m.labelled);
            if (!m.indexed) same_hits();  // brute force while the index is made
        }
        if (budget == 1) {
            // The index in passes over the areas, an area a step: its grid's size (one pass
            // here), the edges each cell lists (counted, then listed), the outlines' crossings of
            // the rows. Then the names, an area a step.
            CHECK(index_steps == 4 * static_cast<int>(data.areas.size()));
            CHECK(label_steps == static_cast<int>(data.areas.size()));
        }
        if (budget == static_cast<size_t>(-1)) {  // the index in one step, the names in the next
            CHECK(index_steps == 1);
            CHECK(label_steps == 1);
        }
        CHECK(m.indexed);
        CHECK(m.labelled);
        CHECK(finisher.Step(m, budget));  // done stays done
        same_hits();  // the index
        REQUIRE(m.areas.size() == whole.areas.size());
        for (size_t i = 0; i < m.areas.size(); ++i) {
            const jcm::AreaGeometry& a = m.areas[i];
            const jcm::AreaGeometry& b = whole.areas[i];
            CHECK(a.has_label == b.has_label);
            CHECK(a.label.x == b.label.x);
            CHECK(a.label.y == b.label.y);
            CHECK(a.label_clearance == b.label_clearance);
            CHECK(a.area == b.area);
        }
        CHECK(m.by_size_desc == whole.by_size_desc);
        CHECK(m.hit_index.CellCount() == whole.hit_index.CellCount());
        CHECK(m.hit_index.EdgeRefCount() == whole.hit_index.EdgeRefCount());
    }
}

// Labels are found on outlines simplified by 0.5% of the polygon's size (geometry.cpp LabelFor):
// the point must be inside the real outline, its clearance measured on it, and within that
// tolerance of the best clearance the exact search finds.
TEST_CASE("labels: found on a simplified outline, inside the real one, nearly as roomy as the exact pole") {
    const jcm::LoadResult loaded = LoadShippedData();
    const jcm::MapGeometry m = jcm::BuildMapGeometry(loaded.data);  // the default: simplified
    jcm::GeometryOptions exact_options;
    exact_options.simplified_labels_from = SIZE_MAX;
    const jcm::MapGeometry exact_map = jcm::BuildMapGeometry(loaded.data, exact_options);
    size_t moved = 0;
    for (size_t i = 0; i < m.areas.size(); ++i) moved += m.areas[i].label.x != exact_map.areas[i].label.x;
    CHECK(moved > 0);  // the option does change the search
    int checked = 0, polygons = 0;
    for (const jcm::AreaGeometry& g : m.areas) {
        if (g.polygons.empty()) continue;  // a marker (a functional zone)
        ++polygons;
        // The label's polygon: the one containing the label.
        for (const jcm::PolygonRange& p : g.polygons) {
            const jcm::RingRange* rings = g.rings.data() + p.first_ring;
            const double d = jcm::SignedDistanceToPolygon(g.vertices.data(), rings, p.ring_count, g.label.x, g.label.y);
            if (d <= 0) continue;
            jcm::WorldRect pb;
            for (uint32_t k = 0; k < rings[0].count; ++k) pb.Extend(g.vertices[rings[0].start + k]);
            const double size = std::max(pb.Width(), pb.Height());
            const jcm::LabelPoint exact = jcm::PoleOfInaccessibility(g.vertices.data(), rings, p.ring_count, 1e-3 * size);
            CHECK(std::fabs(g.label_clearance - d) <= 1e-6 * size);  // measured on the real outline
            CHECK(g.label_clearance >= exact.distance - 0.006 * size);
            ++checked;
        }
    }
    CHECK(polygons == 11);
    CHECK(checked == polygons);  // every area with an outline has its label inside
}

// A big map's full-detail fill triangles are made only when the map layer needs them
// (GeometryOptions::deferred_fills_from): then they are the ones a build at load makes, and fit
// the room MaxFillIndices gives them.
TEST_CASE("geometry: deferred fills are made later exactly as at load, within their bound") {
    const jcm::LoadResult loaded = LoadShippedData();
    jcm::GeometryOptions options;
    options.deferred_fills_from = 0;  // as on a big map
    const jcm::MapGeometry deferred = jcm::BuildMapGeometry(loaded.data, options);
    const jcm::MapGeometry at_load = jcm::BuildMapGeometry(loaded.data);
    CHECK(deferred.fills_deferred);
    CHECK_FALSE(at_load.fills_deferred);
    REQUIRE(deferred.areas.size() == at_load.areas.size());
    jcm::Triangulator tri;
    std::vector<uint32_t> made;
    size_t triangles = 0;
    for (size_t i = 0; i < deferred.areas.size(); ++i) {
        const jcm::AreaGeometry& d = deferred.areas[i];
        const jcm::AreaGeometry& a = at_load.areas[i];
        CHECK(d.indices.empty());
        CHECK(d.vertices.size() == a.vertices.size());
        CHECK(d.label.x == a.label.x);  // everything else as at load
        CHECK(d.area == a.area);
        CHECK(jcm::TriangulateArea(d, tri, made) == a.triangulated);
        CHECK(made == a.indices);
        CHECK(made.size() <= jcm::MaxFillIndices(d));
        triangles += made.size() / 3;
    }
    CHECK(triangles > 8000);  // Jining's districts: about as many triangles as vertices
    // The bound is exact for a polygon without holes (n - 2 triangles) and one with a hole (n + 2 - 2).
    jcm::AreaGeometry square;
    square.vertices = {{0, 0}, {4, 0}, {4, 4}, {0, 4}, {1, 1}, {1, 3}, {3, 3}, {3, 1}};
    square.rings = {{0, 4}, {4, 4}};
    square.polygons = {jcm::PolygonRange{0, 2, 0, 0}};
    CHECK(jcm::TriangulateArea(square, tri, made));
    CHECK(made.size() == jcm::MaxFillIndices(square));
    CHECK(made.size() == 3 * 8);
}
