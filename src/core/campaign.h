// campaign.h: campaign arithmetic over a loaded dataset: counts per area, category and status
// (under the user's filters), where the campaign stands in its period, and search.
//
// Index:
//   [SECTION] Filters and counts
//   [SECTION] Period            day N of the campaign, from the data's dates and today's date
//   [SECTION] Search            areas and goals whose text contains a query, in either language
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace jcm {

//-----------------------------------------------------------------------------
// [SECTION] Filters and counts
//-----------------------------------------------------------------------------

// Which goals and areas the user wants to see. An empty list means "all".
struct GoalFilter {
    std::vector<std::string> categories;   // Category ids to keep
    std::vector<std::string> area_kinds;   // AreaKind ids to keep
    uint32_t statuses = 0;                 // bit (1 << Status) set = keep; 0 = all

    bool Empty() const { return categories.empty() && area_kinds.empty() && statuses == 0; }
    bool KeepsArea(const Area& a) const;
    bool KeepsGoal(const Goal& g, Status status) const;  // by category and (dated) status
};

struct GoalCounts {
    int goals = 0;
    int targets = 0;     // goals with a quantified target
    int projects = 0;    // goals of kind "project"
    int programmes = 0;  // goals of kind "programme"
    int by_status[kStatusCount] = {};
};
// The goals with a report (of any status but "not reported").
inline int ReportedGoals(const GoalCounts& c) { return c.goals - c.by_status[static_cast<int>(Status::NotReported)]; }

struct CampaignStats {
    std::vector<GoalCounts> per_area;          // parallel to Dataset::areas (0 for filtered-out areas)
    std::vector<int> all_goals;                // parallel to areas: every goal the data has, unfiltered
    std::vector<int> per_category;             // parallel to Dataset::categories
    std::vector<std::vector<int>> area_category;  // [area][category] goal counts
    std::vector<uint8_t> area_kept;            // parallel to areas: 1 if the area filter keeps it
    GoalCounts total;
    int areas_reporting = 0;                   // kept areas with at least one kept goal
    int areas_kept = 0;
    int max_goals_per_area = 0;
    int max_targets_per_area = 0;
    int max_projects_per_area = 0;
};

// Counts the goals `filter` keeps, with each goal's status as of `as_of` (ISO date; "" = now:
// the latest report); call again after the data, the filter or the date changes.
CampaignStats ComputeStats(const Dataset& data, const GoalFilter& filter = {}, const std::string& as_of = {});

// Every distinct progress-report date in the data, ascending (the timeline's steps).
std::vector<std::string> ReportDates(const Dataset& data);

// The status a goal had on `date` (ISO): its last progress report on or before that date,
// NotReported before the first one; an empty date means "now" (Goal::status).
Status StatusOn(const Goal& goal, const std::string& date);

// An amount done against its goal's target, as the app words it everywhere (the detail, the
// record dialog, the briefing, the merge dialog): "3 / 69 个", "3 of 69 projects"; the target's
// range as stated ("1 / 1–2 家"); just the number when the goal states no target. Writes at most
// `size` bytes into `buf` and returns it; allocates nothing (views call it every frame).
const char* FormatAchieved(double achieved, const Goal& goal, Lang lang, char* buf, size_t size);
// Its second half, after the amount: "/ 69 个", "of 69 projects" ("" when the goal states no target).
const char* FormatOfTarget(const Goal& goal, Lang lang, char* buf, size_t size);

// Whether a goal's target is an amount done bit by bit, against which a report can give the
// amount done (not one marked Target::no_amount: "3 年内", a span of time).
inline bool CountableTarget(const Goal& g) { return g.has_target && !g.target.no_amount && g.target.value > 0; }

// The steps an amount done is recorded in against `target` (> 0): 10^exponent, the target's own
// last decimal place ("69 个": 1; "2.5 亿元": 0.1), coarser for a big target so that reaching it
// takes at most kMaxAmountSteps steps ("1,000,000": 100).
constexpr long kMaxAmountSteps = 10000;
struct AmountSteps {
    int exponent = 0;    // a step is 10^exponent
    long to_target = 0;  // steps from 0 to the target (rounded up)
};
AmountSteps AmountStepsFor(double target);
// n steps as an amount: the decimal nearest n * 10^exponent (0.009, not 0.009000000000000001).
double StepsToAmount(long n, int exponent);
// The step nearest `amount` (rounded down if `down`, up if `up`), clamped to 0..`max`.
long AmountToSteps(double amount, int exponent, long max, int round = 0);

//-----------------------------------------------------------------------------
// [SECTION] Period
//-----------------------------------------------------------------------------

enum class PeriodState : uint8_t { Unknown, Before, During, After };

struct PeriodInfo {
    PeriodState state = PeriodState::Unknown;  // Unknown: the data states no start/end dates
    int total_days = 0;   // end - start + 1
    int day = 0;          // During: 1..total_days
    int days_left = 0;    // During: days after today until the end; Before: days until the start
    int days_since_end = 0;  // After
};

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD"; false if it is not a real date.
bool DayNumber(std::string_view iso, long* out);

// Where the campaign stands on `today` (ISO date, the client's local date).
PeriodInfo CampaignPeriod(const Campaign& c, std::string_view today);

//-----------------------------------------------------------------------------
// [SECTION] Search
//-----------------------------------------------------------------------------

enum class HitKind : uint8_t { Area, Goal };

struct SearchHit {
    HitKind kind = HitKind::Area;
    int index = 0;          // into Dataset::areas or Dataset::goals
    bool in_quote = false;  // the match is in the goal's source quote only
};

// Areas whose name, and goals whose title, target, project name or quote contain `query`
// (either language; ASCII case-insensitive; blank query: nothing). Areas first, then goals in
// data order; at most `max_hits`.
void Search(const Dataset& data, std::string_view query, std::vector<SearchHit>& out, size_t max_hits = 200);

}  // namespace jcm
