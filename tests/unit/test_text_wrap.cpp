// Line breaking for wrapped text (core/text.h WrapLineEnd, LineBreakAllowed) and ImGui's use of it
// (src/ui/font_line_break.cpp, which ImFont::CalcWordWrapPositionA calls: CMakeLists.txt).
#include <doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/text.h"

namespace {

// Latin letters, digits, blanks and ASCII punctuation are 1 wide; everything else 2 (as a CJK
// font's ideographs and full-width punctuation are about twice a Latin letter).
float TestAdvance(uint32_t c, const void*) { return c < 0x80 ? 1.0f : 2.0f; }

// The first line of `text` wrapped to `width`, as the caller draws it (trailing blanks dropped).
std::string FirstLine(const std::string& text, float width) {
    const char* b = text.data();
    const char* e = jcm::WrapLineEnd(b, b + text.size(), width, TestAdvance, nullptr);
    REQUIRE(e > b);
    REQUIRE(e <= b + text.size());
    std::string line(b, e);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

}  // namespace

TEST_CASE("line breaks: Chinese after a Latin word fills the line; it does not leave the word alone") {
    // ImGui 1.90 put "JSON" alone on the first line: the Chinese after it was one long "word".
    CHECK(FirstLine("JSON 语法错误：可能缺少逗号", 12) == "JSON 语法错");
    CHECK(FirstLine("共 18 项目标，其中 9 项", 9) == "共 18 项");  // 2+1+2+1+2 = 8; 目 would make 10
}

TEST_CASE("line breaks: no line starts with closing punctuation or ends with opening punctuation") {
    CHECK(FirstLine("一二三，四五", 6) == "一二");      // not "一二三" then "，四五"
    CHECK(FirstLine("一二三。", 6) == "一二");
    CHECK(FirstLine("一二三、四", 6) == "一二");
    CHECK(FirstLine("甲（乙丙）", 5) == "甲");           // not "甲（" then "乙丙）"
    CHECK(FirstLine("甲“乙丙”", 5) == "甲");
    CHECK(FirstLine("甲乙丙）丁", 6) == "甲乙");
    CHECK(FirstLine("文件过大：20000000 字节", 10) == "文件过大：");  // a break after "：" is fine
}

TEST_CASE("line breaks: numbers and Latin words stay whole; between them and Chinese a line may break") {
    CHECK(FirstLine("ab 1.5 km", 5) == "ab");         // ImGui cut after "1."
    CHECK(FirstLine("长 12.5 公里", 6) == "长");        // "12.5" does not fit: it goes whole
    CHECK(FirstLine("达到2020年", 8) == "达到2020");
    CHECK(FirstLine("增长 15%以上", 6) == "增长");     // "15%" not split from its sign
    CHECK(FirstLine("1–5 6–10", 4) == "1–5");          // en dash: one range
}

TEST_CASE("line breaks: a word wider than the line is cut; every line has a character; a newline restarts") {
    CHECK(FirstLine("abcdefgh", 3) == "abc");
    CHECK(FirstLine("甲乙", 0) == "甲");
    CHECK(FirstLine("ab   ", 2) == "ab");              // blanks at the end hang
    CHECK(FirstLine("everything fits", 100) == "everything fits");
    const std::string nl = "ab\ncdef";               // ImGui breaks at the newline itself
    CHECK(FirstLine(nl, 3) == "ab\ncde");
    const std::string bad = "\xff\xff\xff" "ab";        // malformed bytes: one U+FFFD each, no stall
    CHECK(FirstLine(bad, 2) == "\xff");
    CHECK(jcm::LineBreakAllowed(0x5E74, 'a'));            // 年|a
    CHECK_FALSE(jcm::LineBreakAllowed('a', 'b'));
    CHECK_FALSE(jcm::LineBreakAllowed(0x7532, 0x3002));   // 甲|。
    CHECK(jcm::LineBreakAllowed(0x3002, 0x7532));         // 。|甲
    CHECK(FirstLine("长 3～5 公里", 5) == "长");          // a range with a wave dash goes whole, not "长 3" then "～5"
    CHECK(FirstLine("截至２０２５年", 8) == "截至");      // full-width digits: one number, not "截至２０" then "２５年"
    CHECK_FALSE(jcm::LineBreakAllowed(0xFF12, 0xFF10));   // ２|０
    CHECK_FALSE(jcm::LineBreakAllowed(0xFF21, 0xFF42));   // Ａ|ｂ
    CHECK(jcm::LineBreakAllowed(0x5E74, 0xFF12));         // 年|２
    CHECK(jcm::LineBreakAllowed(0xFF12, 0x5E74));         // ２|年
    CHECK(jcm::LineBreakAllowed(0x3002, 0xFF12));         // 。|２
    // What belongs to the character before it stays with it: a variation selector (a rare name's
    // glyph form), a combining mark, kana's voicing mark.
    CHECK_FALSE(jcm::LineBreakAllowed(0x845B, 0xE0100));  // 葛|VS17
    CHECK(jcm::LineBreakAllowed(0xE0100, 0x5E74));        // VS17|年: after the sequence, as after 葛
    CHECK_FALSE(jcm::LineBreakAllowed(0x7532, 0x0301));   // 甲|◌́
    CHECK_FALSE(jcm::LineBreakAllowed(0x304B, 0x3099));   // か|◌゙
    CHECK(FirstLine("甲乙\U000E0100丙", 5) == "甲");        // not "甲乙" then the selector alone
    const std::string empty;
    CHECK(jcm::WrapLineEnd(empty.data(), empty.data(), 10, TestAdvance, nullptr) == empty.data());
}

// The contract ImGui's callers rely on (imgui_draw.cpp RenderText, CalcTextSizeA), over many
// texts of every kind of character, malformed bytes too: each call moves on (or the caller
// would loop forever), and each line fits its width unless it is one character wider.
TEST_CASE("line breaks: every line moves on and fits, for any text (ImGui's caller loop)") {
    const std::vector<std::string> pieces = {"a", "b", "Z", "1", "2", ".", ",", " ", " ", "\n", "-", "(", ")",
        "\u7532", "\u4e59", "\u3002", "\uff0c", "\uff08", "\uff09", "\u201c", "\u201d", "\u2013", "\u3000",
        "\u3042", "\u3041", "\xff", "\xe7\x94", "\xf0\x9f\x98\x80"};
    uint32_t seed = 12345;
    auto next = [&seed] { seed = seed * 1664525u + 1013904223u; return seed >> 8; };
    for (int t = 0; t < 3000; ++t) {
        std::string text;
        const int n = static_cast<int>(next() % 40);
        for (int k = 0; k < n; ++k) text += pieces[next() % pieces.size()];
        const float width = static_cast<float>(next() % 24);
        const char* s = text.data();
        const char* end = s + text.size();
        int lines = 0;
        while (s < end && lines <= static_cast<int>(text.size())) {
            const char* eol = jcm::WrapLineEnd(s, end, width, TestAdvance, nullptr);
            REQUIRE(eol > s);
            REQUIRE(eol <= end);
            // The line as drawn: from s to eol, measured from its last '\n' on, trailing blanks dropped.
            const char* from = s;
            for (const char* p = s; p < eol; ++p) if (*p == '\n') from = p + 1;
            std::string line(from, eol);
            while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.pop_back();
            std::vector<uint32_t> cps;
            jcm::AppendCodepoints(line, cps);
            float w = 0;
            for (uint32_t c : cps) w += TestAdvance(c, nullptr);
            size_t valid = 0;  // bytes of the well-formed sequences; the rest are malformed bytes
            for (uint32_t c : cps) valid += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            const size_t bad = line.size() - valid;
            w += 2.0f * static_cast<float>(bad);  // a malformed byte is measured as U+FFFD
            if (!(cps.size() + bad <= 1)) CHECK(w <= width);
            // The caller then skips the blanks at the break (CalcWordWrapNextLineStartA).
            s = eol;
            while (s < end && (*s == ' ' || *s == '\t')) ++s;
            if (s < end && *s == '\n') ++s;
            ++lines;
        }
        CHECK(s >= end);
    }
}

#ifdef JCM_HAVE_UI
#include <imgui.h>

TEST_CASE("line breaks: ImGui's wrapped text uses them (ImFont::CalcWordWrapPositionA is the app's)") {
    ImGuiContext* ctx = ImGui::CreateContext();
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->AddFontDefault();
    atlas->Build();
    const ImFont* font = atlas->Fonts[0];
    const std::string text = "JSON \u8bed\u6cd5\u9519\u8bef\u53ef\u80fd\u7f3a\u5c11\u9017\u53f7";  // JSON 语法错误可能缺少逗号
    const float json = font->CalcTextSizeA(font->FontSize, 1e9f, 0, "JSON ").x;
    const float wide = font->CalcTextSizeA(font->FontSize, 1e9f, 0, "\u8bed").x;
    // Room for "JSON " and two ideographs and a half: ImGui 1.90 ended the line after "JSON".
    const char* eol = font->CalcWordWrapPositionA(1.0f, text.data(), text.data() + text.size(), json + 2.5f * wide);
    CHECK(std::string(text.data(), eol) == "JSON \u8bed\u6cd5");
    ImGui::DestroyContext(ctx);
}
#endif  // JCM_HAVE_UI
