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

// Creates the shader, buffers and vertex array; false if the shader does not compile or link.
bool Init();
// Deletes everything (or, after a lost context, just forgets it: pass context_lost = true).
void Shutdown(bool context_lost);
// (Re)uploads ImGui's font atlas as a texture and sets io.Fonts->TexID.
void UploadFonts();
void Render(const ImDrawData* draw_data);
// Compiles and links a program (0 on failure, said on the console with `what`); for the map layer too.
unsigned LinkProgram(const char* vertex, const char* fragment, const char* what);

}  // namespace jcm::gl
