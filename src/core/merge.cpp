// merge.cpp: see merge.h.
#include "core/merge.h"

#include <algorithm>
#include <unordered_map>

namespace jcm {

bool SameReport(const ProgressReport& a, const ProgressReport& b) {
    return a.date == b.date && a.status == b.status && a.has_percent == b.has_percent &&
           (!a.has_percent || a.percent == b.percent) && a.has_achieved == b.has_achieved &&
           (!a.has_achieved || a.achieved == b.achieved) && a.note.zh == b.note.zh && a.note.en == b.note.en &&
           a.author == b.author;
}

MergePlan PlanMerge(const Dataset& current, const Dataset& incoming) {
    MergePlan plan;
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < current.goals.size(); ++i) index.emplace(current.goals[i].id, i);  // first wins
    std::vector<std::string> authors;
    auto note_author = [&](const std::string& a) {
        if (!a.empty() && std::find(authors.begin(), authors.end(), a) == authors.end()) authors.push_back(a);
    };
    for (const Goal& theirs : incoming.goals) {
        const auto it = index.find(theirs.id);
        if (it == index.end()) {
            plan.unknown_goals += static_cast<int>(theirs.progress.size());
            continue;
        }
        const Goal& mine = current.goals[it->second];
        for (const ProgressReport& r : theirs.progress) {
            const auto same_day = std::find_if(mine.progress.begin(), mine.progress.end(),
                                               [&](const ProgressReport& m) { return m.date == r.date; });
            if (same_day == mine.progress.end()) {
                plan.added.push_back({mine.id, r});
                plan.added_goals.push_back(static_cast<int>(it->second));
                note_author(r.author);
            } else if (SameReport(*same_day, r)) {
                ++plan.same;
            } else {
                plan.conflicts.push_back({static_cast<int>(it->second), *same_day, r});
                note_author(r.author);
            }
        }
    }
    plan.authors = static_cast<int>(authors.size());
    return plan;
}

void UpsertEdit(std::vector<LocalEdit>& edits, const LocalEdit& edit) {
    for (LocalEdit& e : edits) {
        if (e.goal_id == edit.goal_id && e.report.date == edit.report.date) {
            e = edit;
            return;
        }
    }
    edits.push_back(edit);
}

std::vector<LocalEdit> MergeEdits(const std::vector<LocalEdit>& edits, const MergePlan& plan,
                                  const std::vector<uint8_t>& take_theirs, const Dataset& current) {
    std::vector<LocalEdit> out = edits;
    for (const LocalEdit& e : plan.added) UpsertEdit(out, e);
    for (size_t i = 0; i < plan.conflicts.size(); ++i) {
        const MergeConflict& c = plan.conflicts[i];
        if (i >= take_theirs.size() || take_theirs[i] == 0) continue;
        if (c.goal < 0 || static_cast<size_t>(c.goal) >= current.goals.size()) continue;
        UpsertEdit(out, {current.goals[static_cast<size_t>(c.goal)].id, c.theirs});
    }
    return out;
}

}  // namespace jcm
