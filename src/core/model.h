// model.h: the campaign dataset as plain data. No ImGui, SDL or Emscripten here.
//
// One Dataset is what one data file (docs/data-format.md) holds once loaded and validated.
// Everything place-specific (city, areas, kinds, categories, bounds) lives in the data; the code
// only knows the shape. Geometry is kept in lon/lat degrees; projection happens in projection.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jcm {

enum class Lang : uint8_t { Zh, En };

// A string in both languages; English may be empty, then Chinese is shown.
struct Text {
    std::string zh;
    std::string en;
    const std::string& Get(Lang lang) const { return (lang == Lang::En && !en.empty()) ? en : zh; }
    bool Empty() const { return zh.empty() && en.empty(); }
};

// Status scale of the 督办 red/amber/green convention, plus "done" and the honest default.
enum class Status : uint8_t { NotReported, Green, Yellow, Red, Done };
constexpr int kStatusCount = 5;
// The order statuses are shown in (legends, counts, filters, briefings): worst first, then done,
// then not reported.
constexpr Status kStatusShown[kStatusCount] = {Status::Red, Status::Yellow, Status::Green, Status::Done, Status::NotReported};
const char* StatusId(Status s);                  // "not_reported", "green", ...
bool ParseStatus(const std::string& id, Status* out);

// What a goal is (docs/data-format.md goals[].kind).
enum class GoalKind : uint8_t { Action, Target, Project, Programme };
constexpr int kGoalKindCount = 4;
const char* GoalKindId(GoalKind k);              // "action", "target", ...
bool ParseGoalKind(const std::string& id, GoalKind* out);

// Exactly "YYYY-MM-DD" naming a day of the Gregorian calendar (years 0001-9999): the one date
// form of the data format.
bool IsIsoDate(std::string_view s);

struct LonLat {
    double lon = 0, lat = 0;
};

// GeoJSON-style polygon: rings[0] is the outer ring, the rest are holes. Rings are stored open
// (the closing point that repeats the first is dropped at load).
struct Polygon {
    std::vector<std::vector<LonLat>> rings;
};

struct Marker {
    LonLat pos;
    bool approximate = false;
};

// How an area's boundary was written when quantised (docs/data-format.md, "Quantised
// boundaries"): kept so an export writes it the same way. scale[0] == 0: in degrees.
struct GeoTransform {
    double scale[2] = {0, 0}, translate[2] = {0, 0};
    bool Set() const { return scale[0] > 0; }
};

struct Area {
    std::string id;              // e.g. a GB/T 2260 code; any unique string
    Text name;
    Text label;                  // its name on a map where shorter ("High-tech Zone"); empty: `name`
    std::string kind;            // id into Dataset::area_kinds
    std::string within;          // id of the area this one lies in ("" if none)
    int kind_index = -1;         // Dataset::area_kinds index of `kind`, resolved at load (-1: none)
    int within_index = -1;       // Dataset::areas index of `within`, resolved at load (-1: none)
    Text headline;               // the area's headline programme, if the source names one
    std::string headline_quote;  // verbatim source text for the headline
    std::vector<Polygon> polygons;  // empty for areas without a boundary
    GeoTransform geometry_transform;  // set if the file's boundary was quantised
    bool has_marker = false;
    Marker marker;               // drawn for areas without polygons (e.g. functional zones)
    Text note;                   // e.g. why a location is approximate
};

struct Target {
    double value = 0;            // the stated number (upper end of a range)
    bool has_min = false;
    double min = 0;              // lower end when the source gives a range ("1-2家")
    Text unit;
    std::string deadline;        // ISO date "YYYY-MM-DD", or "" when not stated
    Text as_stated;              // the target in words
    bool no_amount = false;      // not an amount done bit by bit ("3 年内", a span of time): no amount done is recorded
};

struct ProgressReport {
    std::string date;            // ISO date
    Status status = Status::NotReported;
    bool has_percent = false;
    double percent = 0;          // 0..100
    bool has_achieved = false;
    double achieved = 0;         // how much of the goal's target is done, in its unit (>= 0)
    Text note;
    std::string author;          // optional
};

struct Goal {
    std::string id;
    std::string area;            // Area::id
    std::string category;        // Category::id
    int area_index = -1;         // Dataset::areas index of `area`, resolved at load
    int category_index = -1;     // Dataset::categories index of `category`, resolved at load
    GoalKind kind = GoalKind::Action;
    Text title;
    std::string quote;           // verbatim source sentence or phrase
    bool has_target = false;
    Target target;
    Status status = Status::NotReported;  // latest status; progress reports override by date
    std::vector<ProgressReport> progress; // sorted by date at load
    std::string owner;           // responsible body, when known
};

struct Category {
    std::string id;
    Text name;
    uint32_t color = 0xff888888;  // ABGR (ImGui's IM_COL32 order); 0 means "pick from palette"
};

struct AreaKind {
    std::string id;
    Text name;
};

struct Campaign {
    Text name;
    Text asks;                   // what the campaign asks, in a sentence
    std::string quote;
    int days = 0;                // length in days if stated
    std::string start, end;      // ISO dates, "" when the source does not state them
    Text period_as_stated;
    std::string period_quote;
};

struct Source {
    Text title;
    Text series;
    Text outlet;
    Text reporter;
    std::string file;            // file name of the source text (for traceability)
    std::string published;       // ISO date or ""
    std::string url;
};

struct BoundarySource {
    Text name;
    std::string url;
    std::string licence;
    std::string notes;
};

struct Bounds {
    double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
    bool Valid() const { return max_lon > min_lon && max_lat > min_lat; }
};

struct Dataset {
    int schema_version = 0;
    std::string id;
    Text title;
    Text city;
    std::string as_of;           // ISO date the data was last brought up to date, or ""
    Source source;
    Campaign campaign;
    BoundarySource boundary_source;
    std::vector<AreaKind> area_kinds;
    std::vector<Category> categories;
    std::vector<Area> areas;
    std::vector<Goal> goals;
    Bounds bounds;               // of all polygons and markers, computed at load

    int FindArea(const std::string& id) const;      // index or -1 (a linear search: not per frame)
    int FindCategory(const std::string& id) const;  // index or -1
    int FindAreaKind(const std::string& id) const;  // index or -1
};

// Sets every reference's index (Area::kind_index, within_index, Goal::area_index,
// category_index) from its id: the first element with that id, -1 if none (or no id). The loader
// calls it; code that builds or edits a Dataset by hand calls it after changing ids.
void ResolveReferences(Dataset& d);

}  // namespace jcm
