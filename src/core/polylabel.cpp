// polylabel.cpp: pole of inaccessibility (see polylabel.h).
#include "core/polylabel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace jcm {

namespace detail {
namespace {

constexpr double kSqrt2 = 1.4142135623730951;
constexpr int kMaxInitialCellsPerSide = 256;  // a thin polygon still gets a bounded first grid

// Squared distance from (px, py) to the segment (ax, ay)-(bx, by).
double SegmentDistanceSquared(double px, double py, double ax, double ay, double bx, double by) {
    double x = ax, y = ay;
    double dx = bx - x, dy = by - y;
    if (dx != 0 || dy != 0) {
        const double t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
        if (t > 1) {
            x = bx;
            y = by;
        } else if (t > 0) {
            x += dx * t;
            y += dy * t;
        }
    }
    dx = px - x;
    dy = py - y;
    return dx * dx + dy * dy;
}

// A square cell of the search: centre, half size, distance at the centre, best possible distance.
struct Cell {
    double x = 0, y = 0, h = 0;
    double d = 0;
    double max = 0;
};

// Orders cells so the heap top is the one with the largest potential.
bool LessPotential(const Cell& a, const Cell& b) { return a.max < b.max; }

}  // namespace
}  // namespace detail

double SignedDistanceToPolygon(const Vec2* vertices, const RingRange* rings, size_t ring_count, double x, double y) {
    bool inside = false;
    double min_dist_sq = std::numeric_limits<double>::infinity();
    for (size_t r = 0; r < ring_count; ++r) {
        const RingRange ring = rings[r];
        if (ring.count == 0) continue;
        const Vec2* v = vertices + ring.start;
        for (uint32_t i = 0, j = ring.count - 1; i < ring.count; j = i++) {
            const double ax = v[i].x, ay = v[i].y, bx = v[j].x, by = v[j].y;
            if ((ay > y) != (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax) inside = !inside;
            min_dist_sq = std::min(min_dist_sq, detail::SegmentDistanceSquared(x, y, ax, ay, bx, by));
        }
    }
    if (!std::isfinite(min_dist_sq)) return -std::numeric_limits<double>::infinity();
    return (inside ? 1.0 : -1.0) * std::sqrt(min_dist_sq);
}

LabelPoint PoleOfInaccessibility(const Vec2* vertices, const RingRange* rings, size_t ring_count, double precision,
                                 size_t max_probes) {
    using detail::Cell;
    LabelPoint result;
    if (ring_count == 0 || rings[0].count == 0) return result;
    const RingRange outer = rings[0];
    const Vec2* ov = vertices + outer.start;
    result.pos = ov[0];

    double min_x = ov[0].x, min_y = ov[0].y, max_x = min_x, max_y = min_y;
    for (uint32_t k = 1; k < outer.count; ++k) {
        min_x = std::min(min_x, static_cast<double>(ov[k].x));
        min_y = std::min(min_y, static_cast<double>(ov[k].y));
        max_x = std::max(max_x, static_cast<double>(ov[k].x));
        max_y = std::max(max_y, static_cast<double>(ov[k].y));
    }
    const double width = max_x - min_x, height = max_y - min_y;
    const double size = std::max(width, height);
    if (!(std::min(width, height) > 0) || !std::isfinite(size)) return result;
    precision = std::max(precision, size * 1e-6);

    auto make_cell = [&](double x, double y, double h) {
        Cell c;
        c.x = x;
        c.y = y;
        c.h = h;
        c.d = SignedDistanceToPolygon(vertices, rings, ring_count, x, y);
        c.max = c.d + h * detail::kSqrt2;
        return c;
    };

    // First guesses: the area centroid of the outer ring, then the bounding box centre.
    double cx = 0, cy = 0, a3 = 0;
    for (uint32_t i = 0, j = outer.count - 1; i < outer.count; j = i++) {
        const double ax = ov[i].x - min_x, ay = ov[i].y - min_y;
        const double bx = ov[j].x - min_x, by = ov[j].y - min_y;
        const double f = ax * by - bx * ay;
        cx += (ax + bx) * f;
        cy += (ay + by) * f;
        a3 += f * 3;
    }
    Cell best = a3 != 0 ? make_cell(min_x + cx / a3, min_y + cy / a3, 0) : make_cell(ov[0].x, ov[0].y, 0);
    const Cell bbox_cell = make_cell(min_x + width / 2, min_y + height / 2, 0);
    if (bbox_cell.d > best.d) best = bbox_cell;

    // Cover the bounding box with square cells.
    const double cell_size = std::max(std::min(width, height), size / detail::kMaxInitialCellsPerSide);
    std::vector<Cell> queue;
    for (double x = min_x; x < max_x; x += cell_size) {
        for (double y = min_y; y < max_y; y += cell_size) {
            queue.push_back(make_cell(x + cell_size / 2, y + cell_size / 2, cell_size / 2));
        }
    }
    std::make_heap(queue.begin(), queue.end(), detail::LessPotential);
    size_t probes = queue.size();

    while (!queue.empty()) {
        std::pop_heap(queue.begin(), queue.end(), detail::LessPotential);
        const Cell cell = queue.back();
        queue.pop_back();
        if (cell.d > best.d) best = cell;
        if (cell.max - best.d <= precision || probes >= max_probes) continue;
        const double h = cell.h / 2;
        for (int k = 0; k < 4; ++k) {
            queue.push_back(make_cell(cell.x + ((k & 1) ? h : -h), cell.y + ((k & 2) ? h : -h), h));
            std::push_heap(queue.begin(), queue.end(), detail::LessPotential);
        }
        probes += 4;
    }
    result.pos = {static_cast<float>(best.x), static_cast<float>(best.y)};
    result.distance = static_cast<float>(std::max(best.d, 0.0));
    return result;
}

}  // namespace jcm
