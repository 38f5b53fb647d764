// map_gl.h: the WebGL2 MapLayer (ui/map_layer.h): the map's fills and outlines in GPU buffers,
// drawn from an ImDrawList callback with one transform per frame and a texture of area colours.
#pragma once

#include "platform/render_gl.h"
#include "ui/map_layer.h"

namespace jcm::gl {

class MapLayerGL final : public MapLayer {
public:
    bool Sync(const MapGeometry& geometry, int generation) override;
    void SetColors(const std::vector<uint32_t>& abgr) override;
    void Draw(ImDrawList* dl, const ViewTransform& view, uint32_t outline, float outline_px) override;
    // Asks for the two programs to be compiled, without waiting (the first Sync waits).
    void Prepare();
    // After a lost and restored context: every GL object is gone; built again on the next Sync.
    void Forget();
    // Draws with the state Draw recorded (the ImDrawList callback).
    void Render(float clip_x0, float clip_y0, float clip_x1, float clip_y1);

private:
    bool EnsurePrograms();
    unsigned fill_program_ = 0, line_program_ = 0;
    PendingProgram fill_pending_, line_pending_;
    unsigned fill_vao_ = 0, fill_vbo_ = 0, fill_ibo_ = 0;
    unsigned line_vao_ = 0, line_vbo_ = 0, line_ibo_ = 0;
    unsigned colors_ = 0;
    // Levels of detail (core/simplify.h): per level its tolerance, its ranges of the fill and
    // outline index buffers (first index, count), and which level's buffers it draws.
    std::vector<float> tolerances_;
    std::vector<int> fill_first_, fill_counts_, level_first_, level_count_, level_draws_;
    int generation_ = -1;
    int areas_ = 0;
    bool colors_dirty_ = true;
    std::vector<uint32_t> colors_cpu_;     // the texture's texels (rows of 1024)
    // Set by Draw for the callback.
    float center_[2] = {0, 0}, screen_center_[2] = {0, 0}, ppu_ = 1;
    float outline_rgba_[4] = {1, 1, 1, 1}, outline_px_ = 1;
};

}  // namespace jcm::gl
