// utf8.cpp: see utf8.h.
#include "core/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace jcm {

size_t FindInvalidUtf8(std::string_view text) {
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        // Eight ASCII bytes at a time: a dataset is mostly digits and punctuation (a 20 MB file
        // took 48 ms a byte at a time in the browser).
        std::uint64_t eight;
        while (i + 8 <= n && (std::memcpy(&eight, text.data() + i, 8), (eight & 0x8080808080808080u) == 0)) i += 8;
        if (i >= n) break;
        const auto b0 = static_cast<unsigned char>(text[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        // Lead byte -> sequence length and the allowed range of the second byte (Unicode table 3-7).
        size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
        } else if (b0 == 0xE0) {
            len = 3, lo = 0xA0;
        } else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) {
            len = 3;
        } else if (b0 == 0xED) {
            len = 3, hi = 0x9F;  // no UTF-16 surrogates
        } else if (b0 == 0xF0) {
            len = 4, lo = 0x90;
        } else if (b0 >= 0xF1 && b0 <= 0xF3) {
            len = 4;
        } else if (b0 == 0xF4) {
            len = 4, hi = 0x8F;  // nothing above U+10FFFF
        } else {
            return i;
        }
        if (i + len > n) return i;
        const auto b1 = static_cast<unsigned char>(text[i + 1]);
        if (b1 < lo || b1 > hi) return i;
        for (size_t k = 2; k < len; ++k) {
            const auto b = static_cast<unsigned char>(text[i + k]);
            if (b < 0x80 || b > 0xBF) return i;
        }
        i += len;
    }
    return std::string_view::npos;
}

bool LooksLikeGbk(std::string_view text) {
    size_t pairs = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) continue;
        if (lead == 0x80 || lead == 0xFF || i + 1 >= text.size()) return false;
        const auto trail = static_cast<unsigned char>(text[i + 1]);
        if (trail < 0x40 || trail == 0x7F || trail == 0xFF) return false;
        ++pairs;
        ++i;
    }
    return pairs > 0;
}

bool HasUtf8Bom(std::string_view text) {
    return text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
           static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF;
}

LineCol LineColAt(std::string_view text, size_t offset) {
    return LineColsAt(text, {offset})[0];
}

std::vector<LineCol> LineColsAt(std::string_view text, const std::vector<size_t>& offsets) {
    std::vector<size_t> order(offsets.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return offsets[a] < offsets[b]; });

    std::vector<LineCol> out(offsets.size());
    LineCol lc;
    size_t i = HasUtf8Bom(text) ? 3 : 0;
    for (size_t k : order) {
        const size_t target = offsets[k] > text.size() ? text.size() : offsets[k];
        for (; i < target; ++i) {
            const auto b = static_cast<unsigned char>(text[i]);
            if (b == '\n') {
                ++lc.line;
                lc.column = 1;
            } else if ((b & 0xC0) != 0x80) {  // count lead bytes only: one per character
                ++lc.column;
            }
        }
        out[k] = lc;
    }
    return out;
}

}  // namespace jcm
