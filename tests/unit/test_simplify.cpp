// Outline levels (core/simplify.h): what is drawn zoomed out stays within the level's tolerance
// of every vertex, coarser levels keep fewer vertices (and a subset of the finer level's), rings
// never collapse, and the map draws the coarsest level under half a pixel.
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <random>
#include <set>
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

namespace {

// A map of cells in a grid, sharing wiggly borders vertex for vertex (as neighbouring districts
// do), plus an island in a hole of the first cell that fills it exactly (an enclave): every kind
// of ring FindBorderNodes has to cut.
struct GridMap {
    std::vector<jcm::AreaGeometry> areas;
    std::vector<jcm::Vec2> outline;  // the outer boundary of the whole map, in order
};

GridMap MakeGridMap(int cols, int rows, int per_border, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> wiggle(-0.1f, 0.1f);
    auto border = [&](jcm::Vec2 a, jcm::Vec2 b) {  // from a to b, both ends included
        std::vector<jcm::Vec2> line{a};
        const float nx = -(b.y - a.y), ny = b.x - a.x;
        for (int k = 1; k <= per_border; ++k) {
            // Jagged, but inside a narrow lens between its ends: borders never cross each other.
            const float t = static_cast<float>(k) / static_cast<float>(per_border + 1), w = wiggle(rng) * std::sin(3.14159265f * t);
            line.push_back({a.x + t * (b.x - a.x) + w * nx, a.y + t * (b.y - a.y) + w * ny});
        }
        line.push_back(b);
        return line;
    };
    auto node = [](int c, int r) { return jcm::Vec2{static_cast<float>(c), static_cast<float>(r)}; };
    std::vector<std::vector<std::vector<jcm::Vec2>>> h(static_cast<size_t>(rows + 1)), v(static_cast<size_t>(rows));
    for (int r = 0; r <= rows; ++r)
        for (int c = 0; c < cols; ++c) h[r].push_back(border(node(c, r), node(c + 1, r)));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c <= cols; ++c) v[r].push_back(border(node(c, r), node(c, r + 1)));
    auto append = [](std::vector<jcm::Vec2>& ring, const std::vector<jcm::Vec2>& line, bool reversed) {
        for (size_t k = 0; k + 1 < line.size(); ++k) ring.push_back(reversed ? line[line.size() - 1 - k] : line[k]);
    };
    GridMap m;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            jcm::AreaGeometry a;
            append(a.vertices, h[r][c], false);
            append(a.vertices, v[r][c + 1], false);
            append(a.vertices, h[r + 1][c], true);
            append(a.vertices, v[r][c], true);
            a.rings = {{0, static_cast<uint32_t>(a.vertices.size())}};
            a.polygons = {jcm::PolygonRange{0, 1, 0, 0}};
            m.areas.push_back(a);
        }
    }
    // The island: a wiggly ring inside cell 0, its hole there; the two copies run opposite ways.
    std::vector<jcm::Vec2> island = WigglyRing(200, seed + 7);
    for (jcm::Vec2& p : island) p = {0.5f + 0.15f * p.x, 0.5f + 0.15f * p.y};
    jcm::AreaGeometry& first = m.areas[0];
    first.rings.push_back({static_cast<uint32_t>(first.vertices.size()), static_cast<uint32_t>(island.size())});
    first.vertices.insert(first.vertices.end(), island.rbegin(), island.rend());
    first.polygons = {jcm::PolygonRange{0, 2, 0, 0}};
    jcm::AreaGeometry enclave;
    enclave.vertices = island;
    enclave.rings = {{0, static_cast<uint32_t>(island.size())}};
    enclave.polygons = {jcm::PolygonRange{0, 1, 0, 0}};
    m.areas.push_back(enclave);
    for (int c = 0; c < cols; ++c) append(m.outline, h[0][c], false);
    for (int r = 0; r < rows; ++r) append(m.outline, v[r][cols], false);
    for (int c = cols - 1; c >= 0; --c) append(m.outline, h[rows][c], true);
    for (int r = rows - 1; r >= 0; --r) append(m.outline, v[r][0], true);
    return m;
}

using PointSet = std::set<std::pair<float, float>>;

PointSet Points(const std::vector<jcm::Vec2>& v) {
    PointSet s;
    for (const jcm::Vec2& p : v) s.insert({p.x, p.y});
    return s;
}

double TriangleArea(const jcm::SimplifiedArea& s) {
    double sum = 0;
    for (size_t t = 0; t + 2 < s.indices.size(); t += 3) {
        const jcm::Vec2 p = s.vertices[s.indices[t]], q = s.vertices[s.indices[t + 1]], r = s.vertices[s.indices[t + 2]];
        sum += std::fabs((static_cast<double>(q.x) - p.x) * (r.y - p.y) - (static_cast<double>(r.x) - p.x) * (q.y - p.y)) / 2;
    }
    return sum;
}

// The number of neighbour pairs whose simplified copies of their shared points differ.
int MismatchedBorders(const std::vector<jcm::AreaGeometry>& areas, const std::vector<jcm::SimplifiedArea>& simple) {
    int mismatched = 0;
    std::vector<PointSet> all, kept;
    std::vector<jcm::WorldRect> box(areas.size());
    for (size_t i = 0; i < areas.size(); ++i) {
        all.push_back(Points(areas[i].vertices));
        kept.push_back(Points(simple[i].vertices));
        for (const jcm::Vec2& p : areas[i].vertices) box[i].Extend(p);
    }
    for (size_t i = 0; i < areas.size(); ++i) {
        const PointSet &all_i = all[i], &kept_i = kept[i];
        for (size_t j = i + 1; j < areas.size(); ++j) {
            if (box[i].max.x < box[j].min.x || box[j].max.x < box[i].min.x || box[i].max.y < box[j].min.y || box[j].max.y < box[i].min.y)
                continue;  // apart: nothing shared
            PointSet shared, a, b;
            const PointSet &all_j = all[j], &kept_j = kept[j];
            std::set_intersection(all_i.begin(), all_i.end(), all_j.begin(), all_j.end(), std::inserter(shared, shared.end()));
            if (shared.empty()) continue;
            std::set_intersection(kept_i.begin(), kept_i.end(), shared.begin(), shared.end(), std::inserter(a, a.end()));
            std::set_intersection(kept_j.begin(), kept_j.end(), shared.begin(), shared.end(), std::inserter(b, b.end()));
            mismatched += a != b;
        }
    }
    return mismatched;
}

}  // namespace

TEST_CASE("simplify: neighbours keep identical shared borders at every level, and their fills leave no gap") {
    const GridMap m = MakeGridMap(5, 4, 60, 11);
    const jcm::BorderNodes nodes = jcm::FindBorderNodes(m.areas);
    REQUIRE(nodes.of_area.size() == m.areas.size());
    // Where two cells' borders meet the map's edge is a node; the map's corner (on one ring only,
    // the outer border going on through it) is not; the island has none.
    CHECK(nodes.of_area[0][61] == 1);
    CHECK(nodes.of_area[0][0] == 0);
    CHECK(std::count(nodes.of_area.back().begin(), nodes.of_area.back().end(), 1) == 0);
    jcm::Triangulator tri;
    std::vector<uint32_t> keep, scratch;
    size_t previous = 0;
    for (const jcm::AreaGeometry& a : m.areas) previous += a.vertices.size();
    for (float tol : {0.001f, 0.004f, 0.016f, 0.064f, 0.25f, 1.0f}) {
        CAPTURE(tol);
        std::vector<jcm::SimplifiedArea> simple(m.areas.size());
        size_t vertices = 0;
        double fills = 0;
        for (size_t i = 0; i < m.areas.size(); ++i) {
            REQUIRE(jcm::SimplifyArea(m.areas[i], tol, tri, &simple[i], &keep, &scratch, nodes.of_area[i].data()));
            vertices += simple[i].vertices.size();
            fills += TriangleArea(simple[i]);
            for (size_t r = 0; r < m.areas[i].rings.size(); ++r) {
                // Never collapses; every vertex within the tolerance of its simplified ring.
                const jcm::RingRange ring = m.areas[i].rings[r];
                const std::vector<jcm::Vec2> original(m.areas[i].vertices.begin() + ring.start,
                                                      m.areas[i].vertices.begin() + ring.start + ring.count);
                jcm::SimplifyRingAtNodes(original.data(), nodes.of_area[i].data() + ring.start, ring.count, tol, &keep, &scratch);
                REQUIRE(keep.size() >= 3);
                CHECK(std::is_sorted(keep.begin(), keep.end()));
                CHECK(WorstError(original, keep) <= tol * 1.0001f);
            }
        }
        CHECK(MismatchedBorders(m.areas, simple) == 0);
        CHECK(vertices <= previous);  // fewer (or as many) with each coarser level
        previous = vertices;
        // No gap and no overlap: the fills add up to the area inside the map's simplified outline
        // (its points that the areas kept, in order).
        PointSet kept;
        for (const jcm::SimplifiedArea& s : simple)
            for (const jcm::Vec2& p : s.vertices) kept.insert({p.x, p.y});
        double outline = 0;
        std::vector<jcm::Vec2> ring;
        for (const jcm::Vec2& p : m.outline)
            if (kept.count({p.x, p.y})) ring.push_back(p);
        for (size_t k = 0; k < ring.size(); ++k) {
            const jcm::Vec2 p = ring[k], q = ring[(k + 1) % ring.size()];
            outline += static_cast<double>(p.x) * q.y - static_cast<double>(q.x) * p.y;
        }
        CHECK(fills == doctest::Approx(std::fabs(outline) / 2).epsilon(1e-5));
    }
    CHECK(previous < m.areas.size() * 20);  // the coarsest level: a handful of vertices per area
    // What the nodes are for: ring by ring, neighbours' copies of a border come out different.
    std::vector<jcm::SimplifiedArea> alone(m.areas.size());
    for (size_t i = 0; i < m.areas.size(); ++i) jcm::SimplifyArea(m.areas[i], 0.064f, tri, &alone[i], &keep, &scratch);
    CHECK(MismatchedBorders(m.areas, alone) > 0);
}

TEST_CASE("simplify: a ring with no node, read either way round, keeps the same points") {
    const std::vector<jcm::Vec2> ring = WigglyRing(500, 21);
    std::vector<jcm::Vec2> reversed(ring.rbegin(), ring.rend());
    std::rotate(reversed.begin(), reversed.begin() + 123, reversed.end());
    const std::vector<uint8_t> none(ring.size(), 0);
    std::vector<uint32_t> keep, scratch;
    for (float tol : {0.002f, 0.02f, 0.2f, 5.0f}) {
        CAPTURE(tol);
        jcm::SimplifyRingAtNodes(ring.data(), none.data(), static_cast<uint32_t>(ring.size()), tol, &keep, &scratch);
        REQUIRE(keep.size() >= 3);
        PointSet a;
        for (uint32_t k : keep) a.insert({ring[k].x, ring[k].y});
        jcm::SimplifyRingAtNodes(reversed.data(), none.data(), static_cast<uint32_t>(reversed.size()), tol, &keep, &scratch);
        PointSet b;
        for (uint32_t k : keep) b.insert({reversed[k].x, reversed[k].y});
        CHECK(a == b);
    }
}

TEST_CASE("simplify: border nodes of a map too big to sort at once (found in passes) are the same") {
    const GridMap m = MakeGridMap(20, 16, 300, 5);
    size_t total = 0;
    for (const jcm::AreaGeometry& a : m.areas) total += a.vertices.size();
    REQUIRE(total > (size_t{1} << 18));  // more than one pass
    const jcm::BorderNodes nodes = jcm::FindBorderNodes(m.areas);
    // Every grid point where cells meet, and nothing else, is a node: (cols + 1) x (rows + 1)
    // grid points less the map's four corners, each counted once per cell around it.
    size_t flagged = 0;
    for (const auto& area : nodes.of_area) flagged += static_cast<size_t>(std::count(area.begin(), area.end(), 1));
    const size_t inner = 19 * 15 * 4, edge = 2 * (19 + 15) * 2;
    CHECK(flagged == inner + edge);
    jcm::Triangulator tri;
    std::vector<uint32_t> keep, scratch;
    std::vector<jcm::SimplifiedArea> simple(m.areas.size());
    for (size_t i = 0; i < m.areas.size(); ++i)
        REQUIRE(jcm::SimplifyArea(m.areas[i], 0.05f, tri, &simple[i], &keep, &scratch, nodes.of_area[i].data()));
    CHECK(MismatchedBorders(m.areas, simple) == 0);
}

TEST_CASE("simplify: border nodes of a map where nothing is shared: none but where a ring passes a point twice") {
    // First, a figure of eight: one ring through its middle point twice, with other neighbours each
    // time (its node is found before the table grows, and must survive that).
    jcm::AreaGeometry eight;
    eight.vertices = {{-1, 5}, {0, 5}, {1, 6}, {2, 5}, {1, 4}, {0, 5}, {-1, 6}, {-2, 5}};
    eight.rings = {{0, 8}};
    std::vector<jcm::AreaGeometry> areas{eight};
    // 262 islands of 1,000 points each: one pass, every point on one ring only, so the search's
    // table (a slot a vertex, for maps whose neighbours share borders) has to grow.
    for (int i = 0; i < 262; ++i) {
        jcm::AreaGeometry a;
        for (int k = 0; k < 1000; ++k) {
            const float t = 6.2831853f * static_cast<float>(k) / 1000.0f;
            a.vertices.push_back({static_cast<float>(i * 3) + std::cos(t), std::sin(t)});
        }
        a.rings = {{0, 1000}};
        areas.push_back(a);
    }
    size_t total = 0;
    for (const jcm::AreaGeometry& a : areas) total += a.vertices.size();
    REQUIRE(total <= (size_t{1} << 18));  // one pass
    const jcm::BorderNodes nodes = jcm::FindBorderNodes(areas);
    REQUIRE(nodes.of_area.size() == areas.size());
    size_t flagged = 0;
    for (size_t i = 1; i < areas.size(); ++i) flagged += static_cast<size_t>(std::count(nodes.of_area[i].begin(), nodes.of_area[i].end(), 1));
    CHECK(flagged == 0);
    CHECK(nodes.of_area[0] == std::vector<uint8_t>{0, 1, 0, 0, 0, 1, 0, 0});
}

namespace {
bool SameVertices(const std::vector<jcm::Vec2>& a, const std::vector<jcm::Vec2>& b) {
    if (a.size() != b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k)
        if (a[k].x != b[k].x || a[k].y != b[k].y) return false;
    return true;
}
}  // namespace

TEST_CASE("simplify: a level built a share at a time is the level built at once") {
    const GridMap m = MakeGridMap(5, 4, 60, 11);
    const jcm::BorderNodes nodes = jcm::FindBorderNodes(m.areas);
    const float tol = 0.016f;
    jcm::Triangulator tri;
    std::vector<uint32_t> keep, scratch;
    std::vector<jcm::SimplifiedArea> once(m.areas.size());
    size_t kept = 0;
    for (size_t i = 0; i < m.areas.size(); ++i) {
        jcm::SimplifyArea(m.areas[i], tol, tri, &once[i], &keep, &scratch, nodes.of_area[i].data());
        kept += once[i].vertices.size();
    }
    // Shares of one area (1 vertex: at least one area a step), a few, and all at once.
    for (size_t share : {size_t{1}, size_t{150}, size_t{1} << 30}) {
        CAPTURE(share);
        jcm::LevelSimplifier level(m.areas, &nodes, tol);
        size_t steps = 1;
        while (!level.Step(share)) {
            ++steps;
            REQUIRE(steps <= m.areas.size());  // every step does some
        }
        if (share == 1) CHECK(steps == m.areas.size());
        if (share > 100000) CHECK(steps == 1);
        CHECK(level.Kept() == kept);
        const std::vector<jcm::SimplifiedArea> sliced = level.Take();
        REQUIRE(sliced.size() == once.size());
        for (size_t i = 0; i < once.size(); ++i) {
            CHECK(SameVertices(sliced[i].vertices, once[i].vertices));
            CHECK(sliced[i].indices == once[i].indices);
            REQUIRE(sliced[i].rings.size() == once[i].rings.size());
            for (size_t r = 0; r < once[i].rings.size(); ++r) {
                CHECK(sliced[i].rings[r].start == once[i].rings[r].start);
                CHECK(sliced[i].rings[r].count == once[i].rings[r].count);
            }
        }
    }
    // Without border nodes (or with another map's), each ring on its own, as SimplifyArea without.
    jcm::LevelSimplifier alone(m.areas, nullptr, tol);
    while (!alone.Step(1000)) {}
    const std::vector<jcm::SimplifiedArea> a = alone.Take();
    jcm::SimplifiedArea first;
    jcm::SimplifyArea(m.areas[0], tol, tri, &first, &keep, &scratch);
    CHECK(SameVertices(a[0].vertices, first.vertices));
    const jcm::BorderNodes none;
    jcm::LevelSimplifier mismatched(m.areas, &none, tol);
    while (!mismatched.Step(1000)) {}
    CHECK(SameVertices(mismatched.Take()[0].vertices, first.vertices));
}

TEST_CASE("simplify: while a level is built, the nearest one built is drawn, a finer one before a coarser one") {
    using jcm::NearestBuiltLevel;
    CHECK(NearestBuiltLevel({false, false, false, false, false}, 2) == -1);  // none: the first is built at once
    CHECK(NearestBuiltLevel({false, false, true, false, false}, 2) == 2);    // itself
    CHECK(NearestBuiltLevel({true, false, false, false, false}, 3) == 0);    // zoomed in from the fitted view
    CHECK(NearestBuiltLevel({true, false, true, false, false}, 1) == 2);     // as near: the finer one
    CHECK(NearestBuiltLevel({true, false, false, true, false}, 1) == 0);     // the nearer
    CHECK(NearestBuiltLevel({false, false, false, true, true}, 0) == 3);     // zoomed out
    CHECK(NearestBuiltLevel({true}, 0) == 0);
    CHECK(NearestBuiltLevel({}, 0) == -1);
}
