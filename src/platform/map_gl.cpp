// map_gl.cpp: see map_gl.h.
//
// Buffers, per level of detail (a small map's one level at Sync; a big map's coarsest level when
// first drawn, the others when a view first asks for them, a share at a time between frames:
// LevelFor, Step):
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

#include "core/simplify.h"
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

// A linked program's uniform locations.
MapUniforms FindUniforms(GLuint program) {
    MapUniforms u;
    u.center = glGetUniformLocation(program, "u_center");
    u.ppu = glGetUniformLocation(program, "u_ppu");
    u.screen_center = glGetUniformLocation(program, "u_screen_center");
    u.display = glGetUniformLocation(program, "u_display");
    u.colors = glGetUniformLocation(program, "u_colors");
    u.width = glGetUniformLocation(program, "u_width");
    u.dpr = glGetUniformLocation(program, "u_dpr");
    u.color = glGetUniformLocation(program, "u_color");
    return u;
}

// The uniforms both programs share.
void SetCommon(const MapUniforms& u, const float center[2], float ppu, const float screen_center[2]) {
    const ImGuiIO& io = ImGui::GetIO();
    glUniform2f(u.center, center[0], center[1]);
    glUniform1f(u.ppu, ppu);
    glUniform2f(u.screen_center, screen_center[0], screen_center[1]);
    glUniform2f(u.display, io.DisplaySize.x, io.DisplaySize.y);
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
    if (!fill_program_ && (fill_program_ = FinishProgram(fill_pending_, "map fills")) != 0)
        fill_uniforms_ = FindUniforms(fill_program_);
    if (!line_program_ && (line_program_ = FinishProgram(line_pending_, "map outlines")) != 0)
        line_uniforms_ = FindUniforms(line_program_);
    return fill_program_ && line_program_;
}

void MapLayerGL::Forget() {
    fill_program_ = line_program_ = 0;
    fill_pending_ = line_pending_ = {};
    colors_ = 0;
    levels_.clear();  // the context took their objects with it
    job_.reset();
    draw_ = nullptr;
    generation_ = -1;
    colors_dirty_ = true;
}

void MapLayerGL::DeleteBuffers(const Level& l) {
    const GLuint vaos[2] = {l.fill_vao, l.line_vao}, buffers[4] = {l.fill_vbo, l.fill_ibo, l.line_vbo, l.line_ibo};
    glDeleteVertexArrays(2, vaos);
    glDeleteBuffers(4, buffers);
}

void MapLayerGL::DeleteLevels() {
    for (const Level& l : levels_)
        if (l.draws == static_cast<int>(&l - levels_.data())) DeleteBuffers(l);
    levels_.clear();
    draw_ = nullptr;
}

void MapLayerGL::Release() {
    CancelJob();
    DeleteLevels();
    generation_ = -1;
    geometry_ = nullptr;
    nodes_ = nullptr;
}

bool MapLayerGL::Sync(const MapGeometry& g, const BorderNodes* nodes, int generation) {
    if (generation != generation_) CancelJob();  // (before anything else: it reads the geometry it was started for)
    geometry_ = &g;
    nodes_ = nodes;
    if (generation == generation_ && fill_program_) return true;
    if (!EnsurePrograms()) return false;
    if (!colors_) glGenTextures(1, &colors_);
    // New data: the levels' tolerances; a small map's only level (every vertex) built now, a big
    // map's levels when a view first needs them (LevelFor, in this frame's Draw: the first at
    // once, the others in shares, Step): at the fitted view a million vertices need a few percent
    // of them, and uploading every one (about 110 MB of buffers) took longer than building the
    // map's geometry.
    DeleteLevels();
    tolerances_ = LevelTolerances(g.bounds);
    levels_.resize(tolerances_.size());
    for (size_t l = 0; l < levels_.size(); ++l) levels_[l].tolerance = tolerances_[l];
    full_vertices_ = 0;
    for (const AreaGeometry& a : g.areas) full_vertices_ += a.vertices.size();
    if (!g.fills_deferred && StartJob(levels_.size() - 1)) FinishJob();  // (the finest level draws itself)
    generation_ = generation;
    colors_dirty_ = true;
    platform::Mark("app:map-buffers-built");  // tests and the start-up breakdown: the map is on the GPU
    level_marked_ = false;
    return true;
}

bool MapLayerGL::Ready(size_t index) const {
    const int d = levels_[index].draws;
    return d >= 0 && levels_[static_cast<size_t>(d)].draws == d;  // a level draws itself once written
}

const MapLayerGL::Level* MapLayerGL::LevelFor(float pixels_per_unit) {
    if (levels_.empty() || geometry_ == nullptr) return nullptr;
    if (!geometry_->fills_deferred) return &levels_.back();
    const size_t want = static_cast<size_t>(ChooseLevel(tolerances_, pixels_per_unit));
    const auto nearest = [&] {
        built_scratch_.assign(levels_.size(), false);
        for (size_t l = 0; l < levels_.size(); ++l) built_scratch_[l] = Ready(l);
        return NearestBuiltLevel(built_scratch_, static_cast<int>(want));
    };
    // The level to build for `want`: itself, or the finest level it was found (or is known) to
    // draw. A job for another level is left to finish when the view went back to a level it has
    // (a pinch about a level's threshold would start it again and again); it is kept once built.
    size_t target = Resolve(want);
    bool start = !Ready(target) && !(job_ && job_->index == target);
    int drawn = nearest();
    if (drawn < 0) {
        // The map's first frame: nothing to draw meanwhile, so the coarsest level is built now (on
        // the bench's million-vertex map 3% of the vertices, a quarter of what its fitted view
        // asks for) and drawn while the view's own level is built in shares (Step).
        StepFirstLevel(-1.0);  // (at once)
        drawn = nearest();
        target = Resolve(want);
        start = !Ready(target);
    }
    if (start) {
        CancelJob();
        if (StartJob(target)) platform::Mark("app:map-level-started");  // tests: built in shares from now (Step), `drawn` meanwhile
    }
    if (drawn < 0) return nullptr;
    if (!level_marked_) {
        // The start-up breakdown of a big map: its first level of detail (one simplification, its
        // triangles) is on the GPU; a small map's was built with its buffers.
        level_marked_ = true;
        platform::Mark("app:map-level-built");
    }
    return &levels_[static_cast<size_t>(levels_[static_cast<size_t>(drawn)].draws)];
}

size_t MapLayerGL::Resolve(size_t index) {
    // A level finer than one found not worth its memory would keep even more: it draws the
    // finest level too, without being simplified to find out.
    const int last = static_cast<int>(levels_.size()) - 1;
    for (size_t k = 0; static_cast<int>(index) != last && k < index && levels_[index].draws < 0; ++k)
        if (levels_[k].draws == last) levels_[index].draws = last;
    return levels_[index].draws >= 0 ? static_cast<size_t>(levels_[index].draws) : index;
}

bool MapLayerGL::StartJob(size_t index) {
    if (Ready(index)) return false;
    job_ = std::make_unique<Job>();
    job_->index = index;
    if (index + 1 < levels_.size())
        job_->simplifier = std::make_unique<LevelSimplifier>(geometry_->areas, nodes_, levels_[index].tolerance);
    return true;
}

void MapLayerGL::FinishJob() {
    while (!Advance(-1.0)) {}
    job_.reset();
}

void MapLayerGL::CancelJob() {
    if (!job_) return;
    Level& l = levels_[job_->index];
    if (job_->writing) DeleteBuffers(l);
    const float tolerance = l.tolerance;
    l = Level{};
    l.tolerance = tolerance;
    job_.reset();
}

bool MapLayerGL::Step(double seconds) {
    if (!job_) return false;
    platform::Mark("app:map-level-share");  // tests: a level is built in shares
    if (!Advance(seconds)) return false;
    job_.reset();
    platform::Mark("app:map-level-ready");  // tests: a level built in slices is there to be drawn
    return true;
}

bool MapLayerGL::StepFirstLevel(double seconds) {
    if (levels_.empty() || geometry_ == nullptr || !geometry_->fills_deferred) return true;
    const size_t first = Resolve(0);  // as LevelFor's first frame would build it
    if (Ready(first)) return true;
    if (!job_ || job_->index != first) {
        CancelJob();
        if (!StartJob(first)) return true;
    }
    if (!Advance(seconds)) return false;
    job_.reset();
    return Ready(Resolve(0));  // (a level found not worth its memory: the finest is built next)
}

bool MapLayerGL::Advance(double seconds) {
    // The simplification in shares of this many source vertices, and the writing area by area,
    // until the time is up (checked between them: a few ms of wasm each here).
    constexpr size_t kVerticesPerShare = 5000;
    Job& job = *job_;
    const double start = platform::Now();
    const auto more = [&] { return seconds < 0 || platform::Now() - start < seconds; };
    do {
        if (job.simplifier) {
            if (!job.simplifier->Step(kVerticesPerShare)) continue;
            // Not worth its memory if it keeps more than 80% of every vertex: it draws the finest
            // level (decided against the geometry's own count, so what is drawn never depends on
            // the levels built before), built next if it is not yet.
            Level& level = levels_[job.index];
            const size_t last = levels_.size() - 1;
            if (job.simplifier->Kept() * 5 > full_vertices_ * 4) {
                level.draws = static_cast<int>(last);
                job.simplifier.reset();
                if (Ready(last)) return true;
                job.index = last;
            } else {
                job.simple = job.simplifier->Take();
                job.simplifier.reset();
            }
            continue;
        }
        if (!job.writing) {
            BeginWrite(job);
            // The GPU process makes the buffers (tens of MB for a fine level, zeroed) while this
            // share ends: written at once, the first write waited for them (~100-200 ms here).
            glFlush();
            if (seconds >= 0) return false;
            continue;
        }
        if (job.area < geometry_->areas.size()) {
            WriteArea(job, job.area++);
            continue;
        }
        job.fill.Flush();
        job.line.Flush();
        Level& level = levels_[job.index];
        level.fill_count = static_cast<int>(job.fill.i_written);
        level.draws = static_cast<int>(job.index);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
        return true;
    } while (more());
    return false;
}

MapLayerGL::AreaSpan MapLayerGL::SpanOf(const Job& job, size_t a) const {
    if (!job.simple.empty()) return AreaSpan{&job.simple[a].vertices, &job.simple[a].rings, &job.simple[a].indices};
    const AreaGeometry& area = geometry_->areas[a];
    return AreaSpan{&area.vertices, &area.rings, geometry_->fills_deferred ? nullptr : &area.indices};
}

void MapLayerGL::Chunk::Need(size_t dv, size_t di) {
    if (v.size() + dv > v_cap || i.size() + di > i_cap) Flush();
}

void MapLayerGL::Chunk::Flush() {
    if (v.empty() && i.empty()) return;
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(v_written * sizeof(float)), static_cast<GLsizeiptr>(v.size() * sizeof(float)), v.data());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo);
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLintptr>(i_written * sizeof(uint32_t)),
                    static_cast<GLsizeiptr>(i.size() * sizeof(uint32_t)), i.data());
    v_written += v.size();
    i_written += i.size();
    v.clear();
    i.clear();
}

// Fills as (x, y, area) with their triangles' indices; outlines as 4 vertices (a.xy, b.xy) and 6
// indices per edge, one edge per ring vertex. Written in chunks, so the wasm heap never holds a
// copy of them all. Deferred triangles (AreaSpan::indices null) are made area by area as they
// are written, into room for as many as they can be (MaxFillIndices); the level draws those made.
void MapLayerGL::BeginWrite(Job& job) {
    Level& level = levels_[job.index];
    size_t vertices = 0, indices = 0, edges = 0;
    for (size_t a = 0; a < geometry_->areas.size(); ++a) {
        const AreaSpan s = SpanOf(job, a);
        vertices += s.vertices->size();
        indices += s.indices ? s.indices->size() : MaxFillIndices(geometry_->areas[a]);
        for (const RingRange& r : *s.rings) edges += r.count;
    }
    level.vertices = vertices;
    level.line_count = static_cast<int>(edges * 6);
    glGenVertexArrays(1, &level.fill_vao);
    glGenVertexArrays(1, &level.line_vao);
    GLuint buffers[4];
    glGenBuffers(4, buffers);
    level.fill_vbo = buffers[0], level.fill_ibo = buffers[1], level.line_vbo = buffers[2], level.line_ibo = buffers[3];
    glBindVertexArray(level.fill_vao);
    glBindBuffer(GL_ARRAY_BUFFER, level.fill_vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices * 3 * sizeof(float)), nullptr, GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, level.fill_ibo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices * sizeof(uint32_t)), nullptr, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 3 * sizeof(float), nullptr);
    glBindVertexArray(level.line_vao);
    glBindBuffer(GL_ARRAY_BUFFER, level.line_vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(edges * 16 * sizeof(float)), nullptr, GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, level.line_ibo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(edges * 6 * sizeof(uint32_t)), nullptr, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
    glBindVertexArray(0);  // the element buffer binding is the VAO's: none bound while writing

    // Written through two fixed buffers of 16,384 vertices (fills) or edges (outlines) each, about
    // 1.5 MB in all: growing vectors of a level's data took 24 MiB of wasm heap at once (a heap
    // never gives memory back).
    constexpr size_t kChunk = 16384;
    job.fill = Chunk{level.fill_vbo, level.fill_ibo, kChunk * 3, kChunk * 3, {}, {}};
    job.line = Chunk{level.line_vbo, level.line_ibo, kChunk * 16, kChunk * 6, {}, {}};
    for (Chunk* c : {&job.fill, &job.line}) c->v.reserve(c->v_cap), c->i.reserve(c->i_cap);
    job.writing = true;
    job.area = 0;
}

void MapLayerGL::WriteArea(Job& job, size_t a) {
    Chunk& fill = job.fill;
    Chunk& line = job.line;
    const AreaSpan s = SpanOf(job, a);
    const std::vector<Vec2>& vs = *s.vertices;
    const auto base = static_cast<uint32_t>((fill.v_written + fill.v.size()) / 3);
    for (const Vec2& v : vs) {
        fill.Need(3, 0);
        fill.v.insert(fill.v.end(), {v.x, v.y, static_cast<float>(a)});
    }
    const std::vector<uint32_t>* tris = s.indices;
    if (!tris) {
        TriangulateArea(geometry_->areas[a], job.triangulator, job.made);
        job.made.resize(std::min(job.made.size(), MaxFillIndices(geometry_->areas[a])) / 3 * 3);  // never past its room
        tris = &job.made;
    }
    for (uint32_t i : *tris) {
        fill.Need(0, 1);
        fill.i.push_back(base + i);
    }
    for (const RingRange& r : *s.rings) {
        for (uint32_t k = 0; k < r.count; ++k) {
            const Vec2& p = vs[r.start + k];
            const Vec2& q = vs[r.start + (k + 1 == r.count ? 0 : k + 1)];
            line.Need(16, 6);
            const auto b = static_cast<uint32_t>((line.v_written + line.v.size()) / 4);
            for (int corner = 0; corner < 4; ++corner) line.v.insert(line.v.end(), {p.x, p.y, q.x, q.y});
            line.i.insert(line.i.end(), {b, b + 1, b + 2, b + 1, b + 3, b + 2});
        }
    }
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
    // The coarsest level of detail under half a device pixel at this zoom.
    const float dpr = ImGui::GetIO().DisplayFramebufferScale.x;
    draw_ = LevelFor(ppu_ * (dpr > 0 ? dpr : 1.0f));
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
    if (draw_ == nullptr) return;
    auto draw = [](int count) {
        if (count > 0) glDrawElements(GL_TRIANGLES, count, GL_UNSIGNED_INT, nullptr);
    };
    glUseProgram(fill_program_);
    SetCommon(fill_uniforms_, center_, ppu_, screen_center_);
    glUniform1i(fill_uniforms_.colors, 0);
    glBindVertexArray(draw_->fill_vao);
    draw(draw_->fill_count);
    glUseProgram(line_program_);
    SetCommon(line_uniforms_, center_, ppu_, screen_center_);
    glUniform1f(line_uniforms_.width, outline_px_);
    glUniform1f(line_uniforms_.dpr, sx > 0 ? sx : 1.0f);
    glUniform4f(line_uniforms_.color, outline_rgba_[0], outline_rgba_[1], outline_rgba_[2], outline_rgba_[3]);
    glBindVertexArray(draw_->line_vao);
    draw(draw_->line_count);
    glBindVertexArray(0);
}

}  // namespace jcm::gl
