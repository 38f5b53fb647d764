// triangulate.cpp: ear clipping with hole bridging and z-order hashing (see triangulate.h).
//
// Sections: 1. Earcut class (state, node list primitives)   2. geometric predicates
//           3. the ear loop and its fallbacks   4. hole elimination   5. z-order hashing
//           6. public entry points
#include "core/triangulate.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jcm {
namespace detail {

namespace {

// Work units allowed per vertex per log2(n), plus a floor (a unit is about one node visited).
constexpr int64_t kBudgetPerVertexLog = 64;
constexpr int64_t kBudgetFloor = 20'000'000;
// Rings with more vertices than this are z-order hashed (earcut's threshold).
constexpr size_t kHashThreshold = 80;

// ---- 1. Earcut class ----------------------------------------------------------------------------

class Earcut {
public:
    Earcut(std::vector<EarNode>& nodes, std::vector<uint32_t>& holes, std::vector<EarWork>& work,
           std::vector<uint32_t>& out, const Vec2* vertices)
        : nodes_(nodes), holes_(holes), work_(work), out_(out), vertices_(vertices) {}

    // Triangulates the polygon; false if the budget ran out.
    bool Run(const RingRange* rings, size_t ring_count);

private:
    std::vector<EarNode>& nodes_;
    std::vector<uint32_t>& holes_;
    std::vector<EarWork>& work_;
    std::vector<uint32_t>& out_;
    const Vec2* vertices_;
    bool hashed_ = false;
    double min_x_ = 0, min_y_ = 0, inv_size_ = 0;
    int64_t budget_ = 0;

    uint32_t Next(uint32_t p) const { return nodes_[p].next; }
    uint32_t Prev(uint32_t p) const { return nodes_[p].prev; }

    // Appends a node for input vertex `i` after `last` (or as a new one-node ring); returns it.
    uint32_t InsertNode(uint32_t i, uint32_t last);
    // Appends an unlinked copy of node `p`; returns its id.
    uint32_t CopyNode(uint32_t p);
    // Unlinks `p` from its ring and from the z-order list.
    void RemoveNode(uint32_t p);
    // Appends the triangle (a, b, c) to the output.
    void Emit(uint32_t a, uint32_t b, uint32_t c) {
        out_.push_back(nodes_[a].i);
        out_.push_back(nodes_[b].i);
        out_.push_back(nodes_[c].i);
    }

    // ---- 2. predicates
    double Area(uint32_t p, uint32_t q, uint32_t r) const;
    bool Equals(uint32_t a, uint32_t b) const { return nodes_[a].x == nodes_[b].x && nodes_[a].y == nodes_[b].y; }
    bool Intersects(uint32_t p1, uint32_t q1, uint32_t p2, uint32_t q2) const;
    bool OnSegment(uint32_t p, uint32_t q, uint32_t r) const;
    bool IntersectsPolygon(uint32_t a, uint32_t b);
    bool LocallyInside(uint32_t a, uint32_t b) const;
    bool MiddleInside(uint32_t a, uint32_t b);
    bool IsValidDiagonal(uint32_t a, uint32_t b);
    bool SectorContainsSector(uint32_t m, uint32_t p) const;

    // ---- 3. ear loop
    uint32_t LinkedList(RingRange ring, bool clockwise);
    uint32_t FilterPoints(uint32_t start, uint32_t end);
    void EarLoop(uint32_t start);
    bool IsEar(uint32_t ear);
    bool IsEarHashed(uint32_t ear);
    uint32_t CureLocalIntersections(uint32_t start);
    void SplitEarcut(uint32_t start);
    uint32_t SplitPolygon(uint32_t a, uint32_t b);

    // ---- 4. holes
    uint32_t EliminateHoles(const RingRange* rings, size_t ring_count, uint32_t outer);
    uint32_t EliminateHole(uint32_t hole, uint32_t outer);
    uint32_t FindHoleBridge(uint32_t hole, uint32_t outer);
    uint32_t GetLeftmost(uint32_t start) const;

    // ---- 5. z-order
    uint32_t ZOrder(double x, double y) const;
    void IndexCurve(uint32_t start);
    void SortLinked(uint32_t list);
};

// True if (px, py) is inside or on the triangle (a, b, c) (wound as ears are).
bool PointInTriangle(double ax, double ay, double bx, double by, double cx, double cy, double px, double py) {
    return (cx - px) * (ay - py) >= (ax - px) * (cy - py) && (ax - px) * (by - py) >= (bx - px) * (ay - py) &&
           (bx - px) * (cy - py) >= (cx - px) * (by - py);
}

// PointInTriangle, except that a point equal to the first corner does not count.
bool PointInTriangleExceptFirst(double ax, double ay, double bx, double by, double cx, double cy, double px,
                                double py) {
    return !(ax == px && ay == py) && PointInTriangle(ax, ay, bx, by, cx, cy, px, py);
}

int Sign(double v) { return v > 0 ? 1 : (v < 0 ? -1 : 0); }

uint32_t Earcut::InsertNode(uint32_t i, uint32_t last) {
    const uint32_t id = static_cast<uint32_t>(nodes_.size());
    EarNode n;
    n.x = static_cast<double>(vertices_[i].x);
    n.y = static_cast<double>(vertices_[i].y);
    n.i = i;
    if (last == kNoNode) {
        n.prev = id;
        n.next = id;
        nodes_.push_back(n);
    } else {
        n.next = nodes_[last].next;
        n.prev = last;
        nodes_.push_back(n);
        nodes_[nodes_[last].next].prev = id;
        nodes_[last].next = id;
    }
    return id;
}

uint32_t Earcut::CopyNode(uint32_t p) {
    EarNode n;
    n.x = nodes_[p].x;
    n.y = nodes_[p].y;
    n.i = nodes_[p].i;
    n.z = nodes_[p].z;
    nodes_.push_back(n);
    return static_cast<uint32_t>(nodes_.size() - 1);
}

void Earcut::RemoveNode(uint32_t p) {
    EarNode& n = nodes_[p];
    nodes_[n.next].prev = n.prev;
    nodes_[n.prev].next = n.next;
    if (n.prev_z != kNoNode) nodes_[n.prev_z].next_z = n.next_z;
    if (n.next_z != kNoNode) nodes_[n.next_z].prev_z = n.prev_z;
}

// ---- 2. geometric predicates --------------------------------------------------------------------

// Twice the signed area of (p, q, r), negative for a convex corner of a correctly wound ring.
double Earcut::Area(uint32_t p, uint32_t q, uint32_t r) const {
    const EarNode& a = nodes_[p];
    const EarNode& b = nodes_[q];
    const EarNode& c = nodes_[r];
    return (b.y - a.y) * (c.x - b.x) - (b.x - a.x) * (c.y - b.y);
}

// For collinear p, q, r: whether q lies on segment pr.
bool Earcut::OnSegment(uint32_t p, uint32_t q, uint32_t r) const {
    const EarNode& a = nodes_[p];
    const EarNode& b = nodes_[q];
    const EarNode& c = nodes_[r];
    return b.x <= std::max(a.x, c.x) && b.x >= std::min(a.x, c.x) && b.y <= std::max(a.y, c.y) &&
           b.y >= std::min(a.y, c.y);
}

// Whether segments p1q1 and p2q2 intersect (touching counts).
bool Earcut::Intersects(uint32_t p1, uint32_t q1, uint32_t p2, uint32_t q2) const {
    const int o1 = Sign(Area(p1, q1, p2));
    const int o2 = Sign(Area(p1, q1, q2));
    const int o3 = Sign(Area(p2, q2, p1));
    const int o4 = Sign(Area(p2, q2, q1));
    if (o1 != o2 && o3 != o4) return true;
    if (o1 == 0 && OnSegment(p1, p2, q1)) return true;
    if (o2 == 0 && OnSegment(p1, q2, q1)) return true;
    if (o3 == 0 && OnSegment(p2, p1, q2)) return true;
    if (o4 == 0 && OnSegment(p2, q1, q2)) return true;
    return false;
}

// Whether the diagonal ab crosses any edge of the ring not incident to a or b.
bool Earcut::IntersectsPolygon(uint32_t a, uint32_t b) {
    const uint32_t ai = nodes_[a].i, bi = nodes_[b].i;
    uint32_t p = a;
    do {
        --budget_;
        const uint32_t n = Next(p);
        if (nodes_[p].i != ai && nodes_[n].i != ai && nodes_[p].i != bi && nodes_[n].i != bi &&
            Intersects(p, n, a, b)) {
            return true;
        }
        p = n;
    } while (p != a);
    return false;
}

// Whether the diagonal ab starts into the polygon's interior at a.
bool Earcut::LocallyInside(uint32_t a, uint32_t b) const {
    return Area(Prev(a), a, Next(a)) < 0 ? Area(a, b, Next(a)) >= 0 && Area(a, Prev(a), b) >= 0
                                         : Area(a, b, Prev(a)) < 0 || Area(a, Next(a), b) < 0;
}

// Whether the midpoint of ab is inside the ring (even-odd).
bool Earcut::MiddleInside(uint32_t a, uint32_t b) {
    uint32_t p = a;
    bool inside = false;
    const double px = (nodes_[a].x + nodes_[b].x) / 2, py = (nodes_[a].y + nodes_[b].y) / 2;
    do {
        --budget_;
        const EarNode& n = nodes_[p];
        const EarNode& nn = nodes_[n.next];
        if (((n.y > py) != (nn.y > py)) && nn.y != n.y && (px < (nn.x - n.x) * (py - n.y) / (nn.y - n.y) + n.x)) {
            inside = !inside;
        }
        p = n.next;
    } while (p != a);
    return inside;
}

// Whether ab is a diagonal that can split the ring in two valid halves.
bool Earcut::IsValidDiagonal(uint32_t a, uint32_t b) {
    const uint32_t bi = nodes_[b].i;
    if (nodes_[Next(a)].i == bi || nodes_[Prev(a)].i == bi) return false;
    if (IntersectsPolygon(a, b)) return false;
    const bool visible = LocallyInside(a, b) && LocallyInside(b, a) && MiddleInside(a, b) &&
                         (Area(Prev(a), a, Prev(b)) != 0 || Area(a, Prev(b), b) != 0);
    const bool zero_length = Equals(a, b) && Area(Prev(a), a, Next(a)) > 0 && Area(Prev(b), b, Next(b)) > 0;
    return visible || zero_length;
}

// Whether the sector at m contains the sector at p (same coordinates).
bool Earcut::SectorContainsSector(uint32_t m, uint32_t p) const {
    return Area(Prev(m), m, Prev(p)) < 0 && Area(Next(p), m, Next(m)) < 0;
}

// ---- 3. the ear loop and its fallbacks ----------------------------------------------------------

// Builds a ring from `ring` wound as requested; returns a node of it or kNoNode if empty.
uint32_t Earcut::LinkedList(RingRange ring, bool clockwise) {
    if (ring.count == 0) return kNoNode;
    const RingRange r = ring;
    const double area = RingSignedArea(vertices_, r);
    uint32_t last = kNoNode;
    if (clockwise == (area > 0)) {
        for (uint32_t k = 0; k < r.count; ++k) last = InsertNode(r.start + k, last);
    } else {
        for (uint32_t k = r.count; k-- > 0;) last = InsertNode(r.start + k, last);
    }
    if (last != kNoNode && last != Next(last) && Equals(last, Next(last))) {
        const uint32_t n = Next(last);
        RemoveNode(last);
        last = n;
    }
    return last;
}

// Removes duplicate and collinear points between start and end; returns a node still in the ring.
uint32_t Earcut::FilterPoints(uint32_t start, uint32_t end) {
    if (start == kNoNode) return start;
    if (end == kNoNode) end = start;
    uint32_t p = start;
    bool again;
    do {
        again = false;
        --budget_;
        if (!nodes_[p].steiner && (Equals(p, Next(p)) || Area(Prev(p), p, Next(p)) == 0)) {
            const uint32_t prev = Prev(p);
            RemoveNode(p);
            p = end = prev;
            if (p == Next(p)) break;
            again = true;
        } else {
            p = Next(p);
        }
    } while (again || p != end);
    return end;
}

// Clips ears until nothing is left, running the fallbacks in order when stuck.
void Earcut::EarLoop(uint32_t start) {
    work_.clear();
    work_.push_back({start, 0});
    while (!work_.empty()) {
        const EarWork item = work_.back();
        work_.pop_back();
        uint32_t ear = item.node;
        if (ear == kNoNode) continue;
        if (item.pass == 0 && hashed_) IndexCurve(ear);
        uint32_t stop = ear;
        while (Prev(ear) != Next(ear)) {
            if (--budget_ < 0) return;
            const uint32_t prev = Prev(ear), next = Next(ear);
            if (hashed_ ? IsEarHashed(ear) : IsEar(ear)) {
                Emit(prev, ear, next);
                RemoveNode(ear);
                ear = Next(next);  // skipping the next vertex gives fewer slivers
                stop = ear;
                continue;
            }
            ear = next;
            if (ear == stop) {
                if (item.pass == 0) {
                    work_.push_back({FilterPoints(ear, kNoNode), 1});
                } else if (item.pass == 1) {
                    work_.push_back({CureLocalIntersections(FilterPoints(ear, kNoNode)), 2});
                } else {
                    SplitEarcut(ear);
                }
                break;
            }
        }
    }
}

// Whether `ear` with its neighbours is a convex corner containing no other reflex vertex.
bool Earcut::IsEar(uint32_t ear) {
    const uint32_t a = Prev(ear), c = Next(ear);
    if (Area(a, ear, c) >= 0) return false;  // reflex
    const double ax = nodes_[a].x, bx = nodes_[ear].x, cx = nodes_[c].x;
    const double ay = nodes_[a].y, by = nodes_[ear].y, cy = nodes_[c].y;
    const double x0 = std::min({ax, bx, cx}), y0 = std::min({ay, by, cy});
    const double x1 = std::max({ax, bx, cx}), y1 = std::max({ay, by, cy});
    uint32_t p = Next(c);
    while (p != a) {
        --budget_;
        const EarNode& n = nodes_[p];
        if (n.x >= x0 && n.x <= x1 && n.y >= y0 && n.y <= y1 &&
            PointInTriangleExceptFirst(ax, ay, bx, by, cx, cy, n.x, n.y) && Area(n.prev, p, n.next) >= 0) {
            return false;
        }
        p = n.next;
    }
    return true;
}

// IsEar, looking only at vertices whose z-order key falls in the triangle's bounding box.
bool Earcut::IsEarHashed(uint32_t ear) {
    const uint32_t a = Prev(ear), c = Next(ear);
    if (Area(a, ear, c) >= 0) return false;  // reflex
    const double ax = nodes_[a].x, bx = nodes_[ear].x, cx = nodes_[c].x;
    const double ay = nodes_[a].y, by = nodes_[ear].y, cy = nodes_[c].y;
    const double x0 = std::min({ax, bx, cx}), y0 = std::min({ay, by, cy});
    const double x1 = std::max({ax, bx, cx}), y1 = std::max({ay, by, cy});
    const uint32_t min_z = ZOrder(x0, y0), max_z = ZOrder(x1, y1);
    // Whether node q (not a corner) is a reflex vertex inside the candidate ear.
    auto blocks = [&](uint32_t q) {
        const EarNode& n = nodes_[q];
        return n.x >= x0 && n.x <= x1 && n.y >= y0 && n.y <= y1 && q != a && q != c &&
               PointInTriangleExceptFirst(ax, ay, bx, by, cx, cy, n.x, n.y) && Area(n.prev, q, n.next) >= 0;
    };
    uint32_t p = nodes_[ear].prev_z, n = nodes_[ear].next_z;
    while (p != kNoNode && nodes_[p].z >= min_z && n != kNoNode && nodes_[n].z <= max_z) {
        budget_ -= 2;
        if (blocks(p)) return false;
        p = nodes_[p].prev_z;
        if (blocks(n)) return false;
        n = nodes_[n].next_z;
    }
    while (p != kNoNode && nodes_[p].z >= min_z) {
        --budget_;
        if (blocks(p)) return false;
        p = nodes_[p].prev_z;
    }
    while (n != kNoNode && nodes_[n].z <= max_z) {
        --budget_;
        if (blocks(n)) return false;
        n = nodes_[n].next_z;
    }
    return true;
}

// Clips triangles at small local self-intersections (a-p-p.next-b crossing); returns the ring.
uint32_t Earcut::CureLocalIntersections(uint32_t start) {
    if (start == kNoNode) return start;
    uint32_t p = start;
    do {
        --budget_;
        const uint32_t a = Prev(p), pn = Next(p), b = Next(pn);
        if (!Equals(a, b) && Intersects(a, p, pn, b) && LocallyInside(a, b) && LocallyInside(b, a)) {
            Emit(a, p, b);
            RemoveNode(p);
            RemoveNode(pn);
            p = start = b;
        }
        p = Next(p);
    } while (p != start && budget_ >= 0);
    return FilterPoints(p, kNoNode);
}

// Splits the ring along the first valid diagonal found and queues both halves.
void Earcut::SplitEarcut(uint32_t start) {
    uint32_t a = start;
    do {
        uint32_t b = Next(Next(a));
        while (b != Prev(a)) {
            if (--budget_ < 0) return;
            if (nodes_[a].i != nodes_[b].i && IsValidDiagonal(a, b)) {
                uint32_t c = SplitPolygon(a, b);
                a = FilterPoints(a, Next(a));
                c = FilterPoints(c, Next(c));
                work_.push_back({c, 0});
                work_.push_back({a, 0});
                return;
            }
            b = Next(b);
        }
        a = Next(a);
    } while (a != start);
}

// Links a and b with a two-way bridge: splits one ring in two, or merges a hole into the outer
// ring. Returns the copy of b on the other side.
uint32_t Earcut::SplitPolygon(uint32_t a, uint32_t b) {
    const uint32_t a2 = CopyNode(a);
    const uint32_t b2 = CopyNode(b);
    const uint32_t an = Next(a), bp = Prev(b);
    nodes_[a].next = b;
    nodes_[b].prev = a;
    nodes_[a2].next = an;
    nodes_[an].prev = a2;
    nodes_[b2].next = a2;
    nodes_[a2].prev = b2;
    nodes_[bp].next = b2;
    nodes_[b2].prev = bp;
    return b2;
}

// ---- 4. hole elimination ------------------------------------------------------------------------

// Bridges every hole into the outer ring, left to right; returns the outer ring.
uint32_t Earcut::EliminateHoles(const RingRange* rings, size_t ring_count, uint32_t outer) {
    holes_.clear();
    for (size_t r = 1; r < ring_count; ++r) {
        const uint32_t list = LinkedList(rings[r], false);
        if (list == kNoNode) continue;
        if (list == Next(list)) nodes_[list].steiner = true;
        holes_.push_back(GetLeftmost(list));
    }
    // Left to right; holes meeting at their leftmost point are ordered by the slope of the next
    // edge so the shared point is what the bridge finds.
    std::sort(holes_.begin(), holes_.end(), [this](uint32_t a, uint32_t b) {
        const EarNode& na = nodes_[a];
        const EarNode& nb = nodes_[b];
        if (na.x != nb.x) return na.x < nb.x;
        if (na.y != nb.y) return na.y < nb.y;
        const double sa = std::atan2(nodes_[na.next].y - na.y, nodes_[na.next].x - na.x);
        const double sb = std::atan2(nodes_[nb.next].y - nb.y, nodes_[nb.next].x - nb.x);
        if (sa != sb) return sa < sb;
        return a < b;
    });
    for (uint32_t hole : holes_) outer = EliminateHole(hole, outer);
    return outer;
}

// Bridges one hole into the outer ring; returns a node of the merged ring.
uint32_t Earcut::EliminateHole(uint32_t hole, uint32_t outer) {
    const uint32_t bridge = FindHoleBridge(hole, outer);
    if (bridge == kNoNode) return outer;  // hole outside the outer ring: ignored
    const uint32_t bridge_reverse = SplitPolygon(bridge, hole);
    FilterPoints(bridge_reverse, Next(bridge_reverse));
    return FilterPoints(bridge, Next(bridge));
}

// Eberly's method: the outer vertex visible from the hole's leftmost point, or kNoNode.
uint32_t Earcut::FindHoleBridge(uint32_t hole, uint32_t outer) {
    const double hx = nodes_[hole].x, hy = nodes_[hole].y;
    double qx = -std::numeric_limits<double>::infinity();
    uint32_t m = kNoNode;
    uint32_t p = outer;
    if (Equals(hole, p)) return p;
    // The segment hit first by a ray from the hole point to the left; its left end is a candidate.
    do {
        --budget_;
        const uint32_t n = Next(p);
        if (Equals(hole, n)) return n;
        const EarNode& pp = nodes_[p];
        const EarNode& nn = nodes_[n];
        if (hy <= pp.y && hy >= nn.y && nn.y != pp.y) {
            const double x = pp.x + (hy - pp.y) * (nn.x - pp.x) / (nn.y - pp.y);
            if (x <= hx && x > qx) {
                qx = x;
                m = pp.x < nn.x ? p : n;
                if (x == hx) return m;  // the hole touches the segment
            }
        }
        p = n;
    } while (p != outer);
    if (m == kNoNode) return kNoNode;
    // Vertices inside the triangle (hole point, ray hit, m) may block m: take the one with the
    // smallest angle to the ray.
    const uint32_t stop = m;
    const double mx = nodes_[m].x, my = nodes_[m].y;
    double tan_min = std::numeric_limits<double>::infinity();
    p = m;
    do {
        --budget_;
        const double px = nodes_[p].x, py = nodes_[p].y;
        if (hx >= px && px >= mx && hx != px &&
            PointInTriangle(hy < my ? hx : qx, hy, mx, my, hy < my ? qx : hx, hy, px, py)) {
            const double tan = std::fabs(hy - py) / (hx - px);
            if (LocallyInside(p, hole) &&
                (tan < tan_min ||
                 (tan == tan_min && (px > nodes_[m].x || (px == nodes_[m].x && SectorContainsSector(m, p)))))) {
                m = p;
                tan_min = tan;
            }
        }
        p = Next(p);
    } while (p != stop);
    return m;
}

// The leftmost (then lowest) node of a ring.
uint32_t Earcut::GetLeftmost(uint32_t start) const {
    uint32_t p = start, leftmost = start;
    do {
        const EarNode& n = nodes_[p];
        const EarNode& l = nodes_[leftmost];
        if (n.x < l.x || (n.x == l.x && n.y < l.y)) leftmost = p;
        p = n.next;
    } while (p != start);
    return leftmost;
}

// ---- 5. z-order hashing -------------------------------------------------------------------------

// Interleaved 15-bit coordinates of (x, y) relative to the polygon's bounding box.
uint32_t Earcut::ZOrder(double x, double y) const {
    const double fx = std::clamp((x - min_x_) * inv_size_, 0.0, 32767.0);
    const double fy = std::clamp((y - min_y_) * inv_size_, 0.0, 32767.0);
    uint32_t ix = static_cast<uint32_t>(fx);
    uint32_t iy = static_cast<uint32_t>(fy);
    ix = (ix | (ix << 8)) & 0x00FF00FFu;
    ix = (ix | (ix << 4)) & 0x0F0F0F0Fu;
    ix = (ix | (ix << 2)) & 0x33333333u;
    ix = (ix | (ix << 1)) & 0x55555555u;
    iy = (iy | (iy << 8)) & 0x00FF00FFu;
    iy = (iy | (iy << 4)) & 0x0F0F0F0Fu;
    iy = (iy | (iy << 2)) & 0x33333333u;
    iy = (iy | (iy << 1)) & 0x55555555u;
    return ix | (iy << 1);
}

// Links the ring's nodes into a list sorted by z-order key.
void Earcut::IndexCurve(uint32_t start) {
    uint32_t p = start;
    do {
        EarNode& n = nodes_[p];
        if (n.z == 0) n.z = ZOrder(n.x, n.y);
        n.prev_z = n.prev;
        n.next_z = n.next;
        p = n.next;
    } while (p != start);
    nodes_[nodes_[p].prev_z].next_z = kNoNode;
    nodes_[p].prev_z = kNoNode;
    SortLinked(p);
}

// Simon Tatham's linked-list merge sort on the z links.
void Earcut::SortLinked(uint32_t list) {
    size_t in_size = 1;
    size_t num_merges;
    do {
        uint32_t p = list;
        list = kNoNode;
        uint32_t tail = kNoNode;
        num_merges = 0;
        while (p != kNoNode) {
            ++num_merges;
            uint32_t q = p;
            size_t p_size = 0;
            for (size_t k = 0; k < in_size; ++k) {
                ++p_size;
                q = nodes_[q].next_z;
                if (q == kNoNode) break;
            }
            size_t q_size = in_size;
            while (p_size > 0 || (q_size > 0 && q != kNoNode)) {
                uint32_t e;
                if (p_size != 0 && (q_size == 0 || q == kNoNode || nodes_[p].z <= nodes_[q].z)) {
                    e = p;
                    p = nodes_[p].next_z;
                    --p_size;
                } else {
                    e = q;
                    q = nodes_[q].next_z;
                    --q_size;
                }
                if (tail != kNoNode) {
                    nodes_[tail].next_z = e;
                } else {
                    list = e;
                }
                nodes_[e].prev_z = tail;
                tail = e;
            }
            p = q;
        }
        nodes_[tail].next_z = kNoNode;
        in_size *= 2;
    } while (num_merges > 1);
}

// ---- 6. entry: Earcut::Run ----------------------------------------------------------------------

bool Earcut::Run(const RingRange* rings, size_t ring_count) {
    size_t total = 0;
    for (size_t r = 0; r < ring_count; ++r) total += rings[r].count;
    int64_t log_n = 1;
    while ((size_t{1} << log_n) < total && log_n < 62) ++log_n;
    budget_ = kBudgetFloor + kBudgetPerVertexLog * static_cast<int64_t>(total) * log_n;

    uint32_t outer = LinkedList(rings[0], true);
    if (outer == kNoNode || Next(outer) == Prev(outer)) return true;  // fewer than 3 points
    if (ring_count > 1) outer = EliminateHoles(rings, ring_count, outer);

    hashed_ = false;
    if (total > kHashThreshold) {
        double max_x = -std::numeric_limits<double>::infinity();
        double max_y = max_x;
        min_x_ = std::numeric_limits<double>::infinity();
        min_y_ = min_x_;
        for (size_t r = 0; r < ring_count; ++r) {
            for (uint32_t k = 0; k < rings[r].count; ++k) {
                const Vec2 v = vertices_[rings[r].start + k];
                min_x_ = std::min(min_x_, static_cast<double>(v.x));
                min_y_ = std::min(min_y_, static_cast<double>(v.y));
                max_x = std::max(max_x, static_cast<double>(v.x));
                max_y = std::max(max_y, static_cast<double>(v.y));
            }
        }
        const double size = std::max(max_x - min_x_, max_y - min_y_);
        inv_size_ = size > 0 ? 32767.0 / size : 0.0;
        hashed_ = inv_size_ > 0;
    }
    EarLoop(outer);
    return budget_ >= 0;
}

}  // namespace
}  // namespace detail

// ---- 6. public entry points ---------------------------------------------------------------------

bool Triangulator::Triangulate(const Vec2* vertices, const RingRange* rings, size_t ring_count,
                               std::vector<uint32_t>& out) {
    if (ring_count == 0 || vertices == nullptr) return true;
    size_t total = 0;
    for (size_t r = 0; r < ring_count; ++r) {
        for (uint32_t k = 0; k < rings[r].count; ++k) {
            const Vec2 v = vertices[rings[r].start + k];
            if (!std::isfinite(v.x) || !std::isfinite(v.y)) return false;
        }
        total += rings[r].count;
    }
    nodes_.clear();
    nodes_.reserve(total + 2 * ring_count + 64);
    detail::Earcut earcut(nodes_, holes_, work_, out, vertices);
    return earcut.Run(rings, ring_count);
}

std::vector<uint32_t> Triangulate(const std::vector<std::vector<Vec2>>& rings) {
    std::vector<Vec2> flat;
    std::vector<RingRange> ranges;
    for (const auto& ring : rings) {
        ranges.push_back({static_cast<uint32_t>(flat.size()), static_cast<uint32_t>(ring.size())});
        flat.insert(flat.end(), ring.begin(), ring.end());
    }
    std::vector<uint32_t> out;
    Triangulator t;
    t.Triangulate(flat.data(), ranges.data(), ranges.size(), out);
    return out;
}

double TrianglesArea(const Vec2* vertices, const std::vector<uint32_t>& indices) {
    double sum = 0;
    for (size_t k = 0; k + 2 < indices.size(); k += 3) {
        const Vec2 a = vertices[indices[k]], b = vertices[indices[k + 1]], c = vertices[indices[k + 2]];
        const double cross = (static_cast<double>(b.x) - a.x) * (static_cast<double>(c.y) - a.y) -
                             (static_cast<double>(b.y) - a.y) * (static_cast<double>(c.x) - a.x);
        sum += std::fabs(cross);
    }
    return 0.5 * sum;
}

double RingSignedArea(const Vec2* vertices, RingRange ring) {
    if (ring.count < 3) return 0;
    double sum = 0;
    const Vec2* v = vertices + ring.start;
    // Relative to the first vertex: smaller products, less cancellation.
    const double x0 = v[0].x, y0 = v[0].y;
    for (uint32_t k = 1; k + 1 < ring.count; ++k) {
        sum += (v[k].x - x0) * (v[k + 1].y - y0) - (v[k + 1].x - x0) * (v[k].y - y0);
    }
    return 0.5 * sum;
}

}  // namespace jcm
