// platform.h: the one seam between the app and the machine it runs on.
//
// The app (src/main.cpp, src/ui/) calls only these functions; platform_web.cpp implements them
// for the browser (with platform_web.js), and tests can provide their own. Everything is
// asynchronous-by-callback and single-threaded: callbacks run on the main thread between frames.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace jcm::platform {

// Result of a Fetch: `ok` false means a network error or an HTTP status other than 2xx;
// `error` then says what happened as "<code>|<detail>": code one of network, http, refused,
// invalid-url, too-large, unreadable; detail the browser's own words (e.g. "404 Not Found"),
// for the app to say in the reader's language (app.cpp DescribePlatformError).
struct FetchResult {
    int request_id = 0;
    bool ok = false;
    int http_status = 0;
    const char* data = nullptr;  // valid only during the callback, unless taken (TakeData)
    size_t size = 0;
    std::string url;             // the resolved URL
    std::string error;

    // Hands the bytes over to the callback, which then owns them and must free() them: a big
    // download is kept without a copy (the app frees the text before it builds the geometry).
    char* TakeData() const;
    mutable bool taken = false;
};
using FetchCallback = void (*)(const FetchResult& result, void* user);

// Starts fetching `url` (relative to the page); `callback` runs later on the main thread.
void Fetch(const std::string& url, int request_id, FetchCallback callback, void* user);

// The dataset URL the page was asked to show (the `?data=` query parameter, else the default).
// Where a page cannot load other data (the one-file page), a `?data=` is refused: the default
// is returned and *refused holds what was asked for.
std::string DatasetUrl(std::string* refused);
// The page's own data (what `?data=` replaces).
std::string DefaultDatasetUrl();

// The part of the location after '#', without the '#', percent-decoded. Parts that cannot be
// decoded (a malformed escape such as "%E6%9B") are left out and listed in *unreadable.
std::string GetHash(std::string* unreadable);
// Sets the location hash (no scroll, no reload): `push` adds a history entry, so the browser's
// Back returns to the previous view; otherwise the current entry is replaced.
void SetHash(const std::string& hash, bool push);

// True once after the user changed the hash (back/forward, an edited or followed link); *back:
// it was Back, to an entry before the one the app was on (not Forward, nor a new link).
bool TakeHashChanged(bool* back);
// A dialog or menu has opened. On the app's first history entry (the page opened afresh or from a
// link) Back would leave the page, and a record being typed with it: there an entry for the same
// view is added, so that Back closes what is open (TakeHashChanged says Back) and leaves only
// from the view behind it. ReleaseBackGuard: what it kept open closed otherwise (Cancel, Save):
// that entry is gone back from (TakeHashChanged does not report it), so that the next Back leaves.
void GuardBack();
void ReleaseBackGuard();

// The text field. ImGui cannot receive IME composition (Chinese input) or raise a tablet's
// on-screen keyboard, so the UI draws the field's frame and the page lays a real <input> over
// that rectangle (CSS pixels); the input shows and edits the text. SetTextField publishes the
// rectangle and the value (w <= 0 hides the input); the page reports edits and focus back.
// While the input has the focus the page keeps its own value (what is being typed, an IME's
// composition), unless `replace`: the input now edits another text (it moved to another field).
// `kind`: a search box (the browser's search field, Enter says "search"), a text (a note), or a
// number (a phone's keyboard opens on its digits and decimal point).
// (Passed to the page as these numbers: platform_web.js jcm_set_text_field.)
enum class FieldKind : uint8_t { Search = 0, Text = 1, Number = 2 };
void SetTextField(float x, float y, float w, float h, const std::string& value, const std::string& placeholder, FieldKind kind,
                  bool replace);
void FocusTextField();
// True once after the user changed the text; then *value holds the whole new text.
bool TakeTextFieldInput(std::string* value);
bool TextFieldFocused();

// Tells the page what it shows, for the browser and assistive technology: the document's
// language ("zh-CN", "en"), its title (tab, history, bookmarks) and the canvas's accessible name.
void SetPageInfo(const std::string& lang_tag, const std::string& title, const std::string& canvas_label);

// True if the user's system asks for a dark colour scheme.
bool PrefersDarkScheme();
// Tells the page (its own elements: text field, loading and error panels) which theme is shown.
void SetPageTheme(bool dark);

// Device storage for larger values (IndexedDB in the browser), asynchronous: StoreGet answers
// through `callback` on the main thread (found = false when there is no value, ok = false when
// storage failed: then `value` says why). StorePut's `callback` (may be null) reports success.
using StoreCallback = void (*)(int request_id, bool ok, bool found, const std::string& value, void* user);
void StoreGet(const std::string& key, int request_id, StoreCallback callback, void* user);
void StorePut(const std::string& key, const std::string& value, int request_id, StoreCallback callback, void* user);

// Offers bytes to the user as a downloaded file.
void DownloadFile(const std::string& name, const std::string& mime, const std::string& bytes);
// Opens an outside address in a new tab (http: and https: only; anything else is refused: false).
bool OpenUrl(const std::string& url);
// Shares the page's current address (the view, as the hash says it): the device's share sheet
// where there is one (phones, tablets), else the clipboard. The outcome comes later, once:
// TakeShareResult gives 1 shared or copied, 0 failed, 2 cancelled by the person.
void ShareView(const std::string& title);
bool TakeShareResult(int* outcome);
// Opens the browser's own date picker over the rectangle (CSS pixels), `value` chosen and no
// day after `max` (both YYYY-MM-DD; `max` "" for no limit). False where the browser has none
// (the app's day steppers remain). The day chosen comes later, once: TakePickedDate.
bool PickDate(float x, float y, float w, float h, const std::string& value, const std::string& max);
bool TakePickedDate(std::string* date);
// Prints a generated HTML document (the briefing) through the browser's print dialog, laid out by
// the document's own print CSS; `title` names it (the saved PDF's default name).
void PrintDocument(const std::string& html, const std::string& title);
// Offers what the canvas shows as a PNG download; call right after a frame was presented.
void DownloadCanvasPng(const std::string& name);

// Files the user gives the app: PickFile opens the file picker; files dropped on the page arrive
// the same way. Files over `max_bytes` are refused by the page with an error, unread.
// The file's bytes are passed as they are, undecoded, exactly like fetched data (FetchResult), so
// the loader's UTF-8 check sees a GBK file as GBK (a text read would have turned it into "?"s).
struct ImportedFile {
    std::string name;
    std::string bytes;  // the file's content, byte for byte
    std::string error;  // non-empty: the file was refused or could not be read
    bool merge = false; // picked with PickFile(true): to merge into this device's reports, not load
};
void SetImportLimit(size_t max_bytes);
void PickFile(bool merge = false);  // a dropped file is always merge = false
bool TakeImportedFile(ImportedFile* out);

// Small persistent settings (localStorage in the browser); "" when absent or unavailable.
std::string LoadSetting(const char* key);
void SaveSetting(const char* key, const std::string& value);

// The order a person expects names in, by the browser's collation for the language (Chinese by
// pinyin: Intl.Collator('zh-u-co-pinyin')): (*ranks)[i] is the position of names[i].
void CollationRanks(const std::vector<std::string>& names, bool chinese, std::vector<int>* ranks);

// Moves the keyboard focus out of the canvas to the page: forward to the first mirrored control
// after it, or backward out of it (the map's Tab walk has reached its end).
void LeaveCanvas(bool forward);

// Draws characters with the browser's own fonts (the system's, e.g. its CJK font), `count` at
// once (one canvas, one read back): white on transparent, character i into the i-th `width` x
// `height` cell of `pixels` (alpha, row by row, cells one after another), `em` px per em, the
// baseline `baseline` px from the top, the pen starting at x = 1; its advance in advances[i].
// On true every byte of the `count` cells is written (the caller does not clear them). False
// where the platform cannot draw text. Used for every character when the system's fonts cover
// the app's (SystemFontMetrics) or no font file can be used, else for those no bundled font has
// (ui/fonts.cpp).
bool DrawGlyphs(const uint32_t* codepoints, int count, float em, int width, int height, float baseline,
                unsigned char* pixels, float* advances);
// Whether the system's fonts can draw every character the app shows (in a browser: its fonts
// have CJK glyphs), and if so their ascent and descent per em. Then the app draws all its text
// with them and fetches no font file; otherwise it bakes the bundled subset font.
bool SystemFontMetrics(float* ascent_per_em, float* descent_per_em);
// What the last font bake left out: characters still without a glyph, and how many the
// browser drew (for tests and diagnostics: window.jcmFonts in the browser).
void ReportFonts(int missing, int platform_drawn);

// Device pixels per CSS pixel.
float DevicePixelRatio();

// performance.mark(name), for benchmarks and tests.
void Mark(const char* name);

// Shows a blocking message in the page (outside the canvas), for failures before the UI can draw.
// `if_continued`, when the app still works behind it: what works less well (shown as a note
// under the detail); the page then offers to go on to the app, besides reloading.
void ShowPageError(const std::string& title, const std::string& detail, const std::string& if_continued = "");
// Hides the page's loading indicator once the app draws itself.
void HideLoading();
// Shows the page's loading card again, over the app, titled `title` (a big file imported, loaded
// in steps like the page's own data: ShowLoadProgress); HideLoading hides it.
void ShowLoading(const std::string& title);
// What a big load is doing now, on the page's loading card: the step in both languages (shown as
// it is) and how far it is, 0..1 (below 0: not known). The download's own progress is shown by
// the page (web/app.js), not through here.
void ShowLoadProgress(const std::string& step_zh, const std::string& step_en, double fraction);

// Publishes plain text of what the UI shows, for assistive technology (#a11y-summary).
void SetAccessibleSummary(const std::string& text);

// The semantics layer's items (ui/semantics.h Semantics::ToJson) for the page to mirror as DOM
// elements over the canvas; called only when they changed.
void PublishSemantics(const std::string& json);
// What the page's mirror asked for: activate item `id` (a screen reader's action, Enter on it;
// sliders carry a value), bring it into view (it received keyboard focus), or `dismiss`: Esc in
// a menu or a dialog of the mirror, which closes what is open (no item).
struct SemanticAction {
    uint32_t id = 0;
    bool focus = false;
    bool dismiss = false;
    bool has_value = false;
    double value = 0;
};
bool TakeSemanticAction(SemanticAction* out);

// Main loop: `frame` runs once per display refresh while the app is awake. Sleep() stops the
// loop until input, a resize or a finished fetch wakes it again.
using FrameFunction = void (*)();
void RunMainLoop(FrameFunction frame);
void Sleep();
void Wake();

// True once after the browser restored a lost WebGL context (GPU reset, driver update, a mobile
// tab brought back): every GL object is gone then and main.cpp must recreate its own.
bool TakeContextRestored();
// True while the WebGL context is lost (nothing GL answers means anything then).
bool ContextLost();

// Seconds since an arbitrary start, monotonic.
double Now();

// The client's local date, "YYYY-MM-DD".
std::string Today();

}  // namespace jcm::platform
