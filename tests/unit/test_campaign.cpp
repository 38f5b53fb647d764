// test_campaign.cpp: counts under filters, the campaign period, status history and search.
#include <doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "core/campaign.h"
#include "core/load.h"
#include "core/text.h"

namespace {

const jcm::Dataset& Shipped() {
    static const jcm::Dataset data = [] {
        std::ifstream f(std::string(JCM_SOURCE_DIR) + "/data/campaign.json", std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        jcm::LoadResult r = jcm::LoadDataset(ss.str(), "campaign.json");
        REQUIRE(r.Ok());
        return r.data;
    }();
    return data;
}

jcm::Campaign Period(const char* start, const char* end) {
    jcm::Campaign c;
    c.start = start;
    c.end = end;
    return c;
}

}  // namespace

TEST_CASE("campaign: counts add up, per area, per category and per status") {
    const jcm::Dataset& d = Shipped();
    const jcm::CampaignStats s = jcm::ComputeStats(d);
    CHECK(s.total.goals == static_cast<int>(d.goals.size()));
    int by_area = 0, by_category = 0, by_status = 0, cells = 0;
    for (const auto& c : s.per_area) by_area += c.goals;
    for (int c : s.per_category) by_category += c;
    for (int k = 0; k < jcm::kStatusCount; ++k) by_status += s.total.by_status[k];
    for (const auto& row : s.area_category)
        for (int c : row) cells += c;
    CHECK(by_area == s.total.goals);
    CHECK(by_category == s.total.goals);
    CHECK(by_status == s.total.goals);
    CHECK(cells == s.total.goals);
    CHECK(s.areas_kept == static_cast<int>(d.areas.size()));
    // The report covers six areas; the shipped data has no progress, so nothing but "not reported".
    CHECK(s.areas_reporting == 6);
    CHECK(s.total.by_status[static_cast<int>(jcm::Status::NotReported)] == s.total.goals);
}

TEST_CASE("campaign: filters keep what they name and nothing else") {
    const jcm::Dataset& d = Shipped();
    const jcm::CampaignStats all = jcm::ComputeStats(d);
    REQUIRE(!d.categories.empty());
    jcm::GoalFilter f;
    f.categories = {d.categories[0].id};
    const jcm::CampaignStats one = jcm::ComputeStats(d, f);
    CHECK(one.total.goals == all.per_category[0]);
    for (size_t c = 1; c < d.categories.size(); ++c) CHECK(one.per_category[c] == 0);

    jcm::GoalFilter zones;
    zones.area_kinds = {"functional_zone"};
    const jcm::CampaignStats z = jcm::ComputeStats(d, zones);
    int expected = 0;
    for (size_t i = 0; i < d.areas.size(); ++i) {
        const bool zone = d.areas[i].kind == "functional_zone";
        CHECK(z.area_kept[i] == (zone ? 1 : 0));
        if (zone) expected += all.per_area[i].goals;
        else CHECK(z.per_area[i].goals == 0);
    }
    CHECK(z.total.goals == expected);

    jcm::GoalFilter green;
    green.statuses = 1u << static_cast<unsigned>(jcm::Status::Green);
    CHECK(jcm::ComputeStats(d, green).total.goals == 0);  // nothing reported yet
    CHECK(jcm::GoalFilter{}.Empty());
}

TEST_CASE("campaign: period before, during, on the edges, after, and without dates") {
    const jcm::Campaign c = Period("2020-03-01", "2020-06-08");  // 100 days, across a leap February
    jcm::PeriodInfo p = jcm::CampaignPeriod(c, "2020-02-28");
    CHECK(p.state == jcm::PeriodState::Before);
    CHECK(p.days_left == 2);
    CHECK(p.total_days == 100);
    p = jcm::CampaignPeriod(c, "2020-03-01");
    CHECK(p.state == jcm::PeriodState::During);
    CHECK(p.day == 1);
    CHECK(p.days_left == 99);
    p = jcm::CampaignPeriod(c, "2020-06-08");
    CHECK(p.state == jcm::PeriodState::During);
    CHECK(p.day == 100);
    CHECK(p.days_left == 0);
    p = jcm::CampaignPeriod(c, "2026-11-28");
    CHECK(p.state == jcm::PeriodState::After);
    CHECK(p.days_since_end > 2000);
    CHECK(jcm::CampaignPeriod(jcm::Campaign{}, "2020-03-01").state == jcm::PeriodState::Unknown);
    CHECK(jcm::CampaignPeriod(Period("2020-06-08", "2020-03-01"), "2020-04-01").state == jcm::PeriodState::Unknown);
    CHECK(jcm::CampaignPeriod(c, "not a date").state == jcm::PeriodState::Unknown);
    // The shipped campaign states no dates: the dashboard must say so rather than count.
    CHECK(jcm::CampaignPeriod(Shipped().campaign, "2020-04-01").state == jcm::PeriodState::Unknown);
}

TEST_CASE("campaign: day numbers") {
    long a = 0, b = 0;
    REQUIRE(jcm::DayNumber("1970-01-01", &a));
    CHECK(a == 0);
    REQUIRE(jcm::DayNumber("2000-03-01", &b));
    REQUIRE(jcm::DayNumber("2000-02-28", &a));
    CHECK(b - a == 2);  // 2000 is a leap year
    REQUIRE(jcm::DayNumber("1900-03-01", &b));
    REQUIRE(jcm::DayNumber("1900-02-28", &a));
    CHECK(b - a == 1);  // 1900 is not
    CHECK_FALSE(jcm::DayNumber("2021-02-29", &a));
    CHECK_FALSE(jcm::DayNumber("2021-13-01", &a));
    CHECK_FALSE(jcm::DayNumber("2021-1-01", &a));
}

TEST_CASE("campaign: status on a date replays progress reports") {
    jcm::Goal g;
    g.progress = {{"2020-04-01", jcm::Status::Green, false, 0, false, 0, {}, ""},
                  {"2020-05-01", jcm::Status::Red, false, 0, false, 0, {}, ""}};
    g.status = jcm::Status::Red;
    CHECK(jcm::StatusOn(g, "2020-03-31") == jcm::Status::NotReported);
    CHECK(jcm::StatusOn(g, "2020-04-01") == jcm::Status::Green);
    CHECK(jcm::StatusOn(g, "2020-04-30") == jcm::Status::Green);
    CHECK(jcm::StatusOn(g, "2020-05-02") == jcm::Status::Red);
    CHECK(jcm::StatusOn(g, "") == jcm::Status::Red);
}

TEST_CASE("campaign: an amount done is worded against its goal's target, in either language") {
    jcm::Goal g;
    char buf[128];
    CHECK(std::string(jcm::FormatAchieved(3, g, jcm::Lang::En, buf, sizeof buf)) == "3");  // no target to measure it against
    g.has_target = true;
    g.target.value = 69;
    g.target.unit = {"个", "projects"};
    CHECK(std::string(jcm::FormatAchieved(3, g, jcm::Lang::Zh, buf, sizeof buf)) == "3 / 69 个");
    CHECK(std::string(jcm::FormatAchieved(3, g, jcm::Lang::En, buf, sizeof buf)) == "3 of 69 projects");
    g.target.has_min = true;
    g.target.min = 1;
    g.target.value = 2;
    g.target.unit = {"家", "firms"};
    CHECK(std::string(jcm::FormatAchieved(1.5, g, jcm::Lang::Zh, buf, sizeof buf)) == "1.5 / 1\xE2\x80\x93" "2 家");
    char small[8];
    CHECK(std::string(jcm::FormatAchieved(1.5, g, jcm::Lang::Zh, small, sizeof small)).size() < sizeof small);  // cut, never past the buffer
    // A span of time is not an amount done bit by bit.
    CHECK(jcm::CountableTarget(g));
    g.target.no_amount = true;
    CHECK_FALSE(jcm::CountableTarget(g));
}

TEST_CASE("campaign: an amount done steps by its target's last decimal place, exactly, and never overflows") {
    struct Case {
        double target;
        int exponent;
        long to_target;
    };
    const Case cases[] = {{69, 0, 69}, {7, 0, 7}, {2000, 0, 2000}, {2.5, -1, 25}, {0.5, -1, 5}, {0.05, -2, 5},
                          {0.123, -3, 123}, {1e6, 2, 10000}, {123456789, 5, 1235}, {1e15, 11, 10000}};
    for (const Case& c : cases) {
        CAPTURE(c.target);
        const jcm::AmountSteps s = jcm::AmountStepsFor(c.target);
        CHECK(s.exponent == c.exponent);
        CHECK(s.to_target == c.to_target);
        CHECK(s.to_target <= jcm::kMaxAmountSteps);
        // The target is a whole number of steps where it can be (its own last place).
        if (c.exponent <= 0) CHECK(jcm::StepsToAmount(s.to_target, s.exponent) == c.target);
    }
    for (const double bad : {0.0, -3.0, std::nan(""), HUGE_VAL}) CHECK(jcm::AmountStepsFor(bad).to_target == 0);
    // Steps read back as the decimals a person typed: 9 x 0.001 is 0.009, not 0.009000000000000001.
    char buf[64];
    CHECK(std::string(jcm::FormatNumber(jcm::StepsToAmount(9, -3), jcm::Lang::En, buf, sizeof buf)) == "0.009");
    CHECK(jcm::StepsToAmount(25, -1) == 2.5);
    CHECK(jcm::StepsToAmount(3, 2) == 300);
    // Back to steps: nearest, down or up from between two steps; clamped to 0..max, huge and
    // odd values included (1e15 against a target of 69 is the end of the slider, not a negative int).
    CHECK(jcm::AmountToSteps(12.5, 0, 690) == 13);
    CHECK(jcm::AmountToSteps(12.5, 0, 690, -1) == 12);
    CHECK(jcm::AmountToSteps(12.5, 0, 690, +1) == 13);
    CHECK(jcm::AmountToSteps(12, 0, 690, -1) == 12);
    CHECK(jcm::AmountToSteps(12, 0, 690, +1) == 12);
    CHECK(jcm::AmountToSteps(0.009, -3, 5000, +1) == 9);
    CHECK(jcm::AmountToSteps(1e15, 0, 690) == 690);
    CHECK(jcm::AmountToSteps(-4, 0, 690) == 0);
    CHECK(jcm::AmountToSteps(std::nan(""), 0, 690) == 0);
}

TEST_CASE("campaign: search finds areas, goals, projects and quotes in either language") {
    const jcm::Dataset& d = Shipped();
    std::vector<jcm::SearchHit> hits;
    jcm::Search(d, "曲阜", hits);
    REQUIRE(!hits.empty());
    CHECK(hits[0].kind == jcm::HitKind::Area);
    CHECK(d.areas[static_cast<size_t>(hits[0].index)].name.zh == "曲阜市");

    jcm::Search(d, "  QUFU ", hits);  // English, any case, padded
    REQUIRE(!hits.empty());
    CHECK(d.areas[static_cast<size_t>(hits[0].index)].id == "370881");

    jcm::Search(d, "亲亲食品", hits);  // a named project
    REQUIRE(!hits.empty());
    bool project = false;
    for (const auto& h : hits) project |= h.kind == jcm::HitKind::Goal && d.goals[static_cast<size_t>(h.index)].kind == jcm::GoalKind::Project;
    CHECK(project);

    // Words only in a quote are found and flagged as such.
    jcm::Search(d, "奋战一百天", hits);
    REQUIRE(!hits.empty());
    for (const auto& h : hits) {
        REQUIRE(h.kind == jcm::HitKind::Goal);
        CHECK(d.goals[static_cast<size_t>(h.index)].quote.find("奋战一百天") != std::string::npos);
    }

    // An area by the shorter name its map label shows, where that is not in its name (a zone's
    // "HTZ" for "Jining National High-tech Zone").
    jcm::Dataset labelled = d;
    for (jcm::Area& a : labelled.areas)
        if (!a.label.Empty()) a.label.en = "HTZ";
    jcm::Search(labelled, "htz", hits);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == jcm::HitKind::Area);
    CHECK(labelled.areas[static_cast<size_t>(hits[0].index)].label.en == "HTZ");

    // Spaces, hyphens and underscores do not matter in English ("High-tech" as two words or one).
    for (const char* q : {"high tech", "hightech", "HIGH-TECH ZONE", "high - tech", "national high_tech"}) {
        INFO(q);
        jcm::Search(d, q, hits);
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0].kind == jcm::HitKind::Area);
        CHECK(d.areas[static_cast<size_t>(hits[0].index)].name.en.find("High-tech") != std::string::npos);
    }
    CHECK(jcm::ContainsLoosely("Taibai Lake New Area", "lakenew"));
    CHECK_FALSE(jcm::ContainsLoosely("Taibai Lake", "lake new"));
    CHECK(jcm::ContainsLoosely("a-b", "-"));   // only separators: looked for as they are
    CHECK_FALSE(jcm::ContainsLoosely("ab", "-"));
    CHECK(jcm::ContainsLoosely("曲阜 市", "曲阜市"));

    jcm::Search(d, "   ", hits);
    CHECK(hits.empty());
    jcm::Search(d, "no such words anywhere", hits);
    CHECK(hits.empty());
    jcm::Search(d, "区", hits, 3);
    CHECK(hits.size() == 3);
}
