#include "core/campaign.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.h"

namespace jcm {
namespace {

bool Contains(const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool TextContains(const Text& t, std::string_view q) { return ContainsLoosely(t.zh, q) || ContainsLoosely(t.en, q); }

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Filters and counts
//-----------------------------------------------------------------------------

bool GoalFilter::KeepsArea(const Area& a) const { return area_kinds.empty() || Contains(area_kinds, a.kind); }

bool GoalFilter::KeepsGoal(const Goal& g, Status status) const {
    if (!categories.empty() && !Contains(categories, g.category)) return false;
    return statuses == 0 || (statuses & (1u << static_cast<unsigned>(status))) != 0;
}

std::vector<std::string> ReportDates(const Dataset& data) {
    std::vector<std::string> dates;
    for (const Goal& g : data.goals)
        for (const ProgressReport& p : g.progress) dates.push_back(p.date);
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
}

CampaignStats ComputeStats(const Dataset& data, const GoalFilter& filter, const std::string& as_of) {
    CampaignStats s;
    const size_t na = data.areas.size(), nc = data.categories.size();
    s.per_area.assign(na, GoalCounts{});
    s.all_goals.assign(na, 0);
    s.per_category.assign(nc, 0);
    s.area_category.assign(na, std::vector<int>(nc, 0));
    s.area_kept.assign(na, 0);
    for (size_t i = 0; i < na; ++i) {
        s.area_kept[i] = filter.KeepsArea(data.areas[i]) ? 1 : 0;
        s.areas_kept += s.area_kept[i];
    }

    auto add = [](GoalCounts& c, const Goal& g, Status st) {
        ++c.goals;
        c.targets += g.has_target;
        c.projects += g.kind == GoalKind::Project;
        c.programmes += g.kind == GoalKind::Programme;
        ++c.by_status[static_cast<int>(st)];
    };
    for (const Goal& g : data.goals) {  // references resolved at load (model.h)
        const auto a = static_cast<size_t>(g.area_index);
        if (g.area_index >= 0 && a < na) ++s.all_goals[a];
        const Status st = StatusOn(g, as_of);
        if (g.area_index < 0 || a >= na || !s.area_kept[a] || !filter.KeepsGoal(g, st)) continue;
        add(s.total, g, st);
        add(s.per_area[a], g, st);
        const auto c = static_cast<size_t>(g.category_index);
        if (g.category_index >= 0 && c < nc) {
            ++s.per_category[c];
            ++s.area_category[a][c];
        }
    }
    for (const GoalCounts& c : s.per_area) {
        s.areas_reporting += c.goals > 0;
        s.max_goals_per_area = std::max(s.max_goals_per_area, c.goals);
        s.max_targets_per_area = std::max(s.max_targets_per_area, c.targets);
        s.max_projects_per_area = std::max(s.max_projects_per_area, c.projects);
    }
    return s;
}

const char* FormatOfTarget(const Goal& g, Lang lang, char* buf, size_t size) {
    if (size == 0) return buf;
    buf[0] = '\0';
    if (!g.has_target) return buf;
    const Target& t = g.target;
    char target[96];
    if (t.has_min) FormatRange(t.min, t.value, lang, target, sizeof target);
    else FormatNumber(t.value, lang, target, sizeof target);
    const std::string& unit = t.unit.Get(lang);
    std::snprintf(buf, size, "%s%s%s%s", lang == Lang::Zh ? "/ " : "of ", target, unit.empty() ? "" : " ", unit.c_str());
    return buf;
}

const char* FormatAchieved(double achieved, const Goal& g, Lang lang, char* buf, size_t size) {
    char done[64], of[160];
    FormatNumber(achieved, lang, done, sizeof done);
    FormatOfTarget(g, lang, of, sizeof of);
    std::snprintf(buf, size, "%s%s%s", done, of[0] ? " " : "", of);
    return buf;
}

namespace {
double Pow10(int e) {
    double p = 1;
    for (int k = 0; k < (e < 0 ? -e : e); ++k) p *= 10;
    return p;
}
// `amount` in steps of 10^exponent (a fraction where it lies between two).
double InSteps(double amount, int exponent) { return exponent < 0 ? amount * Pow10(-exponent) : amount / Pow10(exponent); }
}  // namespace

AmountSteps AmountStepsFor(double target) {
    AmountSteps s;
    if (!(target > 0) || !std::isfinite(target)) return s;
    // The target's last decimal place: ShortestDecimal gives 0.d1..dn x 10^point.
    const detail::Decimal d = detail::ShortestDecimal(target);
    s.exponent = std::min(0, d.point - d.count);  // (a whole number steps by 1: 2000 in 2,000 steps)
    const auto steps_at = [&](int e) { return std::ceil(InSteps(target, e) - 1e-9); };
    while (steps_at(s.exponent) > static_cast<double>(kMaxAmountSteps)) ++s.exponent;
    s.to_target = static_cast<long>(steps_at(s.exponent));
    return s;
}

double StepsToAmount(long n, int exponent) {
    // Dividing by an exact power of ten gives the double nearest the decimal.
    return exponent < 0 ? static_cast<double>(n) / Pow10(-exponent) : static_cast<double>(n) * Pow10(exponent);
}

long AmountToSteps(double amount, int exponent, long max, int round) {
    if (!(amount > 0)) return 0;
    const double q = InSteps(amount, exponent);
    if (!(q < static_cast<double>(max))) return max;  // (NaN and beyond the end alike)
    const double r = round < 0 ? std::floor(q + 1e-9) : round > 0 ? std::ceil(q - 1e-9) : std::floor(q + 0.5);
    return std::clamp(static_cast<long>(r), 0L, max);
}

Status StatusOn(const Goal& goal, const std::string& date) {
    if (date.empty()) return goal.status;
    Status s = Status::NotReported;
    for (const ProgressReport& p : goal.progress) {  // sorted by date at load
        if (p.date > date) break;                    // ISO dates compare as strings
        s = p.status;
    }
    return s;
}

//-----------------------------------------------------------------------------
// [SECTION] Period
//-----------------------------------------------------------------------------

bool DayNumber(std::string_view iso, long* out) {
    if (!IsIsoDate(iso)) return false;
    auto num = [&iso](size_t at, size_t n) {
        long v = 0;
        for (size_t i = at; i < at + n; ++i) v = v * 10 + (iso[i] - '0');
        return v;
    };
    const long y0 = num(0, 4), m = num(5, 2), d = num(8, 2);
    // Howard Hinnant's days_from_civil.
    const long y = m <= 2 ? y0 - 1 : y0;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *out = era * 146097 + doe - 719468;
    return true;
}

PeriodInfo CampaignPeriod(const Campaign& c, std::string_view today) {
    PeriodInfo p;
    long start = 0, end = 0, now = 0;
    if (!DayNumber(c.start, &start) || !DayNumber(c.end, &end) || end < start || !DayNumber(today, &now)) return p;
    p.total_days = static_cast<int>(end - start + 1);
    if (now < start) {
        p.state = PeriodState::Before;
        p.days_left = static_cast<int>(start - now);
    } else if (now > end) {
        p.state = PeriodState::After;
        p.days_since_end = static_cast<int>(now - end);
    } else {
        p.state = PeriodState::During;
        p.day = static_cast<int>(now - start + 1);
        p.days_left = static_cast<int>(end - now);
    }
    return p;
}

//-----------------------------------------------------------------------------
// [SECTION] Search
//-----------------------------------------------------------------------------

void Search(const Dataset& data, std::string_view query, std::vector<SearchHit>& out, size_t max_hits) {
    out.clear();
    const std::string_view q = Trim(query);
    if (q.empty()) return;
    for (size_t i = 0; i < data.areas.size() && out.size() < max_hits; ++i) {
        const Area& a = data.areas[i];
        if (TextContains(a.name, q) || TextContains(a.label, q) || TextContains(a.headline, q)) out.push_back({HitKind::Area, static_cast<int>(i), false});
    }
    for (size_t i = 0; i < data.goals.size() && out.size() < max_hits; ++i) {
        const Goal& g = data.goals[i];
        const bool in_text = TextContains(g.title, q) || (g.has_target && TextContains(g.target.as_stated, q));
        const bool in_quote = !in_text && ContainsLoosely(g.quote, q);
        if (in_text || in_quote) out.push_back({HitKind::Goal, static_cast<int>(i), in_quote});
    }
}

}  // namespace jcm
