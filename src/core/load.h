// load.h: JSON text -> validated Dataset, with every problem found reported as a value.
//
// Never throws, never aborts, whatever the input: nlohmann/json is used without exceptions
// (JSON_NOEXCEPTION) through a SAX parser that records the first syntax error with its line and
// column, and every value's type is checked before it is read. Input size and nesting depth are
// capped. All problems are collected (not just the first), each with the file name, a JSON
// pointer and a message in Chinese and English.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace jcm {

enum class Severity : uint8_t { Warning, Error };

struct Problem {
    Severity severity = Severity::Error;
    std::string file;      // as given to LoadDataset
    std::string pointer;   // RFC 6901 JSON pointer, "" for the whole document
    int line = 0;          // 1-based line of the problem (or of the object missing a field); 0 if unknown
    int column = 0;        // 1-based, counted in characters (code points), not bytes
    Text message;
};

struct LoadLimits {
    size_t max_bytes = 64u * 1024u * 1024u;  // bigger input is refused before parsing
    int max_depth = 64;                      // deeper nesting is refused while parsing
    size_t max_areas = 10000;
    size_t max_goals = 100000;
    size_t max_vertices = 4000000;
};

struct LoadResult {
    Dataset data;                  // meaningful only when Ok()
    std::vector<Problem> problems; // errors and warnings, in document order
    bool Ok() const;               // no problem of Severity::Error
    int ErrorCount() const;
    int WarningCount() const;
};

// Parses and validates one dataset file (docs/data-format.md). `file` names it in problems.
LoadResult LoadDataset(std::string_view text, std::string_view file, const LoadLimits& limits = {});

namespace detail {
class RingPrereader;
struct ParsedText;
}  // namespace detail

// LoadDataset in steps, for a big file loaded across frames (the app's loading card). Each Step
// reads about `bytes` more of the boundaries ahead of the parse (most of a big file's time goes
// there), or, once they are all read, parses the rest of the text; Finish checks what was parsed.
// Its result is LoadDataset's, whatever the steps were. `text` must outlive it.
class DatasetLoad {
  public:
    DatasetLoad(std::string_view text, std::string_view file, const LoadLimits& limits = {});
    ~DatasetLoad();
    DatasetLoad(const DatasetLoad&) = delete;
    DatasetLoad& operator=(const DatasetLoad&) = delete;

    bool Step(size_t bytes);   // true once the text is parsed: only Finish is left
    double Progress() const;   // the share read ahead, 0 to 1
    LoadResult Finish();       // once; Steps not taken are done here (in one go)

  private:
    std::string_view text_;
    std::string file_;
    LoadLimits limits_;
    std::unique_ptr<detail::RingPrereader> ahead_;  // null when the text is over the size limit
    bool read_ahead_ = false;
    std::unique_ptr<detail::ParsedText> parsed_;
};

// "file:line:col: error: pointer: message" in the given language (for the CLI and logs); the
// line/column part is left out when unknown, the pointer part when it is the whole document.
std::string FormatProblem(const Problem& p, Lang lang);

}  // namespace jcm
