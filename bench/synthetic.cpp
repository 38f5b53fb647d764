// synthetic.cpp: see synthetic.h. Deterministic: the same spec always gives the same bytes.
#include "synthetic.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace jcm::bench {
namespace {

// Shortest "%.3f" form: trailing zeros (and a trailing '.') dropped, to stay under 16 MiB.
void AppendCoord(std::string& out, double v) {
    char buf[32];
    int n = std::snprintf(buf, sizeof buf, "%.3f", v);
    while (n > 0 && buf[n - 1] == '0') --n;
    if (n > 0 && buf[n - 1] == '.') --n;
    out.append(buf, static_cast<size_t>(n));
}

}  // namespace

std::string SyntheticDataset(const SyntheticSpec& spec) {
    const int cols = static_cast<int>(std::ceil(std::sqrt(spec.areas * 1.25)));
    const double cell = 0.3;                 // degrees; areas do not touch
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
    char buf[160];
    for (int a = 0; a < spec.areas; ++a) {
        const double cx = base_lon + (a % cols + 0.5) * cell;
        const double cy = base_lat + (a / cols + 0.5) * cell;
        std::snprintf(buf, sizeof buf, "%s{\"id\":\"a%d\",\"name\":{\"zh\":\"区%d\",\"en\":\"Area %d\"},\"kind\":\"district\","
                      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[", a ? "," : "", a, a, a);
        s += buf;
        const double phase = a * 0.7;
        for (int v = 0; v < spec.vertices_per_area; ++v) {
            const double t = 2.0 * kPi * v / spec.vertices_per_area;
            const double r = radius * (1.0 + 0.15 * std::sin(7.0 * t + phase));
            s += v ? ",[" : "[";
            AppendCoord(s, cx + r * std::cos(t));
            s += ',';
            AppendCoord(s, cy + r * std::sin(t));
            s += ']';
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
