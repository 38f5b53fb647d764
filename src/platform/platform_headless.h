// platform_headless.h: a platform.h implementation with no browser, for native tests of the UI.
// It records what the app asked of the platform and lets a test answer fetches by hand.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "platform/platform.h"

namespace jcm::platform::headless {

struct Request {
    std::string url;
    int id = 0;
    FetchCallback callback = nullptr;
    void* user = nullptr;
};

struct State {
    std::vector<Request> pending;
    std::vector<std::string> marks;
    std::string dataset_url = "data/campaign.json";
    std::string default_dataset_url = "data/campaign.json";
    std::string refused_dataset_url;                 // as on the one-file page
    std::string hash;
    std::string hash_unreadable;                     // parts of the hash that could not be decoded
    int left_canvas = 0;                             // LeaveCanvas: 1 forward, -1 backward
    std::vector<std::string> history;                // hashes pushed over (Back returns to the last)
    std::string summary;
    std::string semantics;                           // the items as last published (JSON)
    int semantics_published = 0;                    // how many times
    std::vector<SemanticAction> actions;             // queued by a test as if from the mirror
    std::map<std::string, std::string> settings;
    std::string page_error;
    struct LoadProgress { std::string zh, en; double fraction; };
    std::vector<LoadProgress> load_progress;         // ShowLoadProgress calls, in order
    std::string loading_title;                       // ShowLoading's title while the card is up ("" once hidden)
    float dpr = 1.0f;
    bool sleeping = false;
    bool hash_changed = false;
    bool hash_back = false;                          // ... and it was Back (with hash_changed)
    int back_guards = 0;                             // GuardBack calls
    int back_guard_releases = 0;                     // ReleaseBackGuard calls
    float field[4] = {0, 0, 0, 0};   // the text field's rectangle as last published
    std::string field_value;         // what the app last published
    FieldKind field_kind = FieldKind::Search;
    bool field_replaced = false;     // set by a publish that replaces what a focused input holds (tests reset it)
    std::string typed;               // what the "user" typed (set typed_changed too)
    bool typed_changed = false;
    bool field_focused = false;
    std::string today = "2020-04-01";
    bool prefers_dark = false;
    std::map<std::string, std::string> store;       // "IndexedDB"
    bool store_fails = false;                        // make every store call fail
    struct Download { std::string name, mime, bytes; };
    std::vector<Download> downloads;
    std::vector<std::string> png_downloads;
    std::vector<ImportedFile> imports;               // queued by a test as if picked or dropped
    int pick_file_calls = 0;
    bool pick_merge = false;                         // the last PickFile's purpose
    std::vector<std::string> printed;                // PrintDocument's documents
    std::vector<std::string> opened_urls;  // OpenUrl, http(s) only
    std::vector<std::string> shared_titles;  // ShareView calls
    int share_result = -1;                   // what TakeShareResult gives next (-1: nothing yet)
    bool has_date_picker = true;             // PickDate's answer
    std::vector<std::string> date_picks;     // PickDate calls: "value<=max"
    std::string picked_date;                 // what TakePickedDate gives next ("": nothing yet)
    size_t import_limit = 0;
    bool page_dark = false;
    std::string page_lang, page_title, canvas_label;  // SetPageInfo
    bool draws_glyphs = false;                         // DrawGlyph works (a test's choice)
    bool system_fonts = false;                         // SystemFontMetrics says yes (a test's choice; needs draws_glyphs)
    int glyphs_drawn = 0;
    int fonts_missing = -1, fonts_platform_drawn = -1;  // ReportFonts
    double now = 0;
};

State& Get();
void Reset();
// Answers the pending request for `url`: ok with `body`, or failed with `error`. False if none.
bool Complete(const std::string& url, bool ok, std::string_view body, const std::string& error = "");

}  // namespace jcm::platform::headless
