// render_gl.h: draws ImGui's draw data with OpenGL ES 3.0 / WebGL2, and nothing else.
//
// Why not ImGui 1.86's imgui_impl_opengl3: before every frame it backs up the GL state with a
// dozen glGet* calls and restores it after. The app owns its GL context, so there is nothing to
// preserve, and in a browser each glGet is a synchronous WebGL getParameter that waits for the
// GPU process to finish the queued frames: measured at 120+ ms per frame on SwiftShader
// (BENCHMARKS.md). This renderer sets the state it needs and never reads any back.
#pragma once

struct ImDrawData;

namespace jcm::gl {

// Creates the buffers and vertex array and starts the shaders' compile and link (PendingProgram
// below); false if no program could be created.
bool Init();
// Waits for the program Init started (main.cpp, before the first frame is rendered): false if it
// does not compile or link (said on the console), or while the context is lost.
bool FinishInit();
// Deletes everything (or, after a lost context, just forgets it: pass context_lost = true).
void Shutdown(bool context_lost);
// (Re)uploads ImGui's font atlas (its coverage, one byte a pixel) as a texture and sets
// io.Fonts->TexID. The shader takes every pixel as white with that alpha: the atlas holds only
// glyphs and ImGui's white pixel, no coloured images.
void UploadFonts();
void Render(const ImDrawData* draw_data);
// A program whose compile and link have been asked for but not yet waited for: asking for a
// status waits for the GPU process (10-70 ms each on SwiftShader, BENCHMARKS.md "Start-up"), so
// ImGui's program and the map layer's are started at start-up and waited for at the first frame,
// once the data and the fonts are there.
struct PendingProgram {
    unsigned program = 0, vertex = 0, fragment = 0;
};
PendingProgram StartProgram(const char* vertex, const char* fragment);
// Waits for the link; the program, or 0 on failure (said on the console with `what`).
unsigned FinishProgram(PendingProgram& pending, const char* what);
// Both at once; for the map layer too.
unsigned LinkProgram(const char* vertex, const char* fragment, const char* what);

}  // namespace jcm::gl
