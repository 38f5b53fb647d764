// imgui_line_break.cpp: ImFont::CalcWordWrapPositionA, the one function of Dear ImGui the app
// replaces (CMakeLists.txt compiles imgui_draw.cpp from a copy without it; this file is part of
// the imgui library). ImGui 1.90 wraps only at blanks and after ASCII punctuation: a run of
// Chinese after a space went to the next line whole (leaving "JSON" alone on a line), a line
// could start with "，" or "。", and "1.5" could be cut after "1.". core's WrapLineEnd breaks
// as Chinese typesetting does (core/text.h), for every wrapped text ImGui draws or measures.
#include <imgui.h>

#include "core/text.h"

namespace {
float Advance(uint32_t c, const void* font) {  // as ImGui measures it (ImFont::CalcTextSizeA)
    const ImFont* f = static_cast<const ImFont*>(font);
    return static_cast<int>(c) < f->IndexAdvanceX.Size ? f->IndexAdvanceX.Data[c] : f->FallbackAdvanceX;
}
}  // namespace

const char* ImFont::CalcWordWrapPositionA(float scale, const char* text, const char* text_end, float wrap_width) const {
    return jcm::WrapLineEnd(text, text_end, wrap_width / scale, Advance, this);
}
