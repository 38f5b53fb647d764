// main.cpp: Jining Campaign Map, top to bottom.
//
// Set up SDL and a WebGL2 (GLES 3.0) context, create the ImGui context and its SDL + OpenGL3
// backends, start fetching the data and the font, then run the frame loop. The loop renders only
// when something changed (input, resize, a finished download) and sleeps otherwise.
#include <SDL.h>
#include <SDL_opengles2.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>

#include "platform/platform.h"
#include "ui/app.h"

namespace {

SDL_Window* g_window = nullptr;
jcm::AppState* g_app = nullptr;  // on the heap: main() never returns to keep stack objects alive

// Frames to keep drawing after the last event: ImGui settles hover and layout over two frames.
constexpr int kFramesAfterInput = 3;

void Frame() {
    jcm::AppState& app = *g_app;
    ImGuiIO& io = ImGui::GetIO();

    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        app.frames_to_draw = std::max(app.frames_to_draw, kFramesAfterInput);
    }

    // Bake the font atlas when the font file or the set of characters to show changed, or the
    // device pixel ratio did (browser zoom, another screen).
    const float dpr = jcm::platform::DevicePixelRatio();
    if (jcm::FontsNeedBaking(app, dpr)) {
        jcm::BakeAppFonts(app, dpr);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        app.frames_to_draw = std::max(app.frames_to_draw, kFramesAfterInput);
    }

    if (app.frames_to_draw <= 0 || !jcm::ReadyToDraw(app)) {
        jcm::platform::Sleep();
        return;
    }
    --app.frames_to_draw;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // The SDL backend reports 0 when the clock has not advanced (seen under headless virtual
    // time); ImGui asserts on that.
    if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 1000.0f;
    ImGui::NewFrame();
    jcm::DrawApp(app);
    ImGui::Render();

    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(g_window, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(g_window);
    jcm::AfterFramePresented(app);
}

}  // namespace

int main(int, char**) {
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        jcm::platform::ShowPageError("无法初始化 · Could not start", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    g_window = SDL_CreateWindow("济宁百日攻坚地图", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 800,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext gl = g_window ? SDL_GL_CreateContext(g_window) : nullptr;
    if (!gl) {
        jcm::platform::ShowPageError("无法创建 WebGL 2 画布 · Could not create a WebGL 2 canvas", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(g_window, gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini: layout comes from the app, not saved state
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep the app awake
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(g_window, gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    g_app = new jcm::AppState();
    jcm::StartApp(*g_app);
    jcm::platform::RunMainLoop(Frame);
    return 0;
}
