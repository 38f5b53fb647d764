// test_load.cpp: the strict loader and validator (src/core/load.h) against tests/fixtures/.
//
// Sections:
//   1. Helpers
//   2. Valid fixtures: what lands in the Dataset
//   3. Invalid fixtures: one defect each -> exactly that problem, where it is
//   4. Syntax, encoding and limits: line/column, oversize, depth, counts
//   5. Robustness: truncations and mutations never crash; the problem list is capped
//   6. Model helpers and FormatProblem
//
// Fixtures are written by tests/fixtures/make-fixtures.py (the minimal dataset of
// docs/data-format.md with one defect each).
#include <doctest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/load.h"

#ifndef JCM_SOURCE_DIR
#error "JCM_SOURCE_DIR must be defined (the repository root)"
#endif

namespace {

using jcm::LoadDataset;
using jcm::LoadLimits;
using jcm::LoadResult;
using jcm::Problem;
using jcm::Severity;

// ---- 1. Helpers -------------------------------------------------------------------------------
std::string ReadFixture(const std::string& rel) {
    std::ifstream in(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/" + rel, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing fixture " << rel << " (run tests/fixtures/make-fixtures.py)");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

LoadResult LoadFixture(const std::string& rel, const LoadLimits& limits = {}) {
    return LoadDataset(ReadFixture(rel), rel, limits);
}

const Problem* FindProblem(const LoadResult& r, const std::string& pointer) {
    for (const Problem& p : r.problems) {
        if (p.pointer == pointer) return &p;
    }
    return nullptr;
}

bool Contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// 1-based line of the first occurrence of `needle` in `text`, 0 if absent.
int LineOf(const std::string& text, const std::string& needle) {
    const size_t at = text.find(needle);
    if (at == std::string::npos) return 0;
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::string DescribeProblems(const LoadResult& r) {
    std::string out;
    for (const Problem& p : r.problems) out += jcm::FormatProblem(p, jcm::Lang::En) + "\n";
    return out;
}

// The minimal valid dataset with `from` replaced by `to` (once; the text must contain it).
std::string MinimalWith(const std::string& from, const std::string& to) {
    std::string text = ReadFixture("valid/minimal.json");
    const size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "minimal.json lacks " << from);
    return text.replace(at, from.size(), to);
}

// ---- 2. Valid fixtures ------------------------------------------------------------------------
TEST_CASE("load: every valid fixture loads without errors") {
    const char* files[] = {"valid/minimal.json",          "valid/area-without-goals.json",
                           "valid/goal-without-target.json", "valid/multipolygon-holes.json",
                           "valid/open-and-closed-rings.json", "valid/progress-and-colours.json",
                           "valid/unknown-field.json",     "valid/bom.json"};
    for (const char* f : files) {
        CAPTURE(f);
        const LoadResult r = LoadFixture(f);
        CHECK_MESSAGE(r.Ok(), DescribeProblems(r));
        CHECK(r.ErrorCount() == 0);
        CHECK(r.data.schema_version == 1);
        CHECK(r.data.bounds.Valid());
    }
}

TEST_CASE("load: minimal dataset is filled in") {
    const LoadResult r = LoadFixture("valid/minimal.json");
    REQUIRE_MESSAGE(r.Ok(), DescribeProblems(r));
    CHECK(r.problems.empty());
    const jcm::Dataset& d = r.data;
    CHECK(d.id == "example-city");
    CHECK(d.title.zh == "示例市重点工作");
    CHECK(d.city.en == "Example City");
    CHECK(d.source.file == "example.txt");
    CHECK(d.campaign.days == 100);
    CHECK(d.campaign.start.empty());
    CHECK(d.boundary_source.licence == "MIT");
    REQUIRE(d.area_kinds.size() == 2);
    REQUIRE(d.categories.size() == 1);
    CHECK(d.categories[0].color == 0u);  // absent: the app picks
    REQUIRE(d.areas.size() == 2);
    REQUIRE(d.goals.size() == 1);

    const jcm::Area& a = d.areas[0];
    REQUIRE(a.polygons.size() == 1);
    REQUIRE(a.polygons[0].rings.size() == 1);
    const auto& ring = a.polygons[0].rings[0];
    REQUIRE(ring.size() == 3);  // 4 in the file, closing point dropped
    CHECK(ring[2].lon == doctest::Approx(116.1));
    CHECK(ring[2].lat == doctest::Approx(35.2));
    CHECK_FALSE(a.has_marker);

    const jcm::Area& z = d.areas[1];
    CHECK(z.within == "A");
    CHECK(z.polygons.empty());
    REQUIRE(z.has_marker);
    CHECK(z.marker.approximate);
    CHECK(z.marker.pos.lat == doctest::Approx(35.05));

    const jcm::Goal& g = d.goals[0];
    CHECK(g.has_target);
    CHECK(g.target.value == doctest::Approx(30));
    CHECK_FALSE(g.target.has_min);
    CHECK(g.target.unit.en == "projects");
    CHECK(g.status == jcm::Status::NotReported);

    // Bounds of every vertex and marker.
    CHECK(d.bounds.min_lon == doctest::Approx(116.0));
    CHECK(d.bounds.max_lon == doctest::Approx(116.2));
    CHECK(d.bounds.min_lat == doctest::Approx(35.0));
    CHECK(d.bounds.max_lat == doctest::Approx(35.2));

    CHECK(d.FindArea("Z") == 1);
    CHECK(d.FindArea("nope") == -1);
    CHECK(d.FindCategory("projects") == 0);
    CHECK(d.FindAreaKind("zone") == 1);
}

TEST_CASE("load: area without goals and goal without target are valid") {
    const LoadResult a = LoadFixture("valid/area-without-goals.json");
    REQUIRE(a.Ok());
    REQUIRE(a.data.areas.size() == 3);
    const std::string& lonely = a.data.areas[2].id;
    CHECK(std::none_of(a.data.goals.begin(), a.data.goals.end(),
                       [&](const jcm::Goal& g) { return g.area == lonely; }));
    CHECK(a.data.bounds.max_lon == doctest::Approx(116.4));  // its square reaches further east

    const LoadResult g = LoadFixture("valid/goal-without-target.json");
    REQUIRE(g.Ok());
    REQUIRE(g.data.goals.size() == 1);
    CHECK_FALSE(g.data.goals[0].has_target);
}

TEST_CASE("load: MultiPolygon with holes, closed and open rings") {
    const LoadResult r = LoadFixture("valid/multipolygon-holes.json");
    REQUIRE_MESSAGE(r.Ok(), DescribeProblems(r));
    const auto& polys = r.data.areas[0].polygons;
    REQUIRE(polys.size() == 2);
    REQUIRE(polys[0].rings.size() == 3);  // outer + 2 holes
    REQUIRE(polys[1].rings.size() == 1);
    for (const auto& poly : polys) {
        for (const auto& ring : poly.rings) {
            CHECK(ring.size() == 4);  // squares, closing point dropped
        }
    }
    CHECK(r.data.bounds.max_lon == doctest::Approx(118.5));
    CHECK(r.data.bounds.max_lat == doctest::Approx(36.5));

    const LoadResult o = LoadFixture("valid/open-and-closed-rings.json");
    REQUIRE_MESSAGE(o.Ok(), DescribeProblems(o));
    const auto& p2 = o.data.areas[0].polygons;
    REQUIRE(p2.size() == 2);
    for (const auto& poly : p2) {
        const auto& ring = poly.rings.at(0);
        REQUIRE(ring.size() == 4);
        CHECK_FALSE((ring.front().lon == ring.back().lon && ring.front().lat == ring.back().lat));
    }
}

TEST_CASE("load: unknown field is a warning with its pointer and line") {
    const std::string text = ReadFixture("valid/unknown-field.json");
    const LoadResult r = LoadDataset(text, "u.json");
    CHECK(r.Ok());
    CHECK(r.ErrorCount() == 0);
    REQUIRE(r.WarningCount() == 1);
    const Problem* p = FindProblem(r, "/areas/0/colour");
    REQUIRE(p != nullptr);
    CHECK(p->severity == Severity::Warning);
    CHECK(p->file == "u.json");
    CHECK(Contains(p->message.en, "unknown field"));
    CHECK(Contains(p->message.zh, "未知字段"));
    CHECK(p->line == LineOf(text, "\"colour\""));
}

TEST_CASE("load: progress sorted by date, status from the latest report, colours ABGR") {
    const LoadResult r = LoadFixture("valid/progress-and-colours.json");
    REQUIRE_MESSAGE(r.Ok(), DescribeProblems(r));
    const jcm::Dataset& d = r.data;
    REQUIRE(d.categories.size() == 2);
    CHECK(d.categories[0].color == 0xffb4771fu);  // "#1F77b4": r=1f g=77 b=b4, IM_COL32 order
    CHECK(d.categories[1].color == 0u);
    CHECK(d.campaign.start == "2020-04-01");
    CHECK(d.campaign.end == "2020-07-09");

    const jcm::Goal& g = d.goals.at(0);
    REQUIRE(g.progress.size() == 3);
    CHECK(std::is_sorted(g.progress.begin(), g.progress.end(),
                         [](const jcm::ProgressReport& a, const jcm::ProgressReport& b) { return a.date < b.date; }));
    CHECK(g.progress.front().date == "2020-04-15");
    CHECK(g.progress.front().note.en == "signed");
    CHECK(g.progress.back().date == "2020-05-20");
    CHECK(g.progress.back().author == "区发改局");
    CHECK(g.progress.back().has_percent);
    CHECK(g.status == jcm::Status::Red);  // latest report wins over "status": "yellow"
    CHECK(g.target.has_min);
    CHECK(g.target.min == doctest::Approx(20));
    CHECK(g.target.deadline == "2020-07-09");

    const jcm::Goal& other = d.goals.at(1);
    CHECK(other.progress.empty());
    CHECK(other.status == jcm::Status::Green);  // no report: the stated status
}

TEST_CASE("load: a UTF-8 BOM is skipped with a warning") {
    const LoadResult r = LoadFixture("valid/bom.json");
    CHECK(r.Ok());
    REQUIRE(r.WarningCount() == 1);
    CHECK(Contains(r.problems[0].message.en, "BOM"));
    CHECK(r.problems[0].line == 1);
    CHECK(r.data.id == LoadFixture("valid/minimal.json").data.id);
    CHECK(r.data.areas.size() == 2);
}

// ---- 3. Invalid fixtures ----------------------------------------------------------------------
struct Expected {
    const char* file;
    const char* pointer;  // of the one error
    const char* en;       // part of its English message
    const char* zh;       // part of its Chinese message
    const char* near;     // text on the line it must point at ("" to skip)
};

TEST_CASE("load: each invalid fixture yields exactly its error") {
    const Expected cases[] = {
        {"wrong-type", "/title", "expected an object, got a string", "类型错误", "\"title\""},
        {"missing-field", "/goals/0/quote", "missing required field \"quote\"", "缺少必填字段", ""},
        {"wrong-schema-version", "/schema_version", "unsupported schema_version 2", "schema_version", "\"schema_version\""},
        {"duplicate-goal-id", "/goals/1/id", "duplicate id \"a-projects\" (already used by /goals/0)", "重复的 id", ""},
        {"duplicate-area-id", "/areas/1/id", "duplicate id \"A\"", "重复的 id", ""},
        {"duplicate-category-id", "/categories/1/id", "duplicate id \"projects\"", "重复的 id", ""},
        {"duplicate-kind-id", "/area_kinds/2/id", "duplicate id \"zone\"", "重复的 id", ""},
        {"unknown-area", "/goals/0/area", "unknown area \"B\"", "未知的区域", "\"area\": \"B\""},
        {"unknown-category", "/goals/0/category", "unknown category \"roads\"", "未知的分类", "\"roads\""},
        {"unknown-kind", "/areas/0/kind", "unknown area kind \"county\"", "未知的区域类型", "\"county\""},
        {"unknown-within", "/areas/1/within", "unknown area \"Q\"", "未知的区域", "\"within\": \"Q\""},
        {"bad-date", "/campaign/start", "invalid date \"2021-02-29\"", "日期无效", "2021-02-29"},
        {"bad-status", "/goals/0/progress/0/status", "invalid status \"amber\"", "状态无效", "\"amber\""},
        {"percent-out-of-range", "/goals/0/progress/0/percent", "between 0 and 100", "0 到 100", "\"percent\""},
        {"out-of-range-coordinate", "/areas/0/geometry/coordinates/0/1/0", "longitude out of range", "经度", "200.0"},
        {"out-of-range-marker", "/areas/1/marker/lat", "latitude out of range", "纬度", "95.5"},
        {"bad-ring", "/areas/0/geometry/coordinates/0", "at least 3 distinct points, this one has 2", "3 个不同的点", ""},
        {"bad-position", "/areas/0/geometry/coordinates/0/2", "position must be an array", "坐标点", ""},
        {"geometry-type", "/areas/0/geometry/type", "unsupported geometry type \"Point\"", "不支持的几何类型", "\"Point\""},
        {"empty-geometry", "/areas/0/geometry/coordinates", "empty geometry", "几何为空", "\"coordinates\""},
        {"no-geometry-no-marker", "/areas/0", "neither a geometry", "既没有", ""},
        {"empty-id", "/goals/0/id", "must not be empty", "不能为空", "\"id\": \"\""},
        {"empty-zh", "/city/zh", "must not be empty", "不能为空", "\"zh\": \" \""},
        {"target-min-above-value", "/goals/0/target/min", "min (40) is greater than value (30)", "大于", "\"min\""},
        {"campaign-start-after-end", "/campaign/end", "before start date", "早于", "\"end\""},
        {"bad-colour", "/categories/0/color", "invalid colour \"red\"", "颜色无效", "\"red\""},
        {"bad-goal-kind", "/goals/0/kind", "invalid goal kind \"wish\"", "目标类型无效", "\"wish\""},
        {"headline-without-quote", "/areas/0/headline_quote", "headline_quote", "headline_quote", ""},
        {"days-not-integer", "/campaign/days", "expected an integer", "整数", "99.5"},
        {"not-an-object", "", "expected an object", "对象", ""},
        {"duplicate-key", "/id", "duplicate key \"id\"", "重复的键", "other-city"},
    };
    for (const Expected& e : cases) {
        const std::string rel = std::string("invalid/") + e.file + ".json";
        CAPTURE(rel);
        const std::string text = ReadFixture(rel);
        const LoadResult r = LoadDataset(text, rel);
        INFO(DescribeProblems(r));
        CHECK_FALSE(r.Ok());
        CHECK(r.ErrorCount() == 1);
        CHECK(r.WarningCount() == 0);
        const Problem* p = FindProblem(r, e.pointer);
        REQUIRE(p != nullptr);
        CHECK(p->severity == Severity::Error);
        CHECK(p->file == rel);
        CHECK(Contains(p->message.en, e.en));
        CHECK(Contains(p->message.zh, e.zh));
        CHECK(p->line > 0);  // every problem is placed, not only syntax errors
        CHECK(p->column > 0);
        if (e.near[0] != '\0') CHECK(p->line == LineOf(text, e.near));
    }
}

TEST_CASE("load: a within cycle is reported for each area in it") {
    const LoadResult r = LoadFixture("invalid/within-cycle.json");
    CHECK_FALSE(r.Ok());
    CHECK(r.ErrorCount() == 2);
    for (const char* ptr : {"/areas/0/within", "/areas/1/within"}) {
        const Problem* p = FindProblem(r, ptr);
        REQUIRE(p != nullptr);
        CHECK(Contains(p->message.en, "cycle"));
    }
}

TEST_CASE("load: every problem is reported, in document order") {
    const std::string text = ReadFixture("invalid/three-errors.json");
    const LoadResult r = LoadDataset(text, "three.json");
    CHECK(r.ErrorCount() == 3);
    std::set<std::string> pointers;
    for (const Problem& p : r.problems) pointers.insert(p.pointer);
    CHECK(pointers == std::set<std::string>{"/campaign/end", "/areas/1/marker/lon", "/goals/0/area"});
    CHECK(std::is_sorted(r.problems.begin(), r.problems.end(),
                         [](const Problem& a, const Problem& b) { return a.line < b.line; }));
    CHECK(FindProblem(r, "/goals/0/area")->line == LineOf(text, "\"area\": \"B\""));
}

// ---- 4. Syntax, encoding and limits -----------------------------------------------------------
TEST_CASE("load: syntax errors carry line and column") {
    SUBCASE("missing comma") {
        // Line 4 is `  "title": ...`; the parser stops at the end of the unexpected key (column 9).
        const LoadResult r = LoadFixture("invalid/syntax-error.json");
        REQUIRE(r.problems.size() == 1);
        const Problem& p = r.problems[0];
        CHECK(p.severity == Severity::Error);
        CHECK(p.line == 4);
        CHECK(p.column == 9);
        CHECK(Contains(p.message.en, "JSON syntax error"));
        CHECK(Contains(p.message.zh, "JSON 语法错误"));
    }
    SUBCASE("truncated file") {
        const LoadResult r = LoadFixture("invalid/truncated.json");
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].line == 4);  // the text ends with a newline after line 3
        CHECK(r.problems[0].column == 1);
        CHECK(Contains(r.problems[0].message.en, "unexpected end of input"));
    }
    SUBCASE("NaN is not JSON") {
        const LoadResult r = LoadFixture("invalid/nan-coordinate.json");
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].line == 2);
        CHECK(Contains(r.problems[0].message.en, "invalid literal"));
        CHECK(Contains(r.problems[0].message.zh, "NaN"));
    }
    SUBCASE("number overflow") {
        const LoadResult r = LoadFixture("invalid/number-overflow.json");
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].line == 1);
        CHECK(Contains(r.problems[0].message.en, "number overflow"));
    }
    SUBCASE("column counts characters, not bytes") {
        // The bad literal x is character 10 of the line but byte 18 (each 中/文 takes 3 bytes).
        const LoadResult r = LoadDataset("{\"中文中文\": x}", "c.json");
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].line == 1);
        CHECK(r.problems[0].column == 10);
    }
    SUBCASE("trailing content") {
        const LoadResult r = LoadDataset("{}\n{}", "t.json");
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].line == 2);
    }
}

TEST_CASE("load: invalid UTF-8 and empty input") {
    const LoadResult u = LoadFixture("invalid/invalid-utf8.json");
    REQUIRE(u.problems.size() == 1);
    CHECK(Contains(u.problems[0].message.en, "not valid UTF-8"));
    CHECK(Contains(u.problems[0].message.en, "0xd6"));
    CHECK(Contains(u.problems[0].message.zh, "UTF-8"));
    CHECK(u.problems[0].line == 2);
    CHECK(u.problems[0].column == 10);  // after `  "id": "`

    // Overlong encodings and UTF-16 surrogates are not UTF-8 either.
    CHECK_FALSE(LoadDataset("{\"a\": \"\xc0\xaf\"}", "o.json").Ok());
    CHECK_FALSE(LoadDataset("{\"a\": \"\xed\xa0\x80\"}", "s.json").Ok());
    CHECK_FALSE(LoadDataset("{\"a\": \"\\ud800\"}", "e.json").Ok());  // lone surrogate escape

    for (const char* text : {"", " \n\t ", "\xef\xbb\xbf"}) {
        const LoadResult r = LoadDataset(text, "empty.json");
        CHECK_FALSE(r.Ok());
        CHECK(r.ErrorCount() == 1);
        const auto it = std::find_if(r.problems.begin(), r.problems.end(),
                                     [](const Problem& p) { return p.severity == Severity::Error; });
        REQUIRE(it != r.problems.end());
        CHECK(Contains(it->message.en, "empty"));
    }
    CHECK(Contains(LoadFixture("invalid/empty.json").problems.at(0).message.en, "empty"));
}

TEST_CASE("load: oversized input is refused before parsing") {
    const std::string text = ReadFixture("valid/minimal.json");
    LoadLimits limits;
    limits.max_bytes = text.size() - 1;
    const LoadResult big = LoadDataset(text, "big.json", limits);
    CHECK_FALSE(big.Ok());
    REQUIRE(big.problems.size() == 1);
    CHECK(Contains(big.problems[0].message.en, "too large"));
    CHECK(big.data.areas.empty());

    limits.max_bytes = text.size();
    CHECK(LoadDataset(text, "ok.json", limits).Ok());
    // Garbage that is too big is refused for its size, not parsed.
    CHECK(Contains(LoadDataset(std::string(64, '\xff'), "g.json", LoadLimits{32}).problems.at(0).message.en, "too large"));
}

TEST_CASE("load: nesting depth is capped") {
    const auto nested = [](int depth) { return "{\"x\": " + std::string(static_cast<size_t>(depth - 1), '[') +
                                               std::string(static_cast<size_t>(depth - 1), ']') + "}"; };
    LoadLimits limits;
    limits.max_depth = 10;
    const auto deep = [&](int depth) {
        const LoadResult r = LoadDataset(nested(depth), "d.json", limits);
        return std::any_of(r.problems.begin(), r.problems.end(),
                           [](const Problem& p) { return Contains(p.message.en, "nested too deeply"); });
    };
    CHECK_FALSE(deep(10));  // exactly the limit parses (then fails the schema, not the depth)
    CHECK(deep(11));

    const LoadResult f = LoadFixture("invalid/too-deep.json");  // 71 levels against the default 64
    REQUIRE(f.problems.size() == 1);
    CHECK(Contains(f.problems[0].message.en, "more than 64 levels"));
    CHECK(f.problems[0].line == 1);
    CHECK(f.problems[0].column == 7 + 63);  // level 65: the 64th "[" (the first is at column 7)
    // A million brackets: refused quickly, no recursion anywhere.
    CHECK(Contains(LoadDataset(std::string(1000000, '['), "b.json").problems.at(0).message.en, "nested too deeply"));
}

TEST_CASE("load: absurd sizes are refused") {
    const std::string text = ReadFixture("valid/minimal.json");
    LoadLimits limits;
    limits.max_areas = 1;
    const LoadResult a = LoadDataset(text, "a.json", limits);
    REQUIRE(FindProblem(a, "/areas") != nullptr);
    CHECK(Contains(FindProblem(a, "/areas")->message.en, "too many areas"));

    limits = LoadLimits{};
    limits.max_goals = 0;
    const LoadResult g = LoadDataset(text, "g.json", limits);
    REQUIRE(FindProblem(g, "/goals") != nullptr);
    CHECK(Contains(FindProblem(g, "/goals")->message.en, "too many goals"));

    limits = LoadLimits{};
    limits.max_vertices = 3;  // the one ring has 4 positions in the file
    const LoadResult v = LoadDataset(text, "v.json", limits);
    CHECK_FALSE(v.Ok());
    REQUIRE(FindProblem(v, "/areas/0/geometry/coordinates/0") != nullptr);
    CHECK(Contains(FindProblem(v, "/areas/0/geometry/coordinates/0")->message.en, "too many boundary vertices"));
    limits.max_vertices = 4;
    CHECK(LoadDataset(text, "v.json", limits).Ok());
}

TEST_CASE("load: dates must be real calendar dates") {
    const auto start_ok = [](const std::string& date) {
        return LoadDataset(MinimalWith("\"days\": 100", "\"days\": 100, \"start\": \"" + date + "\""), "d.json").Ok();
    };
    CHECK(start_ok("2020-02-29"));
    CHECK(start_ok("2000-02-29"));
    CHECK(start_ok("2020-12-31"));
    CHECK_FALSE(start_ok("1900-02-29"));
    CHECK_FALSE(start_ok("2020-04-31"));
    CHECK_FALSE(start_ok("2020-00-10"));
    CHECK_FALSE(start_ok("2020-1-10"));
    CHECK_FALSE(start_ok("2020/01/10"));
    CHECK_FALSE(start_ok("20200110"));
    CHECK_FALSE(start_ok("2020-01-1x"));
    // null means "not stated".
    CHECK(LoadDataset(MinimalWith("\"days\": 100", "\"days\": 100, \"start\": null"), "n.json").Ok());
}

TEST_CASE("load: pointers escape ~ and /") {
    const LoadResult r = LoadDataset(MinimalWith("\"schema_version\": 1", "\"schema_version\": 1, \"a/b~c\": 0"), "p.json");
    CHECK(r.Ok());
    REQUIRE(r.WarningCount() == 1);
    CHECK(r.problems[0].pointer == "/a~1b~0c");
    CHECK(r.problems[0].line == 2);
}

TEST_CASE("load: type errors never read the wrong type") {
    // Each replacement puts a wrong-typed value where the loader reads something else.
    const std::pair<const char*, const char*> swaps[] = {
        {"\"schema_version\": 1", "\"schema_version\": \"1\""},
        {"\"days\": 100", "\"days\": [100]"},
        {"\"licence\": \"MIT\"", "\"licence\": 1"},
        {"\"approximate\": true", "\"approximate\": \"yes\""},
        {"\"value\": 30", "\"value\": \"30\""},
        {"\"area_kinds\": [", "\"area_kinds\": {\"k\": ["},  // then a syntax error: fine too
        {"\"goals\": [", "\"goals\": [1, null, true, \"s\", [], "},
        {"\"coordinates\": [", "\"coordinates\": [{}, "},
        {"\"zh\": \"示例市\"", "\"zh\": 5"},
    };
    for (const auto& [from, to] : swaps) {
        CAPTURE(to);
        const LoadResult r = LoadDataset(MinimalWith(from, to), "t.json");
        CHECK_FALSE(r.Ok());
        CHECK(r.ErrorCount() >= 1);
    }
}

TEST_CASE("load: altitude, $schema and integral floats are accepted") {
    const std::string third = "[\n              116.1,\n              35.2\n            ]";
    CHECK(LoadDataset(MinimalWith(third, "[116.1, 35.2, 41.5]"), "alt.json").Ok());
    const LoadResult bad = LoadDataset(MinimalWith(third, "[116.1, 35.2, \"41\"]"), "alt.json");
    CHECK(FindProblem(bad, "/areas/0/geometry/coordinates/0/2/2") != nullptr);
    CHECK_FALSE(LoadDataset(MinimalWith(third, "[116.1, 35.2, 1, 2]"), "alt.json").Ok());

    const LoadResult s = LoadDataset(MinimalWith("{", "{\"$schema\": \"../docs/data-format.schema.json\","), "s.json");
    CHECK(s.Ok());
    CHECK(s.problems.empty());
    const LoadResult f = LoadDataset(MinimalWith("\"days\": 100", "\"days\": 100.0"), "f.json");
    CHECK(f.Ok());
    CHECK(f.data.campaign.days == 100);
}

// ---- 5. Robustness ----------------------------------------------------------------------------
TEST_CASE("load: every truncation and many mutations are handled without crashing") {
    const std::string text = ReadFixture("valid/progress-and-colours.json");
    for (size_t n = 0; n < text.size(); n += 7) {
        const LoadResult r = LoadDataset(text.substr(0, n), "cut.json");
        CHECK_FALSE(r.Ok());
        CHECK(r.ErrorCount() >= 1);
    }
    // Deterministic pseudo-random byte edits (LCG), including bytes that break UTF-8.
    uint32_t seed = 12345;
    const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    int ok = 0;
    for (int i = 0; i < 1500; ++i) {
        std::string t = text;
        for (int k = 0; k < 3; ++k) {
            t[next() % t.size()] = "{}[],:\"0-e.\\ \xffxn9"[next() % 17];
        }
        const LoadResult r = LoadDataset(t, "m.json");
        for (const Problem& p : r.problems) CHECK((p.line >= 0 && p.column >= 0));
        ok += r.Ok() ? 1 : 0;
    }
    CHECK(ok < 1500);  // the edits do break things
}

TEST_CASE("load: the problem list is capped") {
    std::string goals;
    for (int i = 0; i < 3000; ++i) {
        goals += "{\"id\": \"g" + std::to_string(i) +
                 "\", \"area\": \"A\", \"category\": \"projects\", \"kind\": \"wish\", \"title\": {\"zh\": \"t\"}, "
                 "\"quote\": \"q\"},";
    }
    const LoadResult r = LoadDataset(MinimalWith("\"goals\": [", "\"goals\": [" + goals), "many.json");
    CHECK_FALSE(r.Ok());
    CHECK(r.problems.size() <= 1001);
    CHECK(r.problems.size() >= 1000);
    CHECK(Contains(r.problems.back().message.en, "more not listed"));
}

// ---- 6. Model helpers and FormatProblem -------------------------------------------------------
TEST_CASE("model: status ids round-trip") {
    for (int i = 0; i < jcm::kStatusCount; ++i) {
        const auto s = static_cast<jcm::Status>(i);
        jcm::Status back = jcm::Status::Done;
        REQUIRE(jcm::ParseStatus(jcm::StatusId(s), &back));
        CHECK(back == s);
    }
    jcm::Status untouched = jcm::Status::Yellow;
    CHECK_FALSE(jcm::ParseStatus("Green", &untouched));
    CHECK_FALSE(jcm::ParseStatus("", &untouched));
    CHECK(untouched == jcm::Status::Yellow);
    CHECK(std::string(jcm::StatusId(jcm::Status::NotReported)) == "not_reported");
}

TEST_CASE("FormatProblem: file, place, severity, pointer and message in either language") {
    Problem p;
    p.file = "data.json";
    p.pointer = "/goals/0/area";
    p.line = 12;
    p.column = 5;
    p.message = jcm::Text{"未知的区域", "unknown area"};
    CHECK(jcm::FormatProblem(p, jcm::Lang::En) == "data.json:12:5: error: /goals/0/area: unknown area");
    CHECK(jcm::FormatProblem(p, jcm::Lang::Zh) == "data.json:12:5: 错误: /goals/0/area: 未知的区域");
    p.severity = Severity::Warning;
    p.line = 0;
    p.pointer.clear();
    CHECK(jcm::FormatProblem(p, jcm::Lang::En) == "data.json: warning: unknown area");
}

}  // namespace
