// geometry.cpp: BuildMapGeometry and the hit index (see geometry.h).
//
// Sections: 1. crossing arithmetic shared by every even-odd test   2. per-area building
//           3. BuildMapGeometry   4. HitIndex::Build   5. HitIndex::Query   6. brute force
#include "core/geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "core/simplify.h"

namespace jcm {

namespace detail {
namespace {

// ---- 1. crossing arithmetic ---------------------------------------------------------------------
// The hit index and the brute-force test must round identically, so both use these, always with
// the edge oriented from ring vertex k to vertex k+1.

// Whether the edge's endpoint values a and b lie on different sides of v (half-open rule).
bool Straddles(double a, double b, double v) { return (a > v) != (b > v); }

// x where the edge (ax, ay)-(bx, by) crosses the line at height y (the edge must straddle y).
double CrossingX(double ax, double ay, double bx, double by, double y) { return ax + (y - ay) * (bx - ax) / (by - ay); }

// y where the edge (ax, ay)-(bx, by) crosses the line at abscissa x (the edge must straddle x).
double CrossingY(double ax, double ay, double bx, double by, double x) { return ay + (x - ax) * (by - ay) / (bx - ax); }

// Index of the vertex after `k` in `ring` (absolute indices).
uint32_t NextInRing(RingRange ring, uint32_t k) { return k + 1 < ring.start + ring.count ? k + 1 : ring.start; }

bool SamePoint(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }

// Area of a polygon (outer minus holes) in world units², from its ring range.
double PolygonArea(const AreaGeometry& g, const PolygonRange& p) {
    double a = 0;
    for (uint32_t r = 0; r < p.ring_count; ++r) {
        const double ring_area = std::fabs(RingSignedArea(g.vertices.data(), g.rings[p.first_ring + r]));
        a += r == 0 ? ring_area : -ring_area;
    }
    return a;
}

// Lon/lat bounds of every finite polygon vertex and marker of `data`.
Bounds LonLatBounds(const Dataset& data) {
    Bounds b{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
             -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    auto add = [&b](LonLat p) {
        if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) return;
        b.min_lon = std::min(b.min_lon, p.lon);
        b.min_lat = std::min(b.min_lat, p.lat);
        b.max_lon = std::max(b.max_lon, p.lon);
        b.max_lat = std::max(b.max_lat, p.lat);
    };
    for (const Area& area : data.areas) {
        for (const Polygon& poly : area.polygons) {
            for (const auto& ring : poly.rings) {
                for (LonLat p : ring) add(p);
            }
        }
        if (area.has_marker) add(area.marker.pos);
    }
    if (!(b.min_lon <= b.max_lon)) return Bounds{};
    return b;
}

}  // namespace
}  // namespace detail

// ---- 2. per-area building -----------------------------------------------------------------------

namespace {

// The polygon's label point (unless GeometryOptions::simplified_labels_from says the exact
// pole): the pole of inaccessibility of its outline simplified by 0.5% of its
// size (each probe measures the distance to every edge: with a few hundred vertices a ring that
// was 60% of building a big map), with its clearance measured on the real outline. The point is
// within about that tolerance of the exact pole's quality (tests/unit/test_geometry.cpp); where
// the simplified outline would put it outside the real one, the exact search decides.
LabelPoint LabelFor(const AreaGeometry& g, const PolygonRange& p, double size, const GeometryOptions& options) {
    const RingRange* rings = g.rings.data() + p.first_ring;
    const double precision = options.label_precision * size;
    uint32_t count = 0;
    for (uint32_t r = 0; r < p.ring_count; ++r) count += rings[r].count;
    constexpr uint32_t kSimplifyFrom = 64;  // vertices; fewer cost nothing worth saving
    if (!options.simplified_labels || count < kSimplifyFrom) return PoleOfInaccessibility(g.vertices.data(), rings, p.ring_count, precision);
    std::vector<Vec2> vertices;
    std::vector<RingRange> simple;
    std::vector<uint32_t> keep, scratch;
    vertices.reserve(count);
    for (uint32_t r = 0; r < p.ring_count; ++r) {
        SimplifyRing(g.vertices.data() + rings[r].start, rings[r].count, static_cast<float>(0.005 * size), &keep, &scratch);
        const auto start = static_cast<uint32_t>(vertices.size());
        for (uint32_t k : keep) vertices.push_back(g.vertices[rings[r].start + k]);
        simple.push_back({start, static_cast<uint32_t>(vertices.size()) - start});
    }
    LabelPoint lp = PoleOfInaccessibility(vertices.data(), simple.data(), simple.size(), precision);
    const double real = SignedDistanceToPolygon(g.vertices.data(), rings, p.ring_count, lp.pos.x, lp.pos.y);
    if (lp.distance <= 0 || real <= 0) return PoleOfInaccessibility(g.vertices.data(), rings, p.ring_count, precision);
    lp.distance = static_cast<float>(real);
    return lp;
}

}  // namespace

AreaGeometry BuildAreaGeometry(const Area& area, const Projection& projection, const GeometryOptions& options,
                               Triangulator& triangulator) {
    AreaGeometry g;
    size_t total = 0;
    for (const Polygon& poly : area.polygons) {
        for (const auto& ring : poly.rings) total += ring.size();
    }
    g.vertices.reserve(total);

    double largest_area = -1;
    for (const Polygon& poly : area.polygons) {
        const size_t vertex_mark = g.vertices.size();
        const auto first_ring = static_cast<uint32_t>(g.rings.size());
        for (size_t r = 0; r < poly.rings.size(); ++r) {
            const auto start = static_cast<uint32_t>(g.vertices.size());
            for (LonLat ll : poly.rings[r]) {
                if (!std::isfinite(ll.lon) || !std::isfinite(ll.lat)) continue;
                const Vec2 v = projection.Forward(ll);
                if (g.vertices.size() > start && detail::SamePoint(g.vertices.back(), v)) continue;
                g.vertices.push_back(v);
            }
            while (g.vertices.size() > start + 1u && detail::SamePoint(g.vertices.back(), g.vertices[start])) {
                g.vertices.pop_back();  // a closing point the loader kept, or a duplicate of the first
            }
            const auto count = static_cast<uint32_t>(g.vertices.size() - start);
            if (count < 3) {
                g.vertices.resize(start);
                if (r == 0) break;  // no outer ring: the whole polygon is dropped
                continue;           // a degenerate hole is just dropped
            }
            g.rings.push_back({start, count});
        }
        const auto ring_count = static_cast<uint32_t>(g.rings.size() - first_ring);
        if (ring_count == 0) {
            g.vertices.resize(vertex_mark);
            continue;
        }
        PolygonRange pr;
        pr.first_ring = first_ring;
        pr.ring_count = ring_count;
        pr.first_index = static_cast<uint32_t>(g.indices.size());
        if (!options.defer_fills && !triangulator.Triangulate(g.vertices.data(), g.rings.data() + first_ring, ring_count, g.indices)) {
            g.triangulated = false;
        }
        pr.index_count = static_cast<uint32_t>(g.indices.size()) - pr.first_index;
        const double a = detail::PolygonArea(g, pr);
        g.area += a;
        if (a > largest_area) {
            largest_area = a;
            g.largest_polygon = static_cast<uint32_t>(g.polygons.size());
        }
        g.polygons.push_back(pr);
    }
    for (Vec2 v : g.vertices) g.bounds.Extend(v);

    if (area.has_marker && std::isfinite(area.marker.pos.lon) && std::isfinite(area.marker.pos.lat)) {
        g.has_marker = true;
        g.marker = projection.Forward(area.marker.pos);
        g.bounds.Extend(g.marker);
    }
    if (!options.defer_labels) LabelArea(g, options);
    return g;
}

void LabelArea(AreaGeometry& g, const GeometryOptions& options) {
    if (!g.polygons.empty()) {
        const PolygonRange& p = g.polygons[g.largest_polygon];
        WorldRect pb;
        const RingRange outer = g.rings[p.first_ring];
        for (uint32_t k = 0; k < outer.count; ++k) pb.Extend(g.vertices[outer.start + k]);
        const double size = std::max(pb.Width(), pb.Height());
        const LabelPoint lp = LabelFor(g, p, size, options);
        g.has_label = true;
        if (lp.distance > 0) {
            g.label = lp.pos;
            g.label_clearance = lp.distance;
        } else {
            g.label = pb.Center();  // zero-area polygon: anywhere near it will do
            g.label_clearance = 0;
        }
    } else if (g.has_marker) {
        g.has_label = true;
        g.label = g.marker;
    }
}

// ---- 3. BuildMapGeometry ------------------------------------------------------------------------

namespace {
size_t SourceVertices(const Area& area) {
    size_t n = 0;
    for (const Polygon& poly : area.polygons) {
        for (const auto& ring : poly.rings) n += ring.size();
    }
    return n;
}
}  // namespace

MapGeometryBuilder::MapGeometryBuilder(const Dataset& data, const GeometryOptions& options)
    : data_(&data), options_(options) {
    m_.projection = Projection::ForBounds(detail::LonLatBounds(data));
    m_.areas.reserve(data.areas.size());
    for (const Area& area : data.areas) total_vertices_ += SourceVertices(area);
    options_.simplified_labels = total_vertices_ >= options.simplified_labels_from;
    options_.defer_fills = total_vertices_ >= options.deferred_fills_from;
    m_.fills_deferred = options_.defer_fills;
}

bool MapGeometryBuilder::Step(size_t vertex_budget) {
    size_t built = 0;
    while (next_ < data_->areas.size() && (built == 0 || built < vertex_budget)) {
        const Area& area = data_->areas[next_++];
        m_.areas.push_back(BuildAreaGeometry(area, m_.projection, options_, triangulator_));
        m_.bounds.Merge(m_.areas.back().bounds);
        m_.max_area_vertices = std::max(m_.max_area_vertices, m_.areas.back().vertices.size());
        const size_t n = SourceVertices(area);
        built += std::max<size_t>(n, 1);
        done_vertices_ += n;
    }
    return next_ == data_->areas.size();
}

double MapGeometryBuilder::Progress() const {
    if (total_vertices_ == 0) return next_ == data_->areas.size() ? 1.0 : 0.0;
    return static_cast<double>(done_vertices_) / static_cast<double>(total_vertices_);
}

MapGeometry MapGeometryBuilder::Finish() {
    if (options_.defer_labels) {
        m_.indexed = false;
        m_.labelled = false;
    } else {
        m_.hit_index.Build(m_.areas, m_.bounds, options_);
    }
    m_.by_size_desc.resize(m_.areas.size());
    for (size_t i = 0; i < m_.areas.size(); ++i) m_.by_size_desc[i] = static_cast<int>(i);
    std::stable_sort(m_.by_size_desc.begin(), m_.by_size_desc.end(), [&](int a, int b) {
        return m_.areas[static_cast<size_t>(a)].area > m_.areas[static_cast<size_t>(b)].area;
    });
    return std::move(m_);
}

bool MapGeometryFinisher::Step(MapGeometry& m, size_t vertex_budget) {
    if (!m.indexed) {
        if (!hit_) hit_ = std::make_unique<HitIndexBuilder>(m.bounds, options_);
        if (!hit_->Step(m.areas, vertex_budget)) return false;
        m.hit_index = hit_->Finish();
        hit_.reset();
        m.indexed = true;
        return m.labelled;
    }
    if (m.labelled) return true;
    size_t done = 0;
    while (next_ < m.areas.size() && (done == 0 || done < vertex_budget)) {
        AreaGeometry& g = m.areas[next_++];
        LabelArea(g, options_);
        done += std::max<size_t>(g.vertices.size(), 1);
    }
    m.labelled = next_ == m.areas.size();
    return m.labelled;
}

MapGeometry BuildMapGeometry(const Dataset& data, const GeometryOptions& options) {
    MapGeometryBuilder builder(data, options);
    while (!builder.Step(static_cast<size_t>(-1))) {
    }
    MapGeometry m = builder.Finish();
    MapGeometryFinisher finisher(builder.Options());  // with defer_labels; else nothing to do
    while (!finisher.Step(m, static_cast<size_t>(-1))) {
    }
    return m;
}

// ---- 4. HitIndex::Build -------------------------------------------------------------------------

void HitIndex::Build(const std::vector<AreaGeometry>& areas, const WorldRect& bounds, const GeometryOptions& options) {
    HitIndexBuilder builder(bounds, options);
    while (!builder.Step(areas, static_cast<size_t>(-1))) {
    }
    *this = builder.Finish();
}

HitIndexBuilder::HitIndexBuilder(const WorldRect& bounds, const GeometryOptions& options)
    : bounds_(bounds), cells_per_edge_(options.hit_cells_per_edge), max_cells_(options.max_hit_cells) {}

int32_t HitIndexBuilder::ColOf(double x) const {
    const double c = std::floor((x - index_.origin_x_) / index_.cell_w_);
    return static_cast<int32_t>(std::clamp(c, 0.0, static_cast<double>(index_.cols_ - 1)));
}

int32_t HitIndexBuilder::RowOf(double y) const {
    const double r = std::floor((y - index_.origin_y_) / index_.cell_h_);
    return static_cast<int32_t>(std::clamp(r, 0.0, static_cast<double>(index_.rows_ - 1)));
}

// Every cell an edge of area `ai` passes through (row by row, with a small margin so an edge
// within rounding distance of a cell is listed there too): counted (Count) or listed (List).
void HitIndexBuilder::EdgeCells(const AreaGeometry& g, uint32_t ai) {
    HitIndex& x = index_;
    const bool list = phase_ == Phase::List;
    const double margin_x = x.cell_w_ * 1e-3, margin_y = x.cell_h_ * 1e-3;
    for (const RingRange& ring : g.rings) {
        for (uint32_t k = ring.start; k < ring.start + ring.count; ++k) {
            const uint32_t kn = detail::NextInRing(ring, k);
            const double ax = g.vertices[k].x, ay = g.vertices[k].y;
            const double bx = g.vertices[kn].x, by = g.vertices[kn].y;
            const int32_t r0 = RowOf(std::min(ay, by) - margin_y);
            const int32_t r1 = RowOf(std::max(ay, by) + margin_y);
            for (int32_t r = r0; r <= r1; ++r) {
                double x0 = std::min(ax, bx), x1 = std::max(ax, bx);
                if (ay != by && r0 != r1) {  // clip the edge to the row's band
                    const double y0 = x.origin_y_ + r * x.cell_h_ - margin_y;
                    const double y1 = x.origin_y_ + (r + 1) * x.cell_h_ + margin_y;
                    double t0 = std::clamp((y0 - ay) / (by - ay), 0.0, 1.0);
                    double t1 = std::clamp((y1 - ay) / (by - ay), 0.0, 1.0);
                    const double xa = ax + t0 * (bx - ax), xb = ax + t1 * (bx - ax);
                    x0 = std::min(xa, xb);
                    x1 = std::max(xa, xb);
                }
                const int32_t c0 = ColOf(x0 - margin_x), c1 = ColOf(x1 + margin_x);
                for (int32_t c = c0; c <= c1; ++c) {
                    const size_t cell = static_cast<size_t>(r) * static_cast<size_t>(x.cols_) + static_cast<size_t>(c);
                    if (list) {
                        x.edges_[fill_[cell]++] = HitIndex::EdgeRef{ai, kn == k + 1 ? k : (k | HitIndex::kWrap)};
                    } else {
                        ++x.edge_start_[cell + 1];
                    }
                }
            }
        }
    }
}

bool HitIndexBuilder::Step(const std::vector<AreaGeometry>& areas, size_t vertex_budget) {
    size_t done = 0;
    while (done == 0 || done < vertex_budget) {
        if (phase_ == Phase::Done) return true;
        if (phase_ == Phase::Start) {
            Start(areas);
            continue;
        }
        if (phase_ == Phase::Size && (halving_ >= 40 || (cols_ <= 1 && rows_ <= 1))) {
            SetGrid();  // as fine as the entries allow, or one cell
            continue;
        }
        // The phase's pass over the areas, resumed where the last step left it: whole areas
        // until about vertex_budget vertices are done.
        while (next_ < areas.size() && (done == 0 || done < vertex_budget)) {
            const AreaGeometry& g = areas[next_];
            const auto ai = static_cast<uint32_t>(next_++);
            if (phase_ == Phase::Size) {
                AddEntries(g);
            } else if (phase_ == Phase::Cross) {
                AddCrossings(g, ai);
            } else {
                EdgeCells(g, ai);
            }
            done += std::max<size_t>(g.vertices.size(), 1);
        }
        if (next_ < areas.size()) break;
        next_ = 0;
        EndPass();
    }
    return phase_ == Phase::Done;
}

void HitIndexBuilder::Start(const std::vector<AreaGeometry>& areas) {
    size_t edge_count = 0;
    for (const AreaGeometry& g : areas) {
        for (const RingRange& ring : g.rings) edge_count += ring.count;
    }
    if (edge_count == 0 || !bounds_.Valid()) {
        phase_ = Phase::Done;  // an empty index: every query answers -1
        return;
    }
    // Grid: about edge_count * hit_cells_per_edge square-ish cells over the bounds.
    w_ = static_cast<double>(bounds_.max.x) - bounds_.min.x;
    h_ = static_cast<double>(bounds_.max.y) - bounds_.min.y;
    const double max_cells = std::max(1.0, static_cast<double>(max_cells_));
    const double target = std::clamp(static_cast<double>(edge_count) * cells_per_edge_, 1.0, max_cells);
    constexpr double kMaxSide = 1 << 15;
    if (w_ > 0 && h_ > 0) {
        const double side = std::sqrt(w_ * h_ / target);
        cols_ = std::clamp(std::ceil(w_ / side), 1.0, kMaxSide);
        rows_ = std::clamp(std::ceil(h_ / side), 1.0, kMaxSide);
        while (cols_ * rows_ > max_cells) {  // rounding up may overshoot the cap
            cols_ = std::max(1.0, std::floor(cols_ * 0.9));
            rows_ = std::max(1.0, std::floor(rows_ * 0.9));
        }
    } else if (w_ > 0) {
        cols_ = std::clamp(target, 1.0, kMaxSide);
    } else if (h_ > 0) {
        rows_ = std::clamp(target, 1.0, kMaxSide);
    }
    // Each edge is listed in every cell it crosses, about |dx| / cell width + |dy| / cell height
    // of them. Long edges (a spike across the whole map, a flat map of long edges) would make
    // that edges x columns; coarser cells keep the entries within a budget of a few per edge
    // (Size: a pass over the areas counts them, and the grid is halved until they fit).
    entry_budget_ = std::max(65536.0, 16.0 * static_cast<double>(edge_count));
    phase_ = Phase::Size;
}

void HitIndexBuilder::AddEntries(const AreaGeometry& g) {
    const double cw = w_ > 0 ? w_ / cols_ : 1.0, ch = h_ > 0 ? h_ / rows_ : 1.0;
    for (const RingRange& ring : g.rings)
        for (uint32_t k = ring.start; k < ring.start + ring.count; ++k) {
            const uint32_t kn = detail::NextInRing(ring, k);
            entries_ += std::fabs(static_cast<double>(g.vertices[kn].x) - g.vertices[k].x) / cw +
                        std::fabs(static_cast<double>(g.vertices[kn].y) - g.vertices[k].y) / ch + 2.0;
        }
}

// The grid is sized: each cell's edge count starts at 0.
void HitIndexBuilder::SetGrid() {
    HitIndex& x = index_;
    x.cols_ = static_cast<int32_t>(cols_);
    x.rows_ = static_cast<int32_t>(rows_);
    x.origin_x_ = bounds_.min.x;
    x.origin_y_ = bounds_.min.y;
    x.max_x_ = bounds_.max.x;
    x.max_y_ = bounds_.max.y;
    x.cell_w_ = w_ > 0 ? w_ / x.cols_ : 1.0;
    x.cell_h_ = h_ > 0 ? h_ / x.rows_ : 1.0;
    x.edge_start_.assign(x.CellCount() + 1, 0);
    phase_ = Phase::Count;
}

// What follows a whole pass of the current phase.
void HitIndexBuilder::EndPass() {
    HitIndex& x = index_;
    switch (phase_) {
        case Phase::Size:  // the entries fit, or the grid is halved and they are counted again
            if (entries_ > entry_budget_) {
                cols_ = std::max(1.0, std::floor(cols_ * 0.5));
                rows_ = std::max(1.0, std::floor(rows_ * 0.5));
                entries_ = 0;
                ++halving_;
            } else {
                SetGrid();
            }
            break;
        case Phase::Count: {  // each cell's count becomes its offset
            const size_t cells = x.CellCount();
            for (size_t c = 0; c < cells; ++c) x.edge_start_[c + 1] += x.edge_start_[c];
            x.edges_.resize(x.edge_start_[cells]);
            fill_.assign(x.edge_start_.begin(), x.edge_start_.end() - 1);
            phase_ = Phase::List;
            break;
        }
        case Phase::List:
            fill_ = {};
            phase_ = Phase::Cross;
            break;
        case Phase::Cross:
            FillInside();
            crossings_ = {};
            phase_ = Phase::Done;
            break;
        default:
            break;
    }
}

void HitIndexBuilder::AddCrossings(const AreaGeometry& g, uint32_t ai) {
    const HitIndex& x = index_;
    for (const RingRange& ring : g.rings) {
        for (uint32_t k = ring.start; k < ring.start + ring.count; ++k) {
            const uint32_t kn = detail::NextInRing(ring, k);
            const double ax = g.vertices[k].x, ay = g.vertices[k].y;
            const double bx = g.vertices[kn].x, by = g.vertices[kn].y;
            if (ay == by) continue;
            const int32_t r0 = RowOf(std::min(ay, by) - x.cell_h_), r1 = RowOf(std::max(ay, by) + x.cell_h_);
            for (int32_t r = r0; r <= r1; ++r) {
                const double cy = x.CellCenterY(r);
                if (detail::Straddles(ay, by, cy)) crossings_.push_back({ai, r, detail::CrossingX(ax, ay, bx, by, cy)});
            }
        }
    }
}

// Which areas contain each cell centre, from the crossings: inside iff an odd number of crossings
// lie at or left of the centre: [x0, x1), [x2, x3), ...
void HitIndexBuilder::FillInside() {
    HitIndex& x = index_;
    std::sort(crossings_.begin(), crossings_.end(), [](const Crossing& a, const Crossing& b) {
        if (a.area != b.area) return a.area < b.area;
        if (a.row != b.row) return a.row < b.row;
        return a.x < b.x;
    });
    struct Span {
        uint32_t area;
        int32_t row, c0, c1;  // columns c0..c1 inclusive
    };
    std::vector<Span> spans;
    for (size_t i = 0; i < crossings_.size();) {
        size_t j = i;
        while (j < crossings_.size() && crossings_[j].area == crossings_[i].area && crossings_[j].row == crossings_[i].row) ++j;
        for (size_t k = i; k + 1 < j; k += 2) {
            const double xa = crossings_[k].x, xb = crossings_[k + 1].x;
            int32_t c0 = ColOf(xa);
            while (c0 > 0 && x.CellCenterX(c0 - 1) >= xa) --c0;
            while (c0 < x.cols_ && x.CellCenterX(c0) < xa) ++c0;
            int32_t c1 = ColOf(xb);
            while (c1 + 1 < x.cols_ && x.CellCenterX(c1 + 1) < xb) ++c1;
            while (c1 >= 0 && x.CellCenterX(c1) >= xb) --c1;
            if (c0 <= c1) spans.push_back({crossings_[i].area, crossings_[i].row, c0, c1});
        }
        i = j;
    }
    const size_t cells = x.CellCount();
    x.inside_start_.assign(cells + 1, 0);
    for (const Span& s : spans) {
        for (int32_t c = s.c0; c <= s.c1; ++c) ++x.inside_start_[static_cast<size_t>(s.row) * x.cols_ + c + 1];
    }
    for (size_t c = 0; c < cells; ++c) x.inside_start_[c + 1] += x.inside_start_[c];
    x.inside_.resize(x.inside_start_[cells]);
    std::vector<uint32_t> fill(x.inside_start_.begin(), x.inside_start_.end() - 1);
    for (const Span& s : spans) {
        for (int32_t c = s.c0; c <= s.c1; ++c) x.inside_[fill[static_cast<size_t>(s.row) * x.cols_ + c]++] = s.area;
    }
}

HitIndex HitIndexBuilder::Finish() { return std::move(index_); }

// ---- 5. HitIndex::Query -------------------------------------------------------------------------

int HitIndex::Query(const std::vector<AreaGeometry>& areas, Vec2 p) const {
    if (cols_ == 0) return -1;
    const double px = p.x, py = p.y;
    if (!(px >= origin_x_ && px <= max_x_ && py >= origin_y_ && py <= max_y_)) return -1;  // also NaN
    const auto col = static_cast<int32_t>(std::min(std::floor((px - origin_x_) / cell_w_), cols_ - 1.0));
    const auto row = static_cast<int32_t>(std::min(std::floor((py - origin_y_) / cell_h_), rows_ - 1.0));
    const size_t cell = static_cast<size_t>(row) * static_cast<size_t>(cols_) + static_cast<size_t>(col);
    const double cx = CellCenterX(col), cy = CellCenterY(row);

    // Walk both per-cell lists from the highest area down; the first area with odd parity wins.
    size_t ei = edge_start_[cell + 1], ii = inside_start_[cell + 1];
    const size_t e0 = edge_start_[cell], i0 = inside_start_[cell];
    while (ei > e0 || ii > i0) {
        uint32_t area = 0;
        if (ei > e0) area = edges_[ei - 1].area;
        if (ii > i0) area = std::max(area, inside_[ii - 1]);
        bool inside = false;
        if (ii > i0 && inside_[ii - 1] == area) {
            inside = true;
            --ii;
        }
        const std::vector<Vec2>& v = areas[area].vertices;
        const std::vector<RingRange>& rings = areas[area].rings;
        while (ei > e0 && edges_[ei - 1].area == area) {
            const EdgeRef& e = edges_[--ei];
            const uint32_t a = e.a & ~kWrap;
            uint32_t b = a + 1;
            if (e.a & kWrap) {  // the closing edge: to the first vertex of the ring holding `a`
                const auto ring = std::upper_bound(rings.begin(), rings.end(), a,
                                                   [](uint32_t x, const RingRange& r) { return x < r.start; });
                b = std::prev(ring)->start;
            }
            const double ax = v[a].x, ay = v[a].y, bx = v[b].x, by = v[b].y;
            // Horizontal leg (cx, cy) -> (px, cy): crossings change the ray count exactly.
            if (detail::Straddles(ay, by, cy)) {
                const double x = detail::CrossingX(ax, ay, bx, by, cy);
                if ((cx < x) != (px < x)) inside = !inside;
            }
            // Vertical leg (px, cy) -> (px, py).
            if (detail::Straddles(ax, bx, px)) {
                const double y = detail::CrossingY(ax, ay, bx, by, px);
                if ((cy < y) != (py < y)) inside = !inside;
            }
        }
        if (inside) return static_cast<int>(area);
    }
    return -1;
}

// ---- 6. brute force -----------------------------------------------------------------------------

bool TriangulateArea(const AreaGeometry& area, Triangulator& triangulator, std::vector<uint32_t>& out) {
    out.clear();
    bool ok = true;
    for (const PolygonRange& p : area.polygons)
        ok = triangulator.Triangulate(area.vertices.data(), area.rings.data() + p.first_ring, p.ring_count, out) && ok;
    return ok;
}

size_t MaxFillIndices(const AreaGeometry& area) {
    size_t n = 0;
    for (const PolygonRange& p : area.polygons) {
        size_t v = 0;
        for (uint32_t r = 0; r < p.ring_count; ++r) v += area.rings[p.first_ring + r].count;
        v += 2 * (p.ring_count - 1);
        n += v >= 2 ? 3 * (v - 2) : 0;
    }
    return n;
}

bool PointInArea(const AreaGeometry& area, Vec2 p) {
    const double px = p.x, py = p.y;
    bool inside = false;
    for (const RingRange& ring : area.rings) {
        for (uint32_t k = ring.start; k < ring.start + ring.count; ++k) {
            const uint32_t kn = detail::NextInRing(ring, k);
            const double ax = area.vertices[k].x, ay = area.vertices[k].y;
            const double bx = area.vertices[kn].x, by = area.vertices[kn].y;
            if (detail::Straddles(ay, by, py) && px < detail::CrossingX(ax, ay, bx, by, py)) inside = !inside;
        }
    }
    return inside;
}

int HitTestBruteForce(const std::vector<AreaGeometry>& areas, Vec2 p) {
    for (size_t i = areas.size(); i-- > 0;) {
        if (areas[i].bounds.Contains(p) && PointInArea(areas[i], p)) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace jcm
