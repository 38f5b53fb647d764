// json_parse.cpp: see json_parse.h.
//
// Sections:
//   1. CountingIterator  - feeds nlohmann the text and tells us how far its lexer has read
//   2. PathTracker       - the RFC 6901 pointer of the value being parsed, kept incrementally
//   3. PositionedSax     - base of our SAX handlers: byte offset where each token starts
//   4. DomBuilder        - the SAX handler that builds the DOM, caps depth, flags duplicate keys,
//                          packs boundary rings out of it
//   5. Syntax messages   - nlohmann's English error -> a Chinese + English Text
//   6. RingPrereader     - rings read ahead of the parse, in slices
//   7. ParseJsonStrict
//   8. LocatePointers
#include "core/json_parse.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <unordered_map>
#include <utility>

#include "core/number_scan.h"
#include "core/utf8.h"

namespace jcm::detail {
namespace {

using Json = nlohmann::json;

// Beyond this many duplicate keys the parser stops reporting them (the loader caps the rest).
constexpr size_t kMaxParseProblems = 1000;

// ---- 1. CountingIterator ----------------------------------------------------------------------
// nlohmann's iterator adapter holds a copy of the begin iterator and advances it. Every copy reads
// and advances one shared cursor (`*cur`), so SAX callbacks see how many bytes the lexer has
// consumed, and DomBuilder can move the cursor past coordinates it has read itself (FastRings).
// The end iterator is a fixed position.
class CountingIterator {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    explicit CountingIterator(const char** cur) : cur_(cur) {}
    explicit CountingIterator(const char* end) : end_(end) {}
    reference operator*() const { return **cur_; }
    CountingIterator& operator++() {
        ++*cur_;
        return *this;
    }
    bool operator==(const CountingIterator& o) const { return Pos() == o.Pos(); }
    bool operator!=(const CountingIterator& o) const { return Pos() != o.Pos(); }

  private:
    const char* Pos() const { return cur_ != nullptr ? *cur_ : end_; }
    const char** cur_ = nullptr;
    const char* end_ = nullptr;
};

// ---- 2. PathTracker ---------------------------------------------------------------------------
class PathTracker {
  public:
    // Called for every value before it is handled: inside an array it gets the next index.
    void Value() {
        if (frames_.empty() || !frames_.back().is_array) return;  // keys set object members
        Frame& f = frames_.back();
        pointer_.resize(f.base_len);
        pointer_ += '/';
        pointer_ += std::to_string(f.next_index++);
    }
    void Key(std::string_view key) {
        if (frames_.empty()) return;
        pointer_.resize(frames_.back().base_len);
        pointer_ += '/';
        pointer_ += EscapePointerToken(key);
    }
    void Push(bool is_array) { frames_.push_back({is_array, 0, pointer_.size()}); }
    void Pop() {
        if (frames_.empty()) return;
        pointer_.resize(frames_.back().base_len);
        frames_.pop_back();
    }
    size_t Depth() const { return frames_.size(); }
    const std::string& Pointer() const { return pointer_; }

  private:
    struct Frame {
        bool is_array;
        size_t next_index;
        size_t base_len;  // length of the container's own pointer
    };
    std::vector<Frame> frames_;
    std::string pointer_;
};

// ---- 3. PositionedSax -------------------------------------------------------------------------
// At a SAX event the lexer has read the token (plus, after a number, one look-ahead byte, which
// is never the start of a token in valid JSON). So a token starts at the first byte after the
// previous event's end that is not whitespace, ',' or ':'.
class PositionedSax {
  protected:
    explicit PositionedSax(std::string_view text) : text_(text), live_(text.data()) {
        if (HasUtf8Bom(text)) last_end_ = 3;
    }
    CountingIterator Begin() { return CountingIterator(&live_); }
    CountingIterator End() { return CountingIterator(text_.data() + text_.size()); }

    size_t TokenStart() const {
        size_t i = last_end_;
        while (i < text_.size()) {
            const char c = text_[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
            ++i;
        }
        return i;
    }
    void TokenDone() { last_end_ = static_cast<size_t>(live_ - text_.data()); }

    std::string_view text_;
    const char* live_;  // the lexer's cursor (CountingIterator)
    size_t last_end_ = 0;
    PathTracker path_;
};

// ---- 3b. FastRings ----------------------------------------------------------------------------
// Reads the body of a geometry's "coordinates" array straight from the text, several times faster
// than nlohmann's lexer (which copies every number into a string for strtod) and SAX events. It
// takes only the regular shapes of a Polygon or MultiPolygon: non-empty arrays of arrays down to
// rings whose elements are all [number, number]. On anything else (another value, an empty array,
// a position of one or three numbers, a syntax error, a non-finite number, the depth cap) it gives
// up and changes nothing, and nlohmann parses the array as before; so every problem is found and
// reported by that one path. What it builds is what DomBuilder would have: DOM arrays above the
// rings, a packed-ring marker for each ring (json_parse.h), numbers converted as nlohmann and
// FiniteNumber convert them (tests/unit/test_load.cpp, "packed coordinates", compare the two).
Json PackedRingMarker(size_t index);

class FastRings {
  public:
    // p: just after the coordinates array's '['; levels: how many more levels of nesting the
    // depth cap allows below it.
    FastRings(const char* p, const char* end, int levels, PackedRings* packed)
        : p_(p), end_(end), levels_(levels), packed_(packed) {}

    // The array's elements into *out (an array); *close: its ']' (not consumed). False if given up.
    bool Run(Json* out, const char** close) {
        const size_t rings_before = packed_->rings.size();
        Json body(Json::value_t::array);
        if (!Elements(0, &body)) {
            packed_->rings.resize(rings_before);
            return false;
        }
        *out = std::move(body);
        *close = p_;
        return true;
    }

  private:
    void Space() { p_ = SkipSpace(p_, end_); }
    bool Peek(char c) {
        Space();
        return p_ < end_ && *p_ == c;
    }

    // The elements of an array at `level` below the coordinates (0: the coordinates array), each
    // an array: a ring when the first is a position (level >= 1), else arrays of arrays. Stops at
    // the array's ']', which the caller consumes.
    bool Elements(int level, Json* out) {
        auto& arr = out->get_ref<Json::array_t&>();
        do {
            if (!Peek('[') || level + 1 > levels_) return false;
            ++p_;
            Json child(Json::value_t::array);
            if (!Array(level + 1, &child)) return false;
            arr.push_back(std::move(child));
        } while (Comma());
        return Peek(']');
    }

    // An array at `level`, its '[' consumed; consumes its ']'.
    bool Array(int level, Json* out) {
        if (level + 1 <= levels_) {  // a ring: every element a position (number_scan.h)
            // Read into the scratch ring, then copied at its size: one allocation a ring, not a
            // vector grown and then shrunk (a third of reading a 20 MB map in wasm went there).
            std::vector<LonLat>& ring = packed_->scratch;
            ring.clear();
            const char* next = nullptr;
            const int read = ScanPositions(p_, end_, &ring, &next);
            if (read < 0) return false;
            if (read > 0) {
                p_ = next;
                if (!Peek(']')) return false;
                ++p_;
                *out = PackedRingMarker(packed_->rings.size());
                packed_->rings.push_back(ring);  // a copy: exactly its size
                return true;
            }
        }
        if (!Elements(level, out)) return false;
        ++p_;
        return true;
    }

    bool Comma() {
        if (!Peek(',')) return false;
        ++p_;
        return true;
    }

    const char* p_;
    const char* end_;
    int levels_;
    PackedRings* packed_;
};

// ---- 4. DomBuilder ----------------------------------------------------------------------------
// Where a geometry's coordinates are, a token of the JSON pointer each ("": an array's index);
// the DOM builder packs the rings found there, and RingPrereader reads them ahead.
constexpr std::string_view kCoordinatesPath[] = {"areas", "", "geometry", "coordinates"};

Text SyntaxMessage(const std::string& what, std::string_view text, size_t offset);

// The marker a packed ring leaves in the DOM: a binary value (JSON text never yields one) with
// this subtype, holding the ring's index in PackedRings as 8 bytes.
constexpr std::uint8_t kPackedRingSubtype = 0x4a;

Json PackedRingMarker(size_t index) {
    const auto i = static_cast<std::uint64_t>(index);
    std::vector<std::uint8_t> bytes(sizeof i);
    std::memcpy(bytes.data(), &i, sizeof i);
    return Json::binary(std::move(bytes), kPackedRingSubtype);
}

// Builds the DOM; with PackedRings, packs boundary rings as json_parse.h describes. Packing works
// one array at a time, on the array at the top of stack_ (the "ring"): while it is empty or
// packed, an array opened in it is held back as a position candidate (in_pos_, its numbers in
// pos_) instead of becoming a DOM node; it is packed when it closes with exactly two finite
// numbers. Anything else turns the candidate into a DOM array (with the numbers it has had), and
// the ring, if packed, back into DOM, before the event is handled as usual.
class DomBuilder : public PositionedSax {
  public:
    DomBuilder(std::string_view text, int max_depth, Json* root, PackedRings* packed, RingPrereader* ahead)
        : PositionedSax(text), max_depth_(max_depth), root_(root), packed_(packed), ahead_(ahead) {}

    bool Run() {
        return Json::sax_parse(Begin(), End(), this, nlohmann::json::input_format_t::json,
                               /*strict=*/true, /*ignore_comments=*/false);
    }

    // Problems found while parsing, each with the byte offset it is about.
    struct Found {
        Problem problem;
        size_t offset;
    };
    std::vector<Found>& found() { return found_; }

    // -- the SAX interface nlohmann requires --
    bool null() { return Scalar(Json(nullptr)); }
    bool boolean(bool v) { return Scalar(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return Number(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return Number(Json(v)); }
    bool number_float(Json::number_float_t v, const Json::string_t& /*text*/) { return Number(Json(v)); }
    bool string(Json::string_t& v) { return Scalar(Json(std::move(v))); }
    bool binary(Json::binary_t& /*v*/) { return false; }  // JSON text never yields binary
    bool start_object(std::size_t /*len*/) { return Open(Json::value_t::object, false); }
    bool start_array(std::size_t /*len*/) { return Open(Json::value_t::array, true); }
    bool end_object() { return Close(); }
    bool end_array() { return in_pos_ ? ClosePosition() : Close(); }

    bool key(Json::string_t& k) {
        const size_t start = TokenStart();
        path_.Key(k);
        Json::object_t* obj = stack_.empty() ? nullptr : stack_.back()->get_ptr<Json::object_t*>();
        if (obj == nullptr) return false;  // cannot happen with nlohmann's parser; stop safely
        auto [it, inserted] = obj->try_emplace(k);
        if (!inserted) {
            // Last one wins, as in JavaScript; the first is lost, so it is an error in our data.
            it->second = Json();
            if (duplicates_++ < kMaxParseProblems) {
                Add(start, Text{"重复的键 \"" + k + "\"：同一对象中出现两次，前一个值被忽略",
                                "duplicate key \"" + k + "\": it appears twice in one object; the first value is ignored"});
            }
        }
        slot_ = &it->second;
        TokenDone();
        return true;
    }

    template <class Exception>
    bool parse_error(std::size_t position, const std::string& /*last_token*/, const Exception& ex) {
        // nlohmann's position counts the byte it stopped at (1-based), not the bytes FastRings
        // read; past the end means EOF.
        position += skipped_;
        size_t offset = position > 0 ? position - 1 : 0;
        if (offset > text_.size()) offset = text_.size();
        Add(offset, SyntaxMessage(ex.what(), text_, offset), /*pointer=*/false);
        return false;
    }

  private:
    static constexpr size_t kNone = static_cast<size_t>(-1);

    bool Scalar(Json&& v) {
        if (in_pos_) {
            MaterializePosition();  // a third number, or no number: not a [lon, lat] position
        } else {
            Unpack();
        }
        path_.Value();
        Place(std::move(v));
        TokenDone();
        return true;
    }

    bool Number(Json&& v) {
        if (in_pos_ && pos_count_ < 2) {  // a coordinate of a position candidate
            path_.Value();
            pos_[pos_count_++] = std::move(v);
            TokenDone();
            return true;
        }
        return Scalar(std::move(v));
    }

    bool Open(Json::value_t type, bool is_array) {
        const size_t start = TokenStart();
        if (in_pos_) MaterializePosition();  // something nested in a position: it is no position
        path_.Value();
        if (path_.Depth() + 1 > static_cast<size_t>(max_depth_ < 0 ? 0 : max_depth_)) {
            Add(start, Text{"嵌套过深：超过 " + std::to_string(max_depth_) + " 层",
                            "nested too deeply: more than " + std::to_string(max_depth_) + " levels"});
            return false;
        }
        if (is_array && CanPackIntoTop()) {
            in_pos_ = true;
            pos_count_ = 0;
        } else {
            Unpack();
            stack_.push_back(Place(Json(type)));
            if (is_array && packed_ != nullptr && coordinates_ == kNone && IsCoordinatesPointer(path_.Pointer())) {
                coordinates_ = stack_.size() - 1;
            }
        }
        path_.Push(is_array);
        if (coordinates_ != kNone && coordinates_ == stack_.size() - 1 && !in_pos_) FastCoordinates();
        TokenDone();
        return true;
    }

    // A geometry's "coordinates" array has just opened: FastRings reads its body if it can (or
    // has, ahead: RingPrereader), and the lexer goes on at its closing ']' (nlohmann then sees an
    // empty array).
    void FastCoordinates() {
        const int levels = max_depth_ - static_cast<int>(path_.Depth());
        const char* close = nullptr;
        if (RingPrereader::Array* read = ReadAhead(levels)) {
            if (read->close == 0) return;  // FastRings gave up there: nlohmann reads it
            *stack_.back() = std::move(read->body);
            close = text_.data() + read->close;
        } else {
            FastRings fast(live_, text_.data() + text_.size(), levels, packed_);
            if (!fast.Run(stack_.back(), &close)) return;
        }
        skipped_ += static_cast<size_t>(close - live_);
        live_ = close;
    }

    // The array read ahead at the lexer's place, if any (the arrays come in text order, as the
    // parse finds them; one the parse never reaches is passed over).
    RingPrereader::Array* ReadAhead(int levels) {
        if (ahead_ == nullptr) return nullptr;
        const size_t at = static_cast<size_t>(live_ - text_.data());
        std::vector<RingPrereader::Array>& arrays = ahead_->arrays;
        while (ahead_next_ < arrays.size() && arrays[ahead_next_].offset < at) ++ahead_next_;
        if (ahead_next_ == arrays.size() || arrays[ahead_next_].offset != at || arrays[ahead_next_].levels != levels) return nullptr;
        return &arrays[ahead_next_++];
    }

    bool Close() {
        if (packed_top_ != kNone) {  // the packed ring is complete
            packed_->rings[packed_top_].shrink_to_fit();
            packed_top_ = kNone;
        }
        if (!stack_.empty()) {
            if (coordinates_ == stack_.size() - 1) coordinates_ = kNone;
            stack_.pop_back();
        }
        path_.Pop();
        TokenDone();
        return true;
    }

    // The end of a position candidate: packed if it had exactly two finite numbers.
    bool ClosePosition() {
        double lon = 0, lat = 0;
        if (pos_count_ == 2 && FiniteNumber(pos_[0], &lon) && FiniteNumber(pos_[1], &lat)) {
            if (packed_top_ == kNone) {  // the ring's first position: the ring leaves the DOM
                packed_top_ = packed_->rings.size();
                packed_->rings.emplace_back();
                *stack_.back() = PackedRingMarker(packed_top_);
            }
            packed_->rings[packed_top_].push_back(LonLat{lon, lat});
            in_pos_ = false;
            path_.Pop();
            TokenDone();
            return true;
        }
        MaterializePosition();
        return Close();
    }

    // Whether an array opened now may be a position of a packed ring: the top of the stack is an
    // empty or packed array at least one level below a geometry's "coordinates".
    bool CanPackIntoTop() const {
        if (packed_ == nullptr || coordinates_ == kNone || stack_.size() - 1 <= coordinates_) return false;
        if (packed_top_ != kNone) return true;
        const auto* arr = stack_.back()->get_ptr<const Json::array_t*>();
        return arr != nullptr && arr->empty();
    }

    // /areas/<digits>/geometry/coordinates (kCoordinatesPath)
    static bool IsCoordinatesPointer(const std::string& p) {
        size_t at = 0;
        for (std::string_view want : kCoordinatesPath) {
            if (at >= p.size() || p[at] != '/') return false;
            const size_t end = std::min(p.find('/', at + 1), p.size());
            const std::string_view token(p.data() + at + 1, end - at - 1);
            if (want.empty() ? token.empty() || token.find_first_not_of("0123456789") != std::string_view::npos : token != want) return false;
            at = end;
        }
        return at == p.size();
    }

    // The packed ring on top of the stack, if any, back into DOM (something other than a
    // [number, number] position is about to go into it).
    void Unpack() {
        if (packed_top_ == kNone) return;
        std::vector<LonLat>& ring = packed_->rings[packed_top_];
        *stack_.back() = UnpackRing(ring);
        std::vector<LonLat>().swap(ring);
        packed_top_ = kNone;
    }

    // The position candidate becomes a DOM array (with the numbers it has had) on the stack.
    void MaterializePosition() {
        Unpack();
        Json arr(Json::value_t::array);
        for (size_t i = 0; i < pos_count_; ++i) arr.push_back(std::move(pos_[i]));
        stack_.push_back(Place(std::move(arr)));
        in_pos_ = false;
    }

    // Puts a value where the parse is: the root, the end of the open array, or the member whose
    // key came last. Pointers on stack_ stay valid: a container only grows while it is on top.
    Json* Place(Json&& v) {
        if (stack_.empty()) {
            *root_ = std::move(v);
            return root_;
        }
        if (auto* arr = stack_.back()->get_ptr<Json::array_t*>()) {
            arr->push_back(std::move(v));
            return &arr->back();
        }
        *slot_ = std::move(v);
        return slot_;
    }

    void Add(size_t offset, Text message, bool pointer = true) {
        Problem p;
        p.severity = Severity::Error;
        if (pointer) p.pointer = path_.Pointer();
        p.message = std::move(message);
        found_.push_back({std::move(p), offset});
    }

    int max_depth_;
    Json* root_;
    std::vector<Json*> stack_;
    Json* slot_ = nullptr;
    size_t duplicates_ = 0;
    std::vector<Found> found_;
    size_t skipped_ = 0;  // bytes FastRings read, which nlohmann's lexer never saw

    // Packing (all unused without PackedRings).
    PackedRings* packed_;
    size_t coordinates_ = kNone;  // index in stack_ of the open geometry "coordinates" array
    size_t packed_top_ = kNone;   // the top of stack_ is packed: its index in packed_->rings
    bool in_pos_ = false;         // a position candidate is open (it has no DOM node)
    size_t pos_count_ = 0;
    Json pos_[2];

    RingPrereader* ahead_;    // rings read ahead, or null
    size_t ahead_next_ = 0;   // the first of its arrays not yet passed
};

// ---- 5. Syntax messages -----------------------------------------------------------------------
bool Contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

// What nlohmann's "last read: '…'" would say, from the text itself: up to 24 bytes of the line
// ending at the byte where parsing stopped (nlohmann's own token text leaves out what FastRings
// read, and runs over several lines), control characters written as <U+000A>.
std::string LastRead(std::string_view text, size_t offset) {
    const size_t end = offset < text.size() ? offset + 1 : text.size();
    size_t begin = end;
    while (begin > 0 && end - begin < 24 && text[begin - 1] != '\n') --begin;
    while (begin < end && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) ++begin;  // whole characters
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
    std::string out;
    for (size_t i = begin; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20) {
            char buf[12];
            std::snprintf(buf, sizeof buf, "<U+%.4X>", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// nlohmann says e.g. "[json.exception.parse_error.101] parse error at line 3, column 7: syntax
// error while parsing object - unexpected '}'; expected string literal". We keep the part after
// the location (our own line/column are in characters, not bytes), with "last read" taken from the
// text (LastRead), and add a Chinese gist.
Text SyntaxMessage(const std::string& what, std::string_view text, size_t offset) {
    std::string detail = what;
    const size_t at = detail.find("parse error at line");
    if (at != std::string::npos) {
        const size_t colon = detail.find(": ", at);
        if (colon != std::string::npos) detail = detail.substr(colon + 2);
    } else if (detail.rfind("[json.exception", 0) == 0) {
        const size_t close = detail.find("] ");
        if (close != std::string::npos) detail = detail.substr(close + 2);
    }
    const size_t last = detail.find("; last read: '");
    if (last != std::string::npos) {
        const size_t from = last + 14;
        size_t to = detail.rfind("'; expected");
        if (to == std::string::npos || to < from) to = detail.size() - 1;
        if (to >= from && detail[to] == '\'') detail.replace(from, to - from, LastRead(text, offset));
    }
    std::string zh;
    if (Contains(detail, "unexpected end of input")) {
        zh = "文件在此处意外结束，JSON 不完整（缺少 } 或 ]？）";
    } else if (Contains(detail, "number overflow")) {
        zh = "数字超出范围（必须是有限数）";
    } else if (Contains(detail, "control character")) {
        zh = "字符串中有未转义的控制字符（如换行、制表符，须写成 \\n、\\t）";
    } else if (Contains(detail, "surrogate") || Contains(detail, "\\u")) {
        zh = "字符串中的 \\u 转义无效";
    } else if (Contains(detail, "ill-formed UTF-8") || Contains(detail, "BOM")) {
        zh = "无效的 UTF-8 编码";
    } else if (Contains(detail, "invalid literal")) {
        zh = "无效的值（JSON 只认 true、false、null、数字、双引号字符串；NaN、Infinity、单引号都不行）";
    } else if (Contains(detail, "invalid number")) {
        zh = "数字格式无效";
    } else if (Contains(detail, "invalid string")) {
        zh = "字符串无效";
    } else if (Contains(detail, "expected end of input")) {
        zh = "值结束后还有多余内容";
    } else if (Contains(detail, "unexpected '}'") || Contains(detail, "unexpected ']'")) {
        zh = "此处不应结束（多了一个逗号？）";
    } else {
        zh = "可能缺少或多了逗号、冒号、引号或括号";
    }
    // nlohmann's detail often begins "syntax error while parsing ...": said once, not twice.
    const std::string kSyntax = "syntax error ";
    const std::string en = detail.compare(0, kSyntax.size(), kSyntax) == 0 ? "JSON syntax error " + detail.substr(kSyntax.size())
                                                                          : "JSON syntax error: " + detail;
    return Text{"JSON 语法错误：" + zh + "。详情：" + detail, en};
}

// ---- 8. LocatePointers' SAX handler -----------------------------------------------------------
class Locator : public PositionedSax {
  public:
    Locator(std::string_view text, const std::vector<std::string>& pointers)
        : PositionedSax(text), offsets_(pointers.size(), std::string_view::npos) {
        for (size_t i = 0; i < pointers.size(); ++i) wanted_[pointers[i]].push_back(i);
    }
    std::vector<size_t> Run() {
        if (!wanted_.empty()) {
            Json::sax_parse(Begin(), End(), this, nlohmann::json::input_format_t::json, true, false);
        }
        return std::move(offsets_);
    }

    bool null() { return Scalar(); }
    bool boolean(bool /*v*/) { return Scalar(); }
    bool number_integer(Json::number_integer_t /*v*/) { return Scalar(); }
    bool number_unsigned(Json::number_unsigned_t /*v*/) { return Scalar(); }
    bool number_float(Json::number_float_t /*v*/, const Json::string_t& /*s*/) { return Scalar(); }
    bool string(Json::string_t& /*v*/) { return Scalar(); }
    bool binary(Json::binary_t& /*v*/) { return false; }
    bool start_object(std::size_t /*len*/) { return Open(false); }
    bool start_array(std::size_t /*len*/) { return Open(true); }
    bool end_object() { return Close(); }
    bool end_array() { return Close(); }
    bool key(Json::string_t& k) {
        path_.Key(k);
        TokenDone();
        return true;
    }
    template <class Exception>
    bool parse_error(std::size_t /*position*/, const std::string& /*last*/, const Exception& /*ex*/) {
        return false;
    }

  private:
    // Returns false (stop parsing) once every wanted pointer has been seen.
    bool Seen() {
        const size_t start = TokenStart();
        path_.Value();
        auto it = wanted_.find(path_.Pointer());
        if (it != wanted_.end()) {
            for (size_t i : it->second) offsets_[i] = start;
            wanted_.erase(it);
        }
        return !wanted_.empty();
    }
    bool Scalar() {
        const bool go_on = Seen();
        TokenDone();
        return go_on;
    }
    bool Open(bool is_array) {
        const bool go_on = Seen();
        path_.Push(is_array);
        TokenDone();
        return go_on;
    }
    bool Close() {
        path_.Pop();
        TokenDone();
        return true;
    }

    std::vector<size_t> offsets_;
    std::unordered_map<std::string, std::vector<size_t>> wanted_;
};

std::string HexByte(unsigned char b) {
    const char* digits = "0123456789abcdef";
    return std::string("0x") + digits[b >> 4] + digits[b & 15];
}

Problem WholeFileProblem(Severity severity, std::string_view file, Text message) {
    Problem p;
    p.severity = severity;
    p.file = std::string(file);
    p.message = std::move(message);
    return p;
}

}  // namespace

bool PackedRingIndex(const nlohmann::json& v, size_t* index) {
    const auto* b = v.get_ptr<const Json::binary_t*>();
    if (b == nullptr || !b->has_subtype() || b->subtype() != kPackedRingSubtype || b->size() != sizeof(std::uint64_t)) {
        return false;
    }
    std::uint64_t i = 0;
    std::memcpy(&i, b->data(), sizeof i);
    *index = static_cast<size_t>(i);
    return true;
}

nlohmann::json UnpackRing(const std::vector<LonLat>& points) {
    Json out(Json::value_t::array);
    out.get_ref<Json::array_t&>().reserve(points.size());
    for (const LonLat& p : points) {
        Json pos(Json::value_t::array);
        pos.push_back(p.lon);
        pos.push_back(p.lat);
        out.push_back(std::move(pos));
    }
    return out;
}

bool FiniteNumber(const Json& v, double* out) {
    if (const auto* f = v.get_ptr<const Json::number_float_t*>()) {
        *out = *f;
    } else if (const auto* u = v.get_ptr<const Json::number_unsigned_t*>()) {
        // Before the signed case: get_ptr<number_integer_t*> also answers for an unsigned value,
        // reading its bits as signed (18446744073709551615 would be -1).
        *out = static_cast<double>(*u);
    } else if (const auto* i = v.get_ptr<const Json::number_integer_t*>()) {
        *out = static_cast<double>(*i);
    } else {
        return false;
    }
    return std::isfinite(*out);
}

std::string EscapePointerToken(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

// ---- 6. RingPrereader -------------------------------------------------------------------------
RingPrereader::RingPrereader(std::string_view text, int max_depth) : text_(text), max_depth_(max_depth) {}

bool RingPrereader::Step(size_t bytes) {
    const char* const begin = text_.data();
    const char* const end = begin + text_.size();
    const char* p = begin + pos_;
    const char* const stop = p + std::min(bytes, static_cast<size_t>(end - p));
    while (p < stop) {
        switch (*p) {
            case '"': {  // a string, to its closing quote (one not escaped by an odd run of '\')
                const char* const first = p + 1;
                const char* q = first;
                for (;;) {
                    q = static_cast<const char*>(std::memchr(q, '"', static_cast<size_t>(end - q)));
                    if (q == nullptr) {
                        pos_ = text_.size();
                        return true;
                    }
                    size_t slashes = 0;
                    while (q - slashes > first && q[-1 - static_cast<std::ptrdiff_t>(slashes)] == '\\') ++slashes;
                    if (slashes % 2 == 0) break;
                    ++q;
                }
                if (!frames_.empty() && frames_.back().object && frames_.back().expect_key) {
                    Frame& f = frames_.back();
                    const size_t d = frames_.size() - 1;  // the object's depth: the key is the path's token d
                    f.key_on_path = f.on_path && d < std::size(kCoordinatesPath) &&
                                    std::string_view(first, static_cast<size_t>(q - first)) == kCoordinatesPath[d];
                }
                p = q + 1;
                break;
            }
            case '{':
            case '[':
                if (frames_.size() + 1 > static_cast<size_t>(std::max(max_depth_, 0))) {  // the parse stops here
                    pos_ = text_.size();
                    return true;
                }
                ++p;
                pos_ = static_cast<size_t>(p - begin);
                Open(p[-1] == '[');
                p = begin + pos_;
                break;
            case '}':
            case ']':
                if (!frames_.empty()) frames_.pop_back();
                ++p;
                break;
            case ':':
            case ',':
                if (!frames_.empty() && frames_.back().object) frames_.back().expect_key = *p == ',';
                ++p;
                break;
            default:
                ++p;
        }
    }
    pos_ = static_cast<size_t>(p - begin);
    return pos_ >= text_.size();
}

// A container has opened just before pos_: on the path (kCoordinatesPath) if its parent is and
// it is reached by the path's next token, and is of the kind the token after that needs (an
// array for an index, an object for a key); at the path's end, a coordinates array, read (pos_
// then at its ']').
void RingPrereader::Open(bool is_array) {
    constexpr size_t n = std::size(kCoordinatesPath);
    const size_t d = frames_.size();  // its depth: 0 for the root
    const auto kind = [&](size_t token) { return d == n ? is_array : is_array == kCoordinatesPath[token].empty(); };
    bool on = false;
    if (d == 0) {
        on = kind(0);
    } else if (d <= n && frames_.back().on_path) {
        const Frame& parent = frames_.back();
        const bool reached = kCoordinatesPath[d - 1].empty() ? !parent.object : parent.object && parent.key_on_path;
        on = reached && kind(d);
    }
    frames_.push_back(Frame{!is_array, on, !is_array, false});
    if (!(on && d == n)) return;
    Array a;
    a.offset = pos_;
    a.levels = max_depth_ - static_cast<int>(d + 1);
    FastRings fast(text_.data() + pos_, text_.data() + text_.size(), a.levels, &packed);
    const char* close = nullptr;
    if (fast.Run(&a.body, &close)) {
        a.close = static_cast<size_t>(close - text_.data());
        pos_ = a.close;
    }
    arrays.push_back(std::move(a));
}

// ---- 7. ParseJsonStrict -----------------------------------------------------------------------
bool ParseJsonStrict(std::string_view text, std::string_view file, const LoadLimits& limits,
                     nlohmann::json* out, std::vector<Problem>* problems, PackedRings* packed, RingPrereader* ahead) {
    *out = Json();
    if (packed != nullptr) packed->rings.clear();
    if (packed == nullptr) ahead = nullptr;
    if (text.size() > limits.max_bytes) {
        problems->push_back(WholeFileProblem(
            Severity::Error, file,
            Text{"文件过大：" + std::to_string(text.size()) + " 字节，上限 " + std::to_string(limits.max_bytes) + " 字节",
                 "file too large: " + std::to_string(text.size()) + " bytes, the limit is " +
                     std::to_string(limits.max_bytes) + " bytes"}));
        return false;
    }
    // Checked up front for the whole text (not only inside strings, as nlohmann does), so that
    // binary garbage or a GBK-encoded file gets one clear message at the right place.
    const size_t bad = FindInvalidUtf8(text);
    if (bad != std::string_view::npos) {
        const std::string byte = HexByte(static_cast<unsigned char>(text[bad]));
        // Officials' Windows editors (Notepad, WPS) save GBK by default: say so when it looks like it.
        Problem p = WholeFileProblem(
            Severity::Error, file,
            LooksLikeGbk(text)
                ? Text{"不是有效的 UTF-8 编码（第一个无效字节 " + byte + "）：文件看起来是 GBK 编码；请另存为 UTF-8 编码（不要用 GBK）",
                       "not valid UTF-8 (first bad byte " + byte + "): the file looks GBK-encoded; save it as UTF-8, not GBK"}
                : Text{"不是有效的 UTF-8 编码（第一个无效字节 " + byte + "）；请以 UTF-8 保存文件（不要用 GBK/GB2312）",
                       "not valid UTF-8 (first bad byte " + byte + "); save the file as UTF-8 (not GBK/GB2312)"});
        const LineCol lc = LineColAt(text, bad);
        p.line = lc.line;
        p.column = lc.column;
        problems->push_back(std::move(p));
        return false;
    }
    // A BOM is tolerated (Windows editors add one) but reported, as the format says "no BOM".
    if (HasUtf8Bom(text)) {
        Problem p = WholeFileProblem(
            Severity::Warning, file,
            Text{"文件以 UTF-8 BOM 开头；已忽略，建议保存为不带 BOM 的 UTF-8",
                 "file starts with a UTF-8 byte order mark (BOM); it was ignored, but please save as UTF-8 without BOM"});
        p.line = 1;
        p.column = 1;
        problems->push_back(std::move(p));
    }
    if (text.substr(HasUtf8Bom(text) ? 3 : 0).find_first_not_of(" \t\r\n") == std::string_view::npos) {
        problems->push_back(WholeFileProblem(Severity::Error, file,
                                             Text{"文件为空（没有 JSON 内容）", "file is empty (no JSON content)"}));
        return false;
    }

    if (ahead != nullptr) *packed = std::move(ahead->packed);
    DomBuilder builder(text, limits.max_depth, out, packed, ahead);
    const bool ok = builder.Run();
    std::vector<DomBuilder::Found>& found = builder.found();
    if (!ok && found.empty()) {  // a handler stopped without saying why: still never silent
        found.push_back({WholeFileProblem(Severity::Error, file, Text{"JSON 解析失败", "JSON parsing failed"}), 0});
    }
    std::vector<size_t> offsets;
    for (const auto& f : found) offsets.push_back(f.offset);
    const std::vector<LineCol> lcs = LineColsAt(text, offsets);
    for (size_t i = 0; i < found.size(); ++i) {
        Problem& p = found[i].problem;
        p.file = std::string(file);
        p.line = lcs[i].line;
        p.column = lcs[i].column;
        problems->push_back(std::move(p));
    }
    if (!ok) {
        *out = Json();
        if (packed != nullptr) packed->rings.clear();
    }
    return ok;
}

std::vector<size_t> LocatePointers(std::string_view text, const std::vector<std::string>& pointers) {
    return Locator(text, pointers).Run();
}

}  // namespace jcm::detail
