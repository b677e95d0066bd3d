// The audience window; see audience_window.hpp.

#include "app/audience_window.hpp"

#include "app/screenshot.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace lernraum::app {
namespace {

// Only one audience window exists at a time; GLFW's monitor callback is global.
AudienceWindow* g_audience = nullptr;
GLFWmonitor* g_audienceMonitor = nullptr;
bool g_monitorLost = false;

constexpr int kPreviewWidth = 480; // pixels; the main window shows it about 16 em wide
constexpr float kStylePixels = 18.0f; // ImGui's style sizes are made for this body size

// Makes the audience's GL and ImGui contexts current for its lifetime, then the previous ones again.
class ContextScope {
public:
    ContextScope(GLFWwindow* window, ImGuiContext* imgui) : m_gl(glfwGetCurrentContext()), m_imgui(ImGui::GetCurrentContext()) {
        glfwMakeContextCurrent(window);
        ImGui::SetCurrentContext(imgui);
    }
    ~ContextScope() {
        glfwMakeContextCurrent(m_gl);
        ImGui::SetCurrentContext(m_imgui);
    }
    ContextScope(const ContextScope&) = delete;
    ContextScope& operator=(const ContextScope&) = delete;

private:
    GLFWwindow* m_gl;
    ImGuiContext* m_imgui;
};

bool contains(GLFWmonitor* monitor, int x, int y) {
    int mx = 0;
    int my = 0;
    glfwGetMonitorPos(monitor, &mx, &my);
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    return mode && x >= mx && x < mx + mode->width && y >= my && y < my + mode->height;
}

} // namespace

AudienceWindow::~AudienceWindow() { close(); }

int AudienceWindow::monitorCount() {
    int count = 0;
    glfwGetMonitors(&count);
    return count;
}

std::vector<ui::AudienceMonitor> AudienceWindow::monitors() {
    std::vector<ui::AudienceMonitor> list;
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {
        ui::AudienceMonitor m;
        if (const char* name = glfwGetMonitorName(monitors[i])) m.name = name;
        if (const GLFWvidmode* mode = glfwGetVideoMode(monitors[i])) {
            m.width = mode->width;
            m.height = mode->height;
        }
        list.push_back(std::move(m));
    }
    return list;
}

namespace {

// The projector: the monitor named `name` if connected (the facilitator's choice), else the first
// monitor that does not hold the main window's centre; null with one monitor.
GLFWmonitor* chooseMonitor(GLFWwindow* mainWindow, const std::string& name) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count && !name.empty(); ++i) {
        const char* n = glfwGetMonitorName(monitors[i]);
        if (n && name == n) return monitors[i];
    }
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;
    glfwGetWindowPos(mainWindow, &x, &y);
    glfwGetWindowSize(mainWindow, &w, &h);
    for (int i = 0; i < count && count > 1; ++i) {
        if (!contains(monitors[i], x + w / 2, y + h / 2)) return monitors[i];
    }
    return nullptr;
}

} // namespace

void AudienceWindow::moveTo(GLFWwindow* mainWindow, const std::string& monitorName, int width, int height) {
    if (!m_window) return;
    GLFWmonitor* target = chooseMonitor(mainWindow, monitorName);
    const GLFWvidmode* mode = target ? glfwGetVideoMode(target) : nullptr;
    if (!mode) target = nullptr;
    if (target == m_monitor) return;
    if (target) {
        glfwSetWindowAttrib(m_window, GLFW_DECORATED, GLFW_FALSE);
        glfwSetWindowMonitor(m_window, target, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        // One monitor left: an ordinary window the facilitator can move.
        glfwSetWindowMonitor(m_window, nullptr, 40, 40, width, height, GLFW_DONT_CARE);
        glfwSetWindowAttrib(m_window, GLFW_DECORATED, GLFW_TRUE);
    }
    m_monitor = target;
    if (g_audience == this) g_audienceMonitor = target;
    if (onEvent) onEvent();
}

std::string AudienceWindow::open(GLFWwindow* mainWindow, const std::string& title, int width, int height, bool onMonitor,
                                 const std::string& monitorName) {
    if (m_window) return {};
    m_closeRequested = false;
    GLFWmonitor* target = onMonitor ? chooseMonitor(mainWindow, monitorName) : nullptr;
    const GLFWvidmode* mode = target ? glfwGetVideoMode(target) : nullptr;
    if (!mode) target = nullptr;

    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_FOCUSED, GLFW_FALSE);       // the facilitator keeps the keyboard
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_FALSE);
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // stays on the projector when the laptop's window is used
    glfwWindowHint(GLFW_CENTER_CURSOR, GLFW_FALSE); // the pointer stays with the facilitator
    glfwWindowHint(GLFW_DECORATED, target ? GLFW_FALSE : GLFW_TRUE);
    glfwWindowHintString(GLFW_X11_CLASS_NAME, "lernraum");
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "lernraum-audience");
    // Full screen on the projector's monitor; sharing the main window's GL objects (the preview).
    m_window = target ? glfwCreateWindow(mode->width, mode->height, title.c_str(), target, mainWindow)
                      : glfwCreateWindow(width, height, title.c_str(), nullptr, mainWindow);
    glfwDefaultWindowHints();
    if (!m_window) return "cannot create the audience window";
    m_monitor = target;
    glfwSetWindowUserPointer(m_window, this);
    const auto event = [](GLFWwindow* w) {
        if (auto* self = static_cast<AudienceWindow*>(glfwGetWindowUserPointer(w)); self && self->onEvent) self->onEvent();
    };
    glfwSetKeyCallback(m_window, keyCallback);
    glfwSetWindowRefreshCallback(m_window, event);
    glfwSetFramebufferSizeCallback(m_window, [](GLFWwindow* w, int, int) {
        if (auto* self = static_cast<AudienceWindow*>(glfwGetWindowUserPointer(w)); self && self->onEvent) self->onEvent();
    });
    glfwSetWindowCloseCallback(m_window, [](GLFWwindow* w) {
        glfwSetWindowShouldClose(w, GLFW_FALSE); // the app closes it, between frames
        if (auto* self = static_cast<AudienceWindow*>(glfwGetWindowUserPointer(w))) {
            self->m_closeRequested = true;
            if (self->onEvent) self->onEvent();
        }
    });
    g_audience = this;
    g_audienceMonitor = target;
    g_monitorLost = false;
    glfwSetMonitorCallback(monitorCallback);

    bool ready = false;
    {
        const ContextScope scope(m_window, nullptr);
        glfwSwapInterval(0); // the main window waits for the display; one wait per frame is enough
        m_imgui = ImGui::CreateContext();
        ImGui::SetCurrentContext(m_imgui);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
        ui::useContextFonts(&m_fonts);
        ready = ImGui_ImplOpenGL3_Init("#version 330 core");
    }
    if (!ready) {
        close();
        return "cannot initialise Dear ImGui's OpenGL backend for the audience window";
    }
    m_fontsBuilt = false;
    m_lastTime = -1.0;
    return {};
}

void AudienceWindow::close() {
    if (!m_window) return;
    if (m_imgui) {
        const ContextScope scope(m_window, m_imgui);
        if (m_previewFramebuffer) glDeleteFramebuffers(1, &m_previewFramebuffer);
        if (m_previewTexture) glDeleteTextures(1, &m_previewTexture);
        ImGui_ImplOpenGL3_Shutdown();
        ImGui::GetIO().UserData = nullptr;
        ImGui::DestroyContext(m_imgui);
    }
    m_imgui = nullptr;
    m_previewFramebuffer = 0;
    m_previewTexture = 0;
    m_previewWidth = m_previewHeight = 0;
    if (glfwGetCurrentContext() == m_window) glfwMakeContextCurrent(nullptr);
    glfwDestroyWindow(m_window);
    m_window = nullptr;
    m_monitor = nullptr;
    m_closeRequested = false; // answered
    m_fonts = ui::FontSet{};
    m_fontsBuilt = false;
    if (g_audience == this) {
        glfwSetMonitorCallback(nullptr);
        g_audience = nullptr;
        g_audienceMonitor = nullptr;
    }
}

void AudienceWindow::keyCallback(GLFWwindow* window, int key, int, int action, int mods) {
    auto* self = static_cast<AudienceWindow*>(glfwGetWindowUserPointer(window));
    if (!self) return;
    if (self->onEvent) self->onEvent();
    if (action != GLFW_PRESS) return;
    // The few keys the projector's window understands, should it have the keyboard.
    if (key == GLFW_KEY_ESCAPE || (key == GLFW_KEY_F5 && (mods & GLFW_MOD_SHIFT) == 0)) {
        self->m_closeRequested = true;
    } else if (key == GLFW_KEY_F6 && self->onKey) {
        self->onKey(ui::KeyChord{ui::key::F6, false, false, false});
    }
}

void AudienceWindow::monitorCallback(GLFWmonitor* monitor, int event) {
    if (event != GLFW_DISCONNECTED || !g_audience || monitor != g_audienceMonitor) return;
    // The projector was unplugged: back to one window (the main loop closes this one).
    g_audienceMonitor = nullptr;
    g_audience->m_monitor = nullptr;
    g_audience->m_closeRequested = true;
    if (g_audience->onEvent) g_audience->onEvent();
}

float AudienceWindow::aspect() const {
    if (!m_window) return 16.0f / 9.0f;
    int w = 0;
    int h = 0;
    glfwGetFramebufferSize(m_window, &w, &h);
    return w > 0 && h > 0 ? static_cast<float>(w) / static_cast<float>(h) : 16.0f / 9.0f;
}

void AudienceWindow::applyDisplay(ui::Theme theme, ui::RoomSize roomSize) {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    const float pixels = ui::roomBodyPixels(roomSize, static_cast<float>(std::max(height, 1)), capHeightRatio());
    const bool fontsChanged = !m_fontsBuilt || std::abs(pixels - m_bodyPixels) > 0.5f;
    if (fontsChanged) {
        ImGuiIO& io = ImGui::GetIO();
        std::string warning;
        buildFonts(*io.Fonts, defaultFontFiles(), pixels, m_fonts, warning); // built-in font on failure
        io.FontDefault = m_fonts.body;
        if (io.Fonts->TexID != nullptr) { // a texture of the old size exists: replace it
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        m_bodyPixels = pixels;
        m_fontsBuilt = true;
    }
    if (fontsChanged || theme != m_theme) {
        ImGuiStyle style;
        ui::applyTheme(theme, style);
        style.ScaleAllSizes(m_bodyPixels / kStylePixels);
        ImGui::GetStyle() = style;
        m_theme = theme;
    }
}

void AudienceWindow::updatePreview(int width, int height) {
    if (width <= 0 || height <= 0) return;
    const int pw = kPreviewWidth;
    const int ph = std::max(1, kPreviewWidth * height / width);
    if (!m_previewTexture || pw != m_previewWidth || ph != m_previewHeight) {
        if (!m_previewTexture) glGenTextures(1, &m_previewTexture);
        glBindTexture(GL_TEXTURE_2D, m_previewTexture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, pw, ph, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glBindTexture(GL_TEXTURE_2D, 0);
        if (!m_previewFramebuffer) glGenFramebuffers(1, &m_previewFramebuffer);
        glBindFramebuffer(GL_FRAMEBUFFER, m_previewFramebuffer);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_previewTexture, 0);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        m_previewWidth = pw;
        m_previewHeight = ph;
    }
    // The rendered back buffer, scaled down into the shared texture (GL's rows, bottom up).
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_previewFramebuffer);
    glBlitFramebuffer(0, 0, width, height, 0, 0, pw, ph, GL_COLOR_BUFFER_BIT, GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

std::string AudienceWindow::frame(ui::Theme theme, ui::RoomSize roomSize, double time, const std::function<void()>& draw,
                                  const std::string& screenshotPath) {
    if (!m_window || !m_imgui) return {};
    const ContextScope scope(m_window, m_imgui);
    applyDisplay(theme, roomSize);
    int w = 0;
    int h = 0;
    int fw = 0;
    int fh = 0;
    glfwGetWindowSize(m_window, &w, &h);
    glfwGetFramebufferSize(m_window, &fw, &fh);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    if (w > 0 && h > 0) io.DisplayFramebufferScale = ImVec2(static_cast<float>(fw) / w, static_cast<float>(fh) / h);
    io.DeltaTime = m_lastTime >= 0.0 && time > m_lastTime ? static_cast<float>(time - m_lastTime) : 1.0f / 60.0f;
    m_lastTime = time;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); // display only: no pointer, no clicks
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    draw();
    ImGui::Render();
    glViewport(0, 0, fw, fh);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    std::string error;
    if (!screenshotPath.empty()) error = writeFramebufferPng(screenshotPath, fw, fh);
    updatePreview(fw, fh);
    glfwSwapBuffers(m_window); // also flushes: the main window's context sees the new preview
    return error;
}

} // namespace lernraum::app
