// text.h: small text helpers: UTF-8 (which characters a text needs, how long it is) and numbers
// as people read them (FormatNumber: the one way the views, the summary and messages show a number).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jcm {

// Appends the code point of every well-formed UTF-8 sequence in `s` to `out`; malformed bytes are
// skipped (the loader rejects malformed data; this only has to be safe).
void AppendCodepoints(std::string_view s, std::vector<uint32_t>& out);

// Number of code points in `s`.
size_t CodepointCount(std::string_view s);

// Line breaking for wrapped text, Chinese first (a simplified UAX #14, as Chinese typesetting
// expects): a line may end between two ideographs (or kana, hangul, full-width forms) and
// between an ideograph and a letter or digit, and after blanks; never inside a run of letters
// and digits ("1.5", "2,000", "JSON"), never before closing punctuation or a non-starter
// (，。、：；！？）」』】》… %), never after opening punctuation ((（「『【《“ ¥), and never on either
// side of an en or em dash, a wave dash or a middle dot ("1–5", "3～5", "——"); never before a
// combining mark, a variation selector or a zero-width joiner; full-width digits and letters are
// set as digits and letters ("２０２５").
bool LineBreakAllowed(uint32_t before, uint32_t after);

// Where the line that starts at `text` ends when wrapped to `width`: the end of its last
// character that fits before a break allowed by LineBreakAllowed (the blanks there hang: they
// are not counted, and the caller skips them); when nothing that fits ends at a break, as much
// as fits (at least one character: a word wider than the line is cut). `advance` gives a code
// point's width (each malformed byte is measured as a U+FFFD; ImGui draws one per sequence, so
// such a line is never wider than measured). A '\n' starts the measure again (the
// caller breaks there itself), so the result may lie beyond it; `end` if everything fits. For
// ImGui's word wrap (src/ui/font_line_break.cpp); allocates nothing.
using AdvanceFn = float (*)(uint32_t cp, const void* context);
const char* WrapLineEnd(const char* text, const char* end, float width, AdvanceFn advance, const void* context);

// True when `haystack` contains `needle`, ignoring ASCII case (Chinese needs no folding).
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);
// The same, also ignoring ASCII spaces, hyphens and underscores on both sides, as a search box
// should: "high tech", "hightech" and "High-tech" find "High-tech Zone". A needle of nothing else
// is looked for as it is.
bool ContainsLoosely(std::string_view haystack, std::string_view needle);

// A number for a person to read, in `lang`: never an exponent (1500000, not 1.5e+06), the
// shortest digits that are the number (0.1, not 0.10000000000000001; no trailing zeros), a minus
// sign when negative. Thousands are grouped with "," in English from 1,000 on; in Chinese from
// five integer digits on (2000 stays as the sources write years and counts, 1,500,000 is
// grouped). Non-finite values print as "—". Writes at most `size` bytes (NUL included) into `buf`
// and returns `buf`; allocates nothing (views call it every frame).
enum class Lang : uint8_t;
const char* FormatNumber(double v, Lang lang, char* buf, size_t size);
// Both ends of a range, "1–3" (an en dash; either end formatted as FormatNumber does).
const char* FormatRange(double lo, double hi, Lang lang, char* buf, size_t size);
// The same as strings, for code that builds strings anyway.
std::string FormatNumber(double v, Lang lang);
std::string FormatRange(double lo, double hi, Lang lang);

// A number as a person types it into a field (an amount done): digits with at most one decimal
// point, the integer part optionally grouped by thousands ("2,000", "1,500,000.5"); full-width
// digits, point and comma as a Chinese keyboard gives them (２０００，１２．５, and 。 for the point);
// spaces around it; at most 15 decimals. No sign, exponent or other grouping ("1,5" and "0,500"
// are read by some as 1.5 and 0.5: refused, not guessed).
// True with *out set (finite, >= 0); false, *out untouched, for anything else.
bool ParseTypedNumber(std::string_view typed, double* out);

namespace detail {
// The shortest decimal digits that read back as `v` (v finite, > 0), and the decimal exponent
// of the first digit: v ~= 0.d1d2d3... * 10^(point). Shared by FormatNumber and the JSON writer.
struct Decimal {
    char digits[24] = {};
    int count = 0;
    int point = 0;
};
Decimal ShortestDecimal(double v);
}  // namespace detail

}  // namespace jcm
