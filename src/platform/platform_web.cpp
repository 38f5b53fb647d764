// platform_web.cpp: the browser implementation of platform.h (Emscripten + platform_web.js).
#include "platform/platform.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

extern "C" {
// Implemented in platform_web.js.
void jcm_fetch(const char* url, int id);
char* jcm_dataset_url();
char* jcm_default_dataset_url();
char* jcm_refused_dataset_url();
char* jcm_get_hash();
char* jcm_unreadable_hash();
void jcm_set_hash(const char* hash, int push);
int jcm_hash_went_back();
void jcm_guard_back();
void jcm_release_back_guard();
void jcm_set_text_field(float x, float y, float w, float h, const char* value, const char* placeholder, int kind, int replace);
void jcm_focus_text_field();
char* jcm_today();
int jcm_prefers_dark();
void jcm_store_get(const char* key, int id);
void jcm_store_put(const char* key, const char* value, int id);
void jcm_download(const char* name, const char* mime, const char* data, size_t size);
void jcm_download_canvas(const char* name);
int jcm_open_url(const char* url);
void jcm_share_view(const char* title);
int jcm_pick_date(float x, float y, float w, float h, const char* value, const char* max);
void jcm_set_import_limit(double bytes);
void jcm_pick_file(int merge);
void jcm_print_document(const char* html, const char* title);
void jcm_set_page_info(const char* lang, const char* title, const char* label);
int jcm_draw_glyphs(const uint32_t* cps, int count, double em, int w, int h, double baseline, unsigned char* out, float* advances);
int jcm_system_font_metrics(float* ascent, float* descent);
void jcm_report_fonts(int missing, int drawn);
void jcm_set_page_theme(int dark);
char* jcm_load_setting(const char* key);
void jcm_save_setting(const char* key, const char* value);
double jcm_device_pixel_ratio();
void jcm_mark(const char* name);
void jcm_show_page_error(const char* title, const char* detail, const char* if_continued);
void jcm_hide_loading();
void jcm_show_loading(const char* title);
void jcm_show_load_progress(const char* zh, const char* en, double fraction);
void jcm_set_a11y_summary(const char* text);
void jcm_publish_semantics(const char* json, size_t size);
void jcm_set_idle(int idle);
void jcm_leave_canvas(int forward);
char* jcm_collation_ranks(const char* names, int chinese);
int jcm_take_context_restored();
int jcm_context_lost();
}

// GL functions are called directly (render_gl.cpp, map_gl.cpp), never looked up by name. SDL asks
// EGL for addresses only in SDL_GL_GetProcAddress and SDL_GL_ExtensionSupported, which this app
// does not call, and for optional EGL extensions, which it may be told are absent. Emscripten's own
// eglGetProcAddress (libGL) searches a table of every WebGL function by name, and so links all of
// them, with their JavaScript, into the app: this definition is used instead, and no function has
// an address to give. (BENCHMARKS.md, "Wasm size", says what it saved.)
extern "C" void* eglGetProcAddress(const char*) { return nullptr; }

// The bytes were _malloc'ed by platform_web.js (jcm_fetch); taken, they are not freed there.
char* jcm::platform::FetchResult::TakeData() const {
    taken = true;
    return const_cast<char*>(data);
}

namespace jcm::platform {
namespace {

struct PendingFetch {
    int id;
    FetchCallback callback;
    void* user;
};
std::vector<PendingFetch> g_pending;
bool g_sleeping = false;
bool g_hash_changed = false;
struct PendingStore {
    int id;
    StoreCallback callback;
    void* user;
};
std::vector<PendingStore> g_store_pending;
std::vector<ImportedFile> g_imports;
std::vector<SemanticAction> g_actions;
bool g_text_changed = false;
int g_share_result = -1;  // jcm_on_shared, not yet taken
std::string g_picked_date;  // jcm_on_date_picked, not yet taken ("": none)
bool g_text_focused = false;
std::string g_text_value;

std::string TakeString(char* p) {
    std::string s = p ? p : "";
    std::free(p);
    return s;
}

}  // namespace

void Fetch(const std::string& url, int request_id, FetchCallback callback, void* user) {
    g_pending.push_back({request_id, callback, user});
    jcm_fetch(url.c_str(), request_id);
}

std::string DatasetUrl(std::string* refused) {
    std::string url = TakeString(jcm_dataset_url());
    if (refused) *refused = TakeString(jcm_refused_dataset_url());
    return url;
}
std::string DefaultDatasetUrl() { return TakeString(jcm_default_dataset_url()); }
std::string GetHash(std::string* unreadable) {
    std::string h = TakeString(jcm_get_hash());
    if (unreadable) *unreadable = TakeString(jcm_unreadable_hash());
    return h;
}
void SetHash(const std::string& hash, bool push) { jcm_set_hash(hash.c_str(), push ? 1 : 0); }
void GuardBack() { jcm_guard_back(); }
void ReleaseBackGuard() { jcm_release_back_guard(); }
bool TakeHashChanged(bool* back) {
    const bool changed = g_hash_changed;
    g_hash_changed = false;
    const int went = changed ? jcm_hash_went_back() : 0;
    *back = went == 1;
    return changed && went != 2;  // (2: the app's own going back from a Back guard)
}
void SetTextField(float x, float y, float w, float h, const std::string& value, const std::string& placeholder, FieldKind kind,
                  bool replace) {
    jcm_set_text_field(x, y, w, h, value.c_str(), placeholder.c_str(), static_cast<int>(kind), replace ? 1 : 0);
}
void FocusTextField() { jcm_focus_text_field(); }
bool TakeTextFieldInput(std::string* value) {
    if (!g_text_changed) return false;
    g_text_changed = false;
    *value = g_text_value;
    return true;
}
bool TextFieldFocused() { return g_text_focused; }
std::string Today() { return TakeString(jcm_today()); }
void StoreGet(const std::string& key, int request_id, StoreCallback callback, void* user) {
    g_store_pending.push_back({request_id, callback, user});
    jcm_store_get(key.c_str(), request_id);
}
void StorePut(const std::string& key, const std::string& value, int request_id, StoreCallback callback, void* user) {
    g_store_pending.push_back({request_id, callback, user});
    jcm_store_put(key.c_str(), value.c_str(), request_id);
}
bool OpenUrl(const std::string& url) { return jcm_open_url(url.c_str()) != 0; }
void ShareView(const std::string& title) { jcm_share_view(title.c_str()); }
bool PickDate(float x, float y, float w, float h, const std::string& value, const std::string& max) {
    return jcm_pick_date(x, y, w, h, value.c_str(), max.c_str()) != 0;
}
bool TakePickedDate(std::string* date) {
    if (g_picked_date.empty()) return false;
    *date = g_picked_date;
    g_picked_date.clear();
    return true;
}
bool TakeShareResult(int* outcome) {
    if (g_share_result < 0) return false;
    *outcome = g_share_result;
    g_share_result = -1;
    return true;
}
void DownloadFile(const std::string& name, const std::string& mime, const std::string& bytes) {
    jcm_download(name.c_str(), mime.c_str(), bytes.data(), bytes.size());
}
void DownloadCanvasPng(const std::string& name) { jcm_download_canvas(name.c_str()); }
void SetImportLimit(size_t max_bytes) { jcm_set_import_limit(static_cast<double>(max_bytes)); }
void PickFile(bool merge) { jcm_pick_file(merge ? 1 : 0); }
void PrintDocument(const std::string& html, const std::string& title) { jcm_print_document(html.c_str(), title.c_str()); }
bool TakeImportedFile(ImportedFile* out) {
    if (g_imports.empty()) return false;
    *out = std::move(g_imports.front());
    g_imports.erase(g_imports.begin());
    return true;
}
bool PrefersDarkScheme() { return jcm_prefers_dark() != 0; }
void SetPageTheme(bool dark) { jcm_set_page_theme(dark ? 1 : 0); }
bool DrawGlyphs(const uint32_t* codepoints, int count, float em, int width, int height, float baseline,
                unsigned char* pixels, float* advances) {
    return jcm_draw_glyphs(codepoints, count, em, width, height, baseline, pixels, advances) != 0;
}
bool SystemFontMetrics(float* ascent_per_em, float* descent_per_em) {
    return jcm_system_font_metrics(ascent_per_em, descent_per_em) != 0;
}
void ReportFonts(int missing, int platform_drawn) { jcm_report_fonts(missing, platform_drawn); }
void SetPageInfo(const std::string& lang_tag, const std::string& title, const std::string& canvas_label) {
    jcm_set_page_info(lang_tag.c_str(), title.c_str(), canvas_label.c_str());
}
std::string LoadSetting(const char* key) { return TakeString(jcm_load_setting(key)); }
void SaveSetting(const char* key, const std::string& value) { jcm_save_setting(key, value.c_str()); }
float DevicePixelRatio() { return static_cast<float>(jcm_device_pixel_ratio()); }
void Mark(const char* name) { jcm_mark(name); }
void ShowPageError(const std::string& title, const std::string& detail, const std::string& if_continued) {
    jcm_show_page_error(title.c_str(), detail.c_str(), if_continued.c_str());
}
void HideLoading() { jcm_hide_loading(); }
void ShowLoading(const std::string& title) { jcm_show_loading(title.c_str()); }
void ShowLoadProgress(const std::string& step_zh, const std::string& step_en, double fraction) {
    jcm_show_load_progress(step_zh.c_str(), step_en.c_str(), fraction);
}
void SetAccessibleSummary(const std::string& text) { jcm_set_a11y_summary(text.c_str()); }
void PublishSemantics(const std::string& json) { jcm_publish_semantics(json.data(), json.size()); }
void LeaveCanvas(bool forward) { jcm_leave_canvas(forward ? 1 : 0); }
void CollationRanks(const std::vector<std::string>& names, bool chinese, std::vector<int>* ranks) {
    std::string joined;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) joined += '\x1f';  // unit separator: never in a name
        joined += names[i];
    }
    const std::string r = TakeString(jcm_collation_ranks(joined.c_str(), chinese ? 1 : 0));
    ranks->assign(names.size(), 0);
    size_t k = 0;
    for (const char* p = r.c_str(); *p && k < names.size(); ++k) {
        (*ranks)[k] = std::atoi(p);
        while (*p && *p != ',') ++p;
        if (*p == ',') ++p;
    }
}

bool TakeSemanticAction(SemanticAction* out) {
    if (g_actions.empty()) return false;
    *out = g_actions.front();
    g_actions.erase(g_actions.begin());
    return true;
}
double Now() { return emscripten_get_now() / 1000.0; }
bool TakeContextRestored() { return jcm_take_context_restored() != 0; }
bool ContextLost() { return jcm_context_lost() != 0; }

void RunMainLoop(FrameFunction frame) {
    // fps 0 = requestAnimationFrame; simulate_infinite_loop: main() never returns, so app state
    // must not live on main's stack.
    emscripten_set_main_loop(frame, 0, 1);
}

// Idle (<html data-app-idle="1">) means asleep with nothing on its way: a fetch or a storage
// request still out will wake the app and change what it shows (the stored records arrive late
// on a busy machine), so until it answers the app sleeps but does not call itself idle.
void Sleep() {
    if (!g_sleeping) {
        g_sleeping = true;
        emscripten_pause_main_loop();
        jcm_set_idle(g_pending.empty() && g_store_pending.empty() ? 1 : 0);
    }
}

void Wake() {
    if (g_sleeping) {
        g_sleeping = false;
        jcm_set_idle(0);
        emscripten_resume_main_loop();
    }
}

}  // namespace jcm::platform

// Called from JS: a fetch finished (platform_web.js) or the page saw input (web/app.js).
extern "C" {

// Returns 1 if the callback took the data (FetchResult::TakeData): platform_web.js then keeps it.
EMSCRIPTEN_KEEPALIVE int jcm_on_fetch(int id, int ok, int status, const char* data, int size,
                                      const char* url, const char* error) {
    using namespace jcm::platform;
    bool taken = false;
    for (size_t i = 0; i < g_pending.size(); ++i) {
        if (g_pending[i].id != id) continue;
        PendingFetch p = g_pending[i];
        g_pending.erase(g_pending.begin() + static_cast<long>(i));
        FetchResult r;
        r.request_id = id;
        r.ok = ok != 0;
        r.http_status = status;
        r.data = data;
        r.size = size > 0 ? static_cast<size_t>(size) : 0;
        r.url = url ? url : "";
        r.error = error ? error : "";
        p.callback(r, p.user);
        taken = r.taken;
        break;
    }
    Wake();
    return taken ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void jcm_wake() { jcm::platform::Wake(); }

EMSCRIPTEN_KEEPALIVE void jcm_on_store(int id, int ok, int found, const char* value) {
    using namespace jcm::platform;
    for (size_t i = 0; i < g_store_pending.size(); ++i) {
        if (g_store_pending[i].id != id) continue;
        const PendingStore p = g_store_pending[i];
        g_store_pending.erase(g_store_pending.begin() + static_cast<long>(i));
        if (p.callback) p.callback(id, ok != 0, found != 0, value ? value : "", p.user);
        break;
    }
    Wake();
}

EMSCRIPTEN_KEEPALIVE void jcm_on_import(const char* name, const char* data, int size, const char* error, int merge) {
    std::string bytes;
    if (data != nullptr && size > 0) bytes.assign(data, static_cast<size_t>(size));
    jcm::platform::g_imports.push_back({name ? name : "", std::move(bytes), error ? error : "", merge != 0});
    jcm::platform::Wake();
}

EMSCRIPTEN_KEEPALIVE void jcm_on_text_field(const char* value) {
    jcm::platform::g_text_value = value ? value : "";
    jcm::platform::g_text_changed = true;
    jcm::platform::Wake();
}

EMSCRIPTEN_KEEPALIVE void jcm_on_date_picked(const char* date) {
    jcm::platform::g_picked_date = date ? date : "";
    jcm::platform::Wake();
}

EMSCRIPTEN_KEEPALIVE void jcm_on_shared(int outcome) {
    jcm::platform::g_share_result = outcome;
    jcm::platform::Wake();
}

EMSCRIPTEN_KEEPALIVE void jcm_on_text_field_focus(int focused) {
    jcm::platform::g_text_focused = focused != 0;
    jcm::platform::Wake();
}

// The page's mirror of the semantics items: activate (focus = 0) or bring into view (focus = 1).
EMSCRIPTEN_KEEPALIVE void jcm_on_semantic_action(double id, int focus, int has_value, double value) {
    jcm::platform::SemanticAction a;
    a.id = static_cast<uint32_t>(id);
    // `focus`: 0 activate, 1 focus, 2 dismiss (platform_web.js jcmMirror.send and .dismiss).
    constexpr int kFocus = 1, kDismiss = 2;
    a.focus = focus == kFocus;
    a.dismiss = focus == kDismiss;
    a.has_value = has_value != 0;
    a.value = value;
    jcm::platform::g_actions.push_back(a);
    jcm::platform::Wake();
}

EMSCRIPTEN_KEEPALIVE void jcm_on_hash_change() {
    jcm::platform::g_hash_changed = true;
    jcm::platform::Wake();
}

}  // extern "C"
