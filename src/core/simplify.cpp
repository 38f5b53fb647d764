// simplify.cpp: see simplify.h.
#include "core/simplify.h"

#include <algorithm>
#include <cmath>

namespace jcm {
namespace {

float DistanceToSegment(Vec2 p, Vec2 a, Vec2 b) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len2 = dx * dx + dy * dy;
    float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0f;
    t = std::clamp(t, 0.0f, 1.0f);
    const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return std::sqrt(ex * ex + ey * ey);
}

}  // namespace

void SimplifyRing(const Vec2* ring, uint32_t count, float tolerance, std::vector<uint32_t>* keep, std::vector<uint32_t>* scratch) {
    keep->clear();
    if (count <= 3 || !(tolerance > 0)) {
        for (uint32_t i = 0; i < count; ++i) keep->push_back(i);
        return;
    }
    // Split the ring at vertex 0 and the vertex farthest from it; each half is a polyline.
    uint32_t far = 1;
    float far_d = -1;
    for (uint32_t i = 1; i < count; ++i) {
        const float dx = ring[i].x - ring[0].x, dy = ring[i].y - ring[0].y, d = dx * dx + dy * dy;
        if (d > far_d) far_d = d, far = i;
    }
    // Douglas-Peucker, without recursion: pairs (i, j) of kept vertices on `scratch`, j == count
    // meaning vertex 0 again. Kept vertices are marked in `keep` first as flags.
    keep->assign(count, 0);
    (*keep)[0] = (*keep)[far] = 1;
    scratch->clear();
    scratch->push_back(0), scratch->push_back(far);
    scratch->push_back(far), scratch->push_back(count);
    while (!scratch->empty()) {
        const uint32_t j = scratch->back();
        scratch->pop_back();
        const uint32_t i = scratch->back();
        scratch->pop_back();
        const Vec2 a = ring[i], b = ring[j == count ? 0 : j];
        float worst = -1;
        uint32_t at = 0;
        for (uint32_t k = i + 1; k < j; ++k) {
            const float d = DistanceToSegment(ring[k], a, b);
            if (d > worst) worst = d, at = k;
        }
        if (worst > tolerance) {
            (*keep)[at] = 1;
            scratch->push_back(i), scratch->push_back(at);
            scratch->push_back(at), scratch->push_back(j);
        }
    }
    // At least 3: the vertex farthest from the chord 0-far (on a ring that is almost a line).
    uint32_t kept = 0;
    for (uint32_t i = 0; i < count; ++i) kept += (*keep)[i];
    if (kept < 3) {
        float best = -1;
        uint32_t at = 0;
        for (uint32_t k = 1; k < count; ++k) {
            const float d = k == far ? -1.0f : DistanceToSegment(ring[k], ring[0], ring[far]);
            if (d > best) best = d, at = k;
        }
        (*keep)[at] = 1;
    }
    uint32_t n = 0;
    for (uint32_t i = 0; i < count; ++i)
        if ((*keep)[i]) (*keep)[n++] = i;
    keep->resize(n);
}

bool SimplifyArea(const AreaGeometry& area, float tolerance, Triangulator& triangulator, SimplifiedArea* out,
                  std::vector<uint32_t>* keep, std::vector<uint32_t>* scratch) {
    out->vertices.clear();
    out->rings.clear();
    out->indices.clear();
    bool ok = true;
    for (const PolygonRange& poly : area.polygons) {
        const size_t first = out->rings.size();
        for (uint32_t r = poly.first_ring; r < poly.first_ring + poly.ring_count; ++r) {
            const RingRange& ring = area.rings[r];
            SimplifyRing(area.vertices.data() + ring.start, ring.count, tolerance, keep, scratch);
            const auto start = static_cast<uint32_t>(out->vertices.size());
            for (uint32_t k : *keep) out->vertices.push_back(area.vertices[ring.start + k]);
            out->rings.push_back({start, static_cast<uint32_t>(keep->size())});
        }
        ok = triangulator.Triangulate(out->vertices.data(), out->rings.data() + first, out->rings.size() - first, out->indices) && ok;
    }
    return ok;
}

std::vector<float> LevelTolerances(const WorldRect& bounds) {
    const float diag = bounds.Valid() ? std::sqrt(bounds.Width() * bounds.Width() + bounds.Height() * bounds.Height()) : 0.0f;
    if (!(diag > 0)) return {0.0f};
    // A phone shows the whole map in ~400 px, a desktop in ~1,500: at those views half a pixel is
    // about diag / 800 and diag / 3,000; each level below is a quarter of the one above.
    return {diag / 1000.0f, diag / 4000.0f, diag / 16000.0f, diag / 64000.0f, 0.0f};
}

int ChooseLevel(const std::vector<float>& tolerances, float pixels_per_unit, float max_px) {
    for (size_t k = 0; k < tolerances.size(); ++k)
        if (tolerances[k] * pixels_per_unit <= max_px) return static_cast<int>(k);
    return tolerances.empty() ? 0 : static_cast<int>(tolerances.size()) - 1;
}

}  // namespace jcm
