// test_merge.cpp: another device's export merged into this device's reports (src/core/merge.h).
#include <doctest.h>

#include <string>
#include <vector>

#include "core/export.h"
#include "core/merge.h"

using namespace jcm;

namespace {

ProgressReport Report(const char* date, Status s, const char* author = "", int percent = -1, const char* note = "") {
    ProgressReport r;
    r.date = date;
    r.status = s;
    r.author = author;
    if (percent >= 0) r.has_percent = true, r.percent = percent;
    r.note.zh = note;
    return r;
}

Dataset TwoGoals() {
    Dataset d;
    d.id = "city";
    Goal a;
    a.id = "g-a";
    Goal b;
    b.id = "g-b";
    d.goals = {a, b};
    return d;
}

}  // namespace

TEST_CASE("merge: new dates come in, identical reports are kept once, a different report for a date is a conflict") {
    Dataset mine = TwoGoals();
    mine.goals[0].progress = {Report("2026-12-01", Status::Green, "王", 20)};
    Dataset theirs = TwoGoals();
    theirs.goals[0].progress = {Report("2026-12-01", Status::Green, "王", 20),    // the same: kept once
                                Report("2026-12-02", Status::Yellow, "李", 30)};  // new
    theirs.goals[1].progress = {Report("2026-12-02", Status::Red, "张")};          // new
    MergePlan plan = PlanMerge(mine, theirs);
    CHECK(plan.added.size() == 2);
    CHECK(plan.same == 1);
    CHECK(plan.conflicts.empty());
    CHECK(plan.authors == 2);
    CHECK(plan.added[0].goal_id == "g-a");
    CHECK(plan.added[1].goal_id == "g-b");

    // A conflict: same goal and date, another percent (or another author, or note).
    theirs.goals[0].progress[0].percent = 25;
    plan = PlanMerge(mine, theirs);
    REQUIRE(plan.conflicts.size() == 1);
    CHECK(plan.same == 0);
    CHECK(plan.conflicts[0].goal == 0);
    CHECK(plan.conflicts[0].mine.percent == 20);
    CHECK(plan.conflicts[0].theirs.percent == 25);
    theirs.goals[0].progress[0].percent = 20;
    theirs.goals[0].progress[0].author = "赵";
    CHECK(PlanMerge(mine, theirs).conflicts.size() == 1);
    theirs.goals[0].progress[0].author = "王";
    theirs.goals[0].progress[0].note.en = "done";
    CHECK(PlanMerge(mine, theirs).conflicts.size() == 1);
    theirs.goals[0].progress[0].note.en.clear();
    CHECK(PlanMerge(mine, theirs).conflicts.empty());
    theirs.goals[0].progress[0].has_achieved = true;  // an amount done where this device has none
    CHECK(PlanMerge(mine, theirs).conflicts.size() == 1);
    mine.goals[0].progress[0].has_achieved = true;
    CHECK(PlanMerge(mine, theirs).conflicts.empty());
    theirs.goals[0].progress[0].achieved = 3;          // another amount
    CHECK(PlanMerge(mine, theirs).conflicts.size() == 1);
}

TEST_CASE("merge: reports for goals this data lacks are counted and left out; unnamed authors are not counted") {
    Dataset mine = TwoGoals();
    Dataset theirs = TwoGoals();
    Goal other;
    other.id = "g-elsewhere";
    other.progress = {Report("2026-12-01", Status::Green), Report("2026-12-02", Status::Green)};
    theirs.goals.push_back(other);
    theirs.goals[0].progress = {Report("2026-12-01", Status::Done)};
    const MergePlan plan = PlanMerge(mine, theirs);
    CHECK(plan.unknown_goals == 2);
    CHECK(plan.added.size() == 1);
    CHECK(plan.authors == 0);
    CHECK(PlanMerge(mine, mine).Empty());
}

TEST_CASE("merge: MergeEdits adds the new reports and, per conflict, the chosen side; the old edits are untouched") {
    Dataset published = TwoGoals();
    published.goals[1].progress = {Report("2026-11-30", Status::Green, "张")};
    std::vector<LocalEdit> edits = {{"g-a", Report("2026-12-01", Status::Green, "王", 20)}};
    const Dataset mine = ApplyEdits(published, edits);
    Dataset theirs = TwoGoals();
    theirs.goals[0].progress = {Report("2026-12-01", Status::Red, "李", 10), Report("2026-12-03", Status::Yellow, "李")};
    theirs.goals[1].progress = {Report("2026-11-30", Status::Done, "李")};
    const MergePlan plan = PlanMerge(mine, theirs);
    REQUIRE(plan.added.size() == 1);
    REQUIRE(plan.conflicts.size() == 2);

    // Keep mine for both: only the new report comes in.
    std::vector<LocalEdit> merged = MergeEdits(edits, plan, {0, 0}, mine);
    REQUIRE(merged.size() == 2);
    CHECK(merged[0].report.author == "王");
    CHECK(merged[1].report.date == "2026-12-03");
    // Take theirs for both: the edit for 12-01 is replaced, the published 11-30 report is overridden by an edit.
    merged = MergeEdits(edits, plan, {1, 1}, mine);
    REQUIRE(merged.size() == 3);
    CHECK(merged[0].report.author == "李");
    CHECK(merged[0].report.status == Status::Red);
    CHECK(merged[2].goal_id == "g-b");
    const Dataset after = ApplyEdits(published, merged);
    CHECK(after.goals[1].status == Status::Done);
    CHECK(after.goals[0].progress.size() == 2);
    CHECK(edits.size() == 1);  // undo is the previous edits, unchanged
    // Merging the same file again brings nothing new.
    CHECK(PlanMerge(after, theirs).Empty());
}

TEST_CASE("merge: UpsertEdit keeps one report per goal and day") {
    std::vector<LocalEdit> edits;
    UpsertEdit(edits, {"g-a", Report("2026-12-01", Status::Green)});
    UpsertEdit(edits, {"g-a", Report("2026-12-02", Status::Green)});
    UpsertEdit(edits, {"g-a", Report("2026-12-01", Status::Red)});
    REQUIRE(edits.size() == 2);
    CHECK(edits[0].report.status == Status::Red);
}
