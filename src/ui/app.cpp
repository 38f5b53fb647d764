// app.cpp: the app's lifecycle around one AppState: loading, accepting data, fonts, layout.
//
// Index:
//   [SECTION] Loading     fetch callbacks for the dataset and the font
//   [SECTION] Data        accept a dataset (validate, keep the old one on errors), glyph collection
//   [SECTION] Fonts       when and how to bake the atlas
//   [SECTION] Layout      the root window: header, map, panel, problems
//   [SECTION] Summary     plain-text mirror of the UI for #a11y-summary
#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/fields.h"
#include "core/text.h"
#include "platform/platform.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace jcm {
namespace {

constexpr int kRequestData = 1;
constexpr int kRequestFont = 2;
constexpr int kRequestEditsGet = 3;
constexpr int kRequestEditsPut = 4;
constexpr const char* kFontUrl = "assets/ui-font.otf";
constexpr const char* kExtFontUrl = "assets/ui-font-ext.otf";
constexpr int kRequestExtFont = 5;

// Copies the UI strings of both languages into the glyph set once.
void NeedUiGlyphs(AppState& app) {
    for (int i = 0; i < static_cast<int>(Str::Count_); ++i) {
        NeedGlyphs(app, Tr(static_cast<Str>(i), Lang::Zh));
        NeedGlyphs(app, Tr(static_cast<Str>(i), Lang::En));
    }
}

void NeedTextGlyphs(AppState& app, const Text& t) {
    NeedGlyphs(app, t.zh);
    NeedGlyphs(app, t.en);
}

void NeedDatasetGlyphs(AppState& app, const Dataset& d) {
    // Every string of the field tables (core/fields.h): a new text field needs nothing here.
    ForEachString(d, [&](const std::string& s) { NeedGlyphs(app, s); });
}

std::string EditsKey(const AppState& app) { return "edits:" + app.local.published.id; }

// A copy of `d` without the areas' boundary polygons (they are set aside, not copied, then put back).
Dataset CopyWithoutPolygons(Dataset& d) {
    std::vector<std::vector<Polygon>> polygons(d.areas.size());
    for (size_t i = 0; i < d.areas.size(); ++i) polygons[i] = std::move(d.areas[i].polygons);
    Dataset copy = d;
    for (size_t i = 0; i < d.areas.size(); ++i) d.areas[i].polygons = std::move(polygons[i]);
    return copy;
}

// Re-applies the local edits to the published data (the geometry does not change). The published
// data has no polygons (app.h LocalState): app.data's move over, edits never change areas.
void RebuildFromEdits(AppState& app) {
    int skipped = 0;
    Dataset next = ApplyEdits(app.local.published, app.local.edits, &skipped);
    for (size_t i = 0; i < next.areas.size() && i < app.data.areas.size(); ++i) {
        next.areas[i].polygons = std::move(app.data.areas[i].polygons);
    }
    app.data = std::move(next);
    app.ui.report_dates = ReportDates(app.data);
    if (app.ui.timeline >= static_cast<int>(app.ui.report_dates.size())) app.ui.timeline = -1;
    for (const LocalEdit& e : app.local.edits) NeedTextGlyphs(app, e.report.note);
    RefreshStats(app);
    SetQuery(app, app.ui.query);
    RequestRedraw(app);
}

void OnEditsSaved(int, bool ok, bool, const std::string& error, void* user) {
    AppState& app = *static_cast<AppState*>(user);
    app.local.storage_error = ok ? std::string() : error;
    RequestRedraw(app);
}

void SaveEdits(AppState& app) {
    platform::StorePut(EditsKey(app), EditsToJson(app.local.published.id, app.local.edits), kRequestEditsPut,
                       OnEditsSaved, &app);
}

void OnEditsLoaded(int, bool ok, bool found, const std::string& value, void* user) {
    AppState& app = *static_cast<AppState*>(user);
    app.local.loaded = true;
    if (!ok) {
        app.local.storage_error = value;
    } else if (found) {
        std::vector<LocalEdit> edits;
        std::string error;
        if (EditsFromJson(value, app.local.published.id, &edits, &error)) {
            // Edits recorded before this load (storage answers late) come after the stored ones.
            edits.insert(edits.end(), app.local.edits.begin(), app.local.edits.end());
            app.local.edits = std::move(edits);
        } else {
            app.local.storage_error = error;
        }
    }
    RebuildFromEdits(app);
}

//-----------------------------------------------------------------------------
// [SECTION] Loading
//-----------------------------------------------------------------------------

void OnDataFetched(const platform::FetchResult& r, void* user) {
    AppState& app = *static_cast<AppState*>(user);
    app.load.data_pending = false;
    if (!r.ok) {
        Problem p;
        p.file = app.load.data_url;
        p.message.zh = "无法读取数据文件 " + app.load.data_url + "：" + r.error;
        p.message.en = "Could not read the data file " + app.load.data_url + ": " + r.error;
        app.problems.assign(1, p);
        app.problems_file = app.load.data_url;
        app.show_problems = true;
        NeedTextGlyphs(app, p.message);
        app.summary_dirty = true;
        RequestRedraw(app);
        return;
    }
    platform::Mark("app:data-fetched");
    AcceptDataset(app, std::string_view(r.data, r.size), app.load.data_url);
    RequestRedraw(app);
}

void OnFontFetched(const platform::FetchResult& r, void* user) {
    AppState& app = *static_cast<AppState*>(user);
    app.load.font_pending = false;
    if (r.ok && r.size > 0) {
        app.load.font_file.assign(reinterpret_cast<const unsigned char*>(r.data),
                                  reinterpret_cast<const unsigned char*>(r.data) + r.size);
    } else {
        // Without the font no Chinese can be drawn: say so in the page, in its own fonts.
        const std::string why = kFontUrl + std::string(": ") + (r.ok ? "empty file" : r.error);
        platform::ShowPageError(std::string(Tr(Str::FontLoadFailed, Lang::Zh)) + " · " + Tr(Str::FontLoadFailed, Lang::En), why);
    }
    app.glyphs_changed = true;
}

void OnExtFontFetched(const platform::FetchResult& r, void* user) {
    AppState& app = *static_cast<AppState*>(user);
    app.load.ext_font_pending = false;
    if (r.ok && r.size > 0) {
        app.load.ext_font_file.assign(reinterpret_cast<const unsigned char*>(r.data),
                                      reinterpret_cast<const unsigned char*>(r.data) + r.size);
        app.glyphs_changed = true;  // bake again with it
    }
    // Failing that, the few missing characters show as ImGui's fallback glyph; nothing else breaks.
    RequestRedraw(app);
}

}  // namespace

void StartApp(AppState& app) {
    const std::string theme = platform::LoadSetting("theme");
    app.dark = theme.empty() ? platform::PrefersDarkScheme() : theme == "dark";
    UseTheme(app.dark);
    platform::SetPageTheme(app.dark);
    NeedUiGlyphs(app);
    if (platform::LoadSetting("lang") == "en") app.lang = Lang::En;
    ApplyHash(app, platform::GetHash());  // lang= applies now, area= once the data is loaded
    app.ui.today = platform::Today();
    platform::SetImportLimit(LoadLimits{}.max_bytes);
    app.load.data_url = platform::DatasetUrl();
    app.load.data_pending = true;
    app.load.font_pending = true;
    platform::Fetch(app.load.data_url, kRequestData, OnDataFetched, &app);
    platform::Fetch(kFontUrl, kRequestFont, OnFontFetched, &app);
}

//-----------------------------------------------------------------------------
// [SECTION] Data
//-----------------------------------------------------------------------------

bool AcceptDataset(AppState& app, std::string_view text, const std::string& file) {
    LoadResult result = LoadDataset(text, file);
    const bool ok = result.Ok();
    app.problems = std::move(result.problems);
    app.problems_file = file;
    for (const Problem& p : app.problems) NeedTextGlyphs(app, p.message);
    app.summary_dirty = true;
    if (!ok) {
        app.show_problems = true;
        return false;
    }
    app.show_problems = !app.problems.empty();  // warnings: load, but make them visible
    // One copy of the boundary polygons, in app.data; the previous data's geometry is freed
    // before the new one is built. local.published is the rest (app.h LocalState).
    app.geometry = MapGeometry{};
    app.data = std::move(result.data);
    app.geometry = BuildMapGeometry(app.data);
    app.local.published = CopyWithoutPolygons(app.data);
    app.local.edits.clear();
    app.local.loaded = false;
    app.local.storage_error.clear();
    app.editor.goal = -1;
    app.ui.report_dates = ReportDates(app.data);
    app.ui.timeline = -1;
    app.ui.filter = GoalFilter{};
    app.has_data = true;
    RefreshStats(app);
    SetQuery(app, app.ui.query);
    app.map.fitted = false;
    app.map.user_moved = false;
    app.map.hovered = -1;
    app.selected = -1;
    NeedDatasetGlyphs(app, app.data);
    platform::Mark("app:data-loaded");

    // A deep link (#area=<id>) selects its area once the data is there.
    ApplyHash(app, platform::GetHash());
    // Progress recorded on this device for this dataset, if any.
    platform::StoreGet(EditsKey(app), kRequestEditsGet, OnEditsLoaded, &app);
    return true;
}

void NeedGlyphs(AppState& app, std::string_view text) {
    const size_t before = app.glyphs.size();
    AppendCodepoints(text, app.glyphs);
    if (app.glyphs.size() == before) return;
    // The set was sorted and unique before: it grew only if something new arrived.
    SortUnique(app.glyphs);
    if (app.glyphs.size() != before) app.glyphs_changed = true;
}

//-----------------------------------------------------------------------------
// [SECTION] Fonts
//-----------------------------------------------------------------------------

bool FontsNeedBaking(const AppState& app, float dpr) {
    if (app.load.font_pending) return false;
    return app.glyphs_changed || app.fonts.baked_dpr != dpr;
}

void BakeAppFonts(AppState& app, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    BakeFonts(io.Fonts, app.load.font_file, app.load.ext_font_file, app.glyphs, dpr, &app.fonts);
    io.FontDefault = app.fonts.body;
    app.glyphs_changed = false;
    // The font subset is made at build time from the shipped data; data loaded at run time (another
    // city, an import) may use characters it lacks: then fetch the extended font, once.
    if (!app.load.ext_font_requested && !app.fonts.has_ext && CountMissingGlyphs(app.fonts.body, app.glyphs) > 0) {
        app.load.ext_font_requested = true;
        app.load.ext_font_pending = true;
        platform::Fetch(kExtFontUrl, kRequestExtFont, OnExtFontFetched, &app);
    }
}

bool ReadyToDraw(const AppState& app) {
    return !app.load.font_pending && !app.load.data_pending && app.fonts.body != nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Layout
//-----------------------------------------------------------------------------

void DrawApp(AppState& app) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();

    const ImVec2 origin = vp->WorkPos;
    const ImVec2 full = vp->WorkSize;
    const float header_h = 56.0f;
    DrawHeader(app, origin, ImVec2(full.x, header_h));

    const ImVec2 body_pos(origin.x, origin.y + header_h);
    const ImVec2 body(full.x, full.y - header_h);
    // Wide screens: map beside the panel. Narrow/portrait: map above the panel, which can be
    // expanded over the map for reading.
    if (body.x >= 900.0f && body.x >= body.y) {
        const float panel_w = std::clamp(body.x * 0.34f, 340.0f, 480.0f);
        DrawMap(app, body_pos, ImVec2(body.x - panel_w, body.y));
        DrawPanel(app, ImVec2(body_pos.x + body.x - panel_w, body_pos.y), ImVec2(panel_w, body.y), false);
    } else if (app.ui.panel_expanded) {
        DrawPanel(app, body_pos, body, true);
    } else {
        const float map_h = std::floor(body.y * 0.52f);
        DrawMap(app, body_pos, ImVec2(body.x, map_h));
        DrawPanel(app, ImVec2(body_pos.x, body_pos.y + map_h), ImVec2(body.x, body.y - map_h), true);
    }
    ImGui::End();
    if (app.ui.show_keys) {
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(CurrentTheme().panel));
        ImGui::Begin(Tr(Str::KeysTitle, app.lang), &app.ui.show_keys,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
        ImGui::TextUnformatted(Tr(Str::KeysList, app.lang));
        ImGui::End();
        ImGui::PopStyleColor();
    }
    DrawEditor(app);
    DrawProblems(app);
}

void SelectArea(AppState& app, int area_index) {
    if (area_index < -1 || area_index >= static_cast<int>(app.data.areas.size())) area_index = -1;
    if (app.selected == area_index) return;
    app.selected = area_index;
    app.summary_dirty = true;
    WriteHash(app);
}

void SetDark(AppState& app, bool dark) {
    if (app.dark == dark) return;
    app.dark = dark;
    UseTheme(dark);
    platform::SetPageTheme(dark);
    platform::SaveSetting("theme", dark ? "dark" : "light");
}

void SetLanguage(AppState& app, Lang lang) {
    if (app.lang == lang) return;
    app.lang = lang;
    app.summary_dirty = true;
    platform::SaveSetting("lang", lang == Lang::En ? "en" : "zh");
    WriteHash(app);
}

void WriteHash(const AppState& app) {
    std::string h;
    if (app.selected >= 0) h = "area=" + app.data.areas[static_cast<size_t>(app.selected)].id + "&";
    h += app.lang == Lang::En ? "lang=en" : "lang=zh";
    platform::SetHash(h);
}

void ApplyHash(AppState& app, const std::string& hash) {
    for (size_t pos = 0; pos <= hash.size();) {
        size_t end = hash.find('&', pos);
        if (end == std::string::npos) end = hash.size();
        const std::string_view item(hash.data() + pos, end - pos);
        if (item.substr(0, 5) == "lang=") {
            const std::string_view v = item.substr(5);
            if (v == "en" || v == "zh") {
                app.lang = v == "en" ? Lang::En : Lang::Zh;
                app.summary_dirty = true;
            }
        } else if (item.substr(0, 5) == "area=" && app.has_data) {
            const int i = app.data.FindArea(std::string(item.substr(5)));
            if (i != app.selected) {
                app.selected = i;
                app.summary_dirty = true;
            }
        }
        pos = end + 1;
    }
}

void UpdateApp(AppState& app) {
    if (platform::TakeHashChanged()) {
        ApplyHash(app, platform::GetHash());
        RequestRedraw(app);
    }
    std::string typed;
    if (platform::TakeTextFieldInput(&typed)) {
        if (app.text_owner == TextOwner::Note) {
            app.editor.note = typed;
            NeedGlyphs(app, typed);
        } else {
            SetQuery(app, typed);
        }
        RequestRedraw(app);
    }
    platform::ImportedFile file;
    while (platform::TakeImportedFile(&file)) {
        ImportFile(app, file.name, file.bytes, file.error);
        RequestRedraw(app);
    }
}

void AddEdit(AppState& app, const LocalEdit& edit) {
    const int existing = FindEdit(app, edit.goal_id, edit.report.date);
    if (existing >= 0) app.local.edits[static_cast<size_t>(existing)] = edit;
    else app.local.edits.push_back(edit);
    SaveEdits(app);
    RebuildFromEdits(app);
}

void RevertEdit(AppState& app, size_t index) {
    if (index >= app.local.edits.size()) return;
    app.local.edits.erase(app.local.edits.begin() + static_cast<long>(index));
    SaveEdits(app);
    RebuildFromEdits(app);
}

void RevertAllEdits(AppState& app) {
    app.local.edits.clear();
    SaveEdits(app);
    RebuildFromEdits(app);
}

int FindEdit(const AppState& app, const std::string& goal_id, const std::string& date) {
    for (size_t i = 0; i < app.local.edits.size(); ++i) {
        const LocalEdit& e = app.local.edits[i];
        if (e.goal_id == goal_id && e.report.date == date) return static_cast<int>(i);
    }
    return -1;
}

void ExportJson(AppState& app) {
    platform::DownloadFile(app.data.id + ".json", "application/json", DatasetToJson(app.data));
}

void ExportCsv(AppState& app) {
    platform::DownloadFile(app.data.id + "-goals.csv", "text/csv;charset=utf-8", GoalsToCsv(app.data, app.lang));
}

void ExportPng(AppState& app) {
    app.png_frames = 2;  // the frame that closes the menu, then a clean one
    RequestRedraw(app);
}

void ImportFile(AppState& app, const std::string& name, std::string_view bytes, const std::string& error) {
    if (!error.empty()) {
        Problem p;
        p.file = name;
        p.message.zh = "无法导入 " + name + "：" + error;
        p.message.en = "Could not import " + name + ": " + error;
        app.problems.assign(1, p);
        app.problems_file = name;
        app.show_problems = true;
        NeedTextGlyphs(app, p.message);
        app.summary_dirty = true;
        return;
    }
    if (AcceptDataset(app, bytes, name)) platform::Mark("app:data-imported");  // as fetched data is
}

void SetQuery(AppState& app, const std::string& query) {
    app.ui.query = query;
    if (app.has_data) Search(app.data, query, app.ui.hits);
    NeedGlyphs(app, query);  // typed characters must be drawable in the results' highlight
    app.summary_dirty = true;
}

const std::string& TimelineDate(const AppState& app) {
    static const std::string kNow;
    const DashboardState& ui = app.ui;
    return ui.timeline >= 0 && ui.timeline < static_cast<int>(ui.report_dates.size()) ? ui.report_dates[static_cast<size_t>(ui.timeline)]
                                                                                        : kNow;
}

Status ShownStatus(const AppState& app, const Goal& goal) { return StatusOn(goal, TimelineDate(app)); }

void RefreshStats(AppState& app) {
    app.stats = ComputeStats(app.data, app.ui.filter, TimelineDate(app));
    ++app.stats_version;
    app.summary_dirty = true;
}

void RequestRedraw(AppState& app) { app.frames_to_draw = std::max(app.frames_to_draw, 3); }

//-----------------------------------------------------------------------------
// [SECTION] Summary
//-----------------------------------------------------------------------------

namespace {

std::string BuildSummary(const AppState& app) {
    const Lang lang = app.lang;
    std::string s;
    char buf[160];
    if (!app.problems.empty() && app.show_problems) {
        s += Tr(Str::ProblemsTitle, lang);
        s += " (" + app.problems_file + "):\n";
        for (const Problem& p : app.problems) s += FormatProblem(p, lang) + "\n";
    }
    if (!app.has_data) return s;
    const Dataset& d = app.data;
    s += d.title.Get(lang) + "\n";
    if (!app.local.edits.empty()) {
        std::snprintf(buf, sizeof buf, Tr(Str::LocalEditsBar, lang), static_cast<int>(app.local.edits.size()));
        s += std::string(buf) + "\n";
    }
    if (app.selected < 0 && !app.ui.query.empty()) {
        s += std::string(Tr(Str::Results, lang)) + " \"" + app.ui.query + "\": " + std::to_string(app.ui.hits.size()) + "\n";
        for (const SearchHit& h : app.ui.hits) {
            if (h.kind == HitKind::Area) s += d.areas[static_cast<size_t>(h.index)].name.Get(lang) + "\n";
            else s += "- " + d.goals[static_cast<size_t>(h.index)].title.Get(lang) + "\n";
        }
        return s;
    }
    if (app.selected < 0 && app.ui.tab == PanelTab::Compare) {
        s += std::string(Tr(Str::TabCompare, lang)) + "\n";
        for (int i : app.ui.compare_order) {
            const GoalCounts& c = app.stats.per_area[static_cast<size_t>(i)];
            std::snprintf(buf, sizeof buf, ": %s %d, %s %d, %s %d\n", Tr(Str::Goals, lang), c.goals, Tr(Str::Targets, lang),
                          c.targets, Tr(Str::Projects, lang), c.projects);
            s += d.areas[static_cast<size_t>(i)].name.Get(lang) + buf;
        }
        return s;
    }
    if (app.selected < 0) {
        s += d.campaign.name.Get(lang) + ": " + d.campaign.asks.Get(lang) + "\n";
        const PeriodInfo p = CampaignPeriod(d.campaign, app.ui.today);
        switch (p.state) {
            case PeriodState::Unknown: std::snprintf(buf, sizeof buf, "%s: %s", Tr(Str::Period, lang), Tr(Str::DatesNotStated, lang)); break;
            case PeriodState::Before: std::snprintf(buf, sizeof buf, Tr(Str::StartsIn, lang), p.days_left); break;
            case PeriodState::After: std::snprintf(buf, sizeof buf, Tr(Str::Finished, lang), p.days_since_end); break;
            case PeriodState::During: std::snprintf(buf, sizeof buf, Tr(Str::DayOf, lang), p.day, p.total_days); break;
        }
        s += std::string(buf) + "\n";
        std::snprintf(buf, sizeof buf, "%s %d/%d, %s %d, %s %d, %s %d\n", Tr(Str::AreasReporting, lang),
                      app.stats.areas_reporting, app.stats.areas_kept, Tr(Str::Goals, lang), app.stats.total.goals,
                      Tr(Str::Targets, lang), app.stats.total.targets, Tr(Str::Projects, lang), app.stats.total.projects);
        s += buf;
        for (size_t i = 0; i < d.areas.size(); ++i) {
            if (!app.stats.area_kept[i]) continue;
            const GoalCounts& c = app.stats.per_area[i];
            s += d.areas[i].name.Get(lang) + ": ";
            if (c.goals > 0) {
                std::snprintf(buf, sizeof buf, "%d %s, %d %s, %d %s\n", c.goals, Tr(Str::GoalsCount, lang), c.targets,
                              Tr(Str::Targets, lang), c.projects, Tr(Str::Projects, lang));
                s += buf;
            } else {
                s += std::string(Tr(Str::NoGoalsReported, lang)) + "\n";
            }
        }
        return s;
    }
    const Area& a = d.areas[static_cast<size_t>(app.selected)];
    s += a.name.Get(lang) + " (" + AreaKindName(app, a) + ")\n";
    if (!a.headline.Empty()) s += std::string(Tr(Str::Headline, lang)) + ": " + a.headline.Get(lang) + "\n";
    bool any = false;
    for (const Goal& g : d.goals) {
        if (g.area_index != app.selected || !app.ui.filter.KeepsGoal(g, ShownStatus(app, g))) continue;
        any = true;
        s += "- " + g.title.Get(lang) + " (" + StatusName(ShownStatus(app, g), lang);
        if (g.has_target) {
            char num[96];
            if (g.target.has_min) FormatRange(g.target.min, g.target.value, lang, num, sizeof num);
            else FormatNumber(g.target.value, lang, num, sizeof num);
            std::snprintf(buf, sizeof buf, "; %s %s %s", Tr(Str::Target, lang), num, g.target.unit.Get(lang).c_str());
            s += buf;
        }
        s += ")\n";
    }
    if (!any) s += std::string(Tr(Str::NoGoalsReported, lang)) + "\n";
    return s;
}

}  // namespace

void AfterFramePresented(AppState& app) {
    if (app.png_frames > 0 && --app.png_frames == 0) platform::DownloadCanvasPng(app.data.id + ".png");
    if (!app.load.first_map_frame_marked && app.has_data) {
        app.load.first_map_frame_marked = true;
        platform::Mark("app:first-map-frame");
        platform::HideLoading();
    } else if (!app.has_data && !app.load.data_pending) {
        platform::HideLoading();  // nothing to show but the problems panel
    }
    if (app.summary_dirty) {
        app.summary_dirty = false;
        platform::SetAccessibleSummary(BuildSummary(app));
    }
}

}  // namespace jcm
