#include "ui/charts.h"

#include "ui/theme.h"

namespace jcm {

int StackedBar(const char* id, const int* values, const ImU32* colors, const char* const* labels, int n, int full,
               ImVec2 size, const char* colon) {
    int sum = 0;
    for (int i = 0; i < n; ++i) sum += values[i] > 0 ? values[i] : 0;
    const int scale = full > 0 ? full : sum;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    // Space and hover only, no button: a bar inside a selectable row (the ranked areas) must not
    // take the row's click or tap.
    ImGui::PushID(id);
    ImGui::Dummy(size);
    ImGui::PopID();
    const bool hovered = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(p, ImVec2(p.x + size.x, p.y + size.y));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), CurrentTheme().track, 3.0f);
    int hit = -1;
    float x = p.x;
    for (int i = 0; i < n && scale > 0; ++i) {
        if (values[i] <= 0) continue;
        const float w = size.x * static_cast<float>(values[i]) / static_cast<float>(scale);
        dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + w, p.y + size.y), colors[i]);
        if (hovered && mouse.x >= x && mouse.x < x + w) hit = i;
        x += w;
    }
    if (hit >= 0) {
        dl->AddRect(ImVec2(p.x, p.y), ImVec2(p.x + size.x, p.y + size.y), CurrentTheme().border_hover, 3.0f);
        ImGui::SetTooltip("%s%s%d", labels[hit], colon, values[hit]);
    }
    return hit;
}

bool LegendItem(ImU32 color, const char* label, int count) {
    ImGui::BeginGroup();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 0.6f, p.y + h * 0.8f), color, 2.0f);
    ImGui::Dummy(ImVec2(h * 0.6f, h));
    ImGui::SameLine(0, 6);
    if (count >= 0) ImGui::Text("%s %d", label, count);
    else ImGui::TextUnformatted(label);
    ImGui::EndGroup();
    return ImGui::IsItemHovered();
}

}  // namespace jcm
