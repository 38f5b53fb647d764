// load.cpp: JSON text -> validated Dataset (docs/data-format.md), every problem reported.
//
// Sections:
//   1. Reporter        - collects problems (capped), bilingual message helpers
//   2. Value helpers   - type names, integers, dates, colours, number formatting
//   3. ObjectReader    - checked, typed access to one JSON object's members; unknown-field warnings
//   4. FieldReader     - the loader's visitor of the field tables (core/fields.h): every struct
//                        of the format is read, type-checked and warned about through its table
//   5. Geometry        - Polygon / MultiPolygon, rings stored open, vertex cap, quantised rings decoded
//   6. Cross-field     - start <= end, a headline needs its quote, geometry or marker, min <= value
//   7. References      - ids resolved to indices, unknown ids, `within` cycles; derived bounds
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

#include "core/fields.h"
#include "core/json_parse.h"
#include "core/utf8.h"

namespace jcm {
namespace {

using Json = nlohmann::json;
using detail::EscapePointerToken;
using detail::FiniteNumber;

// More problems than this are not listed; one final error says how many were left out.
constexpr size_t kMaxProblems = 1000;

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
// (Unsigned first: nlohmann's get_ptr<number_integer_t*> also answers for an unsigned value,
// reading its bits as signed, so 18446744073709551615 would be -1.)
bool IntegerOf(const Json& v, int64_t* out) {
    if (const auto* u = v.get_ptr<const Json::number_unsigned_t*>()) {
        if (*u > static_cast<uint64_t>(INT64_MAX)) return false;
        *out = static_cast<int64_t>(*u);
        return true;
    }
    if (const auto* i = v.get_ptr<const Json::number_integer_t*>()) {
        *out = *i;
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

class ObjectReader {
  public:
    // `obj` must be an object. Members not in `known` are reported as warnings right away.
    ObjectReader(Reporter& r, const Json& obj, std::string pointer, std::initializer_list<const char*> known)
        : r_(r), obj_(obj), pointer_(std::move(pointer)) {
        WarnUnknown(known.begin(), known.end());
    }
    // `known`: the keys of a struct's field table (fields.h KeysOf).
    ObjectReader(Reporter& r, const Json& obj, std::string pointer, const std::vector<const char*>& known)
        : r_(r), obj_(obj), pointer_(std::move(pointer)) {
        WarnUnknown(known.data(), known.data() + known.size());
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
    void WarnUnknown(const char* const* known_begin, const char* const* known_end) {
        const auto* members = obj_.get_ptr<const Json::object_t*>();
        if (members == nullptr) return;
        for (const auto& [key, value] : *members) {
            bool is_known = false;
            for (const char* const* k = known_begin; k != known_end; ++k) is_known = is_known || key == *k;
            if (!is_known) {
                r_.Warn(Child(pointer_, key), "未知字段 " + Quoted(key) + "（拼写错误？此字段将被忽略）",
                        "unknown field " + Quoted(key) + " (a typo? it is ignored)");
            }
        }
    }

    Reporter& r_;
    const Json& obj_;
    std::string pointer_;
};

// ---- 4. Loader and FieldReader ----------------------------------------------------------------
// The Loader holds what one load shares (problems, limits, packed rings, vertex count, the
// references found, the id lists read); FieldReader visits the field tables (core/fields.h) for
// one JSON object at a time.
class Loader {
  public:
    // `packed`: where ParseJsonStrict put the rings its DOM marks as packed (nullptr: none are).
    Loader(Reporter& r, const LoadLimits& limits, detail::PackedRings* packed)
        : r_(r), limits_(limits), packed_(packed) {}

    void Load(const Json& root, Dataset* d);

    Reporter& reporter() { return r_; }

    // A reference to check once every list is read; `id` and `index` live in the Dataset being
    // filled, whose lists are reserved before they are filled (so the addresses stay valid).
    void AddRef(IdList to, const std::string* id, const int* index, std::string ptr) {
        refs_.push_back(PendingRef{to, id, index, std::move(ptr)});
    }
    // False (reported) if the list is longer than its cap; lists under a cap are areas and goals.
    bool WithinLimit(IdList list, size_t count, const std::string& ptr) {
        if (list != IdList::Areas && list != IdList::Goals) return true;
        const size_t cap = list == IdList::Areas ? limits_.max_areas : limits_.max_goals;
        if (count <= cap) return true;
        const IdListInfo& info = InfoOf(list);
        r_.Error(ptr, std::string(info.noun_zh) + "过多：" + std::to_string(count) + " 个，上限 " + std::to_string(cap),
                 std::string("too many ") + info.noun_en + "s: " + std::to_string(count) + ", the limit is " +
                     std::to_string(cap));
        return false;
    }
    void ListRead(IdList list) { list_read_[static_cast<size_t>(list)] = true; }
    void ElementRead(IdList list, const std::string& ptr) {
        if (list == IdList::Areas) area_ptrs_.push_back(ptr);
    }

    // Each list element must be an object; returns it or reports and returns nullptr.
    const Json* Element(const Json& v, const std::string& ptr) {
        if (v.is_object()) return &v;
        ObjectReader::WrongTypeAt(r_, ptr, v, "对象", "an object");
        return nullptr;
    }
    // Records `id` of the element at `item_ptr`; reports a duplicate.
    void CheckUnique(std::unordered_map<std::string, std::string>* seen, const std::string& id,
                     const std::string& item_ptr) {
        if (id.empty()) return;  // already reported as missing/empty
        auto [it, inserted] = seen->emplace(id, item_ptr);
        if (!inserted) {
            r_.Error(Child(item_ptr, "id"), "重复的 id " + Quoted(id) + "（已用于 " + it->second + "）",
                     "duplicate id " + Quoted(id) + " (already used by " + it->second + ")");
        }
    }

    void ReadGeometry(const Json& g, const std::string& ptr, std::vector<Polygon>* polygons, GeoTransform* transform);

  private:
    struct PendingRef {
        IdList to;
        const std::string* id;
        const int* index;
        std::string ptr;
    };

    bool ReadTransform(const Json& t, const std::string& ptr, GeoTransform* out);
    bool ReadPolygon(const Json& rings, const std::string& ptr, const GeoTransform* q, Polygon* out);
    bool ReadRing(const Json& ring, const std::string& ptr, const GeoTransform* q, std::vector<LonLat>* out);
    bool ReadPackedRing(std::vector<LonLat>& points, const std::string& ptr, const GeoTransform* q, std::vector<LonLat>* out);
    bool Dequantise(const GeoTransform& q, const std::string& ring_ptr, size_t j, double sum[2], LonLat* p);
    bool CheckVertexCap(size_t count, const std::string& ptr);
    bool FinishRing(const std::string& ptr, std::vector<LonLat>* out);
    bool ReadPosition(const Json& pos, const std::string& ptr, bool degrees, LonLat* out);
    bool CheckPosition(double lon, double lat, const std::string& ptr);
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

    Reporter& r_;
    const LoadLimits& limits_;
    detail::PackedRings* packed_;
    size_t vertex_count_ = 0;
    bool vertex_cap_reported_ = false;
    // Whether each id list was read (it is an array, under its cap), so references into it can be checked.
    bool list_read_[kIdListCount] = {};
    std::vector<PendingRef> refs_;
    // JSON pointer of each loaded area (elements that were not objects are skipped).
    std::vector<std::string> area_ptrs_;
};

class FieldReader;
template <class T>
void CrossCheck(Loader&, const T&, const FieldReader&) {}  // most structs have no cross-field rule
void CrossCheck(Loader& l, const Campaign& c, const FieldReader& f);
void CrossCheck(Loader& l, const Area& a, const FieldReader& f);
void CrossCheck(Loader& l, const Target& t, const FieldReader& f);

// One JSON object read through its struct's field table: each entry kind of core/fields.h.
class FieldReader {
  public:
    FieldReader(Loader& l, const ObjectReader& o) : l_(l), o_(o) {}

    const ObjectReader& object() const { return o_; }
    // The member was present and read without a problem.
    bool Ok(const char* key) const {
        return std::find(ok_.begin(), ok_.end(), std::string_view(key)) != ok_.end();
    }

    void Const(const char* key, int& out, int value) {
        int64_t v = 0;
        if (!o_.Integer(key, &v, Need::Required)) return;
        if (v != value) {
            l_.reporter().Error(o_.Ptr(key),
                                std::string("不支持的 ") + key + " " + std::to_string(v) + "：本程序读取第 " +
                                    std::to_string(value) + " 版",
                                std::string("unsupported ") + key + " " + std::to_string(v) +
                                    ": this program reads version " + std::to_string(value));
            return;
        }
        out = value;
        Mark(key, true);
    }
    void Ignored(const char* key, const char*) {
        std::string s;
        o_.String(key, &s, Need::Optional);
    }
    void String(const char* key, std::string& out, Need need) { Mark(key, o_.String(key, &out, need)); }
    void Text(const char* key, jcm::Text& out, Need need) { Mark(key, o_.TextField(key, &out, need)); }
    void Date(const char* key, std::string& out, Need need) { Mark(key, o_.Date(key, &out, need)); }
    void Bool(const char* key, bool& out, Need need) { Mark(key, o_.Bool(key, &out, need)); }

    // An id naming an element of another list: never blank, even when optional.
    void Ref(const char* key, std::string& id, int& index, IdList to, Need need) {
        if (need == Need::Optional && o_.Find(key, Need::Optional) == nullptr) return;
        if (!o_.String(key, &id, Need::Required)) return;
        l_.AddRef(to, &id, &index, o_.Ptr(key));
        Mark(key, true);
    }

    void Number(const char* key, double& out, Need need, bool* has, const Range* range) {
        double v = 0;
        if (!o_.Number(key, &v, need)) return;
        out = v;
        if (has != nullptr) *has = true;
        if (range != nullptr && (v < range->min || v > range->max)) {
            l_.reporter().Error(o_.Ptr(key), range->zh + FormatNumber(v), range->en + FormatNumber(v));
            return;
        }
        Mark(key, true);
    }

    void Int(const char* key, int& out, Need need, const Range* range) {
        int64_t v = 0;
        if (!o_.Integer(key, &v, need)) return;
        if (range != nullptr && (static_cast<double>(v) < range->min || static_cast<double>(v) > range->max)) {
            l_.reporter().Error(o_.Ptr(key), range->zh + std::to_string(v), range->en + std::to_string(v));
            return;
        }
        out = static_cast<int>(v);
        Mark(key, true);
    }

    template <class E>
    void Enum(const char* key, E& out, Need need, const EnumInfo& info) {
        std::string s;
        if (!o_.String(key, &s, need)) return;
        for (int i = 0; i < info.count; ++i) {
            if (s == info.ids[i]) {
                out = static_cast<E>(i);
                Mark(key, true);
                return;
            }
        }
        std::string zh, en;
        for (int i = 0; i < info.count; ++i) {
            const bool last = i == info.count - 1;
            zh += i == 0 ? "" : last ? " 或 " : "、";
            en += i == 0 ? "" : last ? " or " : ", ";
            zh += info.ids[i];
            en += info.ids[i];
        }
        l_.reporter().Error(o_.Ptr(key), info.noun_zh + std::string("无效：") + Quoted(s) + "，应为 " + zh,
                            std::string("invalid ") + info.noun_en + " " + Quoted(s) + ": expected " + en);
    }

    void Color(const char* key, uint32_t& out, Need need) {
        out = 0;  // absent: the app picks from its palette
        std::string s;
        if (!o_.String(key, &s, need)) return;
        if (!ParseColor(s, &out)) {
            l_.reporter().Error(o_.Ptr(key), "颜色无效：" + Quoted(s) + "，应为 \"#rrggbb\"",
                                "invalid colour " + Quoted(s) + ": expected \"#rrggbb\"");
            return;
        }
        Mark(key, true);
    }

    template <class T>
    void Object(const char* key, T& out, Need need, bool* has) {
        const Json* v = o_.Object(key, need);
        if (v == nullptr) return;
        if (has != nullptr) *has = true;
        ObjectReader o(l_.reporter(), *v, o_.Ptr(key), KeysOf<T>());
        FieldReader f(l_, o);
        Fields(f, out);
        CrossCheck(l_, out, f);
        Mark(key, true);
    }

    template <class T>
    void List(const char* key, std::vector<T>& out, Need need, IdList list) {
        const Json* items = o_.Array(key, need);
        if (items == nullptr) return;
        const std::string ptr = o_.Ptr(key);
        if (!l_.WithinLimit(list, items->size(), ptr)) return;
        l_.ListRead(list);
        out.reserve(items->size());  // never reallocated below: references point into elements
        std::unordered_map<std::string, std::string> seen;
        size_t i = 0;
        for (const Json& item : *items) {
            const std::string item_ptr = Child(ptr, i++);
            if (l_.Element(item, item_ptr) == nullptr) continue;
            ObjectReader o(l_.reporter(), item, item_ptr, KeysOf<T>());
            FieldReader f(l_, o);
            T& e = out.emplace_back();
            Fields(f, e);
            CrossCheck(l_, e, f);
            if constexpr (HasId<T>::value) {
                if (list != IdList::None) l_.CheckUnique(&seen, e.id, item_ptr);
            }
            l_.ElementRead(list, item_ptr);
        }
        Mark(key, true);
    }

    void Geometry(const char* key, std::vector<Polygon>& out, GeoTransform& transform, Need need) {
        const Json* g = o_.Object(key, need);
        if (g == nullptr) return;
        l_.ReadGeometry(*g, o_.Ptr(key), &out, &transform);
        Mark(key, true);
    }

  private:
    void Mark(const char* key, bool ok) {
        if (ok) ok_.push_back(key);
    }

    Loader& l_;
    const ObjectReader& o_;
    std::vector<std::string_view> ok_;
};

// ---- 5. Geometry ------------------------------------------------------------------------------
// `degrees`: range-checked as [lon, lat]; else two numbers only (quantised, checked once decoded).
bool Loader::ReadPosition(const Json& pos_in, const std::string& ptr, bool degrees, LonLat* out) {
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
    return !degrees || CheckPosition(lon, lat, ptr);
}

// Position `j` of a quantised ring (`p`), in place: whole numbers, added to the running sums (the
// ring's first position is absolute, each next one the difference), scaled and translated to
// degrees; the caller checks the ranges. False (reported) if they are not whole numbers. The
// pointer is built only for a problem: this runs once per vertex.
bool Loader::Dequantise(const GeoTransform& q, const std::string& ring_ptr, size_t j, double sum[2], LonLat* p) {
    const double raw[2] = {p->lon, p->lat};
    for (int k = 0; k < 2; ++k) {
        // Whole and at most 2^31 in size, so the sums stay exact in a double.
        if (!(std::floor(raw[k]) == raw[k] && std::fabs(raw[k]) <= 2147483648.0)) {
            r_.Error(Child(Child(ring_ptr, j), static_cast<size_t>(k)),
                     "几何有 transform（量化坐标），坐标应为整数：" + FormatNumber(raw[k]),
                     "the geometry has a transform (quantised coordinates), so coordinates must be whole numbers: " +
                         FormatNumber(raw[k]));
            return false;
        }
        sum[k] += raw[k];
    }
    p->lon = sum[0] * q.scale[0] + q.translate[0];
    p->lat = sum[1] * q.scale[1] + q.translate[1];
    return true;
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
bool Loader::ReadRing(const Json& ring, const std::string& ptr, const GeoTransform* q, std::vector<LonLat>* out) {
    size_t index = 0;
    if (packed_ != nullptr && detail::PackedRingIndex(ring, &index) && index < packed_->rings.size()) {
        return ReadPackedRing(packed_->rings[index], ptr, q, out);
    }
    const auto* points = ring.get_ptr<const Json::array_t*>();
    if (points == nullptr) {
        ObjectReader::WrongTypeAt(r_, ptr, ring, "坐标点数组（环）", "an array of positions (a ring)");
        return false;
    }
    if (!CheckVertexCap(points->size(), ptr)) return false;
    out->reserve(points->size());
    double sum[2] = {0, 0};
    for (size_t j = 0; j < points->size(); ++j) {
        LonLat p;
        if (!ReadPosition((*points)[j], Child(ptr, j), q == nullptr, &p)) return false;
        if (q != nullptr && (!Dequantise(*q, ptr, j, sum, &p) || !CheckPosition(p.lon, p.lat, Child(ptr, j)))) return false;
        out->push_back(p);
    }
    return FinishRing(ptr, out);
}

// A ring the parser packed: every position is already two finite numbers, so only the ranges
// are left to check (as ReadPosition does); the points then move into *out, uncopied.
bool Loader::ReadPackedRing(std::vector<LonLat>& points, const std::string& ptr, const GeoTransform* q,
                            std::vector<LonLat>* out) {
    if (!CheckVertexCap(points.size(), ptr)) return false;
    if (q != nullptr) {
        double sum[2] = {0, 0};
        for (size_t j = 0; j < points.size(); ++j)
            if (!Dequantise(*q, ptr, j, sum, &points[j])) return false;
    }
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
    // Distinct points, counted up to 3 in one pass (sorting a copy of every ring to count them
    // all was a tenth of reading a big map).
    const LonLat* distinct[2] = {nullptr, nullptr};
    size_t n = 0;
    for (const LonLat& p : *out) {
        bool seen = false;
        for (size_t k = 0; k < n; ++k) seen |= distinct[k]->lon == p.lon && distinct[k]->lat == p.lat;
        if (seen) continue;
        if (++n == 3) break;
        distinct[n - 1] = &p;
    }
    if (n < 3) {
        r_.Error(ptr, "环至少需要 3 个不同的点，这里只有 " + std::to_string(n) + " 个",
                 "a ring needs at least 3 distinct points, this one has " + std::to_string(n));
        return false;
    }
    return true;
}

bool Loader::ReadPolygon(const Json& rings_in, const std::string& ptr, const GeoTransform* q, Polygon* out) {
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
        if (ReadRing((*list)[i], Child(ptr, i), q, &ring)) {
            out->rings.push_back(std::move(ring));
        } else {
            ok = false;
        }
    }
    return ok;
}

void Loader::ReadGeometry(const Json& g, const std::string& ptr, std::vector<Polygon>* polygons, GeoTransform* transform_out) {
    ObjectReader o(r_, g, ptr, {"type", "transform", "coordinates"});
    std::string type;
    const bool has_type = o.String("type", &type, Need::Required);
    const Json* coords = o.Array("coordinates", Need::Required);
    const Json* transform = o.Object("transform", Need::Optional);
    GeoTransform quantised;
    const GeoTransform* q = nullptr;
    if (transform != nullptr) {
        if (!ReadTransform(*transform, o.Ptr("transform"), &quantised)) return;
        q = &quantised;
        *transform_out = quantised;
    } else if (o.Find("transform", Need::Optional) != nullptr) {
        return;  // present but not an object: reported
    }
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
        if (ReadPolygon(*coords, cptr, q, &poly)) polygons->push_back(std::move(poly));
        return;
    }
    size_t i = 0;
    for (const Json& p : *coords) {
        Polygon poly;
        if (ReadPolygon(p, Child(cptr, i++), q, &poly)) polygons->push_back(std::move(poly));
    }
}

// {"scale": [sx, sy], "translate": [tx, ty]}: scales above 0, all four finite numbers.
bool Loader::ReadTransform(const Json& t, const std::string& ptr, GeoTransform* out) {
    ObjectReader o(r_, t, ptr, {"scale", "translate"});
    bool ok = true;
    const char* keys[2] = {"scale", "translate"};
    double* dst[2] = {out->scale, out->translate};
    for (int k = 0; k < 2; ++k) {
        const Json* pair = o.Array(keys[k], Need::Required);
        if (pair == nullptr) {
            ok = false;
            continue;
        }
        const std::string kptr = o.Ptr(keys[k]);
        if (pair->size() != 2) {
            r_.Error(kptr, "应为两个数字的数组 [x, y]", "expected an array [x, y] of two numbers");
            ok = false;
            continue;
        }
        for (size_t j = 0; j < 2; ++j) {
            const Json& v = (*pair)[j];
            if (!v.is_number() || !FiniteNumber(v, &dst[k][j])) {
                ObjectReader::WrongTypeAt(r_, Child(kptr, j), v, "有限数", "a finite number");
                ok = false;
            } else if (k == 0 && !(dst[k][j] > 0)) {
                r_.Error(Child(kptr, j), "缩放比例必须大于 0：" + FormatNumber(dst[k][j]),
                         "a scale must be above 0: " + FormatNumber(dst[k][j]));
                ok = false;
            }
        }
    }
    return ok;
}

// ---- 6. Cross-field rules (not table entries: each is said once, here) -----------------------
void CrossCheck(Loader& l, const Campaign& c, const FieldReader& f) {
    if (f.Ok("start") && f.Ok("end") && c.start > c.end) {  // ISO dates compare as strings
        l.reporter().Error(f.object().Ptr("end"), "结束日期 " + c.end + " 早于开始日期 " + c.start,
                           "end date " + c.end + " is before start date " + c.start);
    }
}

void CrossCheck(Loader& l, const Area& a, const FieldReader& f) {
    const ObjectReader& o = f.object();
    if (f.Ok("headline") && IsBlank(a.headline_quote)) {
        l.reporter().Error(o.Ptr("headline_quote"), "有 headline 时必须给出 headline_quote（原文出处）",
                           "headline_quote (the verbatim source) is required when headline is given");
    }
    if (o.Find("geometry", Need::Optional) == nullptr && o.Find("marker", Need::Optional) == nullptr) {
        l.reporter().Error(o.pointer(), "区域既没有 geometry（边界）也没有 marker（标记点）",
                           "the area has neither a geometry (boundary) nor a marker");
    }
}

void CrossCheck(Loader& l, const Target& t, const FieldReader& f) {
    if (f.Ok("value") && t.has_min && t.min > t.value) {
        l.reporter().Error(f.object().Ptr("min"),
                           "min（" + FormatNumber(t.min) + "）大于 value（" + FormatNumber(t.value) + "）",
                           "min (" + FormatNumber(t.min) + ") is greater than value (" + FormatNumber(t.value) + ")");
    }
}

// ---- 7. References and derived fields ---------------------------------------------------------
// Ids become indices (model.h ResolveReferences); each reference that names nothing is reported
// where it is, then the `within` rules: not itself, no cycle.
void Loader::CheckReferences(Dataset* d) {
    ResolveReferences(*d);
    for (const PendingRef& ref : refs_) {
        if (!list_read_[static_cast<size_t>(ref.to)] || *ref.index >= 0) continue;
        const IdListInfo& info = InfoOf(ref.to);
        r_.Error(ref.ptr, std::string("未知的") + info.noun_zh + " " + Quoted(*ref.id) + "：" + info.key + " 中没有这个 id",
                 std::string("unknown ") + info.noun_en + " " + Quoted(*ref.id) + ": no such id in " + info.key);
    }
    const size_t n = d->areas.size();
    for (size_t i = 0; i < n; ++i) {
        Area& a = d->areas[i];
        if (a.within.empty() || a.within_index < 0) continue;
        const std::string ptr = Child(area_ptrs_[i], "within");
        if (a.within == a.id) {
            r_.Error(ptr, "区域不能位于自身之内", "an area cannot lie within itself");
            a.within_index = -1;
            continue;
        }
        // Follow the chain; coming back to this area means a cycle (each one reported per member).
        int at = a.within_index;
        for (size_t steps = 0; at >= 0 && steps <= n; ++steps) {
            if (static_cast<size_t>(at) == i) {
                r_.Error(ptr, "within 形成循环（区域互相包含）", "within forms a cycle (areas contain each other)");
                break;
            }
            at = d->areas[static_cast<size_t>(at)].within_index;
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
    ObjectReader top(r_, root, "", KeysOf<Dataset>());
    FieldReader fields(*this, top);
    Fields(fields, *d);
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

// A load's two halves: the text parsed (the DOM, its packed rings, the parser's problems), then
// checked. `pack`: boundary rings skip the DOM (json_parse.h); `ahead`: some were read ahead
// (DatasetLoad). The result is the same either way.
namespace detail {
struct ParsedText {
    Json root;
    PackedRings packed;
    std::vector<Problem> problems;
    bool ok = false;
    bool pack = true;
};
}  // namespace detail

namespace {

using detail::ParsedText;

ParsedText ParseText(std::string_view text, std::string_view file, const LoadLimits& limits, bool pack,
                     detail::RingPrereader* ahead = nullptr) {
    ParsedText p;
    p.pack = pack;
    p.ok = detail::ParseJsonStrict(text, file, limits, &p.root, &p.problems, pack ? &p.packed : nullptr, ahead);
    return p;
}

LoadResult CheckParsed(std::string_view text, std::string_view file, const LoadLimits& limits, ParsedText&& parsed) {
    LoadResult result;
    if (!parsed.ok) {
        result.problems = std::move(parsed.problems);
        return result;
    }
    Reporter reporter(file);
    {
        ParsedText p = std::move(parsed);
        for (Problem& problem : p.problems) reporter.Add(std::move(problem));  // parse warnings, duplicate keys
        Loader loader(reporter, limits, p.pack ? &p.packed : nullptr);
        loader.Load(p.root, &result.data);
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

LoadResult Load(std::string_view text, std::string_view file, const LoadLimits& limits, bool pack) {
    return CheckParsed(text, file, limits, ParseText(text, file, limits, pack));
}

}  // namespace

LoadResult LoadDataset(std::string_view text, std::string_view file, const LoadLimits& limits) {
    return Load(text, file, limits, /*pack=*/true);
}

DatasetLoad::DatasetLoad(std::string_view text, std::string_view file, const LoadLimits& limits)
    : text_(text), file_(file), limits_(limits) {
    if (text.size() <= limits.max_bytes) ahead_ = std::make_unique<detail::RingPrereader>(text, limits.max_depth);
}

DatasetLoad::~DatasetLoad() = default;

bool DatasetLoad::Step(size_t bytes) {
    if (parsed_) return true;
    if (ahead_ != nullptr && !read_ahead_) {
        read_ahead_ = ahead_->Step(bytes);
        return false;
    }
    parsed_ = std::make_unique<detail::ParsedText>(ParseText(text_, file_, limits_, /*pack=*/true, ahead_.get()));
    ahead_.reset();
    return true;
}

double DatasetLoad::Progress() const { return ahead_ == nullptr ? 1.0 : ahead_->Progress(); }

LoadResult DatasetLoad::Finish() {
    if (!parsed_) parsed_ = std::make_unique<detail::ParsedText>(ParseText(text_, file_, limits_, /*pack=*/true, ahead_.get()));
    ahead_.reset();
    LoadResult result = CheckParsed(text_, file_, limits_, std::move(*parsed_));
    parsed_.reset();
    return result;
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
