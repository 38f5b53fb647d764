// Outline levels (core/simplify.h): what is drawn zoomed out stays within the level's tolerance
// of every vertex, coarser levels keep fewer vertices (and a subset of the finer level's), rings
// never collapse, and the map draws the coarsest level under half a pixel.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "core/simplify.h"

namespace {

std::vector<jcm::Vec2> WigglyRing(uint32_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> noise(-0.02f, 0.02f);
    std::vector<jcm::Vec2> ring;
    for (uint32_t i = 0; i < n; ++i) {
        const float t = 6.2831853f * static_cast<float>(i) / static_cast<float>(n);
        const float r = 1.0f + 0.2f * std::sin(7 * t) + noise(rng);
        ring.push_back({r * std::cos(t), r * std::sin(t)});
    }
    return ring;
}

float DistanceToSegment(jcm::Vec2 p, jcm::Vec2 a, jcm::Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return static_cast<float>(std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
}

// The largest distance from a vertex of `ring` to the closed polyline through ring[keep].
float WorstError(const std::vector<jcm::Vec2>& ring, const std::vector<uint32_t>& keep) {
    float worst = 0;
    for (const jcm::Vec2& p : ring) {
        float best = 1e30f;
        for (size_t k = 0; k < keep.size(); ++k)
            best = std::min(best, DistanceToSegment(p, ring[keep[k]], ring[keep[(k + 1) % keep.size()]]));
        worst = std::max(worst, best);
    }
    return worst;
}

}  // namespace

TEST_CASE("simplify: every vertex stays within the tolerance; coarser levels keep fewer, a subset of the finer") {
    std::vector<uint32_t> keep, finer, scratch;
    for (unsigned seed = 1; seed <= 5; ++seed) {
        const std::vector<jcm::Vec2> ring = WigglyRing(600 + 100 * seed, seed);
        finer.clear();
        for (uint32_t i = 0; i < ring.size(); ++i) finer.push_back(i);
        for (float tol : {0.001f, 0.004f, 0.016f, 0.064f, 0.256f}) {
            jcm::SimplifyRing(ring.data(), static_cast<uint32_t>(ring.size()), tol, &keep, &scratch);
            CAPTURE(seed);
            CAPTURE(tol);
            REQUIRE(keep.size() >= 3);
            CHECK(std::is_sorted(keep.begin(), keep.end()));
            CHECK(keep.front() == 0);
            CHECK(WorstError(ring, keep) <= tol * 1.0001f + 1e-6f);
            CHECK(keep.size() <= finer.size());
            CHECK(std::includes(finer.begin(), finer.end(), keep.begin(), keep.end()));  // nested levels
            finer = keep;
        }
        CHECK(finer.size() < ring.size() / 10);  // the coarsest keeps a few percent
    }
}

TEST_CASE("simplify: tolerance 0 and small rings keep every vertex; an almost flat ring keeps three") {
    std::vector<uint32_t> keep, scratch;
    const std::vector<jcm::Vec2> tri = {{0, 0}, {1, 0}, {0, 1}};
    jcm::SimplifyRing(tri.data(), 3, 10.0f, &keep, &scratch);
    CHECK(keep == std::vector<uint32_t>{0, 1, 2});
    const std::vector<jcm::Vec2> ring = WigglyRing(200, 9);
    jcm::SimplifyRing(ring.data(), 200, 0.0f, &keep, &scratch);
    CHECK(keep.size() == 200);
    std::vector<jcm::Vec2> flat;
    for (int i = 0; i < 50; ++i) flat.push_back({static_cast<float>(i), i == 20 ? 1e-4f : 0.0f});
    for (int i = 49; i > 0; --i) flat.push_back({static_cast<float>(i) - 0.5f, -1e-4f});
    jcm::SimplifyRing(flat.data(), static_cast<uint32_t>(flat.size()), 1.0f, &keep, &scratch);
    CHECK(keep.size() == 3);
}

TEST_CASE("simplify: the map draws the coarsest level whose tolerance is under half a pixel") {
    jcm::WorldRect bounds;
    bounds.Extend({0, 0});
    bounds.Extend({3, 4});  // diagonal 5
    const std::vector<float> tol = jcm::LevelTolerances(bounds);
    REQUIRE(tol.size() >= 3);
    CHECK(tol.back() == 0.0f);
    for (size_t k = 1; k < tol.size(); ++k) CHECK(tol[k] < tol[k - 1]);
    CHECK(jcm::ChooseLevel(tol, 10.0f) == 0);          // the whole map in ~50 px
    CHECK(jcm::ChooseLevel(tol, 1e9f) == static_cast<int>(tol.size()) - 1);  // deep zoom: every vertex
    for (float ppu : {50.0f, 300.0f, 1000.0f, 5000.0f}) {
        const int k = jcm::ChooseLevel(tol, ppu);
        CHECK(tol[static_cast<size_t>(k)] * ppu <= 0.5f);
        if (k > 0) CHECK(tol[static_cast<size_t>(k) - 1] * ppu > 0.5f);
    }
    CHECK(jcm::LevelTolerances(jcm::WorldRect{}) == std::vector<float>{0.0f});
}

TEST_CASE("simplify: a simplified area's triangles cover its simplified rings exactly, hole and all") {
    jcm::AreaGeometry a;
    const std::vector<jcm::Vec2> outer = WigglyRing(800, 3);
    std::vector<jcm::Vec2> hole = WigglyRing(300, 4);
    for (jcm::Vec2& v : hole) v = {v.x * 0.3f, v.y * 0.3f};
    std::reverse(hole.begin(), hole.end());
    a.vertices = outer;
    a.vertices.insert(a.vertices.end(), hole.begin(), hole.end());
    a.rings = {{0, 800}, {800, 300}};
    a.polygons = {jcm::PolygonRange{0, 2, 0, 0}};
    auto ring_area = [](const jcm::Vec2* v, uint32_t n) {
        double s = 0;
        for (uint32_t i = 0; i < n; ++i) {
            const jcm::Vec2 p = v[i], q = v[(i + 1) % n];
            s += static_cast<double>(p.x) * q.y - static_cast<double>(q.x) * p.y;
        }
        return std::fabs(s) / 2;
    };
    jcm::Triangulator tri;
    jcm::SimplifiedArea out;
    std::vector<uint32_t> keep, scratch;
    size_t previous = a.vertices.size() + 1;
    for (float tol : {0.0f, 0.002f, 0.01f, 0.05f}) {
        CAPTURE(tol);
        REQUIRE(jcm::SimplifyArea(a, tol, tri, &out, &keep, &scratch));
        REQUIRE(out.rings.size() == 2);
        CHECK(out.vertices.size() < previous);  // fewer with each level
        previous = out.vertices.size();
        double triangles = 0;
        for (size_t t = 0; t + 2 < out.indices.size(); t += 3) {
            const jcm::Vec2 p = out.vertices[out.indices[t]], q = out.vertices[out.indices[t + 1]], r = out.vertices[out.indices[t + 2]];
            triangles += std::fabs((static_cast<double>(q.x) - p.x) * (r.y - p.y) - (static_cast<double>(r.x) - p.x) * (q.y - p.y)) / 2;
        }
        const double rings = ring_area(out.vertices.data() + out.rings[0].start, out.rings[0].count) -
                             ring_area(out.vertices.data() + out.rings[1].start, out.rings[1].count);
        CHECK(triangles == doctest::Approx(rings).epsilon(1e-5));
        // ... and within the tolerance's band of the original area.
        const double perimeter = 2 * 3.1416 * (1.0 + 0.3);
        CHECK(std::fabs(rings - (ring_area(outer.data(), 800) - ring_area(hole.data(), 300))) <= tol * perimeter + 1e-6);
    }
}
