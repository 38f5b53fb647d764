#include "ui/strings.h"

namespace jcm {
namespace {

struct Pair {
    const char* zh;
    const char* en;
};

// Order matches enum Str.
constexpr Pair kStrings[] = {
    {"百日攻坚地图", "Campaign Map"},
    {"English", "中文"},
    {"全市概况", "City overview"},
    {"攻坚行动", "Campaign"},
    {"来源", "Source"},
    {"记者", "Reporter"},
    {"时间", "Period"},
    {"天", "days"},
    {"报告目标的区域", "Areas with goals"},
    {"目标", "Goals"},
    {"量化指标", "Quantified targets"},
    {"项目", "Projects"},
    {"工作体系", "Programmes"},
    {"区域", "Areas"},
    {"未报告目标", "No goals reported"},
    {"项目标", "goals"},
    {"目标数量", "Number of goals"},
    {"类型", "Type"},
    {"所在区域", "Lies within"},
    {"主要部署", "Headline programme"},
    {"原文", "Source text (original)"},
    {"指标", "Target"},
    {"期限", "Deadline"},
    {"状态", "Status"},
    {"返回全市概况", "Back to city overview"},
    {"图例", "Legend"},
    {"位置为近似值", "Approximate location"},
    {"边界数据", "Boundaries"},
    {"许可", "Licence"},
    {"数据问题", "Data problems"},
    {"个错误", "errors"},
    {"个警告", "warnings"},
    {"已保留之前的数据。", "The previous data is kept."},
    {"数据加载失败", "The data could not be loaded"},
    {"字体加载失败", "The font could not be loaded"},
    {"此设备上的中文可能显示为方框；英文不受影响。", "Chinese text may show as empty boxes on this device; English is not affected."},
    {"正在读取数据", "Reading the data"},
    {"正在检查数据", "Checking the data"},
    {"正在构建地图", "Building the map"},
    {"正在建立地图索引", "Indexing the map"},
    {"正在准备地图", "Preparing the map"},
    {"放大", "Zoom in"},
    {"缩小", "Zoom out"},
    {"复位", "Reset view"},
    {"点击区域查看详情", "Tap an area for details"},
    {"暂无报告", "No report yet"},  // (not "未报告": "未报告目标" is an area the report gives no goals)
    {"正常推进", "On track"},
    {"存在风险", "At risk"},
    {"严重滞后", "Off track"},
    {"已完成", "Done"},
    {"工作举措", "Action"},
    {"量化指标", "Quantified target"},
    {"项目", "Project"},
    {"工作体系", "Programme"},
    {"搜索区域、目标、项目、原文", "Search areas, goals, projects, quotes"},
    {"筛选", "Filters"},
    {"清除筛选", "Clear filters"},
    {"没有符合筛选条件的目标", "No goals match the filters"},
    {"分类", "Categories"},
    {"状态", "Status"},
    {"区域类型", "Area types"},
    {"概况", "Overview"},
    {"对比", "Compare"},
    {"搜索结果", "Results"},
    {"没有找到匹配的内容", "Nothing matches"},
    {"见于原文", "in the source text"},
    {"目标分类", "Goals by category"},
    {"进展状态", "Status"},
    {"报道未提供任何进展情况，所有目标均为“暂无报告”。", "The report gives no progress: every goal has \"no report yet\"."},
    {"各区域目标构成", "Goals per area, by category"},
    {"报道未给出起止日期", "the report gives no start or end date"},
    {"第 %d 天 / 共 %d 天", "Day %d of %d"},
    {"剩余 %d 天", "%d days left"},
    {"%d 天后开始", "starts in %d days"},
    {"已结束 %d 天", "finished %d days ago"},
    {"时间轴", "Timeline"},
    {"最新", "Latest"},
    {"已报告", "Reported"},
    {"完成度", "Progress"},
    {"目标", "Goals"},
    {"指标", "Targets"},
    {"项目", "Projects"},
    {"状态", "Status"},
    {"显示地图", "Show map"},
    {"展开面板", "Expand panel"},
    {"已被筛选隐藏", "Hidden by the filters"},
    {"体系", "Programmes"},
    {"深色模式", "Dark theme"},
    {"数据", "Data"},
    // In English "..." for "…": the glyphs are the system CJK font's, whose "…" sits mid-height.
    {"导入数据（JSON）…", "Import data (JSON)..."},
    {"导出数据（JSON，含本地记录）", "Export data (JSON, with local records)"},
    {"导出（JSON）", "Export (JSON)"},  // beside the local records it includes (the records bar)
    {"导出目标清单（CSV）", "Export goals (CSV)"},
    {"导出当前视图（PNG）", "Export this view (PNG)"},
    {"记录进展", "Record progress"},
    {"仅存本机", "On this device only"},  // a report recorded here, not in the data file (until exported and merged there)
    {"撤销", "Revert"},
    {"全部撤销", "Revert all"},
    {"保存", "Save"},
    {"取消", "Cancel"},
    {"日期", "Date"},
    {"填写完成度", "Record a percentage"},
    {"说明", "Note"},
    {"无法保存到本设备：", "Could not save on this device: "},
    {"也可以把 JSON 文件拖到页面上。", "You can also drop a JSON file on the page."},
    {"键盘操作", "Keyboard"},
    {"Tab / Shift+Tab：下一个 / 上一个区域\nEsc：返回全市概况\n方向键：平移地图\n+ / -：放大 / 缩小\n0：显示全图\n/：搜索\nO / C：概况 / 对比\nL：切换中文 / English\nT：深色 / 浅色\nD：数据菜单（导入、导出、合并、打印）\nP：键盘进入面板（方向键移动，空格或回车选择，Esc 返回地图）\n?：显示或隐藏本说明",
     "Tab / Shift+Tab: next / previous area\nEsc: back to the city overview\nArrow keys: pan the map\n+ / -: zoom in / out\n0: fit the whole map\n/: search\nO / C: Overview / Compare\nL: switch 中文 / English\nT: dark / light\nD: data menu (import, export, merge, print)\nP: keyboard into the panel (arrows move, Space or Enter choose, Esc back to the map)\n?: show or hide this help"},
    {"浅色模式", "Light theme"},
    {"地图", "Map"},
    {"目标看板", "Goals dashboard"},
    {"地图上的区域", "Areas on the map"},
    {"视图", "Views"},
    {"关闭", "Close"},
    {"前一天", "Previous day"},
    {"后一天", "Next day"},
    {"选择日期", "Choose a date"},
    {"状态（请选择一项）", "Status: choose one"},
    {"已下载 ", "Downloaded "},
    {"地图着色", "Colour the map by"},
    {"菜单", "Menu"},
    {"搜索", "Search"},
    {"清除搜索", "Clear search"},
    {"显示默认数据", "Show the default data"},
    {"%d 项目标", "%d goals"},
    {"%d 项目标", "%d goal"},
    {"%d 个量化指标", "%d quantified targets"},
    {"%d 个量化指标", "%d quantified target"},
    {"%d 个项目", "%d projects"},
    {"%d 个项目", "%d project"},
    {"%d 条进展记录仅存本机", "%d progress records on this device only"},
    {"%d 条进展记录仅存本机", "%d progress record on this device only"},
    {"%d 个错误", "%d errors"},
    {"%d 个错误", "%d error"},
    {"%d 个警告", "%d warnings"},
    {"%d 个警告", "%d warning"},
    {"0（有其他目标）", "0 (has other goals)"},
    {"完成度减 1%", "1% less"},
    {"调整面板高度", "Resize the panel"},
    {"完成度加 1%", "1% more"},
    {"筛选后无目标", "none under the filters"},
    {"数据截至 %s", "Data as of %s"},
    {"数据截至 %s（最新进展记录）", "Data as of %s (the latest progress report)"},
    {"报道发布于 %s", "Report published %s"},
    {"打开报道原文（新标签页）", "Open the report (new tab)"},
    {"分享本视图的链接", "Share a link to this view"},
    {"链接已复制，可粘贴发送", "Link copied: paste it to share"},
    {"无法复制链接，请从地址栏复制", "Could not copy the link: copy it from the address bar"},
    {"填报人", "Reported by"},
    {"未署名", "unnamed"},
    {"合并其他设备的记录…", "Merge records from another device..."},
    {"选择另一台设备导出的 JSON；合并前会列出新记录和冲突", "Choose a JSON exported on another device; new reports and conflicts are listed before anything changes"},
    {"合并记录", "Merge records"},
    {"%d 条新记录", "%d new reports"},
    {"%d 条新记录", "%d new report"},
    {"（来自 %d 位填报人）", " from %d authors"},
    {"（来自 %d 位填报人）", " from %d author"},
    {"%d 处冲突", "%d conflicts"},
    {"%d 处冲突", "%d conflict"},
    {"%d 条已有", "%d already here"},
    {"%d 条已有", "%d already here"},
    {"%d 条记录的目标不在本数据中，不导入", "%d reports are for goals this data does not have and are left out"},
    {"%d 条记录的目标不在本数据中，不导入", "%d report is for a goal this data does not have and is left out"},
    {"冲突：同一目标同一天，内容不同", "Conflicts: same goal, same day, different reports"},
    {"新记录", "New reports"},
    {"本机", "This device"},
    {"导入的文件", "Imported file"},
    {"保留本机", "Keep this device's"},
    {"采用导入", "Take the imported"},
    {"合并", "Merge"},
    {"已合并 %d 条记录", "Merged %d reports"},
    {"已合并 %d 条记录", "Merged %d report"},
    {"撤销合并", "Undo merge"},
    {"已撤销合并", "Merge undone"},
    {"恢复已撤销的记录", "Restore the reverted records"},
    {"已撤销全部本地记录", "All local records reverted"},
    {"已恢复本地记录", "Local records restored"},
    {"打印简报", "Print briefing"},
    {"已报告 %s · 填报人 %s", "Reported %s by %s"},
    {"进展简报", "Progress briefing"},
    {"打印于 %s", "Printed %s"},
    {"报道未涉及的区域（未报告目标）", "Areas the report does not cover (no goals reported)"},
    {"最新进展", "Latest report"},
    {"本简报包含全部区域和目标（不受筛选影响），状态为各目标的最新记录；仅存本机的记录已标出。", "This briefing has every area and goal (the filters do not apply), each with its latest report; reports kept only on this device are marked."},
    {"本简报包含%s的全部目标（不受筛选影响；全市简报请在全市概况中打印），状态为各目标的最新记录；仅存本机的记录已标出。", "This briefing has every goal of %s (the filters do not apply; print from the city overview for the whole city), each with its latest report; reports kept only on this device are marked."},
    {"%s区域地图与目标看板", "Map of %s's areas and goals dashboard"},
    {"已报告 %d/%d", "%d of %d reported"},
    {"完成量", "Done so far"},
    {"填写完成量", "Record the amount done"},
    {"减少完成量", "Decrease the amount done"},
    {"增加完成量", "Increase the amount done"},
    {"输入完成量", "Type the amount done"},
    {"请输入数字，如 35 或 12.5", "Type a number, such as 35 or 12.5"},
    {"恢复刚撤销的记录", "Restore the reverted record"},
    {"已超过指标", "More than the target"},
    {"输入完成度", "Type the percentage"},
    {"完成度最多为 100%", "The percentage can be at most 100%"},
    {"已撤销 1 条本地记录", "1 local record reverted"},
    {"已恢复这条本地记录", "Local record restored"},
    {"完成量最多为 10^15", "The amount done can be at most 10^15"},
    {"这一天已有记录，保存将替换它", "This day has a report: saving replaces it"},
    {"今天", "today"},
};
static_assert(sizeof(kStrings) / sizeof(kStrings[0]) == static_cast<size_t>(Str::Count_),
              "kStrings must have one entry per Str");

}  // namespace

const char* Tr(Str s, Lang lang) {
    const Pair& p = kStrings[static_cast<int>(s)];
    return lang == Lang::En ? p.en : p.zh;
}

const char* Count(Str many, int n, Lang lang) {
    return Tr(n == 1 ? static_cast<Str>(static_cast<int>(many) + 1) : many, lang);
}

const char* StatusName(Status s, Lang lang) {
    switch (s) {
        case Status::Green: return Tr(Str::StatusGreen, lang);
        case Status::Yellow: return Tr(Str::StatusYellow, lang);
        case Status::Red: return Tr(Str::StatusRed, lang);
        case Status::Done: return Tr(Str::StatusDone, lang);
        case Status::NotReported: break;
    }
    return Tr(Str::StatusNotReported, lang);
}

const char* GoalKindName(GoalKind kind, Lang lang) {
    if (kind == GoalKind::Target) return Tr(Str::KindTarget, lang);
    if (kind == GoalKind::Project) return Tr(Str::KindProject, lang);
    if (kind == GoalKind::Programme) return Tr(Str::KindProgramme, lang);
    return Tr(Str::KindAction, lang);
}

}  // namespace jcm
