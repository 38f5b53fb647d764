// main.cpp: Jining Campaign Map, top to bottom.
//
// Set up SDL and a WebGL2 (GLES 3.0) context, create the ImGui context with its SDL input
// backend and our renderer (platform/render_gl.h), start fetching the data and the font, then
// run the frame loop. The loop renders only
// when something changed (input, resize, a finished download) and sleeps otherwise.
#include <SDL.h>
#include <SDL_opengles2.h>
#include <imgui.h>
#include <imgui_impl_sdl2.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

#include "platform/platform.h"
#include "platform/map_gl.h"
#include "platform/render_gl.h"
#include "ui/app.h"

namespace {

SDL_Window* g_window = nullptr;
jcm::AppState* g_app = nullptr;  // on the heap: main() never returns to keep stack objects alive

// Fingers on the screen, in the order they touched (SDL reports them one event at a time).
struct Finger {
    SDL_FingerID id;
    float x, y;  // normalised 0..1 over the canvas
};
Finger g_fingers[10];
int g_finger_count = 0;

// Translates what ImGui's SDL backend does not use (precise wheel, multi-touch) into AppState.
void TrackPointer(jcm::AppState& app, const SDL_Event& e) {
    switch (e.type) {
        case SDL_MOUSEWHEEL:
            app.input.wheel += e.wheel.preciseY;
            break;
        case SDL_KEYDOWN:
            switch (e.key.keysym.sym) {
                case SDLK_LEFT: app.input.keys |= jcm::kKeyLeft; break;
                case SDLK_RIGHT: app.input.keys |= jcm::kKeyRight; break;
                case SDLK_UP: app.input.keys |= jcm::kKeyUp; break;
                case SDLK_DOWN: app.input.keys |= jcm::kKeyDown; break;
                case SDLK_TAB: app.input.keys |= (e.key.keysym.mod & KMOD_SHIFT) ? jcm::kKeyPrevious : jcm::kKeyNext; break;
                case SDLK_ESCAPE: app.input.keys |= jcm::kKeyEscape; break;
                default: break;
            }
            break;
        case SDL_MOUSEMOTION:
        case SDL_MOUSEBUTTONDOWN:
            if (e.motion.which != SDL_TOUCH_MOUSEID) app.input.touch_mode = false;
            break;
        case SDL_FINGERDOWN:
            app.input.touch_mode = true;
            if (g_finger_count < 10) g_fingers[g_finger_count++] = {e.tfinger.fingerId, e.tfinger.x, e.tfinger.y};
            break;
        case SDL_FINGERMOTION:
            for (int i = 0; i < g_finger_count; ++i)
                if (g_fingers[i].id == e.tfinger.fingerId) g_fingers[i] = {e.tfinger.fingerId, e.tfinger.x, e.tfinger.y};
            break;
        case SDL_FINGERUP:
            for (int i = 0; i < g_finger_count; ++i) {
                if (g_fingers[i].id != e.tfinger.fingerId) continue;
                for (int k = i + 1; k < g_finger_count; ++k) g_fingers[k - 1] = g_fingers[k];
                --g_finger_count;
                break;
            }
            // After a tap SDL's emulated mouse stays where the finger was; ImGui's input queue
            // sees the release first, then the pointer leaves, so nothing stays hovered.
            if (g_finger_count == 0) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            break;
        default:
            break;
    }
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    app.input.touch_count = g_finger_count;
    for (int i = 0; i < 2 && i < g_finger_count; ++i)
        app.input.touch[i] = jcm::Vec2{g_fingers[i].x * size.x, g_fingers[i].y * size.y};
}

SDL_Event g_deferred;  // a press held back one frame (Frame)
bool g_has_deferred = false;

// One input event to ImGui and to the app's own tracking. Key routing: on the map, Tab/Shift+Tab
// and Esc are the app's (next/previous area, back); ImGui's tabbing, which is always on, must not
// see them; a popup (the data menu, the record dialog) takes Esc itself: it closes. In the panel
// ImGui's keyboard navigation owns them.
void HandleEvent(jcm::AppState& app, const SDL_Event& event) {
    const bool popup = ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    const bool map_key = (event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) && !app.nav_panel &&
                         (event.key.keysym.sym == SDLK_TAB || (event.key.keysym.sym == SDLK_ESCAPE && !popup));
    if (!map_key) ImGui_ImplSDL2_ProcessEvent(&event);
    TrackPointer(app, event);
    // While the map is dragged or pinched, a pointer input changes only the view: one frame
    // shows it (nothing hovers, the semantics are paused; the gesture's end asks for the frames
    // that settle the rest, jcm::DrawApp; a key that changes what is shown changes the items,
    // which ask for more frames too). Any other input: the frames ImGui needs to settle.
    if (app.map.dragging || app.map.gesture) app.frames_to_draw = std::max(app.frames_to_draw, 1);
    else jcm::RequestRedraw(app);
}

// Said in the page when the shaders cannot be made (at start-up or at the first frame).
constexpr const char* kShaderError = "无法初始化 WebGL 2 着色器 · Could not set up the WebGL 2 shaders";

// WebGL context loss. When the browser drops the context (GPU reset, driver update, a mobile tab
// in the background), web/app.js's preventDefault on 'webglcontextlost' lets it restore one later;
// SDL2's emscripten backend does nothing about either event, and the restored context is the
// same WebGLRenderingContext with every buffer, shader and texture gone. So once restored,
// ImGui's GL objects (shaders, buffers, the font texture) are recreated and the frame redrawn.
// While the context is lost GL calls are no-ops, so nothing else needs to change.
// The renderer forgets the dead objects and makes new ones; the font atlas is baked and
// uploaded again on the next frame (its pixels are not kept in memory after an upload).
jcm::gl::MapLayerGL g_map_layer;  // the map's boundaries on the GPU (ui/map_layer.h)

void RecreateGlObjectsIfContextRestored(jcm::AppState& app) {
    if (!jcm::platform::TakeContextRestored()) return;
    jcm::gl::Shutdown(/*context_lost=*/true);
    jcm::gl::Init();
    g_map_layer.Forget();     // its buffers are built again on the next frame
    g_map_layer.Prepare();
    app.fonts.baked_dpr = 0;  // forces FontsNeedBaking
    jcm::RequestRedraw(app);
}

void Frame() {
    jcm::AppState& app = *g_app;
    ImGuiIO& io = ImGui::GetIO();

    // A press right after the pointer moved waits for the next frame: ImGui's input queue hands
    // both over in one frame, and controls that allow overlap (table headers and rows) take a
    // press only where the pointer already was in the frame before, so a click or tap that
    // arrives with its pointer jump (a tap, a screen reader's or a test's click) would be lost.
    SDL_Event event;
    bool moved = false;
    if (g_has_deferred) {
        HandleEvent(app, g_deferred);
        g_has_deferred = false;
    }
    while (SDL_PollEvent(&event)) {
        // After a tap ImGui's pointer was taken away (TrackPointer), but SDL's emulated mouse is
        // still where the last finger was and sends no motion for a tap on the same spot: the
        // press brings its own position, a frame ahead.
        const bool jumped = event.type == SDL_MOUSEBUTTONDOWN &&
                            (io.MousePos.x != static_cast<float>(event.button.x) || io.MousePos.y != static_cast<float>(event.button.y));
        if (event.type == SDL_MOUSEBUTTONDOWN && (moved || jumped)) {
            if (jumped) {
                io.AddMouseSourceEvent(event.button.which == SDL_TOUCH_MOUSEID ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
                io.AddMousePosEvent(static_cast<float>(event.button.x), static_cast<float>(event.button.y));
            }
            g_deferred = event;
            g_has_deferred = true;
            jcm::RequestRedraw(app);
            break;  // the rest stays queued, in order, for the next frame
        }
        moved |= event.type == SDL_MOUSEMOTION;
        HandleEvent(app, event);
    }
    jcm::UpdateApp(app);
    RecreateGlObjectsIfContextRestored(app);  // (first: a level of detail being built writes to the GPU)
    // Bake the font atlas when the font file or the set of characters to show changed, or the
    // device pixel ratio did (browser zoom, another screen); else a step of a big load's work.
    bool draw = true;
    if (jcm::PrepareFrame(app, jcm::platform::DevicePixelRatio(), &draw)) jcm::gl::UploadFonts();
    if (!draw) return;

    if (app.frames_to_draw <= 0 || !jcm::ReadyToDraw(app)) {
        jcm::platform::Sleep();
        return;
    }
    --app.frames_to_draw;

    ImGui_ImplSDL2_NewFrame();
    // The SDL backend reports 0 when the clock has not advanced (seen under headless virtual
    // time); ImGui asserts on that.
    if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 1000.0f;
    // ImGui's keyboard navigation only while the keyboard is in the panel (see AppState).
    if (app.nav_panel) io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    else io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::NewFrame();
    jcm::DrawApp(app);
    ImGui::Render();
    // ImGui's input queue hands over one change per frame (a tap: move, press, release): draw
    // until it is empty, or a quick tap's result would wait for the next input.
    if (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0) jcm::RequestRedraw(app);
    app.input.wheel = 0;
    app.input.keys = 0;

    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(g_window, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    // The shaders main() started are waited for here, at the first frame, not at start-up. A
    // context lost meanwhile is not their failure: its restore starts them again.
    if (!jcm::gl::FinishInit()) {
        static bool said = false;
        if (!said && !jcm::platform::ContextLost()) {
            jcm::platform::ShowPageError(kShaderError, "");
            said = true;
        }
        jcm::platform::Sleep();  // no frame can be drawn; an input or the restore wakes the loop
        return;
    }
    jcm::gl::Render(ImGui::GetDrawData());
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
    // No title here: the page title comes from the data (platform::SetPageInfo, tools/shell-from-data.mjs).
    g_window = SDL_CreateWindow(nullptr, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 800,
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
    // ImGui keyboard navigation is switched on per frame only while the keyboard is in the panel:
    // on the map the app's own keys (arrows pan, Tab selects the next area...) would fight it.
    ImGui_ImplSDL2_InitForOpenGL(g_window, gl);
    if (!jcm::gl::Init()) {
        jcm::platform::ShowPageError(kShaderError, "");
        return 1;
    }

    g_map_layer.Prepare();  // compiled by the GPU process while the data and fonts load
    jcm::platform::Mark("app:gl-ready");  // start-up breakdown: SDL, WebGL 2 and ImGui set up, shaders started
    g_app = new jcm::AppState();
    g_app->map_layer = &g_map_layer;
    jcm::StartApp(*g_app);
    jcm::platform::RunMainLoop(Frame);
    return 0;
}
