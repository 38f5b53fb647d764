// bench_main.cpp: jcm-bench, the native half of `make bench` (tools/bench.mjs is the browser half).
//
// For each scale (1x = data/campaign.json; synthetic = bench/synthetic.h, 2,000 areas, 1,000,000
// vertices) it times, single-threaded, Release build:
//   load      LoadDataset (parse + validate)
//   geometry  BuildMapGeometry (projection, triangulation, labels, hit index)
//   frame     whole app frames as main.cpp runs them minus GL (ImGui::NewFrame, DrawApp, Render:
//             screen transform of every vertex, draw-list build, hit test under the pointer),
//             in three steady states: redraw with nothing changed, hover moving, drag-panning
//   transform TransformToScreen of every vertex alone; hit  one HitTest query
// and counts heap allocations per frame: C++ (global operator new, replaced below: this
// executable only) and ImGui's (ImGui::SetAllocatorFunctions). Prints a table and, with
// --json FILE, writes the figures for tools/bench.mjs. --write-synthetic FILE writes the synthetic
// dataset (for the browser run). --memory FILE loads FILE the way the app does and reports the
// peak and resident heap (live bytes of C++ and ImGui allocations, malloc_usable_size) instead.
// Sections: 1. counting allocator  2. timing  3. app harness  4. scales  5. memory  6. main
#include <imgui.h>
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <new>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/geometry.h"
#include "core/load.h"
#include "core/simplify.h"
#include "platform/platform_headless.h"
#include "synthetic.h"
#include "ui/map_layer.h"
#include "ui/app.h"

// ---- 1. counting allocator ------------------------------------------------------------------------

namespace {
std::atomic<long long> g_cpp_allocs{0};
long long g_imgui_allocs = 0;
// Live heap bytes (as malloc sizes them) and their high-water mark, for --memory.
std::atomic<long long> g_live_bytes{0}, g_peak_bytes{0};

void* Track(void* p) {
    if (p == nullptr) return p;
    const long long live = g_live_bytes.fetch_add(static_cast<long long>(malloc_usable_size(p))) +
                           static_cast<long long>(malloc_usable_size(p));
    long long peak = g_peak_bytes.load(std::memory_order_relaxed);
    while (live > peak && !g_peak_bytes.compare_exchange_weak(peak, live)) {
    }
    return p;
}
void Untrack(void* p) {
    if (p != nullptr) g_live_bytes.fetch_sub(static_cast<long long>(malloc_usable_size(p)));
    std::free(p);
}

void* CountedMalloc(size_t n) {
    g_cpp_allocs.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n ? n : 1)) return Track(p);
    throw std::bad_alloc();
}
void* ImGuiAlloc(size_t n, void*) {
    ++g_imgui_allocs;
    return Track(std::malloc(n));
}
void ImGuiFree(void* p, void*) { Untrack(p); }
}  // namespace

void* operator new(size_t n) { return CountedMalloc(n); }
void* operator new[](size_t n) { return CountedMalloc(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept {
    g_cpp_allocs.fetch_add(1, std::memory_order_relaxed);
    return Track(std::malloc(n ? n : 1));
}
void* operator new[](size_t n, const std::nothrow_t&) noexcept {
    g_cpp_allocs.fetch_add(1, std::memory_order_relaxed);
    return Track(std::malloc(n ? n : 1));
}
void operator delete(void* p) noexcept { Untrack(p); }
void operator delete[](void* p) noexcept { Untrack(p); }
void operator delete(void* p, size_t) noexcept { Untrack(p); }
void operator delete[](void* p, size_t) noexcept { Untrack(p); }

namespace {

// ---- 2. timing ------------------------------------------------------------------------------------

double NowMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

struct Stat {
    double median = 0, min = 0, max = 0;
    int runs = 0;
};

Stat Summarise(std::vector<double> v) {
    Stat s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    s.runs = static_cast<int>(v.size());
    s.min = v.front();
    s.max = v.back();
    s.median = v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
    return s;
}

Stat Time(int runs, const std::function<void()>& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const double t0 = NowMs();
        f();
        t.push_back(NowMs() - t0);
    }
    return Summarise(t);
}

std::string ReadFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// ---- 3. app harness: the app as main.cpp runs it, on the headless platform, without GL ----------

struct FrameFigures {
    Stat ms;
    double cpp_allocs_per_frame = 0, imgui_allocs_per_frame = 0;
    int frames = 0;
    long long vertices = 0, indices = 0;  // of the last frame's draw data
};

// What the web build's map layer (platform/map_gl.cpp) leaves the CPU: nothing per vertex. The
// frames are measured with it, as the browser runs them; the GPU's own work is not in them.
class NullMapLayer final : public jcm::MapLayer {
public:
    bool Sync(const jcm::MapGeometry&, const jcm::BorderNodes*, int) override { return true; }
    void SetColors(const std::vector<uint32_t>&) override {}
    void Draw(ImDrawList*, const jcm::ViewTransform&, uint32_t, float) override {}
};

class AppHarness {
public:
    AppHarness(const std::string& data, const std::string& font) {
        jcm::platform::headless::Reset();
        ImGui::SetAllocatorFunctions(ImGuiAlloc, ImGuiFree, nullptr);
        ctx_ = ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
        app_->map_layer = &layer_;
        jcm::StartApp(*app_);
        jcm::platform::headless::Complete("assets/ui-font.otf", !font.empty(), font, font.empty() ? "HTTP 404" : "");
        jcm::platform::headless::Complete(jcm::platform::headless::Get().dataset_url, true, data);
        while (jcm::StepLoading(*app_)) {}  // a big file loads in steps (the app takes one a frame)
    }
    ~AppHarness() { ImGui::DestroyContext(ctx_); }
    bool HasData() const { return app_->has_data; }
    jcm::AppState& app() { return *app_; }

    void Frame() {
        ImGuiIO& io = ImGui::GetIO();
        if (jcm::FontsNeedBaking(*app_, 1.0f)) {
            jcm::BakeAppFonts(*app_, 1.0f);
            unsigned char* pixels = nullptr;
            int w = 0, h = 0;
            io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // what the GL backend uploads
        }
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        jcm::UpdateApp(*app_);
        ImGui::NewFrame();
        jcm::DrawApp(*app_);
        ImGui::Render();
        jcm::AfterFramePresented(*app_);
    }

    // Runs `warmup` frames, then `frames` measured ones; `input(i)` sets the pointer before each.
    // The measured inputs are first run once unmeasured too: a steady state is the same inputs
    // again, with ImGui's buffers grown to what they need (a tooltip longer than any before
    // grows a draw list once: not a per-frame allocation).
    FrameFigures Measure(int warmup, int frames, const std::function<void(int)>& input) {
        for (int i = 0; i < warmup + frames; ++i) {
            input(i);
            Frame();
        }
        int i = warmup;
        std::vector<double> t;
        t.reserve(static_cast<size_t>(frames));  // the harness itself must not allocate while counting
        const long long cpp0 = g_cpp_allocs.load(), im0 = g_imgui_allocs;
        for (int k = 0; k < frames; ++k, ++i) {
            input(i);
            const double t0 = NowMs();
            Frame();
            t.push_back(NowMs() - t0);
        }
        FrameFigures f;
        f.frames = frames;
        f.cpp_allocs_per_frame = double(g_cpp_allocs.load() - cpp0) / frames;
        f.imgui_allocs_per_frame = double(g_imgui_allocs - im0) / frames;
        f.ms = Summarise(t);
        f.vertices = ImGui::GetDrawData()->TotalVtxCount;
        f.indices = ImGui::GetDrawData()->TotalIdxCount;
        return f;
    }

    // Screen position of area k's label (on the map at the current view).
    ImVec2 LabelOnScreen(int k) const {
        const jcm::AreaGeometry& g = app_->geometry.areas[static_cast<size_t>(k)];
        const jcm::Vec2 s = app_->map.view.WorldToScreen(g.has_label ? g.label : g.bounds.Center());
        return ImVec2(s.x, s.y);
    }

private:
    NullMapLayer layer_;
    ImGuiContext* ctx_ = nullptr;
    std::unique_ptr<jcm::AppState> app_ = std::make_unique<jcm::AppState>();
};

// ---- 4. scales ------------------------------------------------------------------------------------

struct ScaleFigures {
    std::string name;
    size_t bytes = 0, areas = 0, vertices = 0, triangles = 0;
    Stat load, geometry, transform, hit_us;
    FrameFigures idle, hover, drag;
    // The semantics layer: hover frames with it recording and with it off, interleaved; the JSON
    // the platform receives when the items change (its size, and the time to write it).
    FrameFigures sem_on, sem_off;
    Stat sem_json_ms;
    size_t sem_items = 0, sem_json_bytes = 0;
    // Levels of detail (core/simplify.h), as the map layer builds them: per level its tolerance,
    // the vertices it keeps and the time to simplify and triangulate every area at it.
    struct Level {
        float tolerance = 0;
        size_t vertices = 0;
        double ms = 0;
    };
    std::vector<Level> levels;
    double nodes_ms = 0;  // FindBorderNodes (median of the runs), once before the first level
    bool ok = false;
};

ScaleFigures RunScale(const std::string& name, const std::string& text, const std::string& font, int runs, int frames) {
    ScaleFigures s;
    s.name = name;
    s.bytes = text.size();
    jcm::LoadResult loaded;
    s.load = Time(runs, [&] { loaded = jcm::LoadDataset(text, name); });
    s.ok = loaded.Ok();
    if (!s.ok) {
        for (const auto& p : loaded.problems) std::fprintf(stderr, "%s\n", jcm::FormatProblem(p, jcm::Lang::En).c_str());
        return s;
    }
    jcm::MapGeometry geometry;
    s.geometry = Time(runs, [&] { geometry = jcm::BuildMapGeometry(loaded.data); });
    s.areas = geometry.areas.size();
    for (const auto& a : geometry.areas) {
        s.vertices += a.vertices.size();
        s.triangles += a.indices.size() / 3;
    }

    {
        jcm::Triangulator triangulator;
        jcm::SimplifiedArea simple;
        std::vector<uint32_t> keep, scratch;
        jcm::BorderNodes nodes;
        s.nodes_ms = Time(runs, [&] { nodes = jcm::FindBorderNodes(geometry.areas); }).median;
        for (float tol : jcm::LevelTolerances(geometry.bounds)) {
            ScaleFigures::Level l;
            l.tolerance = tol;
            const double t0 = NowMs();
            for (size_t i = 0; i < geometry.areas.size(); ++i) {
                const jcm::AreaGeometry& a = geometry.areas[i];
                if (tol > 0) jcm::SimplifyArea(a, tol, triangulator, &simple, &keep, &scratch, nodes.of_area[i].data());
                else if (geometry.fills_deferred) jcm::TriangulateArea(a, triangulator, simple.indices);  // made when first drawn
                l.vertices += tol > 0 ? simple.vertices.size() : a.vertices.size();  // every vertex: the geometry as built
            }
            l.ms = NowMs() - t0;
            s.levels.push_back(l);
        }
    }

    AppHarness h(text, font);
    if (!h.HasData()) return s;
    h.Frame();
    h.Frame();  // fitted, fonts baked

    // Transform alone: every area's vertices to the screen, as the map view does each frame.
    std::vector<jcm::Vec2> scratch;
    const jcm::ViewTransform view = h.app().map.view;
    s.transform = Time(std::max(runs, 20), [&] {
        for (const auto& a : h.app().geometry.areas) jcm::AreaToScreen(view, a, scratch);
    });
    // One hit test, averaged over a sweep of points across the bounds.
    const jcm::WorldRect b = h.app().geometry.bounds;
    volatile int sink = 0;
    s.hit_us = Time(5, [&] {
        for (int i = 0; i < 10000; ++i) {
            const float fx = float(i % 100) / 100.0f, fy = float(i / 100) / 100.0f;
            sink = sink + h.app().geometry.HitTest({b.min.x + fx * b.Width(), b.min.y + fy * b.Height()});
        }
    });
    s.hit_us.median *= 0.1;  // 10,000 queries per run: ms/run * 1000 / 10000 = us per query
    s.hit_us.min *= 0.1;
    s.hit_us.max *= 0.1;

    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 p0 = h.LabelOnScreen(0), p1 = h.LabelOnScreen(static_cast<int>(s.areas) - 1);
    // Nothing changes: the frames the loop draws after input that changes nothing visible.
    s.idle = h.Measure(10, frames, [&](int) {
        io.AddMousePosEvent(p0.x, p0.y);
        io.AddMouseButtonEvent(0, false);
    });
    // The pointer sweeps across the map from one area's label to another's (hover changes).
    s.hover = h.Measure(10, frames, [&](int i) {
        const float t = float(i % 40) / 40.0f;
        io.AddMousePosEvent(p0.x + (p1.x - p0.x) * t, p0.y + (p1.y - p0.y) * t);
        io.AddMouseButtonEvent(0, false);
    });
    // Drag-panning: button down, the pointer moves 3 px per frame, back and forth.
    s.drag = h.Measure(10, frames, [&](int i) {
        const int phase = i % 80;
        const float dx = float(phase < 40 ? phase : 80 - phase) * 3.0f;
        io.AddMousePosEvent(p0.x + dx, p0.y);
        io.AddMouseButtonEvent(0, true);
    });
    io.AddMouseButtonEvent(0, false);
    h.Frame();

    // The semantics layer's cost per frame: the hover sweep with the layer on and off, in
    // alternating blocks (on, off, on, off...) so that drift of the machine hits both alike.
    const auto hover_input = [&](int i) {
        const float t = float(i % 40) / 40.0f;
        io.AddMousePosEvent(p0.x + (p1.x - p0.x) * t, p0.y + (p1.y - p0.y) * t);
        io.AddMouseButtonEvent(0, false);
    };
    std::vector<double> on_ms, off_ms;
    for (int block = 0; block < 10; ++block) {
        const bool on = block % 2 == 0;
        h.app().sem.SetEnabled(on);
        const FrameFigures f = h.Measure(5, std::max(4, frames / 5), hover_input);
        (on ? on_ms : off_ms).push_back(f.ms.median);
        (on ? s.sem_on : s.sem_off) = f;
    }
    s.sem_on.ms = Summarise(on_ms);
    s.sem_off.ms = Summarise(off_ms);
    h.app().sem.SetEnabled(true);
    h.Frame();
    s.sem_items = static_cast<size_t>(h.app().sem.Count());
    s.sem_json_ms = Time(std::max(runs, 20), [&] { s.sem_json_bytes = h.app().sem.ToJson().size(); });
    return s;
}

void PrintScale(const ScaleFigures& s) {
    std::printf("\n== %s: %zu bytes, %zu areas, %zu vertices, %zu triangles\n", s.name.c_str(), s.bytes, s.areas,
                s.vertices, s.triangles);
    std::printf("  load (parse+validate)  median %9.3f ms  (min %.3f, max %.3f, %d runs)\n", s.load.median, s.load.min,
                s.load.max, s.load.runs);
    std::printf("  geometry preparation   median %9.3f ms  (min %.3f, max %.3f, %d runs)\n", s.geometry.median,
                s.geometry.min, s.geometry.max, s.geometry.runs);
    std::printf("  transform all vertices median %9.3f ms\n", s.transform.median);
    std::printf("  hit test, one query    median %9.3f us\n", s.hit_us.median);
    std::printf("  border nodes           %9.1f ms (once, before the first level)\n", s.nodes_ms);
    for (const auto& l : s.levels)
        std::printf("  level of detail %-9.3g %9zu vertices (%5.1f%%), built in %.1f ms\n", l.tolerance, l.vertices,
                    s.vertices ? 100.0 * static_cast<double>(l.vertices) / static_cast<double>(s.vertices) : 0.0, l.ms);
    const auto frame = [](const char* what, const FrameFigures& f) {
        std::printf("  frame %-16s median %9.3f ms  (max %.3f)  allocs/frame: C++ %.2f, ImGui %.2f  (%d frames, %lld vtx)\n",
                    what, f.ms.median, f.ms.max, f.cpp_allocs_per_frame, f.imgui_allocs_per_frame, f.frames, f.vertices);
    };
    frame("redraw (idle)", s.idle);
    frame("hover moving", s.hover);
    frame("drag-pan", s.drag);
    std::printf("  semantics layer: hover frame median %.3f ms recording, %.3f ms off (%+.3f ms, %.2fx; 5 blocks each); "
                "%zu items, JSON %zu bytes in %.3f ms\n",
                s.sem_on.ms.median, s.sem_off.ms.median, s.sem_on.ms.median - s.sem_off.ms.median,
                s.sem_off.ms.median > 0 ? s.sem_on.ms.median / s.sem_off.ms.median : 0.0, s.sem_items, s.sem_json_bytes,
                s.sem_json_ms.median);
}

void JsonStat(std::string& o, const char* k, const Stat& s) {
    char b[200];
    std::snprintf(b, sizeof b, "\"%s\":{\"median\":%.4f,\"min\":%.4f,\"max\":%.4f,\"runs\":%d},", k, s.median, s.min,
                  s.max, s.runs);
    o += b;
}
void JsonFrame(std::string& o, const char* k, const FrameFigures& f) {
    char b[300];
    std::snprintf(b, sizeof b,
                  "\"%s\":{\"median\":%.4f,\"max\":%.4f,\"frames\":%d,\"cpp_allocs_per_frame\":%.4f,"
                  "\"imgui_allocs_per_frame\":%.4f,\"vertices\":%lld,\"indices\":%lld},",
                  k, f.ms.median, f.ms.max, f.frames, f.cpp_allocs_per_frame, f.imgui_allocs_per_frame, f.vertices,
                  f.indices);
    o += b;
}

std::string ToJson(const std::vector<ScaleFigures>& scales, const std::string& machine) {
    std::string o = "{\"machine\":\"" + machine + "\",\"compiler\":\"" __VERSION__ "\",\"scales\":[";
    for (size_t i = 0; i < scales.size(); ++i) {
        const ScaleFigures& s = scales[i];
        char b[300];
        std::snprintf(b, sizeof b, "%s{\"name\":\"%s\",\"ok\":%s,\"bytes\":%zu,\"areas\":%zu,\"vertices\":%zu,\"triangles\":%zu,",
                      i ? "," : "", s.name.c_str(), s.ok ? "true" : "false", s.bytes, s.areas, s.vertices, s.triangles);
        o += b;
        JsonStat(o, "load_ms", s.load);
        JsonStat(o, "geometry_ms", s.geometry);
        JsonStat(o, "transform_ms", s.transform);
        JsonStat(o, "hit_us", s.hit_us);
        JsonFrame(o, "frame_idle", s.idle);
        JsonFrame(o, "frame_hover", s.hover);
        JsonFrame(o, "frame_drag", s.drag);
        JsonFrame(o, "frame_hover_semantics_on", s.sem_on);
        JsonFrame(o, "frame_hover_semantics_off", s.sem_off);
        JsonStat(o, "semantics_json_ms", s.sem_json_ms);
        o += "\"semantics_items\":" + std::to_string(s.sem_items) + ",\"semantics_json_bytes\":" + std::to_string(s.sem_json_bytes) + ",";
        o += "\"nodes_ms\":" + std::to_string(s.nodes_ms) + ",\"levels\":[";
        for (const auto& l : s.levels) {
            char lb[128];
            std::snprintf(lb, sizeof lb, "{\"tolerance\":%.9g,\"vertices\":%zu,\"ms\":%.3f},", l.tolerance, l.vertices, l.ms);
            o += lb;
        }
        if (!s.levels.empty()) o.pop_back();
        o += "],";
        o.back() = '}';
    }
    return o + "]}\n";
}

std::string CpuModel() {
    std::ifstream f("/proc/cpuinfo");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("model name", 0) == 0) {
            const size_t c = line.find(':');
            std::string m = c == std::string::npos ? line : line.substr(c + 2);
            for (char& ch : m)
                if (ch == '"' || ch == '\\') ch = ' ';
            return m;
        }
    return "unknown CPU";
}

// ---- 5. memory ------------------------------------------------------------------------------------

double Mib(long long bytes) { return double(bytes) / (1024.0 * 1024.0); }

// Loads `path` as the app does (the text held as the fetch buffer is, AcceptDataset, two frames)
// and prints the heap's peak and what stays resident, for LoadDataset alone and for the app.
int RunMemory(const std::string& path, const std::string& font) {
    long long text_bytes = 0, base = 0;
    {
        const std::string text = ReadFile(path);
        if (text.empty()) {
            std::fprintf(stderr, "jcm-bench: cannot read %s\n", path.c_str());
            return 1;
        }
        text_bytes = static_cast<long long>(text.size());
        base = g_live_bytes.load();
        g_peak_bytes = base;
        {
            const jcm::LoadResult r = jcm::LoadDataset(text, path);
            std::printf("LoadDataset:  peak %8.1f MiB  result %8.1f MiB  (%s, text %.1f MiB held by the caller)\n",
                        Mib(g_peak_bytes - base), Mib(g_live_bytes - base), r.Ok() ? "ok" : "errors", Mib(text_bytes));
        }
        base = g_live_bytes.load();
        g_peak_bytes = base;
        AppHarness h(text, font);
        const long long after_accept = g_live_bytes - base, peak_accept = g_peak_bytes - base;
        std::printf("AcceptDataset: peak %7.1f MiB  resident %8.1f MiB%s  (peak with the %.1f MiB text, resident without)\n",
                    Mib(peak_accept + text_bytes), Mib(after_accept), h.HasData() ? "" : "  (data rejected)",
                    Mib(text_bytes));
        {  // what the geometry holds, by part (capacity, as allocated)
            const jcm::MapGeometry& g = h.app().geometry;
            long long vertices = 0, rings = 0, indices = 0, polygons = 0, polys = 0;
            for (const jcm::AreaGeometry& a : g.areas) {
                vertices += static_cast<long long>(a.vertices.capacity() * sizeof(jcm::Vec2));
                rings += static_cast<long long>(a.rings.capacity() * sizeof(jcm::RingRange));
                indices += static_cast<long long>(a.indices.capacity() * sizeof(uint32_t));
                polys += static_cast<long long>(a.polygons.capacity() * sizeof(jcm::PolygonRange));
            }
            for (const jcm::Area& a : h.app().data.areas)
                for (const jcm::Polygon& p : a.polygons)
                    for (const auto& r : p.rings) polygons += static_cast<long long>(r.capacity() * sizeof(jcm::LonLat));
            std::printf("  of it: dataset rings %.1f MiB; geometry vertices %.1f, rings %.1f, polygons %.1f, triangles %.1f, "
                        "hit index %.1f MiB (%zu cells, %zu edge refs)\n",
                        Mib(polygons), Mib(vertices), Mib(rings), Mib(polys), Mib(indices), Mib(static_cast<long long>(g.hit_index.Bytes())),
                        g.hit_index.CellCount(), g.hit_index.EdgeRefCount());
        }
        {  // the coarsest level of detail, as the map layer builds it for the fitted view
            const long long before = g_live_bytes.load();
            g_peak_bytes = before;
            const jcm::MapGeometry& g = h.app().geometry;
            const jcm::BorderNodes nodes = jcm::FindBorderNodes(g.areas);
            const long long after_nodes = g_peak_bytes.load();
            std::vector<jcm::SimplifiedArea> simple(g.areas.size());
            jcm::Triangulator triangulator;
            std::vector<uint32_t> keep, scratch;
            const float tol = jcm::LevelTolerances(g.bounds).front();
            for (size_t a = 0; a < g.areas.size(); ++a)
                jcm::SimplifyArea(g.areas[a], tol, triangulator, &simple[a], &keep, &scratch, nodes.of_area[a].data());
            std::printf("coarsest level: peak %.1f MiB (border nodes %.1f MiB of it)\n", Mib(g_peak_bytes - before), Mib(after_nodes - before));
        }
        g_peak_bytes = g_live_bytes.load();
        h.Frame();
        h.Frame();
        std::printf("2 frames:     peak %8.1f MiB  resident %8.1f MiB  (fonts baked, the map drawn once)\n",
                    Mib(g_peak_bytes - base), Mib(g_live_bytes - base));
    }
    return 0;
}

}  // namespace

// ---- 6. main --------------------------------------------------------------------------------------

int main(int argc, char** argv) {
    std::string json_out, synthetic_out, data_path = std::string(JCM_SOURCE_DIR) + "/data/campaign.json";
    std::string font_path = std::string(JCM_SOURCE_DIR) + "/build/site/assets/ui-font.otf";
    std::string memory_path;
    bool quick = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--json" && i + 1 < argc) json_out = argv[++i];
        else if (a == "--write-synthetic" && i + 1 < argc) synthetic_out = argv[++i];
        else if (a == "--data" && i + 1 < argc) data_path = argv[++i];
        else if (a == "--font" && i + 1 < argc) font_path = argv[++i];
        else if (a == "--quick") quick = true;
        else if (a == "--memory" && i + 1 < argc) memory_path = argv[++i];
        else {
            std::fprintf(stderr, "usage: jcm-bench [--json FILE] [--write-synthetic FILE] [--data FILE] [--font FILE] [--quick] [--memory FILE]\n");
            return 2;
        }
    }
    const std::string font = ReadFile(font_path);  // the subset font the site ships; empty: ImGui's default
    if (!memory_path.empty()) return RunMemory(memory_path, font);
    const std::string data = ReadFile(data_path);
    if (data.empty()) {
        std::fprintf(stderr, "jcm-bench: cannot read %s\n", data_path.c_str());
        return 1;
    }
    const std::string synthetic = jcm::bench::SyntheticDataset({});
    jcm::bench::SyntheticSpec sparse_spec;
    sparse_spec.shared_borders = false;
    const std::string sparse = jcm::bench::SyntheticDataset(sparse_spec);
    if (!synthetic_out.empty()) {
        std::ofstream(synthetic_out, std::ios::binary) << synthetic;
        std::printf("wrote %s (%zu bytes)\n", synthetic_out.c_str(), synthetic.size());
    }
    const std::string machine = CpuModel() + ", " + std::to_string(std::max(1u, std::thread::hardware_concurrency())) + " threads";
    std::printf("jcm-bench on %s; compiler %s; font %s\n", machine.c_str(), __VERSION__,
                font.empty() ? "ImGui default (site font not built)" : font_path.c_str());

    std::vector<ScaleFigures> scales;
    scales.push_back(RunScale("1x (data/campaign.json)", data, font, quick ? 3 : 20, quick ? 30 : 200));
    scales.push_back(RunScale("synthetic 2,000 areas / 1,000,000 vertices, shared borders", synthetic, font, quick ? 1 : 5, quick ? 5 : 30));
    scales.push_back(RunScale("synthetic sparse: 2,000 star-shaped areas / 1,000,000 vertices", sparse, font, quick ? 1 : 5, quick ? 5 : 30));
    bool ok = true;
    for (const auto& s : scales) {
        PrintScale(s);
        ok = ok && s.ok;
    }
    if (!json_out.empty()) std::ofstream(json_out, std::ios::binary) << ToJson(scales, machine);
    return ok ? 0 : 1;
}
