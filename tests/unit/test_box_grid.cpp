// BoxGrid (core/box_grid.h): the label placement's spatial index answers exactly as a scan of
// every box would, inside and outside the grid, at cell edges and for NaN.
#include <doctest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "core/box_grid.h"

namespace {

bool ScanOverlaps(const std::vector<jcm::Box>& v, const jcm::Box& b) {
    for (const jcm::Box& o : v)
        if (b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0) return true;
    return false;
}
bool ScanContains(const std::vector<jcm::Box>& v, float x, float y, bool inside) {
    for (const jcm::Box& o : v)
        if (inside ? (x > o.x0 && x < o.x1 && y > o.y0 && y < o.y1) : (x >= o.x0 && x <= o.x1 && y >= o.y0 && y <= o.y1)) return true;
    return false;
}

}  // namespace

TEST_CASE("box grid: every answer is the brute-force scan's, for boxes and points in and outside the grid") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> pos(-200.0f, 1500.0f), len(0.0f, 120.0f);
    jcm::BoxGrid grid;
    for (int round = 0; round < 20; ++round) {
        grid.Reset(0, 0, 1280, 800, round % 2 ? 32.0f : 50.0f);
        std::vector<jcm::Box> boxes;
        const int n = 1 + round * 10;
        for (int i = 0; i < n; ++i) {
            const float x = pos(rng), y = pos(rng) * 0.6f;
            boxes.push_back({x, y, x + len(rng), y + len(rng) * 0.5f});
            grid.Add(boxes.back());
        }
        REQUIRE(grid.size() == n);
        int overlaps = 0, contains = 0;
        for (int q = 0; q < 2000; ++q) {
            const float x = pos(rng), y = pos(rng) * 0.6f;
            const jcm::Box b{x, y, x + len(rng), y + len(rng) * 0.5f};
            const bool o = ScanOverlaps(boxes, b);
            CHECK(grid.Overlaps(b) == o);
            overlaps += o;
            const bool c = ScanContains(boxes, x, y, false);
            CHECK(grid.Contains(x, y) == c);
            CHECK(grid.ContainsInside(x, y) == ScanContains(boxes, x, y, true));
            contains += c;
        }
        if (round > 5) CHECK(overlaps > 0);  // the queries do find boxes
        if (round > 10) CHECK(contains > 0);
    }
}

TEST_CASE("box grid: edges touch without overlapping; a corner point is contained but not inside") {
    jcm::BoxGrid grid;
    grid.Reset(0, 0, 100, 100, 10);
    grid.Add({10, 10, 20, 20});
    CHECK_FALSE(grid.Overlaps({20, 10, 30, 20}));  // shares the edge x = 20
    CHECK(grid.Overlaps({19.5f, 19.5f, 30, 30}));
    CHECK(grid.Contains(20, 20));
    CHECK_FALSE(grid.ContainsInside(20, 20));
    CHECK(grid.ContainsInside(15, 15));
    const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
    CHECK_FALSE(grid.Contains(nan, nan));
    CHECK_FALSE(grid.Overlaps({nan, nan, nan, nan}));
    grid.Add({-inf, -inf, inf, inf});  // a box over everything is found everywhere
    CHECK(grid.Contains(5000, -5000));
    grid.Reset(0, 0, 100, 100, 10);
    CHECK(grid.size() == 0);
    CHECK_FALSE(grid.Contains(15, 15));
}
