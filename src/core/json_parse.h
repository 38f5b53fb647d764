// json_parse.h: strict, non-throwing JSON text -> nlohmann::json, for the loader (load.cpp).
//
// nlohmann/json is built with JSON_NOEXCEPTION, where any throw aborts. So nothing here calls a
// throwing API: the text goes through nlohmann::json::sax_parse with our own DOM-building SAX
// handler whose parse_error records the problem and returns false. On top of plain parsing it
// refuses oversized input and invalid UTF-8 up front, caps nesting depth, and flags duplicate
// object keys (which a DOM would silently collapse).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/load.h"

namespace jcm::detail {

// RFC 6901 reference token: "~" -> "~0", "/" -> "~1".
std::string EscapePointerToken(std::string_view key);

// Parses `text` into *out. Problems found (oversize, invalid UTF-8, a leading BOM [warning],
// syntax error, too deep, duplicate key) are appended to *problems with line/column set. Returns
// false if no usable document came out (then *out is null).
bool ParseJsonStrict(std::string_view text, std::string_view file, const LoadLimits& limits,
                     nlohmann::json* out, std::vector<Problem>* problems);

// Byte offset of the value each JSON pointer names in `text` (which must parse), or npos when
// the document has no such value. One pass over the text; used to give every problem a line.
std::vector<size_t> LocatePointers(std::string_view text, const std::vector<std::string>& pointers);

}  // namespace jcm::detail
