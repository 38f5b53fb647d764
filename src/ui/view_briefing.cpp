// view_briefing.cpp: the printed briefing. A coordinator meets with paper: "打印简报 Print
// briefing" builds one A4 HTML document from the app state, in the UI's language (title, data
// date, the map as vector SVG with its legend, the city summary, then per area its goals with
// status, latest report and source quote) and hands it to the browser to print. Text stays text
// (selectable, sharp, searchable in the saved PDF); the document's own print CSS lays it out.
// Like the views it is a function of AppState, and it says nothing the data does not.
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/campaign.h"
#include "core/text.h"
#include "platform/platform.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace jcm {
namespace {

void Escaped(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
}

// A tag with escaped text: <tag class="cls">text</tag>.
void Element(std::string& out, const char* tag, const char* cls, std::string_view text) {
    out += '<';
    out += tag;
    if (cls != nullptr) {
        out += " class=\"";
        out += cls;
        out += '"';
    }
    out += '>';
    Escaped(out, text);
    out += "</";
    out += tag;
    out += ">\n";
}

// ImU32 (ABGR) -> "#rrggbb".
std::string Hex(ImU32 c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF);
    return buf;
}

// The map: every area's polygons (world units scaled to a 1000-wide box; y already grows down),
// filled as the map fills them, zone markers as dots, and each area's name at its label point.
void MapSvg(std::string& out, const AppState& app, const CampaignStats& stats, const Theme& t) {
    const MapGeometry& g = app.geometry;
    if (!g.bounds.Valid()) return;
    const double span_x = g.bounds.max.x - g.bounds.min.x, span_y = g.bounds.max.y - g.bounds.min.y;
    const double scale = 1000.0 / std::fmax(span_x, 1e-12);
    const double height = std::fmax(span_y * scale, 1.0);
    char buf[160];
    std::snprintf(buf, sizeof buf, "<svg class=\"map\" viewBox=\"-10 -10 1020 %.0f\" role=\"img\" aria-label=\"", height + 20);
    out += buf;
    Escaped(out, app.data.title.Get(app.lang));
    out += "\">\n";
    auto point = [&](Vec2 v) {
        std::snprintf(buf, sizeof buf, "%.1f %.1f", (v.x - g.bounds.min.x) * scale, (v.y - g.bounds.min.y) * scale);
        out += buf;
    };
    for (size_t i = 0; i < g.areas.size(); ++i) {
        const AreaGeometry& a = g.areas[i];
        if (a.rings.empty()) continue;
        out += "<path fill=\"" + Hex(AreaFill(app, stats, static_cast<int>(i), t)) + "\" d=\"";
        for (const RingRange& r : a.rings) {
            for (uint32_t k = 0; k < r.count; ++k) {
                out += k == 0 ? 'M' : 'L';
                point(a.vertices[r.start + k]);
            }
            out += 'Z';
        }
        out += "\"/>\n";
    }
    for (size_t i = 0; i < g.areas.size(); ++i) {
        const AreaGeometry& a = g.areas[i];
        if (!a.has_marker) continue;
        out += "<circle r=\"9\" fill=\"" + Hex(AreaFill(app, stats, static_cast<int>(i), t)) + "\" ";
        std::snprintf(buf, sizeof buf, "cx=\"%.1f\" cy=\"%.1f\"/>\n", (a.marker.x - g.bounds.min.x) * scale, (a.marker.y - g.bounds.min.y) * scale);
        out += buf;
    }
    // Names: dark or white, whichever reads better on the area's fill (no halo: a stroked copy
    // would print every name twice into the PDF's text). Areas' names at their label points,
    // then each zone's beside its dot where it overlaps nothing placed so far.
    struct Box {
        double x0, y0, x1, y1;
    };
    std::vector<Box> boxes;
    auto overlaps = [&](const Box& b) {
        for (const Box& o : boxes)
            if (b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1) return true;
        return false;
    };
    auto text_width = [](std::string_view s, double size) {  // an estimate: Latin ~0.56 em, CJK 1 em
        double w = 0;
        for (unsigned char c : s) w += c < 0x80 ? 0.56 * size : (c >= 0xC0 ? size : 0);
        return w;
    };
    auto world = [&](Vec2 v) { return Vec2{static_cast<float>((v.x - g.bounds.min.x) * scale), static_cast<float>((v.y - g.bounds.min.y) * scale)}; };
    for (const AreaGeometry& a : g.areas)
        if (a.has_marker && a.rings.empty()) {
            const Vec2 m = world(a.marker);
            boxes.push_back({m.x - 11.0, m.y - 11.0, m.x + 11.0, m.y + 11.0});
        }
    for (int pass = 0; pass < 2; ++pass) {
        for (size_t i = 0; i < g.areas.size(); ++i) {
            const AreaGeometry& a = g.areas[i];
            const bool zone = a.has_marker && a.rings.empty();
            if (!a.has_label || zone != (pass == 1)) continue;
            const std::string_view name = MapName(app.data.areas[i], app.lang);
            const double size = zone ? 18 : 21, w = text_width(name, size);
            const Vec2 p = world(a.label);
            // Candidates (x, baseline y, anchor): areas centred on the point; zones right, left, below, above the dot.
            struct Spot {
                double x, y;
                const char* anchor;
            };
            Spot spots[4] = {{p.x + 14.0, p.y + 7.0, "start"}, {p.x - 14.0, p.y + 7.0, "end"}, {p.x, p.y + 30.0, "middle"}, {p.x, p.y - 16.0, "middle"}};
            if (!zone) spots[0] = {p.x, p.y + 8.0, "middle"};
            int pick = 0;
            for (int k = 0; k < (zone ? 4 : 1); ++k) {
                const Spot& sp = spots[k];
                const double x0 = sp.anchor[0] == 's' ? sp.x : sp.anchor[0] == 'e' ? sp.x - w : sp.x - w / 2;
                if (!overlaps({x0, sp.y - size, x0 + w, sp.y + 3})) {
                    pick = k;
                    break;
                }
            }
            const Spot& sp = spots[pick];
            const double x0 = sp.anchor[0] == 's' ? sp.x : sp.anchor[0] == 'e' ? sp.x - w : sp.x - w / 2;
            boxes.push_back({x0, sp.y - size, x0 + w, sp.y + 3});
            const ImU32 fill = AreaFill(app, stats, static_cast<int>(i), t);
            const ImU32 dark = IM_COL32(0x1F, 0x23, 0x28, 0xFF), white = IM_COL32(255, 255, 255, 255);
            const ImU32 ink = !zone && ContrastRatio(white, fill) > ContrastRatio(dark, fill) ? white : dark;
            std::snprintf(buf, sizeof buf, "<text%s x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">", zone ? " class=\"zone\"" : "",
                          sp.x, sp.y, sp.anchor, Hex(ink).c_str());
            out += buf;
            Escaped(out, name);
            out += "</text>\n";
        }
    }
    out += "</svg>\n";
}

void Legend(std::string& out, const AppState& app, const CampaignStats& stats, const Theme& t) {
    char labels[8][48];
    ImU32 colors[8];
    const int rows = LegendRows(app, stats, t, labels, colors);
    // Titled as on the screen (on paper, "1–5 … 20–23" alone said nothing of what they count).
    Element(out, "p", "legend-title", Tr(MetricTitle(app.ui.metric), app.lang));
    out += "<ul class=\"legend\">";
    for (int r = 0; r < rows; ++r) {
        out += "<li><svg class=\"swatch\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect x=\"0.5\" y=\"0.5\" width=\"9\" height=\"9\" rx=\"2\" fill=\"" +
               Hex(colors[r]) + "\"/></svg>";
        Escaped(out, labels[r]);
        out += "</li>";
    }
    out += "</ul>\n";
}

void StatusChip(std::string& out, Status s, Lang lang, const Theme& t) {
    out += "<span class=\"status\"><svg class=\"dot\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><circle cx=\"5\" cy=\"5\" r=\"5\" fill=\"" +
           Hex(t.status[static_cast<int>(s)]) + "\"/></svg>";
    Escaped(out, StatusName(s, lang));
    out += "</span>";
}

void GoalItem(std::string& out, const AppState& app, const Goal& g, const Theme& t) {
    const Lang lang = app.lang;
    char buf[512], num[96];
    out += "<li class=\"goal\"><div class=\"goal-head\">";
    StatusChip(out, g.status, lang, t);
    out += "<strong>";
    Escaped(out, g.title.Get(lang));
    out += "</strong> <span class=\"muted\">";
    Escaped(out, GoalKindName(g.kind, lang));
    out += "</span></div>\n";
    if (g.has_target) {
        const Target& tg = g.target;
        if (tg.has_min) FormatRange(tg.min, tg.value, lang, num, sizeof num);
        else FormatNumber(tg.value, lang, num, sizeof num);
        std::snprintf(buf, sizeof buf, "%s%s%s %s", Tr(Str::Target, lang), LabelColon(lang), num, tg.unit.Get(lang).c_str());
        std::string line = buf;
        if (!tg.deadline.empty()) line += std::string(" · ") + Tr(Str::Deadline, lang) + " " + tg.deadline;
        Element(out, "div", nullptr, line);
    }
    // No report: the status chip says so ("No report yet"); a line more said it again for each
    // such goal (most of a printed briefing).
    if (!g.progress.empty()) {
        const ProgressReport& r = g.progress.back();
        std::string line = std::string(Tr(Str::LatestReport, lang)) + LabelColon(lang) + r.date;
        if (!r.author.empty()) line += std::string(" · ") + Tr(Str::Author, lang) + " " + r.author;
        if (r.has_percent) line += std::string(" · ") + Tr(Str::Percent, lang) + LabelColon(lang) + FormatNumber(r.percent, lang, num, sizeof num) + "%";
        char done[192];
        if (r.has_achieved) line += std::string(" · ") + Tr(Str::Achieved, lang) + LabelColon(lang) + FormatAchieved(r.achieved, g, lang, done, sizeof done);
        if (!r.note.Empty()) line += " · " + r.note.Get(lang);
        if (FindEdit(app, g.id, r.date) >= 0)
            line += lang == Lang::Zh ? std::string("（") + Tr(Str::LocalOnly, lang) + "）"
                                     : std::string(" (") + Tr(Str::LocalOnly, lang) + ")";
        Element(out, "div", nullptr, line);
    }
    if (!g.quote.empty()) {
        out += "<blockquote><span class=\"muted\">";
        Escaped(out, Tr(Str::Quote, lang));
        out += lang == Lang::En ? ": </span>" : "：</span>";
        Escaped(out, g.quote);
        out += "</blockquote>\n";
    }
    out += "</li>\n";
}


}  // namespace

std::string BriefingHtml(const AppState& app) {
    const Dataset& d = app.data;
    const Lang lang = app.lang;
    const Theme& t = LightTheme();  // paper is white, whatever the screen's theme
    char buf[512];
    std::string out;
    out.reserve(64 * 1024);
    const int only = BriefingArea(app);
    out += lang == Lang::En ? "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                            : "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
    const std::string title = BriefingTitle(app);
    Escaped(out, title);
    // The layout is web/briefing.css, beside the page (the page's CSP allows no inline styles).
    out += "</title>\n<link rel=\"stylesheet\" href=\"briefing.css\">\n</head>\n<body>\n";

    Element(out, "h1", nullptr, title);
    if (!d.campaign.name.Empty()) Element(out, "p", "meta", d.campaign.name.Get(lang) + " · " + d.campaign.asks.Get(lang));
    std::string meta;
    if (DataDateText(app, lang, buf, sizeof buf)) meta = buf;
    std::snprintf(buf, sizeof buf, Tr(Str::PrintedOn, lang), app.ui.today.c_str());
    if (!app.ui.today.empty()) meta += (meta.empty() ? "" : " · ") + std::string(buf);
    if (!meta.empty()) Element(out, "p", "meta muted", meta);
    if (only >= 0) {
        std::snprintf(buf, sizeof buf, Tr(Str::BriefingScopeArea, lang), d.areas[static_cast<size_t>(only)].name.Get(lang).c_str());
        Element(out, "p", "meta muted", buf);
    } else {
        Element(out, "p", "meta muted", Tr(Str::BriefingScope, lang));
    }

    // The whole data's counts, each goal at its latest report (the filters and timeline are the
    // screen's); the map coloured by the screen's metric.
    const CampaignStats all = ComputeStats(d);
    MapSvg(out, app, all, t);
    Legend(out, app, all, t);
    out += "<div class=\"tiles\">";
    const GoalCounts& counts = only >= 0 ? all.per_area[static_cast<size_t>(only)] : all.total;  // (the area's, or the city's)
    const struct { int value; Str caption; } tiles[4] = {
        {all.areas_reporting, Str::AreasWithGoals}, {counts.goals, Str::Goals}, {counts.targets, Str::Targets}, {counts.projects, Str::Projects}};
    for (const auto& tile : tiles) {
        if (only >= 0 && tile.caption == Str::AreasWithGoals) continue;
        if (tile.caption == Str::AreasWithGoals) std::snprintf(buf, sizeof buf, "%d/%d", tile.value, all.areas_kept);
        else std::snprintf(buf, sizeof buf, "%d", tile.value);
        out += "<div class=\"tile\"><b>";
        out += buf;
        out += "</b>";
        Escaped(out, Tr(tile.caption, lang));
        out += "</div>";
    }
    out += "</div>\n<p class=\"statuses\">";
    for (Status s : kStatusShown) {
        out += "<span class=\"pair\">";
        StatusChip(out, s, lang, t);
        std::snprintf(buf, sizeof buf, "<b>%d</b></span>", counts.by_status[static_cast<int>(s)]);
        out += buf;
    }
    out += "</p>\n";

    // Per area, in the data's order; areas the report does not cover, named together at the end.
    std::string not_covered;
    for (size_t ai = 0; ai < d.areas.size(); ++ai) {
        const Area& a = d.areas[ai];
        if (only >= 0 && static_cast<int>(ai) != only) continue;
        if (all.all_goals[ai] == 0) {
            if (!not_covered.empty()) not_covered += lang == Lang::En ? ", " : "、";
            not_covered += a.name.Get(lang);
            continue;
        }
        out += "<section class=\"area\">\n";
        std::snprintf(buf, sizeof buf, Count(Str::CountGoals, all.all_goals[ai], lang), all.all_goals[ai]);
        Element(out, "h2", nullptr, a.name.Get(lang) + " · " + buf);
        if (!a.headline.Empty()) {
            out += "<p class=\"headline\"><span class=\"muted\">";
            Escaped(out, Tr(Str::Headline, lang));
            out += lang == Lang::En ? ": </span>" : "：</span>";
            Escaped(out, a.headline.Get(lang));
            out += "</p>\n";
        }
        out += "<ul class=\"goals\">\n";
        for (const Goal& g : d.goals)
            if (g.area_index == static_cast<int>(ai)) GoalItem(out, app, g, t);
        out += "</ul>\n</section>\n";
    }
    if (!not_covered.empty()) {
        Element(out, "h2", nullptr, Tr(Str::AreasNotCovered, lang));
        Element(out, "p", nullptr, not_covered);
    }

    out += "<footer>\n";
    Element(out, "p", nullptr, SourceLine(d, lang));
    if (!d.source.url.empty()) Element(out, "p", nullptr, d.source.url);
    Element(out, "p", nullptr, BoundariesLine(d, lang));
    out += "</footer>\n</body>\n</html>\n";
    return out;
}

std::string SourceLine(const Dataset& d, Lang lang) {
    std::string line = std::string(Tr(Str::Source, lang)) + LabelColon(lang) + d.source.title.Get(lang);
    if (!d.source.outlet.Empty()) line += " \xC2\xB7 " + d.source.outlet.Get(lang);
    if (!d.source.published.empty()) line += " \xC2\xB7 " + d.source.published;
    return line;
}

std::string BoundariesLine(const Dataset& d, Lang lang) {
    std::string line = std::string(Tr(Str::BoundariesFrom, lang)) + LabelColon(lang) + d.boundary_source.name.Get(lang);
    if (!d.boundary_source.licence.empty()) line += " \xC2\xB7 " + std::string(Tr(Str::Licence, lang)) + " " + d.boundary_source.licence;
    return line;
}

void PrintBriefing(AppState& app) {
    if (!app.has_data) return;
    FinishMapLabels(app);  // the briefing's map names every area it can
    platform::PrintDocument(BriefingHtml(app), BriefingTitle(app));
}

int BriefingArea(const AppState& app) {
    if (app.selected < 0 || app.selected >= static_cast<int>(app.data.areas.size())) return -1;
    for (const Goal& g : app.data.goals)
        if (g.area_index == app.selected) return app.selected;
    return -1;  // (an area the report does not cover: its briefing would be empty)
}

std::string BriefingTitle(const AppState& app) {
    const Lang lang = app.lang;
    std::string title = app.data.title.Get(lang);
    if (const int a = BriefingArea(app); a >= 0) title += " · " + app.data.areas[static_cast<size_t>(a)].name.Get(lang);
    return title + " · " + Tr(Str::BriefingHeading, lang);
}

}  // namespace jcm
