#include "core/text.h"

#include <algorithm>

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

void SortUnique(std::vector<uint32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

size_t CodepointCount(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
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

}  // namespace jcm
