// fields.h: the data format (docs/data-format.md) declared once, as one field table per struct.
//
// Each `Fields(v, t)` below lists the JSON members of one struct of model.h, in file order, with
// their kind, whether they are required, and what they refer to. Code that needs the format
// visits these tables instead of spelling the fields out again:
//   - the loader (load.cpp FieldReader): reads, type-checks, warns about unknown members;
//   - the writer (export.cpp FieldWriter): DatasetToJson;
//   - the JSON Schema emitter (schema.cpp): docs/data-format.schema.json is its output;
//   - ForEachString (below): every text a view can show (the glyph collector), ids included;
//   - ResolveReferences (model.cpp): ids -> indices stored in the model;
//   - the unit tests' round-trip comparison (tests/unit/test_export.cpp).
// Cross-field rules (min <= value, a headline needs its quote, start <= end, `within` cycles,
// geometry or marker) are not table entries: they are explicit checks in load.cpp (and, where
// JSON Schema can say them, explicit lines in schema.cpp).
//
// Adding a field: one entry here (plus the member in model.h), then the view that shows it.
//
// A visitor has one member function per entry kind:
//   Const(key, int& v, int value)                  an integer that must equal `value`
//   Ignored(key, description)                      a string member that is allowed and not kept
//   String(key, std::string&, Need)                required ones must not be blank
//   Ref(key, std::string& id, int& index, IdList, Need)  an id of another list; index resolved
//   Text(key, Text&, Need)                         {"zh", "en"}, zh required and not blank
//   Date(key, std::string&, Need)                  "YYYY-MM-DD"; optional ones may be null
//   Number(key, double&, Need, bool* has, const Range*)  finite; `has` says it was given
//   Int(key, int&, Need, const Range*)             0 = not given, for optional ones
//   Bool(key, bool&, Need)                         absent = false
//   Enum(key, E&, Need, const EnumInfo&)           one of a fixed list of ids
//   Color(key, uint32_t&, Need)                    "#rrggbb"; 0 = not given
//   Object(key, T&, Need, bool* has)               a nested struct with its own table
//   List(key, std::vector<T>&, Need, IdList)       objects with their own table; ids unique
//                                                  within the list unless IdList::None
//   Geometry(key, std::vector<Polygon>&, GeoTransform&, Need)  a GeoJSON Polygon / MultiPolygon,
//                                                  quantised if the transform is set
// Visitors take `T&` or `const T&` (Fields is instantiated for const structs by readers of data).
#pragma once

#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/model.h"

namespace jcm {

enum class Need : uint8_t { Required, Optional };
constexpr Need kRequired = Need::Required;
constexpr Need kOptional = Need::Optional;

// The lists whose elements have ids, and which references name.
enum class IdList : uint8_t { None, AreaKinds, Categories, Areas, Goals };
constexpr int kIdListCount = 5;

struct IdListInfo {
    const char* key;      // the top-level member holding the list
    const char* noun_zh;  // what one element is, for "unknown ..." and "too many ..."
    const char* noun_en;
};
const IdListInfo& InfoOf(IdList list);

// A number's allowed closed range, and the message when outside it (the number is appended).
struct Range {
    double min, max;
    const char* zh;
    const char* en;
};

// An enum's ids, in the enum's order, and what its values are called in messages.
struct EnumInfo {
    const char* const* ids;
    int count;
    const char* noun_zh;  // "状态" -> "状态无效：…"
    const char* noun_en;  // "status" -> "invalid status …"
};
extern const EnumInfo kStatusInfo;
extern const EnumInfo kGoalKindInfo;

inline constexpr Range kLonRange = {-180, 180, "经度超出 -180..180 范围：", "longitude out of range -180..180: "};
inline constexpr Range kLatRange = {-90, 90, "纬度超出 -90..90 范围：", "latitude out of range -90..90: "};
inline constexpr Range kPercentRange = {0, 100, "完成百分比应在 0 到 100 之间：", "percent must be between 0 and 100: "};
inline constexpr Range kAchievedRange = {0, 1e15, "完成量应在 0 到 10^15 之间：", "achieved must be between 0 and 10^15: "};
inline constexpr Range kDaysRange = {1, 100000, "天数应在 1 到 100000 之间：", "days must be between 1 and 100000: "};
constexpr int kSchemaVersion = 1;

// Fields(v, t) for T = Type or const Type.
#define JCM_FIELDS(Type) \
    template <class V, class T> \
    std::enable_if_t<std::is_same_v<std::remove_const_t<T>, Type>> Fields(V& v, T& t)

JCM_FIELDS(Source) {
    v.Text("title", t.title, kRequired);
    v.Text("series", t.series, kOptional);
    v.Text("outlet", t.outlet, kRequired);
    v.Text("reporter", t.reporter, kOptional);
    v.String("file", t.file, kRequired);
    v.Date("published", t.published, kOptional);
    v.String("url", t.url, kOptional);
}

JCM_FIELDS(Campaign) {
    v.Text("name", t.name, kRequired);
    v.Text("asks", t.asks, kRequired);
    v.String("quote", t.quote, kRequired);
    v.Int("days", t.days, kOptional, &kDaysRange);
    v.Date("start", t.start, kOptional);
    v.Date("end", t.end, kOptional);
    v.Text("period_as_stated", t.period_as_stated, kOptional);
    v.String("period_quote", t.period_quote, kOptional);
}

JCM_FIELDS(BoundarySource) {
    v.Text("name", t.name, kRequired);
    v.String("url", t.url, kRequired);
    v.String("licence", t.licence, kRequired);
    v.String("notes", t.notes, kOptional);
}

JCM_FIELDS(AreaKind) {
    v.String("id", t.id, kRequired);
    v.Text("name", t.name, kRequired);
}

JCM_FIELDS(Category) {
    v.String("id", t.id, kRequired);
    v.Text("name", t.name, kRequired);
    v.Color("color", t.color, kOptional);
}

JCM_FIELDS(Marker) {
    v.Number("lon", t.pos.lon, kRequired, nullptr, &kLonRange);
    v.Number("lat", t.pos.lat, kRequired, nullptr, &kLatRange);
    v.Bool("approximate", t.approximate, kOptional);
}

JCM_FIELDS(Area) {
    v.String("id", t.id, kRequired);
    v.Text("name", t.name, kRequired);
    v.Text("label", t.label, kOptional);
    v.Ref("kind", t.kind, t.kind_index, IdList::AreaKinds, kRequired);
    v.Ref("within", t.within, t.within_index, IdList::Areas, kOptional);
    v.Text("headline", t.headline, kOptional);
    v.String("headline_quote", t.headline_quote, kOptional);
    v.Geometry("geometry", t.polygons, t.geometry_transform, kOptional);
    v.Object("marker", t.marker, kOptional, &t.has_marker);
    v.Text("note", t.note, kOptional);
}

JCM_FIELDS(Target) {
    v.Number("value", t.value, kRequired, nullptr, nullptr);
    v.Number("min", t.min, kOptional, &t.has_min, nullptr);
    v.Text("unit", t.unit, kRequired);
    v.Date("deadline", t.deadline, kOptional);
    v.Text("as_stated", t.as_stated, kOptional);
    v.Bool("no_amount", t.no_amount, kOptional);
}

JCM_FIELDS(ProgressReport) {
    v.Date("date", t.date, kRequired);
    v.Enum("status", t.status, kRequired, kStatusInfo);
    v.Number("percent", t.percent, kOptional, &t.has_percent, &kPercentRange);
    v.Number("achieved", t.achieved, kOptional, &t.has_achieved, &kAchievedRange);
    v.Text("note", t.note, kOptional);
    v.String("author", t.author, kOptional);
}

JCM_FIELDS(Goal) {
    v.String("id", t.id, kRequired);
    v.Ref("area", t.area, t.area_index, IdList::Areas, kRequired);
    v.Ref("category", t.category, t.category_index, IdList::Categories, kRequired);
    v.Enum("kind", t.kind, kRequired, kGoalKindInfo);
    v.Text("title", t.title, kRequired);
    v.String("quote", t.quote, kRequired);
    v.Object("target", t.target, kOptional, &t.has_target);
    v.Enum("status", t.status, kOptional, kStatusInfo);  // written always, as in the shipped file
    v.String("owner", t.owner, kOptional);
    v.List("progress", t.progress, kOptional, IdList::None);
}

JCM_FIELDS(Dataset) {
    v.Ignored("$schema", "lets editors find this schema; ignored by the app");
    v.Const("schema_version", t.schema_version, kSchemaVersion);
    v.String("id", t.id, kRequired);
    v.Text("title", t.title, kRequired);
    v.Text("city", t.city, kRequired);
    v.Date("as_of", t.as_of, kOptional);
    v.Object("source", t.source, kRequired, nullptr);
    v.Object("campaign", t.campaign, kRequired, nullptr);
    v.Object("boundary_source", t.boundary_source, kRequired, nullptr);
    v.List("area_kinds", t.area_kinds, kRequired, IdList::AreaKinds);
    v.List("categories", t.categories, kRequired, IdList::Categories);
    v.List("areas", t.areas, kRequired, IdList::Areas);
    v.List("goals", t.goals, kRequired, IdList::Goals);
}

#undef JCM_FIELDS

// Whether T has an `id` member (the elements of id lists do).
template <class T, class = void>
struct HasId : std::false_type {};
template <class T>
struct HasId<T, std::void_t<decltype(std::declval<T&>().id)>> : std::true_type {};

// The JSON member names of T's table, in order (for unknown-member warnings).
struct KeyCollector {
    std::vector<const char*> keys;
    template <class... A> void Const(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void Ignored(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void String(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void Ref(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void Text(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void Date(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void Number(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void Int(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void Bool(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void Enum(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void Color(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void Object(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void List(const char* k, A&&...) { keys.push_back(k); }
    template <class... A> void Geometry(const char* k, A&&...) { keys.push_back(k); }
};
template <class T>
const std::vector<const char*>& KeysOf() {
    static const std::vector<const char*> keys = [] {
        KeyCollector c;
        T t{};
        Fields(c, t);
        return c.keys;
    }();
    return keys;
}

// Calls f(const std::string&) for every string of the data a person can be shown: texts (both
// languages), quotes, names, notes, licence, ids and dates. Not enum ids, not coordinates.
template <class F>
class StringVisitor {
  public:
    // `lang`: the texts in that language only (as shown: Text::Get); `goals`: false skips them.
    explicit StringVisitor(F& f, const Lang* lang = nullptr, bool goals = true) : f_(f), lang_(lang), goals_(goals) {}
    template <class... A> void Const(const char*, A&&...) {}
    template <class... A> void Ignored(const char*, A&&...) {}
    template <class... A> void String(const char*, const std::string& s, A&&...) { f_(s); }
    template <class... A> void Ref(const char*, const std::string& s, A&&...) { f_(s); }
    template <class... A> void Text(const char*, const jcm::Text& t, A&&...) {
        if (lang_) {
            f_(t.Get(*lang_));
            return;
        }
        f_(t.zh);
        f_(t.en);
    }
    template <class... A> void Date(const char*, const std::string& s, A&&...) { f_(s); }
    template <class... A> void Number(const char*, A&&...) {}
    template <class... A> void Int(const char*, A&&...) {}
    template <class... A> void Bool(const char*, A&&...) {}
    template <class... A> void Enum(const char*, A&&...) {}
    template <class... A> void Color(const char*, A&&...) {}
    template <class... A> void Geometry(const char*, A&&...) {}
    template <class T, class... A> void Object(const char*, const T& t, A&&...) { Fields(*this, t); }
    template <class T, class... A> void List(const char*, const std::vector<T>& list, A&&...) {
        if (!goals_ && std::is_same<T, Goal>::value) return;
        for (const T& e : list) Fields(*this, e);
    }

  private:
    F& f_;
    const Lang* lang_;
    bool goals_;
};
template <class F>
void ForEachString(const Dataset& d, F f) {
    StringVisitor<F> v(f);
    Fields(v, d);
}

// As ForEachString, but the texts in `lang` only and nothing of the goals: what the city's
// overview and the map can show (the app bakes these glyphs first: ui/app.cpp BakeAppFonts).
template <class F>
void ForEachOverviewString(const Dataset& d, Lang lang, F f) {
    StringVisitor<F> v(f, &lang, /*goals=*/false);
    Fields(v, d);
}

}  // namespace jcm
