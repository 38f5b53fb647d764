// map_gl.h: the WebGL2 MapLayer (ui/map_layer.h): the map's fills and outlines in GPU buffers,
// drawn from an ImDrawList callback with one transform per frame and a texture of area colours.
#pragma once

#include <memory>
#include <vector>

#include "platform/render_gl.h"
#include "core/simplify.h"
#include "ui/map_layer.h"

namespace jcm::gl {

// A map program's uniform locations (-1 where it has none), looked up once per program: by name
// each frame, every lookup made the browser decode the name into a new string (garbage to collect
// while the map is dragged).
struct MapUniforms {
    int center = -1, ppu = -1, screen_center = -1, display = -1;  // both programs
    int colors = -1;                                              // fills
    int width = -1, dpr = -1, color = -1;                         // outlines
};

class MapLayerGL final : public MapLayer {
public:
    bool Sync(const MapGeometry& geometry, const BorderNodes* nodes, int generation) override;
    void SetColors(const std::vector<uint32_t>& abgr) override;
    void Draw(ImDrawList* dl, const ViewTransform& view, uint32_t outline, float outline_px) override;
    bool Busy() const override { return job_ != nullptr; }
    bool Step(double seconds) override;
    bool StepFirstLevel(double seconds) override;
    void Release() override;
    // Asks for the two programs to be compiled, without waiting (the first Sync waits).
    void Prepare();
    // After a lost and restored context: every GL object is gone; built again on the next Sync.
    void Forget();
    // Draws with the state Draw recorded (the ImDrawList callback).
    void Render(float clip_x0, float clip_y0, float clip_x1, float clip_y1);

private:
    // One level of detail (core/simplify.h): its own buffers, built the first time the view needs
    // it; a level that would keep more than 80% of every vertex is not kept (it draws the finest
    // level: `draws`).
    struct Level {
        float tolerance = 0;
        int draws = -1;  // the level whose buffers it draws; -1 not decided yet
        unsigned fill_vao = 0, fill_vbo = 0, fill_ibo = 0, line_vao = 0, line_vbo = 0, line_ibo = 0;
        int fill_count = 0, line_count = 0;  // indices
        size_t vertices = 0;
    };
    // One area's rings and triangles, as a level gives them.
    struct AreaSpan {
        const std::vector<Vec2>* vertices;
        const std::vector<RingRange>* rings;
        const std::vector<uint32_t>* indices;  // null: the geometry's area, triangulated as it is written
    };
    // Buffers being written through (BeginWrite, WriteArea): a fixed room of vertices and
    // indices, sent to the GPU when full.
    struct Chunk {
        unsigned vbo = 0, ibo = 0;
        size_t v_cap = 0, i_cap = 0;              // floats and indices held before a write
        std::vector<float> v;
        std::vector<uint32_t> i;
        size_t v_written = 0, i_written = 0;      // floats and indices on the GPU
        void Need(size_t dv, size_t di);          // room for dv floats and di indices (Flush first if need be)
        void Flush();
    };
    // A level being built, a share at a time (Step): its areas simplified (not for the finest
    // level: the geometry's own), then written to its buffers area by area.
    struct Job {
        size_t index = 0;                             // in levels_
        std::unique_ptr<LevelSimplifier> simplifier;  // while simplifying
        std::vector<SimplifiedArea> simple;           // then its areas (empty for the finest level)
        bool writing = false;
        size_t area = 0;                              // the next area to write
        Chunk fill, line;
        Triangulator triangulator;                    // the finest level's deferred triangles
        std::vector<uint32_t> made;
    };
    bool EnsurePrograms();
    // The level to draw for `pixels_per_unit`: the one it needs if built, else the nearest built
    // one while the one it needs is built in slices (Step); a map's coarsest level is built at
    // once for its first frame (nothing could be drawn meanwhile).
    const Level* LevelFor(float pixels_per_unit);
    bool Ready(size_t index) const;               // level `index` can be drawn now
    size_t Resolve(size_t index);                 // the level `index` draws: itself, or the finest (known or inferred)
    bool StartJob(size_t index);                  // a job for level `index` (resolved); false if it is built already
    // Works on job_ for about `seconds` (< 0: until done). True once its level is built.
    bool Advance(double seconds);
    AreaSpan SpanOf(const Job& job, size_t area) const;
    void BeginWrite(Job& job);                    // sizes and allocates the level's buffers
    void WriteArea(Job& job, size_t area);
    void FinishJob();                             // all of job_ now (its level built)
    void CancelJob();                             // its level's buffers freed, left unbuilt
    void DeleteBuffers(const Level& level);
    void DeleteLevels();
    unsigned fill_program_ = 0, line_program_ = 0;
    MapUniforms fill_uniforms_, line_uniforms_;
    PendingProgram fill_pending_, line_pending_;
    unsigned colors_ = 0;
    const MapGeometry* geometry_ = nullptr;  // what the levels are built from (Sync's)
    size_t full_vertices_ = 0;               // of the geometry: the finest level's

    std::vector<Level> levels_;              // coarsest first; the last is every vertex
    std::vector<float> tolerances_;
    const BorderNodes* nodes_ = nullptr;     // Sync's: the geometry's border nodes
    std::unique_ptr<Job> job_;               // the level the view wants, being built
    std::vector<bool> built_scratch_;        // LevelFor's: which levels can be drawn
    const Level* draw_ = nullptr;            // the level Draw chose, for Render
    int generation_ = -1;
    bool level_marked_ = false;  // app:map-level-built, once per dataset
    bool colors_dirty_ = true;
    std::vector<uint32_t> colors_cpu_;     // the texture's texels (rows of 1024)
    // Set by Draw for the callback.
    float center_[2] = {0, 0}, screen_center_[2] = {0, 0}, ppu_ = 1;
    float outline_rgba_[4] = {1, 1, 1, 1}, outline_px_ = 1;
};

}  // namespace jcm::gl
