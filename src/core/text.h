// text.h: small UTF-8 helpers for the UI (which characters a text needs, how long it is).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace jcm {

// Appends the code point of every well-formed UTF-8 sequence in `s` to `out`; malformed bytes are
// skipped (the loader rejects malformed data; this only has to be safe).
void AppendCodepoints(std::string_view s, std::vector<uint32_t>& out);

// Sorts and removes duplicates in place.
void SortUnique(std::vector<uint32_t>& v);

// Number of code points in `s`.
size_t CodepointCount(std::string_view s);

// True when `haystack` contains `needle`, ignoring ASCII case (Chinese needs no folding).
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);

}  // namespace jcm
