// export.cpp: the dataset and local progress edits written back out (see export.h).
//
// Sections:
//   1. Numbers       - shortest round-trip decimal, laid out as JavaScript's Number#toString
//   2. JsonWriter    - 2-space indented output in the layout of data/campaign.json
//   3. DatasetToJson - the field tables (core/fields.h) visited by FieldWriter
//   4. ApplyEdits    - local reports merged into goals' progress
//   5. GoalsToCsv    - RFC 4180 CSV with BOM and CRLF, for Excel / WPS
//   6. Local edits   - EditsToJson / EditsFromJson (strict, never throws)
// Each section's helpers sit in the anonymous namespace first; the public functions follow, in
// the same order.
//
// The JSON layout deliberately matches what tools/import-boundaries.mjs writes (JSON.stringify
// with 2 spaces, each ring on one line, numbers as JavaScript prints them), so exporting the
// shipped file gives it back byte for byte and an exported file diffs cleanly against it.
#include "core/export.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <utility>

#include "core/fields.h"
#include "core/json_parse.h"
#include "core/text.h"
#include "core/utf8.h"

namespace jcm {
namespace {

using Json = nlohmann::json;

constexpr int kEditsSchemaVersion = 1;
constexpr size_t kMaxEditsBytes = 4u * 1024u * 1024u;  // browser storage is small; refuse more
constexpr int kMaxEditsDepth = 16;                      // the document is 4 levels deep

// ---- 1. Numbers -------------------------------------------------------------------------------
using detail::Decimal;
using detail::ShortestDecimal;

// JSON number for a finite double: shortest round-trip digits, laid out as ECMAScript's
// Number::toString (plain up to 21 integer digits, "0.000001", then 1e-7 / 1e+21 notation), so
// integers stay integers (100, never 1e+02). Non-finite values have no JSON form: "null" (the
// loader then reports a wrong type instead of the file silently holding something else).
void AppendNumber(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    if (v == 0) {  // also -0, which JSON readers turn into integer 0 anyway
        out += '0';
        return;
    }
    if (v < 0) {
        out += '-';
        v = -v;
    }
    const Decimal d = ShortestDecimal(v);
    const int k = d.count, n = d.point;
    const std::string_view digits(d.digits, static_cast<size_t>(k));
    if (k <= n && n <= 21) {
        out += digits;
        out.append(static_cast<size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, static_cast<size_t>(n));
        out += '.';
        out += digits.substr(static_cast<size_t>(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<size_t>(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += n - 1 >= 0 ? "e+" : "e-";
        out += std::to_string(std::abs(n - 1));
    }
}

void AppendEscapedByte(std::string& out, unsigned char c) {
    static constexpr char kHex[] = "0123456789abcdef";
    switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 15];
            } else {
                out += static_cast<char>(c);
            }
    }
}

// JSON string literal: `"`, `\` and control characters escaped as JSON.stringify does; UTF-8
// passed through. Bytes that are not well-formed UTF-8 (only possible in data built in code; the
// loader refuses them) become U+FFFD so the output is always a readable JSON file.
void AppendString(std::string& out, std::string_view s) {
    out += '"';
    size_t pos = 0;
    while (pos < s.size()) {
        const size_t bad = FindInvalidUtf8(s.substr(pos));
        const size_t end = bad == std::string_view::npos ? s.size() : pos + bad;
        for (size_t i = pos; i < end; ++i) AppendEscapedByte(out, static_cast<unsigned char>(s[i]));
        if (bad == std::string_view::npos) break;
        out += "\xEF\xBF\xBD";
        pos = end + 1;
    }
    out += '"';
}

// ---- 2. JsonWriter ----------------------------------------------------------------------------
// Emits pretty JSON: one member or element per line, 2-space indent, "[]"/"{}" when empty.
// Values that must stay on one line (rings) are appended whole through out().
class JsonWriter {
  public:
    std::string& out() { return out_; }

    void Open(char bracket) {
        out_ += bracket;
        first_.push_back(true);
    }
    void Close(char bracket) {
        const bool empty = first_.back();
        first_.pop_back();
        if (!empty) NewLine();
        out_ += bracket;
    }
    // Starts the next array element.
    void Item() {
        if (!first_.back()) out_ += ',';
        first_.back() = false;
        NewLine();
    }
    // Starts the next object member: `"key": `.
    void Key(const char* key) {
        Item();
        AppendString(out_, key);
        out_ += ": ";
    }

    void String(const char* key, const std::string& v) {
        Key(key);
        AppendString(out_, v);
    }
    void OptionalString(const char* key, const std::string& v) {
        if (!v.empty()) String(key, v);
    }
    void Number(const char* key, double v) {
        Key(key);
        AppendNumber(out_, v);
    }
    void Int(const char* key, long long v) {
        Key(key);
        out_ += std::to_string(v);
    }
    void Bool(const char* key, bool v) {
        Key(key);
        out_ += v ? "true" : "false";
    }
    void TextValue(const Text& t) {
        Open('{');
        String("zh", t.zh);
        OptionalString("en", t.en);
        Close('}');
    }
    void TextMember(const char* key, const Text& t) {
        Key(key);
        TextValue(t);
    }
    // An optional text is absent when both languages are empty (the loader needs a zh when present).
    void OptionalText(const char* key, const Text& t) {
        if (!t.Empty()) TextMember(key, t);
    }

  private:
    void NewLine() {
        out_ += '\n';
        out_.append(2 * first_.size(), ' ');
    }

    std::string out_;
    std::vector<bool> first_;  // per open bracket: nothing written inside yet
};

// ---- 3. DatasetToJson -------------------------------------------------------------------------
std::string ColorText(uint32_t abgr) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s = "#";
    for (int shift : {0, 8, 16}) {  // ABGR in memory order: R is the low byte
        const uint32_t byte = (abgr >> shift) & 0xffu;
        s += kHex[byte >> 4];
        s += kHex[byte & 15u];
    }
    return s;
}

// A ring on one line, closed again (GeoJSON requires the first point repeated at the end).
void AppendRing(std::string& out, const std::vector<LonLat>& ring) {
    out += '[';
    for (size_t i = 0; i <= ring.size(); ++i) {
        if (ring.empty()) break;
        const LonLat& p = ring[i < ring.size() ? i : 0];
        if (i > 0) out += ',';
        out += '[';
        AppendNumber(out, p.lon);
        out += ',';
        AppendNumber(out, p.lat);
        out += ']';
    }
    out += ']';
}

// Position `p` in whole numbers of `t` (docs/data-format.md, "Quantised boundaries"); false unless
// they decode back to exactly its degrees and are at most 2^30 (so each difference stays within
// the loader's 2^31).
bool Quantise(const LonLat& p, const GeoTransform& t, double q[2]) {
    const double deg[2] = {p.lon, p.lat};
    for (int k = 0; k < 2; ++k) {
        q[k] = std::round((deg[k] - t.translate[k]) / t.scale[k]);
        if (!(std::fabs(q[k]) <= 1073741824.0) || q[k] * t.scale[k] + t.translate[k] != deg[k]) return false;
    }
    return true;
}

// True if every position of `polygons` can be written quantised with `t`.
bool QuantisesExactly(const std::vector<Polygon>& polygons, const GeoTransform& t) {
    double q[2];
    for (const Polygon& poly : polygons)
        for (const auto& ring : poly.rings)
            for (const LonLat& p : ring)
                if (!Quantise(p, t, q)) return false;
    return true;
}

// A ring on one line as whole numbers of `t` (QuantisesExactly holds): the first position
// absolute, then differences, closed again as AppendRing does.
void AppendQuantisedRing(std::string& out, const std::vector<LonLat>& ring, const GeoTransform& t) {
    out += '[';
    double prev[2] = {0, 0}, q[2] = {0, 0};
    for (size_t i = 0; i <= ring.size(); ++i) {
        if (ring.empty()) break;
        Quantise(ring[i < ring.size() ? i : 0], t, q);
        if (i > 0) out += ',';
        out += '[';
        AppendNumber(out, q[0] - prev[0] + 0.0);  // + 0.0: never "-0"
        out += ',';
        AppendNumber(out, q[1] - prev[1] + 0.0);
        out += ']';
        prev[0] = q[0], prev[1] = q[1];
    }
    out += ']';
}

// `t`: quantised with it (QuantisesExactly holds), or nullptr: degrees.
void WritePolygonRings(JsonWriter& w, const Polygon& poly, const GeoTransform* t) {
    w.Open('[');
    for (const auto& ring : poly.rings) {
        w.Item();
        if (t != nullptr)
            AppendQuantisedRing(w.out(), ring, *t);
        else
            AppendRing(w.out(), ring);
    }
    w.Close(']');
}

// The writer's visitor of the field tables (core/fields.h): required members always, optional
// ones when given (a non-empty string or text, a set flag, a non-zero int or colour, a true
// bool, a non-empty list); enums always (the shipped file writes every goal's status).
class FieldWriter {
  public:
    explicit FieldWriter(JsonWriter& w) : w_(w) {}

    void Const(const char* key, int v, int) { w_.Int(key, v); }
    void Ignored(const char*, const char*) {}
    void String(const char* key, const std::string& v, Need need) {
        if (need == Need::Required) w_.String(key, v);
        else w_.OptionalString(key, v);
    }
    void Ref(const char* key, const std::string& id, int, IdList, Need need) { String(key, id, need); }
    void Date(const char* key, const std::string& v, Need need) { String(key, v, need); }
    void Text(const char* key, const jcm::Text& t, Need need) {
        if (need == Need::Required) w_.TextMember(key, t);
        else w_.OptionalText(key, t);
    }
    void Number(const char* key, double v, Need need, const bool* has, const Range*) {
        if (need == Need::Required || has == nullptr || *has) w_.Number(key, v);
    }
    void Int(const char* key, int v, Need need, const Range*) {
        if (need == Need::Required || v != 0) w_.Int(key, v);  // 0: not stated
    }
    void Bool(const char* key, bool v, Need need) {
        if (need == Need::Required || v) w_.Bool(key, v);  // absent means false
    }
    template <class E>
    void Enum(const char* key, E v, Need, const EnumInfo& info) {
        const int i = static_cast<int>(v);
        w_.String(key, info.ids[i >= 0 && i < info.count ? i : 0]);
    }
    void Color(const char* key, uint32_t v, Need) {
        if (v != 0) w_.String(key, ColorText(v));  // 0: the app's palette
    }
    template <class T>
    void Object(const char* key, const T& t, Need, const bool* has) {
        if (has != nullptr && !*has) return;
        w_.Key(key);
        w_.Open('{');
        Fields(*this, t);
        w_.Close('}');
    }
    template <class T>
    void List(const char* key, const std::vector<T>& list, Need need, IdList) {
        if (need == Need::Optional && list.empty()) return;
        w_.Key(key);
        w_.Open('[');
        for (const T& e : list) {
            w_.Item();
            w_.Open('{');
            Fields(*this, e);
            w_.Close('}');
        }
        w_.Close(']');
    }
    // Quantised as the file had it (the transform kept at load) when that is still exact, else
    // in degrees.
    void Geometry(const char* key, const std::vector<Polygon>& polygons, const GeoTransform& transform, Need) {
        if (polygons.empty()) return;
        w_.Key(key);
        w_.Open('{');
        const bool multi = polygons.size() > 1;
        w_.String("type", multi ? "MultiPolygon" : "Polygon");
        const GeoTransform* t = transform.Set() && QuantisesExactly(polygons, transform) ? &transform : nullptr;
        if (t != nullptr) {
            const auto pair = [this](const char* k, const double v[2]) {
                w_.Key(k);
                w_.out() += '[';
                AppendNumber(w_.out(), v[0]);
                w_.out() += ", ";
                AppendNumber(w_.out(), v[1]);
                w_.out() += ']';
            };
            w_.Key("transform");
            w_.Open('{');
            pair("scale", t->scale);
            pair("translate", t->translate);
            w_.Close('}');
        }
        w_.Key("coordinates");
        if (multi) {
            w_.Open('[');
            for (const Polygon& poly : polygons) {
                w_.Item();
                WritePolygonRings(w_, poly, t);
            }
            w_.Close(']');
        } else {
            WritePolygonRings(w_, polygons.front(), t);
        }
        w_.Close('}');
    }

  private:
    JsonWriter& w_;
};

// ---- 5. GoalsToCsv helpers --------------------------------------------------------------------
const char* StatusWord(Status s, Lang lang) {
    const bool zh = lang == Lang::Zh;
    switch (s) {
        case Status::Green: return zh ? "正常推进" : "On track";
        case Status::Yellow: return zh ? "存在风险" : "At risk";
        case Status::Red: return zh ? "严重滞后" : "Off track";
        case Status::Done: return zh ? "已完成" : "Done";
        case Status::NotReported: break;
    }
    return zh ? "暂无报告" : "No report yet";
}

// Same words as the UI (src/ui/strings.cpp), which core cannot include.
const char* KindWord(GoalKind kind, Lang lang) {
    const bool zh = lang == Lang::Zh;
    switch (kind) {
        case GoalKind::Action: break;
        case GoalKind::Target: return zh ? "量化指标" : "Quantified target";
        case GoalKind::Project: return zh ? "项目" : "Project";
        case GoalKind::Programme: return zh ? "工作体系" : "Programme";
    }
    return zh ? "工作举措" : "Action";
}

// One CSV field. Quoted when it holds a comma, quote, CR or LF (quotes doubled). Free text that
// a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe: the data
// file and edits come from outside, and "=HYPERLINK(...)" in a note must stay text.
void AppendCsvField(std::string& out, std::string_view v, bool is_text) {
    std::string field;
    if (is_text && !v.empty() && std::string_view("=+-@\t\r").find(v[0]) != std::string_view::npos) {
        field += '\'';
    }
    field += v;
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// ---- 6. Local edits helpers -------------------------------------------------------------------

bool IsBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Reads one edit; on failure says which field of edit #index is wrong.
class EditReader {
  public:
    EditReader(const Json& obj, size_t index) : obj_(obj), where_(std::to_string(index + 1)) {}
    std::string error;

    const Json* Find(const char* key) const {
        const auto* members = obj_.get_ptr<const Json::object_t*>();
        if (members == nullptr) return nullptr;
        auto it = members->find(key);
        return it == members->end() ? nullptr : &it->second;
    }

    bool Fail(const char* key, const std::string& zh, const std::string& en) {
        error = "第 " + where_ + " 条修改的 \"" + key + "\" " + zh + " / edit " + where_ + ": \"" + key + "\" " + en;
        return false;
    }

    // A string; required ones must be present and not blank.
    bool String(const char* key, std::string* out, bool required) {
        const Json* v = Find(key);
        if (v == nullptr) return !required || Fail(key, "缺失", "is missing");
        const auto* s = v->get_ptr<const Json::string_t*>();
        if (s == nullptr) return Fail(key, "应为字符串", "must be a string");
        if (required && IsBlank(*s)) return Fail(key, "不能为空", "must not be empty");
        *out = *s;
        return true;
    }

    // An optional number in `range` (the data format's, core/fields.h; `has`: it was given).
    bool Number(const char* key, double* out, bool* has, const Range& range) {
        const Json* v = Find(key);
        if (v == nullptr) return true;
        if (!v->is_number()) return Fail(key, "应为数字", "must be a number");
        *out = v->get<double>();
        if (!std::isfinite(*out) || *out < range.min || *out > range.max) {
            const std::string value = std::isfinite(*out) ? FormatNumber(*out, Lang::En) : std::string("inf");
            return Fail(key, range.zh + value, range.en + value);
        }
        *has = true;
        return true;
    }

    bool TextField(const char* key, Text* out) {
        const Json* v = Find(key);
        if (v == nullptr) return true;
        if (!v->is_object()) return Fail(key, "应为 {\"zh\", \"en\"} 对象", "must be an object {\"zh\", \"en\"}");
        EditReader t(*v, 0);
        if (!t.String("zh", &out->zh, true) || !t.String("en", &out->en, false)) {
            return Fail(key, "需要非空的 zh 字符串，en 可选", "needs a non-empty zh string; en is optional");
        }
        return true;
    }

    bool Read(LocalEdit* e) {
        if (!obj_.is_object()) {
            error = "第 " + where_ + " 条修改不是对象 / edit " + where_ + " is not an object";
            return false;
        }
        ProgressReport& r = e->report;
        std::string status;
        if (!String("goal", &e->goal_id, true) || !String("date", &r.date, true) ||
            !String("status", &status, true)) {
            return false;
        }
        if (!IsIsoDate(r.date)) return Fail("date", "应为 YYYY-MM-DD 格式的真实日期", "must be a real date YYYY-MM-DD");
        if (!ParseStatus(status, &r.status)) {
            return Fail("status", "应为 not_reported、green、yellow、red 或 done",
                        "must be not_reported, green, yellow, red or done");
        }
        return Number("percent", &r.percent, &r.has_percent, kPercentRange) && Number("achieved", &r.achieved, &r.has_achieved, kAchievedRange) &&
               TextField("note", &r.note) && String("author", &r.author, false);
    }

  private:
    const Json& obj_;
    std::string where_;
};

}  // namespace

// ---- 3. DatasetToJson (public) ----------------------------------------------------------------
std::string DatasetToJson(const Dataset& data) {
    // Boundaries are most of the text (~40 bytes a vertex): one allocation instead of many.
    size_t vertices = 0;
    for (const Area& a : data.areas) {
        for (const Polygon& p : a.polygons) {
            for (const auto& ring : p.rings) vertices += ring.size() + 1;
        }
    }
    JsonWriter w;
    w.out().reserve(64 * 1024 + 40 * vertices);
    FieldWriter fields(w);
    w.Open('{');
    Fields(fields, data);
    w.Close('}');
    w.out() += '\n';
    return std::move(w.out());
}

// ---- 4. ApplyEdits ----------------------------------------------------------------------------
Dataset ApplyEdits(const Dataset& data, const std::vector<LocalEdit>& edits, int* skipped) {
    Dataset out = data;
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < out.goals.size(); ++i) index.emplace(out.goals[i].id, i);  // first wins, as lookups do
    int unknown = 0;
    for (const LocalEdit& e : edits) {
        auto it = index.find(e.goal_id);
        if (it == index.end()) {
            ++unknown;
            continue;
        }
        Goal& g = out.goals[it->second];
        auto& progress = g.progress;
        // One report per day after an edit: the official's latest word for that date replaces
        // whatever was recorded for it (in the file or by an earlier edit).
        progress.erase(std::remove_if(progress.begin(), progress.end(),
                                      [&](const ProgressReport& r) { return r.date == e.report.date; }),
                       progress.end());
        auto at = std::upper_bound(progress.begin(), progress.end(), e.report.date,
                                   [](const std::string& date, const ProgressReport& r) { return date < r.date; });
        progress.insert(at, e.report);
        g.status = progress.back().status;
    }
    if (skipped != nullptr) *skipped = unknown;
    return out;
}

// ---- 5. GoalsToCsv ----------------------------------------------------------------------------
std::string GoalsToCsv(const Dataset& data, Lang lang) {
    static constexpr const char* kHeaderZh[] = {"编号", "区域编号", "区域", "分类", "类型", "标题",
                                                "Title (English)", "指标", "单位", "期限", "状态",
                                                "最新进展日期", "完成度", "完成量", "说明", "填报人", "原文"};
    static constexpr const char* kHeaderEn[] = {"ID", "Area ID", "Area", "Category", "Type", "Title (Chinese)",
                                                "Title (English)", "Target", "Unit", "Deadline", "Status",
                                                "Latest report", "Percent", "Done so far", "Note", "Reported by", "Quote (Chinese)"};
    std::string out = "\xEF\xBB\xBF";
    bool first = true;
    for (const char* h : lang == Lang::Zh ? kHeaderZh : kHeaderEn) {
        if (!first) out += ',';
        first = false;
        AppendCsvField(out, h, false);
    }
    out += "\r\n";

    for (const Goal& g : data.goals) {
        const int area = g.area_index;  // resolved at load
        const int category = g.category_index;
        std::string target;
        if (g.has_target) {
            // As the app shows it (core/text.h): "1–2", not "1-2", which Excel and WPS turn into a date.
            target = g.target.has_min ? FormatRange(g.target.min, g.target.value, lang) : FormatNumber(g.target.value, lang);
        }
        const ProgressReport* latest = g.progress.empty() ? nullptr : &g.progress.back();
        const std::string fields[] = {
            g.id,
            g.area,
            area >= 0 && static_cast<size_t>(area) < data.areas.size() ? data.areas[static_cast<size_t>(area)].name.Get(lang) : std::string(),
            category >= 0 && static_cast<size_t>(category) < data.categories.size() ? data.categories[static_cast<size_t>(category)].name.Get(lang) : g.category,
            KindWord(g.kind, lang),
            g.title.zh,
            g.title.en,
            target,
            g.has_target ? g.target.unit.Get(lang) : std::string(),
            g.has_target ? g.target.deadline : std::string(),
            StatusWord(g.status, lang),
            latest != nullptr ? latest->date : std::string(),
            latest != nullptr && latest->has_percent ? FormatNumber(latest->percent, lang) : std::string(),
            latest != nullptr && latest->has_achieved ? FormatNumber(latest->achieved, lang) : std::string(),  // in the target's unit
            latest != nullptr ? latest->note.Get(lang) : std::string(),
            latest != nullptr ? latest->author : std::string(),
            g.quote,
        };
        // Columns we compute (numbers, dates, ids, fixed words) are not free text.
        static constexpr bool kIsText[] = {true, true, true, true, false, true, true, false,
                                           true, false, false, false, false, false, true, true, true};
        static_assert(sizeof kIsText / sizeof kIsText[0] == sizeof fields / sizeof fields[0], "one flag per column");
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; ++i) {
            if (i > 0) out += ',';
            AppendCsvField(out, fields[i], kIsText[i]);
        }
        out += "\r\n";
    }
    return out;
}

// ---- 6. Local edits ---------------------------------------------------------------------------
std::string EditsToJson(const std::string& dataset_id, const std::vector<LocalEdit>& edits) {
    JsonWriter w;
    w.Open('{');
    w.Int("schema_version", kEditsSchemaVersion);
    w.String("dataset", dataset_id);
    w.Key("edits");
    w.Open('[');
    for (const LocalEdit& e : edits) {
        const ProgressReport& r = e.report;
        w.Item();
        w.Open('{');
        w.String("goal", e.goal_id);
        w.String("date", r.date);
        w.String("status", StatusId(r.status));
        if (r.has_percent && std::isfinite(r.percent)) w.Number("percent", r.percent);
        if (r.has_achieved && std::isfinite(r.achieved)) w.Number("achieved", r.achieved);
        w.OptionalText("note", r.note);
        w.OptionalString("author", r.author);
        w.Close('}');
    }
    w.Close(']');
    w.Close('}');
    w.out() += '\n';
    return std::move(w.out());
}

bool EditsFromJson(std::string_view text, const std::string& dataset_id, std::vector<LocalEdit>* edits,
                   std::string* error) {
    auto fail = [&](std::string why) {
        if (error != nullptr) *error = "本地修改记录无法读取 / local edits could not be read: " + std::move(why);
        return false;
    };
    if (text.size() > kMaxEditsBytes) {
        return fail("超过 4 MiB / larger than 4 MiB (" + std::to_string(text.size()) + " bytes)");
    }
    // The loader's strict parser: no throw, capped depth, duplicate keys and bad UTF-8 refused.
    LoadLimits limits;
    limits.max_bytes = kMaxEditsBytes;
    limits.max_depth = kMaxEditsDepth;
    Json root;
    std::vector<Problem> problems;
    const bool parsed = detail::ParseJsonStrict(text, "edits", limits, &root, &problems);
    for (const Problem& p : problems) {
        if (p.severity == Severity::Error) return fail(FormatProblem(p, Lang::Zh) + " / " + FormatProblem(p, Lang::En));
    }
    if (!parsed) return fail("不是有效的 JSON / not valid JSON");
    if (!root.is_object()) return fail("应为 JSON 对象 / expected a JSON object");

    const auto& top = *root.get_ptr<const Json::object_t*>();
    auto version = top.find("schema_version");
    if (version == top.end() || !version->second.is_number_integer() || version->second.get<int64_t>() != kEditsSchemaVersion) {
        return fail("schema_version 应为 1 / schema_version must be 1");
    }
    auto dataset = top.find("dataset");
    if (dataset == top.end() || !dataset->second.is_string()) {
        return fail("缺少数据集编号 dataset / missing the dataset id \"dataset\"");
    }
    const std::string& for_id = *dataset->second.get_ptr<const Json::string_t*>();
    if (for_id != dataset_id) {
        return fail("这些修改属于数据集 \"" + for_id + "\"，而不是 \"" + dataset_id + "\" / these edits are for dataset \"" +
                    for_id + "\", not \"" + dataset_id + "\"");
    }
    auto list = top.find("edits");
    if (list == top.end() || !list->second.is_array()) return fail("缺少 edits 数组 / missing the \"edits\" array");

    std::vector<LocalEdit> result;
    result.reserve(list->second.size());
    size_t i = 0;
    for (const Json& item : list->second) {
        LocalEdit e;
        EditReader reader(item, i++);
        if (!reader.Read(&e)) return fail(reader.error);
        result.push_back(std::move(e));
    }
    if (edits != nullptr) *edits = std::move(result);
    return true;
}

}  // namespace jcm
