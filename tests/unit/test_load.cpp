// test_load.cpp: the strict loader and validator (src/core/load.h) against tests/fixtures/.
//
// Sections:
//   1. Helpers
//   2. Valid fixtures: what lands in the Dataset
//   3. Invalid fixtures: one defect each -> exactly that problem, where it is
//   4. Syntax, encoding and limits: line/column, oversize, depth, counts
//   5. Robustness: truncations and mutations never crash; the problem list is capped
//   6. Model helpers and FormatProblem
//   7. Packed coordinates: the loader's coordinate packing gives exactly the all-DOM result
//   8. The app keeps one copy of the boundary polygons (ui/app.h LocalState)
//
// Fixtures are written by tests/fixtures/make-fixtures.py (the minimal dataset of
// docs/data-format.md with one defect each).
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/export.h"
#include "core/json_parse.h"
#include "core/load.h"
#include "core/number_scan.h"
#include "core/utf8.h"
#ifdef JCM_HAVE_UI
#include "platform/platform_headless.h"
#include "ui/app.h"
#endif

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
    CHECK(g.progress.back().has_achieved);
    CHECK(g.progress.back().achieved == doctest::Approx(12.5));
    CHECK_FALSE(g.progress.front().has_achieved);
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
        {"achieved-negative", "/goals/0/progress/0/achieved", "achieved must be between 0 and 10^15: -3", "0 到 10^15", "\"achieved\""},
        {"out-of-range-coordinate", "/areas/0/geometry/coordinates/0/1/0", "longitude out of range", "经度", "200.0"},
        {"quantised-not-whole", "/areas/0/geometry/coordinates/0/2/1", "must be whole numbers: 1024.5", "整数", "1024.5"},
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

TEST_CASE("load: a ring's distinct points are counted wherever they repeat") {
    // bad-ring.json's ring is A, B, A, B: two distinct points (an invalid fixture above). With its
    // last point moved to a third place, A, B, A, C has three, repeats apart: valid.
    std::string text = ReadFixture("invalid/bad-ring.json");
    const std::string last = "116.2,\n              35.0\n            ]\n          ]";
    const size_t at = text.rfind(last);
    REQUIRE(at != std::string::npos);
    text.replace(at, last.size(), "116.1,\n              35.2\n            ]\n          ]");
    const LoadResult r = LoadDataset(text, "three-distinct.json");
    CHECK(r.Ok());
    REQUIRE(r.data.areas.size() >= 1);
    REQUIRE(r.data.areas[0].polygons.size() == 1);
    CHECK(r.data.areas[0].polygons[0].rings[0].size() == 4);  // open (not closed), nothing dropped
}

TEST_CASE("load: the coordinate scanner reads runs of positions, and says where it stops or fails") {
    using jcm::detail::ScanPositions;
    const auto scan = [](const std::string& text, std::vector<jcm::LonLat>* ring, std::string* rest) {
        const char* next = nullptr;
        const int r = ScanPositions(text.data(), text.data() + text.size(), ring, &next);
        if (r > 0) *rest = std::string(next, text.data() + text.size());
        return r;
    };
    std::vector<jcm::LonLat> ring;
    std::string rest;
    CHECK(scan(" [116.5, 35.25] ,\n[-0, 1e2],[0.125,-3]  ]", &ring, &rest) == 1);
    REQUIRE(ring.size() == 3);
    CHECK(ring[0].lon == 116.5);
    CHECK(ring[0].lat == 35.25);
    CHECK(ring[1].lon == 0.0);
    CHECK_FALSE(std::signbit(ring[1].lon));  // "-0" is the integer 0, as nlohmann reads it
    CHECK(ring[1].lat == 100.0);
    CHECK(ring[2].lat == -3.0);
    CHECK(rest == "]");  // stops at what follows the last position
    ring.clear();
    CHECK(scan("[[1, 2]]", &ring, &rest) == 0);  // not a position: nothing read
    CHECK(ring.empty());
    CHECK(scan("[1, 2], [1, 2, 3]]", &ring, &rest) == -1);  // a position of three numbers after a comma
    ring.clear();
    CHECK(scan("[1, 2], \"x\"]", &ring, &rest) == -1);
    ring.clear();
    CHECK(scan("[1e999, 2]", &ring, &rest) == 0);  // not finite: not read here (nlohmann reports it)
    CHECK(scan("[01, 2]", &ring, &rest) == 0);     // not JSON's grammar
    CHECK(scan("[1., 2]", &ring, &rest) == 0);
    CHECK(scan("[1, 2", &ring, &rest) == 0);       // cut short
    CHECK(scan("[12345678901234567890123, 0.1000000000000000055511151231257827]", &ring, &rest) == 1);  // strtod's path
    CHECK(ring.back().lon == 12345678901234567890123.0);
    CHECK(ring.back().lat == 0.1);
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
        // Said once: the parser's own detail also begins "syntax error".
        CHECK(p.message.en.find("syntax error", p.message.en.find("syntax error") + 1) == std::string::npos);
        CHECK(p.message.zh.find("语法错误", p.message.zh.find("语法错误") + 1) == std::string::npos);
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

TEST_CASE("utf8: the first invalid byte is found wherever it falls, ASCII read eight bytes at a time") {
    // Every offset in and around the 8-byte steps, after ASCII and after a 3-byte character.
    const std::string cjk = "\xE6\xB5\x8E";  // U+6D4E
    for (const std::string& before : {std::string(), cjk}) {
        for (size_t k = 0; k < 40; ++k) {
            const std::string ascii(k, 'a');
            CHECK(jcm::FindInvalidUtf8(before + ascii + "\xFF" + ascii) == before.size() + k);
            CHECK(jcm::FindInvalidUtf8(before + ascii + "\xE6\xB5") == before.size() + k);  // cut short at the end
            CHECK(jcm::FindInvalidUtf8(before + ascii + cjk + ascii) == std::string_view::npos);
            CHECK(jcm::FindInvalidUtf8(before + ascii + "\xED\xA0\x80" + ascii) == before.size() + k);  // a surrogate
        }
    }
    CHECK(jcm::FindInvalidUtf8("") == std::string_view::npos);
}

TEST_CASE("load: a GBK-encoded file is refused with \"save as UTF-8, not GBK\" in both languages") {
    // tests/fixtures/invalid/gbk-encoded.json is valid/minimal.json saved as GBK.
    const std::string text = ReadFixture("invalid/gbk-encoded.json");
    REQUIRE(text.find("\xca\xbe") != std::string::npos);  // 示 in GBK
    const LoadResult r = LoadDataset(text, "gbk.json");
    CHECK_FALSE(r.Ok());
    REQUIRE(r.problems.size() == 1);
    const Problem& p = r.problems[0];
    CHECK(Contains(p.message.en, "not valid UTF-8"));
    CHECK(Contains(p.message.en, "looks GBK-encoded; save it as UTF-8, not GBK"));
    CHECK(Contains(p.message.zh, "GBK 编码"));
    CHECK(Contains(p.message.zh, "请另存为 UTF-8 编码（不要用 GBK）"));
    // Line 5 is `    "zh": "示例市重点工作"`; 示 in GBK (CA BE) happens to be well-formed UTF-8 (U+02BE),
    // so the first bad byte is 例's C0, one character later.
    CHECK(p.line == 5);
    CHECK(p.column == 13);
    // Bytes that are not GBK either get the general message.
    const LoadResult b = LoadDataset("{\"a\": \"\xff\xfe\"}", "b.json");
    REQUIRE(b.problems.size() == 1);
    CHECK(Contains(b.problems[0].message.en, "not valid UTF-8"));
    CHECK_FALSE(Contains(b.problems[0].message.en, "looks GBK"));
    CHECK(jcm::LooksLikeGbk("\xd6\xd0\xce\xc4"));
    CHECK_FALSE(jcm::LooksLikeGbk("ascii only"));
    CHECK_FALSE(jcm::LooksLikeGbk("\xd6"));  // a lead byte at the end
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

// ---- 7. Packed coordinates --------------------------------------------------------------------
// LoadDataset keeps boundary rings out of the JSON DOM (json_parse.h). Every result must be the
// one the all-DOM path gives: the same problems (pointer, line, column, message) and the same data.
namespace {

// The same polygons, bit for bit.
void CheckSamePolygons(const std::vector<jcm::Polygon>& pa, const std::vector<jcm::Polygon>& pb) {
    REQUIRE(pa.size() == pb.size());
    for (size_t k = 0; k < pa.size(); ++k) {
        REQUIRE(pa[k].rings.size() == pb[k].rings.size());
        for (size_t r = 0; r < pa[k].rings.size(); ++r) {
            REQUIRE(pa[k].rings[r].size() == pb[k].rings[r].size());
            for (size_t j = 0; j < pa[k].rings[r].size(); ++j) {
                CHECK(pa[k].rings[r][j].lon == pb[k].rings[r][j].lon);
                CHECK(pa[k].rings[r][j].lat == pb[k].rings[r][j].lat);
            }
        }
    }
}

void CheckSameResult(const LoadResult& a, const LoadResult& b) {
    REQUIRE(a.problems.size() == b.problems.size());
    for (size_t i = 0; i < a.problems.size(); ++i) {
        const Problem& p = a.problems[i];
        const Problem& q = b.problems[i];
        CHECK(p.severity == q.severity);
        CHECK(p.file == q.file);
        CHECK(p.pointer == q.pointer);
        CHECK(p.line == q.line);
        CHECK(p.column == q.column);
        CHECK(p.message.zh == q.message.zh);
        CHECK(p.message.en == q.message.en);
    }
    REQUIRE(a.data.areas.size() == b.data.areas.size());
    for (size_t i = 0; i < a.data.areas.size(); ++i) CheckSamePolygons(a.data.areas[i].polygons, b.data.areas[i].polygons);
    if (a.Ok()) CHECK(jcm::DatasetToJson(a.data) == jcm::DatasetToJson(b.data));
}

// DatasetLoad with its rings read ahead `bytes` at a time (0: not at all), then finished.
LoadResult LoadInSteps(const std::string& text, const LoadLimits& limits, size_t bytes) {
    jcm::DatasetLoad load(text, "p.json", limits);
    double progress = 0;
    bool onwards = true;
    for (size_t n = 0; bytes > 0 && !load.Step(bytes); ++n) {
        onwards = onwards && load.Progress() > progress;  // every step moves on
        progress = load.Progress();
        REQUIRE(n <= text.size() / bytes + 1);
    }
    CHECK(onwards);
    if (bytes > 0) CHECK(load.Progress() == 1.0);
    return load.Finish();
}

// LoadDataset's result (rings packed) is the all-DOM one, and DatasetLoad's in steps of any size
// (rings read ahead of the parse) is LoadDataset's.
void CheckSameAsUnpacked(const std::string& text, const LoadLimits& limits = {}) {
    const LoadResult a = LoadDataset(text, "p.json", limits);
    const LoadResult b = jcm::detail::LoadDatasetUnpacked(text, "p.json", limits);
    {
        INFO("packed:\n" << DescribeProblems(a) << "all DOM:\n" << DescribeProblems(b) << "text:\n" << text);
        CheckSameResult(a, b);
    }
    for (size_t bytes : {size_t{0}, size_t{1}, size_t{7}, size_t{100}, text.size()}) {
        const LoadResult c = LoadInSteps(text, limits, bytes);
        INFO("read ahead in steps of " << bytes << " bytes:\n" << DescribeProblems(c) << "at once:\n" << DescribeProblems(a) << "text:\n" << text);
        CheckSameResult(c, a);
    }
}

// minimal.json with its first area's geometry object replaced by `geometry` (JSON text).
std::string MinimalWithGeometry(const std::string& geometry) {
    std::string text = ReadFixture("valid/minimal.json");
    const size_t at = text.find("\"geometry\": {");
    REQUIRE(at != std::string::npos);
    const size_t open = text.find('{', at);
    size_t close = open;
    for (int depth = 0; close < text.size(); ++close) {
        depth += text[close] == '{' ? 1 : text[close] == '}' ? -1 : 0;
        if (depth == 0) break;
    }
    return text.replace(open, close + 1 - open, geometry);
}

std::string Polygon(const std::string& coordinates) {
    return "{\"type\": \"Polygon\", \"coordinates\": " + coordinates + "}";
}
std::string MultiPolygon(const std::string& coordinates) {
    return "{\"type\": \"MultiPolygon\", \"coordinates\": " + coordinates + "}";
}

}  // namespace

TEST_CASE("load: packed coordinates give the all-DOM result, valid and invalid geometry alike") {
    const std::string tri = "[[116,35],[116.2,35],[116.1,35.2]]";
    const std::vector<std::string> polygon_coordinates = {
        "[" + tri + "]",
        "[[[116,35],[116.2,35],[116.1,35.2],[116,35]]]",
        "[[[116,35],[117,35],[117,36],[116,36]],[[116.2,35.2],[116.4,35.2],[116.3,35.4]]]",
        "[[[116,35,1],[116.2,35],[116.1,35.2]]]",
        "[[[116,35],[116.2,35,5],[116.1,35.2]]]",
        "[[[1.16e2,3.5e1],[116.2,35],[116.1,3520E-2]]]",
        "[[[-0,0],[1,0],[0,1]]]",
        "[[[18446744073709551615,35],[116.2,35],[116.1,35.2]]]",
        "[[[-9223372036854775808,35],[116.2,35],[116.1,35.2]]]",
        "[[[116,35],[190,95],[116.1,35.2]]]",
        "[[[-181,35],[116.2,-91],[116.1,35.2]]]",
        "[[[116,35],[116.2,35],[116.1,90.0001]]]",
        "[[[116,35],[116.2],[116.1,35.2]]]",
        "[[[116,35],[116.2,35,1,2],[116.1,35.2]]]",
        "[[[116,35],[\"116.2\",35],[116.1,35.2]]]",
        "[[[116,35],[116.2,null],[116.1,35.2]]]",
        "[[[116,35],[116.2,true],[116.1,35.2]]]",
        "[[[116,35],{\"lon\":1},[116.1,35.2]]]",
        "[[[116,35],{\"lon\":[[1,2]]},[116.1,35.2]]]",
        "[[[116,35],[[116.2,35]],[116.1,35.2]]]",
        "[[[116,35],[],[116.1,35.2]]]",
        "[[[116,35],[116.2,35,\"x\"],[116.1,35.2]]]",
        "[[[116,35],[116.2,35,[1]],[116.1,35.2]]]",
        "[[[116,35],116.2,[116.1,35.2]]]",
        "[[[116,35],[116.2,35],[116.1,35.2],[[1,2],[3,4]]]]",
        "[[[116,35],[116.2,35]]]",
        "[[[116,35],[116,35],[116,35],[116,35]]]",
        "[[]]",
        "[]",
        "[\"ring\"]",
        "[5]",
        "[{}]",
        "[" + tri + ",\"x\"]",
        "[" + tri + ",[]," + tri + "]",
        tri,                                     // one level missing
        "[[" + tri + "]]",                       // one level too many
        "[[[[[116,35]],[[116.2,35]]]]]",         // positions of positions
        "[[[[[116,35],[1,2]],[[116.2,35],[3,4]],[[116.1,35.2],[5,6]]]]]",
        "[[[[[[116,35]]]]]]",
        "[[[116,35],[116.2,35],[116.1,35.2]],[[116,35,0],[116.2,35,0],[116.1,35.2,0]]]",
        "\"none\"",
        "null",
    };
    for (const std::string& c : polygon_coordinates) {
        CheckSameAsUnpacked(MinimalWithGeometry(Polygon(c)));
        CheckSameAsUnpacked(MinimalWithGeometry(MultiPolygon(c)));
        CheckSameAsUnpacked(MinimalWithGeometry(MultiPolygon("[" + c + "]")));
        CheckSameAsUnpacked(MinimalWithGeometry(MultiPolygon("[" + c + ",[" + tri + "]]")));
        for (int depth : {4, 5, 6, 7, 8, 9}) {  // the depth cap falls inside the coordinates
            LoadLimits limits;
            limits.max_depth = depth;
            CheckSameAsUnpacked(MinimalWithGeometry(MultiPolygon("[" + c + "]")), limits);
        }
    }
    // Member order, duplicate "coordinates", other types, coordinates elsewhere than a geometry.
    CheckSameAsUnpacked(MinimalWithGeometry("{\"coordinates\": [" + tri + "], \"type\": \"Polygon\"}"));
    CheckSameAsUnpacked(MinimalWithGeometry("{\"type\": \"Polygon\", \"coordinates\": [[[1,2]]], \"coordinates\": [" + tri + "]}"));
    CheckSameAsUnpacked(MinimalWithGeometry("{\"type\": \"Polygon\", \"coordinates\": [" + tri + "], \"coordinates\": [[[1,2]]]}"));
    CheckSameAsUnpacked(MinimalWithGeometry("{\"type\": \"LineString\", \"coordinates\": [" + tri + "]}"));
    CheckSameAsUnpacked(MinimalWithGeometry("{\"coordinates\": [" + tri + "]}"));
    CheckSameAsUnpacked(MinimalWithGeometry("{\"type\": \"Polygon\", \"coordinates\": [" + tri + "], \"extra\": [" + tri + "]}"));
    CheckSameAsUnpacked(MinimalWithGeometry(Polygon("[" + tri + "]") + ", \"coordinates\": [" + tri + "]"));
    // Syntax errors inside the coordinates.
    CheckSameAsUnpacked(MinimalWithGeometry(Polygon("[[[116,35],[116.2,35,],[116.1,35.2]]]")));
    CheckSameAsUnpacked(MinimalWithGeometry(Polygon("[[[116,35],[116.2,35][116.1,35.2]]]")));
    CheckSameAsUnpacked(MinimalWithGeometry(Polygon("[[[116,35],[116.2,1e999],[116.1,35.2]]]")));
    // The vertex cap, before, at and inside a packed ring.
    for (size_t cap : {0, 2, 3, 4, 5, 6, 7}) {
        LoadLimits limits;
        limits.max_vertices = cap;
        CheckSameAsUnpacked(ReadFixture("valid/multipolygon-holes.json"), limits);
        CheckSameAsUnpacked(MinimalWithGeometry(Polygon("[" + tri + "," + tri + "]")), limits);
    }
}

TEST_CASE("load: packed coordinates give the all-DOM result on every fixture and on mutations") {
    for (const char* dir : {"valid", "invalid"}) {
        for (const auto& name : {"minimal.json", "multipolygon-holes.json", "open-and-closed-rings.json", "bom.json",
                                 "bad-position.json", "bad-ring.json", "empty-geometry.json", "geometry-type.json",
                                 "nan-coordinate.json", "number-overflow.json", "out-of-range-coordinate.json",
                                 "too-deep.json", "truncated.json", "three-errors.json", "wrong-type.json"}) {
            std::ifstream in(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/" + dir + "/" + name, std::ios::binary);
            if (!in.good()) continue;  // each name is in one of the two directories
            std::ostringstream ss;
            ss << in.rdbuf();
            CheckSameAsUnpacked(ss.str());
        }
    }
    // Deterministic pseudo-random edits (LCG) inside the coordinates of a MultiPolygon with holes.
    const std::string text = ReadFixture("valid/multipolygon-holes.json");
    const size_t from = text.find("\"coordinates\"");
    const size_t to = text.find("\"goals\"");
    REQUIRE(from != std::string::npos);
    REQUIRE(to > from);
    uint32_t seed = 4242;
    const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    for (int i = 0; i < 3000; ++i) {
        std::string t = text;
        const int edits = 1 + static_cast<int>(next() % 3);
        for (int k = 0; k < edits; ++k) {
            const size_t at = from + next() % (to - from);
            static constexpr char kChars[] = "[],0-9e.\" {}x\n";
            const char c = kChars[next() % (sizeof kChars - 1)];
            switch (next() % 3) {
                case 0: t[at] = c; break;
                case 1: t.insert(t.begin() + static_cast<std::ptrdiff_t>(at), c); break;
                default: t.erase(at, 1 + next() % 12); break;
            }
        }
        CheckSameAsUnpacked(t);
    }
}

// The coordinates are read by FastRings (json_parse.cpp) when they are regular, by nlohmann
// otherwise: every number token, good or bad, must come out as nlohmann converts it.
TEST_CASE("load: fast-read coordinates convert every number as nlohmann does") {
    const std::vector<std::string> tokens = {
        "116.123456", "116", "-0", "-0.0", "0", "0.0", "1e2", "1E+2", "1.5e-3", "116.1234567890123456789",
        "0.000000000000000000000000116", "123456789012345678901234", "9007199254740993", "9007199254740993.0",
        "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
        "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "1e-400", "1e400", "-1e400",
        "1e22", "1e23", "9007199254740992e22", "9007199254740993e-22", "0e0", "-0e-0", "1E-0",
        "01", "1.", ".5", "+1", "-", "1e", "1e+", "--1", "1.e2", "0x10", "1_0", "NaN", "Infinity", "1e99999999999",
    };
    for (const std::string& t : tokens) {
        CAPTURE(t);
        CheckSameAsUnpacked(MinimalWithGeometry(Polygon("[[[" + t + ",35],[116.2,35],[116.1,35.2]]]")));
        CheckSameAsUnpacked(MinimalWithGeometry(Polygon("[[[116,35],[116.2," + t + "],[116.1,35.2]]]")));
    }
    // Random tokens from the characters of numbers.
    uint32_t seed = 77;
    const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    for (int i = 0; i < 2000; ++i) {
        static constexpr char kChars[] = "0123456789012345678901234567890123456789.-+eE";
        std::string t;
        const int n = 1 + static_cast<int>(next() % 24);
        for (int k = 0; k < n; ++k) t += kChars[(next() >> 8) % (sizeof kChars - 1)];
        CAPTURE(t);
        CheckSameAsUnpacked(MinimalWithGeometry(Polygon("[[[116," + t + "],[116.2,35],[116.1,35.2]]]")));
    }
    // Whitespace of every kind between the tokens, and a syntax error after the coordinates (its
    // line and column count the bytes FastRings read).
    CheckSameAsUnpacked(MinimalWithGeometry(Polygon("[ \n\t[\r\n [ 116 ,\t35 ] ,[116.2,35]\n,[116.1 , 35.2]\t] ]")));
    std::string text = MinimalWithGeometry(Polygon("[[[116,35],[116.2,35],[116.1,35.2]]]"));
    const size_t after = text.find("35.2]]]") + 7;
    CheckSameAsUnpacked(text.substr(0, after) + " x" + text.substr(after));
    CheckSameAsUnpacked(text.substr(0, after) + ",\n\n  ]" + text.substr(after));
    CheckSameAsUnpacked(text.substr(0, after));
    const LoadResult r = LoadDataset(text.substr(0, after) + "\n  oops" + text.substr(after), "p.json");
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].line == LineOf(text, "35.2]]]") + 1);
}

TEST_CASE("load: a packed ring keeps its exact values, and bad ones keep pointer and place") {
    const std::string text = MinimalWithGeometry(Polygon("[[[116.123456789012,35.000000000001],[116.2,35],\n[116.1,35.2]],"
                                                         "[[116.05,35.05],[116.1,35.05],\n   [200,35.1]]]"));
    const LoadResult r = LoadDataset(text, "p.json");
    CHECK_FALSE(r.Ok());
    const Problem* p = FindProblem(r, "/areas/0/geometry/coordinates/1/2/0");
    REQUIRE(p != nullptr);
    CHECK(Contains(p->message.en, "longitude out of range"));
    CHECK(p->line == LineOf(text, "[200,35.1]"));
    CHECK(p->column == 5);  // of the number 200
    const LoadResult ok = LoadDataset(MinimalWithGeometry(Polygon("[[[116.123456789012,35.000000000001],[116.2,35],[116.1,35.2]]]")), "p.json");
    REQUIRE(ok.Ok());
    REQUIRE(ok.data.areas[0].polygons.size() == 1);
    const auto& ring = ok.data.areas[0].polygons[0].rings[0];
    REQUIRE(ring.size() == 3);
    CHECK(ring[0].lon == 116.123456789012);
    CHECK(ring[0].lat == 35.000000000001);
    CHECK(ring[2].lat == 35.2);

    // The parser does pack: every ring of the MultiPolygon fixture, none of anything else.
    nlohmann::json root;
    std::vector<Problem> problems;
    jcm::detail::PackedRings packed;
    REQUIRE(jcm::detail::ParseJsonStrict(ReadFixture("valid/multipolygon-holes.json"), "m.json", LoadLimits{}, &root,
                                         &problems, &packed));
    size_t index = 99;
    const nlohmann::json& outer = root["areas"][0]["geometry"]["coordinates"][0][0];
    REQUIRE(jcm::detail::PackedRingIndex(outer, &index));
    CHECK(packed.rings.at(index).size() == 5);  // the closing point is still there
    CHECK(root["areas"][0]["geometry"]["coordinates"][0].is_array());
    CHECK_FALSE(jcm::detail::PackedRingIndex(root["areas"], &index));
    CHECK(jcm::detail::UnpackRing(packed.rings.at(index)) == nlohmann::json::parse("[[116,35],[117,35],[117,36],[116,36],[116,35]]"));
}

TEST_CASE("load: the rings read ahead are the ones the parse takes") {
    // Every coordinates array of the MultiPolygon fixture is found and read ahead, in steps.
    const std::string text = ReadFixture("valid/multipolygon-holes.json");
    jcm::detail::RingPrereader ahead(text, LoadLimits{}.max_depth);
    while (!ahead.Step(16)) {
    }
    REQUIRE(ahead.arrays.size() == 1);  // the fixture's one geometry
    for (const auto& a : ahead.arrays) {
        CHECK(a.close > a.offset);
        CHECK(text[a.offset - 1] == '[');
        CHECK(text[a.close] == ']');
    }
    REQUIRE_FALSE(ahead.packed.rings.empty());
    // The parse takes them, not reading those arrays again: a value changed in the rings read
    // ahead is the loaded value.
    ahead.packed.rings[0][1].lon = 116.5;
    nlohmann::json root;
    std::vector<Problem> problems;
    jcm::detail::PackedRings packed;
    REQUIRE(jcm::detail::ParseJsonStrict(text, "m.json", LoadLimits{}, &root, &problems, &packed, &ahead));
    size_t index = 99;
    REQUIRE(jcm::detail::PackedRingIndex(root["areas"][0]["geometry"]["coordinates"][0][0], &index));
    CHECK(index == 0);
    CHECK(packed.rings.at(0)[1].lon == 116.5);

    // Keys the scan does not take as written (an escape), arrays elsewhere, a string holding
    // brackets and quotes, nesting past the depth cap: nothing is read ahead that the parse
    // would not take, and the load is LoadDataset's (CheckSameAsUnpacked).
    const std::string tri = "[[116,35],[116.2,35],[116.1,35.2],[116,35]]";
    const std::string escaped = MinimalWithGeometry("{\"type\": \"Polygon\", \"coordin\\u0061tes\": [" + tri + "]}");
    jcm::detail::RingPrereader missed(escaped, LoadLimits{}.max_depth);
    CHECK(missed.Step(escaped.size()));
    CHECK(missed.arrays.empty());
    CheckSameAsUnpacked(escaped);
    const std::string quoted = MinimalWithGeometry("{\"type\": \"Polygon\", \"note\": \"a \\\"[ { \\\\\", \"coordinates\": [" + tri + "]}");
    jcm::detail::RingPrereader found(quoted, LoadLimits{}.max_depth);
    CHECK(found.Step(quoted.size()));
    CHECK(found.arrays.size() == 1);
    CheckSameAsUnpacked(quoted);
    CheckSameAsUnpacked("{\"areas\": [{\"geometry\": {\"coordinates\": [" + tri + "]}, \"coordinates\": [" + tri + "]}], \"x\": {\"geometry\": {\"coordinates\": [" + tri + "]}}}");
    LoadLimits shallow;
    shallow.max_depth = 6;
    CheckSameAsUnpacked(MinimalWithGeometry("{\"type\": \"Polygon\", \"coordinates\": [" + tri + "]}"), shallow);
    CheckSameAsUnpacked(MinimalWithGeometry("{\"type\": \"MultiPolygon\", \"coordinates\": [[" + tri + "]]}"), shallow);
    shallow.max_depth = 3;
    CheckSameAsUnpacked(MinimalWithGeometry("{\"type\": \"Polygon\", \"coordinates\": [" + tri + "]}"), shallow);
    // Two areas: the first's coordinates under an escaped key (the parse reads them itself), the
    // second's read ahead. Each area gets its own ring: the parse takes an array read ahead by
    // its offset, not by its turn.
    std::string two = ReadFixture("valid/minimal.json");
    const size_t key = two.find("\"coordinates\"");
    REQUIRE(key != std::string::npos);
    two.replace(key, 13, "\"coordin\\u0061tes\"");
    const size_t z = two.find("{\n      \"id\": \"Z\"");
    REQUIRE(z != std::string::npos);
    two.insert(z, "{\"id\": \"B\", \"name\": {\"zh\": \"乙区\", \"en\": \"B District\"}, \"kind\": \"district\", \"geometry\": "
                  "{\"type\": \"Polygon\", \"coordinates\": [[[117,35],[117.2,35],[117.1,35.2],[117,35]]]}},\n    ");
    jcm::detail::RingPrereader second(two, LoadLimits{}.max_depth);
    CHECK(second.Step(two.size()));
    REQUIRE(second.arrays.size() == 1);
    CHECK(second.arrays[0].offset > key);
    CheckSameAsUnpacked(two);
    const LoadResult both = LoadInSteps(two, LoadLimits{}, 64);
    REQUIRE(both.Ok());
    REQUIRE(both.data.areas.size() == 3);
    CHECK(both.data.areas[0].polygons.at(0).rings.at(0).at(1).lon == 116.2);
    CHECK(both.data.areas[1].polygons.at(0).rings.at(0).at(1).lon == 117.2);

    // A file over the size limit is not scanned: it is refused as before.
    LoadLimits small;
    small.max_bytes = 100;
    CheckSameAsUnpacked(text, small);
}

// ---- 7b. Quantised coordinates: a geometry's "transform" (docs/data-format.md) ------------------
namespace {
// The geometry with a transform of scale 1/1024 degree and translate [116, 35].
std::string Quantised(const std::string& type, const std::string& coordinates) {
    return "{\"type\": \"" + type + "\", \"transform\": {\"scale\": [0.0009765625, 0.0009765625], \"translate\": [116, 35]}, "
           "\"coordinates\": " + coordinates + "}";
}
}  // namespace

TEST_CASE("load: quantised, delta-encoded rings decode to exactly the degrees they stand for") {
    // Two squares with a hole, in degrees (multiples of 1/1024) and as quantised deltas: each
    // ring's first position absolute from the translate, then differences.
    const std::string degrees =
        "[[[[116.5,35.25],[116.75,35.25],[116.75,35.5],[116.5,35.5],[116.5,35.25]],"
        "[[116.5625,35.3125],[116.6875,35.3125],[116.6875,35.4375],[116.5625,35.3125]]],"
        "[[[117.0009765625,35.0009765625],[117.001953125,35.0009765625],[117.001953125,35.001953125]]]]";
    const std::string deltas =
        "[[[[512,256],[256,0],[0,256],[-256,0],[0,-256]],"
        "[[576,320],[128,0],[0,128],[-128,-128]]],"
        "[[[1025,1],[1,0],[0,1]]]]";
    const LoadResult plain = LoadDataset(MinimalWithGeometry(MultiPolygon(degrees)), "plain.json");
    const LoadResult quantised = LoadDataset(MinimalWithGeometry(Quantised("MultiPolygon", deltas)), "q.json");
    REQUIRE_MESSAGE(plain.Ok(), DescribeProblems(plain));
    REQUIRE_MESSAGE(quantised.Ok(), DescribeProblems(quantised));
    CHECK(quantised.problems.empty());  // "transform" is a known member: no unknown-field warning
    CheckSameAsUnpacked(MinimalWithGeometry(Quantised("MultiPolygon", deltas)));
    const auto& a = plain.data.areas[0].polygons;
    const auto& b = quantised.data.areas[0].polygons;
    REQUIRE(a.size() == 2);
    CheckSamePolygons(a, b);
    CHECK(b[0].rings[0].size() == 4);  // the closing position (a zero sum) is dropped, as in degrees
    CHECK(b[1].rings[0][2].lat == 35.001953125);
    // Exported as it came: the plain file in degrees, the quantised one quantised again, and each
    // export loads back to the same positions.
    const std::string plain_out = jcm::DatasetToJson(plain.data), quantised_out = jcm::DatasetToJson(quantised.data);
    CHECK_FALSE(Contains(plain_out, "\"transform\""));
    CHECK(Contains(quantised_out, "\"transform\""));
    CHECK(Contains(quantised_out, "[[512,256],[256,0],[0,256],[-256,0],[0,-256]]"));
    CHECK(quantised_out.size() < plain_out.size());
    const LoadResult again = LoadDataset(quantised_out, "again.json");
    REQUIRE_MESSAGE(again.Ok(), DescribeProblems(again));
    CHECK(jcm::DatasetToJson(again.data) == quantised_out);
    CHECK(again.data.areas[0].polygons[1].rings[0][2].lat == 35.001953125);
    // A transform the positions no longer fit (not on its grid) is not used: degrees are written.
    jcm::Dataset moved = quantised.data;
    moved.areas[0].polygons[0].rings[0][0].lon += 1e-7;
    const std::string moved_out = jcm::DatasetToJson(moved);
    CHECK_FALSE(Contains(moved_out, "\"transform\""));
    const LoadResult moved_back = LoadDataset(moved_out, "moved.json");
    REQUIRE(moved_back.Ok());
    CHECK(moved_back.data.areas[0].polygons[0].rings[0][0].lon == moved.areas[0].polygons[0].rings[0][0].lon);
    // A Polygon too, and any scale: 1e-6 degree from translate [0, 0].
    const LoadResult micro = LoadDataset(MinimalWithGeometry(
        "{\"type\": \"Polygon\", \"transform\": {\"scale\": [1e-6, 1e-6], \"translate\": [0, 0]}, "
        "\"coordinates\": [[[116000000,35000000],[200000,0],[-100000,200000]]]}"), "m.json");
    REQUIRE_MESSAGE(micro.Ok(), DescribeProblems(micro));
    const auto& ring = micro.data.areas[0].polygons.at(0).rings.at(0);
    REQUIRE(ring.size() == 3);
    CHECK(ring[1].lon == doctest::Approx(116.2));
    CHECK(ring[2].lat == doctest::Approx(35.2));
    CHECK(micro.data.bounds.max_lon == doctest::Approx(116.2));
}

TEST_CASE("load: a bad transform or quantised coordinate is reported where it is") {
    struct Case {
        std::string geometry, pointer, en;
    };
    const std::string square = "[[[512,256],[256,0],[0,256],[-256,0]]]";
    const std::vector<Case> cases = {
        {Quantised("Polygon", "[[[512,256],[256.5,0],[0,256],[-256,0]]]"), "/areas/0/geometry/coordinates/0/1/0", "must be whole numbers: 256.5"},
        {Quantised("Polygon", "[[[512,256],[256,0],[0,1e12],[-256,0]]]"), "/areas/0/geometry/coordinates/0/2/1", "must be whole numbers"},
        {Quantised("Polygon", "[[[512,256],[256,0],[0,90000],[-256,0]]]"), "/areas/0/geometry/coordinates/0/2/1", "latitude out of range"},
        {"{\"type\": \"Polygon\", \"transform\": {\"scale\": [0, 1], \"translate\": [116, 35]}, \"coordinates\": " + square + "}",
         "/areas/0/geometry/transform/scale/0", "a scale must be above 0"},
        {"{\"type\": \"Polygon\", \"transform\": {\"scale\": [1], \"translate\": [116, 35]}, \"coordinates\": " + square + "}",
         "/areas/0/geometry/transform/scale", "expected an array [x, y] of two numbers"},
        {"{\"type\": \"Polygon\", \"transform\": {\"scale\": [1, 1], \"translate\": [116, \"35\"]}, \"coordinates\": " + square + "}",
         "/areas/0/geometry/transform/translate/1", "a finite number"},
        {"{\"type\": \"Polygon\", \"transform\": {\"scale\": [1, 1]}, \"coordinates\": " + square + "}",
         "/areas/0/geometry/transform/translate", ""},
        {"{\"type\": \"Polygon\", \"transform\": [1, 1], \"coordinates\": " + square + "}", "/areas/0/geometry/transform", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.geometry);
        const std::string text = MinimalWithGeometry(c.geometry);
        const LoadResult r = LoadDataset(text, "q.json");
        CHECK_FALSE(r.Ok());
        const Problem* p = FindProblem(r, c.pointer);
        REQUIRE_MESSAGE(p != nullptr, DescribeProblems(r));
        CHECK(p->severity == Severity::Error);
        CHECK(Contains(p->message.en, c.en));
        CHECK_FALSE(p->message.zh.empty());
        CheckSameAsUnpacked(text);
    }
}

// ---- 8. One copy of the boundary polygons in the app -------------------------------------------
#ifdef JCM_HAVE_UI
TEST_CASE("app: boundary polygons are held once, in app.data, through edits, reverts and export") {
    jcm::platform::headless::Reset();
    auto app = std::make_unique<jcm::AppState>();
    const std::string text = ReadFixture("valid/multipolygon-holes.json");
    const LoadResult loaded = LoadDataset(text, "m.json");
    REQUIRE(loaded.Ok());
    const std::string as_loaded = jcm::DatasetToJson(loaded.data);
    REQUIRE(jcm::AcceptDataset(*app, text, "m.json"));

    const auto polygon_count = [](const jcm::Dataset& d) {
        size_t n = 0;
        for (const jcm::Area& a : d.areas) n += a.polygons.size();
        return n;
    };
    const size_t polygons = polygon_count(loaded.data);
    REQUIRE(polygons > 1);
    CHECK(polygon_count(app->data) == polygons);
    CHECK(polygon_count(app->local.published) == 0);
    CHECK(app->local.published.areas.size() == app->data.areas.size());
    CHECK(app->geometry.areas.size() == app->data.areas.size());
    CHECK(jcm::DatasetToJson(app->data) == as_loaded);

    jcm::LocalEdit e;
    e.goal_id = app->data.goals[0].id;
    e.report.date = "2020-04-10";
    e.report.status = jcm::Status::Red;
    jcm::AddEdit(*app, e);
    e.report.date = "2020-04-11";
    jcm::AddEdit(*app, e);
    CHECK(polygon_count(app->data) == polygons);
    CHECK(polygon_count(app->local.published) == 0);
    CHECK(app->data.goals[0].status == jcm::Status::Red);
    const std::string edited = jcm::DatasetToJson(app->data);
    CHECK(edited == jcm::DatasetToJson(jcm::ApplyEdits(loaded.data, app->local.edits)));
    jcm::ExportJson(*app);
    REQUIRE_FALSE(jcm::platform::headless::Get().downloads.empty());
    CHECK(jcm::platform::headless::Get().downloads.back().bytes == edited);

    jcm::RevertAllEdits(*app);
    CHECK(jcm::DatasetToJson(app->data) == as_loaded);

    // A second load replaces the first completely.
    const std::string other = ReadFixture("valid/minimal.json");
    REQUIRE(jcm::AcceptDataset(*app, other, "minimal.json"));
    CHECK(jcm::DatasetToJson(app->data) == jcm::DatasetToJson(LoadDataset(other, "minimal.json").data));
    CHECK(polygon_count(app->local.published) == 0);

    // Quantised boundaries stay quantised through an edit and the app's export.
    const std::string quantised = ReadFixture("valid/quantised.json");
    REQUIRE(jcm::AcceptDataset(*app, quantised, "quantised.json"));
    e.goal_id = app->data.goals[0].id;
    jcm::AddEdit(*app, e);
    jcm::ExportJson(*app);
    const std::string exported = jcm::platform::headless::Get().downloads.back().bytes;
    CHECK(Contains(exported, "\"transform\""));
    CHECK(exported == jcm::DatasetToJson(jcm::ApplyEdits(LoadDataset(quantised, "quantised.json").data, app->local.edits)));
}
#endif
