// campaign.h: campaign arithmetic over a loaded dataset (counts per area, category and status).
#pragma once

#include <vector>

#include "core/model.h"

namespace jcm {

struct GoalCounts {
    int goals = 0;
    int targets = 0;     // goals with a quantified target
    int projects = 0;    // goals of kind "project"
    int programmes = 0;  // goals of kind "programme"
    int by_status[kStatusCount] = {};
};

struct CampaignStats {
    std::vector<GoalCounts> per_area;      // parallel to Dataset::areas
    std::vector<int> per_category;         // parallel to Dataset::categories
    GoalCounts total;
    int areas_reporting = 0;               // areas with at least one goal
    int max_goals_per_area = 0;
};

// Counts everything once; call again after the data changes.
CampaignStats ComputeStats(const Dataset& data);

}  // namespace jcm
