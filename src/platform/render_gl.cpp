// render_gl.cpp: see render_gl.h. What imgui_impl_opengl3 does per frame for GLES 3.0, minus the
// state backup/restore and the desktop-GL variants, and with fewer calls: the frame's lists in one
// upload, the uniforms once a frame, a scissor equal to the last not set again.
#include "platform/render_gl.h"

#include "platform/platform.h"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace jcm::gl {
namespace {

GLuint g_program = 0, g_vao = 0, g_vbo = 0, g_ebo = 0, g_font = 0;
GLint g_loc_proj = -1, g_loc_tex = -1;
PendingProgram g_pending;  // Init's program until FinishInit waits for it
// Every draw list's vertices and indices of a frame, one after another (the indices made to count
// from the first list's first vertex), so each goes to the GPU in one call: two calls per list
// were two buffer reallocations per list every frame. Reused; they only grow.
ImVector<ImDrawVert> g_vertices;
ImVector<ImDrawIdx> g_indices;

constexpr const char* kVertex = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = ProjMtx * vec4(Position.xy, 0, 1);
})";

constexpr const char* kFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() {
    Out_Color = Frag_Color * vec4(1.0, 1.0, 1.0, texture(Texture, Frag_UV.st).r);  // the atlas: coverage only
})";

GLuint Compile(GLenum type, const char* src) {
    const GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    return s;
}

// Says on the console why a shader does not compile (once per context, never per frame).
bool ReportCompile(GLuint s, const char* what) {
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512] = "";
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        std::fprintf(stderr, "%s: shader does not compile: %s\n", what, log);
    }
    return ok != 0;
}

}  // namespace

PendingProgram StartProgram(const char* vertex, const char* fragment) {
    PendingProgram p;
    p.vertex = Compile(GL_VERTEX_SHADER, vertex);
    p.fragment = Compile(GL_FRAGMENT_SHADER, fragment);
    p.program = glCreateProgram();
    glAttachShader(p.program, p.vertex);
    glAttachShader(p.program, p.fragment);
    glLinkProgram(p.program);
    return p;
}

// Only the link status is asked for: a program links only if both shaders compiled, so the
// shaders are asked why only after a failed link.
unsigned FinishProgram(PendingProgram& pending, const char* what) {
    const GLuint p = pending.program;
    if (!p) return 0;
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok && ReportCompile(pending.vertex, what) && ReportCompile(pending.fragment, what)) {
        char log[512] = "";
        glGetProgramInfoLog(p, sizeof log, nullptr, log);
        std::fprintf(stderr, "%s: shaders do not link: %s\n", what, log);
    }
    glDeleteShader(pending.vertex);
    glDeleteShader(pending.fragment);
    pending = {};
    if (!ok) {
        glDeleteProgram(p);
        return 0;
    }
    return p;
}

unsigned LinkProgram(const char* vertex, const char* fragment, const char* what) {
    PendingProgram pending = StartProgram(vertex, fragment);
    return FinishProgram(pending, what);
}

bool Init() {
    g_pending = StartProgram(kVertex, kFragment);
    if (!g_pending.program) return false;

    glGenVertexArrays(1, &g_vao);
    glGenBuffers(1, &g_vbo);
    glGenBuffers(1, &g_ebo);
    glBindVertexArray(g_vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_ebo);  // part of the VAO's state
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);

    ImGui::GetIO().BackendRendererName = "jcm_render_gl";
    return true;
}

bool FinishInit() {
    if (g_program) return true;
    // A context lost meanwhile answers nothing: the program waits for its restore (main.cpp
    // starts it again then).
    if (!g_pending.program || platform::ContextLost()) return false;
    g_program = FinishProgram(g_pending, "ImGui");
    if (!g_program) return false;
    g_loc_proj = glGetUniformLocation(g_program, "ProjMtx");
    g_loc_tex = glGetUniformLocation(g_program, "Texture");
    return true;
}

void Shutdown(bool context_lost) {
    if (!context_lost) {
        if (g_font) glDeleteTextures(1, &g_font);
        if (g_vbo) glDeleteBuffers(1, &g_vbo);
        if (g_ebo) glDeleteBuffers(1, &g_ebo);
        if (g_vao) glDeleteVertexArrays(1, &g_vao);
        if (g_program) glDeleteProgram(g_program);
        if (g_pending.program) {
            glDeleteShader(g_pending.vertex);
            glDeleteShader(g_pending.fragment);
            glDeleteProgram(g_pending.program);
        }
    }
    g_pending = {};
    g_program = g_vao = g_vbo = g_ebo = g_font = 0;
    ImGui::GetIO().Fonts->SetTexID(nullptr);
}

void UploadFonts() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);  // one byte a pixel: a quarter of RGBA's upload
    if (g_font) glDeleteTextures(1, &g_font);
    glGenTextures(1, &g_font);
    glBindTexture(GL_TEXTURE_2D, g_font);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g_font)));
    io.Fonts->ClearTexData();  // the GPU has it; keep the atlas's glyph tables only
}

void Render(const ImDrawData* dd) {
    const int fb_w = static_cast<int>(dd->DisplaySize.x * dd->FramebufferScale.x);
    const int fb_h = static_cast<int>(dd->DisplaySize.y * dd->FramebufferScale.y);
    if (fb_w <= 0 || fb_h <= 0 || !g_program) return;  // main.cpp waits for it (FinishInit)

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_w, fb_h);

    const float l = dd->DisplayPos.x, r = dd->DisplayPos.x + dd->DisplaySize.x;
    const float t = dd->DisplayPos.y, b = dd->DisplayPos.y + dd->DisplaySize.y;
    const float proj[16] = {2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0,
                            (r + l) / (l - r), (t + b) / (b - t), 0, 1};
    // ImGui's state; set again after a draw callback (the map layer, platform/map_gl.cpp) used its
    // own. The uniforms are the program's: set once a frame.
    auto setup = [&] {
        glUseProgram(g_program);
        glActiveTexture(GL_TEXTURE0);
        glBindVertexArray(g_vao);
        glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
    };
    setup();
    glUniform1i(g_loc_tex, 0);
    glUniformMatrix4fv(g_loc_proj, 1, GL_FALSE, proj);
    // WebGL2 has no base-vertex draws: ImGui keeps every list's VtxOffset at 0 (32-bit indices, see
    // CMakeLists.txt), and the indices are made to count from the frame's first vertex here.
    static_assert(sizeof(ImDrawIdx) == 4, "the lists' indices are rebased into one buffer");
    g_vertices.resize(dd->TotalVtxCount);
    g_indices.resize(dd->TotalIdxCount);
    for (int n = 0, v = 0, i = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        std::memcpy(g_vertices.Data + v, list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        for (int k = 0; k < list->IdxBuffer.Size; ++k) g_indices.Data[i + k] = list->IdxBuffer.Data[k] + static_cast<ImDrawIdx>(v);
        v += list->VtxBuffer.Size;
        i += list->IdxBuffer.Size;
    }
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(g_vertices.size_in_bytes()), g_vertices.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(g_indices.size_in_bytes()), g_indices.Data, GL_STREAM_DRAW);
    const ImVec2 clip_off = dd->DisplayPos, clip_scale = dd->FramebufferScale;
    GLuint bound_tex = 0;
    GLint scissor[4] = {0, 0, 0, 0};  // as last set, if scissor_set (a callback may set its own)
    bool scissor_set = false;
    for (int n = 0, first_index = 0; n < dd->CmdListsCount; first_index += dd->CmdLists[n]->IdxBuffer.Size, ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        for (int c = 0; c < list->CmdBuffer.Size; ++c) {
            const ImDrawCmd& cmd = list->CmdBuffer[c];
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                setup();
                bound_tex = 0;
                scissor_set = false;
                continue;
            }
            const float x0 = (cmd.ClipRect.x - clip_off.x) * clip_scale.x, y0 = (cmd.ClipRect.y - clip_off.y) * clip_scale.y;
            const float x1 = (cmd.ClipRect.z - clip_off.x) * clip_scale.x, y1 = (cmd.ClipRect.w - clip_off.y) * clip_scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            const GLint rect[4] = {static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fb_h) - y1), static_cast<GLint>(x1 - x0),
                                   static_cast<GLint>(y1 - y0)};
            if (!scissor_set || std::memcmp(rect, scissor, sizeof rect) != 0) {
                glScissor(rect[0], rect[1], rect[2], rect[3]);
                std::memcpy(scissor, rect, sizeof rect);
                scissor_set = true;
            }
            const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
            if (tex != bound_tex) {
                glBindTexture(GL_TEXTURE_2D, tex);
                bound_tex = tex;
            }
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<intptr_t>((first_index + static_cast<int>(cmd.IdxOffset)) * sizeof(ImDrawIdx))));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace jcm::gl
