#pragma once
// The audience window: a second GLFW window for the projector, borderless and covering a monitor
// other than the facilitator's (with one monitor: an ordinary window the facilitator can move).
//
// Dear ImGui 1.86 has no multi-viewport support, so the window has its own ImGui context with its
// own font atlas, built at the room size's pixel size (ui/room_size.hpp), and its own OpenGL
// context, created sharing objects with the main window's, so the small preview texture it fills
// each frame can be drawn in the main window. The 1.86 GLFW backend keeps its state in the
// *current* ImGui context and its callbacks would feed whichever context that is: the audience
// window therefore gets no backend callbacks at all (display only, no mouse, no text input); its
// own few callbacks ask for a frame, close it (Esc, F5, the window manager's close) or pass F6 (the
// timer) on. The main window's ImGui and GL contexts are current again after every call.
//
// Idle: it draws only when the main loop draws (the runner's idle policy covers both windows);
// its events wake that loop. A monitor that goes away closes it (closeRequested()).

#include "app/fonts.hpp"
#include "ui/audience_view.hpp"
#include "ui/keys.hpp"
#include "ui/room_size.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <functional>
#include <string>
#include <vector>

struct GLFWwindow;
struct GLFWmonitor;
struct ImGuiContext;

namespace lernraum::app {

class AudienceWindow {
public:
    AudienceWindow() = default;
    ~AudienceWindow();
    AudienceWindow(const AudienceWindow&) = delete;
    AudienceWindow& operator=(const AudienceWindow&) = delete;

    // Opens the window sharing GL objects with `mainWindow`: with `onMonitor`, full screen on the
    // monitor named `monitorName` if it is connected, else on the first monitor that does not hold
    // the main window's centre; otherwise (and with one monitor) a `width` x `height` window.
    // Returns an error message, or "".
    std::string open(GLFWwindow* mainWindow, const std::string& title, int width = 960, int height = 540,
                     bool onMonitor = true, const std::string& monitorName = {});
    // Moves the open window to the monitor that open() would choose now (full screen there).
    void moveTo(GLFWwindow* mainWindow, const std::string& monitorName, int width = 960, int height = 540);
    void close();
    [[nodiscard]] bool isOpen() const { return m_window != nullptr; }
    // Its close button, Esc or F5 in it, or its monitor unplugged: the app should close it.
    [[nodiscard]] bool closeRequested() const { return m_closeRequested; }

    std::function<void()> onEvent;                  // any event of the window: draw a few frames
    std::function<void(const ui::KeyChord&)> onKey; // keys passed on to the facilitator (F6)

    // Draws one frame: `draw` runs in the audience's ImGui context (its fonts are ui::fonts()
    // there); then it is rendered, written to `screenshotPath` when given, copied into the preview
    // texture and shown. Returns an error message for a failed screenshot, or "".
    std::string frame(ui::Theme theme, ui::RoomSize roomSize, double time, const std::function<void()>& draw,
                      const std::string& screenshotPath = {});

    // The preview texture (an OpenGL texture name shared with the main window), or 0.
    [[nodiscard]] unsigned previewTexture() const { return m_previewTexture; }
    [[nodiscard]] float aspect() const;
    [[nodiscard]] float bodyPixels() const { return m_bodyPixels; }
    [[nodiscard]] GLFWwindow* window() const { return m_window; }

    // Connected monitors (after glfwInit).
    static int monitorCount();
    static std::vector<ui::AudienceMonitor> monitors();

private:
    void applyDisplay(ui::Theme theme, ui::RoomSize roomSize);
    void updatePreview(int width, int height);
    static void keyCallback(GLFWwindow* window, int key, int scancode, int action, int mods);
    static void monitorCallback(GLFWmonitor* monitor, int event);

    GLFWwindow* m_window = nullptr;
    GLFWmonitor* m_monitor = nullptr; // the monitor it covers; null = an ordinary window
    ImGuiContext* m_imgui = nullptr;
    ui::FontSet m_fonts;
    bool m_closeRequested = false;
    bool m_fontsBuilt = false;
    float m_bodyPixels = 0.0f;
    ui::Theme m_theme = ui::Theme::Light;
    double m_lastTime = -1.0;
    unsigned m_previewTexture = 0;
    unsigned m_previewFramebuffer = 0;
    int m_previewWidth = 0;
    int m_previewHeight = 0;
};

} // namespace lernraum::app
