// strings.h: every UI string in both languages. Data text comes from the dataset, not from here.
#pragma once

#include "core/model.h"

namespace jcm {

enum class Str {
    AppName,
    LanguageToggle,
    Overview,
    Campaign,
    Source,
    Reporter,
    Period,
    Days,
    AreasReporting,
    Goals,
    Targets,
    Projects,
    Programmes,
    Areas,
    NoGoalsReported,
    GoalsCount,
    LegendGoals,
    Kind,
    Within,
    Headline,
    Quote,
    Target,
    Deadline,
    Status,
    BackToOverview,
    Legend,
    ApproximateLocation,
    BoundariesFrom,
    Licence,
    ProblemsTitle,
    ProblemsErrors,
    ProblemsWarnings,
    KeptPreviousData,
    DataLoadFailed,
    FontLoadFailed,
    ZoomIn,
    ZoomOut,
    ResetView,
    TapForDetails,
    StatusNotReported,
    StatusGreen,
    StatusYellow,
    StatusRed,
    StatusDone,
    KindAction,
    KindTarget,
    KindProject,
    KindProgramme,
    Count_
};

const char* Tr(Str s, Lang lang);
const char* StatusName(Status s, Lang lang);
const char* GoalKindName(const std::string& kind, Lang lang);

}  // namespace jcm
