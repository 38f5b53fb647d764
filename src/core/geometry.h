// geometry.h: the map's geometry precomputed once at load: projected outlines, fill triangles,
// label points, bounds, and a spatial index for hit testing. Nothing here allocates per frame.
//
// Sections: 1. AreaGeometry / MapGeometry   2. HitIndex   3. building   4. per-frame helpers
//
// All coordinates are world units (projection.h). Every area of the Dataset has an AreaGeometry at
// the same index; an area without polygons has empty arrays (and maybe a marker).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/model.h"
#include "core/polylabel.h"
#include "core/projection.h"
#include "core/triangulate.h"
#include "core/vec2.h"

namespace jcm {

// ---- 1. AreaGeometry / MapGeometry --------------------------------------------------------------

// One polygon of an area: its rings (first outer) and its triangles, as ranges into the area's arrays.
struct PolygonRange {
    uint32_t first_ring = 0, ring_count = 0;    // into AreaGeometry::rings
    uint32_t first_index = 0, index_count = 0;  // into AreaGeometry::indices
};

struct AreaGeometry {
    std::vector<Vec2> vertices;          // every ring of every polygon, open rings, world units
    std::vector<RingRange> rings;        // outlines to draw (closed implicitly), into vertices
    std::vector<PolygonRange> polygons;  // parallel to Area::polygons (minus empty ones)
    std::vector<uint32_t> indices;       // fill triangles, three indices into vertices each (none
                                         // on a big map: MapGeometry::fills_deferred)
    WorldRect bounds;                    // of the vertices (and the marker, if any)
    double area = 0;                     // world units², outer minus holes, all polygons
    bool triangulated = true;            // false if the triangulator gave up on a polygon
    uint32_t largest_polygon = 0;        // into polygons: the one with the largest area (the label's)
    bool has_label = false;
    Vec2 label;                          // pole of inaccessibility of the largest polygon, or marker
    float label_clearance = 0;           // distance from label to the nearest edge (0 for markers)
    bool has_marker = false;
    Vec2 marker;                         // projected Area::marker.pos
};

// Options of BuildMapGeometry; the defaults suit a city map.
struct GeometryOptions {
    double label_precision = 1e-3;   // polylabel precision, as a fraction of the polygon's size
    // From this many source vertices in the whole map, labels are searched on outlines
    // simplified by 0.5% of each polygon's size (geometry.cpp LabelFor): 60% less time building
    // a province's townships, and in the browser (wasm) most of a city's geometry time. 0 (the
    // default): always; SIZE_MAX: never (the exact pole, for comparing).
    size_t simplified_labels_from = 0;
    bool simplified_labels = false;  // set by MapGeometryBuilder from the above
    // From this many source vertices the full-detail fill triangles are not made at load (a
    // third of building such a map, 12 bytes a triangle kept for good): the map layer draws a
    // big map from its levels of detail and triangulates the finest only if a view needs it
    // (TriangulateArea, while writing it to the GPU). 0: never made at load.
    size_t deferred_fills_from = 100000;
    bool defer_fills = false;        // set by MapGeometryBuilder from the above
    // The label points and the hit index are not made by MapGeometryBuilder but afterwards, in
    // steps, by MapGeometryFinisher: the app draws a big map before they are done (the map first,
    // its names a moment later, as web maps do).
    bool defer_labels = false;
    // Hit grid cells per outline edge: a quarter keeps a few edges a cell (a query tests them
    // all, well under a microsecond) and the index under 12 bytes an edge.
    double hit_cells_per_edge = 0.25;
    uint32_t max_hit_cells = 1u << 21;
};

// ---- 2. HitIndex --------------------------------------------------------------------------------

// A uniform grid over the outline edges of all areas. Each cell lists the edges crossing it and
// the areas containing its centre; a query finds its cell and, per candidate area, flips the
// centre's inside flag for every edge crossed on the way from the centre to the point (a
// horizontal then a vertical leg). That is exactly the even-odd rule (holes excluded), with the
// same crossing arithmetic as PointInArea, at O(edges in one cell) per query.
class HitIndex {
public:
    // Indexes the outlines of `areas`; `bounds` must contain every vertex. The index keeps vertex
    // indices only, so Query must be given the same, unchanged `areas`.
    void Build(const std::vector<AreaGeometry>& areas, const WorldRect& bounds, const GeometryOptions& options);
    // The highest-indexed area whose polygons contain p (even-odd), or -1.
    int Query(const std::vector<AreaGeometry>& areas, Vec2 p) const;
    size_t CellCount() const { return static_cast<size_t>(cols_) * static_cast<size_t>(rows_); }
    size_t EdgeRefCount() const { return edges_.size(); }
    size_t Bytes() const {
        return (edge_start_.capacity() + inside_start_.capacity() + inside_.capacity()) * sizeof(uint32_t) +
               edges_.capacity() * sizeof(EdgeRef);
    }

private:
    // The edge vertices[a] -> vertices[a + 1] of areas[area]; with kWrap set in `a`, the ring's
    // closing edge, back to its first vertex (8 bytes an entry: a million-edge map lists ~1.4 M).
    struct EdgeRef {
        uint32_t area, a;
    };
    static constexpr uint32_t kWrap = 0x80000000u;
    double origin_x_ = 0, origin_y_ = 0, max_x_ = 0, max_y_ = 0;
    double cell_w_ = 1, cell_h_ = 1;
    int32_t cols_ = 0, rows_ = 0;
    std::vector<uint32_t> edge_start_;    // per cell, CSR offsets into edges_ (size cells + 1)
    std::vector<EdgeRef> edges_;          // sorted by area within a cell
    std::vector<uint32_t> inside_start_;  // per cell, CSR offsets into inside_
    std::vector<uint32_t> inside_;        // areas containing the cell centre, ascending

    double CellCenterX(int32_t col) const { return origin_x_ + (col + 0.5) * cell_w_; }
    double CellCenterY(int32_t row) const { return origin_y_ + (row + 0.5) * cell_h_; }

    friend class HitIndexBuilder;
};

// HitIndex::Build in steps, for a map whose index takes too long for one frame (the app makes a
// big map's after drawing it: MapGeometryFinisher). Each step is part of a pass over the areas:
// the grid's size (a pass for each halving of a grid whose long edges would fill too many cells), the edges each cell lists
// (counted, then listed) and where outlines cross the rows' centre lines. Step until true, then
// Finish: the index HitIndex::Build makes. `areas` must be the same, unchanged, at every step.
class HitIndexBuilder {
  public:
    HitIndexBuilder(const WorldRect& bounds, const GeometryOptions& options);
    // Works through whole areas until about `vertex_budget` vertices are done (at least one
    // area); true once the index is made.
    bool Step(const std::vector<AreaGeometry>& areas, size_t vertex_budget);
    HitIndex Finish();  // once, after Step gave true

  private:
    enum class Phase : uint8_t { Start, Size, Count, List, Cross, Done };
    struct Crossing {
        uint32_t area;
        int32_t row;
        double x;
    };
    HitIndex index_;
    WorldRect bounds_;
    double cells_per_edge_;
    uint32_t max_cells_;
    Phase phase_ = Phase::Start;
    size_t next_ = 0;  // the next area of the current pass
    double w_ = 0, h_ = 0, cols_ = 1, rows_ = 1;
    double entries_ = 0, entry_budget_ = 0;  // Size: the pass's entries, and their limit
    int halving_ = 0;
    std::vector<uint32_t> fill_;      // List: each cell's next free entry
    std::vector<Crossing> crossings_;  // Cross

    int32_t ColOf(double x) const;
    int32_t RowOf(double y) const;
    void Start(const std::vector<AreaGeometry>& areas);
    void SetGrid();
    void EndPass();
    // One area of each phase's pass:
    void AddEntries(const AreaGeometry& g);                // Size
    void EdgeCells(const AreaGeometry& g, uint32_t ai);     // Count, List
    void AddCrossings(const AreaGeometry& g, uint32_t ai);  // Cross
    void FillInside();
};

// Brute-force hit test: the highest-indexed area containing p, or -1.
int HitTestBruteForce(const std::vector<AreaGeometry>& areas, Vec2 p);

struct MapGeometry {
    Projection projection;            // centred on the middle of all polygons and markers
    std::vector<AreaGeometry> areas;  // parallel to Dataset::areas
    WorldRect bounds;                 // of all areas' vertices and markers
    size_t max_area_vertices = 0;     // reserve this in a screen buffer to never reallocate
    std::vector<int> by_size_desc;    // area indices, largest area first (label placement order)
    bool fills_deferred = false;      // AreaGeometry::indices not made (GeometryOptions::defer_fills):
                                      // a big map, which the map layer draws in levels of detail
    HitIndex hit_index;
    bool indexed = true;              // hit_index built (GeometryOptions::defer_labels: not yet)
    bool labelled = true;             // every area's label point found (defer_labels: not yet)

    // The area under world point p (the one drawn last if several overlap), or -1. Before the
    // index is built, by testing every area whose bounds hold p (a pointer's hover in the frames
    // before it; label placement waits for `labelled`).
    int HitTest(Vec2 world) const { return indexed ? hit_index.Query(areas, world) : HitTestBruteForce(areas, world); }
};

// ---- 3. building --------------------------------------------------------------------------------

// Projects, triangulates, labels and indexes every area of `data` (call once per load), whatever
// GeometryOptions::defer_labels says (it runs MapGeometryFinisher to the end).
// Non-finite coordinates, consecutive duplicate points (after projection to float) and a repeated
// closing point are dropped; then rings with fewer than 3 vertices are dropped (a polygon whose
// outer ring goes is dropped whole).
MapGeometry BuildMapGeometry(const Dataset& data, const GeometryOptions& options = {});

// BuildMapGeometry in steps, for a map too big to build in one frame (the app builds one of a
// million vertices over a few dozen frames, with a progress bar). `data` must outlive the builder
// and not change while it works. BuildMapGeometry(data) is the constructor, Step until true,
// Finish, and then (with defer_labels) MapGeometryFinisher::Step until true.
class MapGeometryBuilder {
  public:
    MapGeometryBuilder(const Dataset& data, const GeometryOptions& options = {});
    // Builds whole areas until about `vertex_budget` source vertices are done (at least one
    // area). True once every area is built.
    bool Step(size_t vertex_budget);
    // The share of source vertices built so far, 0..1.
    double Progress() const;
    // The hit index and the size order; then the geometry. Call once, after Step gave true.
    // With GeometryOptions::defer_labels, the size order only (MapGeometryFinisher does the rest).
    MapGeometry Finish();
    // The options as the builder applies them (simplified_labels, defer_fills decided).
    const GeometryOptions& Options() const { return options_; }

  private:
    const Dataset* data_;
    GeometryOptions options_;
    Triangulator triangulator_;
    MapGeometry m_;
    size_t next_ = 0;
    size_t done_vertices_ = 0;
    size_t total_vertices_ = 0;
};

// What MapGeometryBuilder leaves to do with GeometryOptions::defer_labels, in steps: the hit
// index (HitIndexBuilder), then the label points, whole areas until about `vertex_budget` vertices
// a step either way. `options` as the builder applied them (MapGeometryBuilder::Options). The result is what
// BuildMapGeometry gives. The geometry must stay the same one while the finisher works on it.
class MapGeometryFinisher {
  public:
    explicit MapGeometryFinisher(const GeometryOptions& options) : options_(options) {}
    bool Step(MapGeometry& m, size_t vertex_budget);  // true once `m` is indexed and labelled

  private:
    GeometryOptions options_;
    std::unique_ptr<HitIndexBuilder> hit_;  // while the index is being made
    size_t next_ = 0;
};

// Projects and triangulates one area and finds its label (BuildMapGeometry's per-area step; the
// label with LabelArea, unless options.defer_labels).
AreaGeometry BuildAreaGeometry(const Area& area, const Projection& projection, const GeometryOptions& options,
                               Triangulator& triangulator);
// Finds the label point of one built area: the pole of inaccessibility of its largest polygon,
// or its marker.
void LabelArea(AreaGeometry& g, const GeometryOptions& options);

// The fill triangles of every polygon of `area` into `out` (cleared), as BuildAreaGeometry makes
// them; false if the triangulator gave up on a polygon. At most MaxFillIndices(area) indices.
bool TriangulateArea(const AreaGeometry& area, Triangulator& triangulator, std::vector<uint32_t>& out);
// An upper bound of TriangulateArea's index count: per polygon of n vertices and h holes,
// 3 (n + 2h - 2) (ear clipping with each hole bridged in).
size_t MaxFillIndices(const AreaGeometry& area);

// Brute-force even-odd test of p against all rings of all polygons of `area` (the reference the
// hit index agrees with).
bool PointInArea(const AreaGeometry& area, Vec2 p);

// ---- 4. per-frame helpers -----------------------------------------------------------------------

// Writes the area's vertices in screen pixels into `out` (reused: no allocation once it has
// reached max_area_vertices). Index i of `out` corresponds to area.vertices[i].
inline void AreaToScreen(const ViewTransform& view, const AreaGeometry& area, std::vector<Vec2>& out) {
    TransformToScreen(view, area.vertices.data(), area.vertices.size(), out);
}

}  // namespace jcm
