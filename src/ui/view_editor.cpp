// view_editor.cpp: officials recording progress: the header's data menu (import, export), the
// "record progress" dialog for one goal, and the bar that lists the records kept only on this device.
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/campaign.h"
#include "core/fields.h"
#include "core/text.h"
#include "platform/platform.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace jcm {
namespace {

// Day number -> "YYYY-MM-DD" (civil_from_days, the inverse of DayNumber).
std::string IsoDate(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
    return buf;
}

// A drawn text field of the dialog. The page has one <input> (platform.h SetTextField): it lies
// over the field that owns it and edits that field's text; the other field draws its own text,
// and a press on it moves the input there.
// `bad`: what it holds is refused (an error colour); `replace`: the app changed its text, the
// page's input takes it even while focused.
void EditorField(AppState& app, TextOwner owner, const char* id, Str label, const std::string& value, float width, bool bad = false,
                 bool replace = false) {
    const Theme& t = CurrentTheme();
    const float h = 40.0f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    DashboardState& ui = app.ui;
    const bool owns = app.text_owner == owner;
    bool pressed = ImGui::InvisibleButton(id, ImVec2(width, h));
    // The owner is the page's <input> (a textbox the mirror leaves to it); the other field is a
    // button, named with its value, that brings the input here.
    if (owns) {
        RecordItem(app, Role::Textbox, Tr(label, app.lang));
    } else {  // "说明：已签约两家企业" (into a buffer kept between frames: no allocation per frame)
        std::string& name = app.editor.field_name;
        name.assign(Tr(label, app.lang));
        if (!value.empty()) name.append(LabelColon(app.lang)).append(value);
        RecordItem(app, Role::Button, name, kSemAction);
    }
    pressed |= TakeActivation(app);
    if (pressed) {
        if (!owns) {
            app.text_owner = owner;
            ui.field_rect[0] = -1;  // published below, next frame, at this field
        }
        platform::FocusTextField();
        RequestRedraw(app);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), t.surface, 8.0f);
    const ImU32 edge = bad ? t.warning_text : owns && platform::TextFieldFocused() ? t.accent : t.outline;  // (bad: as its message)
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), edge, 8.0f, 0, bad ? 2.0f : 1.5f);
    if (!owns) {
        const ImVec2 at(p.x + 12, p.y + (h - ImGui::GetTextLineHeight()) * 0.5f);
        dl->PushClipRect(p, ImVec2(p.x + width - 8, p.y + h), true);
        if (value.empty()) {
            dl->AddText(at, t.text_muted, Tr(label, app.lang));
        } else {  // a long note ends in "…" where it is cut (cut bare, it read as the whole note)
            const float end = p.x + width - 10;
            ImGui::RenderTextEllipsis(dl, at, ImVec2(end, p.y + h), end, end, value.c_str(), value.c_str() + value.size(), nullptr);
        }
        dl->PopClipRect();
        return;
    }
    // The input's left padding leaves room for an icon (a number's has none: platform_web.js).
    const float pad = owner == TextOwner::Amount || owner == TextOwner::Percent ? 0.0f : 26.0f;
    const float r[4] = {p.x - pad, p.y, width + pad, h};
    PublishTextField(app, owner, r, value, Tr(label, app.lang), replace);
}

// The author as typed, without surrounding spaces.
std::string TrimmedAuthor(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t");
    if (a == std::string::npos) return {};
    return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

// Beside the checkbox just drawn, a number's field one can type into (a phone opens its digits:
// a big target, or decimals finer than the steps, need no stepping) and what follows it ("%",
// "of 69 projects"); under them what is wrong with what was typed (`too_large`: a number over
// the range), else `note` if any.
void NumberField(AppState& app, TextOwner owner, const char* id, Str label, EditorState::TypedNumber& t, const char* after,
                 Str too_large, const char* note) {
    const float field_w = std::clamp(std::ceil(ImGui::CalcTextSize(t.text.c_str()).x) + 32.0f, 96.0f,
                                     std::max(96.0f, ImGui::GetContentRegionAvail().x));
    SameLineOrWrap(field_w + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(after).x, 16.0f);
    const float line_y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(line_y + 2.0f);  // (40 px, centred on the checkbox's 44)
    EditorField(app, owner, id, label, t.text, field_w, t.bad, t.stepped);
    t.stepped = false;
    ImGui::SameLine();
    ImGui::SetCursorPosY(line_y + (44 - ImGui::GetTextLineHeight()) * 0.5f);
    UiText(app, after);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), line_y + 44 + ImGui::GetStyle().ItemSpacing.y));
    if (t.bad) UiText(app, Tr(t.over ? too_large : Str::TypeANumber, app.lang), TextTone::Warning);
    else if (note) UiText(app, note, TextTone::Muted);  // (allowed: said, not refused)
}

// After a stepper or the slider changed `value`: its field shows it.
void Stepped(EditorState::TypedNumber& t, double value, Lang lang) {
    t.text = FormatNumber(value, lang);
    t.bad = t.over = false;
    t.stepped = true;
}

// A value edited in steps of 10^exponent (a percent: 1; an amount done: AmountStepsFor's): a
// slider over 0..slider_max steps between a - and a + stepper (44 px each, repeating while held),
// the + going on up to `max` steps (an amount done past its target). From a value between two
// steps (the data's 37.5%), a stepper goes to the next step its way, and the value is kept until
// it is changed here. True if `value` changed.
bool StepperRow(AppState& app, const char* id, Str name, Str less, Str more, double* value, int exponent, long slider_max, long max) {
    const Lang lang = app.lang;
    const ImU32 text = CurrentTheme().text;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const long down = AmountToSteps(*value, exponent, max, -1), up = AmountToSteps(*value, exponent, max, +1);
    // Held, a stepper speeds up: ten steps at a time after 1.5 s, a hundred after 3 s (2,000 亿元
    // one by one took minutes).
    const float held = ImGui::GetIO().MouseDownDuration[0];
    const long by = held > 3.0f ? 100 : held > 1.5f ? 10 : 1;
    long to = -1;
    ImGui::PushID(id);
    ImGui::PushButtonRepeat(true);
    if (UiButton(app, "##less", ImVec2(44, 44), Tr(less, lang)) && *value > 0) to = std::max(0L, down == up ? down - by : down);
    DrawSignIcon(dl, false, text);
    if (ImGui::IsItemActive()) RequestRedraw(app);  // the repeat needs frames while it is held
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 44 - ImGui::GetStyle().ItemSpacing.x);
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 28.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, (44 - ImGui::GetTextLineHeight()) * 0.5f));
    int on_slider = static_cast<int>(std::min(AmountToSteps(*value, exponent, max), slider_max));
    if (UiSliderInt(app, id, Tr(name, lang), &on_slider, 0, static_cast<int>(slider_max), "", StepsToAmount(1, exponent))) to = on_slider;
    ImGui::PopStyleVar(2);
    ImGui::SameLine();
    if (UiButton(app, "##more", ImVec2(44, 44), Tr(more, lang)) && (up < max || down != up)) to = std::min(max, down == up ? up + by : up);
    DrawSignIcon(dl, true, text);
    if (ImGui::IsItemActive()) RequestRedraw(app);
    ImGui::PopButtonRepeat();
    ImGui::PopID();
    if (to < 0) return false;
    *value = StepsToAmount(to, exponent);
    return true;
}

// A day stepper's < or >, centred in it (the amount's - and + are other buttons).
void DayIcon(ImDrawList* dl, bool next, ImU32 color) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    DrawChevron(dl, ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f), 7.0f, next, color);
}

void CloseEditor(AppState& app) {
    app.editor.goal = -1;
    app.text_owner = TextOwner::Search;
    app.ui.field_rect[0] = -1;  // the search field republishes itself next frame
    ImGui::CloseCurrentPopup();
}

// The dialog's start for its day (e.day): that day's report, which Save replaces (UpsertEdit), else
// the latest before it, else (a day before every report) a first report's; opened (`opening`), the
// latest of all where none is before it (a report dated after a device's wrong clock). Its values
// are taken where the person has not changed the ones taken before (a number typed that does not
// read is a change); its note and author where that day has a report and the person has not typed
// their own (an amount raised from 41 to 45 the same day lost the note of the 41; a day stepped
// back to replaced that day's report without its note). NotReported, as for a first report,
// leaves the status to the person.
void TakeUpDay(AppState& app, const Goal& g, bool opening) {
    EditorState& e = app.editor;
    const std::string date = IsoDate(e.day);
    const ProgressReport* from = nullptr;
    for (const ProgressReport& r : g.progress)
        if (r.date <= date && (!from || r.date >= from->date)) from = &r;  // (ISO dates sort as text)
    if (!from && opening && !g.progress.empty()) from = &g.progress.back();
    const bool same_day = from && from->date == date;
    const ProgressReport& t = e.taken;
    const bool values_kept = e.status == t.status && e.has_percent == t.has_percent && e.percent == t.percent &&
                             e.has_achieved == t.has_achieved && e.achieved == t.achieved && !(e.has_percent && e.percent_typed.bad) &&
                             !(e.has_achieved && CountableTarget(g) && e.achieved_typed.bad);
    const bool take = opening || values_kept;
    if (take) {
        const ProgressReport first;  // (a day before every report: nothing of a later one)
        const ProgressReport& r = from ? *from : first;
        e.status = r.status;
        e.has_percent = r.has_percent;
        e.percent = r.percent;
        e.has_achieved = r.has_achieved;  // (kept as it was where the dialog offers no amount)
        e.achieved = r.achieved;
        e.taken = r;
        // (the typed numbers' fields show the values: the focused one takes them)
        Stepped(e.achieved_typed, e.achieved, app.lang);
        Stepped(e.percent_typed, e.percent, app.lang);
    }
    if (e.note == e.note_taken) {
        e.note = same_day ? from->note.Get(app.lang) : std::string();
        e.note_lang = app.lang;
    }
    e.note_taken = same_day ? from->note.Get(app.lang) : std::string();
    e.note_base = same_day ? from->note : Text{};  // (both languages: Save keeps them if the note is unchanged)
    if (!e.author_typed) e.author = same_day && !from->author.empty() ? from->author : e.device_author;
    e.replaces = same_day;
    e.retaken = !opening;
    e.taken_day = e.day;
}

}  // namespace

void OpenEditor(AppState& app, int goal) {
    app.draw_opened.editor = DrawEditor;
    EditorState& e = app.editor;
    const Goal& g = app.data.goals[static_cast<size_t>(goal)];
    if (app.editor_draft.goal == goal && app.editor_draft_goal == g.id && app.editor_draft_revision == app.reports_revision &&
        app.editor_draft_today == app.ui.today) {
        e = std::move(app.editor_draft);  // as Back or Esc left it
        e.shown = false;
        app.editor_draft = EditorState{};
        app.text_owner = TextOwner::Note;
        return;
    }
    app.editor_draft = EditorState{};
    e = EditorState{};
    e.goal = goal;
    if (!DayNumber(app.ui.today, &e.day)) e.day = 0;
    e.device_author = platform::LoadSetting("author");  // the person who reported last on this device
    NeedGlyphs(app, e.device_author);
    TakeUpDay(app, g, true);
    app.text_owner = TextOwner::Note;
}

void TypeNumber(AppState& app, TextOwner owner, const std::string& typed) {
    EditorState& e = app.editor;
    const bool percent = owner == TextOwner::Percent;
    EditorState::TypedNumber& t = percent ? e.percent_typed : e.achieved_typed;
    t.text = typed;
    double v = 0;
    // A percentage may be typed with its sign ("45%", a Chinese keyboard's "45％"): the field is one.
    std::string_view s = typed;
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (percent && !s.empty() && s.back() == '%') s.remove_suffix(1);
    else if (percent && s.size() >= 3 && s.substr(s.size() - 3) == "\xEF\xBC\x85") s.remove_suffix(3);
    const bool number = ParseTypedNumber(s, &v);
    t.over = number && v > (percent ? kPercentRange : kAchievedRange).max;  // a number, but more than the format holds
    t.bad = !number || t.over;
    if (!t.bad) (percent ? e.percent : e.achieved) = v;  // (refused, the last number stays: nothing is lost)
}

void DrawEditor(AppState& app) {
    EditorState& e = app.editor;
    if (e.goal < 0 || e.goal >= static_cast<int>(app.data.goals.size())) return;
    const Lang lang = app.lang;
    const Goal& g = app.data.goals[static_cast<size_t>(e.goal)];
    if (!ImGui::IsPopupOpen("##editor")) {
        if (e.shown) {  // it was open and ImGui closed it (Esc, Back): kept, for the same goal, as it was
            app.editor_draft = e;
            app.editor_draft_goal = g.id;
            app.editor_draft_revision = app.reports_revision;
            app.editor_draft_today = app.ui.today;
            CloseEditor(app);
            return;
        }
        ImGui::OpenPopup("##editor");
        e.shown = true;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = vp->WorkSize.x > 560 ? 520.0f : vp->WorkSize.x - 24.0f;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 72), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::ColorConvertU32ToFloat4(CurrentTheme().panel));
    if (!ImGui::BeginPopupModal("##editor", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        ImGui::PopStyleColor();
        return;
    }
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    SemBegin(app, Role::Dialog, Tr(Str::RecordProgress, lang), wp, ImVec2(wp.x + ws.x, wp.y + ws.y), kSemModal);
    UiHeading(app, Tr(Str::RecordProgress, lang), 2, app.fonts.heading);
    UiText(app, g.title.Get(lang).c_str());
    ImGui::Separator();

    // Date: today by default, a day back or forward with the buttons, repeating while held (a
    // month back is a second and a half), never after today: a report says what has happened.
    // The date itself opens the browser's date picker, where it has one, for a day further back
    // (the day picked comes back through UpdateApp).
    const Theme& th = CurrentTheme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    UiLabel(app, Tr(Str::Date, lang), TextTone::Muted);
    long today = 0;
    const bool know_today = DayNumber(app.ui.today, &today);
    ImGui::PushButtonRepeat(true);
    if (UiButton(app, "##day-", ImVec2(44, 44), Tr(Str::PreviousDay, lang))) --e.day;
    DayIcon(dl, false, th.text);
    if (ImGui::IsItemActive()) RequestRedraw(app);  // the repeat needs frames while it is held
    ImGui::SameLine();
    const std::string date = IsoDate(e.day);  // (ten characters: no allocation)
    // Today says so (a date alone left the greyed > as the only sign of it).
    const bool is_today = know_today && e.day == today;
    char shown[64], choose[128];
    std::snprintf(shown, sizeof shown, is_today ? "%s · %s##date" : "%s##date", date.c_str(), Tr(Str::Today, lang));
    std::snprintf(choose, sizeof choose, !is_today ? "%s%s%s" : lang == Lang::Zh ? "%s%s%s（%s）" : "%s%s%s (%s)", Tr(Str::ChooseDate, lang),
                  LabelColon(lang), date.c_str(), Tr(Str::Today, lang));
    const float date_w = std::ceil(ImGui::CalcTextSize(shown, nullptr, true).x) + 24.0f;
    if (UiButton(app, shown, ImVec2(date_w, 44), choose)) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        platform::PickDate(a.x, a.y, b.x - a.x, b.y - a.y, date, know_today ? app.ui.today : std::string());
    }
    ImGui::SameLine();
    const bool last_day = know_today && e.day >= today;  // (is_today, or after it: a wrong clock's)
    ImGui::BeginDisabled(last_day);
    if (UiButton(app, "##day+", ImVec2(44, 44), Tr(Str::NextDay, lang), last_day ? kSemDisabled : 0) && !last_day) ++e.day;
    DayIcon(dl, true, last_day ? th.text_muted : th.text);
    if (ImGui::IsItemActive()) RequestRedraw(app);
    ImGui::EndDisabled();
    ImGui::PopButtonRepeat();
    if (e.day != e.taken_day) TakeUpDay(app, g, false);  // (a stepper, or a day picked: UpdateApp)
    if (e.replaces) UiText(app, Tr(Str::ReplacesDayReport, lang), TextTone::Muted);

    // Status: four segments in the status colours (2 x 2 when four do not fit), 44 px tall. None
    // is chosen for a goal's first report, and the label asks for one.
    const bool chosen = e.status != Status::NotReported;
    UiLabel(app, Tr(chosen ? Str::Status : Str::StatusChoose, lang), TextTone::Muted);
    const Status choices[4] = {Status::Green, Status::Yellow, Status::Red, Status::Done};
    const float gap = 6.0f, avail = ImGui::GetContentRegionAvail().x;
    float widest = 0;
    for (Status s : choices) widest = std::max(widest, ImGui::CalcTextSize(StatusName(s, lang)).x);
    const int cols = (avail - gap * 3) / 4 >= widest + 24 ? 4 : 2;
    const float seg_w = (avail - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    for (int i = 0; i < 4; ++i) {
        const ImU32 c = th.status[static_cast<int>(choices[i])];
        const bool on = e.status == choices[i];
        if (i % cols != 0) ImGui::SameLine(0, gap);
        ImGui::PushID(i);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 8.0f);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
        // The chosen one filled with its colour, its text dark or light for contrast.
        const ImU32 text = ContrastRatio(IM_COL32(255, 255, 255, 255), c) >= 4.5f ? IM_COL32(255, 255, 255, 255) : IM_COL32(0x1F, 0x23, 0x28, 0xFF);
        ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(c));
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(on ? c : th.surface));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(on ? c : th.surface_hover));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(c));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(on ? text : th.text));
        if (UiButton(app, StatusName(choices[i], lang), ImVec2(seg_w, 44), nullptr,
                     static_cast<uint16_t>(kSemToggle | (on ? kSemChecked : 0))))
            e.status = choices[i];
        ImGui::PopStyleColor(5);
        ImGui::PopStyleVar(2);
        ImGui::PopID();
    }
    // Percent: a checkbox (a 44 px target), the value beside it, then the slider between -1 and +1
    // steppers (the value inside the slider lay under its grab, half hidden where the grab was).
    // For a target that is an amount, the amount done is the measure (below): a percentage beside
    // it could say otherwise (15% of a goal 35 of 69 done), so it is offered only where a report
    // had one.
    if (!CountableTarget(g) || e.has_percent) UiCheckbox(app, Tr(Str::SetPercent, lang), &e.has_percent);
    if (e.has_percent) {
        NumberField(app, TextOwner::Percent, "##percent-typed", Str::TypePercent, e.percent_typed, "%", Str::PercentTooLarge, nullptr);
        if (StepperRow(app, "##percent", Str::Percent, Str::PercentDown, Str::PercentUp, &e.percent, 0, 100, 100))
            Stepped(e.percent_typed, e.percent, lang);
    }
    // The amount done, for a target that is an amount ("3 of 69 projects"): the same, in steps of
    // the target's last decimal place (AmountStepsFor); the slider reaches the target, the + goes
    // on to ten times it.
    // Beside the checkbox, the amount in a field one can type into (a phone opens its digits: a
    // big target, or decimals finer than the target's own, need no stepping), then "of 69 projects".
    if (CountableTarget(g)) {
        UiCheckbox(app, Tr(Str::SetAchieved, lang), &e.has_achieved);
        if (e.has_achieved) {
            char of[160];
            FormatOfTarget(g, lang, of, sizeof of);
            NumberField(app, TextOwner::Amount, "##achieved-typed", Str::TypeAchieved, e.achieved_typed, of, Str::AchievedTooLarge,
                        e.achieved > g.target.value ? Tr(Str::OverTarget, lang) : nullptr);
            const AmountSteps steps = AmountStepsFor(g.target.value);
            if (StepperRow(app, "##achieved", Str::Achieved, Str::AchievedDown, Str::AchievedUp, &e.achieved, steps.exponent,
                           steps.to_target, steps.to_target * 10))
                Stepped(e.achieved_typed, e.achieved, lang);
        }
    }
    const bool amount = CountableTarget(g) && e.has_achieved;
    // A number's field gone (unticked) while it had the input: the input goes back to the note.
    if ((!amount && app.text_owner == TextOwner::Amount) || (!e.has_percent && app.text_owner == TextOwner::Percent)) {
        app.text_owner = TextOwner::Note;
        app.ui.field_rect[0] = -1;
    }
    UiLabel(app, Tr(Str::Note, lang), TextTone::Muted);
    EditorField(app, TextOwner::Note, "##note", Str::Note, e.note, ImGui::GetContentRegionAvail().x, false, e.retaken);
    UiLabel(app, Tr(Str::Author, lang), TextTone::Muted);
    EditorField(app, TextOwner::Author, "##author", Str::Author, e.author, ImGui::GetContentRegionAvail().x, false, e.retaken);
    e.retaken = false;
    ImGui::Spacing();

    const float bw = std::min(120.0f, (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - bw * 2 - ImGui::GetStyle().ItemSpacing.x);
    if (UiButton(app, Tr(Str::Cancel, lang), ImVec2(bw, 44))) CloseEditor(app);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(CurrentTheme().accent_hover));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(CurrentTheme().on_accent));
    // (A typed number that does not read: its message says so.)
    const bool can_save = chosen && !(amount && e.achieved_typed.bad) && !(e.has_percent && e.percent_typed.bad);
    ImGui::BeginDisabled(!can_save);
    const bool save = UiButton(app, Tr(Str::Save, lang), ImVec2(bw, 44), nullptr, can_save ? 0 : kSemDisabled) && can_save;
    ImGui::EndDisabled();
    if (save) {
        LocalEdit edit;
        edit.goal_id = g.id;
        edit.report.date = date;
        edit.report.status = e.status;
        edit.report.has_percent = e.has_percent;
        edit.report.percent = e.percent;
        edit.report.has_achieved = e.has_achieved;
        edit.report.achieved = e.achieved;
        // The note of the report it replaces, unchanged: that report's, in both languages. Changed
        // (typed, or cleared), what was typed, under the language it was typed in: the other
        // language's note translated the one replaced, and kept it would say something else (or,
        // the note cleared, stand in for it).
        if (e.note == e.note_taken) edit.report.note = e.note_base;
        else (e.note_lang == Lang::En ? edit.report.note.en : edit.report.note.zh) = e.note;
        if (edit.report.note.zh.empty()) edit.report.note.zh = edit.report.note.en;  // zh is the required field
        edit.report.author = TrimmedAuthor(e.author);
        // Asked once per device, then offered (only as typed here: a name taken from another's
        // report is not this device's).
        if (e.author_typed) platform::SaveSetting("author", edit.report.author);
        app.ui.reveal_goal = e.goal;  // the detail keeps the goal in view as the bar above comes in
        app.ui.reveal_frames = 4;
        CloseEditor(app);
        AddEdit(app, edit);
    }
    SemEnd(app);
    ImGui::PopStyleColor(3);
    ImGui::EndPopup();
    ImGui::PopStyleColor();
}

void DrawDataMenu(AppState& app, bool focus_first) {
    const Lang lang = app.lang;
    if (!ImGui::BeginPopup("##data-menu")) return;
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    SemBegin(app, Role::Menu, Tr(Str::DataMenu, lang), wp, ImVec2(wp.x + ws.x, wp.y + ws.y));
    if (focus_first) {
        ImGui::SetKeyboardFocusHere();
        ShowNavCursor();
    }
    if (UiSelectable(app, Role::MenuItem, Tr(Str::ImportJson, lang), Tr(Str::ImportJson, lang), false, 0, ImVec2(0, 40))) {
        platform::PickFile();
        ImGui::CloseCurrentPopup();
    }
    ImGui::PushFont(app.fonts.small);
    if (!app.ui.menu_by_touch) UiText(app, Tr(Str::ImportHint, lang), TextTone::Muted);
    ImGui::PopFont();
    ImGui::Separator();
    if (app.has_data) {
        const Str items[3] = {Str::ExportJson, Str::ExportCsv, Str::ExportPng};
        for (int i = 0; i < 3; ++i) {
            if (!UiSelectable(app, Role::MenuItem, Tr(items[i], lang), Tr(items[i], lang), false, 0, ImVec2(0, 40))) continue;
            if (i == 0) ExportJson(app);
            else if (i == 1) ExportCsv(app);
            else ExportPng(app);
            ImGui::CloseCurrentPopup();
        }
        // With an area shown, its briefing, named so ("打印简报：曲阜市").
        char print[192];
        const int area = BriefingArea(app);
        int n = std::snprintf(print, sizeof print - 9, "%s%s%s", Tr(Str::PrintBriefing, lang), area >= 0 ? LabelColon(lang) : "",
                              area >= 0 ? app.data.areas[static_cast<size_t>(area)].name.Get(lang).c_str() : "");
        n = std::clamp(n, 0, static_cast<int>(sizeof print) - 10);
        std::snprintf(print + n, sizeof print - static_cast<size_t>(n), "###print");  // (one id, whichever the label)
        if (UiSelectable(app, Role::MenuItem, print, std::string_view(print, static_cast<size_t>(n)), false, 0, ImVec2(0, 40))) {
            PrintBriefing(app);
            ImGui::CloseCurrentPopup();
        }
        ImGui::Separator();
        if (UiSelectable(app, Role::MenuItem, Tr(Str::MergeRecords, lang), Tr(Str::MergeRecords, lang), false, 0, ImVec2(0, 40))) {
            platform::PickFile(true);
            ImGui::CloseCurrentPopup();
        }
        ImGui::PushFont(app.fonts.small);
        UiText(app, Tr(Str::MergeHint, lang), TextTone::Muted);
        ImGui::PopFont();
        ImGui::Separator();
        if (UiSelectable(app, Role::MenuItem, Tr(Str::ShareView, lang), Tr(Str::ShareView, lang), false, 0, ImVec2(0, 40))) {
            platform::ShareView(app.data.title.Get(lang));
            ImGui::CloseCurrentPopup();
        }
    }
    SemEnd(app);
    ImGui::EndPopup();
}

void DrawLocalEditsBar(AppState& app) {
    const LocalState& local = app.local;
    const bool can_undo = app.undo.kind != BulkUndo::Kind::None;
    if (local.edits.empty() && local.storage_error.empty() && !can_undo) return;
    const Lang lang = app.lang;
    const Theme& t = CurrentTheme();
    char buf[160];
    // A banner: a tinted box (drawn under its content once its height is known), set apart
    // from the list that scrolls below it; the links' text lines up with the text after the
    // bullet.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    float indent = 0.0f;  // the links under the bullet's text (restore included, if it wraps)
    if (!local.edits.empty()) {
        const int n = static_cast<int>(local.edits.size());
        std::snprintf(buf, sizeof buf, Count(Str::CountLocalEdits, n, lang), n);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(t.status[static_cast<int>(Status::Yellow)]));
        const float line_x = ImGui::GetCursorPosX();
        ImGui::Bullet();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        indent = ImGui::GetCursorPosX() - line_x;  // (a link at a line's start lines its label up: UiLink)
        UiText(app, buf);
        ImGui::Indent(indent);
        // Both links on one line where they fit (a phone's too): the banner stays above every
        // view, and with a line a link it took a third of a phone's half-height panel.
        if (UiLink(app, Tr(Str::ExportJsonShort, lang))) ExportJson(app);
        SameLineOrWrap(ButtonWidth(Tr(Str::RevertAll, lang), kLinkPadX));
        if (UiLink(app, Tr(Str::RevertAll, lang))) RevertAllEdits(app);
    }
    if (can_undo) {  // until the next change of the reports
        const BulkUndo::Kind k = app.undo.kind;
        const char* label = Tr(k == BulkUndo::Kind::Merge ? Str::UndoMerge : k == BulkUndo::Kind::Revert ? Str::UndoRevert : Str::UndoRevertAll, lang);
        if (local.edits.empty()) {  // the bullet centred on the link's line, as its text is
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(kLinkPadX, kLinkPadY));
            ImGui::AlignTextToFramePadding();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(t.status[static_cast<int>(Status::Yellow)]));
            ImGui::Bullet();  // the banner's colour, as with the records (in the text's, it read as a stray dot)
            ImGui::PopStyleColor();
            ImGui::PopStyleVar();
            ImGui::SameLine();
        } else {
            SameLineOrWrap(ButtonWidth(label, kLinkPadX));
        }
        if (UiLink(app, label)) UndoBulk(app);
    }
    if (indent != 0.0f) ImGui::Unindent(indent);
    if (!local.storage_error.empty()) {
        std::snprintf(buf, sizeof buf, "%s%s", Tr(Str::StorageFailed, lang), local.storage_error.c_str());
        UiText(app, buf, TextTone::Muted);
    }
    dl->ChannelsSetCurrent(0);
    DrawTintedBox(dl, ImVec2(top.x - 6, top.y - 3), ImVec2(top.x + width + 6, ImGui::GetItemRectMax().y + 3),
                  t.status[static_cast<int>(Status::Yellow)]);
    dl->ChannelsMerge();
}

}  // namespace jcm
