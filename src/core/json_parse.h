// json_parse.h: strict, non-throwing JSON text -> nlohmann::json, for the loader (load.cpp).
//
// nlohmann/json is built with JSON_NOEXCEPTION, where any throw aborts. So nothing here calls a
// throwing API: the text goes through nlohmann::json::sax_parse with our own DOM-building SAX
// handler whose parse_error records the problem and returns false. On top of plain parsing it
// refuses oversized input and invalid UTF-8 up front, caps nesting depth, and flags duplicate
// object keys (which a DOM would silently collapse).
//
// Boundary rings are the bulk of a dataset (a million vertices is 15 MB of text), and a DOM costs
// about 100 bytes per [lon, lat]. So, when asked (`packed`), the parser keeps every array below
// /areas/<n>/geometry/coordinates (one level down or deeper) whose elements are all [number,
// number] positions out of the DOM: its points go into PackedRings (16 bytes each) and the DOM
// holds a small marker in its place. Anything else there (a string, an object, a position of
// one or three numbers, deeper nesting) is built as DOM as usual, so the loader sees every
// malformed value exactly as it is; UnpackRing gives a packed ring back as DOM where the loader
// finds one at a level it did not expect. Packed numbers are converted to double as the loader
// converts them (NumberOf), so validation sees the same values.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/load.h"

namespace jcm::detail {

// Rings taken out of the DOM by ParseJsonStrict: points in file order, closing point included.
struct PackedRings {
    std::vector<std::vector<LonLat>> rings;
    std::vector<LonLat> scratch;  // the ring being read, its room kept from ring to ring
};

// True if `v` is the DOM's marker of a packed ring; *index is then its index in PackedRings.
bool PackedRingIndex(const nlohmann::json& v, size_t* index);

// A packed ring as the DOM would have held it: [[lon, lat], ...] (numbers as doubles).
nlohmann::json UnpackRing(const std::vector<LonLat>& points);

// A JSON number as a finite double; false for anything else (the loader reads every number so,
// and packing a coordinate must accept exactly what the loader would).
bool FiniteNumber(const nlohmann::json& v, double* out);

// RFC 6901 reference token: "~" -> "~0", "/" -> "~1".
std::string EscapePointerToken(std::string_view key);

// Boundary rings read ahead of the parse, a slice of the text at a time, so that a big file's
// loading can be spread over several frames (load.h DatasetLoad): a light scan of the text's
// structure (strings skipped, brackets counted, keys compared as written) finds each
// /areas/<n>/geometry/coordinates array and reads it with the reader the parse itself uses
// (FastRings). The parse then takes an array read ahead where it finds one at the same offset,
// and reads any other itself as before: an array the scan misses (a key written with escapes)
// or a scan misled by malformed text changes only where the work is done, never the result.
class RingPrereader {
  public:
    RingPrereader(std::string_view text, int max_depth);
    // Scans about `bytes` more of the text (more where a coordinates array runs past them); true
    // once it is all scanned.
    bool Step(size_t bytes);
    double Progress() const { return text_.empty() ? 1.0 : static_cast<double>(pos_) / static_cast<double>(text_.size()); }

    // What ParseJsonStrict takes: each array found, in text order, and the rings read.
    struct Array {
        size_t offset = 0;  // just after its '['
        size_t close = 0;   // its ']'; 0 if the reader gave up there (the parse does the same)
        int levels = 0;     // the nesting the depth cap allowed below it
        nlohmann::json body;
    };
    std::vector<Array> arrays;
    PackedRings packed;

  private:
    struct Frame {
        bool object;
        bool on_path;      // /, /areas, /areas/<n>, /areas/<n>/geometry, or the coordinates
        bool expect_key;   // (an object) the next string is a key
        bool key_on_path;  // (an object) the last key continues the path
    };
    void Open(bool is_array);

    std::string_view text_;
    int max_depth_;
    size_t pos_ = 0;
    std::vector<Frame> frames_;
};

// Parses `text` into *out. Problems found (oversize, invalid UTF-8, a leading BOM [warning],
// syntax error, too deep, duplicate key) are appended to *problems with line/column set. Returns
// false if no usable document came out (then *out is null). With `packed`, rings of boundary
// coordinates are packed there instead of built as DOM (see above); without it, all is DOM.
// With `ahead` (and `packed`), the rings it read take the place of reading them again: *packed
// starts as its rings (moved out of it).
bool ParseJsonStrict(std::string_view text, std::string_view file, const LoadLimits& limits,
                     nlohmann::json* out, std::vector<Problem>* problems, PackedRings* packed = nullptr,
                     RingPrereader* ahead = nullptr);

// LoadDataset (load.h) with every coordinate built as DOM: the reference the packed path must
// agree with exactly (same Dataset, same problems), for tests.
LoadResult LoadDatasetUnpacked(std::string_view text, std::string_view file, const LoadLimits& limits = {});

// Byte offset of the value each JSON pointer names in `text` (which must parse), or npos when
// the document has no such value. One pass over the text; used to give every problem a line.
std::vector<size_t> LocatePointers(std::string_view text, const std::vector<std::string>& pointers);

}  // namespace jcm::detail
