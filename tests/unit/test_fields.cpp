// test_fields.cpp: the field tables (src/core/fields.h) and what is built from them: the JSON
// Schema file, resolved references, the strings the views can show, and numbers for people.
//
// Sections:
//   1. Helpers
//   2. Schema        - docs/data-format.schema.json is what the tables emit
//   3. Tables        - keys in file order, every loaded key known, `within: ""` refused
//   4. References    - indices stored at load, first of duplicate ids wins, GoalKind
//   5. Strings       - ForEachString reaches every text a view shows
//   6. Numbers       - FormatNumber / FormatRange
#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "core/export.h"
#include "core/fields.h"
#include "core/load.h"
#include "core/schema.h"
#include "core/text.h"

#ifndef JCM_SOURCE_DIR
#error "JCM_SOURCE_DIR must be defined (the repository root)"
#endif

namespace {

using jcm::Lang;
using jcm::LoadDataset;
using jcm::LoadResult;

// ---- 1. Helpers -------------------------------------------------------------------------------
std::string Read(const std::string& rel) {
    std::ifstream in(std::string(JCM_SOURCE_DIR) + "/" + rel, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << rel);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string MinimalWith(const std::string& from, const std::string& to) {
    std::string text = Read("tests/fixtures/valid/minimal.json");
    const size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "minimal.json lacks " << from);
    return text.replace(at, from.size(), to);
}

const jcm::Problem* Find(const LoadResult& r, const std::string& pointer) {
    for (const jcm::Problem& p : r.problems) {
        if (p.pointer == pointer) return &p;
    }
    return nullptr;
}

// ---- 2. Schema --------------------------------------------------------------------------------
TEST_CASE("fields: docs/data-format.schema.json is the schema the field tables emit") {
    const std::string emitted = jcm::DataFormatSchema();
    const std::string file = Read("docs/data-format.schema.json");
    CHECK_MESSAGE(file == emitted,
                  "docs/data-format.schema.json is stale: run "
                  "build/native/jcm-validate --emit-schema > docs/data-format.schema.json");
}

TEST_CASE("fields: the emitted schema names every table key and the cross-field rules it can say") {
    const std::string s = jcm::DataFormatSchema();
    for (const char* key : jcm::KeysOf<jcm::Goal>()) CHECK(s.find(std::string("\"") + key + "\"") != std::string::npos);
    for (const char* key : jcm::KeysOf<jcm::Target>()) CHECK(s.find(std::string("\"") + key + "\"") != std::string::npos);
    CHECK(s.find("\"dependentRequired\"") != std::string::npos);
    CHECK(s.find("\"maxItems\": 10000") != std::string::npos);
    CHECK(s.find("\"minimum\": 1,") != std::string::npos);  // days, an integer bound
    CHECK(s.back() == '\n');
}

// ---- 3. Tables --------------------------------------------------------------------------------
TEST_CASE("fields: the tables list the members in file order") {
    const std::vector<std::string> area(jcm::KeysOf<jcm::Area>().begin(), jcm::KeysOf<jcm::Area>().end());
    CHECK(area == std::vector<std::string>{"id", "name", "label", "kind", "within", "headline", "headline_quote", "geometry",
                                           "marker", "note"});
    const auto& top = jcm::KeysOf<jcm::Dataset>();
    REQUIRE(top.size() == 13);
    CHECK(std::string(top.front()) == "$schema");
    CHECK(std::string(top.back()) == "goals");
}

TEST_CASE("fields: the shipped data has no member the tables do not know") {
    const LoadResult r = LoadDataset(Read("data/campaign.json"), "campaign.json");
    CHECK(r.Ok());
    CHECK(r.WarningCount() == 0);
}

TEST_CASE("fields: an empty within is refused, as the schema refuses it") {
    const LoadResult r = LoadDataset(MinimalWith("\"within\": \"A\"", "\"within\": \"\""), "w.json");
    CHECK_FALSE(r.Ok());
    const jcm::Problem* p = Find(r, "/areas/1/within");
    REQUIRE(p != nullptr);
    CHECK(p->message.en == "field \"within\" must not be empty");
    CHECK(p->message.zh == "字段 \"within\" 不能为空");
    CHECK(p->line > 0);
    // Blank too; absent is fine.
    CHECK_FALSE(LoadDataset(MinimalWith("\"within\": \"A\"", "\"within\": \"  \""), "b.json").Ok());
    CHECK(LoadDataset(MinimalWith("\"within\": \"A\",", ""), "n.json").Ok());
}

TEST_CASE("fields: as_of is an optional date; it loads, is written back, and a wrong date is refused") {
    const LoadResult r = LoadDataset(MinimalWith("\"city\": {", "\"as_of\": \"2026-11-30\", \"city\": {"), "a.json");
    REQUIRE(r.Ok());
    CHECK(r.data.as_of == "2026-11-30");
    const LoadResult back = LoadDataset(jcm::DatasetToJson(r.data), "back.json");
    REQUIRE(back.Ok());
    CHECK(back.data.as_of == "2026-11-30");
    CHECK(LoadDataset(Read("tests/fixtures/valid/minimal.json"), "m.json").data.as_of.empty());
    const LoadResult bad = LoadDataset(MinimalWith("\"city\": {", "\"as_of\": \"30.11.2026\", \"city\": {"), "b.json");
    CHECK_FALSE(bad.Ok());
    CHECK(Find(bad, "/as_of") != nullptr);
}

TEST_CASE("fields: enum messages are made from the table's ids") {
    const LoadResult r = LoadDataset(MinimalWith("\"kind\": \"target\"", "\"kind\": \"goal\""), "k.json");
    const jcm::Problem* p = Find(r, "/goals/0/kind");
    REQUIRE(p != nullptr);
    CHECK(p->message.en == "invalid goal kind \"goal\": expected action, target, project or programme");
    CHECK(p->message.zh == "目标类型无效：\"goal\"，应为 action、target、project 或 programme");
}

// ---- 4. References ----------------------------------------------------------------------------
TEST_CASE("fields: references are resolved once, at load, into indices") {
    const LoadResult r = LoadDataset(Read("data/campaign.json"), "campaign.json");
    REQUIRE(r.Ok());
    const jcm::Dataset& d = r.data;
    for (const jcm::Area& a : d.areas) {
        REQUIRE(a.kind_index >= 0);
        CHECK(d.area_kinds[static_cast<size_t>(a.kind_index)].id == a.kind);
        if (a.within.empty()) {
            CHECK(a.within_index == -1);
        } else {
            REQUIRE(a.within_index >= 0);
            CHECK(d.areas[static_cast<size_t>(a.within_index)].id == a.within);
        }
    }
    int projects = 0;
    for (const jcm::Goal& g : d.goals) {
        REQUIRE(g.area_index >= 0);
        REQUIRE(g.category_index >= 0);
        CHECK(d.areas[static_cast<size_t>(g.area_index)].id == g.area);
        CHECK(d.categories[static_cast<size_t>(g.category_index)].id == g.category);
        projects += g.kind == jcm::GoalKind::Project;
    }
    CHECK(projects > 0);
}

TEST_CASE("fields: ResolveReferences on hand-built data; unknown ids give -1") {
    jcm::Dataset d;
    d.area_kinds.push_back({"k", {"类", ""}});
    d.areas.resize(2);
    d.areas[0].id = "a";
    d.areas[0].kind = "k";
    d.areas[1].id = "b";
    d.areas[1].kind = "nope";
    d.areas[1].within = "a";
    d.goals.resize(1);
    d.goals[0].area = "b";
    d.goals[0].category = "none";
    jcm::ResolveReferences(d);
    CHECK(d.areas[0].kind_index == 0);
    CHECK(d.areas[1].kind_index == -1);
    CHECK(d.areas[1].within_index == 0);
    CHECK(d.areas[0].within_index == -1);
    CHECK(d.goals[0].area_index == 1);
    CHECK(d.goals[0].category_index == -1);
}

TEST_CASE("fields: GoalKind ids round-trip") {
    for (int i = 0; i < jcm::kGoalKindCount; ++i) {
        jcm::GoalKind k = jcm::GoalKind::Action;
        REQUIRE(jcm::ParseGoalKind(jcm::GoalKindId(static_cast<jcm::GoalKind>(i)), &k));
        CHECK(static_cast<int>(k) == i);
    }
    jcm::GoalKind k;
    CHECK_FALSE(jcm::ParseGoalKind("Project", &k));
}

// ---- 5. Strings -------------------------------------------------------------------------------
TEST_CASE("fields: ForEachString reaches the texts the glyph collector used to miss") {
    const LoadResult r = LoadDataset(Read("data/campaign.json"), "campaign.json");
    REQUIRE(r.Ok());
    std::vector<std::string> seen;
    jcm::ForEachString(r.data, [&](const std::string& s) { seen.push_back(s); });
    auto has = [&](const std::string& s) { return std::find(seen.begin(), seen.end(), s) != seen.end(); };
    CHECK(has(r.data.boundary_source.licence));
    bool as_stated = false, headline_quote = false;
    for (const jcm::Goal& g : r.data.goals) {
        if (!g.target.as_stated.zh.empty()) as_stated = as_stated || has(g.target.as_stated.zh);
    }
    for (const jcm::Area& a : r.data.areas) {
        if (!a.headline_quote.empty()) headline_quote = headline_quote || has(a.headline_quote);
    }
    CHECK(headline_quote);
    CHECK(has(r.data.campaign.period_quote));
    CHECK(has(r.data.source.title.zh));
    if (std::any_of(r.data.goals.begin(), r.data.goals.end(), [](const jcm::Goal& g) { return !g.target.as_stated.zh.empty(); })) {
        CHECK(as_stated);
    }
    // as_stated on a fixture that surely has one.
    const LoadResult m = LoadDataset(MinimalWith("\"value\": 30,", "\"value\": 30, \"as_stated\": {\"zh\": \"三十个左右\"},"), "m.json");
    REQUIRE(m.Ok());
    seen.clear();
    jcm::ForEachString(m.data, [&](const std::string& s) { seen.push_back(s); });
    CHECK(has("三十个左右"));
}

// ---- 6. Numbers -------------------------------------------------------------------------------
TEST_CASE("numbers: no exponent, shortest digits, grouping by language") {
    using jcm::FormatNumber;
    CHECK(FormatNumber(1500000, Lang::En) == "1,500,000");
    CHECK(FormatNumber(1500000, Lang::Zh) == "1,500,000");
    CHECK(FormatNumber(2000, Lang::En) == "2,000");
    CHECK(FormatNumber(2000, Lang::Zh) == "2000");  // as Chinese sources write four-digit numbers
    CHECK(FormatNumber(12000, Lang::Zh) == "12,000");
    CHECK(FormatNumber(999, Lang::En) == "999");
    CHECK(FormatNumber(0, Lang::En) == "0");
    CHECK(FormatNumber(-0.0, Lang::En) == "0");
    CHECK(FormatNumber(1.5, Lang::Zh) == "1.5");
    CHECK(FormatNumber(0.1, Lang::En) == "0.1");
    CHECK(FormatNumber(0.30000000000000004, Lang::En) == "0.30000000000000004");
    CHECK(FormatNumber(100.0, Lang::En) == "100");
    CHECK(FormatNumber(-1234.25, Lang::En) == "-1,234.25");
    CHECK(FormatNumber(1e-7, Lang::En) == "0.0000001");
    CHECK(FormatNumber(1e21, Lang::En) == "1,000,000,000,000,000,000,000");
    CHECK(FormatNumber(1234567.5, Lang::Zh) == "1,234,567.5");
    CHECK(FormatNumber(std::numeric_limits<double>::infinity(), Lang::En) == "\xE2\x80\x94");
    CHECK(FormatNumber(std::nan(""), Lang::En) == "\xE2\x80\x94");
    const std::string big = FormatNumber(1e308, Lang::En);
    CHECK(big.find('e') == std::string::npos);
    CHECK(big.size() == 309 + 102);
}

TEST_CASE("numbers: ranges keep both ends; small buffers are cut safely") {
    CHECK(jcm::FormatRange(1, 3, Lang::Zh) == "1\xE2\x80\x93" "3");
    CHECK(jcm::FormatRange(1000, 1500000, Lang::En) == "1,000\xE2\x80\x93" "1,500,000");
    char buf[4];
    CHECK(std::string(jcm::FormatNumber(1500000, Lang::En, buf, sizeof buf)) == "1,5");
    char none[1] = {'x'};
    CHECK(std::string(jcm::FormatNumber(1, Lang::En, none, sizeof none)).empty());
    char big[64];
    CHECK(std::string(jcm::FormatRange(0.5, 2, Lang::En, big, sizeof big)) == "0.5\xE2\x80\x93" "2");
}


TEST_CASE("numbers: a number as typed into a field, from either keyboard; anything else refused") {
    const auto read = [](const char* typed) {
        double v = -1;
        return jcm::ParseTypedNumber(typed, &v) ? v : -1.0;
    };
    CHECK(read("35") == 35);
    CHECK(read(" 12.5 ") == 12.5);
    CHECK(read("2,000") == 2000);
    CHECK(read("1,500,000.25") == 1500000.25);
    CHECK(read("0.009") == 0.009);
    CHECK(read(".5") == 0.5);
    CHECK(read("5.") == 5);
    CHECK(read("007") == 7);
    CHECK(read("0") == 0);
    CHECK(read("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90") == 2000);                 // ２０００
    CHECK(read("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x8E\xEF\xBC\x95") == 12.5);                 // １２．５
    CHECK(read("\xEF\xBC\x92\xEF\xBC\x8C\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90") == 2000);  // ２，０００
    CHECK(read("\xE3\x80\x80" "8\xE3\x80\x80") == 8);                                   // ideographic spaces
    CHECK(read("\xC2\xA0" "8") == 8);                                                      // a no-break space
    CHECK(read("12\xE3\x80\x82" "5") == 12.5);                                            // 12。5
    CHECK(read("0.000000000000001") == 1e-15);                                             // 15 decimals
    // Refused, not guessed: nothing to read, a sign, an exponent, grouping that is not thousands
    // (some write 1,5 for 1.5), two points, words, units, other scripts.
    for (const char* bad : {"", " ", ".", ",", "-3", "+3", "1e3", "1,5", "1,50", "1234,567", ",500", "1,000,",
                            "1.2.3", "1.5,000", "abc", "3个", "3 projects", "\xE4\xB8\x89", "0x10", "inf", "nan",
                            "1 000", "12345678901234567890123456789012345678901234567890123456789012345",
                            "0,500", "00,250", "0,000", "0.0000000000000001", ".00000000000000000000000000000000000000000000000000000000000001"}) {
        CAPTURE(std::string(bad));
        double v = 42;
        CHECK_FALSE(jcm::ParseTypedNumber(bad, &v));
        CHECK(v == 42);  // untouched
    }
    // What FormatNumber writes reads back, in both languages.
    for (const double x : {0.0, 3.0, 12.5, 2000.0, 12345.0, 1500000.25, 0.009, 1e15}) {
        for (const Lang lang : {Lang::Zh, Lang::En}) {
            CAPTURE(x);
            CHECK(read(jcm::FormatNumber(x, lang).c_str()) == x);
        }
    }
}

}  // namespace
