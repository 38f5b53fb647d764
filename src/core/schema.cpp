// schema.cpp: the data format's JSON Schema, a visit of the field tables (see schema.h).
//
// Each table entry becomes one property; required entries are listed in "required". What JSON
// Schema cannot say (unique ids, references, cycles, dates that exist, min <= value, ...) is
// listed in "$comment" and checked by the loader. The two cross-field rules it can say
// (a headline needs its quote; an area needs a geometry or a marker) are written out below,
// next to the explicit checks they mirror in load.cpp.
#include "core/schema.h"

#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/fields.h"
#include "core/load.h"

namespace jcm {
namespace {

using OJson = nlohmann::ordered_json;

OJson DefRef(const char* def) { return OJson{{"$ref", std::string("#/$defs/") + def}}; }

template <class T>
OJson ObjectSchema();

class SchemaWriter {
  public:
    OJson properties = OJson::object();
    OJson required = OJson::array();

    void Const(const char* key, int, int value) { Add(key, OJson{{"const", value}}, Need::Required); }
    void Ignored(const char* key, const char* description) {
        Add(key, OJson{{"type", "string"}, {"description", description}}, Need::Optional);
    }
    void String(const char* key, const std::string&, Need need) {
        Add(key, need == Need::Required ? DefRef("nonEmptyString") : OJson{{"type", "string"}}, need);
    }
    void Ref(const char* key, const std::string&, int, IdList, Need need) { Add(key, DefRef("id"), need); }
    void Text(const char* key, const jcm::Text&, Need need) { Add(key, DefRef("text"), need); }
    void Date(const char* key, const std::string&, Need need) {
        Add(key, DefRef(need == Need::Required ? "date" : "optionalDate"), need);
    }
    void Number(const char* key, double, Need need, const bool*, const Range* range) {
        Add(key, Ranged(OJson{{"type", "number"}}, range), need);
    }
    void Int(const char* key, int, Need need, const Range* range) {
        Add(key, Ranged(OJson{{"type", "integer"}}, range), need);
    }
    void Bool(const char* key, bool, Need need) { Add(key, OJson{{"type", "boolean"}}, need); }
    template <class E>
    void Enum(const char* key, E, Need need, const EnumInfo& info) {
        OJson ids = OJson::array();
        for (int i = 0; i < info.count; ++i) ids.push_back(info.ids[i]);
        Add(key, OJson{{"enum", ids}}, need);
    }
    void Color(const char* key, uint32_t, Need need) {
        Add(key, OJson{{"type", "string"}, {"pattern", "^#[0-9A-Fa-f]{6}$"}}, need);
    }
    template <class T>
    void Object(const char* key, const T&, Need need, const bool*) {
        Add(key, ObjectSchema<T>(), need);
    }
    template <class T>
    void List(const char* key, const std::vector<T>&, Need need, IdList list) {
        OJson s{{"type", "array"}};
        const LoadLimits limits;  // the defaults; jcm-validate and the app use them
        if (list == IdList::Areas) s["maxItems"] = limits.max_areas;
        if (list == IdList::Goals) s["maxItems"] = limits.max_goals;
        s["items"] = ObjectSchema<T>();
        Add(key, s, need);
    }
    void Geometry(const char* key, const std::vector<Polygon>&, const GeoTransform&, Need need) { Add(key, DefRef("geometry"), need); }

  private:
    static OJson Bound(double v) {  // 1, not 1.0, when it is a whole number
        return v == static_cast<double>(static_cast<int64_t>(v)) ? OJson(static_cast<int64_t>(v)) : OJson(v);
    }
    static OJson Ranged(OJson s, const Range* range) {
        if (range != nullptr) {
            s["minimum"] = Bound(range->min);
            s["maximum"] = Bound(range->max);
        }
        return s;
    }
    void Add(const char* key, OJson schema, Need need) {
        properties[key] = std::move(schema);
        if (need == Need::Required) required.push_back(key);
    }
};

// The cross-field rules JSON Schema can express (load.cpp CrossCheck has them as checks).
template <class T>
void AddRules(OJson&) {}
template <>
void AddRules<Area>(OJson& s) {
    s["dependentRequired"] = OJson{{"headline", OJson::array({"headline_quote"})}};
    s["anyOf"] = OJson::array({OJson{{"required", OJson::array({"geometry"})}},
                               OJson{{"required", OJson::array({"marker"})}}});
}

template <class T>
OJson ObjectSchema() {
    SchemaWriter w;
    const T t{};
    Fields(w, t);
    OJson s{{"type", "object"}};
    if (!w.required.empty()) s["required"] = std::move(w.required);
    s["properties"] = std::move(w.properties);
    AddRules<T>(s);
    return s;
}

// The value types every table shares.
OJson Definitions() {
    OJson d = OJson::object();
    d["nonEmptyString"] = OJson{{"type", "string"}, {"pattern", "[^ \\t\\r\\n]"}};
    d["id"] = DefRef("nonEmptyString");
    d["text"] = OJson{{"description", "bilingual text; zh required and non-empty, en optional (the app then shows zh)"},
                      {"type", "object"},
                      {"required", OJson::array({"zh"})},
                      {"properties", OJson{{"zh", DefRef("nonEmptyString")}, {"en", OJson{{"type", "string"}}}}}};
    d["date"] = OJson{{"type", "string"},
                      {"format", "date"},
                      {"pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"}};
    d["optionalDate"] = OJson{{"description", "a date, or null when the source does not state it"},
                              {"anyOf", OJson::array({DefRef("date"), OJson{{"type", "null"}}})}};
    d["position"] = OJson{
        {"description", "[lon, lat] in degrees; a third number (altitude) is allowed and ignored"},
        {"type", "array"},
        {"prefixItems", OJson::array({OJson{{"type", "number"}, {"minimum", -180}, {"maximum", 180}},
                                      OJson{{"type", "number"}, {"minimum", -90}, {"maximum", 90}}})},
        {"items", OJson{{"type", "number"}}},
        {"minItems", 2},
        {"maxItems", 3}};
    d["quantisedPosition"] = OJson{
        {"description", "with a transform: whole numbers; a ring's first position, then differences to the previous"},
        {"type", "array"},
        {"items", OJson{{"type", "integer"}}},
        {"minItems", 2},
        {"maxItems", 3}};
    d["transform"] = OJson{
        {"description", "coordinates are quantised: lon = (sum of the ring's x so far) * scale[0] + translate[0], lat likewise"},
        {"type", "object"},
        {"required", OJson::array({"scale", "translate"})},
        {"properties", OJson{{"scale", OJson{{"type", "array"},
                                             {"items", OJson{{"type", "number"}, {"exclusiveMinimum", 0}}},
                                             {"minItems", 2},
                                             {"maxItems", 2}}},
                             {"translate", OJson{{"type", "array"}, {"items", OJson{{"type", "number"}}}, {"minItems", 2}, {"maxItems", 2}}}}}};
    // Rings and polygons of degrees, and of quantised positions (with a transform).
    OJson shapes = OJson::array();
    for (const char* prefix : {"", "quantised"}) {
        const bool q = prefix[0] != '\0';
        const char* ring = q ? "quantisedRing" : "ring";
        const char* polygon = q ? "quantisedPolygon" : "polygon";
        d[ring] = OJson{{"type", "array"}, {"items", DefRef(q ? "quantisedPosition" : "position")}, {"minItems", 3}};
        d[polygon] = OJson{{"description", "first ring outer, the rest holes"}, {"type", "array"}, {"items", DefRef(ring)}, {"minItems", 1}};
        for (const char* type : {"Polygon", "MultiPolygon"}) {
            OJson coordinates = std::string(type) == "Polygon"
                                    ? DefRef(polygon)
                                    : OJson{{"type", "array"}, {"items", DefRef(polygon)}, {"minItems", 1}};
            OJson shape{{"properties", OJson{{"type", OJson{{"const", type}}}, {"coordinates", std::move(coordinates)}}}};
            if (q)
                shape["required"] = OJson::array({"transform"});
            else
                shape["not"] = OJson{{"required", OJson::array({"transform"})}};
            shapes.push_back(std::move(shape));
        }
    }
    d["geometry"] = OJson{
        {"type", "object"},
        {"required", OJson::array({"type", "coordinates"})},
        {"properties", OJson{{"type", OJson{{"enum", OJson::array({"Polygon", "MultiPolygon"})}}}, {"transform", DefRef("transform")}}},
        {"oneOf", std::move(shapes)}};
    return d;
}

}  // namespace

std::string DataFormatSchema() {
    OJson s{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
            {"title", "Jining Campaign Map dataset, schema version 1 / 数据格式第 1 版"},
            {"description",
             "One campaign dataset (docs/data-format.md). Generated from the field tables in src/core/fields.h "
             "(jcm-validate --emit-schema); do not edit by hand. Unknown fields are allowed here; jcm-validate "
             "reports them as warnings."},
            {"$comment",
             "Not expressible here, checked by jcm-validate (src/core/load.cpp): ids unique per list; area.kind, "
             "area.within, goal.area, goal.category name existing ids; an area is not within itself and there are "
             "no within cycles; dates are real calendar days; campaign.start <= campaign.end; target.min <= "
             "target.value; headline_quote is not blank when headline is given; each ring has >= 3 distinct points (a closing point "
             "equal to the first is optional); no duplicate object keys; at most 4,000,000 vertices; file at most "
             "64 MiB and 64 levels deep; valid UTF-8."}};
    OJson top = ObjectSchema<Dataset>();
    for (auto it = top.begin(); it != top.end(); ++it) s[it.key()] = it.value();
    s["$defs"] = Definitions();
    return s.dump(2) + "\n";
}

}  // namespace jcm
