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

int Dataset::FindArea(const std::string& area_id) const { return FindById(areas, area_id); }
int Dataset::FindCategory(const std::string& category_id) const { return FindById(categories, category_id); }
int Dataset::FindAreaKind(const std::string& kind_id) const { return FindById(area_kinds, kind_id); }

}  // namespace jcm
