// synthetic.cpp: see synthetic.h. Deterministic: the same spec always gives the same bytes.
#include "synthetic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace jcm::bench {
namespace {

// Shortest "%.<decimals>f" form: trailing zeros (and a trailing '.') dropped.
void AppendCoord(std::string& out, double v, int decimals) {
    char buf[32];
    int n = std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    while (n > 0 && buf[n - 1] == '0') --n;
    if (n > 0 && buf[n - 1] == '.') --n;
    out.append(buf, static_cast<size_t>(n));
}

void AppendPoint(std::string& out, double x, double y, int decimals, bool first) {
    out += first ? "[" : ",[";
    AppendCoord(out, x, decimals);
    out += ',';
    AppendCoord(out, y, decimals);
    out += ']';
}

// A deterministic wiggle in [-1, 1] for point k of border b (the same for both cells on it).
double Wiggle(int b, int k, int n) {
    const double t = static_cast<double>(k) / n;
    return std::sin(3.0 * 3.14159265358979 * t + b * 1.7) * 0.6 + std::sin(17.0 * 3.14159265358979 * t + b * 0.3) * 0.4;
}

}  // namespace

std::string SyntheticDataset(const SyntheticSpec& spec) {
    const int cols = static_cast<int>(std::ceil(std::sqrt(spec.areas * 1.25)));
    const double cell = 0.3;                 // degrees; sparse areas do not touch
    const double base_lon = 0.5, base_lat = 0.5;
    const double radius = 0.12;              // mean radius; the wobble keeps it in 0.102..0.138
    const double kPi = 3.14159265358979323846;
    std::string s;
    s.reserve(static_cast<size_t>(spec.areas) * static_cast<size_t>(spec.vertices_per_area) * 16u + 4096u);
    s += "{\"schema_version\":1,\"id\":\"synthetic\","
         "\"title\":{\"zh\":\"合成数据\",\"en\":\"Synthetic benchmark data\"},"
         "\"city\":{\"zh\":\"合成市\",\"en\":\"Synthetic City\"},"
         "\"source\":{\"title\":{\"zh\":\"合成\"},\"outlet\":{\"zh\":\"基准\"},\"file\":\"none.txt\"},"
         "\"campaign\":{\"name\":{\"zh\":\"百日攻坚\"},\"asks\":{\"zh\":\"大干一百天\"},\"quote\":\"大干一百天\",\"days\":100},"
         "\"boundary_source\":{\"name\":{\"zh\":\"合成边界\"},\"url\":\"https://example.org\",\"licence\":\"CC0-1.0\"},"
         "\"area_kinds\":[{\"id\":\"district\",\"name\":{\"zh\":\"区\",\"en\":\"District\"}}],"
         "\"categories\":[{\"id\":\"projects\",\"name\":{\"zh\":\"重点项目\",\"en\":\"Key projects\"}}],"
         "\"areas\":[";
    char buf[256];
    if (spec.shared_borders) {
        // Cells of `grid` degrees on a grid of `cols` columns. Grid corner (i, j) is moved a little
        // (deterministically); each border between two corners is a polyline of `per` segments
        // that wiggles across the straight line by up to an eighth of a cell, the same points for
        // both cells on it. A cell's ring is its four borders: 4 x `per` vertices; no two borders
        // cross (the wiggle is tapered to nothing at the corners).
        const int per = std::max(2, spec.vertices_per_area / 4);
        const int rows = (spec.areas + cols - 1) / cols;
        const double grid = 0.05;  // degrees per cell
        auto corner = [&](int i, int j, double* x, double* y) {
            *x = base_lon + i * grid + grid * 0.15 * std::sin(i * 12.9898 + j * 78.233);
            *y = base_lat + j * grid + grid * 0.15 * std::sin(i * 39.3468 + j * 11.135);
        };
        // Point k (0..per) of the horizontal border from corner (i, j) to (i + 1, j), or the
        // vertical one from (i, j) to (i, j + 1).
        auto border = [&](bool horizontal, int i, int j, int k, double* x, double* y) {
            double x0, y0, x1, y1;
            corner(i, j, &x0, &y0);
            corner(horizontal ? i + 1 : i, horizontal ? j : j + 1, &x1, &y1);
            const double t = static_cast<double>(k) / per;
            // Tapered to nothing at the corners, so borders meeting there cannot cross.
            const double w = Wiggle((horizontal ? 1 : 2) * 100003 + i * 1009 + j, k, per) * grid * 0.12 * std::sin(3.14159265358979 * t);
            *x = x0 + (x1 - x0) * t + (horizontal ? 0.0 : w);
            *y = y0 + (y1 - y0) * t + (horizontal ? w : 0.0);
        };
        for (int a = 0; a < spec.areas; ++a) {
            const int i = a % cols, j = rows - 1 - a / cols;  // the first areas at the top
            std::snprintf(buf, sizeof buf, "%s{\"id\":\"a%d\",\"name\":{\"zh\":\"区%d\",\"en\":\"Area %d\"},\"kind\":\"district\","
                          "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[", a ? "," : "", a, a, a);
            s += buf;
            double x, y;
            bool first = true;
            // Counter-clockwise (as GeoJSON asks of outer rings): bottom left to right, right up,
            // top right to left, left down; the ring is closed by its first point again.
            for (int k = 0; k < per; ++k) border(true, i, j, k, &x, &y), AppendPoint(s, x, y, 6, first), first = false;
            for (int k = 0; k < per; ++k) border(false, i + 1, j, k, &x, &y), AppendPoint(s, x, y, 6, false);
            for (int k = per; k > 0; --k) border(true, i, j + 1, k, &x, &y), AppendPoint(s, x, y, 6, false);
            for (int k = per; k > 0; --k) border(false, i, j, k, &x, &y), AppendPoint(s, x, y, 6, false);
            border(true, i, j, 0, &x, &y), AppendPoint(s, x, y, 6, false);
            s += "]]}}";
        }
    }
    for (int a = 0; a < spec.areas && !spec.shared_borders; ++a) {
        const double cx = base_lon + (a % cols + 0.5) * cell;
        const double cy = base_lat + (a / cols + 0.5) * cell;
        std::snprintf(buf, sizeof buf, "%s{\"id\":\"a%d\",\"name\":{\"zh\":\"区%d\",\"en\":\"Area %d\"},\"kind\":\"district\","
                      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[", a ? "," : "", a, a, a);
        s += buf;
        const double phase = a * 0.7;
        for (int v = 0; v < spec.vertices_per_area; ++v) {
            const double t = 2.0 * kPi * v / spec.vertices_per_area;
            const double r = radius * (1.0 + 0.15 * std::sin(7.0 * t + phase));
            AppendPoint(s, cx + r * std::cos(t), cy + r * std::sin(t), 3, v == 0);
        }
        s += "]]}}";
    }
    s += "],\"goals\":[";
    for (int a = 0; a < spec.areas; ++a) {
        std::snprintf(buf, sizeof buf, "%s{\"id\":\"g%d\",\"area\":\"a%d\",\"category\":\"projects\",\"kind\":\"action\","
                      "\"title\":{\"zh\":\"重点项目%d\",\"en\":\"Key project %d\"},\"quote\":\"大干一百天\"}",
                      a ? "," : "", a, a, a, a);
        s += buf;
    }
    s += "]}\n";
    return s;
}

}  // namespace jcm::bench
