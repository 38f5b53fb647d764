#include "platform/platform_headless.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace jcm::platform {
namespace headless {

State& Get() {
    static State state;
    return state;
}

void Reset() { Get() = State{}; }

bool Complete(const std::string& url, bool ok, std::string_view body, const std::string& error) {
    State& s = Get();
    for (size_t i = 0; i < s.pending.size(); ++i) {
        if (s.pending[i].url != url) continue;
        const Request r = s.pending[i];
        s.pending.erase(s.pending.begin() + static_cast<long>(i));
        FetchResult res;
        res.request_id = r.id;
        res.ok = ok;
        res.http_status = ok ? 200 : 404;
        res.data = body.data();
        res.size = body.size();
        res.url = url;
        res.error = error;
        r.callback(res, r.user);
        return true;
    }
    return false;
}

}  // namespace headless

// The headless Fetch answers from a std::string: a taken copy is the taker's to free().
char* FetchResult::TakeData() const {
    taken = true;
    char* copy = static_cast<char*>(std::malloc(size + 1));
    if (copy == nullptr) return nullptr;
    if (size > 0) std::memcpy(copy, data, size);
    copy[size] = '\0';
    return copy;
}

void Fetch(const std::string& url, int request_id, FetchCallback callback, void* user) {
    headless::Get().pending.push_back({url, request_id, callback, user});
}
std::string DatasetUrl(std::string* refused) {
    if (refused) *refused = headless::Get().refused_dataset_url;
    return headless::Get().dataset_url;
}
std::string DefaultDatasetUrl() { return headless::Get().default_dataset_url; }
std::string GetHash(std::string* unreadable) {
    if (unreadable) *unreadable = headless::Get().hash_unreadable;
    return headless::Get().hash;
}
void SetHash(const std::string& hash, bool push) {
    auto& h = headless::Get();
    if (push && h.hash != hash) h.history.push_back(h.hash);
    h.hash = hash;
}
void GuardBack() { ++headless::Get().back_guards; }
void ReleaseBackGuard() { ++headless::Get().back_guard_releases; }
bool TakeHashChanged(bool* back) {
    headless::State& h = headless::Get();
    const bool changed = h.hash_changed;
    *back = changed && h.hash_back;
    h.hash_changed = h.hash_back = false;
    return changed;
}
void SetTextField(float x, float y, float w, float h, const std::string& value, const std::string&, FieldKind kind, bool replace) {
    headless::State& s = headless::Get();
    s.field_kind = kind;
    s.field[0] = x, s.field[1] = y, s.field[2] = w, s.field[3] = h;
    s.field_value = value;
    s.field_replaced |= replace;
}
void FocusTextField() { headless::Get().field_focused = true; }
bool TakeTextFieldInput(std::string* value) {
    headless::State& s = headless::Get();
    if (!s.typed_changed) return false;
    s.typed_changed = false;
    *value = s.typed;
    return true;
}
bool TextFieldFocused() { return headless::Get().field_focused; }
std::string Today() { return headless::Get().today; }
bool PrefersDarkScheme() { return headless::Get().prefers_dark; }
// Storage answers at once (the app must not rely on that: the browser answers later).
void StoreGet(const std::string& key, int request_id, StoreCallback callback, void* user) {
    headless::State& s = headless::Get();
    const auto it = s.store.find(key);
    if (s.store_fails) callback(request_id, false, false, "storage unavailable", user);
    else callback(request_id, true, it != s.store.end(), it != s.store.end() ? it->second : std::string(), user);
}
void StorePut(const std::string& key, const std::string& value, int request_id, StoreCallback callback, void* user) {
    headless::State& s = headless::Get();
    if (!s.store_fails) s.store[key] = value;
    if (callback) callback(request_id, !s.store_fails, true, s.store_fails ? "storage unavailable" : "", user);
}
void DownloadFile(const std::string& name, const std::string& mime, const std::string& bytes) {
    headless::Get().downloads.push_back({name, mime, bytes});
}
void DownloadCanvasPng(const std::string& name) { headless::Get().png_downloads.push_back(name); }
void ShareView(const std::string& title) { headless::Get().shared_titles.push_back(title); }
bool PickDate(float, float, float, float, const std::string& value, const std::string& max) {
    headless::State& s = headless::Get();
    if (s.has_date_picker) s.date_picks.push_back(value + "<=" + max);
    return s.has_date_picker;
}
bool TakePickedDate(std::string* date) {
    headless::State& s = headless::Get();
    if (s.picked_date.empty()) return false;
    *date = s.picked_date;
    s.picked_date.clear();
    return true;
}
bool TakeShareResult(int* outcome) {
    headless::State& s = headless::Get();
    if (s.share_result < 0) return false;
    *outcome = s.share_result;
    s.share_result = -1;
    return true;
}
bool OpenUrl(const std::string& url) {
    const bool ok = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    if (ok) headless::Get().opened_urls.push_back(url);
    return ok;
}
void SetImportLimit(size_t max_bytes) { headless::Get().import_limit = max_bytes; }
void PickFile(bool merge) {
    ++headless::Get().pick_file_calls;
    headless::Get().pick_merge = merge;
}
void PrintDocument(const std::string& html, const std::string&) { headless::Get().printed.push_back(html); }
bool TakeImportedFile(ImportedFile* out) {
    headless::State& s = headless::Get();
    if (s.imports.empty()) return false;
    *out = s.imports.front();
    s.imports.erase(s.imports.begin());
    return true;
}
void SetPageTheme(bool dark) { headless::Get().page_dark = dark; }
bool DrawGlyphs(const uint32_t* codepoints, int count, float, int width, int height, float, unsigned char* pixels, float* advances) {
    headless::State& s = headless::Get();
    if (!s.draws_glyphs) return false;
    s.glyphs_drawn += count;
    for (int k = 0; k < count; ++k) {
        unsigned char* cell = pixels + static_cast<size_t>(k) * static_cast<size_t>(width) * static_cast<size_t>(height);
        // A bar, in a column that depends on the character (tests tell cells apart by it).
        const int bar = 2 + static_cast<int>(codepoints[k] % 3);
        for (int i = 0; i < width * height; ++i) cell[i] = (i % width) == bar ? 255 : 0;
        advances[k] = static_cast<float>(width - 2) + static_cast<float>(codepoints[k] % 2);
    }
    return true;
}
bool SystemFontMetrics(float* ascent_per_em, float* descent_per_em) {
    const headless::State& s = headless::Get();
    if (!s.system_fonts || !s.draws_glyphs) return false;
    *ascent_per_em = 1.16f;  // Noto Sans CJK's
    *descent_per_em = 0.288f;
    return true;
}
void ReportFonts(int missing, int platform_drawn) {
    headless::Get().fonts_missing = missing;
    headless::Get().fonts_platform_drawn = platform_drawn;
}
void SetPageInfo(const std::string& lang_tag, const std::string& title, const std::string& canvas_label) {
    headless::State& s = headless::Get();
    s.page_lang = lang_tag;
    s.page_title = title;
    s.canvas_label = canvas_label;
}
std::string LoadSetting(const char* key) {
    const auto it = headless::Get().settings.find(key);
    return it == headless::Get().settings.end() ? std::string() : it->second;
}
void SaveSetting(const char* key, const std::string& value) { headless::Get().settings[key] = value; }
float DevicePixelRatio() { return headless::Get().dpr; }
void Mark(const char* name) { headless::Get().marks.emplace_back(name); }
void ShowPageError(const std::string& title, const std::string& detail, const std::string& /*if_continued*/) { headless::Get().page_error = title + ": " + detail; }
void HideLoading() { headless::Get().loading_title.clear(); }
void ShowLoading(const std::string& title) { headless::Get().loading_title = title; }
void ShowLoadProgress(const std::string& step_zh, const std::string& step_en, double fraction) {
    headless::Get().load_progress.push_back({step_zh, step_en, fraction});
}
void SetAccessibleSummary(const std::string& text) { headless::Get().summary = text; }
void PublishSemantics(const std::string& json) {
    headless::Get().semantics = json;
    ++headless::Get().semantics_published;
}
void LeaveCanvas(bool forward) { headless::Get().left_canvas = forward ? 1 : -1; }
void CollationRanks(const std::vector<std::string>& names, bool, std::vector<int>* ranks) {
    std::vector<int> order(names.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return names[static_cast<size_t>(a)] < names[static_cast<size_t>(b)]; });
    ranks->assign(names.size(), 0);
    for (size_t pos = 0; pos < order.size(); ++pos) (*ranks)[static_cast<size_t>(order[pos])] = static_cast<int>(pos);
}

bool TakeSemanticAction(SemanticAction* out) {
    auto& q = headless::Get().actions;
    if (q.empty()) return false;
    *out = q.front();
    q.erase(q.begin());
    return true;
}
void RunMainLoop(FrameFunction) {}
void Sleep() { headless::Get().sleeping = true; }
void Wake() { headless::Get().sleeping = false; }
double Now() { return headless::Get().now; }
bool TakeContextRestored() { return false; }  // no GL here
bool ContextLost() { return false; }

}  // namespace jcm::platform
