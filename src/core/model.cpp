// model.cpp: the few functions of the data model (status ids, lookups by id).
#include "core/model.h"

namespace jcm {

namespace {
constexpr const char* kStatusIds[kStatusCount] = {"not_reported", "green", "yellow", "red", "done"};

template <class T>
int FindById(const std::vector<T>& items, const std::string& id) {
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) return static_cast<int>(i);
    }
    return -1;
}
}  // namespace

const char* StatusId(Status s) {
    const auto i = static_cast<size_t>(s);
    return i < static_cast<size_t>(kStatusCount) ? kStatusIds[i] : "not_reported";
}

bool ParseStatus(const std::string& id, Status* out) {
    for (int i = 0; i < kStatusCount; ++i) {
        if (id == kStatusIds[i]) {
            *out = static_cast<Status>(i);
            return true;
        }
    }
    return false;
}

bool IsIsoDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int parts[3] = {0, 0, 0};
    const size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
    for (int k = 0; k < 3; ++k) {
        for (size_t i = starts[k]; i < starts[k] + lens[k]; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            parts[k] = parts[k] * 10 + (s[i] - '0');
        }
    }
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int y = parts[0], m = parts[1], d = parts[2];
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

int Dataset::FindArea(const std::string& area_id) const { return FindById(areas, area_id); }
int Dataset::FindCategory(const std::string& category_id) const { return FindById(categories, category_id); }
int Dataset::FindAreaKind(const std::string& kind_id) const { return FindById(area_kinds, kind_id); }

}  // namespace jcm
