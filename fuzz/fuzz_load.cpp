// fuzz_load.cpp: libFuzzer target for the data loader and validator (LoadDataset, and DatasetLoad
// in steps, which must agree with it), and, for
// whatever it accepts, everything done with a dataset after load: geometry preparation
// (BuildMapGeometry: triangulation, labels, the hit index) and hit tests, campaign arithmetic
// (ComputeStats under filters, StatusOn, CampaignPeriod, Search), local edits, number formatting
// and the writers (DatasetToJson must load back, GoalsToCsv); and the input's first bytes as a
// number typed into the record dialog (ParseTypedNumber, which FormatNumber must round-trip).
//
// Structure-aware: LLVMFuzzerCustomMutator parses the input as a dataset and, when it is valid,
// mutates the data itself (rings, vertices, numbers, references, enums, texts, dates) and writes
// it back with DatasetToJson, so most inputs stay valid enough to reach the geometry and the
// arithmetic instead of dying in the parser. A quarter of the mutations (and every one of an
// input that does not load) are libFuzzer's own byte-level ones, which keep the parser covered.
//
// Built only with clang and -DJCM_FUZZ=ON (CMakeLists.txt, "fuzzing" banner); run by `make fuzz`
// (FUZZ_SECONDS=…) and, briefly, by `make test`. Seed corpus: tests/fixtures/ (every .json).
// A crash, leak, timeout or sanitizer report is a bug: save the input as tests/fixtures/fuzz/<name>.json;
// tests/unit/test_fuzz_regressions.cpp loads every file there.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/campaign.h"
#include "core/export.h"
#include "core/geometry.h"
#include "core/load.h"
#include "core/text.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace {

jcm::LoadLimits Limits() {
    // Smaller caps than the defaults keep each run fast; the code paths are the same.
    jcm::LoadLimits limits;
    limits.max_bytes = 1u << 20;
    limits.max_vertices = 200000;
    return limits;
}

// ---- what each input goes through ------------------------------------------------------------
void Exercise(const jcm::Dataset& d) {
    const jcm::MapGeometry g = jcm::BuildMapGeometry(d);
    // Probe the hit index at each area's label and at the corners of the bounds.
    for (const jcm::AreaGeometry& a : g.areas)
        if (a.has_label) (void)g.HitTest(a.label);
    if (g.bounds.Valid()) {
        (void)g.HitTest(g.bounds.min);
        (void)g.HitTest(g.bounds.max);
        (void)g.HitTest(g.bounds.Center());
    }

    // Campaign arithmetic, with and without filters, now and on each report date.
    jcm::CampaignStats s = jcm::ComputeStats(d);
    if (s.per_area.size() != d.areas.size()) __builtin_trap();
    jcm::GoalFilter f;
    if (!d.categories.empty()) f.categories.push_back(d.categories.front().id);
    if (!d.area_kinds.empty()) f.area_kinds.push_back(d.area_kinds.back().id);
    f.statuses = 0x5;
    const std::vector<std::string> dates = jcm::ReportDates(d);
    s = jcm::ComputeStats(d, f, dates.empty() ? std::string() : dates.front());
    if (s.total.goals > static_cast<int>(d.goals.size())) __builtin_trap();
    for (const jcm::Goal& goal : d.goals) {
        for (const std::string& date : dates) (void)jcm::StatusOn(goal, date);
        char buf[64];
        if (goal.has_target) {
            (void)jcm::FormatRange(goal.target.min, goal.target.value, jcm::Lang::Zh, buf, sizeof buf);
            (void)jcm::FormatNumber(goal.target.value, jcm::Lang::En, buf, sizeof buf);
        }
    }
    (void)jcm::CampaignPeriod(d.campaign, "2020-04-15");
    std::vector<jcm::SearchHit> hits;
    if (!d.areas.empty()) jcm::Search(d, d.areas.front().name.zh.substr(0, 3), hits);
    jcm::Search(d, "a", hits);

    // Local edits on the first goal, then the writers: what is written must load back.
    std::vector<jcm::LocalEdit> edits;
    if (!d.goals.empty()) {
        jcm::LocalEdit e;
        e.goal_id = d.goals.front().id;
        e.report.date = "2020-04-15";
        e.report.status = jcm::Status::Yellow;
        edits.push_back(e);
    }
    const jcm::Dataset edited = jcm::ApplyEdits(d, edits);
    (void)jcm::GoalsToCsv(edited, jcm::Lang::Zh);
    const std::string json = jcm::DatasetToJson(edited);
    const jcm::LoadResult back = jcm::LoadDataset(json, "exported.json");
    if (!back.Ok()) __builtin_trap();  // the writer wrote something the loader refuses
    if (back.data.areas.size() != d.areas.size() || back.data.goals.size() != d.goals.size()) __builtin_trap();
}

// ---- the structure-aware mutator --------------------------------------------------------------
class Mutator {
  public:
    explicit Mutator(unsigned seed) : rng_(seed) {}

    size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(rng_() % n); }
    bool Chance(int in) { return Below(static_cast<size_t>(in)) == 0; }

    double Special() {
        static constexpr double kValues[] = {0, -0.0, 1, -1, 0.5, 1e-300, 4.9e-324, 1e300, 1.7976931348623157e308,
                                             100, 100.0000001, 1e15, 9.0e15, 1e21, 123456789.125, -180, 180,
                                             -90, 90, 179.9999999, 89.9999999, 1e-7, 3};
        return kValues[Below(sizeof kValues / sizeof kValues[0])];
    }
    double Nudge(double v) {
        switch (Below(6)) {
            case 0: return v + (static_cast<double>(Below(2001)) - 1000.0) * 1e-9;
            case 1: return v + (static_cast<double>(Below(2001)) - 1000.0) * 1e-3;
            case 2: return v * -1;
            case 3: return std::nextafter(v, Chance(2) ? 1e308 : -1e308);
            case 4: return v * (static_cast<double>(Below(1000)) / 100.0);
            default: return Special();
        }
    }

    template <class T>
    T* Pick(std::vector<T>& v) { return v.empty() ? nullptr : &v[Below(v.size())]; }

    std::string SomeId(const jcm::Dataset& d) {
        switch (Below(4)) {
            case 0: return d.areas.empty() ? "A" : d.areas[Below(d.areas.size())].id;
            case 1: return d.categories.empty() ? "c" : d.categories[Below(d.categories.size())].id;
            case 2: return d.area_kinds.empty() ? "k" : d.area_kinds[Below(d.area_kinds.size())].id;
            default: return Chance(2) ? "x" : "";
        }
    }

    void MutateRing(std::vector<jcm::LonLat>& ring) {
        if (ring.empty()) return;
        const size_t i = Below(ring.size());
        switch (Below(10)) {
            case 0: ring[i].lon = Nudge(ring[i].lon); break;
            case 1: ring[i].lat = Nudge(ring[i].lat); break;
            case 2: ring[i] = ring[Below(ring.size())]; break;                       // a repeated point
            case 3: ring.insert(ring.begin() + static_cast<long>(i), ring[i]); break;  // duplicate
            case 4: {  // a midpoint: collinear
                const jcm::LonLat& a = ring[i];
                const jcm::LonLat& b = ring[(i + 1) % ring.size()];
                ring.insert(ring.begin() + static_cast<long>(i) + 1, jcm::LonLat{(a.lon + b.lon) / 2, (a.lat + b.lat) / 2});
                break;
            }
            case 5: if (ring.size() > 3 || Chance(4)) ring.erase(ring.begin() + static_cast<long>(i)); break;
            case 6: std::reverse(ring.begin(), ring.end()); break;
            case 7: {  // a spike out and back
                jcm::LonLat tip = ring[i];
                tip.lon += (static_cast<double>(Below(200)) - 100.0) * 1e-3;
                ring.insert(ring.begin() + static_cast<long>(i) + 1, {tip, ring[i]});
                break;
            }
            case 8: {  // scale about the first point: tiny or large
                const double k = Chance(2) ? 1e-9 : 10.0;
                for (jcm::LonLat& p : ring) {
                    p.lon = std::clamp(ring[0].lon + (p.lon - ring[0].lon) * k, -180.0, 180.0);
                    p.lat = std::clamp(ring[0].lat + (p.lat - ring[0].lat) * k, -90.0, 90.0);
                }
                break;
            }
            default: std::swap(ring[i], ring[Below(ring.size())]); break;  // self-intersections
        }
    }

    void MutateGeometry(jcm::Area& a) {
        if (a.polygons.empty()) return;
        jcm::Polygon& poly = a.polygons[Below(a.polygons.size())];
        switch (Below(6)) {
            case 0: case 1: case 2:
                if (auto* ring = Pick(poly.rings)) {
                    for (size_t n = 1 + Below(3); n > 0; --n) MutateRing(*ring);
                }
                break;
            case 3:  // a hole: a shrunk copy of the outer ring (or of another ring)
                if (!poly.rings.empty() && poly.rings.size() < 5) {
                    std::vector<jcm::LonLat> hole = poly.rings[Below(poly.rings.size())];
                    double cx = 0, cy = 0;
                    for (const jcm::LonLat& p : hole) cx += p.lon, cy += p.lat;
                    cx /= static_cast<double>(hole.size());
                    cy /= static_cast<double>(hole.size());
                    const double k = static_cast<double>(1 + Below(9)) / 10.0;
                    for (jcm::LonLat& p : hole) p = {cx + (p.lon - cx) * k, cy + (p.lat - cy) * k};
                    poly.rings.push_back(std::move(hole));
                }
                break;
            case 4:
                if (a.polygons.size() < 4) a.polygons.push_back(poly);  // an overlapping copy
                break;
            default:
                if (poly.rings.size() > 1) poly.rings.erase(poly.rings.begin() + static_cast<long>(Below(poly.rings.size())));
                break;
        }
    }

    void MutateGoal(jcm::Dataset& d, jcm::Goal& g) {
        switch (Below(11)) {
            case 0: g.has_target = true; g.target.value = Nudge(g.target.value); break;
            case 1: g.has_target = true; g.target.has_min = !g.target.has_min; g.target.min = Special(); break;
            case 2: g.has_target = !g.has_target; if (g.target.unit.zh.empty()) g.target.unit.zh = "个"; break;
            case 3: g.area = SomeId(d); break;
            case 4: g.category = SomeId(d); break;
            case 5: g.kind = static_cast<jcm::GoalKind>(Below(jcm::kGoalKindCount)); break;
            case 6: g.status = static_cast<jcm::Status>(Below(jcm::kStatusCount)); break;
            case 7: {  // a progress report on some date
                jcm::ProgressReport r;
                static constexpr const char* kDates[] = {"2020-01-01", "2020-02-29", "2020-04-15", "2020-07-09", "2021-12-31"};
                r.date = kDates[Below(5)];
                r.status = static_cast<jcm::Status>(Below(jcm::kStatusCount));
                r.has_percent = Chance(2);
                r.percent = Chance(2) ? static_cast<double>(Below(101)) : Nudge(50);
                if (g.progress.size() < 6) g.progress.push_back(r);
                break;
            }
            case 8: g.target.deadline = Chance(2) ? "2020-07-09" : "2020-02-30"; break;
            case 9: g.id = SomeId(d); break;  // duplicates
            default: g.title.zh += Chance(2) ? "\xE6\xB5\x8B" : "0"; break;
        }
    }

    void MutateArea(jcm::Dataset& d, jcm::Area& a) {
        switch (Below(9)) {
            case 0: case 1: case 2: case 3: MutateGeometry(a); break;
            case 4: a.within = Chance(3) ? std::string() : SomeId(d); break;  // cycles, itself, unknown
            case 5: a.kind = SomeId(d); break;
            case 6:
                a.has_marker = !a.has_marker;
                a.marker.pos = {Nudge(a.marker.pos.lon), Nudge(a.marker.pos.lat)};
                break;
            case 7: a.headline.zh = Chance(2) ? "十大攻坚" : ""; if (Chance(2)) a.headline_quote = "十大攻坚"; break;
            default: a.polygons.clear(); a.has_marker = true; break;
        }
    }

    // Datasets stay small (at most 12 areas, 24 goals, 4 polygons an area, 5 rings a polygon):
    // bigger ones exercise nothing new, they only make each execution slower.
    void Mutate(jcm::Dataset& d) {
        const size_t steps = 1 + Below(4);
        for (size_t s = 0; s < steps; ++s) {
            switch (Below(10)) {
                case 0: case 1: case 2: case 3:
                    if (auto* a = Pick(d.areas)) MutateArea(d, *a);
                    break;
                case 4: case 5:
                    if (auto* g = Pick(d.goals)) MutateGoal(d, *g);
                    break;
                case 6:  // more of the same: copies with new ids
                    if (!d.areas.empty() && d.areas.size() < 12) {
                        jcm::Area copy = d.areas[Below(d.areas.size())];
                        copy.id += "+";
                        d.areas.push_back(std::move(copy));
                    } else if (!d.goals.empty() && d.goals.size() < 24) {
                        jcm::Goal copy = d.goals[Below(d.goals.size())];
                        copy.id += "+";
                        d.goals.push_back(std::move(copy));
                    }
                    break;
                case 7:  // fewer
                    if (d.areas.size() > 1 && Chance(2)) d.areas.erase(d.areas.begin() + static_cast<long>(Below(d.areas.size())));
                    else if (!d.goals.empty()) d.goals.erase(d.goals.begin() + static_cast<long>(Below(d.goals.size())));
                    break;
                case 8:
                    d.campaign.days = Chance(2) ? static_cast<int>(Below(200)) : 100;
                    d.campaign.start = Chance(2) ? "2020-04-01" : "";
                    d.campaign.end = Chance(2) ? "2020-07-09" : "2020-03-01";
                    break;
                default:
                    if (auto* c = Pick(d.categories)) c->color = Chance(2) ? 0 : static_cast<uint32_t>(rng_());
                    break;
            }
        }
    }

  private:
    std::mt19937 rng_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // A typed number (the record dialog's amount field): the first bytes as if typed; read, it
    // must be a finite, non-negative number that FormatNumber writes back to the same value (up to
    // the largest amount the format holds; FormatNumber writes bigger ones longer than a field's).
    double typed = 0;
    if (jcm::ParseTypedNumber(text.substr(0, 80), &typed)) {
        if (!std::isfinite(typed) || typed < 0) __builtin_trap();
        double again = -1;
        if (typed <= 1e15 && (!jcm::ParseTypedNumber(jcm::FormatNumber(typed, jcm::Lang::En), &again) || again != typed))
            __builtin_trap();
    }
    jcm::LoadResult r = jcm::LoadDataset(text, "fuzz.json", Limits());
    for (const jcm::Problem& p : r.problems) (void)jcm::FormatProblem(p, jcm::Lang::En);
    // Loaded in steps (the rings read ahead of the parse, as the app loads a big file), the
    // same problems at the same places and the same data.
    {
        jcm::DatasetLoad load(text, "fuzz.json", Limits());
        const size_t step = size > 0 ? 1 + data[size - 1] % 97 : 1;
        while (!load.Step(step)) {
        }
        const jcm::LoadResult s = load.Finish();
        if (s.problems.size() != r.problems.size() || s.Ok() != r.Ok()) __builtin_trap();
        for (size_t i = 0; i < s.problems.size(); ++i) {
            const jcm::Problem &a = s.problems[i], &b = r.problems[i];
            if (a.pointer != b.pointer || a.line != b.line || a.column != b.column || a.message.en != b.message.en) __builtin_trap();
        }
        if (r.Ok() && jcm::DatasetToJson(s.data) != jcm::DatasetToJson(r.data)) __builtin_trap();
    }
    if (!r.Ok()) return 0;
    Exercise(r.data);
    return 0;
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned int seed) {
    Mutator m(seed);
    if (m.Chance(4)) return LLVMFuzzerMutate(data, size, max_size);
    jcm::LoadResult r = jcm::LoadDataset(std::string_view(reinterpret_cast<const char*>(data), size), "m.json", Limits());
    if (!r.Ok()) return LLVMFuzzerMutate(data, size, max_size);
    m.Mutate(r.data);
    const std::string out = jcm::DatasetToJson(r.data);
    if (out.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
    std::memcpy(data, out.data(), out.size());
    return out.size();
}
