// test_app.cpp: the app and its views, natively: ImGui runs without a backend, the platform is
// the headless one (src/platform/platform_headless.cpp), so loading, data replacement, selection,
// deep links, the accessible summary and whole frames of every view are checked without a browser.
#ifdef JCM_HAVE_UI
#include <doctest.h>
#include <imgui.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "platform/platform_headless.h"
#include "ui/app.h"
#include "ui/views.h"

namespace {

std::string ReadFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

const std::string& ShippedData() {
    static const std::string text = ReadFile(std::string(JCM_SOURCE_DIR) + "/data/campaign.json");
    return text;
}

// An ImGui context and a started app whose font request failed (ImGui's default font is baked).
struct Fixture {
    ImGuiContext* ctx = nullptr;
    std::unique_ptr<jcm::AppState> app = std::make_unique<jcm::AppState>();

    explicit Fixture(const std::string& hash = "") {
        jcm::platform::headless::Reset();
        jcm::platform::headless::Get().hash = hash;
        ctx = ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        jcm::StartApp(*app);
        jcm::platform::headless::Complete("assets/ui-font.otf", false, {}, "HTTP 404");
    }
    ~Fixture() { ImGui::DestroyContext(ctx); }

    void LoadShipped() {
        REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, ShippedData()));
    }

    // One whole frame at the given size, as main.cpp runs it.
    void Frame(float w = 1280, float h = 800) {
        ImGuiIO& io = ImGui::GetIO();
        if (jcm::FontsNeedBaking(*app, 1.0f)) jcm::BakeAppFonts(*app, 1.0f);
        unsigned char* pixels = nullptr;
        int tw = 0, th = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &tw, &th);
        io.DisplaySize = ImVec2(w, h);
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        jcm::DrawApp(*app);
        ImGui::Render();
        jcm::AfterFramePresented(*app);
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
    f.Frame();  // the problems panel draws over the kept data
    CHECK(jcm::platform::headless::Get().summary.find("bad.json") != std::string::npos);
}

TEST_CASE("app: invalid data with nothing loaded before shows problems, no data") {
    Fixture f;
    REQUIRE(jcm::platform::headless::Complete("data/campaign.json", true, "[1, 2"));
    CHECK_FALSE(f.app->has_data);
    CHECK(f.app->show_problems);
    f.Frame();
    CHECK(jcm::platform::headless::Get().summary.find("data/campaign.json") != std::string::npos);
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

TEST_CASE("app: selecting an area sets the hash; a hash selects its area at load") {
    {
        Fixture f;
        f.LoadShipped();
        const int i = f.app->data.FindArea("370812");
        REQUIRE(i >= 0);
        jcm::SelectArea(*f.app, i);
        CHECK(jcm::platform::headless::Get().hash == "area=370812&lang=zh");
        f.Frame();
        CHECK(jcm::platform::headless::Get().summary.find(f.app->data.areas[static_cast<size_t>(i)].name.zh) != std::string::npos);
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
    f.Frame();
    CHECK(hl.summary.find("Sishui") != std::string::npos);  // the English name, in the English summary

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
    const auto has = [&](uint32_t cp) { return std::binary_search(f.app->glyphs.begin(), f.app->glyphs.end(), cp); };
    CHECK(has(0x5156));  // 兖
    CHECK(has(0x6CD7));  // 泗
    f.Frame();
    CHECK_FALSE(f.app->glyphs_changed);
    const size_t n = f.app->glyphs.size();
    jcm::NeedGlyphs(*f.app, "济宁");
    CHECK(f.app->glyphs.size() == n);
    CHECK_FALSE(f.app->glyphs_changed);
    jcm::NeedGlyphs(*f.app, "鑫");
    CHECK(f.app->glyphs.size() == n + 1);
    CHECK(f.app->glyphs_changed);
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
    jcm::RevertAllEdits(*g.app);
    CHECK(g.app->local.edits.empty());
    CHECK(g.app->data.goals[gi].status == jcm::Status::NotReported);
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
    jcm::ExportCsv(*f.app);
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
    CHECK(f.app->local.published.goals[3].status == jcm::Status::Yellow);  // now part of the data itself
    jcm::ExportPng(*f.app);
    f.Frame();
    f.Frame();
    CHECK(jcm::platform::headless::Get().png_downloads.size() == 1);
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
    CHECK(jcm::platform::headless::Get().summary.find("minimal-gbk.json") != std::string::npos);

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
    const std::string& summary = jcm::platform::headless::Get().summary;
    CAPTURE(summary);
    CHECK(summary.find("示例市") != std::string::npos);
    CHECK(summary.find("甲湖区") != std::string::npos);
    for (int i = 0; i < 3; ++i) {
        jcm::SelectArea(*f.app, i);
        f.Frame();
    }
}

TEST_CASE("app: the summary shows a target range with both ends and big numbers without an exponent") {
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
    const std::string& summary = jcm::platform::headless::Get().summary;
    CAPTURE(summary);
    CHECK(summary.find("1,000\xE2\x80\x93" "1,500,000") != std::string::npos);
    CHECK(summary.find("e+06") == std::string::npos);
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
    CHECK(jcm::platform::headless::Get().summary.find(title + " (严重滞后") != std::string::npos);

    f.app->ui.timeline = 0;  // 2020-04-01: green
    jcm::RefreshStats(*f.app);
    f.Frame();
    CHECK(f.app->stats.total.by_status[static_cast<int>(jcm::Status::Red)] == 0);
    CHECK(f.app->stats.total.by_status[static_cast<int>(jcm::Status::Green)] == 1);
    CHECK(jcm::ShownStatus(*f.app, f.app->data.goals[0]) == jcm::Status::Green);
    CHECK(jcm::platform::headless::Get().summary.find(title + " (正常推进") != std::string::npos);
}
#endif
