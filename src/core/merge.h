// merge.h: another device's export merged into this device's progress reports.
//
// Officials record progress on their own tablets, often offline; a coordinator imports each
// export and merges it. A goal has one report per day (the status on a day is one value), so a
// report is matched by goal id and date, and its content (status, percent, note, author) is
// compared: the same content is kept once, new dates come in, and a different report for a date
// this device already has is a conflict for a person to decide. Nothing changes until the caller
// applies the plan (MergeEdits); the previous edits are all it needs to undo it.
#pragma once

#include <string>
#include <vector>

#include "core/export.h"
#include "core/model.h"

namespace jcm {

struct MergeConflict {
    int goal = -1;             // index into the current Dataset::goals
    ProgressReport mine;       // what this device has for that goal and date
    ProgressReport theirs;     // what the imported file has
};

struct MergePlan {
    std::vector<LocalEdit> added;          // reports for dates this device has none for
    std::vector<int> added_goals;          // parallel to `added`: index into the current Dataset::goals
    std::vector<MergeConflict> conflicts;  // same goal and date, different content
    int same = 0;                          // reports this device already has, identical
    int unknown_goals = 0;                 // reports for goals the current data does not have (left out)
    int authors = 0;                       // distinct named authors of the incoming reports (added and conflicts)
    bool Empty() const { return added.empty() && conflicts.empty(); }
};

// True if the two reports say the same thing (date, status, percent, note and author).
bool SameReport(const ProgressReport& a, const ProgressReport& b);

// Compares every progress report of `incoming` with `current` (the data as shown here: the
// published data with this device's edits applied). Goals are matched by id.
MergePlan PlanMerge(const Dataset& current, const Dataset& incoming);

// Adds `edit` to `edits`, replacing an edit for the same goal and date (one report per day).
void UpsertEdit(std::vector<LocalEdit>& edits, const LocalEdit& edit);

// The local edits after the merge: `edits`, then each added report, then for each conflict whose
// `take_theirs` entry is non-zero the incoming report (a conflict kept as "mine" changes nothing).
std::vector<LocalEdit> MergeEdits(const std::vector<LocalEdit>& edits, const MergePlan& plan,
                                  const std::vector<uint8_t>& take_theirs, const Dataset& current);

}  // namespace jcm
