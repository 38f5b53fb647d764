// utf8.h: byte-level UTF-8 checks and byte offset -> line/column, for the loader's diagnostics.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace jcm {

// Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF), or std::string_view::npos if all is valid.
size_t FindInvalidUtf8(std::string_view text);

// True if every byte >= 0x80 in `text` pairs up as a GBK (GB 18030 two-byte) character: a lead
// byte 0x81-0xFE then a trail byte 0x40-0xFE other than 0x7F, and there is at least one. Said of
// text that is not valid UTF-8, it means "probably saved as GBK" (Windows Notepad, WPS).
bool LooksLikeGbk(std::string_view text);

// True if text starts with the UTF-8 byte order mark EF BB BF.
bool HasUtf8Bom(std::string_view text);

// 1-based line and column of a byte offset. Lines end at '\n' ("\r\n" counts once); the column
// counts characters (code points), not bytes, as editors do. A leading BOM is not a column.
// Offsets past the end are clamped to the end.
struct LineCol {
    int line = 1;
    int column = 1;
};
LineCol LineColAt(std::string_view text, size_t offset);

// The same for many offsets in one pass over the text (any order; out[i] is for offsets[i]).
std::vector<LineCol> LineColsAt(std::string_view text, const std::vector<size_t>& offsets);

}  // namespace jcm
