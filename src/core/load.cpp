// load.cpp: JSON text -> validated Dataset (docs/data-format.md), every problem reported.
//
// Sections:
//   1. Reporter        - collects problems (capped), bilingual message helpers
//   2. Value helpers   - type names, integers, dates, colours, number formatting
//   3. ObjectReader    - checked, typed access to one JSON object's members; unknown-field warnings
//   4. Header sections - text, source, campaign, boundary source, area kinds, categories
//   5. Geometry        - Polygon / MultiPolygon / marker, rings stored open, vertex cap
//   6. Areas and goals - including targets and progress reports
//   7. Cross-checks    - duplicate ids, references, `within` cycles, derived status and bounds
//   8. Public API      - LoadDataset, LoadResult, FormatProblem
//
// Nothing here may throw (JSON_NOEXCEPTION turns a throw into abort): every value's type is
// checked before it is read, objects are searched with find() (never operator[] on const), and
// arrays are walked with iterators.
#include "core/load.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/json_parse.h"
#include "core/utf8.h"

namespace jcm {
namespace {

using Json = nlohmann::json;
using detail::EscapePointerToken;
using detail::FiniteNumber;

// More problems than this are not listed; one final error says how many were left out.
constexpr size_t kMaxProblems = 1000;
constexpr int kSchemaVersion = 1;

// ---- 1. Reporter ------------------------------------------------------------------------------
class Reporter {
  public:
    explicit Reporter(std::string_view file) : file_(file) {}

    void Error(const std::string& pointer, std::string zh, std::string en) {
        Add(Severity::Error, pointer, std::move(zh), std::move(en));
    }
    void Warn(const std::string& pointer, std::string zh, std::string en) {
        Add(Severity::Warning, pointer, std::move(zh), std::move(en));
    }
    void Add(Problem p) {
        if (problems_.size() >= kMaxProblems) {
            ++dropped_;
            return;
        }
        problems_.push_back(std::move(p));
    }
    std::vector<Problem>& problems() { return problems_; }
    size_t dropped() const { return dropped_; }
    const std::string& file() const { return file_; }

  private:
    void Add(Severity severity, const std::string& pointer, std::string zh, std::string en) {
        Problem p;
        p.severity = severity;
        p.file = file_;
        p.pointer = pointer;
        p.message = Text{std::move(zh), std::move(en)};
        Add(std::move(p));
    }

    std::string file_;
    std::vector<Problem> problems_;
    size_t dropped_ = 0;
};

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }
std::string Child(const std::string& pointer, std::string_view key) {
    return pointer + "/" + EscapePointerToken(key);
}
std::string Child(const std::string& pointer, size_t index) { return pointer + "/" + std::to_string(index); }

// ---- 2. Value helpers -------------------------------------------------------------------------
struct TypeName {
    const char* zh;
    const char* en;
};
TypeName NameOf(const Json& v) {
    switch (v.type()) {
        case Json::value_t::object: return {"对象", "an object"};
        case Json::value_t::array:
        case Json::value_t::binary: return {"数组", "an array"};  // binary: a packed ring (json_parse.h)
        case Json::value_t::string: return {"字符串", "a string"};
        case Json::value_t::boolean: return {"布尔值", "a boolean"};
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return {"数字", "a number"};
        case Json::value_t::null: return {"null", "null"};
        default: return {"其他值", "another value"};
    }
}

std::string FormatNumber(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

// Integers as JSON Schema counts them: any number without a fractional part (1 and 1.0).
bool IntegerOf(const Json& v, int64_t* out) {
    if (const auto* i = v.get_ptr<const Json::number_integer_t*>()) {
        *out = *i;
        return true;
    }
    if (const auto* u = v.get_ptr<const Json::number_unsigned_t*>()) {
        if (*u > static_cast<uint64_t>(INT64_MAX)) return false;
        *out = static_cast<int64_t>(*u);
        return true;
    }
    double d = 0;
    if (!FiniteNumber(v, &d) || std::floor(d) != d || std::fabs(d) > 9.0e15) return false;
    *out = static_cast<int64_t>(d);
    return true;
}

bool IsBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }


int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "#rrggbb" -> 0xAABBGGRR with alpha ff (ImGui's IM_COL32 byte order).
bool ParseColor(const std::string& s, uint32_t* out) {
    if (s.size() != 7 || s[0] != '#') return false;
    uint32_t rgb[3] = {0, 0, 0};
    for (int k = 0; k < 3; ++k) {
        const int hi = HexDigit(s[static_cast<size_t>(1 + 2 * k)]);
        const int lo = HexDigit(s[static_cast<size_t>(2 + 2 * k)]);
        if (hi < 0 || lo < 0) return false;
        rgb[k] = static_cast<uint32_t>(hi * 16 + lo);
    }
    *out = 0xff000000u | (rgb[2] << 16) | (rgb[1] << 8) | rgb[0];
    return true;
}

// ---- 3. ObjectReader --------------------------------------------------------------------------
enum class Need { Required, Optional };

class ObjectReader {
  public:
    // `obj` must be an object. Members not in `known` are reported as warnings right away.
    ObjectReader(Reporter& r, const Json& obj, std::string pointer, std::initializer_list<const char*> known)
        : r_(r), obj_(obj), pointer_(std::move(pointer)) {
        const auto* members = obj_.get_ptr<const Json::object_t*>();
        if (members == nullptr) return;
        for (const auto& [key, value] : *members) {
            bool is_known = false;
            for (const char* k : known) is_known = is_known || key == k;
            if (!is_known) {
                r_.Warn(Child(pointer_, key), "未知字段 " + Quoted(key) + "（拼写错误？此字段将被忽略）",
                        "unknown field " + Quoted(key) + " (a typo? it is ignored)");
            }
        }
    }

    const std::string& pointer() const { return pointer_; }
    std::string Ptr(const char* key) const { return Child(pointer_, key); }

    // The member, or nullptr when absent; a missing required member is reported.
    const Json* Find(const char* key, Need need) const {
        const auto* members = obj_.get_ptr<const Json::object_t*>();
        if (members != nullptr) {
            auto it = members->find(key);
            if (it != members->end()) return &it->second;
        }
        if (need == Need::Required) {
            r_.Error(Ptr(key), std::string("缺少必填字段 \"") + key + "\"",
                     std::string("missing required field \"") + key + "\"");
        }
        return nullptr;
    }

    void WrongType(const char* key, const Json& v, const char* want_zh, const char* want_en) const {
        WrongTypeAt(r_, Ptr(key), v, want_zh, want_en);
    }
    static void WrongTypeAt(Reporter& r, const std::string& pointer, const Json& v, const char* want_zh,
                            const char* want_en) {
        const TypeName got = NameOf(v);
        r.Error(pointer, std::string("类型错误：应为") + want_zh + "，实际为" + got.zh,
                std::string("wrong type: expected ") + want_en + ", got " + got.en);
    }

    // A string; a required one must not be empty or blank. Returns true if *out was set.
    bool String(const char* key, std::string* out, Need need) const {
        const Json* v = Find(key, need);
        if (v == nullptr) return false;
        const auto* s = v->get_ptr<const Json::string_t*>();
        if (s == nullptr) {
            WrongType(key, *v, "字符串", "a string");
            return false;
        }
        if (need == Need::Required && IsBlank(*s)) {
            r_.Error(Ptr(key), std::string("字段 \"") + key + "\" 不能为空", std::string("field \"") + key + "\" must not be empty");
            return false;
        }
        *out = *s;
        return true;
    }

    // An ISO date; null counts as absent (the format allows it for unstated dates).
    bool Date(const char* key, std::string* out, Need need) const {
        const Json* v = Find(key, need);
        if (v == nullptr) return false;
        if (v->is_null()) {
            if (need == Need::Required) {
                r_.Error(Ptr(key), std::string("缺少必填日期 \"") + key + "\"（不能为 null）",
                         std::string("missing required date \"") + key + "\" (null is not allowed here)");
            }
            return false;
        }
        const auto* s = v->get_ptr<const Json::string_t*>();
        if (s == nullptr) {
            WrongType(key, *v, "日期字符串 YYYY-MM-DD", "a date string YYYY-MM-DD");
            return false;
        }
        if (!IsIsoDate(*s)) {
            r_.Error(Ptr(key), "日期无效：" + Quoted(*s) + "，应为真实存在的日期，格式 YYYY-MM-DD",
                     "invalid date " + Quoted(*s) + ": expected a real calendar date as YYYY-MM-DD");
            return false;
        }
        *out = *s;
        return true;
    }

    bool Number(const char* key, double* out, Need need) const {
        const Json* v = Find(key, need);
        if (v == nullptr) return false;
        if (!v->is_number()) {
            WrongType(key, *v, "数字", "a number");
            return false;
        }
        if (!FiniteNumber(*v, out)) {
            r_.Error(Ptr(key), "数字必须是有限值", "the number must be finite");
            return false;
        }
        return true;
    }

    bool Integer(const char* key, int64_t* out, Need need) const {
        const Json* v = Find(key, need);
        if (v == nullptr) return false;
        if (!IntegerOf(*v, out)) {
            WrongType(key, *v, "整数", "an integer");
            return false;
        }
        return true;
    }

    bool Bool(const char* key, bool* out, Need need) const {
        const Json* v = Find(key, need);
        if (v == nullptr) return false;
        const auto* b = v->get_ptr<const Json::boolean_t*>();
        if (b == nullptr) {
            WrongType(key, *v, "布尔值 true/false", "a boolean true/false");
            return false;
        }
        *out = *b;
        return true;
    }

    const Json* Object(const char* key, Need need) const {
        const Json* v = Find(key, need);
        if (v == nullptr) return nullptr;
        if (!v->is_object()) {
            WrongType(key, *v, "对象", "an object");
            return nullptr;
        }
        return v;
    }

    const Json* Array(const char* key, Need need) const {
        const Json* v = Find(key, need);
        if (v == nullptr) return nullptr;
        if (!v->is_array()) {
            WrongType(key, *v, "数组", "an array");
            return nullptr;
        }
        return v;
    }

    // Bilingual text {"zh": "...", "en": "..."}: zh is required and non-empty, en optional.
    bool TextField(const char* key, Text* out, Need need) const {
        const Json* v = Object(key, need);
        if (v == nullptr) return false;
        ObjectReader t(r_, *v, Ptr(key), {"zh", "en"});
        const bool has_zh = t.String("zh", &out->zh, Need::Required);
        t.String("en", &out->en, Need::Optional);
        return has_zh;
    }

  private:
    Reporter& r_;
    const Json& obj_;
    std::string pointer_;
};

// ---- 4. Header sections -----------------------------------------------------------------------
class Loader {
  public:
    // `packed`: where ParseJsonStrict put the rings its DOM marks as packed (nullptr: none are).
    Loader(Reporter& r, const LoadLimits& limits, detail::PackedRings* packed)
        : r_(r), limits_(limits), packed_(packed) {}

    void Load(const Json& root, Dataset* d);

  private:
    void ReadSource(const ObjectReader& top, Source* s);
    void ReadCampaign(const ObjectReader& top, Campaign* c);
    void ReadBoundarySource(const ObjectReader& top, BoundarySource* b);
    void ReadKinds(const ObjectReader& top, std::vector<AreaKind>* kinds);
    void ReadCategories(const ObjectReader& top, std::vector<Category>* cats);
    void ReadAreas(const ObjectReader& top, std::vector<Area>* areas);
    void ReadGeometry(const Json& g, const std::string& ptr, Area* area);
    bool ReadPolygon(const Json& rings, const std::string& ptr, Polygon* out);
    bool ReadRing(const Json& ring, const std::string& ptr, std::vector<LonLat>* out);
    bool ReadPackedRing(std::vector<LonLat>& points, const std::string& ptr, std::vector<LonLat>* out);
    bool CheckVertexCap(size_t count, const std::string& ptr);
    bool FinishRing(const std::string& ptr, std::vector<LonLat>* out);
    bool ReadPosition(const Json& pos, const std::string& ptr, LonLat* out);
    bool CheckPosition(double lon, double lat, const std::string& ptr);
    void ReadMarker(const Json& m, const std::string& ptr, Area* area);
    void ReadGoals(const ObjectReader& top, std::vector<Goal>* goals);
    void ReadTarget(const Json& t, const std::string& ptr, Target* target);
    void ReadProgress(const Json& p, const std::string& ptr, ProgressReport* report);
    void CheckReferences(Dataset* d);
    static void ComputeBounds(Dataset* d);

    // `v`, or, if it is a packed ring, the same ring as DOM in *storage (for a ring found where
    // something else was expected: its problems are then those of the DOM).
    const Json& Unpacked(const Json& v, Json* storage) const {
        size_t index = 0;
        if (packed_ == nullptr || !detail::PackedRingIndex(v, &index) || index >= packed_->rings.size()) return v;
        *storage = detail::UnpackRing(packed_->rings[index]);
        return *storage;
    }

    // Each list element must be an object; returns it or reports and returns nullptr.
    const Json* Element(const Json& v, const std::string& ptr) {
        if (v.is_object()) return &v;
        ObjectReader::WrongTypeAt(r_, ptr, v, "对象", "an object");
        return nullptr;
    }
    // Records `id` of the list at `list_ptr`; reports a duplicate.
    void CheckUnique(std::unordered_map<std::string, std::string>* seen, const std::string& id,
                     const std::string& item_ptr) {
        if (id.empty()) return;  // already reported as missing/empty
        auto [it, inserted] = seen->emplace(id, item_ptr);
        if (!inserted) {
            r_.Error(Child(item_ptr, "id"), "重复的 id " + Quoted(id) + "（已用于 " + it->second + "）",
                     "duplicate id " + Quoted(id) + " (already used by " + it->second + ")");
        }
    }

    Reporter& r_;
    const LoadLimits& limits_;
    detail::PackedRings* packed_;
    size_t vertex_count_ = 0;
    bool vertex_cap_reported_ = false;
    // Whether each id list was read completely, so references into it can be checked.
    bool kinds_ok_ = false, categories_ok_ = false, areas_ok_ = false;
    // JSON pointer of each loaded area and goal (elements that were not objects are skipped).
    std::vector<std::string> area_ptrs_, goal_ptrs_;
};

void Loader::ReadSource(const ObjectReader& top, Source* s) {
    const Json* v = top.Object("source", Need::Required);
    if (v == nullptr) return;
    ObjectReader o(r_, *v, top.Ptr("source"), {"title", "series", "outlet", "reporter", "file", "published", "url"});
    o.TextField("title", &s->title, Need::Required);
    o.TextField("series", &s->series, Need::Optional);
    o.TextField("outlet", &s->outlet, Need::Required);
    o.TextField("reporter", &s->reporter, Need::Optional);
    o.String("file", &s->file, Need::Required);
    o.Date("published", &s->published, Need::Optional);
    o.String("url", &s->url, Need::Optional);
}

void Loader::ReadCampaign(const ObjectReader& top, Campaign* c) {
    const Json* v = top.Object("campaign", Need::Required);
    if (v == nullptr) return;
    ObjectReader o(r_, *v, top.Ptr("campaign"),
                   {"name", "asks", "quote", "days", "start", "end", "period_as_stated", "period_quote"});
    o.TextField("name", &c->name, Need::Required);
    o.TextField("asks", &c->asks, Need::Required);
    o.String("quote", &c->quote, Need::Required);
    int64_t days = 0;
    if (o.Integer("days", &days, Need::Optional)) {
        if (days < 1 || days > 100000) {
            r_.Error(o.Ptr("days"), "天数应在 1 到 100000 之间：" + std::to_string(days),
                     "days must be between 1 and 100000: " + std::to_string(days));
        } else {
            c->days = static_cast<int>(days);
        }
    }
    const bool has_start = o.Date("start", &c->start, Need::Optional);
    const bool has_end = o.Date("end", &c->end, Need::Optional);
    if (has_start && has_end && c->start > c->end) {  // ISO dates compare as strings
        r_.Error(o.Ptr("end"), "结束日期 " + c->end + " 早于开始日期 " + c->start,
                 "end date " + c->end + " is before start date " + c->start);
    }
    o.TextField("period_as_stated", &c->period_as_stated, Need::Optional);
    o.String("period_quote", &c->period_quote, Need::Optional);
}

void Loader::ReadBoundarySource(const ObjectReader& top, BoundarySource* b) {
    const Json* v = top.Object("boundary_source", Need::Required);
    if (v == nullptr) return;
    ObjectReader o(r_, *v, top.Ptr("boundary_source"), {"name", "url", "licence", "notes"});
    o.TextField("name", &b->name, Need::Required);
    o.String("url", &b->url, Need::Required);
    o.String("licence", &b->licence, Need::Required);
    o.String("notes", &b->notes, Need::Optional);
}

void Loader::ReadKinds(const ObjectReader& top, std::vector<AreaKind>* kinds) {
    const Json* list = top.Array("area_kinds", Need::Required);
    if (list == nullptr) return;
    kinds_ok_ = true;
    std::unordered_map<std::string, std::string> seen;
    size_t i = 0;
    for (const Json& item : *list) {
        const std::string ptr = Child(top.Ptr("area_kinds"), i++);
        if (Element(item, ptr) == nullptr) continue;
        ObjectReader o(r_, item, ptr, {"id", "name"});
        AreaKind k;
        o.String("id", &k.id, Need::Required);
        o.TextField("name", &k.name, Need::Required);
        CheckUnique(&seen, k.id, ptr);
        kinds->push_back(std::move(k));
    }
}

void Loader::ReadCategories(const ObjectReader& top, std::vector<Category>* cats) {
    const Json* list = top.Array("categories", Need::Required);
    if (list == nullptr) return;
    categories_ok_ = true;
    std::unordered_map<std::string, std::string> seen;
    size_t i = 0;
    for (const Json& item : *list) {
        const std::string ptr = Child(top.Ptr("categories"), i++);
        if (Element(item, ptr) == nullptr) continue;
        ObjectReader o(r_, item, ptr, {"id", "name", "color"});
        Category c;
        c.color = 0;  // absent: the app picks from its palette
        o.String("id", &c.id, Need::Required);
        o.TextField("name", &c.name, Need::Required);
        std::string color;
        if (o.String("color", &color, Need::Optional) && !ParseColor(color, &c.color)) {
            r_.Error(o.Ptr("color"), "颜色无效：" + Quoted(color) + "，应为 \"#rrggbb\"",
                     "invalid colour " + Quoted(color) + ": expected \"#rrggbb\"");
        }
        CheckUnique(&seen, c.id, ptr);
        cats->push_back(std::move(c));
    }
}

// ---- 5. Geometry ------------------------------------------------------------------------------
bool Loader::ReadPosition(const Json& pos_in, const std::string& ptr, LonLat* out) {
    Json storage;
    const Json& pos = Unpacked(pos_in, &storage);
    const auto* a = pos.get_ptr<const Json::array_t*>();
    if (a == nullptr || a->size() < 2 || a->size() > 3) {
        r_.Error(ptr, "坐标点应为 [经度, 纬度] 两个数字的数组（可加第三个数：高程）",
                 "a position must be an array [lon, lat] of two numbers (a third, altitude, is allowed)");
        return false;
    }
    double lon = 0, lat = 0, altitude = 0;  // GeoJSON allows a third number; it is not used
    for (size_t k = 0; k < a->size(); ++k) {
        const Json& v = (*a)[k];
        double* dst = k == 0 ? &lon : k == 1 ? &lat : &altitude;
        if (!v.is_number()) {
            ObjectReader::WrongTypeAt(r_, Child(ptr, k), v, "数字", "a number");
            return false;
        }
        if (!FiniteNumber(v, dst)) {
            r_.Error(Child(ptr, k), "坐标必须是有限数", "a coordinate must be a finite number");
            return false;
        }
    }
    *out = LonLat{lon, lat};
    return CheckPosition(lon, lat, ptr);
}

// The range check of one position; `ptr` names the position.
bool Loader::CheckPosition(double lon, double lat, const std::string& ptr) {
    bool ok = true;
    if (lon < -180 || lon > 180) {
        r_.Error(Child(ptr, size_t{0}), "经度超出 -180..180 范围：" + FormatNumber(lon),
                 "longitude out of range -180..180: " + FormatNumber(lon));
        ok = false;
    }
    if (lat < -90 || lat > 90) {
        r_.Error(Child(ptr, 1), "纬度超出 -90..90 范围：" + FormatNumber(lat),
                 "latitude out of range -90..90: " + FormatNumber(lat));
        ok = false;
    }
    return ok;
}

// Counts `count` more vertices; false (reported once) if that exceeds the cap.
bool Loader::CheckVertexCap(size_t count, const std::string& ptr) {
    if (vertex_count_ + count > limits_.max_vertices) {
        if (!vertex_cap_reported_) {
            r_.Error(ptr, "边界顶点过多：超过上限 " + std::to_string(limits_.max_vertices) + " 个",
                     "too many boundary vertices: more than the limit of " + std::to_string(limits_.max_vertices));
            vertex_cap_reported_ = true;
        }
        return false;
    }
    vertex_count_ += count;
    return true;
}

// One ring; stops at its first bad position (one error per ring, not one per vertex).
bool Loader::ReadRing(const Json& ring, const std::string& ptr, std::vector<LonLat>* out) {
    size_t index = 0;
    if (packed_ != nullptr && detail::PackedRingIndex(ring, &index) && index < packed_->rings.size()) {
        return ReadPackedRing(packed_->rings[index], ptr, out);
    }
    const auto* points = ring.get_ptr<const Json::array_t*>();
    if (points == nullptr) {
        ObjectReader::WrongTypeAt(r_, ptr, ring, "坐标点数组（环）", "an array of positions (a ring)");
        return false;
    }
    if (!CheckVertexCap(points->size(), ptr)) return false;
    out->reserve(points->size());
    for (size_t j = 0; j < points->size(); ++j) {
        LonLat p;
        if (!ReadPosition((*points)[j], Child(ptr, j), &p)) return false;
        out->push_back(p);
    }
    return FinishRing(ptr, out);
}

// A ring the parser packed: every position is already two finite numbers, so only the ranges
// are left to check (as ReadPosition does); the points then move into *out, uncopied.
bool Loader::ReadPackedRing(std::vector<LonLat>& points, const std::string& ptr, std::vector<LonLat>* out) {
    if (!CheckVertexCap(points.size(), ptr)) return false;
    for (size_t j = 0; j < points.size(); ++j) {
        const LonLat& p = points[j];
        if (p.lon < -180 || p.lon > 180 || p.lat < -90 || p.lat > 90) {
            CheckPosition(p.lon, p.lat, Child(ptr, j));
            return false;
        }
    }
    *out = std::move(points);
    return FinishRing(ptr, out);
}

// The checks of a ring's points once read: the closing point dropped, at least 3 distinct points.
bool Loader::FinishRing(const std::string& ptr, std::vector<LonLat>* out) {
    // Stored open: drop the closing point that repeats the first.
    if (out->size() >= 2 && out->front().lon == out->back().lon && out->front().lat == out->back().lat) {
        out->pop_back();
    }
    std::vector<std::pair<double, double>> distinct;
    distinct.reserve(out->size());
    for (const LonLat& p : *out) distinct.emplace_back(p.lon, p.lat);
    std::sort(distinct.begin(), distinct.end());
    const size_t n = static_cast<size_t>(std::unique(distinct.begin(), distinct.end()) - distinct.begin());
    if (n < 3) {
        r_.Error(ptr, "环至少需要 3 个不同的点，这里只有 " + std::to_string(n) + " 个",
                 "a ring needs at least 3 distinct points, this one has " + std::to_string(n));
        return false;
    }
    return true;
}

bool Loader::ReadPolygon(const Json& rings_in, const std::string& ptr, Polygon* out) {
    Json storage;
    const Json& rings = Unpacked(rings_in, &storage);
    const auto* list = rings.get_ptr<const Json::array_t*>();
    if (list == nullptr) {
        ObjectReader::WrongTypeAt(r_, ptr, rings, "环的数组（多边形）", "an array of rings (a polygon)");
        return false;
    }
    if (list->empty()) {
        r_.Error(ptr, "多边形没有任何环", "the polygon has no rings");
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < list->size(); ++i) {
        std::vector<LonLat> ring;
        if (ReadRing((*list)[i], Child(ptr, i), &ring)) {
            out->rings.push_back(std::move(ring));
        } else {
            ok = false;
        }
    }
    return ok;
}

void Loader::ReadGeometry(const Json& g, const std::string& ptr, Area* area) {
    ObjectReader o(r_, g, ptr, {"type", "coordinates"});
    std::string type;
    const bool has_type = o.String("type", &type, Need::Required);
    const Json* coords = o.Array("coordinates", Need::Required);
    if (!has_type) return;
    if (type != "Polygon" && type != "MultiPolygon") {
        r_.Error(o.Ptr("type"), "不支持的几何类型 " + Quoted(type) + "：只支持 Polygon 和 MultiPolygon",
                 "unsupported geometry type " + Quoted(type) + ": only Polygon and MultiPolygon are supported");
        return;
    }
    if (coords == nullptr) return;
    const std::string cptr = o.Ptr("coordinates");
    if (coords->empty()) {
        r_.Error(cptr, "几何为空：没有坐标", "empty geometry: no coordinates");
        return;
    }
    if (type == "Polygon") {
        Polygon poly;
        if (ReadPolygon(*coords, cptr, &poly)) area->polygons.push_back(std::move(poly));
        return;
    }
    size_t i = 0;
    for (const Json& p : *coords) {
        Polygon poly;
        if (ReadPolygon(p, Child(cptr, i++), &poly)) area->polygons.push_back(std::move(poly));
    }
}

void Loader::ReadMarker(const Json& m, const std::string& ptr, Area* area) {
    ObjectReader o(r_, m, ptr, {"lon", "lat", "approximate"});
    double lon = 0, lat = 0;
    const bool has_lon = o.Number("lon", &lon, Need::Required);
    const bool has_lat = o.Number("lat", &lat, Need::Required);
    o.Bool("approximate", &area->marker.approximate, Need::Optional);
    bool ok = has_lon && has_lat;
    if (has_lon && (lon < -180 || lon > 180)) {
        r_.Error(o.Ptr("lon"), "经度超出 -180..180 范围：" + FormatNumber(lon),
                 "longitude out of range -180..180: " + FormatNumber(lon));
        ok = false;
    }
    if (has_lat && (lat < -90 || lat > 90)) {
        r_.Error(o.Ptr("lat"), "纬度超出 -90..90 范围：" + FormatNumber(lat),
                 "latitude out of range -90..90: " + FormatNumber(lat));
        ok = false;
    }
    if (ok) {
        area->has_marker = true;
        area->marker.pos = LonLat{lon, lat};
    }
}

// ---- 6. Areas and goals -----------------------------------------------------------------------
void Loader::ReadAreas(const ObjectReader& top, std::vector<Area>* areas) {
    const Json* list = top.Array("areas", Need::Required);
    if (list == nullptr) return;
    if (list->size() > limits_.max_areas) {
        r_.Error(top.Ptr("areas"), "区域过多：" + std::to_string(list->size()) + " 个，上限 " + std::to_string(limits_.max_areas),
                 "too many areas: " + std::to_string(list->size()) + ", the limit is " + std::to_string(limits_.max_areas));
        return;
    }
    areas_ok_ = true;
    std::unordered_map<std::string, std::string> seen;
    size_t i = 0;
    for (const Json& item : *list) {
        const std::string ptr = Child(top.Ptr("areas"), i++);
        if (Element(item, ptr) == nullptr) continue;
        ObjectReader o(r_, item, ptr,
                       {"id", "name", "kind", "within", "headline", "headline_quote", "geometry", "marker", "note"});
        Area a;
        o.String("id", &a.id, Need::Required);
        o.TextField("name", &a.name, Need::Required);
        o.String("kind", &a.kind, Need::Required);
        o.String("within", &a.within, Need::Optional);
        const bool has_headline = o.TextField("headline", &a.headline, Need::Optional);
        const bool has_quote = o.String("headline_quote", &a.headline_quote, Need::Optional);
        if (has_headline && (!has_quote || IsBlank(a.headline_quote))) {
            r_.Error(o.Ptr("headline_quote"), "有 headline 时必须给出 headline_quote（原文出处）",
                     "headline_quote (the verbatim source) is required when headline is given");
        }
        const Json* geometry = o.Object("geometry", Need::Optional);
        const Json* marker = o.Object("marker", Need::Optional);
        if (geometry != nullptr) ReadGeometry(*geometry, o.Ptr("geometry"), &a);
        if (marker != nullptr) ReadMarker(*marker, o.Ptr("marker"), &a);
        if (o.Find("geometry", Need::Optional) == nullptr && o.Find("marker", Need::Optional) == nullptr) {
            r_.Error(ptr, "区域既没有 geometry（边界）也没有 marker（标记点）",
                     "the area has neither a geometry (boundary) nor a marker");
        }
        o.TextField("note", &a.note, Need::Optional);
        CheckUnique(&seen, a.id, ptr);
        areas->push_back(std::move(a));
        area_ptrs_.push_back(ptr);
    }
}

void Loader::ReadTarget(const Json& t, const std::string& ptr, Target* target) {
    ObjectReader o(r_, t, ptr, {"value", "min", "unit", "deadline", "as_stated"});
    const bool has_value = o.Number("value", &target->value, Need::Required);
    target->has_min = o.Number("min", &target->min, Need::Optional);
    if (has_value && target->has_min && target->min > target->value) {
        r_.Error(o.Ptr("min"), "min（" + FormatNumber(target->min) + "）大于 value（" + FormatNumber(target->value) + "）",
                 "min (" + FormatNumber(target->min) + ") is greater than value (" + FormatNumber(target->value) + ")");
    }
    o.TextField("unit", &target->unit, Need::Required);
    o.Date("deadline", &target->deadline, Need::Optional);
    o.TextField("as_stated", &target->as_stated, Need::Optional);
}

void Loader::ReadProgress(const Json& p, const std::string& ptr, ProgressReport* report) {
    ObjectReader o(r_, p, ptr, {"date", "status", "percent", "note", "author"});
    o.Date("date", &report->date, Need::Required);
    std::string status;
    if (o.String("status", &status, Need::Required) && !ParseStatus(status, &report->status)) {
        r_.Error(o.Ptr("status"), "状态无效：" + Quoted(status) + "，应为 not_reported、green、yellow、red 或 done",
                 "invalid status " + Quoted(status) + ": expected not_reported, green, yellow, red or done");
    }
    report->has_percent = o.Number("percent", &report->percent, Need::Optional);
    if (report->has_percent && (report->percent < 0 || report->percent > 100)) {
        r_.Error(o.Ptr("percent"), "完成百分比应在 0 到 100 之间：" + FormatNumber(report->percent),
                 "percent must be between 0 and 100: " + FormatNumber(report->percent));
    }
    o.TextField("note", &report->note, Need::Optional);
    o.String("author", &report->author, Need::Optional);
}

void Loader::ReadGoals(const ObjectReader& top, std::vector<Goal>* goals) {
    const Json* list = top.Array("goals", Need::Required);
    if (list == nullptr) return;
    if (list->size() > limits_.max_goals) {
        r_.Error(top.Ptr("goals"), "目标过多：" + std::to_string(list->size()) + " 个，上限 " + std::to_string(limits_.max_goals),
                 "too many goals: " + std::to_string(list->size()) + ", the limit is " + std::to_string(limits_.max_goals));
        return;
    }
    std::unordered_map<std::string, std::string> seen;
    size_t i = 0;
    for (const Json& item : *list) {
        const std::string ptr = Child(top.Ptr("goals"), i++);
        if (Element(item, ptr) == nullptr) continue;
        ObjectReader o(r_, item, ptr,
                       {"id", "area", "category", "kind", "title", "quote", "target", "status", "owner", "progress"});
        Goal g;
        o.String("id", &g.id, Need::Required);
        o.String("area", &g.area, Need::Required);
        o.String("category", &g.category, Need::Required);
        if (o.String("kind", &g.kind, Need::Required) && g.kind != "action" && g.kind != "target" &&
            g.kind != "project" && g.kind != "programme") {
            r_.Error(o.Ptr("kind"), "目标类型无效：" + Quoted(g.kind) + "，应为 action、target、project 或 programme",
                     "invalid goal kind " + Quoted(g.kind) + ": expected action, target, project or programme");
        }
        o.TextField("title", &g.title, Need::Required);
        o.String("quote", &g.quote, Need::Required);
        if (const Json* t = o.Object("target", Need::Optional)) {
            g.has_target = true;
            ReadTarget(*t, o.Ptr("target"), &g.target);
        }
        std::string status;
        if (o.String("status", &status, Need::Optional) && !ParseStatus(status, &g.status)) {
            r_.Error(o.Ptr("status"), "状态无效：" + Quoted(status) + "，应为 not_reported、green、yellow、red 或 done",
                     "invalid status " + Quoted(status) + ": expected not_reported, green, yellow, red or done");
        }
        o.String("owner", &g.owner, Need::Optional);
        if (const Json* progress = o.Array("progress", Need::Optional)) {
            size_t k = 0;
            for (const Json& p : *progress) {
                const std::string pptr = Child(o.Ptr("progress"), k++);
                if (Element(p, pptr) == nullptr) continue;
                ProgressReport report;
                ReadProgress(p, pptr, &report);
                g.progress.push_back(std::move(report));
            }
        }
        CheckUnique(&seen, g.id, ptr);
        goals->push_back(std::move(g));
        goal_ptrs_.push_back(ptr);
    }
}

// ---- 7. Cross-checks and derived fields -------------------------------------------------------
void Loader::CheckReferences(Dataset* d) {
    std::unordered_set<std::string> kinds, categories;
    for (const AreaKind& k : d->area_kinds) kinds.insert(k.id);
    for (const Category& c : d->categories) categories.insert(c.id);
    std::unordered_map<std::string, size_t> areas;
    for (size_t i = 0; i < d->areas.size(); ++i) areas.emplace(d->areas[i].id, i);  // first wins

    for (size_t i = 0; i < d->areas.size(); ++i) {
        const Area& a = d->areas[i];
        const std::string& ptr = area_ptrs_[i];
        if (kinds_ok_ && !a.kind.empty() && kinds.count(a.kind) == 0) {
            r_.Error(Child(ptr, "kind"), "未知的区域类型 " + Quoted(a.kind) + "：area_kinds 中没有这个 id",
                     "unknown area kind " + Quoted(a.kind) + ": no such id in area_kinds");
        }
        if (a.within.empty()) continue;
        if (a.within == a.id) {
            r_.Error(Child(ptr, "within"), "区域不能位于自身之内", "an area cannot lie within itself");
        } else if (areas.count(a.within) == 0) {
            r_.Error(Child(ptr, "within"), "未知的区域 " + Quoted(a.within) + "：areas 中没有这个 id",
                     "unknown area " + Quoted(a.within) + ": no such id in areas");
        } else {
            // Follow the chain; coming back to this area means a cycle (each one reported per member).
            size_t at = areas[a.within];
            for (size_t steps = 0; steps <= d->areas.size(); ++steps) {
                if (at == i) {
                    r_.Error(Child(ptr, "within"), "within 形成循环（区域互相包含）",
                             "within forms a cycle (areas contain each other)");
                    break;
                }
                const std::string& next = d->areas[at].within;
                auto it = areas.find(next);
                if (next.empty() || it == areas.end()) break;
                at = it->second;
            }
        }
    }
    for (size_t i = 0; i < d->goals.size(); ++i) {
        const Goal& g = d->goals[i];
        const std::string& ptr = goal_ptrs_[i];
        if (areas_ok_ && !g.area.empty() && areas.count(g.area) == 0) {
            r_.Error(Child(ptr, "area"), "未知的区域 " + Quoted(g.area) + "：areas 中没有这个 id",
                     "unknown area " + Quoted(g.area) + ": no such id in areas");
        }
        if (categories_ok_ && !g.category.empty() && categories.count(g.category) == 0) {
            r_.Error(Child(ptr, "category"), "未知的分类 " + Quoted(g.category) + "：categories 中没有这个 id",
                     "unknown category " + Quoted(g.category) + ": no such id in categories");
        }
    }
}

void Loader::ComputeBounds(Dataset* d) {
    bool any = false;
    Bounds b;
    auto add = [&](const LonLat& p) {
        if (!any) {
            b = Bounds{p.lon, p.lat, p.lon, p.lat};
            any = true;
            return;
        }
        b.min_lon = std::min(b.min_lon, p.lon);
        b.min_lat = std::min(b.min_lat, p.lat);
        b.max_lon = std::max(b.max_lon, p.lon);
        b.max_lat = std::max(b.max_lat, p.lat);
    };
    for (const Area& a : d->areas) {
        for (const Polygon& poly : a.polygons) {
            for (const auto& ring : poly.rings) {
                for (const LonLat& p : ring) add(p);
            }
        }
        if (a.has_marker) add(a.marker.pos);
    }
    d->bounds = b;
}

void Loader::Load(const Json& root, Dataset* d) {
    if (!root.is_object()) {
        ObjectReader::WrongTypeAt(r_, "", root, "对象（整个文件应是一个 JSON 对象）", "an object (the whole file is one JSON object)");
        return;
    }
    // "$schema" lets editors find docs/data-format.schema.json; it is not data.
    ObjectReader top(r_, root, "",
                     {"$schema", "schema_version", "id", "title", "city", "source", "campaign", "boundary_source",
                      "area_kinds", "categories", "areas", "goals"});
    int64_t version = 0;
    if (top.Integer("schema_version", &version, Need::Required)) {
        if (version != kSchemaVersion) {
            r_.Error(top.Ptr("schema_version"),
                     "不支持的 schema_version " + std::to_string(version) + "：本程序读取第 " + std::to_string(kSchemaVersion) + " 版",
                     "unsupported schema_version " + std::to_string(version) + ": this program reads version " +
                         std::to_string(kSchemaVersion));
        } else {
            d->schema_version = kSchemaVersion;
        }
    }
    std::string schema;
    top.String("$schema", &schema, Need::Optional);
    top.String("id", &d->id, Need::Required);
    top.TextField("title", &d->title, Need::Required);
    top.TextField("city", &d->city, Need::Required);
    ReadSource(top, &d->source);
    ReadCampaign(top, &d->campaign);
    ReadBoundarySource(top, &d->boundary_source);
    ReadKinds(top, &d->area_kinds);
    ReadCategories(top, &d->categories);
    ReadAreas(top, &d->areas);
    ReadGoals(top, &d->goals);
    CheckReferences(d);

    // Progress in date order (stable: same-day reports keep file order); the latest sets status.
    for (Goal& g : d->goals) {
        std::stable_sort(g.progress.begin(), g.progress.end(),
                         [](const ProgressReport& a, const ProgressReport& b) { return a.date < b.date; });
        if (!g.progress.empty()) g.status = g.progress.back().status;
    }
    ComputeBounds(d);
}

// Gives every problem that has none a line and column (of its value, or of the nearest enclosing
// value that exists, e.g. the object a required field is missing from), then sorts by position.
void PlaceProblems(std::string_view text, std::vector<Problem>* problems) {
    std::vector<std::string> wanted;
    std::vector<size_t> owner;  // index into *problems of each wanted pointer
    for (size_t i = 0; i < problems->size(); ++i) {
        const Problem& p = (*problems)[i];
        if (p.line != 0) continue;
        std::string ptr = p.pointer;
        for (int up = 0; up < 2; ++up) {
            wanted.push_back(ptr);
            owner.push_back(i);
            if (ptr.empty()) break;
            ptr.resize(ptr.rfind('/'));
        }
    }
    if (!wanted.empty()) {
        const std::vector<size_t> offsets = detail::LocatePointers(text, wanted);
        std::vector<size_t> best(problems->size(), std::string_view::npos);
        for (size_t k = 0; k < wanted.size(); ++k) {  // the pointer itself comes before its parent
            if (best[owner[k]] == std::string_view::npos) best[owner[k]] = offsets[k];
        }
        std::vector<size_t> at, which;
        for (size_t i = 0; i < best.size(); ++i) {
            if (best[i] == std::string_view::npos) continue;
            at.push_back(best[i]);
            which.push_back(i);
        }
        const std::vector<LineCol> lcs = LineColsAt(text, at);
        for (size_t k = 0; k < which.size(); ++k) {
            (*problems)[which[k]].line = lcs[k].line;
            (*problems)[which[k]].column = lcs[k].column;
        }
    }
    std::stable_sort(problems->begin(), problems->end(), [](const Problem& a, const Problem& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
}

}  // namespace

// ---- 8. Public API ----------------------------------------------------------------------------
bool LoadResult::Ok() const { return ErrorCount() == 0; }

int LoadResult::ErrorCount() const {
    return static_cast<int>(std::count_if(problems.begin(), problems.end(),
                                          [](const Problem& p) { return p.severity == Severity::Error; }));
}

int LoadResult::WarningCount() const {
    return static_cast<int>(std::count_if(problems.begin(), problems.end(),
                                          [](const Problem& p) { return p.severity == Severity::Warning; }));
}

namespace {

// `pack`: boundary rings skip the DOM (json_parse.h); the result is the same either way.
LoadResult Load(std::string_view text, std::string_view file, const LoadLimits& limits, bool pack) {
    LoadResult result;
    Reporter reporter(file);
    {
        Json root;
        detail::PackedRings packed;
        if (!detail::ParseJsonStrict(text, file, limits, &root, &result.problems, pack ? &packed : nullptr)) {
            return result;
        }
        for (Problem& p : result.problems) reporter.Add(std::move(p));  // parse warnings, duplicate keys
        Loader loader(reporter, limits, pack ? &packed : nullptr);
        loader.Load(root, &result.data);
    }  // the DOM and what is left of the packed rings are freed before problems are located

    result.problems = std::move(reporter.problems());
    PlaceProblems(text, &result.problems);
    if (reporter.dropped() > 0) {
        Problem p;
        p.file = std::string(file);
        const std::string n = std::to_string(reporter.dropped());
        p.message = Text{"问题太多：另有 " + n + " 个未列出", "too many problems: " + n + " more not listed"};
        result.problems.push_back(std::move(p));
    }
    return result;
}

}  // namespace

LoadResult LoadDataset(std::string_view text, std::string_view file, const LoadLimits& limits) {
    return Load(text, file, limits, /*pack=*/true);
}

namespace detail {
LoadResult LoadDatasetUnpacked(std::string_view text, std::string_view file, const LoadLimits& limits) {
    return Load(text, file, limits, /*pack=*/false);
}
}  // namespace detail

std::string FormatProblem(const Problem& p, Lang lang) {
    const bool zh = lang == Lang::Zh;
    std::string out = p.file;
    if (p.line > 0) out += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
    out += ": ";
    out += p.severity == Severity::Error ? (zh ? "错误" : "error") : (zh ? "警告" : "warning");
    out += ": ";
    if (!p.pointer.empty()) out += p.pointer + ": ";
    out += p.message.Get(lang);
    return out;
}

}  // namespace jcm
