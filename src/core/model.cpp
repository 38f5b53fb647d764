// model.cpp: the few functions of the data model (status and kind ids, lookups by id, reference
// resolution) and the tables fields.h declares.
#include "core/model.h"

#include <array>
#include <unordered_map>

#include "core/fields.h"

namespace jcm {

namespace {
constexpr const char* kStatusIds[kStatusCount] = {"not_reported", "green", "yellow", "red", "done"};
constexpr const char* kGoalKindIds[kGoalKindCount] = {"action", "target", "project", "programme"};
constexpr IdListInfo kIdLists[kIdListCount] = {
    {"", "", ""},
    {"area_kinds", "区域类型", "area kind"},
    {"categories", "分类", "category"},
    {"areas", "区域", "area"},
    {"goals", "目标", "goal"},
};

// Pass 1: the ids of each id list, first occurrence wins.
struct IdCollector {
    std::array<std::unordered_map<std::string, int>, kIdListCount> index;
    template <class... A> void Const(const char*, A&&...) {}
    template <class... A> void Ignored(const char*, A&&...) {}
    template <class... A> void String(const char*, A&&...) {}
    template <class... A> void Ref(const char*, A&&...) {}
    template <class... A> void Text(const char*, A&&...) {}
    template <class... A> void Date(const char*, A&&...) {}
    template <class... A> void Number(const char*, A&&...) {}
    template <class... A> void Int(const char*, A&&...) {}
    template <class... A> void Bool(const char*, A&&...) {}
    template <class... A> void Enum(const char*, A&&...) {}
    template <class... A> void Color(const char*, A&&...) {}
    template <class... A> void Object(const char*, A&&...) {}
    template <class... A> void Geometry(const char*, A&&...) {}
    template <class T> void List(const char*, std::vector<T>& list, Need, IdList which) {
        if constexpr (HasId<T>::value) {
            if (which == IdList::None) return;
            auto& map = index[static_cast<size_t>(which)];
            map.reserve(list.size());
            for (size_t i = 0; i < list.size(); ++i) map.emplace(list[i].id, static_cast<int>(i));
        }
    }
};

// Pass 2: every reference's index from its id.
struct RefResolver {
    const IdCollector& ids;
    template <class... A> void Const(const char*, A&&...) {}
    template <class... A> void Ignored(const char*, A&&...) {}
    template <class... A> void String(const char*, A&&...) {}
    void Ref(const char*, const std::string& id, int& out, IdList to, Need) {
        const auto& map = ids.index[static_cast<size_t>(to)];
        const auto it = id.empty() ? map.end() : map.find(id);
        out = it == map.end() ? -1 : it->second;
    }
    template <class... A> void Text(const char*, A&&...) {}
    template <class... A> void Date(const char*, A&&...) {}
    template <class... A> void Number(const char*, A&&...) {}
    template <class... A> void Int(const char*, A&&...) {}
    template <class... A> void Bool(const char*, A&&...) {}
    template <class... A> void Enum(const char*, A&&...) {}
    template <class... A> void Color(const char*, A&&...) {}
    template <class... A> void Geometry(const char*, A&&...) {}
    template <class T, class... A> void Object(const char*, T& t, A&&...) { Fields(*this, t); }
    template <class T, class... A> void List(const char*, std::vector<T>& list, A&&...) {
        for (T& e : list) Fields(*this, e);
    }
};

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

const char* GoalKindId(GoalKind k) {
    const auto i = static_cast<size_t>(k);
    return i < static_cast<size_t>(kGoalKindCount) ? kGoalKindIds[i] : "action";
}

bool ParseGoalKind(const std::string& id, GoalKind* out) {
    for (int i = 0; i < kGoalKindCount; ++i) {
        if (id == kGoalKindIds[i]) {
            *out = static_cast<GoalKind>(i);
            return true;
        }
    }
    return false;
}

const EnumInfo kStatusInfo = {kStatusIds, kStatusCount, "状态", "status"};
const EnumInfo kGoalKindInfo = {kGoalKindIds, kGoalKindCount, "目标类型", "goal kind"};

const IdListInfo& InfoOf(IdList list) {
    const auto i = static_cast<size_t>(list);
    return kIdLists[i < static_cast<size_t>(kIdListCount) ? i : 0];
}

void ResolveReferences(Dataset& d) {
    IdCollector ids;
    Fields(ids, d);
    RefResolver resolve{ids};
    Fields(resolve, d);
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
