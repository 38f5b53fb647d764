#include "core/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/model.h"
#include "core/number_scan.h"

namespace jcm {
namespace {

// Decodes one sequence at s[i]; returns its length (0 if malformed) and the code point.
size_t DecodeOne(std::string_view s, size_t i, uint32_t* cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    size_t len;
    uint32_t c;
    if (b0 < 0x80) { *cp = b0; return 1; }
    if ((b0 & 0xE0) == 0xC0) { len = 2; c = b0 & 0x1Fu; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; c = b0 & 0x0Fu; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; c = b0 & 0x07u; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        c = (c << 6) | (b & 0x3Fu);
    }
    static const uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < kMin[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return len;
}

// Characters no line may start with (closing punctuation, non-starters, postfixes) and none may
// end with (opening punctuation, prefixes); the dashes, wave dashes and middle dot are in both. Sorted.
constexpr uint16_t kNoBreakBefore[] = {
    0x21, 0x25, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5D, 0x7D, 0xB0, 0xB7, 0x2013, 0x2014, 0x2019,
    0x201D, 0x2026, 0x2030, 0x2032, 0x2033, 0x2103, 0x3001, 0x3002, 0x3005, 0x3009, 0x300B, 0x300D,
    0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x301C, 0x301E, 0x301F, 0x3041, 0x3043, 0x3045, 0x3047,
    0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096, 0x309D, 0x309E, 0x30A1, 0x30A3,
    0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x30FB, 0x30FC,
    0x30FD, 0x30FE, 0xFF01, 0xFF05, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D,
    0xFF5E, 0xFF60, 0xFF61, 0xFF63, 0xFF64, 0xFF65, 0xFF70};
constexpr uint16_t kNoBreakAfter[] = {
    0x24, 0x28, 0x5B, 0x7B, 0xA3, 0xA5, 0xB7, 0x2013, 0x2014, 0x2018, 0x201C, 0x20AC, 0x3008, 0x300A,
    0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0x301C, 0x301D, 0xFF04, 0xFF08, 0xFF3B, 0xFF5B,
    0xFF5E, 0xFF5F, 0xFF62, 0xFFE1, 0xFFE5};

template <size_t N>
bool In(const uint16_t (&set)[N], uint32_t c) {
    return c <= 0xFFFF && std::binary_search(set, set + N, static_cast<uint16_t>(c));
}

// Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ): set like digits and letters, a run of
// them is never broken ("２０２５").
bool FullWidthAlnum(uint32_t c) {
    return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

// Ideographs and the scripts set like them (a line may break on either side of each).
bool Wide(uint32_t c) {
    return (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF && !FullWidthAlnum(c)) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

// What belongs to the character before it (UAX #14 LB9): combining marks (kana's voicing marks
// too), variation selectors (an ideographic variation sequence: a rare name's glyph form) and the
// zero-width joiner. A line never breaks before one.
bool Attached(uint32_t c) {
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || c == 0x200D || c == 0x3099 || c == 0x309A || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xE0100 && c <= 0xE01EF);
}

// The blanks ImGui's callers skip at a break (CalcWordWrapNextLineStartA): an ideographic space
// (U+3000) is not one of them, so it is set as an ideograph (Wide), not hung at a line's end.
bool Blank(uint32_t c) { return c == ' ' || c == '\t'; }

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

void AppendCodepoints(std::string_view s, std::vector<uint32_t>& out) {
    for (size_t i = 0; i < s.size();) {
        uint32_t cp = 0;
        const size_t n = DecodeOne(s, i, &cp);
        if (n == 0) { ++i; continue; }
        out.push_back(cp);
        i += n;
    }
}

size_t CodepointCount(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool LineBreakAllowed(uint32_t before, uint32_t after) {
    if (Attached(after) || In(kNoBreakAfter, before) || In(kNoBreakBefore, after)) return false;
    return Blank(before) || Wide(before) || Wide(after);
}

const char* WrapLineEnd(const char* text, const char* end, float width, AdvanceFn advance, const void* context) {
    const std::string_view all(text, static_cast<size_t>(end - text));
    const char* line = text;       // where the measured line starts
    const char* blanks = nullptr;  // where the blanks before the current position start, if any
    const char* brk = nullptr;     // the last place this line may end (after its last non-blank)
    float w = 0;
    uint32_t prev = 0;
    for (const char* p = text; p < end;) {
        uint32_t c = 0xFFFD;
        const size_t n = DecodeOne(all, static_cast<size_t>(p - text), &c);
        const char* next = p + (n ? n : 1);
        if (c == '\n') {  // the caller starts a line here: measure the next one
            line = next;
            blanks = brk = nullptr;
            w = 0;
            prev = 0;
            p = next;
            continue;
        }
        if (c == '\r') {
            p = next;
            continue;
        }
        if (Blank(c)) {
            if (!blanks) blanks = p;
        } else {
            if (p > line && LineBreakAllowed(prev, c)) {
                const char* at = blanks ? blanks : p;
                if (at > line) brk = at;
            }
            blanks = nullptr;
        }
        w += advance(c, context);
        if (!Blank(c) && w > width) {
            if (brk) return brk;
            return p > line ? p : next;  // nothing breakable fits: cut (one character at least)
        }
        prev = c;
        p = next;
    }
    return end;
}

bool ParseTypedNumber(std::string_view typed, double* out) {
    // To ASCII first: full-width digits, point and comma (U+FF10..FF19, FF0E, FF0C: EF BC 90..99,
    // EF BC 8E, EF BC 8C), ideographic spaces (U+3000: E3 80 80) as spaces.
    char ascii[64];
    size_t n = 0;
    for (size_t i = 0; i < typed.size();) {
        const unsigned char c = static_cast<unsigned char>(typed[i]);
        char a = 0;
        if (c < 0x80) {
            a = static_cast<char>(c);
            i += 1;
        } else if (c == 0xEF && i + 2 < typed.size() && static_cast<unsigned char>(typed[i + 1]) == 0xBC) {
            const unsigned char d = static_cast<unsigned char>(typed[i + 2]);
            if (d >= 0x90 && d <= 0x99) a = static_cast<char>('0' + (d - 0x90));
            else if (d == 0x8E) a = '.';
            else if (d == 0x8C) a = ',';
            else return false;
            i += 3;
        } else if (typed.substr(i, 3) == "\xE3\x80\x80" || typed.substr(i, 2) == "\xC2\xA0") {
            a = ' ';  // an ideographic or a no-break space (pasted)
            i += typed[i] == '\xE3' ? 3 : 2;
        } else if (typed.substr(i, 3) == "\xE3\x80\x82") {
            a = '.';  // the ideographic full stop: '.' typed with a Chinese IME's punctuation on
            i += 3;
        } else {
            return false;
        }
        if (n + 2 >= sizeof ascii) return false;  // longer than any number the format holds
        ascii[n++] = a;
    }
    // Spaces around it; then [digits with grouping] [. digits].
    size_t b = 0, e = n;
    while (b < e && (ascii[b] == ' ' || ascii[b] == '\t')) ++b;
    while (e > b && (ascii[e - 1] == ' ' || ascii[e - 1] == '\t')) --e;
    char clean[64];
    size_t m = 0;
    size_t i = b;
    int group = -1;  // digits since the last comma; -1: no comma yet
    int lead = 0;    // digits before the first comma
    bool any = false;
    for (; i < e && ascii[i] != '.'; ++i) {
        const char c = ascii[i];
        if (c == ',') {
            // (Not after a leading 0: "0,500" is 0.5 to many, and 500 to nobody.)
            if (!any || m == 0 || lead > 3 || (group >= 0 && group != 3)) return false;
            group = 0;
        } else if (c >= '0' && c <= '9') {
            if (group >= 0) ++group;
            else ++lead;
            if (m > 0 || c != '0') clean[m++] = c;  // leading zeros dropped ("05")
            any = true;
        } else {
            return false;
        }
    }
    if (group >= 0 && group != 3) return false;
    if (m == 0) clean[m++] = '0';
    bool fraction = false;
    if (i < e) {  // the point
        ++i;
        if (i < e) clean[m++] = '.';
        for (int digits = 0; i < e; ++i) {
            // At most 15 decimals: no amount needs more, and FormatNumber writes any such number
            // back in as many or fewer (what it reads, it can show).
            if (ascii[i] < '0' || ascii[i] > '9' || ++digits > 15) return false;
            clean[m++] = ascii[i];
            fraction = true;
        }
    }
    if (!any && !fraction) return false;  // "", ".", ","
    double v = 0;
    const char* next = nullptr;
    if (!detail::ScanNumber(clean, clean + m, &v, &next) || next != clean + m || !std::isfinite(v) || v < 0) return false;
    *out = v;
    return true;
}

bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    if (needle.size() > haystack.size()) return false;
    for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        size_t k = 0;
        while (k < needle.size() && LowerAscii(haystack[i + k]) == LowerAscii(needle[k])) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

namespace {
bool LooseSeparator(char c) { return c == ' ' || c == '-' || c == '_'; }
}  // namespace

bool ContainsLoosely(std::string_view haystack, std::string_view needle) {
    if (std::all_of(needle.begin(), needle.end(), LooseSeparator)) return ContainsIgnoreCase(haystack, needle);
    for (size_t i = 0; i < haystack.size(); ++i) {
        if (LooseSeparator(haystack[i])) continue;
        size_t h = i, k = 0;
        for (;;) {
            while (k < needle.size() && LooseSeparator(needle[k])) ++k;
            if (k == needle.size()) return true;
            while (h < haystack.size() && LooseSeparator(haystack[h])) ++h;
            if (h == haystack.size() || LowerAscii(haystack[h]) != LowerAscii(needle[k])) break;
            ++h, ++k;
        }
    }
    return false;
}

namespace detail {
namespace {
// Reads "d.ddde±x" (what to_chars/printf write in scientific form) into *out, without trailing zeros.
void ParseScientific(const char* s, Decimal* out) {
    out->count = 0;
    const char* p = s;
    for (; *p != '\0' && *p != 'e' && *p != 'E'; ++p) {
        if (*p >= '0' && *p <= '9' && out->count < 20) out->digits[out->count++] = *p;
    }
    const int exp10 = *p != '\0' ? std::atoi(p + 1) : 0;
    while (out->count > 1 && out->digits[out->count - 1] == '0') --out->count;
    out->point = exp10 + 1;
}

}  // namespace

Decimal ShortestDecimal(double v) {
    Decimal d;
    char buf[64];
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L && !defined(JCM_NO_TO_CHARS)
    // Shortest round-trip (Ryu-style) and locale-independent.
    const auto res = std::to_chars(buf, buf + sizeof buf - 1, v, std::chars_format::scientific);
    *res.ptr = '\0';
#else
    // No floating-point to_chars (e.g. libc++ in Emscripten; -DJCM_NO_TO_CHARS tries this path
    // natively): the first of 15, 16, 17 significant digits that reads back exactly. Correct
    // rounding makes this the shortest form too: any shorter exact form is what 15-digit
    // rounding gives, and the nearest 16-digit form reads back whenever any 16-digit one does.
    for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*e", precision - 1, v);
        if (precision == 17 || std::strtod(buf, nullptr) == v) break;
    }
#endif
    ParseScientific(buf, &d);
    return d;
}

}  // namespace detail

namespace {

// Appends to buf[*at] while there is room (one byte always kept for the NUL).
void Put(char* buf, size_t size, size_t* at, const char* s) {
    for (; *s != '\0' && *at + 1 < size; ++s) buf[(*at)++] = *s;
}
void PutChar(char* buf, size_t size, size_t* at, char c) {
    const char s[2] = {c, '\0'};
    Put(buf, size, at, s);
}

void AppendNumberText(double v, Lang lang, char* buf, size_t size, size_t* at) {
    if (!std::isfinite(v)) {
        Put(buf, size, at, "\xE2\x80\x94");  // an em dash: no number
        return;
    }
    if (v == 0) {
        PutChar(buf, size, at, '0');
        return;
    }
    if (v < 0) {
        PutChar(buf, size, at, '-');
        v = -v;
    }
    const detail::Decimal d = detail::ShortestDecimal(v);
    const int k = d.count, n = d.point;  // v = 0.digits * 10^n
    const int int_digits = n > 0 ? n : 0;
    const int group_from = lang == Lang::En ? 4 : 5;
    const bool group = int_digits >= group_from;
    if (int_digits == 0) {
        PutChar(buf, size, at, '0');
    } else {
        for (int i = 0; i < int_digits; ++i) {
            if (group && i > 0 && (int_digits - i) % 3 == 0) PutChar(buf, size, at, ',');
            PutChar(buf, size, at, i < k ? d.digits[i] : '0');
        }
    }
    if (k > int_digits) {  // fraction digits: leading zeros (n < 0), then the rest of the digits
        PutChar(buf, size, at, '.');
        for (int i = n; i < 0; ++i) PutChar(buf, size, at, '0');
        for (int i = int_digits; i < k; ++i) PutChar(buf, size, at, d.digits[i]);
    }
}

}  // namespace

const char* FormatNumber(double v, Lang lang, char* buf, size_t size) {
    if (size == 0) return buf;
    size_t at = 0;
    AppendNumberText(v, lang, buf, size, &at);
    buf[at] = '\0';
    return buf;
}

const char* FormatRange(double lo, double hi, Lang lang, char* buf, size_t size) {
    if (size == 0) return buf;
    size_t at = 0;
    AppendNumberText(lo, lang, buf, size, &at);
    Put(buf, size, &at, "\xE2\x80\x93");  // en dash
    AppendNumberText(hi, lang, buf, size, &at);
    buf[at] = '\0';
    return buf;
}

std::string FormatNumber(double v, Lang lang) {
    char buf[512];  // the longest: -1.8e308, 309 digits, 102 commas, a sign; plus 17 fraction digits
    return FormatNumber(v, lang, buf, sizeof buf);
}

std::string FormatRange(double lo, double hi, Lang lang) {
    char buf[1024];
    return FormatRange(lo, hi, lang, buf, sizeof buf);
}

}  // namespace jcm
