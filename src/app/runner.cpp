#include "app/runner.hpp"

#include "app/fonts.hpp"
#include "app/screenshot.hpp"
#include "ui/bmp_text.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace lernraum::app {

static_assert(ui::key::Escape == GLFW_KEY_ESCAPE && ui::key::Enter == GLFW_KEY_ENTER && ui::key::F1 == GLFW_KEY_F1 &&
              ui::key::F2 == GLFW_KEY_F2 && ui::key::F5 == GLFW_KEY_F5 && ui::key::F6 == GLFW_KEY_F6 && ui::key::F11 == GLFW_KEY_F11 &&
              ui::key::Tab == GLFW_KEY_TAB);

namespace {

// Frames rendered after an event before blocking again: enough for ImGui to settle hover states
// and auto-sized layouts.
constexpr int kFramesAfterInput = 3;

Runner* runnerOf(GLFWwindow* window) { return static_cast<Runner*>(glfwGetWindowUserPointer(window)); }

void glfwError(int code, const char* description) { std::fprintf(stderr, "lernraum: glfw error %d: %s\n", code, description); }

} // namespace

Runner::~Runner() {
    if (m_imguiReady) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (m_window) glfwDestroyWindow(m_window);
    glfwTerminate();
}

std::string Runner::open(const RunnerOptions& options) {
    glfwSetErrorCallback(glfwError);
    if (!glfwInit()) return "cannot initialise GLFW (is there a display? try xvfb-run)";
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // WM_CLASS "lernraum": desktops match the window to its .desktop file (StartupWMClass).
    glfwWindowHintString(GLFW_X11_CLASS_NAME, "lernraum");
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "lernraum");
    m_title = options.title;
    m_window = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    if (!m_window) return "cannot create an OpenGL 3.3 window";
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(1);
    glfwSetWindowUserPointer(m_window, this);

    float xs = 1.0f;
    float ys = 1.0f;
    glfwGetWindowContentScale(m_window, &xs, &ys);
    m_contentScale = ys > 0.0f ? ys : 1.0f;

    // Our callbacks first: ImGui's backend chains to them.
    glfwSetKeyCallback(m_window, keyCallback);
    glfwSetCharCallback(m_window, [](GLFWwindow* w, unsigned int) { anyEventCallback(w); });
    glfwSetMouseButtonCallback(m_window, mouseButtonCallback);
    glfwSetScrollCallback(m_window, [](GLFWwindow* w, double, double) { anyEventCallback(w); });
    glfwSetCursorPosCallback(m_window, [](GLFWwindow* w, double, double) { anyEventCallback(w); });
    glfwSetCursorEnterCallback(m_window, [](GLFWwindow* w, int) { anyEventCallback(w); });
    glfwSetWindowFocusCallback(m_window, [](GLFWwindow* w, int) { anyEventCallback(w); });
    glfwSetWindowRefreshCallback(m_window, [](GLFWwindow* w) { anyEventCallback(w); });
    glfwSetFramebufferSizeCallback(m_window, [](GLFWwindow* w, int, int) { anyEventCallback(w); });
    glfwSetWindowContentScaleCallback(m_window, [](GLFWwindow* w, float, float y) {
        if (Runner* r = runnerOf(w)) r->m_contentScale = y > 0.0f ? y : 1.0f, r->m_firstApply = true;
        anyEventCallback(w);
    });
    glfwSetWindowCloseCallback(m_window, [](GLFWwindow* w) {
        glfwSetWindowShouldClose(w, GLFW_FALSE); // the GUI decides (unsaved changes)
        if (Runner* r = runnerOf(w); r && r->onCloseRequest) r->onCloseRequest();
        anyEventCallback(w);
    });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    m_iniPath = options.iniPath;
    io.IniFilename = m_iniPath.empty() ? nullptr : m_iniPath.c_str();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (!ImGui_ImplGlfw_InitForOpenGL(m_window, true) || !ImGui_ImplOpenGL3_Init("#version 330 core")) {
        return "cannot initialise Dear ImGui's GLFW/OpenGL backends";
    }
    // Emoji survive copy and paste through ImGui's 16-bit text fields (ui/bmp_text.hpp).
    ui::mapClipboardPlaceholders(ImGui::GetIO());
    m_redraw.init();
    m_imguiReady = true;
    return {};
}

void Runner::anyEventCallback(GLFWwindow* window) {
    if (Runner* r = runnerOf(window)) {
        r->m_framesToRender = kFramesAfterInput;
        r->m_wantsFrame = true;
    }
}

void Runner::keyCallback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    anyEventCallback(window);
    Runner* r = runnerOf(window);
    if (!r) return;
    if (key >= 0 && key < 512) {
        if (action == GLFW_PRESS) r->m_pressedInPoll.push_back(key);
        if (action == GLFW_RELEASE) r->m_releasedInPoll.push_back(key);
    }
    if (!r->onKey || (action != GLFW_PRESS && action != GLFW_REPEAT)) return;
    ui::KeyChord chord;
    chord.key = key;
    // Printable keys: use the character of the user's layout (German Z is GLFW's physical Y).
    if (key >= GLFW_KEY_SPACE && key <= GLFW_KEY_WORLD_2) {
        if (const char* name = glfwGetKeyName(key, scancode); name && name[0] && !name[1] &&
                                                               static_cast<unsigned char>(name[0]) < 128) {
            chord.key = std::toupper(static_cast<unsigned char>(name[0]));
        }
    } else if (key == GLFW_KEY_KP_ADD) {
        chord.key = '+';
    } else if (key == GLFW_KEY_KP_SUBTRACT) {
        chord.key = '-';
    } else if (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_9) {
        chord.key = '0' + (key - GLFW_KEY_KP_0);
    }
    chord.ctrl = (mods & GLFW_MOD_CONTROL) != 0;
    chord.shift = (mods & GLFW_MOD_SHIFT) != 0;
    chord.alt = (mods & GLFW_MOD_ALT) != 0;
    r->onKey(chord);
}

void Runner::waitForEvents(bool wakeEverySecond, double timeout) {
    double wait = wakeEverySecond ? 1.0 : -1.0; // < 0: until an event
    if (timeout >= 0.0) wait = wait < 0.0 ? timeout : std::min(wait, timeout);
    waitForEventsTimeout(wait);
}

void Runner::waitForEventsTimeout(double wait) {
    releaseDeferredKeys();
    m_wantsFrame = m_framesToRender > 0;
    if (m_framesToRender > 0) {
        --m_framesToRender;
        glfwPollEvents();
    } else if (wait < 0.0) {
        glfwWaitEvents();
    } else if (wait < 0.001) {
        glfwPollEvents(); // glfwWaitEventsTimeout wants a positive time
    } else {
        glfwWaitEventsTimeout(wait);
    }
    // Whatever woke us (an event or the timer's second) gets at least this frame.
    keepShortPresses();
    if (m_framesToRender > 0) m_wantsFrame = true;
}

void Runner::mouseButtonCallback(GLFWwindow* window, int button, int action, int) {
    anyEventCallback(window);
    Runner* r = runnerOf(window);
    if (r && action == GLFW_PRESS && button >= 0 && button < kMouseButtons) ++r->m_pressesInPoll[button];
}

void Runner::replayClicks() {
    ImGuiIO& io = ImGui::GetIO();
    for (int b = 0; b < kMouseButtons; ++b) {
        // A replayed click needs a frame with the button up before its down frame.
        if (m_clicksToReplay[b] > 0 && !m_downLastFrame[b] && !io.MouseDown[b]) {
            io.MouseDown[b] = true;
            --m_clicksToReplay[b];
        }
        m_downLastFrame[b] = io.MouseDown[b];
        if (m_clicksToReplay[b] > 0 || m_downLastFrame[b]) m_framesToRender = std::max(m_framesToRender, 3);
    }
}

void Runner::keepShortPresses() {
    ImGuiIO& io = ImGui::GetIO();
    for (int b = 0; b < kMouseButtons; ++b) {
        // The backend shows the first press of the poll, unless the button was down in the last
        // frame: then it shows no new press at all (down, down).
        const int seen = m_downLastFrame[b] ? 0 : 1;
        if (m_pressesInPoll[b] > seen) m_clicksToReplay[b] += m_pressesInPoll[b] - seen;
        m_pressesInPoll[b] = 0;
        if (m_clicksToReplay[b] > 0) m_framesToRender = std::max(m_framesToRender, 3);
    }
    for (int key : m_releasedInPoll) {
        if (std::find(m_pressedInPoll.begin(), m_pressedInPoll.end(), key) == m_pressedInPoll.end()) continue;
        io.KeysDown[key] = true;
        m_deferredRelease.push_back(key);
    }
    m_pressedInPoll.clear();
    m_releasedInPoll.clear();
    if (!m_deferredRelease.empty()) m_framesToRender = std::max(m_framesToRender, 2);
}

void Runner::releaseDeferredKeys() {
    ImGuiIO& io = ImGui::GetIO();
    for (int key : m_deferredRelease) io.KeysDown[key] = false;
    m_deferredRelease.clear();
}

void Runner::wake() { glfwPostEmptyEvent(); }

void Runner::pollEvents() {
    releaseDeferredKeys();
    glfwPollEvents();
    keepShortPresses();
}

void Runner::applyDisplay(const DisplayState& display) {
    if (display.fullscreen != isFullscreen()) setFullscreen(display.fullscreen);
    const float bodyPixels = bodyPixelsFor(display);
    const bool fontsChanged = m_firstApply || std::abs(bodyPixels - m_bodyPixels) > 0.5f;
    const bool styleChanged = fontsChanged || display.theme != m_applied.theme;
    if (!styleChanged) return;
    m_bodyPixels = bodyPixels;
    if (fontsChanged) {
        std::string warning;
        if (!buildFonts(*ImGui::GetIO().Fonts, defaultFontFiles(), m_bodyPixels, ui::fonts(), warning)) {
            static bool warned = false;
            if (!warned) std::fprintf(stderr, "lernraum: warning: %s; using the built-in font\n", warning.c_str());
            warned = true;
        }
        ImGui::GetIO().FontDefault = ui::fonts().body;
        if (!m_firstApply || ImGui::GetIO().Fonts->TexID != nullptr) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
    // A fresh style scaled to the font size: sizes stay proportional at every zoom level.
    ImGuiStyle style;
    ui::applyTheme(display.theme, style);
    style.ScaleAllSizes(m_bodyPixels / kBodyPixels);
    ImGui::GetStyle() = style;
    m_applied = display;
    m_firstApply = false;
}

float Runner::bodyPixelsFor(const DisplayState& display) const {
    const float normal = kBodyPixels * display.zoom * m_contentScale;
    if (!display.presentation) return normal;
    // Presentation text scales with the screen: 1.6 x 18 px = 28.8 px at 1080 lines (what a
    // projector shows), proportionally on other sizes, never smaller than normal text.
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    const float byScreen = kBodyPixels * kPresentationFactor * display.zoom * static_cast<float>(height) / 1080.0f;
    const float byRoom = ui::roomBodyPixels(display.roomSize, static_cast<float>(height), capHeightRatio());
    return std::max({normal, std::round(byScreen), byRoom});
}

void Runner::beginFrame(const DisplayState& display) {
    applyDisplay(display);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    replayClicks(); // after the backend set the mouse state, before ImGui reads it
    ImGui::NewFrame();
}

std::string Runner::endFrame(const std::string& screenshotPath) {
    ImGui::Render();
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    // Software OpenGL: when only a few digits changed, only their rectangle is cleared and drawn.
    const bool partial = m_redraw.prepare(ImGui::GetDrawData(), width, height, m_fullRedraw || !screenshotPath.empty());
    if (partial) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(m_redraw.scissor()[0], m_redraw.scissor()[1], m_redraw.scissor()[2], m_redraw.scissor()[3]);
    }
    glClear(GL_COLOR_BUFFER_BIT);
    if (partial) glDisable(GL_SCISSOR_TEST);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    m_redraw.finish();
    std::string error;
    if (!screenshotPath.empty()) error = writeFramebufferPng(screenshotPath, width, height);
    glfwSwapBuffers(m_window);
    return error;
}

void Runner::setTitle(const std::string& title) {
    if (title == m_title) return;
    m_title = title;
    glfwSetWindowTitle(m_window, title.c_str());
}

double Runner::time() const { return glfwGetTime(); }

int Runner::windowWidth() const {
    int w = 0;
    int h = 0;
    glfwGetWindowSize(m_window, &w, &h);
    return isFullscreen() ? m_windowedW : w;
}

int Runner::windowHeight() const {
    int w = 0;
    int h = 0;
    glfwGetWindowSize(m_window, &w, &h);
    return isFullscreen() ? m_windowedH : h;
}

bool Runner::isFullscreen() const { return glfwGetWindowMonitor(m_window) != nullptr; }

void Runner::setFullscreen(bool on) {
    if (!on) {
        glfwSetWindowMonitor(m_window, nullptr, m_windowedX, m_windowedY, m_windowedW, m_windowedH, 0);
        return;
    }
    glfwGetWindowPos(m_window, &m_windowedX, &m_windowedY);
    glfwGetWindowSize(m_window, &m_windowedW, &m_windowedH);
    // The monitor under the window's centre ("the current monitor").
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* target = glfwGetPrimaryMonitor();
    const int cx = m_windowedX + m_windowedW / 2;
    const int cy = m_windowedY + m_windowedH / 2;
    for (int i = 0; i < count; ++i) {
        int mx = 0;
        int my = 0;
        glfwGetMonitorPos(monitors[i], &mx, &my);
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        if (mode && cx >= mx && cx < mx + mode->width && cy >= my && cy < my + mode->height) target = monitors[i];
    }
    if (!target) return;
    const GLFWvidmode* mode = glfwGetVideoMode(target);
    if (mode) glfwSetWindowMonitor(m_window, target, 0, 0, mode->width, mode->height, mode->refreshRate);
}

} // namespace lernraum::app
