#include "core/campaign.h"

#include <algorithm>
#include <unordered_map>

namespace jcm {

CampaignStats ComputeStats(const Dataset& data) {
    CampaignStats s;
    s.per_area.assign(data.areas.size(), GoalCounts{});
    s.per_category.assign(data.categories.size(), 0);
    std::unordered_map<std::string, size_t> area_index, category_index;
    for (size_t i = 0; i < data.areas.size(); ++i) area_index.emplace(data.areas[i].id, i);
    for (size_t i = 0; i < data.categories.size(); ++i) category_index.emplace(data.categories[i].id, i);

    auto add = [](GoalCounts& c, const Goal& g) {
        ++c.goals;
        c.targets += g.has_target;
        c.projects += g.kind == "project";
        c.programmes += g.kind == "programme";
        ++c.by_status[static_cast<int>(g.status)];
    };
    for (const Goal& g : data.goals) {
        add(s.total, g);
        if (auto it = area_index.find(g.area); it != area_index.end()) add(s.per_area[it->second], g);
        if (auto it = category_index.find(g.category); it != category_index.end()) ++s.per_category[it->second];
    }
    for (const GoalCounts& c : s.per_area) {
        s.areas_reporting += c.goals > 0;
        s.max_goals_per_area = std::max(s.max_goals_per_area, c.goals);
    }
    return s;
}

}  // namespace jcm
