// test_export.cpp: writing data back out (src/core/export.h).
//
// Sections:
//   1. Helpers        - file reading, a field-by-field Dataset comparison, a small CSV parser
//   2. DatasetToJson  - round trip of the shipped data and every valid fixture, layout, numbers
//   3. ApplyEdits     - order, same-day replacement, status, unknown goals, original untouched
//   4. GoalsToCsv     - BOM, CRLF, header, quoting, formula guard
//   5. Local edits    - EditsToJson / EditsFromJson round trip and refusals
#include <doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <cstdio>
#include <cstring>
#include <utility>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/export.h"
#include "core/fields.h"
#include "core/load.h"

#ifndef JCM_SOURCE_DIR
#error "JCM_SOURCE_DIR must be defined (the repository root)"
#endif

namespace {

using jcm::Dataset;
using jcm::LoadDataset;
using jcm::LoadResult;
using jcm::LocalEdit;
using jcm::Status;

// ---- 1. Helpers -------------------------------------------------------------------------------
std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> RoundTripFiles() {
    std::vector<std::string> files = {std::string(JCM_SOURCE_DIR) + "/data/campaign.json"};
    std::vector<std::string> fixtures;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/valid")) {
        if (entry.path().extension() == ".json") fixtures.push_back(entry.path().string());
    }
    std::sort(fixtures.begin(), fixtures.end());
    files.insert(files.end(), fixtures.begin(), fixtures.end());
    return files;
}

Dataset LoadOk(const std::string& text, const std::string& name) {
    LoadResult r = LoadDataset(text, name);
    for (const jcm::Problem& p : r.problems) MESSAGE(jcm::FormatProblem(p, jcm::Lang::En));
    REQUIRE(r.Ok());
    return std::move(r.data);
}

Dataset Minimal() { return LoadOk(ReadFile(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/valid/minimal.json"), "minimal"); }

// Every value of a Dataset as (path, value) lines, through the field tables (core/fields.h):
// what the tables declare is what is compared, indices and presence flags included.
class Flatten {
  public:
    std::vector<std::pair<std::string, std::string>> out;
    std::string at;  // the current object's path

    void Put(const char* key, std::string v) { out.emplace_back(at + "/" + key, std::move(v)); }
    static std::string Num(double v) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", v == 0 ? 0.0 : v);  // -0 reads back as 0
        return buf;
    }

    void Const(const char* key, int v, int) { Put(key, std::to_string(v)); }
    void Ignored(const char*, const char*) {}
    void String(const char* key, const std::string& v, jcm::Need) { Put(key, "\"" + v + "\""); }
    void Ref(const char* key, const std::string& id, int index, jcm::IdList, jcm::Need) {
        Put(key, "\"" + id + "\" #" + std::to_string(index));
    }
    void Date(const char* key, const std::string& v, jcm::Need) { Put(key, v); }
    void Text(const char* key, const jcm::Text& t, jcm::Need) { Put(key, "{" + t.zh + "|" + t.en + "}"); }
    void Number(const char* key, double v, jcm::Need, const bool* has, const jcm::Range*) {
        Put(key, (has != nullptr && !*has ? "(absent) " : "") + Num(v));
    }
    void Int(const char* key, int v, jcm::Need, const jcm::Range*) { Put(key, std::to_string(v)); }
    void Bool(const char* key, bool v, jcm::Need) { Put(key, v ? "true" : "false"); }
    template <class E>
    void Enum(const char* key, E v, jcm::Need, const jcm::EnumInfo&) { Put(key, std::to_string(static_cast<int>(v))); }
    void Color(const char* key, uint32_t v, jcm::Need) { Put(key, std::to_string(v)); }
    template <class T>
    void Object(const char* key, const T& t, jcm::Need, const bool* has) {
        if (has != nullptr) Put(key, *has ? "present" : "absent");
        Nested(at + "/" + key, t);
    }
    template <class T>
    void List(const char* key, const std::vector<T>& list, jcm::Need, jcm::IdList) {
        Put(key, "size " + std::to_string(list.size()));
        for (size_t i = 0; i < list.size(); ++i) Nested(at + "/" + key + "/" + std::to_string(i), list[i]);
    }
    void Geometry(const char* key, const std::vector<jcm::Polygon>& polygons, const jcm::GeoTransform& t, jcm::Need) {
        Put(key, std::to_string(polygons.size()) + " polygons" +
                     (t.Set() ? ", transform " + Num(t.scale[0]) + "," + Num(t.scale[1]) + " " + Num(t.translate[0]) + "," + Num(t.translate[1]) : ""));
        for (size_t p = 0; p < polygons.size(); ++p) {
            for (size_t r = 0; r < polygons[p].rings.size(); ++r) {
                std::string ring;
                for (const jcm::LonLat& v : polygons[p].rings[r]) ring += Num(v.lon) + "," + Num(v.lat) + " ";
                out.emplace_back(at + "/" + key + "/" + std::to_string(p) + "/" + std::to_string(r), ring);
            }
        }
    }

  private:
    template <class T>
    void Nested(std::string path, const T& t) {
        std::swap(at, path);
        Fields(*this, t);
        std::swap(at, path);
    }
};

// Field-by-field comparison; every difference is listed with its path (doubles compared exactly).
class Diff {
  public:
    std::vector<std::string> found;

    void Data(const Dataset& a, const Dataset& b) {
        Same(a, b);
        for (const Dataset* d : {&a, &b}) {  // derived at load, not in the format
            const jcm::Bounds& bo = d->bounds;
            (d == &a ? bounds_a_ : bounds_b_) = Flatten::Num(bo.min_lon) + " " + Flatten::Num(bo.min_lat) + " " +
                                                Flatten::Num(bo.max_lon) + " " + Flatten::Num(bo.max_lat);
        }
        if (bounds_a_ != bounds_b_) found.push_back("bounds: " + bounds_a_ + " != " + bounds_b_);
    }

    // Any struct with a field table.
    template <class T>
    void Same(const T& a, const T& b) {
        Flatten fa, fb;
        Fields(fa, a);
        Fields(fb, b);
        if (fa.out.size() != fb.out.size()) found.push_back("number of values: " + std::to_string(fa.out.size()) + " != " + std::to_string(fb.out.size()));
        for (size_t i = 0; i < fa.out.size() && i < fb.out.size(); ++i) {
            if (fa.out[i] != fb.out[i]) {
                found.push_back(fa.out[i].first + ": " + fa.out[i].second + " != " + fb.out[i].first + ": " + fb.out[i].second);
            }
        }
    }

  private:
    std::string bounds_a_, bounds_b_;
};

void CheckSame(const Dataset& a, const Dataset& b) {
    Diff diff;
    diff.Data(a, b);
    for (size_t i = 0; i < diff.found.size() && i < 10; ++i) MESSAGE(diff.found[i]);
    CHECK(diff.found.empty());
}

// Exports, reloads (no problems at all, not even warnings), compares, and checks idempotence.
Dataset RoundTrip(const Dataset& d1, const std::string& name) {
    const std::string text = jcm::DatasetToJson(d1);
    LoadResult r = LoadDataset(text, name + " (exported)");
    for (const jcm::Problem& p : r.problems) MESSAGE(jcm::FormatProblem(p, jcm::Lang::En));
    REQUIRE(r.Ok());
    CHECK(r.WarningCount() == 0);
    CheckSame(d1, r.data);
    CHECK(jcm::DatasetToJson(r.data) == text);
    return std::move(r.data);
}

// RFC 4180 reader: rows of fields, CRLF (or LF) line ends, quoted fields with doubled quotes.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false, field_started = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && !field_started) {
            quoted = field_started = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
            field_started = false;
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            rows.back().push_back(field);
            field.clear();
            field_started = false;
            rows.emplace_back();
        } else {
            field += c;
            field_started = true;
        }
    }
    if (field_started || !rows.back().empty()) rows.back().push_back(field);
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

LocalEdit Edit(const std::string& goal, const std::string& date, Status status) {
    LocalEdit e;
    e.goal_id = goal;
    e.report.date = date;
    e.report.status = status;
    return e;
}

bool Contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

// ---- 2. DatasetToJson -------------------------------------------------------------------------
TEST_CASE("export: the shipped data and every valid fixture round-trip exactly, and re-export is identical") {
    const std::vector<std::string> files = RoundTripFiles();
    CHECK(files.size() >= 9);
    for (const std::string& file : files) {
        CAPTURE(file);
        const Dataset d1 = LoadOk(ReadFile(file), file);
        RoundTrip(d1, file);
    }
}

TEST_CASE("export: the exported shipped data, written to a file, validates with no problems") {
    const Dataset d = LoadOk(ReadFile(std::string(JCM_SOURCE_DIR) + "/data/campaign.json"), "campaign.json");
    const std::string text = jcm::DatasetToJson(d);
    const auto path = std::filesystem::temp_directory_path() /
                      ("jcm-export-test-" + std::to_string(reinterpret_cast<uintptr_t>(&text)) + ".json");
    {
        std::ofstream out(path, std::ios::binary);
        out << text;
    }
    const std::string back = ReadFile(path.string());
    std::filesystem::remove(path);
    CHECK(back == text);
    const LoadResult r = LoadDataset(back, path.string());
    CHECK(r.problems.empty());
    CHECK(r.Ok());
}

TEST_CASE("export: layout - field order, 2-space indent, closed rings on one line, Polygon vs MultiPolygon") {
    Dataset d = LoadOk(ReadFile(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/valid/multipolygon-holes.json"), "mp");
    for (const jcm::Area& a : d.areas) {  // plus a one-polygon copy of each multi-polygon area
        if (a.polygons.size() < 2) continue;
        jcm::Area single = a;
        single.id += "-single";
        single.polygons.resize(1);
        d.areas.push_back(single);
        break;
    }
    const std::string text = jcm::DatasetToJson(d);
    RoundTrip(d, "mp+single");
    CHECK(text.rfind("{\n  \"schema_version\": 1,\n  \"id\": ", 0) == 0);
    CHECK(text.back() == '\n');
    const char* order[] = {"\"schema_version\"", "\"id\"", "\"title\"", "\"city\"", "\"source\"", "\"campaign\"",
                           "\"boundary_source\"", "\"area_kinds\"", "\"categories\"", "\"areas\"", "\"goals\""};
    size_t last = 0;
    for (const char* key : order) {
        const size_t at = text.find(std::string("\n  ") + key);
        CAPTURE(key);
        REQUIRE(at != std::string::npos);
        CHECK(at >= last);
        last = at;
    }

    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    REQUIRE(!j.is_discarded());
    size_t multi = 0, single = 0;
    for (size_t i = 0; i < d.areas.size(); ++i) {
        const jcm::Area& a = d.areas[i];
        if (a.polygons.empty()) continue;
        const auto& g = j["areas"][i]["geometry"];
        const bool is_multi = g["type"] == "MultiPolygon";
        CHECK(is_multi == (a.polygons.size() > 1));
        (is_multi ? multi : single)++;
        const auto& polys = is_multi ? g["coordinates"] : nlohmann::json::array({g["coordinates"]});
        for (const auto& poly : polys) {
            for (const auto& ring : poly) {
                REQUIRE(ring.size() >= 4);
                CHECK(ring.front() == ring.back());  // closed, as GeoJSON requires
            }
        }
    }
    CHECK(multi > 0);
    CHECK(single > 0);

    // Each ring is one line of compact closed [lon,lat] pairs.
    size_t rings = 0, ring_lines = 0;
    for (const jcm::Area& a : d.areas) {
        for (const jcm::Polygon& poly : a.polygons) rings += poly.rings.size();
    }
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const size_t start = line.find_first_not_of(' ');
        if (start == std::string::npos || line.compare(start, 2, "[[") != 0) continue;
        CHECK(start % 2 == 0);
        std::string ring = line.substr(start);
        if (ring.back() == ',') ring.pop_back();
        CHECK(ring.find(' ') == std::string::npos);
        const nlohmann::json j_ring = nlohmann::json::parse(ring, nullptr, false);
        REQUIRE(j_ring.is_array());
        CHECK(j_ring.front() == j_ring.back());
        for (const auto& pt : j_ring) CHECK((pt.is_array() && pt.size() == 2 && pt[0].is_number() && pt[1].is_number()));
        ++ring_lines;
    }
    CHECK(ring_lines == rings);
}

TEST_CASE("export: optional fields are omitted when empty; colours back to #rrggbb") {
    Dataset d = Minimal();
    d.categories.push_back({"c2", {"二", "Two"}, 0xff3c2a1bu});  // ABGR: R=1b G=2a B=3c
    d.areas[0].headline = {"十大行动", ""};
    d.areas[0].headline_quote = "十大行动";
    jcm::Goal& g = d.goals[0];
    g.has_target = true;
    g.target.has_min = true;
    g.target.min = 1;
    g.target.value = 2;
    g.target.deadline = "2020-06-30";
    g.owner = "区发改局";
    const std::string text = jcm::DatasetToJson(d);
    CHECK(Contains(text, "\"color\": \"#1b2a3c\""));
    CHECK(!Contains(text, "\"color\": \"#000000\""));  // colour 0 = palette: not written
    CHECK(!Contains(text, "\"en\": \"\""));
    CHECK(!Contains(text, "\"progress\""));
    CHECK(!Contains(text, "\"published\""));
    CHECK(Contains(text, "\"min\": 1,\n"));
    CHECK(Contains(text, "\"status\": \"not_reported\""));
    RoundTrip(d, "optional");
}

TEST_CASE("export: numbers are the shortest text that reads back as the same double") {
    Dataset d = Minimal();
    const double values[] = {0.1, 1.0 / 3, 100000, 1e21, 123456789012345678.0, 1e-7, 0.000001, 5e-324,
                             std::numeric_limits<double>::max(), 2.5e-5, 116.4814453125, 35.123456789012345,
                             -0.5, 1e15, 4.35};
    for (const double v : values) {
        CAPTURE(v);
        d.goals[0].has_target = true;
        d.goals[0].target.value = v;
        d.goals[0].target.has_min = v > 0 && v < 1e300;
        d.goals[0].target.min = v / 2;
        if (v < 0) d.goals[0].target.has_min = false;
        const std::string text = jcm::DatasetToJson(d);
        const Dataset back = LoadOk(text, "numbers");
        CHECK(back.goals[0].target.value == v);
        if (d.goals[0].target.has_min) CHECK(back.goals[0].target.min == v / 2);
        CHECK(jcm::DatasetToJson(back) == text);
    }
    // Layout as JavaScript prints numbers: integers stay integers, tiny and huge get exponents.
    d.goals[0].target.has_min = false;
    auto written = [&](double v) {
        d.goals[0].target.value = v;
        const std::string text = jcm::DatasetToJson(d);
        const size_t at = text.find("\"value\": ") + 9;
        return text.substr(at, text.find_first_of(",\n", at) - at);
    };
    CHECK(written(100000) == "100000");
    CHECK(written(2000) == "2000");
    CHECK(written(1.5) == "1.5");
    CHECK(written(0.1) == "0.1");
    CHECK(written(0.000001) == "0.000001");
    CHECK(written(1e-7) == "1e-7");
    CHECK(written(1e21) == "1e+21");
    CHECK(written(-2.5) == "-2.5");
    CHECK(written(116.4814453125) == "116.4814453125");
    CHECK(written(0.30000000000000004) == "0.30000000000000004");
}

TEST_CASE("export: random doubles of every magnitude read back exactly") {
    Dataset d = Minimal();
    const jcm::Goal model = d.goals[0];
    d.goals.clear();
    std::mt19937_64 rng(20200401);
    for (int i = 0; i < 3000; ++i) {
        double v = 0;
        do {
            const uint64_t bits = rng();
            std::memcpy(&v, &bits, sizeof v);
        } while (!std::isfinite(v));
        jcm::Goal g = model;
        g.id = "g" + std::to_string(i);
        g.has_target = true;
        g.target.value = v;
        g.target.unit = {"个", ""};
        d.goals.push_back(g);
    }
    RoundTrip(d, "random doubles");
}

TEST_CASE("export: the shipped file comes back byte for byte (informational)") {
    // Not required for correctness; it holds while data/campaign.json keeps the layout the
    // exporter writes (tools/import-boundaries.mjs writes it), so an exported file diffs cleanly.
    const std::string shipped = ReadFile(std::string(JCM_SOURCE_DIR) + "/data/campaign.json");
    WARN(jcm::DatasetToJson(LoadOk(shipped, "campaign.json")) == shipped);
}

TEST_CASE("export: strings are escaped (quotes, backslashes, control characters), UTF-8 passed through") {
    Dataset d = Minimal();
    d.goals[0].quote = "“百日攻坚” \"quoted\" back\\slash\ttab\nline\x01\x1f end 𠀀";
    d.title.en = "a/b \x7f";
    const std::string text = jcm::DatasetToJson(d);
    CHECK(Contains(text, "“百日攻坚” \\\"quoted\\\" back\\\\slash\\ttab\\nline\\u0001\\u001f end 𠀀"));
    const Dataset back = RoundTrip(d, "escapes");
    CHECK(back.goals[0].quote == d.goals[0].quote);

    // Invalid UTF-8 (only possible in data built in code) still gives a loadable file.
    d.goals[0].quote = std::string("bad \xff\xfe byte \xe6\xb5");
    const LoadResult r = LoadDataset(jcm::DatasetToJson(d), "invalid-utf8");
    CHECK(r.Ok());
    CHECK(r.data.goals[0].quote == "bad \xEF\xBF\xBD\xEF\xBF\xBD byte \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("export: progress reports, markers and both geometry and marker survive") {
    Dataset d = LoadOk(ReadFile(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/valid/progress-and-colours.json"), "p");
    jcm::Area& a = d.areas[0];
    a.has_marker = true;
    a.marker.pos = {116.05, 35.05};
    a.marker.approximate = false;
    a.note = {"说明", "note"};
    jcm::ProgressReport r;
    r.date = "2020-06-01";  // after the fixture's reports: progress stays sorted
    r.status = Status::Red;
    r.has_percent = true;
    r.percent = 12.5;
    r.note = {"滞后", ""};
    r.author = "督查室";
    d.goals[0].progress.push_back(r);
    d.goals[0].status = Status::Red;
    const Dataset back = RoundTrip(d, "progress");
    CHECK(back.goals[0].progress.back().percent == 12.5);
}

// ---- 3. ApplyEdits ----------------------------------------------------------------------------
TEST_CASE("export: ApplyEdits keeps reports sorted, replaces same-day ones, updates status, skips unknown goals") {
    const Dataset base = Minimal();
    REQUIRE(!base.goals.empty());
    const std::string goal = base.goals[0].id;
    const std::string before = jcm::DatasetToJson(base);

    std::vector<LocalEdit> edits = {Edit(goal, "2020-05-10", Status::Green), Edit(goal, "2020-04-20", Status::Yellow),
                                    Edit("no-such-goal", "2020-05-01", Status::Red),
                                    Edit(goal, "2020-05-01", Status::Red)};
    edits[0].report.has_percent = true;
    edits[0].report.percent = 40;
    edits[0].report.note = {"已签约 3 个项目", "3 signed, \"quoted\""};
    edits[0].report.author = "区发改局";
    int skipped = -1;
    Dataset d = jcm::ApplyEdits(base, edits, &skipped);
    CHECK(skipped == 1);
    const auto& p = d.goals[0].progress;
    REQUIRE(p.size() == 3);
    CHECK(p[0].date == "2020-04-20");
    CHECK(p[1].date == "2020-05-01");
    CHECK(p[2].date == "2020-05-10");
    CHECK(d.goals[0].status == Status::Green);  // the latest by date, not the last edit
    CHECK(jcm::DatasetToJson(base) == before);   // the original is untouched
    CHECK(base.goals[0].progress.empty());

    // The same day again replaces that day's report; a later date moves the status.
    d = jcm::ApplyEdits(d, {Edit(goal, "2020-05-01", Status::Yellow), Edit(goal, "2020-06-01", Status::Done)}, &skipped);
    CHECK(skipped == 0);
    REQUIRE(d.goals[0].progress.size() == 4);
    CHECK(d.goals[0].progress[1].status == Status::Yellow);
    CHECK(d.goals[0].status == Status::Done);
    d = jcm::ApplyEdits(d, {Edit(goal, "2020-06-01", Status::Red)});
    REQUIRE(d.goals[0].progress.size() == 4);
    CHECK(d.goals[0].status == Status::Red);

    RoundTrip(d, "edited");
}

TEST_CASE("export: ApplyEdits with no edits is the identity") {
    const Dataset base = LoadOk(ReadFile(std::string(JCM_SOURCE_DIR) + "/data/campaign.json"), "campaign.json");
    int skipped = -1;
    const Dataset d = jcm::ApplyEdits(base, {}, &skipped);
    CHECK(skipped == 0);
    CheckSame(base, d);
}

// ---- 4. GoalsToCsv ----------------------------------------------------------------------------
TEST_CASE("export: CSV has a BOM, CRLF lines, a header in each language and one row per goal") {
    const Dataset d = LoadOk(ReadFile(std::string(JCM_SOURCE_DIR) + "/data/campaign.json"), "campaign.json");
    for (const jcm::Lang lang : {jcm::Lang::Zh, jcm::Lang::En}) {
        const std::string csv = jcm::GoalsToCsv(d, lang);
        REQUIRE(csv.size() > 3);
        CHECK(csv.compare(0, 3, "\xEF\xBB\xBF") == 0);
        CHECK(csv.compare(csv.size() - 2, 2, "\r\n") == 0);
        // Every line break outside quotes is CRLF: no bare LF once quoted fields are removed.
        const auto rows = ParseCsv(csv.substr(3));
        CHECK(rows.size() == d.goals.size() + 1);
        for (const auto& row : rows) CHECK(row.size() == 17);
        CHECK(rows[0][0] == (lang == jcm::Lang::Zh ? "编号" : "ID"));
        CHECK(rows[0][10] == (lang == jcm::Lang::Zh ? "状态" : "Status"));
        for (size_t i = 0; i < d.goals.size(); ++i) {
            CHECK(rows[i + 1][0] == d.goals[i].id);
            CHECK(rows[i + 1][5] == d.goals[i].title.zh);
            CHECK(rows[i + 1][16] == d.goals[i].quote);
            CHECK(rows[i + 1][10] == (lang == jcm::Lang::Zh ? "暂无报告" : "No report yet"));
        }
        size_t lf = 0, crlf = 0;
        for (size_t i = 0; i < csv.size(); ++i) {
            if (csv[i] == '\n') (i > 0 && csv[i - 1] == '\r' ? crlf : lf)++;
        }
        CHECK(crlf >= d.goals.size() + 1);
        CHECK(lf == 0);  // the shipped quotes hold no line breaks
    }
}

TEST_CASE("export: CSV quotes fields with commas, quotes and line breaks, and they read back") {
    Dataset d = Minimal();
    jcm::Goal& g = d.goals[0];
    g.quote = "培育30个项目,其中\"重大\"项目10个\r\n第二行";
    g.title = {"标题，中文逗号", "Title, with \"quotes\""};
    g.has_target = true;
    g.target.has_min = true;
    g.target.min = 1;
    g.target.value = 2;
    g.target.unit = {"家", "firms"};
    g.target.deadline = "2020-06-30";
    LocalEdit e = Edit(g.id, "2020-05-01", Status::Yellow);
    e.report.has_percent = true;
    e.report.percent = 37.5;
    e.report.has_achieved = true;
    e.report.achieved = 1;
    e.report.note = {"=HYPERLINK(\"x\")", "@cmd"};
    e.report.author = "+王明";
    const std::string quote = g.quote;
    d = jcm::ApplyEdits(d, {e});  // (g dangles from here on)

    const std::string zh = jcm::GoalsToCsv(d, jcm::Lang::Zh);
    const auto rows = ParseCsv(zh.substr(3));
    REQUIRE(rows.size() == 2);
    const auto& row = rows[1];
    REQUIRE(row.size() == 17);
    CHECK(row[5] == "标题，中文逗号");
    CHECK(row[6] == "Title, with \"quotes\"");
    CHECK(row[7] == "1\xE2\x80\x93" "2");  // an en dash, as the app shows ranges ("1-2" becomes a date in Excel)
    CHECK(row[8] == "家");
    CHECK(row[9] == "2020-06-30");
    CHECK(row[10] == "存在风险");
    CHECK(row[11] == "2020-05-01");
    CHECK(row[12] == "37.5");
    CHECK(row[13] == "1");  // the amount done, in the unit's column's unit
    CHECK(row[14] == "'=HYPERLINK(\"x\")");  // a formula stays text in Excel / WPS
    CHECK(row[15] == "'+王明");  // who reported it, as the JSON export says (a formula guard too)
    CHECK(row[16] == quote);
    CHECK(Contains(zh, "\"培育30个项目,其中\"\"重大\"\"项目10个\r\n第二行\""));

    const auto en = ParseCsv(jcm::GoalsToCsv(d, jcm::Lang::En).substr(3));
    REQUIRE(en.size() == 2);
    CHECK(en[1][8] == "firms");
    CHECK(en[1][10] == "At risk");
    CHECK(en[1][14] == "'@cmd");
}

TEST_CASE("export: CSV status words in both languages") {
    Dataset d = Minimal();
    const Status all[] = {Status::NotReported, Status::Green, Status::Yellow, Status::Red, Status::Done};
    const char* zh[] = {"暂无报告", "正常推进", "存在风险", "严重滞后", "已完成"};
    const char* en[] = {"No report yet", "On track", "At risk", "Off track", "Done"};
    for (int i = 0; i < 5; ++i) {
        d.goals[0].status = all[i];
        CHECK(ParseCsv(jcm::GoalsToCsv(d, jcm::Lang::Zh).substr(3))[1][10] == zh[i]);
        CHECK(ParseCsv(jcm::GoalsToCsv(d, jcm::Lang::En).substr(3))[1][10] == en[i]);
    }
}

// ---- 5. Local edits ---------------------------------------------------------------------------
TEST_CASE("export: local edits round-trip through JSON") {
    std::vector<LocalEdit> edits = {Edit("g1", "2020-04-15", Status::Green), Edit("g2", "2020-05-01", Status::Done),
                                    Edit("g1", "2020-04-16", Status::NotReported)};
    edits[0].report.has_percent = true;
    edits[0].report.percent = 40;
    edits[0].report.note = {"已完成签约 3 个项目", "3 projects \"signed\"\n"};
    edits[0].report.author = "区发改局";
    edits[1].report.has_percent = true;
    edits[1].report.percent = 0.1;
    edits[1].report.has_achieved = true;
    edits[1].report.achieved = 2.5;
    const std::string text = jcm::EditsToJson("jining-2020-100-day", edits);
    CHECK(text.find("\"achieved\": 2.5") != std::string::npos);
    std::vector<LocalEdit> back;
    std::string error;
    REQUIRE(jcm::EditsFromJson(text, "jining-2020-100-day", &back, &error));
    CHECK(error.empty());
    REQUIRE(back.size() == edits.size());
    for (size_t i = 0; i < edits.size(); ++i) {
        CHECK(back[i].goal_id == edits[i].goal_id);
        jcm::ProgressReport a = edits[i].report, b = back[i].report;
        Diff diff;
        diff.Same(a, b);
        CHECK(diff.found.empty());
    }
    CHECK(jcm::EditsToJson("jining-2020-100-day", back) == text);

    // No edits is a valid document too.
    REQUIRE(jcm::EditsFromJson(jcm::EditsToJson("x", {}), "x", &back, &error));
    CHECK(back.empty());
}

TEST_CASE("export: malformed local edits are refused with a reason, never a crash") {
    const std::string ok_edit = R"({"goal": "g1", "date": "2020-04-15", "status": "green"})";
    auto doc = [](const std::string& edits_json) {
        return R"({"schema_version": 1, "dataset": "d", "edits": [)" + edits_json + "]}";
    };
    REQUIRE(jcm::EditsFromJson(doc(ok_edit), "d", nullptr, nullptr));

    const std::string bad[] = {
        "",
        "{",
        "not json",
        "[]",
        "null",
        R"({"schema_version": 1, "dataset": "d", "edits": [}")",
        R"({"schema_version": 2, "dataset": "d", "edits": []})",
        R"({"schema_version": "1", "dataset": "d", "edits": []})",
        R"({"dataset": "d", "edits": []})",
        R"({"schema_version": 1, "dataset": "other", "edits": []})",
        R"({"schema_version": 1, "dataset": 7, "edits": []})",
        R"({"schema_version": 1, "edits": []})",
        R"({"schema_version": 1, "dataset": "d"})",
        R"({"schema_version": 1, "dataset": "d", "edits": {}})",
        R"({"schema_version": 1, "dataset": "d", "dataset": "d", "edits": []})",
        doc("1"),
        doc("null"),
        doc(R"({"date": "2020-04-15", "status": "green"})"),
        doc(R"({"goal": "", "date": "2020-04-15", "status": "green"})"),
        doc(R"({"goal": 5, "date": "2020-04-15", "status": "green"})"),
        doc(R"({"goal": "g1", "status": "green"})"),
        doc(R"({"goal": "g1", "date": "2020-02-30", "status": "green"})"),
        doc(R"({"goal": "g1", "date": "15/04/2020", "status": "green"})"),
        doc(R"({"goal": "g1", "date": null, "status": "green"})"),
        doc(R"({"goal": "g1", "date": "2020-04-15"})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": "amber"})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": 1})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": "green", "percent": 101})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": "green", "percent": -1})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": "green", "percent": "40"})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": "green", "percent": 1e999})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": "green", "achieved": -1})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": "green", "achieved": "3"})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": "green", "achieved": 1e999})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": "green", "note": "text"})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": "green", "note": {"en": "x"}})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": "green", "note": {"zh": 1}})"),
        doc(R"({"goal": "g1", "date": "2020-04-15", "status": "green", "author": 3})"),
        doc(ok_edit + "," + R"({"goal": "g2", "date": "2020-04-15", "status": "purple"})"),
        std::string(100000, '[') + std::string(100000, ']'),
        "{\"schema_version\": 1, \"dataset\": \"d\xff\", \"edits\": []}",
    };
    for (const std::string& text : bad) {
        CAPTURE(text.substr(0, 200));
        std::vector<LocalEdit> edits = {Edit("keep", "2020-01-01", Status::Green)};
        std::string error;
        CHECK_FALSE(jcm::EditsFromJson(text, "d", &edits, &error));
        CHECK(!error.empty());
        CHECK(edits.size() == 1);  // untouched on failure
        CHECK_FALSE(jcm::EditsFromJson(text, "d", nullptr, nullptr));
    }

    // Over 4 MiB is refused before parsing.
    std::string huge = doc(ok_edit);
    huge.insert(huge.size() - 2, std::string(4u * 1024u * 1024u, ' '));
    std::string error;
    CHECK_FALSE(jcm::EditsFromJson(huge, "d", nullptr, &error));
    CHECK(Contains(error, "4 MiB"));

    // The wrong dataset names both ids.
    CHECK_FALSE(jcm::EditsFromJson(R"({"schema_version": 1, "dataset": "other", "edits": []})", "d", nullptr, &error));
    CHECK(Contains(error, "\"other\""));
    // A bad field names the edit and the field.
    CHECK_FALSE(jcm::EditsFromJson(doc(ok_edit + "," + R"({"goal": "g2", "date": "2020-04-15", "status": "purple"})"),
                                   "d", nullptr, &error));
    CHECK(Contains(error, "edit 2"));
    CHECK(Contains(error, "\"status\""));
}

TEST_CASE("export: truncated and mutated edits documents never crash") {
    std::vector<LocalEdit> edits = {Edit("g1", "2020-04-15", Status::Green), Edit("g2", "2020-05-01", Status::Done)};
    edits[0].report.note = {"说明", "note"};
    edits[0].report.has_percent = true;
    edits[0].report.percent = 50;
    const std::string text = jcm::EditsToJson("d", edits);
    for (size_t n = 0; n < text.size(); ++n) {
        std::string error;
        std::vector<LocalEdit> out;
        const bool ok = jcm::EditsFromJson(std::string_view(text).substr(0, n), "d", &out, &error);
        CHECK((ok || !error.empty()));
    }
    const char replacements[] = {'"', '{', '}', '[', ']', ',', ':', '0', 'x', '\\', '\0'};
    for (size_t i = 0; i < text.size(); i += 3) {
        for (const char c : replacements) {
            std::string m = text;
            m[i] = c;
            std::string error;
            std::vector<LocalEdit> out;
            const bool ok = jcm::EditsFromJson(m, "d", &out, &error);
            CHECK((ok || !error.empty()));
        }
    }
}
