// number_scan.h: the per-character work of reading boundary coordinates (json_parse.cpp's
// FastRings): whitespace, numbers, [lon, lat] positions and runs of them, with no JSON DOM in
// sight, so it is tested on its own (tests/unit/test_load.cpp).
#pragma once

#include <vector>

#include "core/model.h"

namespace jcm::detail {

// The first byte at or after p that is not JSON whitespace (or end).
const char* SkipSpace(const char* p, const char* end);

// One number at p (JSON's grammar), as nlohmann + FiniteNumber give it: a token without fraction
// or exponent that fits 64 bits goes through the integer ("-0" is 0); anything else is rounded
// correctly from the decimal (Clinger's fast path when that is exact, else strtod on the token).
// False if p holds no number or it is not finite; else *next is the byte after it.
bool ScanNumber(const char* p, const char* end, double* out, const char** next);

// "[number, number]" at p (whitespace allowed inside it, not before it). False on anything else.
bool ScanPosition(const char* p, const char* end, LonLat* out, const char** next);

// Positions separated by commas from p (whitespace allowed around them), appended to *ring.
// 0: p holds no position (nothing appended); 1: at least one read, *next is the first byte
// after the last one that is not whitespace or a comma that begins another position; -1: a
// comma was followed by something that is not a position (what was appended is to be dropped).
int ScanPositions(const char* p, const char* end, std::vector<LonLat>* ring, const char** next);

}  // namespace jcm::detail
