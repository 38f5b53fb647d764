// map_gl.cpp: see map_gl.h.
//
// Buffers, built once per load (Sync):
//   fills:    vertices (x, y, area) in world units, uint32 triangle indices over all areas;
//   outlines: every edge of every ring as a quad: four vertices that each hold both ends
//             (a.x, a.y, b.x, b.y), the corner told by gl_VertexID % 4, widened in the vertex
//             shader to a constant width in screen pixels and anti-aliased over one device pixel
//             in the fragment shader; two triangles of uint32 indices. (Instanced quads would
//             need a quarter of the memory, but SwiftShader, the software GPU of headless
//             Chromium, draws instances one by one: 10 s a frame at a million edges.)
//             Written to the GPU in chunks, so the wasm heap never holds them all.
// Per frame the CPU sets a handful of uniforms; nothing per vertex. Colours live in a texture of
// one texel per area (rows of 1024), rewritten only when they change.
#include "platform/map_gl.h"
#include "platform/render_gl.h"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstddef>

#include "platform/platform.h"

namespace jcm::gl {
namespace {

constexpr int kColorRow = 1024;

constexpr const char* kFillVertex = R"(#version 300 es
precision highp float;
layout (location = 0) in vec3 a_pos;   // world x, y; area index
uniform vec2 u_center;                 // world point at the map's centre
uniform float u_ppu;                   // CSS px per world unit
uniform vec2 u_screen_center;          // the map's centre, CSS px
uniform vec2 u_display;                // display size, CSS px
uniform highp sampler2D u_colors;
flat out vec4 v_color;
void main() {
    vec2 s = u_screen_center + (a_pos.xy - u_center) * u_ppu;
    gl_Position = vec4(s.x / u_display.x * 2.0 - 1.0, 1.0 - s.y / u_display.y * 2.0, 0.0, 1.0);
    int i = int(a_pos.z + 0.5);
    v_color = texelFetch(u_colors, ivec2(i % 1024, i / 1024), 0);
})";

constexpr const char* kFillFragment = R"(#version 300 es
precision mediump float;
flat in vec4 v_color;
layout (location = 0) out vec4 out_color;
void main() { out_color = v_color; })";

constexpr const char* kLineVertex = R"(#version 300 es
precision highp float;
layout (location = 0) in vec4 a_edge;  // the edge's start (xy) and end (zw), world units
uniform vec2 u_center;
uniform float u_ppu;
uniform vec2 u_screen_center;
uniform vec2 u_display;
uniform float u_width;                 // CSS px
uniform float u_dpr;
out highp float v_across;              // CSS px from the line's middle
void main() {
    vec2 s0 = u_screen_center + (a_edge.xy - u_center) * u_ppu;
    vec2 s1 = u_screen_center + (a_edge.zw - u_center) * u_ppu;
    vec2 d = s1 - s0;
    float len = length(d);
    int corner = gl_VertexID % 4;        // 0: start, left; 1: start, right; 2: end, left; 3: end, right
    if (len < 1e-6) {                    // no length on screen: nothing to draw
        gl_Position = vec4(2.0, 2.0, 0.0, 1.0);
        v_across = 0.0;
        return;
    }
    d /= len;
    vec2 n = vec2(-d.y, d.x);
    float half_w = u_width * 0.5 + 1.0 / u_dpr;   // plus one device pixel of fringe
    float side = (corner == 0 || corner == 2) ? 1.0 : -1.0;
    float ext = 0.5 * u_width;                   // overlap at the joints
    vec2 p = (corner < 2 ? s0 - d * ext : s1 + d * ext) + n * side * half_w;
    v_across = side * half_w;
    gl_Position = vec4(p.x / u_display.x * 2.0 - 1.0, 1.0 - p.y / u_display.y * 2.0, 0.0, 1.0);
})";

constexpr const char* kLineFragment = R"(#version 300 es
precision mediump float;
uniform vec4 u_color;
uniform highp float u_width;           // shared with the vertex shader: the same precision
uniform highp float u_dpr;
in highp float v_across;
layout (location = 0) out vec4 out_color;
void main() {
    float coverage = clamp((u_width * 0.5 - abs(v_across)) * u_dpr + 0.5, 0.0, 1.0);
    out_color = vec4(u_color.rgb, u_color.a * coverage);
})";

// The uniforms both programs share, looked up by name (a few calls per frame, no reads back of
// GL state: getUniformLocation is answered by the browser without a GPU round trip).
void SetCommon(GLuint program, const float center[2], float ppu, const float screen_center[2]) {
    const ImGuiIO& io = ImGui::GetIO();
    glUniform2f(glGetUniformLocation(program, "u_center"), center[0], center[1]);
    glUniform1f(glGetUniformLocation(program, "u_ppu"), ppu);
    glUniform2f(glGetUniformLocation(program, "u_screen_center"), screen_center[0], screen_center[1]);
    glUniform2f(glGetUniformLocation(program, "u_display"), io.DisplaySize.x, io.DisplaySize.y);
}

void Callback(const ImDrawList*, const ImDrawCmd* cmd) {
    auto* layer = static_cast<MapLayerGL*>(cmd->UserCallbackData);
    layer->Render(cmd->ClipRect.x, cmd->ClipRect.y, cmd->ClipRect.z, cmd->ClipRect.w);
}

}  // namespace

void MapLayerGL::Prepare() {
    if (!fill_program_ && !fill_pending_.program) fill_pending_ = StartProgram(kFillVertex, kFillFragment);
    if (!line_program_ && !line_pending_.program) line_pending_ = StartProgram(kLineVertex, kLineFragment);
    glFlush();  // sends the commands now; otherwise they wait in the browser's buffer for the next frame
}

bool MapLayerGL::EnsurePrograms() {
    Prepare();
    if (!fill_program_) fill_program_ = FinishProgram(fill_pending_, "map fills");
    if (!line_program_) line_program_ = FinishProgram(line_pending_, "map outlines");
    return fill_program_ && line_program_;
}

void MapLayerGL::Forget() {
    fill_program_ = line_program_ = 0;
    fill_pending_ = line_pending_ = {};
    fill_vao_ = fill_vbo_ = fill_ibo_ = line_vao_ = line_vbo_ = line_ibo_ = colors_ = 0;
    fill_count_ = line_count_ = 0;
    generation_ = -1;
    colors_dirty_ = true;
}

bool MapLayerGL::Sync(const MapGeometry& g, int generation) {
    if (generation == generation_ && fill_program_) return true;
    if (!EnsurePrograms()) return false;
    // Fills: one vertex array for all areas, indices shifted to it.
    size_t vertices = 0, indices = 0, edges = 0;
    for (const AreaGeometry& a : g.areas) {
        vertices += a.vertices.size();
        indices += a.indices.size();
        for (const RingRange& r : a.rings)
            if (r.count >= 2) edges += r.count;
    }
    std::vector<float> fill_v;
    std::vector<uint32_t> fill_i;
    fill_v.reserve(vertices * 3);
    fill_i.reserve(indices);
    for (size_t ai = 0; ai < g.areas.size(); ++ai) {
        const AreaGeometry& a = g.areas[ai];
        const uint32_t base = static_cast<uint32_t>(fill_v.size() / 3);
        for (const Vec2& v : a.vertices) {
            fill_v.push_back(v.x);
            fill_v.push_back(v.y);
            fill_v.push_back(static_cast<float>(ai));
        }
        for (uint32_t i : a.indices) fill_i.push_back(base + i);
    }
    if (!fill_vao_) {
        glGenVertexArrays(1, &fill_vao_);
        glGenBuffers(1, &fill_vbo_);
        glGenBuffers(1, &fill_ibo_);
        glGenVertexArrays(1, &line_vao_);
        glGenBuffers(1, &line_vbo_);
        glGenBuffers(1, &line_ibo_);
        glGenTextures(1, &colors_);
    }
    glBindVertexArray(fill_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, fill_vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(fill_v.size() * sizeof(float)), fill_v.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, fill_ibo_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(fill_i.size() * sizeof(uint32_t)), fill_i.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 3 * sizeof(float), nullptr);
    fill_count_ = static_cast<int>(fill_i.size());
    std::vector<float>().swap(fill_v);  // freed before the outlines' chunks
    std::vector<uint32_t>().swap(fill_i);

    // Outlines, in chunks of kChunk edges.
    constexpr size_t kChunk = 16384;
    glBindVertexArray(line_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, line_vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(edges * 16 * sizeof(float)), nullptr, GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, line_ibo_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(edges * 6 * sizeof(uint32_t)), nullptr, GL_STATIC_DRAW);
    std::vector<float> chunk_v;
    std::vector<uint32_t> chunk_i;
    chunk_v.reserve(std::min(edges, kChunk) * 16);
    chunk_i.reserve(std::min(edges, kChunk) * 6);
    size_t written = 0;  // edges already on the GPU
    auto flush = [&] {
        const size_t n = chunk_v.size() / 16;
        if (n == 0) return;
        glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(written * 16 * sizeof(float)),
                        static_cast<GLsizeiptr>(chunk_v.size() * sizeof(float)), chunk_v.data());
        glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLintptr>(written * 6 * sizeof(uint32_t)),
                        static_cast<GLsizeiptr>(chunk_i.size() * sizeof(uint32_t)), chunk_i.data());
        written += n;
        chunk_v.clear();
        chunk_i.clear();
    };
    for (const AreaGeometry& a : g.areas) {
        for (const RingRange& r : a.rings) {
            if (r.count < 2) continue;
            for (uint32_t k = 0; k < r.count; ++k) {
                const Vec2& p = a.vertices[r.start + k];
                const Vec2& q = a.vertices[r.start + (k + 1 == r.count ? 0 : k + 1)];
                const uint32_t base = static_cast<uint32_t>((written + chunk_v.size() / 16) * 4);
                for (int corner = 0; corner < 4; ++corner) {
                    chunk_v.push_back(p.x);
                    chunk_v.push_back(p.y);
                    chunk_v.push_back(q.x);
                    chunk_v.push_back(q.y);
                }
                const uint32_t quad[6] = {base, base + 1, base + 2, base + 1, base + 3, base + 2};
                chunk_i.insert(chunk_i.end(), quad, quad + 6);
                if (chunk_v.size() / 16 == kChunk) flush();
            }
        }
    }
    flush();
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    line_count_ = static_cast<int>(edges * 6);
    areas_ = static_cast<int>(g.areas.size());
    generation_ = generation;
    colors_dirty_ = true;
    platform::Mark("app:map-buffers-built");  // tests and the start-up breakdown: the map is on the GPU
    return true;
}

void MapLayerGL::SetColors(const std::vector<uint32_t>& abgr) {
    const size_t rows = std::max<size_t>(1, (abgr.size() + kColorRow - 1) / kColorRow);
    colors_cpu_.assign(rows * kColorRow, 0);
    std::copy(abgr.begin(), abgr.end(), colors_cpu_.begin());
    colors_dirty_ = true;
}

void MapLayerGL::Draw(ImDrawList* dl, const ViewTransform& view, uint32_t outline, float outline_px) {
    center_[0] = view.center_world.x;
    center_[1] = view.center_world.y;
    ppu_ = view.pixels_per_unit;
    screen_center_[0] = view.screen_origin.x + 0.5f * view.screen_size.x;
    screen_center_[1] = view.screen_origin.y + 0.5f * view.screen_size.y;
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(outline);
    outline_rgba_[0] = c.x, outline_rgba_[1] = c.y, outline_rgba_[2] = c.z, outline_rgba_[3] = c.w;
    outline_px_ = outline_px;
    dl->AddCallback(Callback, this);
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void MapLayerGL::Render(float x0, float y0, float x1, float y1) {
    if (!fill_program_ || generation_ < 0) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
    const float fb_h = io.DisplaySize.y * sy;
    if (x1 <= x0 || y1 <= y0) return;
    glScissor(static_cast<GLint>(x0 * sx), static_cast<GLint>(fb_h - y1 * sy), static_cast<GLsizei>((x1 - x0) * sx),
              static_cast<GLsizei>((y1 - y0) * sy));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, colors_);
    if (colors_dirty_ && !colors_cpu_.empty()) {
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        // ImGui's ABGR in memory is R, G, B, A: the texel bytes as they are.
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kColorRow, static_cast<GLsizei>(colors_cpu_.size() / kColorRow), 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, colors_cpu_.data());
        colors_dirty_ = false;
    }
    glUseProgram(fill_program_);
    SetCommon(fill_program_, center_, ppu_, screen_center_);
    glUniform1i(glGetUniformLocation(fill_program_, "u_colors"), 0);
    glBindVertexArray(fill_vao_);
    if (fill_count_ > 0) glDrawElements(GL_TRIANGLES, fill_count_, GL_UNSIGNED_INT, nullptr);
    glUseProgram(line_program_);
    SetCommon(line_program_, center_, ppu_, screen_center_);
    glUniform1f(glGetUniformLocation(line_program_, "u_width"), outline_px_);
    glUniform1f(glGetUniformLocation(line_program_, "u_dpr"), sx > 0 ? sx : 1.0f);
    glUniform4f(glGetUniformLocation(line_program_, "u_color"), outline_rgba_[0], outline_rgba_[1], outline_rgba_[2], outline_rgba_[3]);
    glBindVertexArray(line_vao_);
    if (line_count_ > 0) glDrawElements(GL_TRIANGLES, line_count_, GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
}

}  // namespace jcm::gl
