// font_line_break.cpp: the word wrap ImGui draws and measures with (CMakeLists.txt makes ImGui's
// ImFont::CalcWordWrapPositionA call WrapFontLine in the copy of imgui_draw.cpp it compiles; this
// file is part of the imgui library). ImGui 1.90 wraps only at blanks and after ASCII punctuation:
// a run of Chinese after a space went to the next line whole (leaving "JSON" alone on a line), a
// line could start with "，" or "。", and "1.5" could be cut after "1.". core's WrapLineEnd breaks
// as Chinese typesetting does (core/text.h).
#include <imgui.h>

#include "core/text.h"

namespace jcm {
namespace {
float Advance(uint32_t c, const void* font) {  // as ImGui measures it (ImFont::CalcTextSizeA)
    const ImFont* f = static_cast<const ImFont*>(font);
    return static_cast<int>(c) < f->IndexAdvanceX.Size ? f->IndexAdvanceX.Data[c] : f->FallbackAdvanceX;
}
}  // namespace

const char* WrapFontLine(const ImFont* font, float scale, const char* text, const char* end, float wrap_width) {
    return WrapLineEnd(text, end, wrap_width / scale, Advance, font);
}
}  // namespace jcm
