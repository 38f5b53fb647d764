// test_app.cpp: the app and its views, natively: ImGui runs without a backend, the platform is
// the headless one (src/platform/platform_headless.cpp), so loading, data replacement, selection,
// deep links, the semantics items the views record and whole frames of every view are checked
// without a browser.
#ifdef JCM_HAVE_UI
#include <doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cfloat>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "platform/platform_headless.h"
#include "synthetic.h"
#include "ui/app.h"
#include "ui/map_layer.h"
#include "ui/semantics.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace {

std::string ReadFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// The items the last frame recorded (ui/semantics.h).
int FindItem(const jcm::AppState& app, jcm::Role role, const std::string& part) { return app.sem.Find(role, part); }
bool Shows(const jcm::AppState& app, const std::string& part) {
    for (int i = 0; i < app.sem.Count(); ++i)
        if (app.sem.Name(app.sem.Item(i)).find(part) != std::string_view::npos) return true;
    return false;
}
// The names of every item inside container `index`, one per line.
std::string TextInside(const jcm::AppState& app, int index) {
    std::string out;
    for (int i = 0; i < app.sem.Count(); ++i) {
        if (!app.sem.IsInside(i, index)) continue;
        out.append(app.sem.Name(app.sem.Item(i)));
        out += '\n';
    }
    return out;
}

const std::string& ShippedData() {
    static const std::string text = ReadFile(std::string(JCM_SOURCE_DIR) + "/data/campaign.json");
    return text;
}

// An ImGui context and a started app whose font request failed (ImGui's default font is baked).
struct Fixture {
    ImGuiContext* ctx = nullptr;
    std::unique_ptr<jcm::AppState> app = std::make_unique<jcm::AppState>();

    // system_fonts: a platform whose own fonts draw every character (a browser with a CJK font).
    explicit Fixture(const std::string& hash = "", bool system_fonts = false) {
        jcm::platform::headless::Reset();
        jcm::platform::headless::Get().hash = hash;
        jcm::platform::headless::Get().draws_glyphs = jcm::platform::headless::Get().system_fonts = system_fonts;
        ctx = ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        jcm::StartApp(*app);
        if (!system_fonts) jcm::platform::headless::Complete("assets/ui-font.otf", false, {}, "HTTP 404");
    }
    ~Fixture() { ImGui::DestroyContext(ctx); }

    void LoadShipped() {
        REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, ShippedData()));
    }

    // One whole frame at the given size, as main.cpp runs it.
    void Frame(float w = 1280, float h = 800, bool bake = true) {
        ImGuiIO& io = ImGui::GetIO();
        if (bake && jcm::FontsNeedBaking(*app, 1.0f)) jcm::BakeAppFonts(*app, 1.0f);
        unsigned char* pixels = nullptr;
        int tw = 0, th = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &tw, &th);
        io.DisplaySize = ImVec2(w, h);
        io.DeltaTime = 1.0f / 60.0f;
        if (app->frames_to_draw > 0) --app->frames_to_draw;  // as main.cpp's loop counts them
        ImGui::NewFrame();
        jcm::DrawApp(*app);
        ImGui::Render();
        jcm::AfterFramePresented(*app);
    }
    // One turn of main.cpp's loop: the work before a frame (PrepareFrame), then the frame if one
    // is to be drawn in the same task. True if one was.
    bool Loop(float w = 1280, float h = 800) {
        bool draw = true;
        jcm::PrepareFrame(*app, 1.0f, &draw);
        if (!draw || app->frames_to_draw <= 0 || !jcm::ReadyToDraw(*app)) return false;
        Frame(w, h, /*bake=*/false);
        return true;
    }
    // Frames until the app would sleep (its render-on-demand budget is spent), as in the browser.
    void Settle(float w = 1280, float h = 800) {
        for (int k = 0; k < 30 && (k == 0 || app->frames_to_draw > 0); ++k) Frame(w, h);
    }

    // Activates the first item of `role` whose name contains `name`, as a tap or a screen reader
    // does (a slider: with `value`), then settles at w x h.
    void Press(jcm::Role role, const std::string& name, float w, float h, bool has_value = false, double value = 0) {
        INFO(name);
        const int i = FindItem(*app, role, name);
        REQUIRE(i >= 0);
        app->sem.Activate(static_cast<uint32_t>(app->sem.Item(i).id), has_value, value);
        Settle(w, h);
    }
    // The person typed `text` into the page's text field; then settles at w x h.
    void Type(const std::string& text, float w, float h) {
        jcm::platform::headless::State& hl = jcm::platform::headless::Get();
        hl.typed = text;
        hl.typed_changed = true;
        jcm::UpdateApp(*app);
        Settle(w, h);
    }
};

}  // namespace

TEST_CASE("app: the shipped data loads, draws at desktop, tablet and phone sizes, and marks its frames") {
    Fixture f;
    CHECK_FALSE(jcm::ReadyToDraw(*f.app));  // data still pending
    f.LoadShipped();
    REQUIRE(f.app->has_data);
    CHECK(f.app->problems.empty());
    f.Frame();
    CHECK(jcm::ReadyToDraw(*f.app));
    f.Frame(1024, 768);
    f.Frame(768, 1024);
    f.Frame(390, 844);
    const auto& marks = jcm::platform::headless::Get().marks;
    const auto pos = [&](const char* name) { return std::find(marks.begin(), marks.end(), name) - marks.begin(); };
    REQUIRE(pos("app:data-loaded") < static_cast<long>(marks.size()));
    REQUIRE(pos("app:first-map-frame") < static_cast<long>(marks.size()));
    CHECK(pos("app:data-loaded") < pos("app:first-map-frame"));
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 1000);  // the map's fills and outlines
}

// The overview's ranked areas and the map's names, as recorded (names and boxes), for comparing
// two apps: what views cache between frames must be what they would draw afresh.
std::string RankedAndLabels(const jcm::AppState& app) {
    std::string out;
    const int list = app.sem.Find(jcm::Role::List, jcm::Tr(jcm::Str::GoalsPerArea, app.lang));
    char box[64];
    for (int i = 0; i < app.sem.Count(); ++i) {
        const jcm::SemItem& it = app.sem.Item(i);
        if (!(list >= 0 && app.sem.IsInside(i, list)) && !(it.flags & jcm::kSemDecorative)) continue;
        std::snprintf(box, sizeof box, " @%.0f,%.0f %.0fx%.0f\n", it.rect.x, it.rect.y, it.rect.w, it.rect.h);
        out.append(app.sem.Name(it)).append(box);
    }
    return out;
}

TEST_CASE("app: the ranked areas and the map's names, kept between frames, follow the language, filters and size") {
    // One app through a language switch, a filter and a phone's width; at each step another app is
    // put straight into that state: both record the same rows, in the same order, and the same
    // names. (Tall windows: the whole list on screen, with no scroll bar to change its width.)
    struct Step {
        jcm::Lang lang;
        bool filtered;
        float w;
    };
    const auto apply = [](jcm::AppState& app, const Step& s) {
        jcm::SetLanguage(app, s.lang);
        if (app.ui.filter.categories.empty() == s.filtered) {
            app.ui.filter.categories.clear();
            if (s.filtered) app.ui.filter.categories = {"key-projects"};
            jcm::RefreshStats(app);
        }
        jcm::RequestRedraw(app);
    };
    const Step steps[] = {{jcm::Lang::Zh, false, 1280}, {jcm::Lang::En, false, 1280}, {jcm::Lang::En, true, 1280}, {jcm::Lang::En, true, 320}};
    std::vector<std::string> fresh;
    for (const Step& s : steps) {
        Fixture g;
        g.LoadShipped();
        apply(*g.app, s);
        g.Settle(s.w, 6000);
        fresh.push_back(RankedAndLabels(*g.app));
    }
    Fixture f;
    f.LoadShipped();
    for (const Step& s : steps) apply(*f.app, s), f.Settle(s.w, 6000);  // every glyph baked: no bake to come
    apply(*f.app, steps[0]);
    f.Settle(1280, 6000);
    for (size_t k = 0; k < fresh.size(); ++k) {
        INFO("step " << k);
        apply(*f.app, steps[k]);
        f.Settle(steps[k].w, 6000);
        CHECK(RankedAndLabels(*f.app) == fresh[k]);
        if (k > 0) CHECK(fresh[k] != fresh[k - 1]);
    }
    CHECK(fresh[0].find("\xe5\x85\x96\xe5\xb7\x9e") != std::string::npos);  // 兖州 (a row and a name)
    CHECK(fresh[1].find("Yanzhou") != std::string::npos);
}

TEST_CASE("app: an invalid dataset after a good one keeps the good one and lists the problems") {
    Fixture f;
    f.LoadShipped();
    const size_t areas = f.app->data.areas.size();
    REQUIRE(areas > 0);
    CHECK_FALSE(jcm::AcceptDataset(*f.app, "{\"schema_version\": 1,,}", "bad.json"));
    CHECK(f.app->has_data);
    CHECK(f.app->data.areas.size() == areas);
    CHECK(f.app->show_problems);
    REQUIRE_FALSE(f.app->problems.empty());
    CHECK(f.app->problems[0].file == "bad.json");
    CHECK(f.app->problems[0].line == 1);
    f.Settle();  // the problems panel draws over the kept data
    const int dialog = FindItem(*f.app, jcm::Role::Dialog, "");
    REQUIRE(dialog >= 0);
    CHECK(TextInside(*f.app, dialog).find("bad.json") != std::string::npos);
    CHECK(jcm::platform::headless::Get().summary.find(f.app->sem.Name(f.app->sem.Item(dialog))) != std::string::npos);
}

TEST_CASE("app: invalid data with nothing loaded before shows problems, no data") {
    Fixture f;
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, "[1, 2"));
    CHECK_FALSE(f.app->has_data);
    CHECK(f.app->show_problems);
    f.Frame();
    CHECK(Shows(*f.app, "data/campaign.json"));
}

TEST_CASE("app: a data file that cannot be fetched is reported with the file and the reason") {
    Fixture f;
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", false, {}, "HTTP 404 Not Found"));
    CHECK_FALSE(f.app->has_data);
    REQUIRE(f.app->problems.size() == 1);
    CHECK(f.app->problems[0].message.en.find("data/campaign.json") != std::string::npos);
    CHECK(f.app->problems[0].message.en.find("404") != std::string::npos);
    CHECK(jcm::ReadyToDraw(*f.app) == false);  // fonts are baked in the first frame
    f.Frame();
    CHECK(jcm::ReadyToDraw(*f.app));
}

// A download over 2 MiB loads across frames (app.cpp StepLoading): read, then the geometry in
// slices, then the index, each step shown on the page's loading card, nothing drawn meanwhile.
TEST_CASE("app: a big dataset loads in steps with its progress on the loading card, and ends as a small one") {
    const std::string big = ShippedData() + std::string(size_t{2300000}, ' ');  // the same data, padded
    Fixture f;
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, big));
    CHECK_FALSE(f.app->has_data);
    CHECK(f.app->load.data_pending);
    CHECK_FALSE(jcm::ReadyToDraw(*f.app));
    const auto& progress = jcm::platform::headless::Get().load_progress;
    REQUIRE(progress.size() == 1);
    CHECK(progress[0].en == "Reading the data");
    CHECK(progress[0].fraction == 0);
    int steps = 0;
    while (f.app->load.data_pending) {
        // The data is taken at the last steps but one (the map made ready for its first frame).
        CHECK(f.app->has_data == (f.app->load.sliced.step == jcm::SlicedLoad::Step::Level));
        REQUIRE(jcm::StepLoading(*f.app));
        CHECK(f.app->frames_to_draw > 0);  // the frame loop keeps running
        REQUIRE(++steps < 100);
    }
    CHECK(steps >= 8);  // read, parse, check, the builder made, build (one slice here), index, finish, the map prepared: a frame each
    // The map is drawn before its hit grid and names: the next step asks for that frame only.
    CHECK(f.app->load.sliced.step == jcm::SlicedLoad::Step::None);
    CHECK(f.app->load.labelling.finisher);
    CHECK_FALSE(f.app->geometry.labelled);
    CHECK_FALSE(jcm::StepLoading(*f.app));  // draw
    CHECK_FALSE(f.app->geometry.indexed);   // nothing made before that frame
    f.Frame();
    CHECK(f.app->load.labelling.map_drawn);
    while (f.app->load.labelling.finisher) {
        jcm::StepLoading(*f.app);
        REQUIRE(++steps < 100);
    }
    CHECK(f.app->geometry.indexed);
    CHECK(f.app->geometry.labelled);
    CHECK_FALSE(jcm::StepLoading(*f.app));  // nothing more to do
    REQUIRE(f.app->has_data);
    CHECK_FALSE(f.app->load.data_pending);
    CHECK(f.app->problems.empty());
    CHECK_FALSE(f.app->load.sliced.text);  // the download was freed
    bool building = false, indexing = false, checking = false;
    double last = -1, read = -1;
    for (const auto& p : progress) {
        if (p.en == "Reading the data") {  // the share of the text read ahead, only growing
            CHECK(p.fraction >= read);
            CHECK(p.fraction <= 1);
            read = p.fraction;
        }
        if (p.en == "Checking the data") {
            checking = true;
            CHECK(p.zh == "正在检查数据");
            CHECK(p.fraction < 0);  // the checks (the rest was parsed under "Reading"): one step, no fraction
        }
        if (p.en == "Building the map") {
            building = true;
            CHECK(p.zh == "正在构建地图");
            CHECK(p.fraction >= last);
            last = p.fraction;
        }
        indexing |= p.en == "Indexing the map";
    }
    CHECK(checking);
    CHECK(building);
    CHECK(indexing);
    const jcm::MapGeometry whole = jcm::BuildMapGeometry(f.app->data);
    REQUIRE(f.app->geometry.areas.size() == whole.areas.size());
    for (size_t i = 0; i < whole.areas.size(); ++i) {
        CHECK(f.app->geometry.areas[i].indices == whole.areas[i].indices);
        CHECK(f.app->geometry.areas[i].label.x == whole.areas[i].label.x);
        CHECK(f.app->geometry.areas[i].has_label == whole.areas[i].has_label);
    }
    f.Frame();
    CHECK(jcm::ReadyToDraw(*f.app));
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 1000);

    // A big file with an error: the problems, no data, and nothing left pending.
    Fixture g;
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, big + "]"));
    while (jcm::StepLoading(*g.app)) {
    }
    CHECK_FALSE(g.app->has_data);
    CHECK_FALSE(g.app->load.data_pending);
    CHECK(g.app->show_problems);
    REQUIRE_FALSE(g.app->problems.empty());
    CHECK(g.app->problems[0].message.en.find("JSON syntax error") != std::string::npos);
}

// A big file imported (the Data menu, or dropped) loads in the same steps, on the page's loading
// card shown again over the app and titled by the file; the card goes once a frame is drawn. A
// refused one leaves the data as it was.
TEST_CASE("app: a big file imported loads in steps on the loading card, and a refused one changes nothing") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    const auto& h = jcm::platform::headless::Get();
    const size_t goals = f.app->data.goals.size();
    std::string other = ShippedData();
    const size_t title = other.find("\"title\"");
    REQUIRE(title != std::string::npos);
    const size_t zh = other.find("\"zh\": \"", title);
    REQUIRE(zh != std::string::npos);
    other.insert(zh + 7, "导入的");  // another title, to tell the import from the data before it
    const auto imported_marks = [&] { return std::count(h.marks.begin(), h.marks.end(), "app:data-imported"); };

    // Refused (a syntax error at the end): the problems, the same data, the card gone after a frame.
    jcm::ImportFile(*f.app, "bad-big.json", other + std::string(size_t{2300000}, ' ') + "]", "");
    CHECK(h.loading_title == "bad-big.json");
    CHECK(f.app->load.data_pending);
    int steps = 0;
    while (f.app->load.data_pending) {
        REQUIRE(jcm::StepLoading(*f.app));
        REQUIRE(++steps < 100);
    }
    CHECK(f.app->show_problems);
    CHECK(f.app->problems_file == "bad-big.json");
    CHECK(f.app->data.goals.size() == goals);
    CHECK(f.app->data.title.zh.rfind("导入的", 0) != 0);
    CHECK(f.app->has_data);
    f.Frame();
    CHECK(h.loading_title.empty());
    CHECK(imported_marks() == 0);

    // Accepted: read, checked, built, indexed, prepared, a frame each; then the new data, marked.
    const size_t progress_before = h.load_progress.size();
    jcm::ImportFile(*f.app, "big.json", other + std::string(size_t{2300000}, ' '), "");
    CHECK(h.loading_title == "big.json");
    steps = 0;
    while (f.app->load.data_pending) {
        REQUIRE(jcm::StepLoading(*f.app));
        REQUIRE(++steps < 100);
    }
    CHECK(steps >= 8);
    CHECK(h.load_progress.size() > progress_before + 4);
    CHECK(h.load_progress[progress_before].en == "Reading the data");
    CHECK(f.app->data.title.zh.rfind("导入的", 0) == 0);
    CHECK(f.app->problems.empty());
    CHECK(imported_marks() == 1);
    CHECK(f.app->ui.toast.en == "Imported big.json");
    CHECK(h.loading_title == "big.json");  // until a frame shows it
    f.Frame();
    CHECK(h.loading_title.empty());
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 1000);
}

// A file dropped while the page's own data is still downloading waits for it: taken at once, a
// big one's steps would run beside the download's load, which then replaced what it brought.
TEST_CASE("app: a big file dropped while the data downloads is loaded after it") {
    Fixture f;  // the data not yet arrived
    std::string other = ShippedData();
    other.insert(other.find("\"zh\": \"", other.find("\"title\"")) + 7, "导入的");
    jcm::platform::ImportedFile dropped;
    dropped.name = "dropped.json";
    dropped.bytes = other + std::string(size_t{2300000}, ' ');
    jcm::platform::headless::Get().imports.push_back(dropped);
    jcm::UpdateApp(*f.app);
    CHECK(f.app->load.sliced.step == jcm::SlicedLoad::Step::None);  // waits
    CHECK(jcm::platform::headless::Get().imports.size() == 1);
    f.LoadShipped();
    CHECK(f.app->has_data);
    jcm::UpdateApp(*f.app);  // now taken
    CHECK(jcm::platform::headless::Get().imports.empty());
    int steps = 0;
    while (f.app->load.data_pending) {
        REQUIRE(jcm::StepLoading(*f.app));
        REQUIRE(++steps < 100);
    }
    CHECK(f.app->data.title.zh.rfind("导入的", 0) == 0);
    const auto& marks = jcm::platform::headless::Get().marks;
    CHECK(std::count(marks.begin(), marks.end(), "app:data-imported") == 1);
}

// While a big map's names are still being made, another big file arrives: it may be refused, and
// the map shown then stays whole (its names go on being found); a briefing printed meanwhile
// names every area.
TEST_CASE("app: a big map's names outlast a refused file's load, and are finished for a briefing") {
    const std::string big = ShippedData() + std::string(size_t{2300000}, ' ');
    Fixture f;
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, big));
    int steps = 0;
    while (f.app->load.data_pending) {
        REQUIRE(jcm::StepLoading(*f.app));
        REQUIRE(++steps < 100);
    }
    REQUIRE(f.app->load.labelling.finisher);
    REQUIRE_FALSE(f.app->geometry.labelled);
    jcm::PrintBriefing(*f.app);
    CHECK(f.app->geometry.labelled);
    CHECK(f.app->geometry.indexed);
    CHECK_FALSE(f.app->load.labelling.finisher);
    REQUIRE_FALSE(jcm::platform::headless::Get().printed.empty());
    const std::string& printed = jcm::platform::headless::Get().printed.back();
    size_t names = 0;  // the map's names (<text> elements), one per area
    for (size_t at = printed.find("<text"); at != std::string::npos; at = printed.find("<text", at + 1)) ++names;
    CHECK(names == f.app->data.areas.size());

    Fixture g;
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, big));
    while (g.app->load.data_pending) REQUIRE(jcm::StepLoading(*g.app));
    REQUIRE_FALSE(g.app->geometry.labelled);
    jcm::LoadDefaultData(*g.app);  // as the "data" menu's reload would
    REQUIRE(jcm::platform::headless::Complete(jcm::platform::DefaultDatasetUrl(), true, big + "]"));
    while (jcm::StepLoading(*g.app)) {
    }
    CHECK(g.app->show_problems);  // refused
    REQUIRE(g.app->has_data);     // the map shown is kept, and its names go on being found
    for (int frame = 0; g.app->load.labelling.finisher && frame < 100; ++frame) {
        if (!jcm::StepLoading(*g.app)) g.Frame();  // as main.cpp's loop
    }
    CHECK(g.app->geometry.labelled);
    CHECK(g.app->geometry.indexed);
    CHECK(g.app->geometry.HitTest(g.app->geometry.areas[0].label) == 0);

    // Another big file accepted meanwhile: the old map's names go with it, and the new map's are
    // made over the new geometry.
    Fixture h;
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, big));
    while (h.app->load.data_pending) REQUIRE(jcm::StepLoading(*h.app));
    REQUIRE(h.app->load.labelling.finisher);
    jcm::LoadDefaultData(*h.app);
    const std::string other = jcm::bench::SyntheticDataset({60, 50, true}) + std::string(size_t{2300000}, ' ');
    REQUIRE(jcm::platform::headless::Complete(jcm::platform::DefaultDatasetUrl(), true, other));
    for (int frame = 0; (h.app->load.data_pending || h.app->load.labelling.finisher) && frame < 200; ++frame) {
        if (!jcm::StepLoading(*h.app)) h.Frame();
    }
    REQUIRE(h.app->data.areas.size() == 60);
    CHECK_FALSE(h.app->show_problems);
    CHECK(h.app->geometry.labelled);
    CHECK(h.app->geometry.indexed);
    for (size_t i = 0; i < h.app->geometry.areas.size(); ++i) {
        const jcm::AreaGeometry& a = h.app->geometry.areas[i];
        if (a.has_label) CHECK(h.app->geometry.HitTest(a.label) == static_cast<int>(i));
    }

    // A file imported meanwhile replaces the map at once, named: nothing is left to make.
    Fixture k;
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, big));
    while (k.app->load.data_pending) REQUIRE(jcm::StepLoading(*k.app));
    REQUIRE(k.app->load.labelling.finisher);
    jcm::ImportFile(*k.app, "campaign.json", ShippedData(), "");
    CHECK(k.app->has_data);
    CHECK_FALSE(k.app->load.labelling.finisher);
    CHECK(k.app->geometry.labelled);
    CHECK(k.app->geometry.indexed);
}

// A screen-reader mirror of thousands of items is published in a frame with no other long work:
// not with the first map frame, not beside a share of the map's names, not with the frame that
// first draws them all (each together was a task of ~100 ms in the browser).
TEST_CASE("app: a big map's mirror is published in frames of their own, after its first frame and its names") {
    const std::string big = jcm::bench::SyntheticDataset({600, 20, true}) + std::string(size_t{2300000}, ' ');
    Fixture f("", /*system_fonts=*/true);  // as a browser with CJK fonts: the first view's glyphs first
    jcm::platform::headless::State& h = jcm::platform::headless::Get();
    // A second between turns: the mirror's four publications a second never hold one back.
    const auto turn = [&] { h.now += 1.0; return f.Loop(); };
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, big));
    int turns = 0;
    while (!f.app->load.first_map_frame_marked) {  // the steps of the load, the glyphs, the first frame
        turn();
        REQUIRE(++turns < 1000);
    }
    REQUIRE(f.app->load.labelling.finisher);  // its names still to be found
    REQUIRE(f.app->sem.Count() >= 1000);
    CHECK(h.semantics_published == 0);
    // The turns after it: the rest of the glyphs baked in a task of its own, then the frame that
    // publishes the mirror, with no share of the names (one would find all of these) before it.
    for (turns = 0; h.semantics_published == 0; ++turns) {
        REQUIRE(turns < 10);
        const bool had_finisher = f.app->load.labelling.finisher != nullptr;
        const int bakes = f.app->fonts.bakes;
        const bool drawn = turn();
        if (f.app->fonts.bakes != bakes) CHECK_FALSE(drawn);  // a bake after the first frame: alone
        if (h.semantics_published == 1) {
            CHECK(drawn);
            CHECK(had_finisher);
            CHECK(f.app->load.labelling.finisher);
        }
    }
    // The names, in shares; the frame that first draws them all publishes nothing, the next does.
    for (turns = 0; f.app->load.labelling.finisher; ++turns) {
        REQUIRE(turns < 1000);
        turn();
    }
    const int named = h.semantics_published;
    REQUIRE(f.app->geometry.labelled);
    REQUIRE(turn());
    CHECK(h.semantics_published == named);
    CHECK(f.app->frames_to_draw > 0);  // ... and asked for the next
    REQUIRE(turn());
    CHECK(h.semantics_published == named + 1);
    CHECK(h.semantics.find(",\"text\",8192,") != std::string::npos);  // the names drawn (kSemDecorative)
}

TEST_CASE("app: a big map's border nodes are found while it loads, a pass a frame, as the map layer would find them") {
    // 600 cells of 500 vertices sharing borders: 300,000 vertices, two passes of the search.
    const std::string big = jcm::bench::SyntheticDataset({600, 500, true});
    Fixture f;
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, big));
    int node_frames = 0, steps = 0;
    while (f.app->load.data_pending) {
        REQUIRE(jcm::StepLoading(*f.app));
        node_frames += f.app->load.sliced.step == jcm::SlicedLoad::Step::Nodes;
        REQUIRE(++steps < 1000);
    }
    REQUIRE(f.app->has_data);
    CHECK(f.app->geometry.fills_deferred);
    CHECK(node_frames == 2);  // after the index, then after the first pass
    const jcm::BorderNodes whole = jcm::FindBorderNodes(f.app->geometry.areas);
    REQUIRE(f.app->border_nodes.of_area.size() == f.app->geometry.areas.size());
    CHECK(f.app->border_nodes.of_area == whole.of_area);
    size_t nodes = 0;
    for (const auto& flags : whole.of_area) for (uint8_t n : flags) nodes += n;
    CHECK(nodes > 600);  // cell corners at least

    // Loaded in one step (as a smaller file would be), the same nodes.
    REQUIRE(jcm::AcceptDataset(*f.app, big, "big.json"));
    CHECK(f.app->border_nodes.of_area == whole.of_area);

    // The next data (small) drops them: the layer must never use another map's nodes.
    REQUIRE(jcm::AcceptDataset(*f.app, ShippedData(), "campaign.json"));
    CHECK(f.app->border_nodes.of_area.empty());
}

TEST_CASE("app: selecting an area sets the hash; a hash selects its area at load") {
    {
        Fixture f;
        f.LoadShipped();
        const int i = f.app->data.FindArea("370812");
        REQUIRE(i >= 0);
        jcm::SelectArea(*f.app, i);
        CHECK(jcm::platform::headless::Get().hash == "area=370812&lang=zh");
        f.Settle();
        const std::string& name = f.app->data.areas[static_cast<size_t>(i)].name.zh;
        CHECK(FindItem(*f.app, jcm::Role::Heading, name) >= 0);  // the detail's heading
        CHECK(jcm::platform::headless::Get().summary.find(name) != std::string::npos);
        jcm::SelectArea(*f.app, -1);
        CHECK(jcm::platform::headless::Get().hash == "lang=zh");
    }
    {
        Fixture f("area=370881");
        f.LoadShipped();
        REQUIRE(f.app->selected >= 0);
        CHECK(f.app->data.areas[static_cast<size_t>(f.app->selected)].id == "370881");
    }
    {
        Fixture f("area=no-such-area");
        f.LoadShipped();
        CHECK(f.app->selected == -1);
    }
}

TEST_CASE("app: following a link (hash change) selects its area and language; language persists") {
    Fixture f;
    f.LoadShipped();
    auto& hl = jcm::platform::headless::Get();
    hl.hash = "lang=en&area=370831";
    hl.hash_changed = true;
    jcm::UpdateApp(*f.app);
    CHECK(f.app->lang == jcm::Lang::En);
    REQUIRE(f.app->selected >= 0);
    CHECK(f.app->data.areas[static_cast<size_t>(f.app->selected)].id == "370831");
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Heading, "Sishui") >= 0);  // the English name, in the English detail
    CHECK(hl.summary.find("Sishui") != std::string::npos);

    jcm::SetLanguage(*f.app, jcm::Lang::Zh);
    CHECK(hl.settings["lang"] == "zh");
    CHECK(hl.hash == "area=370831&lang=zh");
    jcm::SetLanguage(*f.app, jcm::Lang::En);
    // A new visit without a hash starts in the remembered language.
    const auto settings = hl.settings;
    Fixture g;
    jcm::platform::headless::Get().settings = settings;
    jcm::AppState fresh;
    jcm::StartApp(fresh);
    CHECK(fresh.lang == jcm::Lang::En);
}

TEST_CASE("app: glyphs to bake cover the data's characters and grow only with new text") {
    Fixture f;
    f.LoadShipped();
    const auto has = [&](uint32_t cp) { return std::count(f.app->glyphs.begin(), f.app->glyphs.end(), cp) == 1; };
    CHECK(has(0x5156));  // 兖
    CHECK(has(0x6CD7));  // 泗
    f.Frame();
    f.Frame();  // the rest of the glyphs (the first map frame has those it shows)
    CHECK_FALSE(f.app->glyphs_changed);
    const size_t n = f.app->glyphs.size();
    jcm::NeedGlyphs(*f.app, "济宁");
    CHECK(f.app->glyphs.size() == n);
    CHECK_FALSE(f.app->glyphs_changed);
    jcm::NeedGlyphs(*f.app, "鑫");
    CHECK(f.app->glyphs.size() == n + 1);
    CHECK(f.app->glyphs_changed);
}

TEST_CASE("app: the views' own symbols are baked whatever the data has (a legend's range dash, separators)") {
    Fixture f;
    const std::string data = ReadFile(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/valid/minimal.json");
    REQUIRE(data.find("–") == std::string::npos);
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, data));
    REQUIRE(f.app->has_data);
    for (uint32_t cp : {0x2013u, 0xB7u, 0x2026u}) CHECK(std::count(f.app->glyphs.begin(), f.app->glyphs.end(), cp) == 1);
}
#endif  // JCM_HAVE_UI

#ifdef JCM_HAVE_UI
#include "ui/theme.h"

TEST_CASE("theme: text contrast is at least 4.5:1 in both themes (WCAG AA)") {
    for (const jcm::Theme* t : {&jcm::LightTheme(), &jcm::DarkTheme()}) {
        CAPTURE(t->dark);
        CHECK(jcm::ContrastRatio(t->text, t->panel) >= 4.5f);
        CHECK(jcm::ContrastRatio(t->text, t->surface) >= 4.5f);
        CHECK(jcm::ContrastRatio(t->text_muted, t->panel) >= 4.5f);
        CHECK(jcm::ContrastRatio(t->text_muted, t->surface) >= 4.5f);
        CHECK(jcm::ContrastRatio(t->accent, t->panel) >= 4.5f);
        CHECK(jcm::ContrastRatio(t->on_accent, t->accent) >= 4.5f);
        CHECK(jcm::ContrastRatio(t->text, t->background) >= 4.5f);
        CHECK(jcm::ContrastRatio(t->warning_text, t->panel) >= 4.5f);
    }
    CHECK(jcm::ContrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(21.0f));
    CHECK(jcm::ContrastRatio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(4.48f).epsilon(0.01));
}

TEST_CASE("app: the theme follows the system until the user chooses, then remembers the choice") {
    jcm::platform::headless::Reset();
    jcm::platform::headless::Get().prefers_dark = true;
    ImGuiContext* ctx = ImGui::CreateContext();
    {
        jcm::AppState app;
        jcm::StartApp(app);
        CHECK(app.dark);
        CHECK(jcm::CurrentTheme().dark);
        CHECK(jcm::platform::headless::Get().page_dark);
        jcm::SetDark(app, false);
        CHECK_FALSE(jcm::CurrentTheme().dark);
        CHECK(jcm::platform::headless::Get().settings["theme"] == "light");
    }
    {
        jcm::AppState app;  // the next visit: the stored choice wins over the system's preference
        jcm::StartApp(app);
        CHECK_FALSE(app.dark);
    }
    ImGui::DestroyContext(ctx);
}
#endif

#ifdef JCM_HAVE_UI
TEST_CASE("app: recording progress locally: saved to storage, restored on the next visit, revertable") {
    Fixture f;
    f.LoadShipped();
    const int gi = 0;
    const std::string goal_id = f.app->data.goals[gi].id;
    jcm::LocalEdit e;
    e.goal_id = goal_id;
    e.report.date = "2020-04-10";
    e.report.status = jcm::Status::Red;
    e.report.has_percent = true;
    e.report.percent = 20;
    e.report.note.zh = "进度滞后";
    e.report.author = "燚垚";  // characters no other text of the app or the data has
    jcm::AddEdit(*f.app, e);
    CHECK(f.app->data.goals[gi].status == jcm::Status::Red);
    CHECK(f.app->local.published.goals[gi].status == jcm::Status::NotReported);  // published data untouched
    CHECK(f.app->stats.total.by_status[static_cast<int>(jcm::Status::Red)] == 1);
    const auto& store = jcm::platform::headless::Get().store;
    const bool stored = store.count("edits:" + f.app->data.id) == 1;
    REQUIRE(stored);
    f.Frame();

    // The next visit: the stored edit is applied again.
    const auto saved = store;
    Fixture g;
    jcm::platform::headless::Get().store = saved;
    g.LoadShipped();
    REQUIRE(g.app->local.edits.size() == 1);
    CHECK(g.app->data.goals[gi].status == jcm::Status::Red);
    CHECK(jcm::FindEdit(*g.app, goal_id, "2020-04-10") == 0);
    // Its reporter's name is drawable: its characters are in the set to bake (they showed as "?").
    for (const uint32_t cp : {0x71DAu, 0x579Au}) CHECK(std::count(g.app->glyphs.begin(), g.app->glyphs.end(), cp) == 1);

    // Same goal and date replaces; another date adds; revert one, then all.
    e.report.status = jcm::Status::Yellow;
    jcm::AddEdit(*g.app, e);
    CHECK(g.app->local.edits.size() == 1);
    CHECK(g.app->data.goals[gi].status == jcm::Status::Yellow);
    e.report.date = "2020-05-01";
    e.report.status = jcm::Status::Done;
    jcm::AddEdit(*g.app, e);
    CHECK(g.app->local.edits.size() == 2);
    CHECK(g.app->data.goals[gi].status == jcm::Status::Done);
    jcm::RevertEdit(*g.app, 1);
    CHECK(g.app->data.goals[gi].status == jcm::Status::Yellow);
    // One record reverted by a tap can be taken back, as all can (its note was lost with it).
    CHECK(g.app->undo.kind == jcm::BulkUndo::Kind::Revert);
    jcm::UndoBulk(*g.app);
    CHECK(g.app->local.edits.size() == 2);
    CHECK(g.app->data.goals[gi].status == jcm::Status::Done);
    jcm::RevertEdit(*g.app, 1);
    jcm::RevertAllEdits(*g.app);
    CHECK(g.app->local.edits.empty());
    CHECK(g.app->data.goals[gi].status == jcm::Status::NotReported);
}

// A tablet's browser may discard a page left in the background: the undo of "Revert all" (or of
// one record, or of a merge) is kept in storage with the edits, until the next change of them.
// Turned from landscape to portrait, a tablet's panel was left scrolled where it had been: the
// content had reflowed, and the area's heading was off screen.
TEST_CASE("app: a panel scrolled down starts at its top again when the tablet is turned") {
    Fixture f;
    f.LoadShipped();
    jcm::SelectArea(*f.app, f.app->data.FindArea("370831"));  // 23 goals: a long detail
    f.Settle(1024, 768);
    const std::string name = f.app->data.areas[static_cast<size_t>(f.app->selected)].name.zh;
    const auto heading_shown = [&] {
        const int i = FindItem(*f.app, jcm::Role::Heading, name);
        return i >= 0 && !(f.app->sem.Item(i).flags & jcm::kSemOffscreen) && f.app->sem.Item(i).rect.h > 0;
    };
    REQUIRE(heading_shown());
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(900, 500);  // over the panel, right of the map
    f.Frame(1024, 768);
    io.AddMouseWheelEvent(0, -40);
    f.Settle(1024, 768);
    REQUIRE_FALSE(heading_shown());  // scrolled down
    f.Settle(1024, 768);
    CHECK_FALSE(heading_shown());    // (stays so)
    f.Settle(768, 1024);             // turned
    CHECK(heading_shown());
}

// At a tablet's width the toast sat over the map's buttons, and a tap there only dismissed it.
TEST_CASE("app: a tap on the toast reaches the map's button under it, and dismisses it") {
    Fixture f;
    f.LoadShipped();
    f.Settle(1024, 768);
    f.Press(jcm::Role::Button, jcm::Tr(jcm::Str::ZoomIn, jcm::Lang::Zh), 1024, 768);
    REQUIRE(f.app->map.user_moved);
    jcm::ExportCsv(*f.app);  // "已下载 ...csv"
    f.Settle(1024, 768);
    const int toast = FindItem(*f.app, jcm::Role::Dialog, "\xe5\xb7\xb2\xe4\xb8\x8b\xe8\xbd\xbd");
    const int reset = FindItem(*f.app, jcm::Role::Button, jcm::Tr(jcm::Str::ResetView, jcm::Lang::Zh));
    REQUIRE(toast >= 0);
    REQUIRE(reset >= 0);
    const jcm::SemRect a = f.app->sem.Item(toast).rect, b = f.app->sem.Item(reset).rect;
    const float x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y), x1 = std::min(a.x + a.w, b.x + b.w), y1 = std::min(a.y + a.h, b.y + b.h);
    REQUIRE((x0 < x1 && y0 < y1));  // the toast covers part of the button here
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent((x0 + x1) * 0.5f, (y0 + y1) * 0.5f);
    f.Frame(1024, 768);
    io.AddMouseButtonEvent(0, true);
    f.Frame(1024, 768);
    io.AddMouseButtonEvent(0, false);
    f.Settle(1024, 768);
    CHECK_FALSE(f.app->map.user_moved);  // the view reset
    CHECK(f.app->ui.toast.Empty());
}

TEST_CASE("app: the undo of a bulk change outlives a reload, and ends with the next change") {
    auto& store = jcm::platform::headless::Get().store;
    std::map<std::string, std::string> saved;
    const auto visit = [&](Fixture& f) {
        jcm::platform::headless::Get().store = saved;
        f.LoadShipped();
    };
    jcm::LocalEdit e;
    e.report.date = "2020-04-10";
    e.report.status = jcm::Status::Red;
    {
        Fixture f;
        f.LoadShipped();
        for (int g = 0; g < 2; ++g) {
            e.goal_id = f.app->data.goals[static_cast<size_t>(g)].id;
            jcm::AddEdit(*f.app, e);
        }
        jcm::RevertAllEdits(*f.app);
        REQUIRE(f.app->local.edits.empty());
        saved = store;
    }
    const std::map<std::string, std::string> reverted = saved;  // no records, and the undo of "Revert all"
    {
        Fixture g;  // the next visit: nothing recorded, and the revert can be taken back
        visit(g);
        CHECK(g.app->local.edits.empty());
        REQUIRE(g.app->undo.kind == jcm::BulkUndo::Kind::RevertAll);
        CHECK(g.app->undo.before.size() == 2);
        g.Settle();
        CHECK(FindItem(*g.app, jcm::Role::Button, jcm::Tr(jcm::Str::UndoRevertAll, g.app->lang)) >= 0);
        jcm::UndoBulk(*g.app);
        CHECK(g.app->local.edits.size() == 2);
        CHECK(g.app->data.goals[0].status == jcm::Status::Red);
        saved = store;
    }
    std::map<std::string, std::string> two;  // two records, no undo
    {
        Fixture h;  // taken back: the records, and no undo
        visit(h);
        CHECK(h.app->local.edits.size() == 2);
        CHECK(h.app->undo.kind == jcm::BulkUndo::Kind::None);
        two = store;
        jcm::RevertEdit(*h.app, 0);  // one record: undoable after a reload too
        saved = store;
    }
    {
        // The undo of "Revert all" beside other records (the two are written apart: a page closed
        // between them, another tab) is not taken: it would put back what it was made for.
        const std::map<std::string, std::string> later = saved;
        saved = reverted;
        saved["edits:jining-2020-100-day"] = two.at("edits:jining-2020-100-day");
        Fixture other;
        visit(other);
        CHECK(other.app->local.edits.size() == 2);
        CHECK(other.app->undo.kind == jcm::BulkUndo::Kind::None);
        saved = later;
    }
    {
        Fixture k;
        visit(k);
        CHECK(k.app->local.edits.size() == 1);
        REQUIRE(k.app->undo.kind == jcm::BulkUndo::Kind::Revert);
        e.goal_id = k.app->data.goals[5].id;
        jcm::AddEdit(*k.app, e);  // a change ends it, stored too
        CHECK(k.app->undo.kind == jcm::BulkUndo::Kind::None);
        saved = store;
    }
    {
        Fixture m;
        visit(m);
        CHECK(m.app->local.edits.size() == 2);
        CHECK(m.app->undo.kind == jcm::BulkUndo::Kind::None);
    }
    {
        // A stored undo that is not one (another build's, damaged) is ignored.
        REQUIRE(saved.count("edits-undo:jining-2020-100-day") == 1);
        saved["edits-undo:jining-2020-100-day"] = "revert-all\n{not json";
        Fixture n;
        visit(n);
        CHECK(n.app->undo.kind == jcm::BulkUndo::Kind::None);
        CHECK(n.app->local.edits.size() == 2);
    }
}

TEST_CASE("app: storage failure keeps edits in memory and says so") {
    Fixture f;
    jcm::platform::headless::Get().store_fails = true;
    f.LoadShipped();
    CHECK_FALSE(f.app->local.storage_error.empty());
    jcm::LocalEdit e;
    e.goal_id = f.app->data.goals[0].id;
    e.report.date = "2020-04-10";
    e.report.status = jcm::Status::Green;
    jcm::AddEdit(*f.app, e);
    CHECK(f.app->data.goals[0].status == jcm::Status::Green);
    CHECK_FALSE(f.app->local.storage_error.empty());
    f.Frame();
}

TEST_CASE("app: export then import round-trips; an invalid or oversized import changes nothing") {
    Fixture f;
    f.LoadShipped();
    jcm::LocalEdit e;
    e.goal_id = f.app->data.goals[3].id;
    e.report.date = "2020-04-10";
    e.report.status = jcm::Status::Yellow;
    jcm::AddEdit(*f.app, e);
    jcm::ExportJson(*f.app);
    CHECK(f.app->ui.toast.en == "Downloaded " + f.app->data.id + ".json");  // said: a phone may save it silently
    jcm::ExportCsv(*f.app);
    CHECK(f.app->ui.toast.zh == "已下载 " + f.app->data.id + "-goals.csv");
    const auto& dl = jcm::platform::headless::Get().downloads;
    REQUIRE(dl.size() == 2);
    CHECK(dl[0].name == f.app->data.id + ".json");
    CHECK(dl[1].bytes.rfind("\xEF\xBB\xBF", 0) == 0);  // CSV starts with a BOM
    const std::string exported = dl[0].bytes;
    const jcm::LoadResult back = jcm::LoadDataset(exported, "exported.json");
    REQUIRE(back.Ok());
    CHECK(back.data.goals[3].status == jcm::Status::Yellow);  // the local record went out with the data

    const size_t goals = f.app->data.goals.size();
    jcm::ImportFile(*f.app, "broken.json", "{\"schema_version\": 1", "");
    CHECK(f.app->show_problems);
    CHECK(f.app->data.goals.size() == goals);
    CHECK(f.app->data.goals[3].status == jcm::Status::Yellow);
    jcm::ImportFile(*f.app, "huge.json", "", "too large: 20000000 bytes, the limit is 16777216 bytes");
    CHECK(f.app->problems.size() == 1);
    CHECK(f.app->problems[0].message.en.find("huge.json") != std::string::npos);
    CHECK(f.app->data.goals.size() == goals);

    jcm::ImportFile(*f.app, "exported.json", exported, "");
    CHECK_FALSE(f.app->show_problems);
    CHECK(f.app->ui.toast.zh == "已导入 exported.json");  // said (it changed the data without a word)
    CHECK(f.app->local.published.goals[3].status == jcm::Status::Yellow);  // now part of the data itself
    // The picture: the frame it is taken from draws the map alone (the panel, the header and the
    // controls left out), and records nothing: the mirror keeps what the screen shows.
    f.Settle();
    const int published = jcm::platform::headless::Get().semantics_published;
    const std::string mirror = jcm::platform::headless::Get().semantics;
    jcm::ExportPng(*f.app);
    f.Frame();
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 1000);
    const int screen_vertices = ImGui::GetDrawData()->TotalVtxCount;
    f.Frame();  // the picture
    CHECK(jcm::platform::headless::Get().png_downloads.size() == 1);
    CHECK(f.app->ui.toast.en == "Downloaded " + f.app->data.id + ".png");
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 1000);  // the map, its names and legend
    CHECK(ImGui::GetDrawData()->TotalVtxCount < screen_vertices);  // not the panel's lists and bars
    CHECK(f.app->frames_to_draw > 0);  // the screen again after it
    f.Settle();
    const std::string& after = jcm::platform::headless::Get().semantics;
    CHECK(after.find(jcm::Tr(jcm::Str::PanelRegion, jcm::Lang::Zh)) != std::string::npos);  // the screen's, as before
    CHECK(after.find("\xe5\xb7\xb2\xe4\xb8\x8b\xe8\xbd\xbd") != std::string::npos);  // "已下载": the one change
    CHECK(std::labs(static_cast<long>(after.size()) - static_cast<long>(mirror.size())) < 200);
    CHECK(jcm::platform::headless::Get().semantics_published > published);
}

TEST_CASE("app: a chosen or dropped file reaches the loader as bytes: GBK is refused with \"save as UTF-8\"") {
    Fixture f;
    f.LoadShipped();
    const size_t areas = f.app->data.areas.size();
    const std::string gbk = ReadFile(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/invalid/gbk-encoded.json");
    REQUIRE(gbk.size() > 100);
    // The page queues the file's bytes undecoded (platform_web.js readAsArrayBuffer).
    jcm::platform::headless::Get().imports.push_back({"minimal-gbk.json", gbk, ""});
    jcm::UpdateApp(*f.app);  // main.cpp's per-frame platform polling
    CHECK(f.app->show_problems);
    REQUIRE(f.app->problems.size() == 1);
    CHECK(f.app->problems[0].file == "minimal-gbk.json");
    CHECK(f.app->problems[0].message.en.find("save it as UTF-8, not GBK") != std::string::npos);
    CHECK(f.app->problems[0].message.zh.find("请另存为 UTF-8 编码") != std::string::npos);
    CHECK(f.app->data.areas.size() == areas);  // nothing changed
    f.Frame();
    CHECK(Shows(*f.app, "minimal-gbk.json"));  // the problems dialog names the file

    // The same dataset saved as UTF-8 is taken.
    jcm::platform::headless::Get().imports.push_back(
        {"minimal.json", ReadFile(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/valid/minimal.json"), ""});
    jcm::UpdateApp(*f.app);
    CHECK_FALSE(f.app->show_problems);
    CHECK(f.app->data.id == "example-city");
    CHECK(f.app->data.areas.size() == 2);
}

TEST_CASE("app: another city's skeleton dataset (tools/import-boundaries.mjs --skeleton) loads and draws") {
    Fixture f;
    const std::string text = ReadFile(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/valid/second-city-skeleton.json");
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, text));
    REQUIRE(f.app->has_data);
    CHECK(f.app->data.areas.size() == 3);
    CHECK(f.app->data.goals.empty());
    f.Frame();
    f.Frame(390, 844);
    f.Frame();
    CHECK(Shows(*f.app, "示例市"));
    CHECK(Shows(*f.app, "甲湖区"));  // an area of the new city, on the map and in the panel
    for (int i = 0; i < 3; ++i) {
        jcm::SelectArea(*f.app, i);
        f.Frame();
    }
}

TEST_CASE("app: the detail shows a target range with both ends and big numbers without an exponent") {
    Fixture f;
    std::string text = ReadFile(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/valid/minimal.json");
    const std::string from = "\"value\": 30,";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), "\"value\": 1500000, \"min\": 1000,");
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, text));
    f.app->lang = jcm::Lang::En;
    jcm::SelectArea(*f.app, 0);
    f.Frame();
    f.Frame();
    CHECK(Shows(*f.app, "1,000\xE2\x80\x93" "1,500,000"));
    CHECK_FALSE(Shows(*f.app, "e+06"));
}

TEST_CASE("app: the record-progress dialog and the data menu draw at phone and desktop sizes") {
    Fixture f;
    f.LoadShipped();
    jcm::SelectArea(*f.app, f.app->data.FindArea("370831"));
    jcm::OpenEditor(*f.app, 0);
    CHECK(f.app->text_owner == jcm::TextOwner::Note);
    f.Frame(390, 844);
    f.Frame(1280, 800);
    // The note field took the page's input: typing goes to the note, not to the search.
    auto& hl = jcm::platform::headless::Get();
    CHECK(hl.field[2] > 100);
    hl.typed = "已签约";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    CHECK(f.app->editor.note == "已签约");
    CHECK(f.app->ui.query.empty());
}
#endif

#ifdef JCM_HAVE_UI
TEST_CASE("app: the timeline replays statuses in the counts, the map and the selected area's goals") {
    Fixture f;
    f.LoadShipped();
    const jcm::Goal& g0 = f.app->data.goals[0];
    const std::string id = g0.id, area = g0.area;
    jcm::LocalEdit e;
    e.goal_id = id;
    e.report.date = "2020-04-01";
    e.report.status = jcm::Status::Green;
    jcm::AddEdit(*f.app, e);
    e.report.date = "2020-05-01";
    e.report.status = jcm::Status::Red;
    jcm::AddEdit(*f.app, e);
    REQUIRE(f.app->ui.report_dates.size() == 2);
    jcm::SelectArea(*f.app, f.app->data.FindArea(area));
    const std::string title = f.app->data.goals[0].title.zh;

    f.Frame();  // now: red
    CHECK(f.app->stats.total.by_status[static_cast<int>(jcm::Status::Red)] == 1);
    int item = FindItem(*f.app, jcm::Role::ListItem, title);
    REQUIRE(item >= 0);
    CHECK(TextInside(*f.app, item).find("严重滞后") != std::string::npos);

    f.app->ui.timeline = 0;  // 2020-04-01: green
    jcm::RefreshStats(*f.app);
    f.Frame();
    CHECK(f.app->stats.total.by_status[static_cast<int>(jcm::Status::Red)] == 0);
    CHECK(f.app->stats.total.by_status[static_cast<int>(jcm::Status::Green)] == 1);
    CHECK(jcm::ShownStatus(*f.app, f.app->data.goals[0]) == jcm::Status::Green);
    item = FindItem(*f.app, jcm::Role::ListItem, title);
    REQUIRE(item >= 0);
    CHECK(TextInside(*f.app, item).find("正常推进") != std::string::npos);
}
#endif

#ifdef JCM_HAVE_UI
// ---- the semantics layer ---------------------------------------------------------------------

TEST_CASE("app: an area's summary counts its goals and names targets and projects only where it has some") {
    // 曲阜市 pledged "69 key projects": one quantified target, no project itemised. Its summary
    // said "0 个重点项目" (now "0 个项目") under that quote.
    Fixture f;
    f.LoadShipped();
    jcm::SelectArea(*f.app, f.app->data.FindArea("370881"));
    REQUIRE(f.app->selected >= 0);
    REQUIRE(f.app->data.areas[static_cast<size_t>(f.app->selected)].name.zh == "曲阜市");
    f.Settle();
    int goals = 0;
    for (const jcm::Goal& g : f.app->data.goals) goals += g.area == "370881";
    char line[64];
    std::snprintf(line, sizeof line, "%d 项目标 · 1 个量化指标", goals);
    const int summary = FindItem(*f.app, jcm::Role::Text, line);
    REQUIRE(summary >= 0);
    CHECK(f.app->sem.Name(f.app->sem.Item(summary)) == line);
    CHECK_FALSE(Shows(*f.app, "0 个项目"));
}

// A name drawn beside its area (at a leader line) lies over another area or open map: a tap on
// it chose what lay under it (on a tablet in English, "Liangshan" opened Wenshang County).
TEST_CASE("map: a tap on a name drawn beside its area chooses that area, not what lies under it") {
    int beside = 0;
    for (const char* hash : {"lang=en", ""})
    for (const ImVec2 size : {ImVec2(390, 844), ImVec2(768, 1024), ImVec2(1024, 768), ImVec2(1280, 800)}) {
        CAPTURE(hash);
        CAPTURE(size.x);
        Fixture f(hash, true);
        f.LoadShipped();
        f.Settle(size.x, size.y);
        const jcm::MapUiState& m = f.app->map;
        REQUIRE_FALSE(m.name_hits.empty());
        int area = -1;
        ImVec2 at;
        for (const jcm::MapUiState::NameHit& h : m.name_hits) {
            const ImVec2 c((h.box.x0 + h.box.x1) * 0.5f, (h.box.y0 + h.box.y1) * 0.5f);
            if (f.app->geometry.areas[static_cast<size_t>(h.area)].has_marker) continue;  // (a zone's name is beside its marker)
            if (f.app->geometry.HitTest(m.view.ScreenToWorld(jcm::Vec2{c.x, c.y})) == h.area) continue;
            area = h.area, at = c;
            break;
        }
        if (area < 0) continue;
        ++beside;
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(at.x, at.y);
        f.Frame(size.x, size.y);
        CHECK(f.app->map.hovered == area);  // the pointer on the name: its area is the one emphasised
        io.AddMouseButtonEvent(0, true);
        f.Frame(size.x, size.y);
        io.AddMouseButtonEvent(0, false);
        f.Settle(size.x, size.y);
        CHECK(f.app->selected == area);
    }
    CHECK(beside >= 2);  // names beside their areas at these sizes (so the test tests something)
}

TEST_CASE("map: no name is drawn across a leader line, at any size, in either language") {
    // A name placed after a leader line was drawn across it (on a phone in English, "Rencheng"
    // over the line to "Zoucheng"): the lines are obstacles too.
    for (const bool system_fonts : {false, true})
    for (const char* hash : {"", "lang=en"}) {
        for (const ImVec2 size : {ImVec2(360, 740), ImVec2(390, 844), ImVec2(414, 896), ImVec2(600, 960), ImVec2(768, 1024),
                                  ImVec2(834, 1112), ImVec2(1024, 768), ImVec2(1280, 800), ImVec2(1440, 900)}) {
            CAPTURE(system_fonts);
            CAPTURE(hash);
            CAPTURE(size.x);
            Fixture f(hash, system_fonts);
            f.LoadShipped();
            f.Settle(size.x, size.y);
            const std::vector<jcm::Vec2>& lines = f.app->map.leaders;
            int labels = 0;
            for (int i = 0; i < f.app->sem.Count(); ++i) {
                const jcm::SemItem& it = f.app->sem.Item(i);
                if (it.role != jcm::Role::Text || !(it.flags & jcm::kSemDecorative)) continue;
                ++labels;
                const float x0 = it.rect.x + 1, y0 = it.rect.y + 1, x1 = it.rect.x + it.rect.w - 1, y1 = it.rect.y + it.rect.h - 1;
                for (size_t k = 0; k + 1 < lines.size(); k += 2) {
                    const jcm::Vec2 a = lines[k], b = lines[k + 1];
                    for (int step = 0; step <= 64; ++step) {
                        const float t = static_cast<float>(step) / 64.0f;
                        const float x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t;
                        INFO("the name " << f.app->sem.Name(it) << " over the line (" << a.x << "," << a.y << ")-(" << b.x << "," << b.y << ")");
                        REQUIRE_FALSE((x > x0 && x < x1 && y > y0 && y < y1));
                    }
                }
            }
            // (The headless system font's glyphs are a cell wide: fewer names fit a phone; at 360 px
            // in English the zone's "High-tech Zone" beside its marker takes the place of two.)
            CHECK(labels >= (system_fonts && size.x < 390 ? 4 : 5));
        }
    }
}

TEST_CASE("map: zoomed in on a phone, a name whose point a zone's marker covers goes inside its area, not out on a line") {
    // A pinch on a phone left 任城区's label point under the zones' markers and names: its name
    // went out on a long leader line across 济宁高新区's (a new user's review). Its area is large on
    // screen then, and the name fits inside it elsewhere.
    // (With the fixture's fallback font, whose names are smaller than the browser's: the headless
    // system font's glyphs are a whole cell wide, and at this zoom no name that wide fits inside.)
    for (const char* hash : {"", "lang=en"}) {
        CAPTURE(hash);
        Fixture f(hash);
        f.LoadShipped();
        f.Settle(390, 844);
        jcm::MapUiState& m = f.app->map;
        const jcm::Vec2 centre{m.view.screen_origin.x + m.view.screen_size.x * 0.5f, m.view.screen_origin.y + m.view.screen_size.y * 0.5f};
        m.view.ZoomAround(centre, 3.0f);  // the two-finger pinch of the browser test, 30 px apart to 90
        m.user_moved = true;
        jcm::RequestRedraw(*f.app);
        f.Settle(390, 844);
        const int rencheng = f.app->data.FindArea("370811");
        REQUIRE(rencheng >= 0);
        const std::string shown(jcm::MapName(f.app->data.areas[static_cast<size_t>(rencheng)], f.app->lang));
        int label = -1;
        for (int i = 0; i < f.app->sem.Count(); ++i) {
            const jcm::SemItem& it = f.app->sem.Item(i);
            if (it.role == jcm::Role::Text && (it.flags & jcm::kSemDecorative) && f.app->sem.Name(it) == shown) label = i;
        }
        REQUIRE(label >= 0);
        const jcm::SemItem& it = f.app->sem.Item(label);
        for (const jcm::Vec2 corner : {jcm::Vec2{it.rect.x, it.rect.y}, jcm::Vec2{it.rect.x + it.rect.w, it.rect.y},
                                       jcm::Vec2{it.rect.x, it.rect.y + it.rect.h}, jcm::Vec2{it.rect.x + it.rect.w, it.rect.y + it.rect.h}})
            CHECK(f.app->geometry.HitTest(m.view.ScreenToWorld(corner)) == rencheng);
        CHECK(m.leaders.empty());
    }
}

TEST_CASE("semantics: an area's detail records each goal with its target's value and unit") {
    Fixture f;
    f.LoadShipped();
    const jcm::Goal* target = nullptr;
    for (const jcm::Goal& g : f.app->data.goals)
        if (g.has_target && !g.target.unit.zh.empty()) { target = &g; break; }
    REQUIRE(target != nullptr);
    jcm::SelectArea(*f.app, f.app->data.FindArea(target->area));
    f.Frame();
    const int item = FindItem(*f.app, jcm::Role::ListItem, target->title.zh);
    REQUIRE(item >= 0);
    const std::string inside = TextInside(*f.app, item);
    char value[32];
    std::snprintf(value, sizeof value, "%g", target->target.value);
    CHECK(inside.find(value) != std::string::npos);
    CHECK(inside.find(target->target.unit.zh) != std::string::npos);
    CHECK(inside.find("记录进展") != std::string::npos);  // its record button
    // Each goal of the area is a list item under its category's heading.
    int goals = 0;
    for (const jcm::Goal& g : f.app->data.goals) goals += g.area == target->area;
    int items = 0;
    for (int i = 0; i < f.app->sem.Count(); ++i) {
        const jcm::SemItem& it = f.app->sem.Item(i);
        if (it.role != jcm::Role::ListItem) continue;
        for (const jcm::Goal& g : f.app->data.goals)
            if (g.area == target->area && f.app->sem.Name(it) == g.title.zh) { ++items; break; }
    }
    CHECK(items == goals);
}

TEST_CASE("semantics: every area is an item of the map; activating one selects it, like a click") {
    Fixture f;
    f.LoadShipped();
    f.Frame();
    const int list = FindItem(*f.app, jcm::Role::List, "地图上的区域");
    REQUIRE(list >= 0);
    int areas = 0, target = -1;
    for (int i = 0; i < f.app->sem.Count(); ++i) {
        if (f.app->sem.Item(i).parent != list) continue;
        ++areas;
        if (f.app->sem.Name(f.app->sem.Item(i)).find("曲阜市") == 0) target = i;
    }
    CHECK(areas == static_cast<int>(f.app->data.areas.size()));
    REQUIRE(target >= 0);
    CHECK(f.app->sem.Name(f.app->sem.Item(target)).find("项目标") != std::string_view::npos);  // with its goal count
    jcm::platform::SemanticAction a;
    a.id = f.app->sem.Item(target).id;
    jcm::platform::headless::Get().actions.push_back(a);
    jcm::UpdateApp(*f.app);
    f.Frame();
    REQUIRE(f.app->selected >= 0);
    CHECK(f.app->data.areas[static_cast<size_t>(f.app->selected)].id == "370881");
    CHECK(jcm::platform::headless::Get().hash == "area=370881&lang=zh");
}

TEST_CASE("semantics: tabs, toggles and sliders record their state and act when activated") {
    Fixture f;
    f.LoadShipped();
    f.Frame();
    const int compare = FindItem(*f.app, jcm::Role::Tab, "对比");
    const int overview = FindItem(*f.app, jcm::Role::Tab, "概况");
    REQUIRE(compare >= 0);
    REQUIRE(overview >= 0);
    CHECK((f.app->sem.Item(overview).flags & jcm::kSemSelected) != 0);
    CHECK((f.app->sem.Item(compare).flags & jcm::kSemSelected) == 0);
    CHECK(f.app->sem.IsInside(compare, FindItem(*f.app, jcm::Role::TabList, "")));
    jcm::platform::SemanticAction a;
    a.id = f.app->sem.Item(compare).id;
    jcm::platform::headless::Get().actions.push_back(a);
    jcm::UpdateApp(*f.app);
    f.Frame();
    CHECK(f.app->ui.tab == jcm::PanelTab::Compare);
    const int table = FindItem(*f.app, jcm::Role::Table, "");
    REQUIRE(table >= 0);
    int rows = 0;
    for (int i = 0; i < f.app->sem.Count(); ++i) rows += f.app->sem.Item(i).role == jcm::Role::Row && f.app->sem.IsInside(i, table);
    CHECK(rows == static_cast<int>(f.app->data.areas.size()) + 1);  // the header row and one per area
    const int sorted = FindItem(*f.app, jcm::Role::ColumnHeader, "目标");
    REQUIRE(sorted >= 0);
    CHECK((f.app->sem.Item(sorted).flags & jcm::kSemSortDescending) != 0);

    // The theme switch is a toggle: activating it switches the theme and records the new state.
    const int theme = FindItem(*f.app, jcm::Role::Button, "深色模式");
    REQUIRE(theme >= 0);
    CHECK((f.app->sem.Item(theme).flags & jcm::kSemToggle) != 0);
    CHECK((f.app->sem.Item(theme).flags & jcm::kSemChecked) == 0);
    a.id = f.app->sem.Item(theme).id;
    jcm::platform::headless::Get().actions.push_back(a);
    jcm::UpdateApp(*f.app);
    f.Frame();
    f.Frame();
    CHECK(f.app->dark);
    CHECK((f.app->sem.Item(FindItem(*f.app, jcm::Role::Button, "深色模式")).flags & jcm::kSemChecked) != 0);
}

TEST_CASE("semantics: the timeline slider takes a value from the mirror") {
    Fixture f;
    f.LoadShipped();
    jcm::LocalEdit e;
    e.goal_id = f.app->data.goals[0].id;
    e.report.status = jcm::Status::Green;
    e.report.date = "2020-04-01";
    jcm::AddEdit(*f.app, e);
    e.report.date = "2020-05-01";
    jcm::AddEdit(*f.app, e);
    f.Frame();
    const int slider = FindItem(*f.app, jcm::Role::Slider, "时间轴");
    REQUIRE(slider >= 0);
    CHECK(f.app->sem.Item(slider).max == doctest::Approx(1));
    CHECK(f.app->sem.Item(slider).value == doctest::Approx(1));  // the latest
    CHECK(Shows(*f.app, "时间轴 · 最新"));  // the day chosen, beside the label
    CHECK(Shows(*f.app, "数据截至 2020-05-01（最新进展记录）"));
    jcm::platform::SemanticAction a;
    a.id = f.app->sem.Item(slider).id;
    a.has_value = true;
    a.value = 0;
    jcm::platform::headless::Get().actions.push_back(a);
    jcm::UpdateApp(*f.app);
    f.Frame();
    f.Frame();
    CHECK(f.app->ui.timeline == 0);
    // The date line says which day's statuses are shown (it said the latest report's date still).
    CHECK(Shows(*f.app, "时间轴 · 2020-04-01"));
    CHECK(Shows(*f.app, "显示 2020-04-01 的进展状态（时间轴）"));
    CHECK_FALSE(Shows(*f.app, "数据截至 2020-05-01（最新进展记录）"));
}

TEST_CASE("semantics: an amount's slider says the amount, not its step count, and takes an amount") {
    // A target of 12.5 steps by 0.1 (125 steps), one of 5,000,000 by 1,000: the slider's value
    // was the step count (a screen reader said 73 for 7.3).
    for (const double target : {12.5, 5e6}) {
        INFO(target);
        Fixture f;
        f.LoadShipped();
        int goal = -1;
        for (size_t i = 0; i < f.app->data.goals.size(); ++i)
            if (f.app->data.goals[i].id == "hitech-output-2000-yi") goal = static_cast<int>(i);
        REQUIRE(goal >= 0);
        f.app->data.goals[static_cast<size_t>(goal)].target.value = target;
        jcm::OpenEditor(*f.app, goal);
        f.Settle(390, 844);
        const auto activate = [&](jcm::Role role, const char* name, bool has_value = false, double value = 0) {
            f.Press(role, name, 390, 844, has_value, value);
        };
        activate(jcm::Role::Checkbox, "填写完成量");
        const int slider = FindItem(*f.app, jcm::Role::Slider, "完成量");
        REQUIRE(slider >= 0);
        const jcm::SemItem& it = f.app->sem.Item(slider);
        CHECK(it.max == doctest::Approx(target));
        CHECK(it.step == doctest::Approx(target == 12.5 ? 0.1 : 1000));
        const float want = target == 12.5 ? 7.3f : 2.5e6f;
        activate(jcm::Role::Slider, "完成量", true, want);
        CHECK(f.app->editor.achieved == doctest::Approx(want));
        CHECK(f.app->sem.Item(FindItem(*f.app, jcm::Role::Slider, "完成量")).value == doctest::Approx(want));
        // The mirror is told the step.
        const std::string json = f.app->sem.ToJson();
        CHECK(json.find(target == 12.5 ? ",0.1]" : ",1000]") != std::string::npos);
    }
}

TEST_CASE("semantics: an unchanged frame records the same items and publishes nothing") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    const int published = jcm::platform::headless::Get().semantics_published;
    const std::string json = jcm::platform::headless::Get().semantics;
    CHECK(json.size() > 100);
    f.Frame();
    f.Frame();
    CHECK(jcm::platform::headless::Get().semantics_published == published);
    CHECK_FALSE(f.app->sem.Overflowed());
    jcm::SetLanguage(*f.app, jcm::Lang::En);
    f.Settle();
    CHECK(jcm::platform::headless::Get().semantics_published > published);
    CHECK(jcm::platform::headless::Get().semantics.find("Zoom in") != std::string::npos);
}

TEST_CASE("semantics: the buffer is bounded and its JSON escapes names") {
    jcm::Semantics sem;
    sem.BeginFrame();
    const int list = sem.Begin(jcm::Role::List, 0, "a \"quoted\" \\ name\n", {0, 0, 10, 10});
    sem.Add(jcm::Role::ListItem, 7, "x", {1, 2, 3, 4}, jcm::kSemAction | jcm::kSemSelected);
    sem.Add(jcm::Role::ListItem, 8, "y", {-5, -1200.6f, 1234567, 0});  // positions rounded, written digit by digit
    sem.End();
    CHECK(sem.Item(1).parent == list);
    CHECK(sem.EndFrame());
    const std::string& json = sem.ToJson();
    CHECK(json.find("\"a \\\"quoted\\\" \\\\ name\\u000a\"") != std::string::npos);
    CHECK(json.find("[7,0,\"listitem\",129,0,1,2,3,4,\"x\",0,0,0]") != std::string::npos);
    CHECK(json.find(",-5,-1201,1234567,0,\"y\"") != std::string::npos);
    sem.BeginFrame();
    for (int i = 0; i < jcm::Semantics::kMaxItems + 10; ++i) sem.Add(jcm::Role::Text, 0, "t", {});
    CHECK(sem.Count() == jcm::Semantics::kMaxItems);
    CHECK(sem.Overflowed());
    // An activation for an item that is never drawn again expires.
    sem.Activate(42, false, 0);
    sem.EndFrame();
    sem.EndFrame();
    sem.EndFrame();
    CHECK_FALSE(sem.TakeActivation(42));
}
#endif
#ifdef JCM_HAVE_UI
// Every view at the four sizes the browser tests use, in both languages, with ImGui's own font
// (the browser test repeats this with the real one): nothing is drawn cut off.
TEST_CASE("semantics: no view draws an item cut off, at four sizes in both languages") {
    const float sizes[4][2] = {{1280, 800}, {1024, 768}, {768, 1024}, {390, 844}};
    for (const auto& size : sizes) {
        for (jcm::Lang lang : {jcm::Lang::Zh, jcm::Lang::En}) {
            for (int view = 0; view < 7; ++view) {
                Fixture f;
                f.LoadShipped();
                jcm::SetLanguage(*f.app, lang);
                const int qufu = f.app->data.FindArea("370881");
                switch (view) {
                    case 1: f.app->ui.tab = jcm::PanelTab::Compare; break;
                    case 2: f.app->ui.show_filters = true; break;
                    case 3: jcm::SelectArea(*f.app, qufu); break;
                    case 4: jcm::SetQuery(*f.app, "曲阜"); break;
                    case 5: jcm::OpenEditor(*f.app, 0); break;
                    case 6: f.app->ui.show_keys = true; break;
                    default: break;
                }
                for (int k = 0; k < 4; ++k) f.Frame(size[0], size[1]);
                for (int i = 0; i < f.app->sem.Count(); ++i) {
                    const jcm::SemItem& it = f.app->sem.Item(i);
                    INFO(size[0], "x", size[1], " view ", view, " lang ", static_cast<int>(lang), ": ",
                         std::string(f.app->sem.Name(it)), " at ", it.rect.x, ",", it.rect.y);
                    CHECK((it.flags & jcm::kSemTruncated) == 0);
                }
            }
        }
    }
}
#endif

#ifdef JCM_HAVE_UI
// A finger, as SDL's emulated mouse reports it (ImGui's input queue, one event batch per frame).
struct Finger {
    static void At(float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(0, down);
    }
};

TEST_CASE("map: an outline has no spike at a sharp corner of its ring, and still covers every edge") {
    // ImGui mitres a thick polyline's joins: at a boundary's needle (Jinxiang's, selected) the
    // mitre was a spike ten times the line's width. Every vertex drawn lies near the ring, and
    // the middle of every edge is under a triangle drawn.
    Fixture f;
    f.LoadShipped();
    f.Settle();
    REQUIRE((ImGui::GetBackgroundDrawList()->Flags & ImDrawListFlags_AntiAliasedLines) != 0);
    const std::vector<std::vector<jcm::Vec2>> rings = {
        // a needle out and one in
        {{100, 100}, {200, 100}, {200, 150}, {260, 152}, {200, 154}, {200, 200}, {150, 200}, {152, 140}, {148, 200}, {100, 200}},
        // one sharp corner, at the ring's first point
        {{300, 152}, {240, 150}, {240, 100}, {140, 100}, {140, 200}, {240, 200}, {240, 154}},
        // a needle whose tip is three points closer together than a pixel's thousandth (zoomed out)
        {{100, 100}, {200, 100}, {200, 140}, {260, 150}, {260.0005f, 150}, {260.001f, 150}, {200, 160}, {200, 200}, {100, 200}},
    };
    for (size_t r = 0; r < rings.size(); ++r)
    for (const float width : {1.0f, 2.0f, 3.0f}) {
        CAPTURE(r);
        CAPTURE(width);
        const std::vector<jcm::Vec2>& ring = rings[r];
        ImDrawList dl(ImGui::GetDrawListSharedData());
        dl._ResetForNewFrame();
        dl.Flags = ImGui::GetBackgroundDrawList()->Flags;  // the app's: anti-aliased (mitred) lines
        dl.PushClipRectFullScreen();
        std::vector<jcm::Vec2> run;
        jcm::DrawRingOutline(&dl, ring.data(), static_cast<uint32_t>(ring.size()), IM_COL32(0, 0, 0, 255), width, &run);
        REQUIRE(dl.VtxBuffer.Size > 0);
        float worst = 0;
        for (const ImDrawVert& v : dl.VtxBuffer) {
            float best = 1e9f;
            for (size_t k = 0; k < ring.size(); ++k) {
                const jcm::Vec2 a = ring[k], b = ring[(k + 1) % ring.size()];
                const float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
                const float t = len2 > 0 ? std::clamp(((v.pos.x - a.x) * dx + (v.pos.y - a.y) * dy) / len2, 0.0f, 1.0f) : 0.0f;
                best = std::min(best, std::hypot(v.pos.x - a.x - t * dx, v.pos.y - a.y - t * dy));
            }
            worst = std::max(worst, best);
        }
        // (A join that is kept is mitred: at most twice the half width and the fringe out, at a
        // turn of 120 degrees; the needles' spikes went 3 to 5 times.)
        CHECK(worst <= (width * 0.5f + 1.0f) * 2.0f + 0.1f);
        // Every edge drawn: its middle inside a triangle of the list.
        const auto inside = [&](ImVec2 p) {
            for (int i = 0; i + 2 < dl.IdxBuffer.Size; i += 3) {
                const ImVec2 a = dl.VtxBuffer[dl.IdxBuffer[i]].pos, b = dl.VtxBuffer[dl.IdxBuffer[i + 1]].pos,
                             c = dl.VtxBuffer[dl.IdxBuffer[i + 2]].pos;
                const float d1 = (p.x - b.x) * (a.y - b.y) - (a.x - b.x) * (p.y - b.y);
                const float d2 = (p.x - c.x) * (b.y - c.y) - (b.x - c.x) * (p.y - c.y);
                const float d3 = (p.x - a.x) * (c.y - a.y) - (c.x - a.x) * (p.y - a.y);
                if (!(((d1 < 0) || (d2 < 0) || (d3 < 0)) && ((d1 > 0) || (d2 > 0) || (d3 > 0)))) return true;
            }
            return false;
        };
        for (size_t k = 0; k < ring.size(); ++k) {
            const jcm::Vec2 a = ring[k], b = ring[(k + 1) % ring.size()];
            if (std::hypot(b.x - a.x, b.y - a.y) < 1.0f) continue;
            CAPTURE(k);
            CHECK(inside(ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f)));
        }
    }
}

TEST_CASE("map: two zones' markers lie side by side, not over each other, and each is tapped where it is drawn") {
    // On a phone the markers of 太白湖新区 and 济宁高新区 lay over each other.
    for (const ImVec2 size : {ImVec2(360, 740), ImVec2(390, 844), ImVec2(768, 1024), ImVec2(1280, 800)}) {
        CAPTURE(size.x);
        Fixture f("lang=en");
        f.LoadShipped();
        f.Settle(size.x, size.y);
        std::vector<int> zones;
        for (size_t i = 0; i < f.app->geometry.areas.size(); ++i)
            if (f.app->geometry.areas[i].has_marker) zones.push_back(static_cast<int>(i));
        REQUIRE(zones.size() >= 2);
        const auto at = [&](int i) { return f.app->map.marker_at[static_cast<size_t>(i)]; };
        for (size_t a = 0; a < zones.size(); ++a)
            for (size_t b = a + 1; b < zones.size(); ++b) {
                const jcm::Vec2 p = at(zones[a]), q = at(zones[b]);
                CHECK(std::hypot(p.x - q.x, p.y - q.y) >= 2.0f * 9.0f + 2.0f - 0.1f);  // the discs apart
            }
        for (int z : zones) {
            const jcm::Vec2 p = at(z);
            Finger::At(p.x, p.y, false);
            f.Frame(size.x, size.y);
            Finger::At(p.x, p.y, true);
            f.Frame(size.x, size.y);
            Finger::At(p.x, p.y, false);
            f.Settle(size.x, size.y);
            CHECK(f.app->selected == z);
            jcm::SelectArea(*f.app, -1);
            f.Settle(size.x, size.y);
        }
    }
}

TEST_CASE("semantics: nothing is recorded while the map is dragged; its end publishes the moved items") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    const auto area_x = [&] {
        const int i = FindItem(*f.app, jcm::Role::ListItem, "兖州区");
        REQUIRE(i >= 0);
        return f.app->sem.Item(i).rect.x;
    };
    const float before = area_x();
    const int published = jcm::platform::headless::Get().semantics_published;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(400, 430);
    f.Frame();
    io.AddMouseButtonEvent(0, true);
    f.Frame();
    for (int k = 1; k <= 10; ++k) {
        io.AddMousePosEvent(400.0f + 8.0f * static_cast<float>(k), 430);
        f.Frame();
    }
    REQUIRE(f.app->map.dragging);
    CHECK(f.app->sem.Count() == 0);  // paused: the frame recorded nothing
    CHECK(jcm::platform::headless::Get().semantics_published == published);
    io.AddMouseButtonEvent(0, false);
    f.Frame();
    CHECK(f.app->frames_to_draw > 0);  // the frame that ended the drag asks for one that records
    f.Settle();
    CHECK_FALSE(f.app->map.dragging);
    CHECK(f.app->sem.Count() > 50);
    CHECK(jcm::platform::headless::Get().semantics_published == published + 1);
    CHECK(area_x() == doctest::Approx(before + 80).epsilon(0.02));  // moved with the map
    CHECK(f.app->selected == -1);  // a drag selects nothing
}

TEST_CASE("map: two quick drags from the same point pan; only two presses without a drag zoom in") {
    // On a fast machine a browser test's drags, each from the map's middle, came within the
    // double-click time: the second zoomed in, and the third panned the map out of sight.
    Fixture f;
    f.LoadShipped();
    f.Settle();
    ImGuiIO& io = ImGui::GetIO();
    const float zoom = f.app->map.view.pixels_per_unit;
    const auto press = [&](float dx) {
        io.AddMousePosEvent(400, 430);
        f.Frame();
        io.AddMouseButtonEvent(0, true);
        f.Frame();
        if (dx != 0) {
            io.AddMousePosEvent(400 + dx, 430);
            f.Frame();
        }
        io.AddMouseButtonEvent(0, false);
        f.Frame();
    };
    press(60);
    press(60);  // (4 frames later: within ImGui's 0.3 s)
    press(60);
    CHECK(f.app->map.view.pixels_per_unit == doctest::Approx(zoom));
    for (int k = 0; k < 30; ++k) f.Frame();  // half a second: the next press starts afresh
    press(0);
    press(0);
    CHECK(f.app->map.view.pixels_per_unit == doctest::Approx(zoom * 2));
}

TEST_CASE("semantics: a drag that ends within a frame never publishes that frame's empty record") {
    // The frame in which the finger lifts began paused (recording nothing); what is published after
    // it must be a recorded frame, even when the drag moved nothing (the map at its limit). Frames
    // here are slow (a third of a second, as software WebGL at DPR 3), so the rate limit never holds
    // a publication back.
    Fixture f;
    f.LoadShipped();
    f.Settle();
    ImGuiIO& io = ImGui::GetIO();
    double& now = jcm::platform::headless::Get().now;
    const auto slow_frame = [&] { now += 0.3; f.Frame(); };
    for (int drag = 0; drag < 4; ++drag) {
        io.AddMousePosEvent(400, 430);
        io.AddMouseButtonEvent(0, true);
        slow_frame();
        for (int k = 1; k <= 3; ++k) {
            io.AddMousePosEvent(400.0f + 300.0f * static_cast<float>(k), 430);
            slow_frame();
        }
        io.AddMouseButtonEvent(0, false);
        slow_frame();
        CAPTURE(drag);
        CHECK(jcm::platform::headless::Get().semantics.find("兖州区") != std::string::npos);
        f.Settle();
        CHECK(jcm::platform::headless::Get().semantics.find("兖州区") != std::string::npos);
    }
}

TEST_CASE("touch: a swipe over the panel scrolls it and presses nothing; a tap still selects") {
    Fixture f;
    f.LoadShipped();
    for (int k = 0; k < 3; ++k) f.Frame(390, 844);
    // Swipes up by `dy` starting at (x, y), 20 px a frame, then lets the coast run out.
    auto swipe = [&](float x, float y, float dy) {
        Finger::At(x, y, true);
        f.Frame(390, 844);
        const int steps = static_cast<int>(dy / 20.0f);
        for (int i = 1; i <= steps; ++i) {
            Finger::At(x, y - 20.0f * static_cast<float>(i), true);
            f.Frame(390, 844);
        }
        Finger::At(x, y - dy, false);
        f.Frame(390, 844);
        CHECK(f.app->touch_scroll.coasting);  // released at speed: it goes on
        for (int k = 0; k < 300 && f.app->touch_scroll.coasting; ++k) f.Frame(390, 844);
        CHECK_FALSE(f.app->touch_scroll.coasting);
    };
    auto rect = [&](jcm::Role role, const char* name) {
        const int i = FindItem(*f.app, role, name);
        REQUIRE(i >= 0);
        return f.app->sem.Item(i).rect;
    };
    // The ranked row of 曲阜市 starts below the fold; swipes that start on a tile bring it up.
    CHECK(rect(jcm::Role::ListItem, "曲阜市: ").h == 0);
    const jcm::SemRect tile = rect(jcm::Role::Text, "99 目标");
    REQUIRE(tile.h > 0);
    int swipes = 0;
    for (; swipes < 6 && rect(jcm::Role::ListItem, "曲阜市: ").h < 30; ++swipes) swipe(tile.x + 20, 800, 100);
    CHECK(swipes <= 4);
    jcm::SemRect row = rect(jcm::Role::ListItem, "曲阜市: ");
    REQUIRE(row.h >= 30);
    CHECK(f.app->selected == -1);
    // A swipe that starts on the row scrolls and does not select it.
    {  // slowly, 30 px, held still before lifting: no coast
        const float x = row.x + 60, y = row.y + row.h * 0.5f;
        Finger::At(x, y, true);
        f.Frame(390, 844);
        for (int i = 1; i <= 3; ++i) {
            Finger::At(x, y - 10.0f * static_cast<float>(i), true);
            f.Frame(390, 844);
        }
        for (int k = 0; k < 10; ++k) f.Frame(390, 844);  // the finger rests
        Finger::At(x, y - 30.0f, false);
        for (int k = 0; k < 5; ++k) f.Frame(390, 844);
        CHECK(f.app->selected == -1);
        CHECK_FALSE(f.app->touch_scroll.coasting);
        const jcm::SemRect after = rect(jcm::Role::ListItem, "曲阜市: ");
        CHECK(after.y == doctest::Approx(row.y - 30.0f).epsilon(0.05));
        row = after;
    }
    // A tap (no movement) on the row selects its area.
    REQUIRE(row.h > 0);
    Finger::At(row.x + row.w * 0.5f, row.y + row.h * 0.5f, true);
    for (int k = 0; k < 3; ++k) f.Frame(390, 844);
    Finger::At(row.x + row.w * 0.5f, row.y + row.h * 0.5f, false);
    for (int k = 0; k < 3; ++k) f.Frame(390, 844);
    REQUIRE(f.app->selected >= 0);
    CHECK(f.app->data.areas[static_cast<size_t>(f.app->selected)].id == "370881");
}
#endif

#ifdef JCM_HAVE_UI
TEST_CASE("compare: an area with no goals reported ('-') sorts after a count of 0, either way") {
    // Under the "key projects" category filter, 邹城市 has 0: it was ranked below the seven areas
    // the report gives no goals for.
    Fixture f;
    f.LoadShipped();
    f.app->ui.filter.categories = {"key-projects"};
    jcm::RefreshStats(*f.app);
    jcm::SetTab(*f.app, jcm::PanelTab::Compare);
    for (const bool descending : {true, false}) {
        CAPTURE(descending);
        f.app->ui.sort_column = jcm::CompareColumn::Goals;
        f.app->ui.sort_descending = descending;
        f.app->ui.compare_order.clear();  // sorted again in the next frame
        f.Settle();
        const std::vector<int>& order = f.app->ui.compare_order;
        REQUIRE(order.size() == f.app->data.areas.size());
        bool seen_none = false, zero = false;
        for (int i : order) {
            const bool none = f.app->stats.all_goals[static_cast<size_t>(i)] == 0;
            if (!none) CHECK_FALSE(seen_none);  // a figure after a "-"
            zero |= !none && f.app->stats.per_area[static_cast<size_t>(i)].goals == 0;
            seen_none |= none;
        }
        CHECK(zero);  // (the case: an area with goals, none under the filter)
        CHECK(seen_none);
    }
}

TEST_CASE("compare: figures are right-aligned under their header, and the columns keep their widths") {
    Fixture f("lang=en&tab=compare");
    f.LoadShipped();
    f.Settle();
    // Per row: the right edge of each cell (the header row's too), from the semantics mirror.
    const auto edges = [&] {
        std::vector<std::vector<float>> rows;
        for (int i = 0; i < f.app->sem.Count(); ++i) {
            const jcm::SemItem& it = f.app->sem.Item(i);
            if (it.role != jcm::Role::Row) continue;
            std::vector<float> right;
            for (int k = i + 1; k < f.app->sem.Count() && f.app->sem.Item(k).parent == i; ++k)
                right.push_back(f.app->sem.Item(k).rect.x + f.app->sem.Item(k).rect.w);
            rows.push_back(right);
        }
        return rows;
    };
    const std::vector<std::vector<float>> before = edges();
    REQUIRE(before.size() == 1 + f.app->data.areas.size());
    // The header's item is its whole cell; its label ends where the sort arrow's place begins,
    // and so does every figure of the column ("23", "7", "0", "–").
    const float arrow = before[0][1] - before[1][1];
    CHECK(arrow > 10.0f);
    for (size_t col = 1; col <= 3; ++col) {  // goals, targets, projects
        CAPTURE(col);
        CHECK(before[0][col] - before[1][col] == doctest::Approx(arrow));
        for (size_t r = 1; r < before.size(); ++r) {
            REQUIRE(before[r].size() > col);
            CHECK(before[r][col] == doctest::Approx(before[1][col]));
        }
    }
    // Another language and back: the columns are as they were (their widths are set, not grown
    // to what was drawn in them).
    jcm::SetLanguage(*f.app, jcm::Lang::Zh);
    f.Settle();
    jcm::SetLanguage(*f.app, jcm::Lang::En);
    f.Settle();
    CHECK(edges() == before);
}

TEST_CASE("compare: rows equal in the sorted column follow by name, A to Z either way") {
    Fixture f;
    f.LoadShipped();
    jcm::SetTab(*f.app, jcm::PanelTab::Compare);
    const jcm::Dataset& d = f.app->data;
    for (const jcm::CompareColumn col : {jcm::CompareColumn::Goals, jcm::CompareColumn::Projects, jcm::CompareColumn::Kind})
        for (const bool descending : {true, false}) {
            CAPTURE(static_cast<int>(col));
            CAPTURE(descending);
            f.app->ui.sort_column = col;
            f.app->ui.sort_descending = descending;
            f.app->ui.compare_order.clear();  // sorted again in the next frame
            f.Settle();
            const std::vector<int>& order = f.app->ui.compare_order;
            REQUIRE(order.size() == d.areas.size());
            int ties = 0;
            for (size_t k = 1; k < order.size(); ++k) {
                const jcm::Area &a = d.areas[static_cast<size_t>(order[k - 1])], &b = d.areas[static_cast<size_t>(order[k])];
                const jcm::GoalCounts &ca = f.app->stats.per_area[static_cast<size_t>(order[k - 1])],
                                      &cb = f.app->stats.per_area[static_cast<size_t>(order[k])];
                const bool same = col == jcm::CompareColumn::Kind ? a.kind == b.kind
                                  : col == jcm::CompareColumn::Goals ? ca.goals == cb.goals
                                                                     : ca.projects == cb.projects;
                const bool none_a = f.app->stats.all_goals[static_cast<size_t>(order[k - 1])] == 0,
                           none_b = f.app->stats.all_goals[static_cast<size_t>(order[k])] == 0;
                if (!same || (col != jcm::CompareColumn::Kind && none_a != none_b)) continue;  // "–" comes after a 0
                ++ties;
                CHECK(a.name.zh < b.name.zh);  // the headless platform collates by bytes
            }
            CHECK(ties >= 3);  // (seven areas have no goals: a tie at least)
        }
}

TEST_CASE("history: views push entries, Back (an older hash) returns to them; language replaces") {
    Fixture f;
    f.LoadShipped();
    auto& hl = jcm::platform::headless::Get();
    hl.history.clear();
    jcm::SetTab(*f.app, jcm::PanelTab::Compare);
    CHECK(hl.hash == "tab=compare&lang=zh");
    jcm::SelectArea(*f.app, f.app->data.FindArea("370831"));
    CHECK(hl.hash == "area=370831&lang=zh");
    jcm::SetLanguage(*f.app, jcm::Lang::En);
    CHECK(hl.hash == "area=370831&lang=en");
    REQUIRE(hl.history.size() == 2);  // the language switch replaced its entry
    // Back: the browser shows the previous entry's hash.
    hl.hash = "tab=compare&lang=zh";
    hl.hash_changed = true;
    jcm::UpdateApp(*f.app);
    CHECK(f.app->selected == -1);
    CHECK(f.app->ui.tab == jcm::PanelTab::Compare);
    hl.hash = "lang=zh";
    hl.hash_changed = true;
    jcm::UpdateApp(*f.app);
    CHECK(f.app->ui.tab == jcm::PanelTab::Overview);
}

TEST_CASE("search: typed while an area is shown, its results are shown; Back returns to the area") {
    Fixture f;
    f.LoadShipped();
    auto& hl = jcm::platform::headless::Get();
    hl.history.clear();
    const int qufu = f.app->data.FindArea("370881");
    jcm::SelectArea(*f.app, qufu);
    f.Settle();
    const std::string area_hash = hl.hash;
    hl.typed = "园区";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(f.app->selected == -1);
    CHECK(f.app->ui.query == "园区");
    CHECK(Shows(*f.app, "搜索结果 ("));  // the results, not the area
    CHECK(hl.history.back() == area_hash);  // the area's entry stays for Back
    // More typing narrows the results (no new entry); a result opens its area over them.
    const size_t entries = hl.history.size();
    hl.typed = "园区 ";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(hl.history.size() == entries);
    hl.hash = area_hash;
    hl.hash_changed = hl.hash_back = true;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(f.app->selected == qufu);
    // Emptying the search while an area is shown leaves the area as it is.
    hl.typed = "";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(f.app->selected == qufu);
    CHECK(f.app->ui.query.empty());
}

TEST_CASE("links: a part of the hash that cannot be decoded is ignored with a notice, the rest applies") {
    jcm::platform::headless::Reset();
    auto& hl = jcm::platform::headless::Get();
    hl.hash = "lang=en";              // what the page could decode
    hl.hash_unreadable = "area=%E6%9B";  // and what it could not
    ImGuiContext* ctx = ImGui::CreateContext();
    jcm::AppState app;
    jcm::StartApp(app);
    jcm::platform::headless::Complete("assets/ui-font.otf", false, {}, "http|404");
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, ShippedData()));
    CHECK(app.lang == jcm::Lang::En);
    CHECK(app.has_data);
    CHECK(app.show_problems);
    bool noticed = false;
    for (const jcm::Problem& p : app.problems) noticed |= p.message.en.find("area=%E6%9B") != std::string::npos;
    CHECK(noticed);
    ImGui::DestroyContext(ctx);
}

TEST_CASE("messages: a failed fetch is described in the reader's language, the browser's words beneath") {
    Fixture f;
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", false, {}, "network|Failed to fetch"));
    REQUIRE(f.app->problems.size() >= 1);
    CHECK(f.app->problems[0].message.zh.find("网络错误") != std::string::npos);
    CHECK(f.app->problems[0].message.zh.find("Failed to fetch") != std::string::npos);
    CHECK(f.app->problems[0].message.en.find("network error") != std::string::npos);
    jcm::ImportFile(*f.app, "big.json", "", "too-large|20000000|16777216");
    CHECK(f.app->problems[0].message.zh.find("文件过大：20000000 字节") != std::string::npos);
}

TEST_CASE("links: a ?data= that failed offers the default data, which then loads") {
    jcm::platform::headless::Reset();
    jcm::platform::headless::Get().dataset_url = "data/other.json";
    ImGuiContext* ctx = ImGui::CreateContext();
    jcm::AppState app;
    jcm::StartApp(app);
    jcm::platform::headless::Complete("assets/ui-font.otf", false, {}, "http|404");
    REQUIRE(jcm::platform::headless::Complete("data/other.json", false, {}, "http|404 Not Found"));
    CHECK_FALSE(app.has_data);
    jcm::LoadDefaultData(app);
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, ShippedData()));
    CHECK(app.has_data);
    ImGui::DestroyContext(ctx);
}
#endif

#ifdef JCM_HAVE_UI
TEST_CASE("touch: the filters chip opens and closes the filters, tap after tap") {
    Fixture f;
    f.LoadShipped();
    f.Settle(390, 844);
    for (int round = 0; round < 4; ++round) {
        const int chip = FindItem(*f.app, jcm::Role::Button, "筛选");
        REQUIRE(chip >= 0);
        const jcm::SemRect r = f.app->sem.Item(chip).rect;
        const bool before = f.app->ui.show_filters;
        Finger::At(r.x + r.w * 0.5f, r.y + r.h * 0.5f, true);
        f.Frame(390, 844);
        f.Frame(390, 844);
        Finger::At(r.x + r.w * 0.5f, r.y + r.h * 0.5f, false);
        ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // as main.cpp does when the finger lifts
        f.Settle(390, 844);
        INFO("round ", round);
        CHECK(f.app->ui.show_filters == !before);
    }
}
#endif

TEST_CASE("overview: the data's date and a link to the source report, only as the data states them") {
    {
        Fixture f;  // the shipped data: no as_of, no progress, no publication date, no URL
        f.LoadShipped();
        f.Settle();
        CHECK_FALSE(Shows(*f.app, "数据截至"));
        CHECK_FALSE(Shows(*f.app, "报道发布于"));
        CHECK(FindItem(*f.app, jcm::Role::Link, "打开报道原文") < 0);
    }
    auto with = [](std::string text, const std::string& url) {
        const std::string file = "\"file\": \"jining-100-day-campaign.txt\"";
        text.replace(text.find(file), file.size(), file + ", \"published\": \"2020-02-28\", \"url\": \"" + url + "\"");
        text.replace(text.find("\"city\": {"), 9, "\"as_of\": \"2020-03-05\", \"city\": {");
        return text;
    };
    Fixture f;
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, with(ShippedData(), "https://example.org/report")));
    f.Settle();
    CHECK(Shows(*f.app, "数据截至 2020-03-05"));
    CHECK(Shows(*f.app, "报道发布于 2020-02-28"));
    const int link = FindItem(*f.app, jcm::Role::Link, "打开报道原文");
    REQUIRE(link >= 0);
    jcm::platform::SemanticAction a;
    a.id = f.app->sem.Item(link).id;
    jcm::platform::headless::Get().actions.push_back(a);
    jcm::UpdateApp(*f.app);
    f.Frame();
    CHECK(jcm::platform::headless::Get().opened_urls == std::vector<std::string>{"https://example.org/report"});

    Fixture g;  // an address that is not a web page gives no link
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, with(ShippedData(), "javascript:alert(1)")));
    g.Settle();
    CHECK(FindItem(*g.app, jcm::Role::Link, "打开报道原文") < 0);
}

TEST_CASE("links: the filters are part of the link; a link's filters apply, unknown ids are left out") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    f.app->ui.filter.categories = {"key-projects"};
    f.app->ui.filter.statuses = 1u << static_cast<int>(jcm::Status::Red);
    jcm::WriteHash(*f.app, false);
    CHECK(jcm::platform::headless::Get().hash == "cat=key-projects&status=red&lang=zh");

    Fixture g("area=370881&cat=industry,no-such-category&kind=county&status=green,bogus&lang=en");
    g.LoadShipped();
    g.Settle();
    CHECK(g.app->selected == g.app->data.FindArea("370881"));
    CHECK(g.app->ui.filter.categories == std::vector<std::string>{"industry"});
    CHECK(g.app->ui.filter.area_kinds == std::vector<std::string>{"county"});
    CHECK(g.app->ui.filter.statuses == 1u << static_cast<int>(jcm::Status::Green));
    CHECK(g.app->stats.total.goals < static_cast<int>(g.app->data.goals.size()));  // the counts follow the filter
    // A link without filters (Back to an earlier view) keeps them.
    jcm::ApplyHash(*g.app, "lang=en");
    CHECK(g.app->ui.filter.categories == std::vector<std::string>{"industry"});
}

TEST_CASE("share: the data menu shares the view; the outcome is shown until the next press") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    f.app->ui.toast = jcm::Text{};
    jcm::platform::headless::Get().share_result = 1;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Dialog, "链接已复制") >= 0);
    jcm::platform::headless::Get().share_result = 0;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Dialog, "无法复制链接") >= 0);
    jcm::platform::headless::Get().share_result = 2;  // cancelled in the share sheet: nothing new to say
    jcm::UpdateApp(*f.app);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
    f.Settle();
    CHECK(f.app->ui.toast.Empty());
    CHECK(FindItem(*f.app, jcm::Role::Dialog, "链接") < 0);
}

namespace {

// The shipped data as another device exports it, with these reports for its first two goals.
std::string ExportWith(const std::vector<jcm::LocalEdit>& edits) {
    Fixture other;
    other.LoadShipped();
    for (const jcm::LocalEdit& e : edits) jcm::AddEdit(*other.app, e);
    return jcm::DatasetToJson(other.app->data);
}

jcm::LocalEdit Edit(const std::string& goal, const char* date, jcm::Status s, const char* author, int percent) {
    jcm::LocalEdit e;
    e.goal_id = goal;
    e.report.date = date;
    e.report.status = s;
    e.report.author = author;
    e.report.has_percent = true;
    e.report.percent = percent;
    return e;
}

}  // namespace

// A big export to merge (a province's map with its reports) is read and checked in steps, on the
// loading card, as a big file to load is; then planned, the data shown as it was.
TEST_CASE("merge: a big export is read in steps on the loading card, then planned") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    const std::string g1 = f.app->data.goals[1].id;
    const std::string theirs = ExportWith({Edit(g1, "2026-12-02", jcm::Status::Done, "张", 100)}) + std::string(size_t{2300000}, ' ');
    jcm::platform::headless::Get().imports.push_back({"big-tablet.json", theirs, "", true});
    jcm::UpdateApp(*f.app);
    CHECK(jcm::platform::headless::Get().loading_title == "big-tablet.json");
    CHECK_FALSE(f.app->merge.open);
    int steps = 0;
    while (f.app->load.data_pending) {
        REQUIRE(jcm::StepLoading(*f.app));
        REQUIRE(++steps < 20);
    }
    CHECK(steps >= 3);  // read, parse, check: a frame each
    REQUIRE(f.app->merge.open);
    CHECK(f.app->merge.plan.added.size() == 1);
    CHECK(f.app->local.edits.empty());  // nothing changes before the person confirms
    CHECK(f.app->has_data);
    CHECK(f.app->geometry.areas.size() == f.app->data.areas.size());  // the map as it was
    const auto& marks = jcm::platform::headless::Get().marks;
    CHECK(std::count(marks.begin(), marks.end(), "app:data-imported") == 0);
    f.Settle();
    CHECK(jcm::platform::headless::Get().loading_title.empty());
    CHECK(FindItem(*f.app, jcm::Role::Dialog, "合并记录") >= 0);
}

TEST_CASE("merge: another device's export is planned, shown, merged with the chosen side, and undone") {
    Fixture f;
    f.LoadShipped();
    const std::string g0 = f.app->data.goals[0].id, g1 = f.app->data.goals[1].id;
    jcm::AddEdit(*f.app, Edit(g0, "2026-12-01", jcm::Status::Green, "王", 20));
    const std::string theirs = ExportWith({Edit(g0, "2026-12-01", jcm::Status::Red, "李", 10),     // conflict
                                           Edit(g0, "2026-12-02", jcm::Status::Yellow, "李", 30),  // new
                                           Edit(g1, "2026-12-02", jcm::Status::Done, "张", 100)});  // new
    jcm::platform::headless::Get().imports.push_back({"tablet-2.json", theirs, "", true});
    jcm::UpdateApp(*f.app);
    REQUIRE(f.app->merge.open);
    CHECK(f.app->local.edits.size() == 1);  // nothing changes before the person confirms
    f.Settle();
    const int dialog = FindItem(*f.app, jcm::Role::Dialog, "合并记录");
    REQUIRE(dialog >= 0);
    const std::string text = TextInside(*f.app, dialog);
    CHECK(text.find("2 条新记录（来自 2 位填报人），1 处冲突") != std::string::npos);
    CHECK(text.find("本机") != std::string::npos);
    CHECK(text.find("导入的文件") != std::string::npos);
    CHECK(text.find("填报人 李") != std::string::npos);

    // Take the imported side of the conflict, then merge.
    f.app->merge.take_theirs[0] = 1;
    jcm::ConfirmMerge(*f.app);
    CHECK_FALSE(f.app->merge.open);
    CHECK(f.app->local.edits.size() == 3);
    CHECK(f.app->data.goals[1].status == jcm::Status::Done);
    CHECK(f.app->data.goals[0].progress.front().author == "李");
    CHECK(f.app->ui.toast.zh == "已合并 3 条记录");
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Button, "撤销合并") >= 0);

    // Undo: the edits from before the merge, stored again.
    jcm::UndoBulk(*f.app);
    REQUIRE(f.app->local.edits.size() == 1);
    CHECK(f.app->local.edits[0].report.author == "王");
    CHECK(f.app->data.goals[1].status == jcm::Status::NotReported);
    CHECK(f.app->undo.kind == jcm::BulkUndo::Kind::None);

    // The same file again, merged keeping this device's side: then nothing is new.
    jcm::platform::headless::Get().imports.push_back({"tablet-2.json", theirs, "", true});
    jcm::UpdateApp(*f.app);
    REQUIRE(f.app->merge.open);
    jcm::ConfirmMerge(*f.app);
    CHECK(f.app->ui.toast.en == "Merged 2 reports");
    jcm::platform::headless::Get().imports.push_back({"tablet-2.json", theirs, "", true});
    jcm::UpdateApp(*f.app);
    CHECK(f.app->merge.open);  // the conflict kept as "mine" is still a conflict
    f.app->merge.open = false;
    // A later edit ends the undo (undoing would lose it).
    jcm::AddEdit(*f.app, Edit(g1, "2026-12-05", jcm::Status::Green, "王", 50));
    CHECK(f.app->undo.kind == jcm::BulkUndo::Kind::None);

    // "Revert all" takes every local record at one tap: it can be taken back too, until the next change.
    const size_t had = f.app->local.edits.size();
    REQUIRE(had > 0);
    jcm::RevertAllEdits(*f.app);
    CHECK(f.app->local.edits.empty());
    CHECK(f.app->ui.toast.en == "All local records reverted");
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Button, "恢复已撤销的记录") >= 0);
    jcm::UndoBulk(*f.app);
    CHECK(f.app->local.edits.size() == had);
    CHECK(f.app->data.goals[1].progress.back().status == jcm::Status::Green);
    CHECK(f.app->ui.toast.en == "Local records restored");
    jcm::RevertAllEdits(*f.app);
    jcm::AddEdit(*f.app, Edit(g1, "2026-12-06", jcm::Status::Green, "王", 60));
    CHECK(f.app->undo.kind == jcm::BulkUndo::Kind::None);  // (undoing would lose the new one)
}

TEST_CASE("local edits: an undo does not outlive its data (another dataset loaded)") {
    // Taken back after another file was loaded, it wrote the old data's reports into the new
    // data's storage.
    Fixture f;
    f.LoadShipped();
    const std::string goal = f.app->data.goals[0].id;
    jcm::AddEdit(*f.app, Edit(goal, "2026-12-05", jcm::Status::Green, "王", 50));
    jcm::RevertAllEdits(*f.app);
    REQUIRE(f.app->undo.kind == jcm::BulkUndo::Kind::RevertAll);
    std::string other = ShippedData();  // another dataset (id): the same data's storage would have the undo
    other.replace(other.find("jining-2020-100-day"), 19, "other-city-2020");
    REQUIRE(jcm::AcceptDataset(*f.app, other, "data/other.json"));
    CHECK(f.app->undo.kind == jcm::BulkUndo::Kind::None);
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Button, "恢复已撤销的记录") < 0);
}

TEST_CASE("merge: an export of other data, an invalid file or a file with nothing new changes nothing and says so") {
    Fixture f;
    f.LoadShipped();
    jcm::AddEdit(*f.app, Edit(f.app->data.goals[0].id, "2026-12-01", jcm::Status::Green, "王", 20));
    const std::string other = ReadFile(std::string(JCM_SOURCE_DIR) + "/tests/fixtures/valid/minimal.json");
    jcm::platform::headless::Get().imports.push_back({"minimal.json", other, "", true});
    jcm::UpdateApp(*f.app);
    CHECK_FALSE(f.app->merge.open);
    REQUIRE(f.app->show_problems);
    CHECK(f.app->problems[0].message.zh.find("另一份数据") != std::string::npos);
    CHECK(f.app->local.edits.size() == 1);
    CHECK(f.app->data.id != "minimal");

    jcm::platform::headless::Get().imports.push_back({"broken.json", "{\"schema_version\": 1,", "", true});
    jcm::UpdateApp(*f.app);
    CHECK_FALSE(f.app->merge.open);
    CHECK(f.app->problems_file == "broken.json");
    CHECK(f.app->local.edits.size() == 1);

    jcm::platform::headless::Get().imports.push_back({"mine.json", jcm::DatasetToJson(f.app->data), "", true});
    jcm::UpdateApp(*f.app);
    CHECK_FALSE(f.app->merge.open);
    CHECK(f.app->ui.toast.en == "Nothing new in mine.json (1 report is already here)");
}

TEST_CASE("map layer: new data releases what the layer built from the old data before that geometry goes") {
    // A layer building a level of detail (map_layer.h) reads the geometry it was given: another
    // dataset must not be read through it (an import replaces app.geometry in place).
    struct Stub : jcm::MapLayer {
        const jcm::AppState* app = nullptr;
        int releases = 0, steps = 0;
        size_t areas_at_release = 0;
        bool busy = true;
        bool Sync(const jcm::MapGeometry&, const jcm::BorderNodes*, int) override { return false; }  // ImGui draws the map
        void SetColors(const std::vector<uint32_t>&) override {}
        void Draw(ImDrawList*, const jcm::ViewTransform&, uint32_t, float) override {}
        bool Busy() const override { return busy; }
        bool Step(double) override {
            ++steps;
            return false;
        }
        void Release() override {
            ++releases;
            areas_at_release = app->geometry.areas.size();
            busy = false;
        }
    };
    Fixture f;
    f.LoadShipped();
    f.Settle();
    Stub stub;
    stub.app = f.app.get();
    f.app->map_layer = &stub;
    const size_t areas = f.app->geometry.areas.size();
    REQUIRE(areas > 0);
    jcm::StepLoading(*f.app);
    CHECK(stub.steps == 1);  // busy: stepped
    jcm::platform::headless::Get().imports.push_back({"other.json", jcm::DatasetToJson(f.app->data), "", false});
    jcm::UpdateApp(*f.app);
    CHECK(stub.releases == 1);
    CHECK(stub.areas_at_release == areas);  // before the old geometry was freed
    jcm::StepLoading(*f.app);
    CHECK(stub.steps == 1);  // nothing stepped after
    f.Settle();
    f.app->map_layer = nullptr;
}

TEST_CASE("overview: on a phone in English an area with no goals is one row of one line, beside the taller rows with bars") {
    Fixture f;
    f.LoadShipped();
    jcm::SetLanguage(*f.app, jcm::Lang::En);
    f.app->ui.sheet = jcm::Sheet::Full;
    f.Settle(390, 4000);  // a phone's width, tall enough to show every row
    const auto row = [&](const std::string& start) {
        for (int i = 0; i < f.app->sem.Count(); ++i) {
            const jcm::SemItem& it = f.app->sem.Item(i);
            if (it.role == jcm::Role::ListItem && f.app->sem.Name(it).substr(0, start.size()) == start) return it.rect;
        }
        FAIL("no row ", start);
        return jcm::SemRect{};
    };
    const jcm::SemRect none = row("Yutai County:"), bars = row("Sishui County:");
    CHECK(none.h < 45.0f);          // one line: name and "No goals reported" side by side (34 px and the spacing)
    CHECK(bars.h > none.h + 15.0f);  // the names above their bars (stacked: a long name is cut otherwise)
}

TEST_CASE("filters: when they leave no goal, the overview says so and offers to clear them, not empty sections") {
    Fixture f;
    f.LoadShipped();
    f.Settle(390, 844);
    CHECK(Shows(*f.app, "目标分类"));
    f.app->ui.filter.statuses = 1u << static_cast<int>(jcm::Status::Red);  // the shipped data has no report at all
    jcm::RefreshStats(*f.app);
    f.Settle(390, 844);
    REQUIRE(f.app->stats.total.goals == 0);
    CHECK(Shows(*f.app, "没有符合筛选条件的目标"));
    CHECK_FALSE(Shows(*f.app, "目标分类"));
    const int clear = FindItem(*f.app, jcm::Role::Button, "清除筛选");
    REQUIRE(clear >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(clear).id), false, 0);
    f.Settle(390, 844);
    CHECK(f.app->ui.filter.Empty());
    CHECK(f.app->stats.total.goals > 0);
    CHECK(Shows(*f.app, "目标分类"));
    CHECK_FALSE(Shows(*f.app, "没有符合筛选条件的目标"));
}

TEST_CASE("filters: with one on, Clear filters is at the top, above every chip, and clears them all") {
    Fixture f;
    f.LoadShipped();
    f.app->ui.show_filters = true;
    f.Settle(390, 844);
    CHECK(FindItem(*f.app, jcm::Role::Button, "清除筛选") < 0);  // none on: nothing to clear
    const std::string first = f.app->data.categories[0].name.zh;
    const std::string last_kind = f.app->data.area_kinds.back().name.zh;
    int chip = FindItem(*f.app, jcm::Role::Button, first);
    REQUIRE(chip >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(chip).id), false, 0);
    f.Settle(390, 844);
    REQUIRE_FALSE(f.app->ui.filter.Empty());
    const int clear = FindItem(*f.app, jcm::Role::Button, "清除筛选");
    REQUIRE(clear >= 0);
    chip = FindItem(*f.app, jcm::Role::Button, first);
    const jcm::SemRect c = f.app->sem.Item(clear).rect;
    CHECK(c.y + c.h <= f.app->sem.Item(chip).rect.y + 0.5f);        // above the first chip
    CHECK(c.x + c.w <= 390.0f);                                       // whole on a phone
    CHECK((f.app->sem.Item(clear).flags & jcm::kSemTruncated) == 0);
    CHECK(c.y < f.app->sem.Item(FindItem(*f.app, jcm::Role::Button, last_kind)).rect.y);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(clear).id), false, 0);
    f.Settle(390, 844);
    CHECK(f.app->ui.filter.Empty());
    CHECK(FindItem(*f.app, jcm::Role::Button, "清除筛选") < 0);
}

TEST_CASE("panel: the local records' bar is two lines on a phone, its links side by side, in both languages") {
    for (const jcm::Lang lang : {jcm::Lang::Zh, jcm::Lang::En}) {
        INFO("en: ", lang == jcm::Lang::En);
        Fixture f;
        f.LoadShipped();
        jcm::SetLanguage(*f.app, lang);
        jcm::OpenEditor(*f.app, 0);
        f.Settle(390, 844);
        for (jcm::Str press : {jcm::Str::StatusGreen, jcm::Str::Save}) {
            const int b = FindItem(*f.app, jcm::Role::Button, jcm::Tr(press, lang));
            REQUIRE(b >= 0);
            f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(b).id), false, 0);
            f.Settle(390, 844);
        }
        REQUIRE(f.app->local.edits.size() == 1);
        const int exp = FindItem(*f.app, jcm::Role::Button, jcm::Tr(jcm::Str::ExportJsonShort, lang));
        const int revert = FindItem(*f.app, jcm::Role::Button, jcm::Tr(jcm::Str::RevertAll, lang));
        REQUIRE(exp >= 0);
        REQUIRE(revert >= 0);
        const jcm::SemRect a = f.app->sem.Item(exp).rect, b = f.app->sem.Item(revert).rect;
        CHECK(a.y == doctest::Approx(b.y));  // one line
        CHECK(a.x + a.w <= b.x);
        CHECK(b.x + b.w <= 390.0f);
    }
}

TEST_CASE("panel: a search result's goal, first in its section, is brought into view under its section's heading") {
    // From a review: the goal came to the panel's top with its section's name just out of view.
    for (const auto& size : {std::pair<float, float>{390, 844}, {1280, 800}}) {
        INFO(size.first, "x", size.second);
        Fixture f;
        f.LoadShipped();
        const int sishui = f.app->data.FindArea("370831");
        // Sishui's last section with goals, and its first goal.
        int goal = -1, category = -1;
        for (int i = 0; i < static_cast<int>(f.app->data.goals.size()); ++i) {
            const jcm::Goal& g = f.app->data.goals[static_cast<size_t>(i)];
            if (g.area_index == sishui && g.kind != jcm::GoalKind::Project && g.category_index > category) {
                category = g.category_index;
                goal = -1;
            }
            if (g.area_index == sishui && g.category_index == category && goal < 0 && g.kind != jcm::GoalKind::Project) goal = i;
        }
        REQUIRE(goal >= 0);
        jcm::SelectArea(*f.app, sishui);
        f.app->ui.focus_goal = goal;
        f.app->ui.focus_goal_scrolled = false;
        f.Settle(size.first, size.second);
        const std::string heading = f.app->data.categories[static_cast<size_t>(category)].name.zh;
        const int h = FindItem(*f.app, jcm::Role::Heading, heading);
        const int t = FindItem(*f.app, jcm::Role::Text, f.app->data.goals[static_cast<size_t>(goal)].title.zh);
        REQUIRE(h >= 0);
        REQUIRE(t >= 0);
        CHECK((f.app->sem.Item(h).flags & jcm::kSemOffscreen) == 0);
        CHECK((f.app->sem.Item(t).flags & jcm::kSemOffscreen) == 0);
        // ... and it was scrolled to (the section is not at the panel's start).
        const int area = FindItem(*f.app, jcm::Role::Heading, "泗水县");
        CHECK((area < 0 || (f.app->sem.Item(area).flags & jcm::kSemOffscreen) != 0));
    }
}

TEST_CASE("panel: a goal just recorded stays wholly in view as the bar for local records comes in above it") {
    const float sizes[2][2] = {{390, 844}, {1280, 800}};
    for (const auto& size : sizes) {
        for (const bool last : {false, true}) {  // the first goal in view, or the last one wholly in view
            INFO(size[0], "x", size[1], " the last goal in view: ", last);
            Fixture f;
            f.LoadShipped();
            const int sishui = f.app->data.FindArea("370831");
            std::vector<int> goals;  // Sishui's, in the detail's order (as the data lists them)
            for (int i = 0; i < static_cast<int>(f.app->data.goals.size()); ++i)
                if (f.app->data.goals[static_cast<size_t>(i)].area == "370831") goals.push_back(i);
            REQUIRE(goals.size() > 12);
            jcm::SelectArea(*f.app, sishui);
            f.app->ui.focus_goal = goals[goals.size() / 2];  // scrolled half-way down, as a search result opens it
            f.app->ui.focus_goal_scrolled = false;
            f.Settle(size[0], size[1]);
            // A goal's title, and whether it is drawn whole (a title cut at the panel's edge is
            // recorded with its visible part only).
            const auto title = [&](int g) { return f.app->data.goals[static_cast<size_t>(g)].title.zh; };
            const auto title_item = [&](int g) { return FindItem(*f.app, jcm::Role::Text, title(g)); };
            const float line = f.app->sem.Item(title_item(goals[goals.size() / 2])).rect.h;
            const auto whole = [&](int g) {
                const int i = title_item(g);
                return i >= 0 && (f.app->sem.Item(i).flags & jcm::kSemOffscreen) == 0 && f.app->sem.Item(i).rect.h >= line - 0.5f;
            };
            int goal = -1;
            for (int g : goals)
                if (whole(g) && (goal < 0 || last)) goal = g;
            REQUIRE(goal >= 0);
            REQUIRE(FindItem(*f.app, jcm::Role::Button, "全部撤销") < 0);  // no local records yet: no bar
            jcm::OpenEditor(*f.app, goal);
            f.Settle(size[0], size[1]);
            for (const char* press : {"正常推进", "保存"}) {
                const int b = FindItem(*f.app, jcm::Role::Button, press);
                REQUIRE(b >= 0);
                f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(b).id), false, 0);
                f.Settle(size[0], size[1]);
            }
            REQUIRE(f.app->local.edits.size() == 1);
            CHECK(FindItem(*f.app, jcm::Role::Button, "全部撤销") >= 0);  // the bar came in
            CHECK(whole(goal));
            // Reverted (its own 撤销), the bar changes and the goal shrinks: still wholly in view
            // (a phone review saw a reverted goal's title under the bar; not reproduced here).
            int revert = -1;
            for (int i = 0; i < f.app->sem.Count() && revert < 0; ++i)
                if (f.app->sem.Item(i).role == jcm::Role::Button && f.app->sem.Name(f.app->sem.Item(i)) == "撤销") revert = i;
            REQUIRE(revert >= 0);
            f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(revert).id), false, 0);
            f.Settle(size[0], size[1]);
            REQUIRE(f.app->local.edits.empty());
            CHECK(whole(goal));
        }
    }
}

TEST_CASE("map: each area's item and tooltip say in words what its fill shows, for every metric (a status with how many goals it sums up; the status also in Chinese)") {
    Fixture f;
    f.LoadShipped();
    jcm::SetLanguage(*f.app, jcm::Lang::En);
    const int sishui = f.app->data.FindArea("370831");
    int goal = -1;
    for (int i = 0; i < static_cast<int>(f.app->data.goals.size()) && goal < 0; ++i)
        if (f.app->data.goals[static_cast<size_t>(i)].area == "370831") goal = i;
    REQUIRE(goal >= 0);
    const jcm::GoalCounts c = f.app->stats.per_area[static_cast<size_t>(sishui)];  // (a copy: a report rebuilds the stats)
    const auto item = [&]() {
        f.Settle();
        const int i = FindItem(*f.app, jcm::Role::ListItem, "Sishui County · ");
        REQUIRE(i >= 0);
        return std::string(f.app->sem.Name(f.app->sem.Item(i)));
    };
    const std::string goals = std::to_string(c.goals) + " goals";
    CHECK(item() == "Sishui County · County · " + goals);
    f.app->ui.metric = jcm::MapMetric::Targets;
    CHECK(item() == "Sishui County · County · " + goals + " · " + std::to_string(c.targets) +
                        (c.targets == 1 ? " quantified target" : " quantified targets"));
    f.app->ui.metric = jcm::MapMetric::Projects;
    CHECK(item() == "Sishui County · County · " + goals + " · " + std::to_string(c.projects) + " projects");
    f.app->ui.metric = jcm::MapMetric::Status;
    CHECK(item() == "Sishui County · County · " + goals + " · No report yet");
    // One goal of many reported off track: the fill says "off track", the words of how many.
    jcm::OpenEditor(*f.app, goal);
    f.Settle();
    for (const char* press : {"Off track", "Save"}) {
        const int b = FindItem(*f.app, jcm::Role::Button, press);
        REQUIRE(b >= 0);
        f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(b).id), false, 0);
        f.Settle();
    }
    REQUIRE(f.app->local.edits.size() == 1);
    CHECK(item() == "Sishui County · County · " + goals + " · Off track · 1 of " + std::to_string(c.goals) + " reported");
    jcm::SetLanguage(*f.app, jcm::Lang::Zh);
    f.Settle();
    const int zh = FindItem(*f.app, jcm::Role::ListItem, "泗水县 · ");
    REQUIRE(zh >= 0);
    CHECK(std::string(f.app->sem.Name(f.app->sem.Item(zh))).find("已报告 1/" + std::to_string(c.goals)) != std::string::npos);
}

TEST_CASE("phone: a search result opened from a sheet pulled up over the map brings it down to half, so the map shows the area") {
    Fixture f;
    f.LoadShipped();
    f.app->ui.sheet = jcm::Sheet::Full;
    jcm::SetQuery(*f.app, "曲阜");
    f.Settle(390, 844);
    const int hit = FindItem(*f.app, jcm::Role::ListItem, "曲阜市 · ");
    REQUIRE(hit >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(hit).id), false, 0);
    f.Settle(390, 844);
    CHECK(f.app->selected == f.app->data.FindArea("370881"));
    CHECK(f.app->ui.sheet == jcm::Sheet::Half);
}

TEST_CASE("overview: the timeline slider is shown from two report dates on, not for one") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Slider, "时间轴") < 0);  // no reports
    f.app->ui.report_dates = {"2026-12-01"};
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Slider, "时间轴") < 0);
    f.app->ui.report_dates = {"2026-12-01", "2026-12-03"};
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Slider, "时间轴") >= 0);
}

TEST_CASE("author: the record dialog asks who reports, remembers it on the device, and the report carries it") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    jcm::OpenEditor(*f.app, 0);
    f.Settle();
    // The page's input edits the note until the author field is pressed; then it edits the author.
    CHECK(FindItem(*f.app, jcm::Role::Textbox, "说明") >= 0);
    const int author = FindItem(*f.app, jcm::Role::Button, "填报人");
    REQUIRE(author >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(author).id), false, 0);
    f.Settle();
    CHECK(f.app->text_owner == jcm::TextOwner::Author);
    CHECK(FindItem(*f.app, jcm::Role::Textbox, "填报人") >= 0);
    CHECK(FindItem(*f.app, jcm::Role::Button, "说明") >= 0);
    jcm::platform::headless::Get().typed = "  王明 ";
    jcm::platform::headless::Get().typed_changed = true;
    jcm::UpdateApp(*f.app);
    CHECK(f.app->editor.author == "  王明 ");
    f.Settle();
    const int status = FindItem(*f.app, jcm::Role::Button, "正常推进");
    REQUIRE(status >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(status).id), false, 0);
    f.Settle();
    const int save = FindItem(*f.app, jcm::Role::Button, "保存");
    REQUIRE(save >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(save).id), false, 0);
    f.Settle();
    REQUIRE(f.app->local.edits.size() == 1);
    CHECK(f.app->local.edits[0].report.author == "王明");
    CHECK(jcm::platform::LoadSetting("author") == "王明");
    CHECK(jcm::DatasetToJson(f.app->data).find("\"author\": \"王明\"") != std::string::npos);
    jcm::OpenEditor(*f.app, 1);
    CHECK(f.app->editor.author == "王明");  // offered again next time
}

TEST_CASE("record dialog: a goal with a target takes the amount done (\"3 of 69 projects\"), shown in the detail, the briefing and the records") {
    for (const char* hash : {"", "lang=en"}) {
        CAPTURE(hash);
        Fixture f(hash);
        f.LoadShipped();
        f.Settle(390, 844);
        const bool en = f.app->lang == jcm::Lang::En;
        const auto activate = [&](jcm::Role role, const char* name) { f.Press(role, name, 390, 844); };
        const char* give = en ? "Record the amount done" : "填写完成量";
        // A goal without a target has nothing to count against, nor has a span of time ("提前1个月
        //以上", no_amount in the data): no such control.
        int plain = -1, qufu = -1, span = -1;
        for (size_t i = 0; i < f.app->data.goals.size(); ++i) {
            const jcm::Goal& g = f.app->data.goals[i];
            if (!g.has_target && plain < 0) plain = static_cast<int>(i);
            if (g.id == "qufu-69-key-projects") qufu = static_cast<int>(i);
            if (g.id == "hitech-early-start") span = static_cast<int>(i);
        }
        REQUIRE(plain >= 0);
        REQUIRE(qufu >= 0);
        REQUIRE(span >= 0);
        REQUIRE(f.app->data.goals[static_cast<size_t>(span)].has_target);
        for (const int goal : {plain, span}) {
            jcm::OpenEditor(*f.app, goal);
            f.Settle(390, 844);
            CHECK(FindItem(*f.app, jcm::Role::Checkbox, en ? "Record a percentage" : "填写完成度") >= 0);
            CHECK(FindItem(*f.app, jcm::Role::Checkbox, give) < 0);
            activate(jcm::Role::Button, en ? "Cancel" : "取消");
        }
        // 曲阜市's 69 key projects: three done, by the + stepper, shown beside the checkbox.
        jcm::OpenEditor(*f.app, qufu);
        f.Settle(390, 844);
        // Its measure is the amount: no percentage beside it that could say otherwise.
        CHECK(FindItem(*f.app, jcm::Role::Checkbox, en ? "Record a percentage" : "填写完成度") < 0);
        activate(jcm::Role::Checkbox, give);
        const std::string typed = en ? "Type the amount done: " : "输入完成量：";
        CHECK(FindItem(*f.app, jcm::Role::Button, typed + "0") >= 0);  // the amount's field
        CHECK(FindItem(*f.app, jcm::Role::Text, en ? "of 69 projects" : "/ 69 个项目") >= 0);
        for (int k = 0; k < 3; ++k) activate(jcm::Role::Button, en ? "Increase the amount done" : "增加完成量");
        CHECK(f.app->editor.achieved == 3);
        CHECK(FindItem(*f.app, jcm::Role::Button, typed + "3") >= 0);
        CHECK(FindItem(*f.app, jcm::Role::Slider, en ? "Done so far" : "完成量") >= 0);
        activate(jcm::Role::Button, en ? "On track" : "正常推进");
        activate(jcm::Role::Button, en ? "Save" : "保存");
        REQUIRE(f.app->local.edits.size() == 1);
        CHECK(f.app->local.edits[0].report.has_achieved);
        CHECK(f.app->local.edits[0].report.achieved == 3);
        CHECK_FALSE(f.app->local.edits[0].report.has_percent);  // only what was given
        // The area's detail says it; so do the briefing and the exported records.
        jcm::SelectArea(*f.app, f.app->data.FindArea("370881"));
        f.Settle(390, 844);
        CHECK(Shows(*f.app, en ? "Done so far: 3 of 69 projects" : "完成量：3 / 69 个项目"));
        CHECK(jcm::BriefingHtml(*f.app).find(en ? "Done so far: 3 of 69 projects" : "完成量：3 / 69 个项目") != std::string::npos);
        CHECK(jcm::EditsToJson(f.app->data.id, f.app->local.edits).find("\"achieved\": 3") != std::string::npos);
        // Opened again, the dialog starts from that amount.
        jcm::OpenEditor(*f.app, qufu);
        CHECK(f.app->editor.has_achieved);
        CHECK(f.app->editor.achieved == 3);
        f.Settle(390, 844);
        activate(jcm::Role::Button, en ? "Cancel" : "取消");
    }
}

TEST_CASE("record dialog: an amount from the data is kept as it is until changed, and a stepper from it never leaves 0..10x the target") {
    Fixture f;
    f.LoadShipped();
    f.Settle(390, 844);
    int qufu = -1;
    for (size_t i = 0; i < f.app->data.goals.size(); ++i)
        if (f.app->data.goals[i].id == "qufu-69-key-projects") qufu = static_cast<int>(i);
    REQUIRE(qufu >= 0);
    const auto activate = [&](const char* name) { f.Press(jcm::Role::Button, name, 390, 844); };
    const auto reported = [&](double achieved, double percent) {
        jcm::ProgressReport r;
        r.date = "2020-05-01";
        r.status = jcm::Status::Green;
        r.has_achieved = r.has_percent = true;
        r.achieved = achieved;
        r.percent = percent;
        f.app->data.goals[static_cast<size_t>(qufu)].progress = {r};
        jcm::OpenEditor(*f.app, qufu);
        f.Settle(390, 844);
    };
    // Between two steps (12.5 of 69; 37.5%): shown and saved as they are; a stepper goes to the
    // next step its way.
    reported(12.5, 37.5);
    CHECK(FindItem(*f.app, jcm::Role::Button, "输入完成量：12.5") >= 0);
    CHECK(FindItem(*f.app, jcm::Role::Button, "输入完成度：37.5") >= 0);
    activate("保存");
    REQUIRE(f.app->local.edits.size() == 1);
    CHECK(f.app->local.edits[0].report.achieved == 12.5);
    CHECK(f.app->local.edits[0].report.percent == 37.5);
    reported(12.5, 37.5);
    activate("减少完成量");
    CHECK(f.app->editor.achieved == 12);
    activate("完成度加 1%");
    CHECK(f.app->editor.percent == 38);
    activate("取消");
    // Far past the target (the format allows up to 10^15): the - stepper comes down from the end
    // of its range (ten times the target), never to a negative amount.
    reported(1e12, 100);
    activate("增加完成量");
    CHECK(f.app->editor.achieved == 1e12);  // nothing past the end
    activate("减少完成量");
    CHECK(f.app->editor.achieved == 689);
    activate("取消");
}

TEST_CASE("touch: a swipe that starts on a slider scrolls and leaves the slider's value; a drag along it or a tap sets it") {
    // The record dialog on a short landscape screen scrolls. A finger that lands on the amount's
    // slider and goes up or down scrolls the dialog: before, the press had already set the
    // amount where the finger landed (an official scrolling to Save recorded a wrong amount).
    Fixture f;
    f.LoadShipped();
    const float W = 720, H = 480;
    f.Settle(W, H);
    int qufu = -1;
    for (size_t i = 0; i < f.app->data.goals.size(); ++i)
        if (f.app->data.goals[i].id == "qufu-69-key-projects") qufu = static_cast<int>(i);
    REQUIRE(qufu >= 0);
    jcm::OpenEditor(*f.app, qufu);
    f.Settle(W, H);
    const int give = FindItem(*f.app, jcm::Role::Checkbox, "填写完成量");
    REQUIRE(give >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(give).id), false, 0);
    f.Settle(W, H);
    const auto slider = [&] {
        const int i = FindItem(*f.app, jcm::Role::Slider, "完成量");
        REQUIRE(i >= 0);
        return f.app->sem.Item(i).rect;
    };
    const jcm::SemRect r = slider();
    REQUIRE(r.h > 0);
    REQUIRE(r.y + r.h < H);
    CHECK(f.app->editor.achieved == 0);
    // Up, from the slider's middle (where a press would have set about 34 of 69).
    const float x = r.x + r.w * 0.5f, y = r.y + r.h * 0.5f;
    Finger::At(x, y, true);
    f.Frame(W, H);
    for (int i = 1; i <= 6; ++i) {
        Finger::At(x + 2.0f, y - 15.0f * static_cast<float>(i), true);
        f.Frame(W, H);
        CHECK(f.app->editor.achieved == 0);
    }
    Finger::At(x + 2.0f, y - 90.0f, false);
    for (int k = 0; k < 120 && (k < 3 || f.app->touch_scroll.coasting); ++k) f.Frame(W, H);
    f.Settle(W, H);
    CHECK(f.app->editor.achieved == 0);
    const jcm::SemRect scrolled = slider();
    CHECK(scrolled.y < r.y - 20);  // the dialog scrolled
    // Along the slider: it follows the finger.
    const float sy = scrolled.y + scrolled.h * 0.5f;
    Finger::At(scrolled.x + 20, sy, true);
    f.Frame(W, H);
    for (int i = 1; i <= 8; ++i) {
        Finger::At(scrolled.x + 20 + 15.0f * static_cast<float>(i), sy + 1.0f, true);
        f.Frame(W, H);
    }
    Finger::At(scrolled.x + 140, sy + 1.0f, false);
    f.Settle(W, H);
    const double dragged = f.app->editor.achieved;
    CHECK(dragged > 5);
    CHECK(dragged < 69);
    // A tap near the slider's end sets it there.
    Finger::At(scrolled.x + scrolled.w - 20, sy, true);
    f.Frame(W, H);
    f.Frame(W, H);
    Finger::At(scrolled.x + scrolled.w - 20, sy, false);
    f.Settle(W, H);
    CHECK(f.app->editor.achieved > dragged + 20);
    CHECK(f.app->local.edits.empty());
    // A mouse sets it at once, where it presses.
    {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
        io.AddMousePosEvent(scrolled.x + 20, sy);
        io.AddMouseButtonEvent(0, true);
        f.Frame(W, H);
        f.Frame(W, H);
        CHECK(f.app->editor.achieved < 5);  // while still pressed
        io.AddMouseButtonEvent(0, false);
        f.Settle(W, H);
    }
    // A finger lifted after the dialog closed under it (Back) leaves nothing behind: opened again
    // (as Back left it: a draft), the amount is as it was before the finger, and the + stepper
    // goes on from there.
    const double before_finger = f.app->editor.achieved;
    Finger::At(scrolled.x + scrolled.w - 20, sy, true);
    f.Frame(W, H);
    {
        jcm::platform::headless::State& hl = jcm::platform::headless::Get();
        hl.hash_changed = hl.hash_back = true;  // Back (the entry before: the same view)
        jcm::UpdateApp(*f.app);
    }
    f.Frame(W, H);
    Finger::At(scrolled.x + scrolled.w - 20, sy, false);
    f.Settle(W, H);
    CHECK(f.app->editor.goal < 0);
    jcm::OpenEditor(*f.app, qufu);
    f.Settle(W, H);
    CHECK(f.app->editor.achieved == before_finger);
    const int more = FindItem(*f.app, jcm::Role::Button, "增加完成量");
    REQUIRE(more >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(more).id), false, 0);
    f.Settle(W, H);
    CHECK(f.app->editor.achieved == before_finger + 1);
    // In a dialog that does not scroll (a phone held upright), a finger sets it as it lands.
    f.Settle(390, 844);
    const jcm::SemRect upright = slider();
    REQUIRE(upright.h > 0);
    Finger::At(upright.x + upright.w - 16, upright.y + upright.h * 0.5f, true);
    f.Frame(390, 844);
    f.Frame(390, 844);
    CHECK(f.app->editor.achieved > 50);
    Finger::At(upright.x + upright.w - 16, upright.y + upright.h * 0.5f, false);
    f.Settle(390, 844);
}

TEST_CASE("record dialog: the amount done typed on a phone's keyboard; what is not a number is said, Save waits, nothing is lost") {
    for (const char* hash : {"", "lang=en"}) {
        CAPTURE(hash);
        Fixture f(hash);
        f.LoadShipped();
        f.Settle(390, 844);
        const bool en = f.app->lang == jcm::Lang::En;
        jcm::platform::headless::State& hl = jcm::platform::headless::Get();
        int qufu = -1;
        for (size_t i = 0; i < f.app->data.goals.size(); ++i)
            if (f.app->data.goals[i].id == "qufu-69-key-projects") qufu = static_cast<int>(i);
        REQUIRE(qufu >= 0);
        const auto activate = [&](jcm::Role role, const std::string& name) { f.Press(role, name, 390, 844); };
        const auto type = [&](const std::string& text) { f.Type(text, 390, 844); };
        const std::string field = en ? "Type the amount done" : "输入完成量";
        const std::string colon = en ? ": " : "\xEF\xBC\x9A";
        const char* message = en ? "Type a number, such as 35 or 12.5" : "请输入数字，如 35 或 12.5";
        const char* save = en ? "Save" : "保存";
        jcm::OpenEditor(*f.app, qufu);
        f.Settle(390, 844);
        activate(jcm::Role::Checkbox, en ? "Record the amount done" : "填写完成量");
        activate(jcm::Role::Button, en ? "On track" : "正常推进");
        // A press on the field moves the page's input there, as a number's (a phone's digits).
        activate(jcm::Role::Button, field + colon + "0");
        CHECK(f.app->text_owner == jcm::TextOwner::Amount);
        CHECK(hl.field_kind == jcm::platform::FieldKind::Number);
        CHECK(hl.field_value == "0");
        CHECK(FindItem(*f.app, jcm::Role::Textbox, field) >= 0);
        // 35 typed: the amount, and the slider on it.
        type("35");
        CHECK(f.app->editor.achieved == 35);
        CHECK_FALSE(Shows(*f.app, message));
        // Not a number: said, Save waits, the last amount kept.
        type("35x");
        CHECK(f.app->editor.achieved == 35);
        CHECK(Shows(*f.app, message));
        const int s = FindItem(*f.app, jcm::Role::Button, save);
        REQUIRE(s >= 0);
        CHECK((f.app->sem.Item(s).flags & jcm::kSemDisabled) != 0);
        activate(jcm::Role::Button, save);
        CHECK(f.app->local.edits.empty());
        CHECK(f.app->editor.goal == qufu);  // still open
        // A number, but more than the data format holds: said so.
        type("2,000,000,000,000,000");
        CHECK(f.app->editor.achieved == 35);
        CHECK(Shows(*f.app, en ? "The amount done can be at most 10^15" : "完成量最多为 10^15"));
        CHECK_FALSE(Shows(*f.app, message));
        type("35x");
        // A stepper from there goes on from the last amount, and the field shows it again.
        hl.field_replaced = false;
        activate(jcm::Role::Button, en ? "Increase the amount done" : "增加完成量");
        CHECK(f.app->editor.achieved == 36);
        CHECK_FALSE(Shows(*f.app, message));
        CHECK(hl.field_value == "36");
        CHECK(hl.field_replaced);  // the focused input takes the stepped amount
        // More than the target: allowed, and said.
        type("80");
        CHECK(f.app->editor.achieved == 80);
        CHECK(Shows(*f.app, en ? "More than the target" : "已超过指标"));
        // Full-width digits from a Chinese keyboard, and finer than the target's steps.
        type("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x8E\xEF\xBC\x95");  // １２．５
        CHECK(f.app->editor.achieved == 12.5);
        activate(jcm::Role::Button, save);
        REQUIRE(f.app->local.edits.size() == 1);
        CHECK(f.app->local.edits[0].report.achieved == 12.5);
        // The dialog closed: the input went back to the search box.
        CHECK(f.app->text_owner == jcm::TextOwner::Search);
        CHECK(hl.field_kind == jcm::platform::FieldKind::Search);
        // Unticking the amount while its field has the input gives the input back to the note.
        jcm::OpenEditor(*f.app, qufu);
        f.Settle(390, 844);
        CHECK(FindItem(*f.app, jcm::Role::Button, field + colon + "12.5") >= 0);
        activate(jcm::Role::Button, field + colon + "12.5");
        CHECK(f.app->text_owner == jcm::TextOwner::Amount);
        activate(jcm::Role::Checkbox, en ? "Record the amount done" : "填写完成量");
        CHECK(f.app->text_owner == jcm::TextOwner::Note);
        CHECK(hl.field_kind == jcm::platform::FieldKind::Text);
        activate(jcm::Role::Button, en ? "Cancel" : "取消");
    }
}

TEST_CASE("record dialog: opened again the same day, it edits that day's report: its note and author are kept") {
    // A new user raised an amount from 41 to 45 the same day: the dialog replaced that day's
    // report, and its note, not shown in the dialog, was lost.
    Fixture f;
    f.LoadShipped();
    f.Settle(768, 1024);
    jcm::platform::headless::State& hl = jcm::platform::headless::Get();
    jcm::OpenEditor(*f.app, 0);
    f.Settle(768, 1024);
    const auto activate = [&](jcm::Role role, const std::string& name) { f.Press(role, name, 768, 1024); };
    activate(jcm::Role::Button, "正常推进");
    hl.typed = "已开工41个";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle(768, 1024);
    activate(jcm::Role::Button, "保存");
    REQUIRE(f.app->local.edits.size() == 1);
    CHECK(f.app->local.edits[0].report.note.zh == "已开工41个");
    jcm::OpenEditor(*f.app, 0);
    f.Settle(768, 1024);
    CHECK(f.app->editor.note == "已开工41个");
    CHECK(hl.field_value == "已开工41个");  // the note's field shows it
    activate(jcm::Role::Button, "存在风险");
    activate(jcm::Role::Button, "保存");
    REQUIRE(f.app->local.edits.size() == 1);  // the same day's report, replaced
    CHECK(f.app->local.edits[0].report.status == jcm::Status::Yellow);
    CHECK(f.app->local.edits[0].report.note.zh == "已开工41个");
    // A day's report by another, with a note in both languages, edited in English: its author is
    // shown and kept but not remembered as this device's, and its Chinese note stays.
    hl.settings["author"] = "李燚";  // (燚: in no other text: the dialog makes it drawable)
    jcm::LocalEdit other = f.app->local.edits[0];
    other.report.author = "王芳";
    other.report.note = {"已开工41个", "41 started"};
    jcm::AddEdit(*f.app, other);
    jcm::SetLanguage(*f.app, jcm::Lang::En);
    jcm::OpenEditor(*f.app, 0);
    f.Settle(768, 1024);
    CHECK(f.app->editor.author == "王芳");
    CHECK(f.app->editor.note == "41 started");
    CHECK(std::count(f.app->glyphs.begin(), f.app->glyphs.end(), 0x71DAu) == 1);
    hl.typed = "41 started, 2 delayed";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle(768, 1024);
    activate(jcm::Role::Button, "Save");
    REQUIRE(f.app->local.edits.size() == 1);
    // The note changed: what was typed, under the language it was typed in; the Chinese one
    // translated the note replaced (kept, it would say less), and zh, required, takes the typed one.
    CHECK(f.app->local.edits[0].report.note.en == "41 started, 2 delayed");
    CHECK(f.app->local.edits[0].report.note.zh == "41 started, 2 delayed");
    CHECK(f.app->local.edits[0].report.author == "王芳");
    CHECK(hl.settings["author"] == "李燚");
}

TEST_CASE("record dialog: a day stepped to that has a report takes up its values, note and author, and says Save replaces it") {
    // From a review: stepping the date back to a day with a report replaced that report without
    // its note (only today's was taken up).
    Fixture f;
    f.LoadShipped();
    f.Settle(390, 844);
    f.app->ui.today = "2025-03-10";
    jcm::platform::headless::State& hl = jcm::platform::headless::Get();
    hl.settings["author"] = "李明";
    REQUIRE(f.app->data.goals[0].progress.empty());
    jcm::LocalEdit old;
    old.goal_id = f.app->data.goals[0].id;
    old.report.date = "2025-03-08";
    old.report.status = jcm::Status::Red;
    old.report.has_percent = true;
    old.report.percent = 20;
    old.report.note = {"征地滞后", "Land late"};
    old.report.author = "王芳";
    jcm::AddEdit(*f.app, old);
    const auto activate = [&](const char* name) { f.Press(jcm::Role::Button, name, 390, 844); };
    const char* replaces = "这一天已有记录，保存将替换它";
    jcm::OpenEditor(*f.app, 0);
    f.Settle(390, 844);
    // Today: the latest report's values; its note and author are that day's, not today's.
    CHECK(f.app->editor.status == jcm::Status::Red);
    CHECK(f.app->editor.percent == 20);
    CHECK(f.app->editor.note.empty());
    CHECK(f.app->editor.author == "李明");
    CHECK_FALSE(Shows(*f.app, replaces));
    // Two days back: that day's report, which Save replaces, with its note and author.
    activate("前一天");
    CHECK_FALSE(Shows(*f.app, replaces));
    activate("前一天");
    CHECK(Shows(*f.app, replaces));
    CHECK(f.app->editor.note == "征地滞后");
    CHECK(f.app->editor.author == "王芳");
    CHECK(hl.field_value == "征地滞后");  // the note's input shows it
    activate("存在风险");
    activate("保存");
    REQUIRE(f.app->local.edits.size() == 1);  // replaced
    CHECK(f.app->local.edits[0].report.date == "2025-03-08");
    CHECK(f.app->local.edits[0].report.status == jcm::Status::Yellow);
    CHECK(f.app->local.edits[0].report.note.zh == "征地滞后");
    CHECK(f.app->local.edits[0].report.note.en == "Land late");
    CHECK(f.app->local.edits[0].report.author == "王芳");
    CHECK(hl.settings["author"] == "李明");
    // Values and a note the person changed are theirs: a day stepped to keeps them. The note field
    // with the input shows the day's note where it was not typed in.
    jcm::OpenEditor(*f.app, 0);
    f.Settle(390, 844);
    activate("严重滞后");
    activate("前一天");
    activate("前一天");
    CHECK(f.app->editor.status == jcm::Status::Red);  // changed here, kept
    CHECK(f.app->editor.note == "征地滞后");
    CHECK(hl.field_value == "征地滞后");  // the note's input (it has the page's input) shows it
    activate("后一天");
    CHECK(f.app->editor.note.empty());  // a day without a report: no note of another day's
    CHECK(hl.field_value.empty());
    CHECK_FALSE(Shows(*f.app, replaces));
    hl.typed = "补报";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle(390, 844);
    activate("前一天");
    CHECK(f.app->editor.note == "补报");  // typed: kept
    CHECK(Shows(*f.app, replaces));
    activate("保存");
    REQUIRE(f.app->local.edits.size() == 1);
    CHECK(f.app->local.edits[0].report.status == jcm::Status::Red);
    CHECK(f.app->local.edits[0].report.note.zh == "补报");
    CHECK(f.app->local.edits[0].report.note.en.empty());  // ("Land late" translated the note replaced)
}

TEST_CASE("record dialog: a day's values are taken where unchanged; a day before every report starts as a first report; a draft's note keeps its language") {
    // From a review of the day's take-up.
    Fixture f;
    f.LoadShipped();
    f.app->ui.today = "2025-03-10";
    jcm::platform::headless::State& hl = jcm::platform::headless::Get();
    REQUIRE(f.app->data.goals[0].progress.empty());
    jcm::LocalEdit r;
    r.goal_id = f.app->data.goals[0].id;
    r.report.date = "2025-03-07";
    r.report.status = jcm::Status::Red;
    r.report.has_percent = true;
    r.report.percent = 20;
    r.report.note = {"征地滞后", "Land late"};
    jcm::AddEdit(*f.app, r);
    r.report.date = "2025-03-09";
    r.report.status = jcm::Status::Green;
    r.report.percent = 60;
    r.report.note = {"已开工", "Started"};
    jcm::AddEdit(*f.app, r);
    const auto activate = [&](const char* name) { f.Press(jcm::Role::Button, name, 390, 844); };
    const auto type = [&](const std::string& text) { f.Type(text, 390, 844); };
    jcm::OpenEditor(*f.app, 0);
    f.Settle(390, 844);
    CHECK(f.app->editor.status == jcm::Status::Green);  // the latest's, 03-09
    CHECK(f.app->editor.percent == 60);
    // 03-09: its note; the note's input (it has the page's input) is given it.
    hl.field_replaced = false;
    activate("前一天");
    CHECK(f.app->editor.note == "已开工");
    CHECK(hl.field_replaced);
    // 03-08 (no report): the values of 03-07, the latest before it, and no note.
    activate("前一天");
    CHECK(f.app->editor.status == jcm::Status::Red);
    CHECK(f.app->editor.percent == 20);
    CHECK(f.app->editor.note.empty());
    CHECK(FindItem(*f.app, jcm::Role::Button, "完成度：20") >= 0);  // the typed field shows it
    // 03-06, before every report: a first report's (no status chosen: Save waits).
    activate("前一天");
    activate("前一天");
    CHECK(f.app->editor.status == jcm::Status::NotReported);
    CHECK_FALSE(f.app->editor.has_percent);
    const int save = FindItem(*f.app, jcm::Role::Button, "保存");
    REQUIRE(save >= 0);
    CHECK((f.app->sem.Item(save).flags & jcm::kSemDisabled) != 0);
    activate("取消");
    // A percentage typed that does not read is a change: a day stepped to keeps it as typed.
    jcm::OpenEditor(*f.app, 0);
    f.Settle(390, 844);
    activate("完成度：60");
    type("6o");
    REQUIRE(f.app->editor.percent_typed.bad);
    activate("前一天");
    CHECK(f.app->editor.percent_typed.text == "6o");
    CHECK(f.app->editor.status == jcm::Status::Green);
    activate("取消");
    // A taken note cleared: the report's note is gone in both languages.
    jcm::OpenEditor(*f.app, 0);
    f.Settle(390, 844);
    activate("前一天");
    REQUIRE(f.app->editor.note == "已开工");
    type("");
    activate("保存");
    const jcm::Goal& g = f.app->data.goals[0];
    REQUIRE(g.progress.size() == 2);
    CHECK(g.progress.back().note.Empty());
    // A draft typed in Chinese, closed by Back, reopened in English: saved as Chinese.
    jcm::OpenEditor(*f.app, 0);
    f.Settle(390, 844);
    type("征地完成");
    hl.hash_changed = hl.hash_back = true;
    jcm::UpdateApp(*f.app);
    f.Settle(390, 844);
    REQUIRE(f.app->editor.goal < 0);
    jcm::SetLanguage(*f.app, jcm::Lang::En);
    jcm::OpenEditor(*f.app, 0);
    f.Settle(390, 844);
    CHECK(f.app->editor.note == "征地完成");
    activate("Save");
    CHECK(f.app->data.goals[0].progress.back().note.zh == "征地完成");
    CHECK(f.app->data.goals[0].progress.back().note.en.empty());
}

TEST_CASE("navigation: a dialog or menu opening asks the platform to guard Back once (on a first view it would leave the page)") {
    Fixture f;
    f.LoadShipped();
    f.Settle(390, 844);
    jcm::platform::headless::State& hl = jcm::platform::headless::Get();
    const int before = hl.back_guards, released = hl.back_guard_releases;
    jcm::OpenEditor(*f.app, 0);
    f.Settle(390, 844);
    CHECK(hl.back_guards == before + 1);
    f.app->frames_to_draw = 3;
    f.Settle(390, 844);
    CHECK(hl.back_guards == before + 1);  // once while it stays open
    const int cancel = FindItem(*f.app, jcm::Role::Button, "取消");
    REQUIRE(cancel >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(cancel).id), false, 0);
    f.Settle(390, 844);
    CHECK(f.app->editor.goal < 0);
    CHECK(hl.back_guard_releases == released + 1);  // closed by Cancel: its guard is gone back from
    const int data = FindItem(*f.app, jcm::Role::Button, "数据");
    REQUIRE(data >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(data).id), false, 0);
    f.Settle(390, 844);
    REQUIRE(FindItem(*f.app, jcm::Role::Menu, "数据") >= 0);
    CHECK(hl.back_guards == before + 2);  // the menu, opened after the dialog closed
    // Back (to the guard's view): the menu closes, and the view stays.
    hl.hash_changed = hl.hash_back = true;
    jcm::UpdateApp(*f.app);
    f.Settle(390, 844);
    CHECK(FindItem(*f.app, jcm::Role::Menu, "数据") < 0);
    CHECK(hl.back_guard_releases == released + 1);  // Back took its guard: nothing to go back from
}

TEST_CASE("record dialog: closed by Back or Esc, it comes back as it was for the same goal; Cancel and Save start afresh") {
    Fixture f;
    f.LoadShipped();
    f.Settle(768, 1024);
    jcm::platform::headless::State& hl = jcm::platform::headless::Get();
    const auto activate = [&](const std::string& name) { f.Press(jcm::Role::Button, name, 768, 1024); };
    const auto back = [&] {
        hl.hash_changed = hl.hash_back = true;
        jcm::UpdateApp(*f.app);
        f.Settle(768, 1024);
    };
    jcm::OpenEditor(*f.app, 0);
    f.Settle(768, 1024);
    activate("存在风险");
    hl.typed = "征地滞后";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle(768, 1024);
    back();
    CHECK(f.app->editor.goal < 0);  // closed, nothing saved
    CHECK(f.app->local.edits.empty());
    // Another goal's dialog starts afresh (and the draft of the first is let go).
    jcm::OpenEditor(*f.app, 1);
    f.Settle(768, 1024);
    CHECK(f.app->editor.note.empty());
    CHECK(f.app->editor_draft.goal < 0);
    activate("取消");
    // So, again: Back, then the same goal: as it was.
    jcm::OpenEditor(*f.app, 0);
    f.Settle(768, 1024);
    activate("存在风险");
    hl.typed = "征地滞后";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle(768, 1024);
    back();
    jcm::OpenEditor(*f.app, 0);
    f.Settle(768, 1024);
    CHECK(f.app->editor.status == jcm::Status::Yellow);
    CHECK(f.app->editor.note == "征地滞后");
    CHECK(hl.field_value == "征地滞后");
    // Cancel lets it go.
    activate("取消");
    jcm::OpenEditor(*f.app, 0);
    f.Settle(768, 1024);
    CHECK(f.app->editor.note.empty());
    CHECK(f.app->editor.status == jcm::Status::NotReported);
    // A draft made before the reports changed (another record saved, a revert, a merge, an
    // import) or on another day is let go: it would bring back what they changed.
    for (const int change : {0, 1}) {
        CAPTURE(change);
        if (f.app->editor.goal < 0) jcm::OpenEditor(*f.app, 0), f.Settle(768, 1024);
        activate("存在风险");
        back();
        if (change == 0) {
            jcm::AddEdit(*f.app, Edit(f.app->data.goals[2].id, "2026-12-01", jcm::Status::Green, "王明", 10));
        } else {
            f.app->ui.today = "2099-01-01";  // (the dialog stayed closed overnight)
        }
        f.Settle(768, 1024);
        jcm::OpenEditor(*f.app, 0);
        f.Settle(768, 1024);
        CHECK(f.app->editor.status == jcm::Status::NotReported);
        activate("取消");
    }
}

TEST_CASE("record dialog: the percentage typed too; over 100 is said and Save waits") {
    Fixture f;
    f.LoadShipped();
    f.Settle(390, 844);
    jcm::platform::headless::State& hl = jcm::platform::headless::Get();
    const auto activate = [&](jcm::Role role, const std::string& name) { f.Press(role, name, 390, 844); };
    const auto type = [&](const std::string& text) { f.Type(text, 390, 844); };
    jcm::OpenEditor(*f.app, 0);  // a goal without a target: a percentage
    f.Settle(390, 844);
    activate(jcm::Role::Button, "正常推进");
    activate(jcm::Role::Checkbox, "填写完成度");
    activate(jcm::Role::Button, "输入完成度：0");
    CHECK(f.app->text_owner == jcm::TextOwner::Percent);
    CHECK(hl.field_kind == jcm::platform::FieldKind::Number);
    type("45.5");
    CHECK(f.app->editor.percent == 45.5);
    type("45%");  // with its sign, from either keyboard
    CHECK(f.app->editor.percent == 45);
    type("45.5\xEF\xBC\x85");
    CHECK(f.app->editor.percent == 45.5);
    type("120");
    CHECK(f.app->editor.percent == 45.5);
    CHECK(Shows(*f.app, "完成度最多为 100%"));
    const int save = FindItem(*f.app, jcm::Role::Button, "保存");
    REQUIRE(save >= 0);
    CHECK((f.app->sem.Item(save).flags & jcm::kSemDisabled) != 0);
    activate(jcm::Role::Button, "完成度加 1%");  // from the last percentage that read
    CHECK(f.app->editor.percent == 46);
    CHECK(hl.field_value == "46");
    activate(jcm::Role::Button, "保存");
    REQUIRE(f.app->local.edits.size() == 1);
    CHECK(f.app->local.edits[0].report.percent == 46);
}

TEST_CASE("record dialog: a first report's status is the person's choice, Save waits for it; the date goes back, held or not, but not past today") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    f.app->ui.today = "2025-03-10";  // (the platform's date, read at start)
    REQUIRE(f.app->data.goals[0].progress.empty());
    jcm::OpenEditor(*f.app, 0);
    f.Settle();
    const auto activate = [&](jcm::Role role, const char* name) { f.Press(role, name, 1280, 800); };
    const auto flags = [&](jcm::Role role, const char* name) {
        const int i = FindItem(*f.app, role, name);
        REQUIRE(i >= 0);
        return f.app->sem.Item(i).flags;
    };
    // No status chosen: the label asks for one, and Save does nothing.
    CHECK(FindItem(*f.app, jcm::Role::Text, "状态（请选择一项）") >= 0);
    for (const char* s : {"正常推进", "存在风险", "严重滞后", "已完成"}) CHECK_FALSE((flags(jcm::Role::Button, s) & jcm::kSemChecked) != 0);
    CHECK((flags(jcm::Role::Button, "保存") & jcm::kSemDisabled) != 0);
    activate(jcm::Role::Button, "保存");
    CHECK(f.app->editor.goal == 0);
    CHECK(f.app->local.edits.empty());
    // Today is the last day a report can have; the day before is one press away.
    CHECK(f.app->editor.day == [] { long d = 0; jcm::DayNumber("2025-03-10", &d); return d; }());
    CHECK((flags(jcm::Role::Button, "后一天") & jcm::kSemDisabled) != 0);
    activate(jcm::Role::Button, "后一天");
    CHECK(FindItem(*f.app, jcm::Role::Button, "选择日期：2025-03-10") >= 0);
    activate(jcm::Role::Button, "前一天");
    CHECK(FindItem(*f.app, jcm::Role::Button, "选择日期：2025-03-09") >= 0);
    CHECK_FALSE((flags(jcm::Role::Button, "后一天") & jcm::kSemDisabled) != 0);
    // The date opens the browser's date picker, at the day shown, no day after today; the day
    // picked is the report's (a day after today is today).
    auto& hl = jcm::platform::headless::Get();
    activate(jcm::Role::Button, "选择日期：2025-03-09");
    CHECK(hl.date_picks == std::vector<std::string>{"2025-03-09<=2025-03-10"});
    hl.picked_date = "2025-01-20";
    f.app->frames_to_draw = 0;
    jcm::UpdateApp(*f.app);  // main.cpp's per-frame platform polling
    CHECK(f.app->frames_to_draw > 0);  // it is drawn
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Button, "选择日期：2025-01-20") >= 0);
    hl.picked_date = "2025-04-01";
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Button, "选择日期：2025-03-10") >= 0);
    activate(jcm::Role::Button, "前一天");
    // Held down, the button repeats: a press kept for a second goes back many days.
    const int back = FindItem(*f.app, jcm::Role::Button, "前一天");
    REQUIRE(back >= 0);
    const jcm::SemRect r = f.app->sem.Item(back).rect;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(r.x + r.w * 0.5f, r.y + r.h * 0.5f);
    f.Frame();
    io.AddMouseButtonEvent(0, true);
    jcm::RequestRedraw(*f.app);  // as main.cpp does for an input
    int frames = 0;
    for (; frames < 60 && f.app->frames_to_draw > 0; ++frames) f.Frame();  // a held button keeps frames coming
    CHECK(frames == 60);
    io.AddMouseButtonEvent(0, false);
    f.Settle();
    CHECK(f.app->editor.day < [] { long d = 0; jcm::DayNumber("2025-03-09", &d); return d - 5; }());
    // A status chosen: the label is plain, Save saves.
    activate(jcm::Role::Button, "存在风险");
    CHECK(FindItem(*f.app, jcm::Role::Text, "请选择") < 0);
    CHECK((flags(jcm::Role::Button, "存在风险") & jcm::kSemChecked) != 0);
    CHECK_FALSE((flags(jcm::Role::Button, "保存") & jcm::kSemDisabled) != 0);
    activate(jcm::Role::Button, "保存");
    REQUIRE(f.app->local.edits.size() == 1);
    CHECK(f.app->local.edits[0].report.status == jcm::Status::Yellow);
    // A day picked after the dialog closed (Back while the picker was open) is nobody's: the next
    // report on the goal starts from today, and from this one's status.
    hl.picked_date = "2025-02-02";
    jcm::UpdateApp(*f.app);
    CHECK(hl.picked_date.empty());
    jcm::OpenEditor(*f.app, 0);
    f.Settle();
    CHECK(f.app->editor.status == jcm::Status::Yellow);
    CHECK(FindItem(*f.app, jcm::Role::Button, "选择日期：2025-03-10") >= 0);
}

TEST_CASE("record dialog: the app's one-key shortcuts do nothing while it is open (typed where its field had no focus)") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    jcm::OpenEditor(*f.app, 0);
    f.Settle();
    f.app->editor.status = jcm::Status::Yellow;
    f.app->map.user_moved = true;  // '0' would fit the map again
    ImGuiIO& io = ImGui::GetIO();
    for (const char* typed : {"L", "D", "T", "c", "0", "?", "\t"}) {
        CAPTURE(typed);
        if (typed[0] == '\t') {  // Tab, as main.cpp gives it: would select the next area behind the dialog
            f.app->input.keys = jcm::kKeyNext;
            f.Frame();
            f.app->input.keys = 0;
        } else {
            io.AddInputCharacter(static_cast<unsigned>(typed[0]));
        }
        f.Settle();
        CHECK(f.app->selected == -1);
        CHECK(f.app->map.user_moved);
        CHECK(f.app->lang == jcm::Lang::Zh);
        CHECK_FALSE(f.app->dark);
        CHECK_FALSE(f.app->ui.show_keys);
        CHECK(f.app->ui.tab == jcm::PanelTab::Overview);
        CHECK(f.app->editor.goal == 0);  // still open, with the status chosen
        CHECK(f.app->editor.status == jcm::Status::Yellow);
        CHECK(FindItem(*f.app, jcm::Role::Dialog, "记录进展") >= 0);
    }
    // Cancelled, the same key works again.
    const int cancel = FindItem(*f.app, jcm::Role::Button, "取消");
    REQUIRE(cancel >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(cancel).id), false, 0);
    f.Settle();
    REQUIRE(f.app->editor.goal == -1);
    io.AddInputCharacter('L');
    f.Settle();
    CHECK(f.app->lang == jcm::Lang::En);
}

TEST_CASE("record dialog: the page's one input moves between the note and the author with each field's own text") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    jcm::OpenEditor(*f.app, 0);
    f.Settle();
    jcm::platform::headless::State& hl = jcm::platform::headless::Get();
    CHECK(hl.field_value.empty());
    CHECK(hl.field_replaced);  // it held the search's text
    hl.field_replaced = false;
    hl.typed = "已签约两家企业";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(f.app->editor.note == "已签约两家企业");
    // A press on the author field: the input, still focused and holding the note, must take the
    // author's text (the page keeps a focused input's value unless told to replace it).
    const int author = FindItem(*f.app, jcm::Role::Button, "填报人");
    REQUIRE(author >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(author).id), false, 0);
    // The frame that takes the press: the author field owns the input from now, but the input is
    // published there only in the next frame. What is typed in between is still the note's.
    f.Frame();
    CHECK(f.app->text_owner == jcm::TextOwner::Author);
    CHECK(f.app->ui.field_owner == jcm::TextOwner::Note);
    hl.typed = "已签约两家企业。";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(f.app->text_owner == jcm::TextOwner::Author);
    CHECK(f.app->editor.note == "已签约两家企业。");
    CHECK(f.app->editor.author.empty());
    CHECK(hl.field_value.empty());
    CHECK(hl.field_replaced);
    hl.field_replaced = false;
    hl.typed = "李明";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(f.app->editor.author == "李明");
    CHECK(f.app->editor.note == "已签约两家企业。");
    CHECK(hl.field_value == "李明");
    CHECK_FALSE(hl.field_replaced);  // republished for the author's own edit: what is typed stays
    // And back to the note: the input gets the note again.
    const int note = FindItem(*f.app, jcm::Role::Button, "说明：已签约两家企业。");
    REQUIRE(note >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(note).id), false, 0);
    f.Settle();
    CHECK(f.app->text_owner == jcm::TextOwner::Note);
    CHECK(hl.field_value == "已签约两家企业。");
    CHECK(hl.field_replaced);
}

TEST_CASE("search: a clear button while there is a query empties the field, even the focused input") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    auto& hl = jcm::platform::headless::Get();
    CHECK(FindItem(*f.app, jcm::Role::Button, "清除搜索") < 0);  // nothing to clear
    const float full_w = hl.field[2];
    hl.typed = "曲阜";
    hl.typed_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK_FALSE(f.app->ui.hits.empty());
    const int clear = FindItem(*f.app, jcm::Role::Button, "清除搜索");
    REQUIRE(clear >= 0);
    CHECK(hl.field[2] < full_w);  // the input leaves the button room
    hl.field_replaced = false;
    hl.field_focused = false;
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(clear).id), false, 0);
    f.Settle();
    CHECK(f.app->ui.query.empty());
    CHECK(f.app->ui.hits.empty());
    CHECK(hl.field_value.empty());
    CHECK(hl.field_replaced);  // the page's focused input is emptied too
    CHECK(hl.field_focused);   // and keeps the focus, to type another
    CHECK(hl.field[2] == full_w);
    CHECK(FindItem(*f.app, jcm::Role::Button, "清除搜索") < 0);
}

TEST_CASE("Back with the record dialog or the data menu open closes it, and the view behind stays") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    auto& hl = jcm::platform::headless::Get();
    jcm::SelectArea(*f.app, 0);
    f.Settle();
    const std::string area_hash = hl.hash;
    REQUIRE(area_hash.find("area=") != std::string::npos);
    const int goal = [&] {
        for (size_t g = 0; g < f.app->data.goals.size(); ++g)
            if (f.app->data.goals[g].area == f.app->data.areas[0].id) return static_cast<int>(g);
        return 0;
    }();
    jcm::OpenEditor(*f.app, goal);
    f.Settle();
    REQUIRE(FindItem(*f.app, jcm::Role::Dialog, "记录进展") >= 0);
    // Back: the browser is on the entry before (the overview).
    hl.hash = "lang=zh";
    hl.hash_changed = hl.hash_back = true;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Dialog, "记录进展") < 0);
    CHECK(f.app->editor.goal < 0);
    CHECK(f.app->local.edits.empty());  // cancelled
    CHECK(f.app->selected == 0);        // the area is still shown
    CHECK(hl.hash == area_hash);        // and its entry is back in the history
    // The data menu too.
    const int menu = FindItem(*f.app, jcm::Role::Button, "数据");
    REQUIRE(menu >= 0);
    f.app->sem.Activate(static_cast<uint32_t>(f.app->sem.Item(menu).id), false, 0);
    f.Settle();
    REQUIRE(FindItem(*f.app, jcm::Role::Menu, "数据") >= 0);
    hl.hash = "lang=zh";
    hl.hash_changed = hl.hash_back = true;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Menu, "数据") < 0);
    CHECK(f.app->selected == 0);
    // With nothing open, Back goes back.
    hl.hash = "lang=zh";
    hl.hash_changed = hl.hash_back = true;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(f.app->selected == -1);
    // Forward, or a link followed, with a dialog open: it closes, and the link's view is shown.
    jcm::OpenEditor(*f.app, goal);
    f.Settle();
    REQUIRE(FindItem(*f.app, jcm::Role::Dialog, "记录进展") >= 0);
    hl.hash = area_hash;
    hl.hash_changed = true;
    jcm::UpdateApp(*f.app);
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Dialog, "记录进展") < 0);
    CHECK(f.app->selected == 0);
}

TEST_CASE("briefing: an A4 document in the UI's language with the map, the summary and every area's goals") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    jcm::AddEdit(*f.app, Edit(f.app->data.goals[0].id, "2026-12-01", jcm::Status::Yellow, "王明", 40));
    f.app->ui.filter.statuses = 1u << static_cast<int>(jcm::Status::Red);  // filters do not apply to the briefing
    jcm::RefreshStats(*f.app);
    const std::string html = jcm::BriefingHtml(*f.app);
    CHECK(html.find("<html lang=\"zh-CN\">") != std::string::npos);
    CHECK(html.find("<link rel=\"stylesheet\" href=\"briefing.css\">") != std::string::npos);
    CHECK(html.find(" style=") == std::string::npos);  // the page's CSP allows no inline styles
    CHECK(html.find("<svg class=\"map\"") != std::string::npos);
    CHECK(html.find("进展简报") != std::string::npos);
    CHECK(html.find("数据截至 2026-12-01（最新进展记录）") != std::string::npos);
    // Chinese punctuation in Chinese (full-width colon and brackets, as 指标： and 原文：).
    CHECK(html.find("最新进展：2026-12-01 · 填报人 王明 · 完成度：40%（仅存本机）") != std::string::npos);
    CHECK(html.find("<p class=\"legend-title\">") != std::string::npos);  // what the map's colours count, on paper too
    // A goal with no report says so once, in its status (a line more said it again for each).
    CHECK(html.find("暂无报告") != std::string::npos);
    CHECK(html.find("尚无进展记录") == std::string::npos);
    for (const jcm::Area& a : f.app->data.areas) CHECK(html.find(a.name.zh) != std::string::npos);
    for (const jcm::Goal& g : f.app->data.goals) {
        std::string escaped;
        for (char c : g.quote) escaped += c == '"' ? std::string("&quot;") : std::string(1, c);
        CHECK(html.find(escaped) != std::string::npos);
    }
    CHECK(html.find("报道未涉及的区域（未报告目标）") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    jcm::SetLanguage(*f.app, jcm::Lang::En);
    const std::string en = jcm::BriefingHtml(*f.app);
    CHECK(en.find("<html lang=\"en\">") != std::string::npos);
    CHECK(en.find("Progress briefing") != std::string::npos);
    CHECK(en.find("Latest report: 2026-12-01 · Reported by 王明 · Progress: 40% (On this device only)") != std::string::npos);
    jcm::PrintBriefing(*f.app);
    REQUIRE(jcm::platform::headless::Get().printed.size() == 1);
    CHECK(jcm::platform::headless::Get().printed[0] == en);
}

TEST_CASE("briefing: with an area shown, its own: its goals and counts only, and the data menu says whose") {
    // An official meets about a district: the whole city's eight pages put it far from the front.
    Fixture f;
    f.LoadShipped();
    const int qufu = f.app->data.FindArea("370881");
    REQUIRE(qufu >= 0);
    jcm::SelectArea(*f.app, qufu);
    f.Settle();
    const std::string html = jcm::BriefingHtml(*f.app);
    CHECK(html.find("<h1>" + f.app->data.title.zh + " · 曲阜市 · 进展简报</h1>") != std::string::npos);
    CHECK(html.find("本简报包含曲阜市的全部目标") != std::string::npos);
    int goals = 0;
    for (const jcm::Goal& g : f.app->data.goals) {
        std::string escaped;
        for (char c : g.quote) escaped += c == '"' ? std::string("&quot;") : std::string(1, c);
        const bool own = g.area_index == qufu;
        goals += own;
        CHECK((html.find(escaped) != std::string::npos) == own);
    }
    REQUIRE(goals > 0);
    CHECK(html.find("<h2>曲阜市 · ") != std::string::npos);
    CHECK(html.find("<h2>泗水县 · ") == std::string::npos);
    CHECK(html.find("报道未涉及的区域") == std::string::npos);
    CHECK(html.find("<div class=\"tile\"><b>" + std::to_string(goals) + "</b>") != std::string::npos);  // its goals counted
    // The data menu names the area it prints.
    f.app->open_data_menu = true;
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::MenuItem, "打印简报：曲阜市") >= 0);
    jcm::SelectArea(*f.app, -1);
    f.Settle();
    CHECK(jcm::BriefingHtml(*f.app).find("<h2>泗水县 · ") != std::string::npos);  // from the overview, the city's
    // An area the report does not cover has no briefing of its own: the city's.
    int none = -1;
    for (size_t a = 0; a < f.app->data.areas.size() && none < 0; ++a) {
        bool any = false;
        for (const jcm::Goal& g : f.app->data.goals) any |= g.area_index == static_cast<int>(a);
        if (!any) none = static_cast<int>(a);
    }
    REQUIRE(none >= 0);
    jcm::SelectArea(*f.app, none);
    f.Settle();
    CHECK(jcm::BriefingArea(*f.app) == -1);
    CHECK(jcm::BriefingHtml(*f.app).find("<h2>泗水县 · ") != std::string::npos);
    f.app->open_data_menu = true;
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::MenuItem, "打印简报") >= 0);
    CHECK(FindItem(*f.app, jcm::Role::MenuItem, "打印简报：") < 0);
}

TEST_CASE("page: the document's language, title and canvas label come from the data and follow the language") {
    Fixture f;
    f.LoadShipped();
    f.Settle();
    const auto& s = jcm::platform::headless::Get();
    CHECK(s.page_lang == "zh-CN");
    CHECK(s.page_title == f.app->data.title.zh);
    CHECK(s.canvas_label == f.app->data.city.zh + "区域地图与目标看板");
    jcm::SetLanguage(*f.app, jcm::Lang::En);
    f.Settle();
    CHECK(s.page_lang == "en");
    CHECK(s.page_title == f.app->data.title.en);
    CHECK(s.canvas_label == "Map of " + f.app->data.city.en + "'s areas and goals dashboard");
}

TEST_CASE("fonts: where the system's fonts cover CJK, they draw every glyph and no font file is fetched") {
    Fixture f("", /*system_fonts=*/true);
    CHECK_FALSE(jcm::platform::headless::Complete("assets/ui-font.otf", false, {}, "HTTP 404"));  // never asked for
    f.LoadShipped();
    jcm::NeedGlyphs(*f.app, "浉河区埇桥区–");
    f.Frame();
    f.Frame();  // the rest of the glyphs (the first map frame has those it shows)
    const auto& s = jcm::platform::headless::Get();
    CHECK(f.app->fonts.system);
    CHECK(s.fonts_missing == 0);
    CHECK(s.fonts_platform_drawn >= static_cast<int>(f.app->glyphs.size()));  // every character, ASCII too
    for (ImFont* font : {f.app->fonts.body, f.app->fonts.small, f.app->fonts.heading}) {
        REQUIRE(font != nullptr);
        for (uint32_t cp : {uint32_t('A'), uint32_t(' '), uint32_t(0x6D4E), uint32_t(0x6D49), uint32_t(0x2013), uint32_t(0x2026)})
            CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
        CHECK(font->EllipsisChar == 0x2026);  // elided text ends in the platform's "…"
    }
    // The three sizes keep their em sizes: ImGui's size is the line height, ascent + descent
    // (whole pixels: ImGui 1.90 truncates font sizes).
    CHECK(f.app->fonts.body->FontSize == std::floor(jcm::kBodyEm * (1.16f + 0.288f)));
    CHECK(f.app->fonts.heading->FontSize > f.app->fonts.body->FontSize);
    CHECK(f.app->fonts.small->FontSize < f.app->fonts.body->FontSize);
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Heading, "济宁") >= 0);
}

TEST_CASE("fonts: a new character is drawn once a size, not the whole set again; another pixel ratio draws anew") {
    Fixture f("", /*system_fonts=*/true);
    f.LoadShipped();
    f.Settle();
    auto& s = jcm::platform::headless::Get();
    const int all = s.glyphs_drawn;
    CHECK(all >= 3 * static_cast<int>(f.app->glyphs.size()));
    jcm::NeedGlyphs(*f.app, "浉");  // a character typed in the search, say
    f.Frame();
    CHECK(s.glyphs_drawn == all + 3);  // one for each size
    for (ImFont* font : {f.app->fonts.body, f.app->fonts.small, f.app->fonts.heading}) {
        CHECK(font->FindGlyphNoFallback(0x6D49) != nullptr);
        CHECK(font->FindGlyphNoFallback(0x6D4E) != nullptr);  // the earlier ones still there
    }
    CHECK(s.fonts_missing == 0);
    // Each glyph's own cell is in the new atlas, the cells drawn before too: the headless
    // platform draws a character's bar in column 2 + cp % 3 of its cell, and its advance is
    // one more for an odd code point.
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &tw, &th);
    const float fw = static_cast<float>(tw), fh = static_cast<float>(th);
    for (ImFont* font : {f.app->fonts.body, f.app->fonts.heading})
        for (const uint32_t cp : {0x6D4Eu, 0x6D49u, 0x56FDu, uint32_t('A')}) {  // 济 (before), 浉 (new), 国, A
            CAPTURE(cp);
            const ImFontGlyph* g = font->FindGlyphNoFallback(static_cast<ImWchar>(cp));
            REQUIRE(g != nullptr);
            const int x0 = static_cast<int>(std::lround(g->U0 * fw)), x1 = static_cast<int>(std::lround(g->U1 * fw));
            const int y = static_cast<int>(std::lround((g->V0 + g->V1) * 0.5f * fh));
            std::vector<int> inked;
            for (int x = x0; x < x1; ++x)
                if (pixels[y * tw + x] > 0) inked.push_back(x - x0);
            CHECK(inked == std::vector<int>{2 + static_cast<int>(cp % 3)});
        }
    CHECK(f.app->fonts.body->FindGlyphNoFallback(0x6D49)->AdvanceX == f.app->fonts.body->FindGlyphNoFallback(0x6D4E)->AdvanceX + 1);
    jcm::BakeAppFonts(*f.app, 2.0f);  // the browser zoomed, or another screen
    CHECK(s.glyphs_drawn >= all + 3 + 3 * static_cast<int>(f.app->glyphs.size()));
}

namespace {

// How many times each character was drawn in the last frame: a glyph's quad is four vertices,
// the first at its (U0, V0), the third at its (U1, V1) in the atlas (ImDrawList::PrimRectUV).
// A glyph cut by a clip rectangle on one side (ImFont::RenderText clips quads, UVs included)
// keeps one of those corners: its quad is the glyph's if the other corner lies inside the
// glyph's UVs. (One cut at two opposite corners is not counted: a sliver at a window's corner.)
std::map<uint32_t, int> DrawnCharacters(const jcm::AppState& app) {
    std::map<std::pair<float, float>, const ImFontGlyph*> top_left, bottom_right;
    for (const ImFont* font : {app.fonts.body, app.fonts.small, app.fonts.heading})
        for (const ImFontGlyph& g : font->Glyphs) {
            if (g.U0 == g.U1 || g.V0 == g.V1) continue;  // (a space: nothing drawn)
            top_left[{g.U0, g.V0}] = &g;
            bottom_right[{g.U1, g.V1}] = &g;
        }
    const auto inside = [](const ImFontGlyph* g, ImVec2 uv) { return uv.x >= g->U0 && uv.x <= g->U1 && uv.y >= g->V0 && uv.y <= g->V1; };
    std::map<uint32_t, int> drawn;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImVector<ImDrawVert>& v = data->CmdLists[l]->VtxBuffer;
        for (int i = 0; i + 3 < v.Size; ++i) {
            const ImVec2 a = v[i].uv, c = v[i + 2].uv;
            // A glyph's quad: four vertices of an upright rectangle, its UVs the corners of theirs
            // (an anti-aliased line's vertices also take UVs in the atlas, near a glyph's at times).
            if (a.x >= c.x || a.y >= c.y) continue;
            if (v[i + 1].uv.x != c.x || v[i + 1].uv.y != a.y || v[i + 3].uv.x != a.x || v[i + 3].uv.y != c.y) continue;
            if (v[i].pos.y != v[i + 1].pos.y || v[i + 1].pos.x != v[i + 2].pos.x || v[i + 2].pos.y != v[i + 3].pos.y ||
                v[i + 3].pos.x != v[i].pos.x)
                continue;
            const auto tl = top_left.find({a.x, a.y});
            const auto br = bottom_right.find({c.x, c.y});
            const ImFontGlyph* g = tl != top_left.end() && inside(tl->second, c)       ? tl->second
                                   : br != bottom_right.end() && inside(br->second, a) ? br->second
                                                                                        : nullptr;
            if (!g) continue;
            ++drawn[g->Codepoint];
            i += 3;  // (the quad's other vertices)
        }
    }
    return drawn;
}

}  // namespace

TEST_CASE("fonts: the first map frame has the glyphs of what it shows; the rest follow in the next frame") {
    struct Case {
        const char* hash;
        float w, h;
    };
    for (const Case c : {Case{"", 1280, 800}, Case{"lang=en", 390, 844}, Case{"", 390, 844}, Case{"lang=en&tab=compare", 1024, 768},
                         Case{"cat=industry,ecology&kind=county", 768, 1024}}) {  // (filters: their chips shown)
        CAPTURE(c.hash);
        CAPTURE(c.w);
        std::map<uint32_t, int> first, all;
        {
            Fixture f(c.hash, /*system_fonts=*/true);
            f.LoadShipped();
            f.Frame(c.w, c.h);  // the first map frame
            REQUIRE(f.app->fonts.body != nullptr);
            const auto& s = jcm::platform::headless::Get();
            CHECK(s.fonts_missing > 0);  // only what it shows: the goals' characters come next
            CHECK(f.app->glyphs_changed);
            first = DrawnCharacters(*f.app);
            CHECK(first.size() > 20);
            f.Frame(c.w, c.h);
            CHECK(s.fonts_missing == 0);  // the rest
            CHECK_FALSE(f.app->glyphs_changed);
        }
        {
            Fixture f(c.hash, /*system_fonts=*/true);  // the same first frame with every glyph baked
            f.LoadShipped();
            jcm::BakeAppFonts(*f.app, 1.0f);
            jcm::BakeAppFonts(*f.app, 1.0f);
            REQUIRE(jcm::platform::headless::Get().fonts_missing == 0);
            f.Frame(c.w, c.h);
            all = DrawnCharacters(*f.app);
        }
        // The same characters: none was drawn as ImGui's fallback ("?") for want of its glyph.
        std::string differ;
        for (const auto& [cp, n] : all)
            if (first.count(cp) == 0 || first.at(cp) != n) differ += std::to_string(cp) + ": " + std::to_string(first.count(cp) ? first.at(cp) : 0) + " -> " + std::to_string(n) + "; ";
        for (const auto& [cp, n] : first)
            if (all.count(cp) == 0) differ += std::to_string(cp) + ": " + std::to_string(n) + " -> 0; ";
        CHECK_MESSAGE(differ.empty(), differ);
    }
    // A link to an area shows its goals at once: all the glyphs come first.
    Fixture f("area=370831", /*system_fonts=*/true);
    f.LoadShipped();
    f.Frame();
    CHECK(f.app->selected >= 0);
    CHECK(jcm::platform::headless::Get().fonts_missing == 0);
    CHECK_FALSE(f.app->glyphs_changed);
}

TEST_CASE("fonts: characters no font has are drawn by the platform, not shown as \"?\"") {
    {
        Fixture f;  // its font request failed: ImGui's default font, Latin only
        f.LoadShipped();
        f.Frame();
        CHECK(jcm::platform::headless::Get().fonts_missing > 100);  // every CJK character
        CHECK(jcm::platform::headless::Get().fonts_platform_drawn == 0);
    }
    // The font file failed and the system's fonts are not known to cover CJK, but the platform can
    // draw text (a browser without a CJK font, offline before the font was cached): it draws
    // every character, ASCII too, rather than leaving the app with ImGui's Latin-only font (which
    // the web build does not have).
    Fixture f;
    jcm::platform::headless::Get().draws_glyphs = true;  // a platform that can draw text
    f.LoadShipped();
    jcm::NeedGlyphs(*f.app, "浉河区埇桥区–");
    f.Frame();
    f.Frame();  // the rest of the glyphs
    const auto& s = jcm::platform::headless::Get();
    CHECK(s.fonts_missing == 0);
    CHECK(s.fonts_platform_drawn >= static_cast<int>(f.app->glyphs.size()));
    CHECK_FALSE(f.app->fonts.system);
    CHECK(f.app->fonts.body->FindGlyphNoFallback('A') != nullptr);
    CHECK(f.app->fonts.heading->FontSize > f.app->fonts.body->FontSize);  // three sizes, as with a font
    CHECK(f.app->fonts.body->FindGlyphNoFallback(0x6D49) != nullptr);  // 浉
    CHECK(f.app->fonts.body->FindGlyphNoFallback(0x2013) != nullptr);  // –
    f.Settle();
    CHECK(FindItem(*f.app, jcm::Role::Heading, "济宁") >= 0);
}

TEST_CASE("app: the first map frame is shown before the semantics mirror is made, which the next frame publishes") {
    Fixture f;
    f.LoadShipped();
    auto& hl = jcm::platform::headless::Get();
    const int before = hl.semantics_published;
    f.Frame();  // the first map frame: the browser would lay the mirror out before showing it
    CHECK(std::count(hl.marks.begin(), hl.marks.end(), "app:first-map-frame") == 1);
    CHECK(hl.semantics_published == before);
    CHECK(f.app->frames_to_draw > 0);  // a next frame is coming, to publish it
    f.Frame();
    CHECK(hl.semantics_published == before + 1);
    CHECK(hl.summary.find(f.app->data.title.Get(jcm::Lang::Zh)) != std::string::npos);
}
