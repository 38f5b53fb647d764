// number_scan.cpp: see number_scan.h.
#include "core/number_scan.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace jcm::detail {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool Strtod(const char* begin, const char* end, double* out) {
    const std::string token(begin, end);
    *out = std::strtod(token.c_str(), nullptr);
    return std::isfinite(*out);
}

}  // namespace

const char* SkipSpace(const char* p, const char* end) {
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
    return p;
}

bool ScanNumber(const char* p, const char* end, double* out, const char** next) {
    const char* q = p;
    const bool neg = q < end && *q == '-';
    if (neg) ++q;
    const char* int_begin = q;
    if (q < end && *q == '0') {
        ++q;
    } else if (q < end && *q >= '1' && *q <= '9') {
        while (q < end && IsDigit(*q)) ++q;
    } else {
        return false;
    }
    const char* int_end = q;
    const char* frac_end = q;
    if (q < end && *q == '.') {
        ++q;
        const char* frac = q;
        while (q < end && IsDigit(*q)) ++q;
        if (q == frac) return false;
        frac_end = q;
    }
    long exp = 0;
    const bool has_exp = q < end && (*q == 'e' || *q == 'E');
    if (has_exp) {
        ++q;
        const bool exp_neg = q < end && *q == '-';
        if (q < end && (*q == '+' || *q == '-')) ++q;
        const char* digits = q;
        for (; q < end && IsDigit(*q); ++q) {
            if (exp < 100000) exp = exp * 10 + (*q - '0');
        }
        if (q == digits) return false;
        if (exp_neg) exp = -exp;
    }
    double v = 0;
    if (frac_end == int_end && !has_exp) {  // an integer token
        std::uint64_t m = 0;
        bool fits = true;
        for (const char* c = int_begin; c < int_end && fits; ++c) {
            const std::uint64_t d = static_cast<std::uint64_t>(*c - '0');
            fits = m <= (UINT64_MAX - d) / 10;
            if (fits) m = m * 10 + d;
        }
        if (fits && neg) fits = m <= (std::uint64_t{1} << 63);
        if (fits) {
            v = m == 0 ? 0.0 : neg ? -static_cast<double>(m) : static_cast<double>(m);
        } else if (!Strtod(p, q, &v)) {
            return false;
        }
    } else {
        static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                            1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        std::uint64_t m = 0;
        int significant = 0;
        long e10 = exp;
        for (const char* c = int_begin; c < frac_end; ++c) {
            if (c == int_end) continue;  // the '.'
            if (c > int_end) --e10;      // a fraction digit
            const int d = *c - '0';
            if (m == 0 && d == 0) continue;  // a leading zero
            if (++significant > 19) break;
            m = m * 10 + static_cast<std::uint64_t>(d);
        }
        if (significant <= 19 && m <= (std::uint64_t{1} << 53) && e10 >= -22 && e10 <= 22) {
            const double dm = static_cast<double>(m);
            v = e10 < 0 ? dm / kPow10[-e10] : dm * kPow10[e10];
            if (neg) v = -v;
        } else if (!Strtod(p, q, &v)) {
            return false;
        }
    }
    if (!std::isfinite(v)) return false;
    *out = v;
    *next = q;
    return true;
}

bool ScanPosition(const char* p, const char* end, LonLat* out, const char** next) {
    if (p >= end || *p != '[') return false;
    p = SkipSpace(p + 1, end);
    if (!ScanNumber(p, end, &out->lon, &p)) return false;
    p = SkipSpace(p, end);
    if (p >= end || *p != ',') return false;
    p = SkipSpace(p + 1, end);
    if (!ScanNumber(p, end, &out->lat, &p)) return false;
    p = SkipSpace(p, end);
    if (p >= end || *p != ']') return false;
    *next = p + 1;
    return true;
}

int ScanPositions(const char* p, const char* end, std::vector<LonLat>* ring, const char** next) {
    LonLat pos;
    p = SkipSpace(p, end);
    if (!ScanPosition(p, end, &pos, &p)) return 0;
    ring->push_back(pos);
    for (;;) {
        p = SkipSpace(p, end);
        if (p >= end || *p != ',') break;
        p = SkipSpace(p + 1, end);
        if (!ScanPosition(p, end, &pos, &p)) return -1;
        ring->push_back(pos);
    }
    *next = p;
    return 1;
}

}  // namespace jcm::detail
