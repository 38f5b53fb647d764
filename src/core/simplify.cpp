// simplify.cpp: see simplify.h.
#include "core/simplify.h"

#include <algorithm>
#include <cmath>
#include <cstring>

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

// A point as one number: its coordinates' bits (-0 as 0), equal only for the same point.
uint64_t PointKey(Vec2 p) {
    uint32_t x = 0, y = 0;
    const float fx = p.x == 0.0f ? 0.0f : p.x, fy = p.y == 0.0f ? 0.0f : p.y;
    std::memcpy(&x, &fx, 4);
    std::memcpy(&y, &fy, 4);
    return (uint64_t{x} << 32) | y;
}

bool Less(Vec2 a, Vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }

constexpr uint64_t kNoPoint = ~uint64_t{0};  // a NaN's bits: no vertex has them (coordinates are finite)
// BorderNodeFinder's table: a slot's pair keeps the point's state in its low two bits (the pair's
// own are dropped: 62 bits of mix still tell pairs apart).
constexpr uint64_t kSeenOnce = 1, kSeenTwice = 2, kNode = 3, kState = 3;

// The slot of point `key` in a hash table of 2^bits slots (Fibonacci hashing, linear probing):
// where it is, or the empty slot (kNoPoint) where it would go. `key_of` reads a slot's point.
template <class Slot, class KeyOf>
size_t PointSlot(const std::vector<Slot>& table, uint64_t key, int bits, KeyOf key_of) {
    size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - bits));
    while (key_of(table[i]) != kNoPoint && key_of(table[i]) != key) i = (i + 1) & (table.size() - 1);
    return i;
}
uint64_t Itself(uint64_t key) { return key; }

// Douglas-Peucker over vertices at(0..last) of a polyline, both ends kept: flags (in `flags`, by
// ring index) every vertex farther than `tolerance` from what is kept, and the first `force`
// vertices it splits at whatever the tolerance. `at` maps a position on the stretch to a ring
// index. `stack` is reused storage.
template <class At>
void SimplifyStretch(const Vec2* ring, uint32_t last, At at, float tolerance, int force, std::vector<uint32_t>& flags,
                     std::vector<uint32_t>& stack) {
    stack.clear();
    stack.push_back(0), stack.push_back(last);
    while (!stack.empty()) {
        const uint32_t j = stack.back();
        stack.pop_back();
        const uint32_t i = stack.back();
        stack.pop_back();
        const Vec2 a = ring[at(i)], b = ring[at(j)];
        float worst = -1;
        uint32_t far = 0;
        for (uint32_t k = i + 1; k < j; ++k) {
            const float d = DistanceToSegment(ring[at(k)], a, b);
            if (d > worst) worst = d, far = k;
        }
        if (far == 0 || (worst <= tolerance && force <= 0)) continue;
        --force;
        flags[at(far)] = 1;
        // A second forced vertex (a closed stretch) is the farthest in the next half popped that
        // has one: the same for both copies, which read the stretch in the same order.
        if (far - i > 1) stack.push_back(i), stack.push_back(far);
        if (j - far > 1) stack.push_back(far), stack.push_back(j);
    }
}

}  // namespace

BorderNodes FindBorderNodes(const std::vector<AreaGeometry>& areas) {
    BorderNodeFinder finder(areas);
    while (!finder.Step()) {
    }
    return finder.Finish();
}

// Every vertex's point in a hash table with the pair of its two neighbours (in either order) it was
// first seen with: a point is a node if it is seen with another pair, or more than twice.
BorderNodeFinder::BorderNodeFinder(const std::vector<AreaGeometry>& areas) : areas_(&areas) {
    size_t total = 0;
    for (const AreaGeometry& a : areas) total += a.vertices.size();
    // In passes over a share of the points each (by a hash of the point), so that the table stays
    // at 4 MB: a million-vertex map's every point at once would need 16 MB, on top of everything.
    // A slot a vertex: where neighbours share their borders (most points are on two rings) it is
    // half full; where nothing is shared it grows once, in the first pass.
    passes_ = std::max<size_t>(1, (total + (1u << 18) - 1) >> 18);
    while ((size_t{1} << bits_) < (total + passes_ - 1) / passes_) ++bits_;
}

bool BorderNodeFinder::Step() {
    if (pass_ >= passes_) return true;
    const size_t passes = passes_, pass = pass_++;
    table_.assign(size_t{1} << bits_, Seen{kNoPoint, 0});
    size_t used = 0;
    for (const AreaGeometry& a : *areas_) {
        for (const RingRange& r : a.rings) {
            const Vec2* v = a.vertices.data() + r.start;
            for (uint32_t k = 0; k < r.count; ++k) {
                const uint64_t point = PointKey(v[k]);
                // (The pass by another hash than the table's slot: the same would leave a pass
                // the slots of its own share of the hash, a quarter of the table for four.)
                if (passes > 1 && (((point * 0xBF58476D1CE4E5B9ull) >> 40) * passes >> 24) != pass) continue;
                const uint64_t p = PointKey(v[k == 0 ? r.count - 1 : k - 1]), q = PointKey(v[k + 1 == r.count ? 0 : k + 1]);
                const uint64_t lo = std::min(p, q), hi = std::max(p, q);
                // Both neighbours in one number (a 64-bit mix: two different pairs that
                // collide would only lose a node, a sliver of under the tolerance).
                uint64_t h = lo * 0x9E3779B97F4A7C15ull;
                h ^= (hi + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2)) * 0xBF58476D1CE4E5B9ull;
                const uint64_t pair = (h ^ (h >> 31)) & ~kState;
                Seen& slot = table_[SeenSlot(point)];
                if (slot.point == kNoPoint) {
                    slot = Seen{point, pair | kSeenOnce};
                    if (++used * 4 > table_.size() * 3) Grow();  // a pass with more points than its share
                    continue;
                }
                const uint64_t state = slot.pair & kState;
                if (state == kNode) continue;
                slot.pair = (slot.pair & ~kState) | ((slot.pair & ~kState) != pair || state == kSeenTwice ? kNode : kSeenTwice);
            }
        }
    }
    for (const Seen& slot : table_)
        if (slot.point != kNoPoint && (slot.pair & kState) == kNode) nodes_.push_back(slot.point);
    return pass_ >= passes_;
}

size_t BorderNodeFinder::SeenSlot(uint64_t point) const {
    return PointSlot(table_, point, bits_, [](const Seen& s) { return s.point; });
}

void BorderNodeFinder::Grow() {
    std::vector<Seen> old(size_t{1} << ++bits_, Seen{kNoPoint, 0});
    old.swap(table_);
    for (const Seen& slot : old)
        if (slot.point != kNoPoint) table_[SeenSlot(slot.point)] = slot;
}

BorderNodes BorderNodeFinder::Finish() {
    std::vector<Seen>().swap(table_);
    // The nodes in a hash set (at most half full): a probe or two a vertex, where a binary search
    // over the sorted nodes took about 17 (a million-vertex map: 225 ms of wasm in a browser).
    int bits = 4;
    while ((size_t{1} << bits) < nodes_.size() * 2) ++bits;
    std::vector<uint64_t> table(size_t{1} << bits, kNoPoint);
    for (uint64_t key : nodes_) table[PointSlot(table, key, bits, Itself)] = key;
    std::vector<uint64_t>().swap(nodes_);
    const std::vector<AreaGeometry>& areas = *areas_;
    BorderNodes out;
    out.of_area.resize(areas.size());
    for (size_t a = 0; a < areas.size(); ++a) {
        const std::vector<Vec2>& v = areas[a].vertices;
        std::vector<uint8_t>& flags = out.of_area[a];
        flags.assign(v.size(), 0);
        for (size_t k = 0; k < v.size(); ++k) {
            const uint64_t key = PointKey(v[k]);
            flags[k] = table[PointSlot(table, key, bits, Itself)] == key ? 1 : 0;
        }
    }
    return out;
}

void SimplifyRingAtNodes(const Vec2* ring, const uint8_t* node, uint32_t count, float tolerance, std::vector<uint32_t>* keep,
                         std::vector<uint32_t>* scratch) {
    keep->clear();
    if (count <= 3 || !(tolerance > 0)) {
        for (uint32_t i = 0; i < count; ++i) keep->push_back(i);
        return;
    }
    std::vector<uint32_t>& flags = *keep;
    flags.assign(count, 0);
    uint32_t first = 0;
    while (first < count && !node[first]) ++first;
    if (first == count) {  // no node: the least point, whichever side reads the ring
        first = 0;
        for (uint32_t i = 1; i < count; ++i)
            if (Less(ring[i], ring[first])) first = i;
    }
    flags[first] = 1;
    // Each stretch from a node to the next (the whole ring, back to the same node, if it has one).
    uint32_t from = first;
    do {
        uint32_t len = 1;
        while (len < count && !node[(from + len) % count]) ++len;
        const uint32_t to = (from + len) % count;
        flags[to] = 1;
        if (len >= 2) {
            // Read from the lesser end; a closed stretch, from the lesser of its second vertices.
            const Vec2 a = ring[from], b = ring[to];
            const bool forward = len == count ? Less(ring[(from + 1) % count], ring[(from + len - 1) % count]) : Less(a, b);
            const int force = len == count ? 2 : 1;
            if (forward)
                SimplifyStretch(ring, len, [&](uint32_t s) { return (from + s) % count; }, tolerance, force, flags, *scratch);
            else
                SimplifyStretch(ring, len, [&](uint32_t s) { return (from + len - s) % count; }, tolerance, force, flags, *scratch);
        }
        from = to;
    } while (from != first);
    uint32_t n = 0;
    for (uint32_t i = 0; i < count; ++i)
        if (flags[i]) flags[n++] = i;
    flags.resize(n);
}

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
                  std::vector<uint32_t>* keep, std::vector<uint32_t>* scratch, const uint8_t* nodes) {
    out->vertices.clear();
    out->rings.clear();
    out->indices.clear();
    bool ok = true;
    for (const PolygonRange& poly : area.polygons) {
        const size_t first = out->rings.size();
        for (uint32_t r = poly.first_ring; r < poly.first_ring + poly.ring_count; ++r) {
            const RingRange& ring = area.rings[r];
            if (nodes)
                SimplifyRingAtNodes(area.vertices.data() + ring.start, nodes + ring.start, ring.count, tolerance, keep, scratch);
            else
                SimplifyRing(area.vertices.data() + ring.start, ring.count, tolerance, keep, scratch);
            const auto start = static_cast<uint32_t>(out->vertices.size());
            for (uint32_t k : *keep) out->vertices.push_back(area.vertices[ring.start + k]);
            out->rings.push_back({start, static_cast<uint32_t>(keep->size())});
        }
        ok = triangulator.Triangulate(out->vertices.data(), out->rings.data() + first, out->rings.size() - first, out->indices) && ok;
    }
    return ok;
}

LevelSimplifier::LevelSimplifier(const std::vector<AreaGeometry>& areas, const BorderNodes* nodes, float tolerance)
    : areas_(&areas), nodes_(nodes != nullptr && nodes->of_area.size() == areas.size() ? nodes : nullptr), tolerance_(tolerance),
      out_(areas.size()) {}

bool LevelSimplifier::Step(size_t vertices) {
    const std::vector<AreaGeometry>& areas = *areas_;
    size_t read = 0;
    while (next_ < areas.size() && (read == 0 || read < vertices)) {
        const AreaGeometry& a = areas[next_];
        SimplifyArea(a, tolerance_, triangulator_, &out_[next_], &keep_, &scratch_, nodes_ ? nodes_->of_area[next_].data() : nullptr);
        kept_ += out_[next_].vertices.size();
        read += std::max<size_t>(1, a.vertices.size());
        ++next_;
    }
    return next_ == areas.size();
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

int NearestBuiltLevel(const std::vector<bool>& built, int want) {
    const int n = static_cast<int>(built.size());
    for (int d = 0; d < n; ++d) {
        if (want + d >= 0 && want + d < n && built[static_cast<size_t>(want + d)]) return want + d;
        if (d > 0 && want - d >= 0 && want - d < n && built[static_cast<size_t>(want - d)]) return want - d;
    }
    return -1;
}

}  // namespace jcm
