// box_grid.h: rectangles on the screen, found by where they are.
//
// The map's label placement asks, for every candidate position of every name, whether the box
// would overlap a label or marker already placed, and whether a point (of a leader line) is under
// one. Scanning every placed box made that O(areas × candidates × placed): with 2,000 areas on
// screen most of a frame (BENCHMARKS.md). Here each box is filed under the cells of a uniform grid
// it touches, so a question looks only at the boxes near it; the answers are exactly those of the
// scan (the grid only decides which boxes are looked at). Storage is reused from frame to frame:
// after the first frames, Reset and Add allocate nothing.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace jcm {

struct Box {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // min and max corners
};

class BoxGrid {
public:
    // Forgets every box; the grid covers [x0, x1] × [y0, y1] in cells of `cell` (boxes and points
    // outside it are filed under the border cells, so they are still found).
    void Reset(float x0, float y0, float x1, float y1, float cell) {
        cell_ = cell > 0 ? cell : 1.0f;
        x0_ = x0, y0_ = y0;
        cols_ = std::clamp(static_cast<int>(std::ceil((x1 - x0) / cell_)), 1, 512);
        rows_ = std::clamp(static_cast<int>(std::ceil((y1 - y0) / cell_)), 1, 512);
        head_.assign(static_cast<size_t>(cols_) * static_cast<size_t>(rows_), -1);
        next_.clear();
        node_box_.clear();
        boxes_.clear();
    }
    void Add(const Box& b) {
        const int index = static_cast<int>(boxes_.size());
        boxes_.push_back(b);
        const int cx0 = Col(b.x0), cx1 = Col(b.x1), cy0 = Row(b.y0), cy1 = Row(b.y1);
        for (int cy = cy0; cy <= cy1; ++cy) {
            for (int cx = cx0; cx <= cx1; ++cx) {
                int& head = head_[static_cast<size_t>(cy * cols_ + cx)];
                next_.push_back(head);
                node_box_.push_back(index);
                head = static_cast<int>(node_box_.size()) - 1;
            }
        }
    }
    // Whether any box overlaps `b` with a positive area (touching edges do not overlap).
    bool Overlaps(const Box& b) const {
        return Any(b.x0, b.y0, b.x1, b.y1, [&](const Box& o) { return b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0; });
    }
    // Whether any box has (x, y) strictly inside it.
    bool ContainsInside(float x, float y) const {
        return Any(x, y, x, y, [&](const Box& o) { return x > o.x0 && x < o.x1 && y > o.y0 && y < o.y1; });
    }
    // Whether any box has (x, y) inside it or on its edge.
    bool Contains(float x, float y) const {
        return Any(x, y, x, y, [&](const Box& o) { return x >= o.x0 && x <= o.x1 && y >= o.y0 && y <= o.y1; });
    }
    int size() const { return static_cast<int>(boxes_.size()); }
    const Box& operator[](int i) const { return boxes_[static_cast<size_t>(i)]; }

private:
    int Col(float x) const {
        return Clamp(std::floor((x - x0_) / cell_), cols_);
    }
    int Row(float y) const {
        return Clamp(std::floor((y - y0_) / cell_), rows_);
    }
    static int Clamp(float c, int n) {
        if (!(c > 0)) return 0;  // and NaN
        return c >= static_cast<float>(n - 1) ? n - 1 : static_cast<int>(c);
    }
    // Calls `hit` on the boxes filed under the cells [x0, x1] × [y0, y1] touches, until it says yes.
    template <class Hit>
    bool Any(float x0, float y0, float x1, float y1, Hit hit) const {
        if (head_.empty()) return false;
        const int cx0 = Col(x0), cx1 = Col(x1), cy0 = Row(y0), cy1 = Row(y1);
        for (int cy = cy0; cy <= cy1; ++cy)
            for (int cx = cx0; cx <= cx1; ++cx)
                for (int n = head_[static_cast<size_t>(cy * cols_ + cx)]; n >= 0; n = next_[static_cast<size_t>(n)])
                    if (hit(boxes_[static_cast<size_t>(node_box_[static_cast<size_t>(n)])])) return true;
        return false;
    }

    float x0_ = 0, y0_ = 0, cell_ = 1;
    int cols_ = 0, rows_ = 0;
    std::vector<int> head_;      // per cell: its last node, or -1
    std::vector<int> next_;      // per node: the cell's previous node, or -1
    std::vector<int> node_box_;  // per node: the box
    std::vector<Box> boxes_;
};

}  // namespace jcm
