// semantics.cpp: the semantics layer's buffer (see semantics.h).
#include "ui/semantics.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace jcm {
namespace {

constexpr const char* kRoleNames[] = {"region", "heading", "text", "button", "tab", "tablist", "link",
                                      "checkbox", "slider", "textbox", "table", "row", "columnheader", "cell",
                                      "list", "listitem", "dialog", "menu", "menuitem", "group"};
static_assert(sizeof(kRoleNames) / sizeof(kRoleNames[0]) == static_cast<size_t>(Role::Count_), "one name per role");

// FNV-1a, 64-bit.
struct Hasher {
    uint64_t h = 1469598103934665603ull;
    void Bytes(const void* p, size_t n) {
        const unsigned char* b = static_cast<const unsigned char*>(p);
        for (size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    }
    template <class T>
    void Value(T v) { Bytes(&v, sizeof v); }
};

uint32_t Fnv32(uint32_t seed, std::string_view s) {
    uint32_t h = 2166136261u ^ seed;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h ? h : 1u;
}

// JSON string escaping into `out` (UTF-8 passes through).
void AppendJsonString(std::string& out, std::string_view s) {
    out += '"';
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
}

void AppendNumber(std::string& out, double v) {
    char buf[32];
    // Whole CSS pixels are enough for positions; values keep their fraction (a slider's step of
    // 0.001 too; a double's digits: an amount's slider to 7.3e9 in steps of 1e6 must end on a step).
    // A whole number is written digit by digit: printf's were a quarter of a big map's
    // publication in wasm (4,000 items, six numbers each).
    if (std::fabs(v) <= 9007199254740992.0 && v == std::trunc(v)) {  // (2^53: every whole double up to it)
        long long n = static_cast<long long>(v);
        char* end = buf + sizeof buf;
        char* p = end;
        const bool negative = n < 0;
        unsigned long long u = negative ? 0ull - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
        do {
            *--p = static_cast<char>('0' + u % 10);
            u /= 10;
        } while (u != 0);
        if (negative) *--p = '-';
        out.append(p, static_cast<size_t>(end - p));
        return;
    }
    std::snprintf(buf, sizeof buf, "%.15g", v);
    out += buf;
}

}  // namespace

const char* RoleName(Role role) { return kRoleNames[static_cast<size_t>(role)]; }

Semantics::Semantics() : text_(new char[kTextBytes]) {
    items_.reserve(kMaxItems);
    json_.reserve(64 * 1024);
}

void Semantics::BeginFrame() {
    count_ = 0;
    items_.clear();
    text_used_ = 0;
    depth_ = 0;
    overflow_ = false;
}

bool Semantics::EndFrame() {
    depth_ = 0;
    if (!enabled_ || paused_) return false;
    // An activation for an item that was not drawn this frame or the next is stale.
    if (pending_id_ != 0 && ++pending_age_ > 2) pending_id_ = 0;
    if (focus_id_ != 0) focus_id_ = 0;
    Hasher h;
    for (int i = 0; i < count_; ++i) {
        const SemItem& it = items_[static_cast<size_t>(i)];
        h.Value(it.id);
        h.Value(it.parent);
        h.Value(it.role);
        h.Value(it.level);
        h.Value(it.flags);
        h.Value(it.value);
        h.Value(it.min);
        h.Value(it.max);
        h.Value(static_cast<int>(it.rect.x));
        h.Value(static_cast<int>(it.rect.y));
        h.Value(static_cast<int>(it.rect.w));
        h.Value(static_cast<int>(it.rect.h));
        h.Bytes(text_.get() + it.name, it.name_len);
    }
    h.Value(count_);
    if (h.h == published_hash_) return false;
    published_hash_ = h.h;
    return true;
}

uint32_t Semantics::PushText(std::string_view s) {
    if (text_used_ + s.size() > kTextBytes) {
        overflow_ = true;
        s = s.substr(0, kTextBytes - text_used_);
    }
    const uint32_t at = static_cast<uint32_t>(text_used_);
    if (!s.empty()) std::memcpy(text_.get() + text_used_, s.data(), s.size());
    text_used_ += s.size();
    return at;
}

int Semantics::Add(Role role, uint32_t id, std::string_view name, SemRect rect, uint16_t flags) {
    if (!enabled_ || paused_) return -1;
    if (count_ >= kMaxItems) {
        overflow_ = true;
        return -1;
    }
    items_.emplace_back();
    SemItem& it = items_.back();
    it.id = id ? id : DeriveId(role, name);
    it.parent = depth_ > 0 ? stack_[depth_ - 1] : -1;
    it.role = role;
    it.flags = flags;
    it.rect = rect;
    it.name = PushText(name);
    it.name_len = static_cast<uint32_t>(text_used_ - it.name);
    return count_++;
}

int Semantics::Begin(Role role, uint32_t id, std::string_view name, SemRect rect, uint16_t flags) {
    const int index = Add(role, id, name, rect, flags);
    if (depth_ < kMaxDepth) stack_[depth_++] = index;  // a full buffer nests under -1: still balanced
    return index;
}

void Semantics::End() {
    if (depth_ <= 0) return;
    const int index = stack_[--depth_];
    if (index < 0) return;
    // A container's rectangle is what it holds on screen (its items follow it contiguously); the
    // rectangle it was begun with stands when it holds nothing visible.
    SemItem& c = items_[static_cast<size_t>(index)];
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    if (c.rect.w > 1 && c.rect.h > 1) {  // a region given its own extent keeps it
        x0 = c.rect.x, y0 = c.rect.y, x1 = c.rect.x + c.rect.w, y1 = c.rect.y + c.rect.h;
    }
    for (int i = index + 1; i < count_; ++i) {
        const SemItem& it = items_[static_cast<size_t>(i)];
        if ((it.flags & kSemOffscreen) || it.rect.w <= 0 || it.rect.h <= 0) continue;
        x0 = it.rect.x < x0 ? it.rect.x : x0;
        y0 = it.rect.y < y0 ? it.rect.y : y0;
        x1 = it.rect.x + it.rect.w > x1 ? it.rect.x + it.rect.w : x1;
        y1 = it.rect.y + it.rect.h > y1 ? it.rect.y + it.rect.h : y1;
    }
    if (x1 > x0 && y1 > y0) {
        c.rect = SemRect{x0, y0, x1 - x0, y1 - y0};
        c.flags = static_cast<uint16_t>(c.flags & ~kSemOffscreen);
    } else if (index + 1 < count_) {
        c.rect = SemRect{c.rect.x, c.rect.y, 0, 0};  // everything in it is out of view
        c.flags |= kSemOffscreen;
    }
}

void Semantics::SetValue(int index, double value, double min, double max, double step) {
    if (index < 0) return;
    SemItem& it = items_[static_cast<size_t>(index)];
    it.flags |= kSemHasValue;
    it.value = value;
    it.min = min;
    it.max = max;
    it.step = step;
}

void Semantics::AddFlags(int index, uint16_t flags) {
    if (index >= 0) items_[static_cast<size_t>(index)].flags |= flags;
}

void Semantics::SetLevel(int index, int level) {
    if (index >= 0) items_[static_cast<size_t>(index)].level = static_cast<uint8_t>(level);
}

uint32_t Semantics::DeriveId(Role role, std::string_view name) const {
    const int parent = depth_ > 0 ? stack_[depth_ - 1] : -1;
    const uint32_t seed = (parent >= 0 ? items_[static_cast<size_t>(parent)].id : 0u) * 31u + static_cast<uint32_t>(role);
    return Fnv32(seed, name);
}

void Semantics::Activate(uint32_t id, bool has_value, double value) {
    pending_id_ = id;
    pending_has_value_ = has_value;
    pending_value_ = value;
    pending_age_ = 0;
}

bool Semantics::TakeActivation(uint32_t id, double* value) {
    if (pending_id_ == 0 || pending_id_ != id) return false;
    pending_id_ = 0;
    if (value && pending_has_value_) *value = pending_value_;
    return true;
}

bool Semantics::TakeFocus(uint32_t id) {
    if (focus_id_ == 0 || focus_id_ != id) return false;
    focus_id_ = 0;
    return true;
}

int Semantics::Find(Role role, std::string_view part, int from) const {
    for (int i = from < 0 ? 0 : from; i < count_; ++i) {
        const SemItem& it = items_[static_cast<size_t>(i)];
        if (it.role == role && Name(it).find(part) != std::string_view::npos) return i;
    }
    return -1;
}

bool Semantics::IsInside(int item, int container) const {
    for (int p = item >= 0 && item < count_ ? items_[static_cast<size_t>(item)].parent : -1; p >= 0;
         p = items_[static_cast<size_t>(p)].parent)
        if (p == container) return true;
    return false;
}

const std::string& Semantics::ToJson() {
    json_.clear();
    json_ += '[';
    for (int i = 0; i < count_; ++i) {
        const SemItem& it = items_[static_cast<size_t>(i)];
        if (i > 0) json_ += ',';
        json_ += '[';
        AppendNumber(json_, it.id);
        json_ += ',';
        AppendNumber(json_, it.parent);
        json_ += ',';
        AppendJsonString(json_, RoleName(it.role));
        json_ += ',';
        AppendNumber(json_, it.flags);
        json_ += ',';
        AppendNumber(json_, it.level);
        const float r[4] = {it.rect.x, it.rect.y, it.rect.w, it.rect.h};
        for (float v : r) {
            json_ += ',';
            AppendNumber(json_, static_cast<double>(static_cast<int>(v + (v >= 0 ? 0.5f : -0.5f))));
        }
        json_ += ',';
        AppendJsonString(json_, Name(it));
        json_ += ',';
        AppendNumber(json_, it.value);
        json_ += ',';
        AppendNumber(json_, it.min);
        json_ += ',';
        AppendNumber(json_, it.max);
        if (it.flags & kSemHasValue) {
            json_ += ',';
            AppendNumber(json_, it.step);
        }
        json_ += ']';
    }
    json_ += ']';
    return json_;
}

}  // namespace jcm
