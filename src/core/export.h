// export.h: the dataset and officials' local progress edits, written back out: the dataset as
// JSON in the documented format (docs/data-format.md; re-loading it gives the same data), the
// goals as CSV for Excel/WPS, and local edits as a small JSON document for browser storage.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/load.h"
#include "core/model.h"

namespace jcm {

// A progress report recorded on this device and not yet published (in the data file).
struct LocalEdit {
    std::string goal_id;
    ProgressReport report;
};

// `data` with the edits applied: each edit's report is added to its goal's progress (kept
// sorted by date; a report with the same date as an existing one replaces it) and the goal's
// status becomes its latest report's. Edits naming unknown goals are skipped and counted.
Dataset ApplyEdits(const Dataset& data, const std::vector<LocalEdit>& edits, int* skipped = nullptr);

// The dataset in the documented format, UTF-8, 2-space indented with each coordinate ring on one
// line; LoadDataset(DatasetToJson(d)) gives back d (same fields, same order).
std::string DatasetToJson(const Dataset& data);

// The goals as CSV (RFC 4180, CRLF, UTF-8 with BOM so Excel and WPS detect the encoding):
// id, area, area name, category, kind, title (zh), title (en), target (numbers as the app shows
// them, core/text.h FormatNumber: "1,500,000", a range "1–2"), unit, deadline, status,
// latest report date, percent, amount done (in the unit's column's unit), note, quote.
std::string GoalsToCsv(const Dataset& data, Lang lang);

// Local edits <-> JSON: {"schema_version": 1, "dataset": "<dataset id>", "edits": [{"goal": id,
// "date": ..., "status": ..., "percent": ..., "achieved": ..., "note": {"zh", "en"}, "author": ...}]}.
std::string EditsToJson(const std::string& dataset_id, const std::vector<LocalEdit>& edits);
// Parses what EditsToJson wrote; never throws. Returns false (and says why in *error) for
// anything malformed; a document for another dataset id is also refused.
bool EditsFromJson(std::string_view text, const std::string& dataset_id, std::vector<LocalEdit>* edits,
                   std::string* error);

}  // namespace jcm
