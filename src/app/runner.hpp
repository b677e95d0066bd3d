#pragma once
// The runner: one GLFW window with an OpenGL 3.3 core context and Dear ImGui, fonts at the right
// pixel size, the idle policy and screenshots. It knows nothing about workshops: the GUI
// (gui.cpp) gives it a frame callback and tells it the display state it wants.
//
// Idle policy: after any input event render a few frames (ImGui needs them to settle hover and
// layout), then block in glfwWaitEvents(); while `wakeEverySecond` is set (a running timer is on
// screen) block with a one-second timeout instead.

#include "app/partial_redraw.hpp"
#include "ui/keys.hpp"
#include "ui/room_size.hpp"
#include "ui/theme.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

struct GLFWwindow;

namespace lernraum::app {

struct RunnerOptions {
    int width = 1600;
    int height = 900;
    std::string title = "Lernraum";
    std::string iniPath; // ImGui's window state file; empty = none
    bool visible = true;
};

// What the GUI wants to see; the runner applies changes before the next frame.
struct DisplayState {
    float zoom = 1.0f;
    ui::Theme theme = ui::Theme::Light;
    bool presentation = false;
    bool fullscreen = false;
    ui::RoomSize roomSize = ui::RoomSize::Small; // presentation text at least this room's size
    friend bool operator==(const DisplayState&, const DisplayState&) = default;
};

// Body text pixel size at zoom 1; presentation mode multiplies it by the factor at 1080 lines
// (28.8 px, readable from the back of a room) and scales with the window height, and makes it
// larger still where the room size asks for more (ui/room_size.hpp).
inline constexpr float kBodyPixels = 18.0f;
inline constexpr float kPresentationFactor = 1.6f;

class Runner {
public:
    Runner() = default;
    ~Runner();
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    // Creates the window, GL context and ImGui context. Returns an error message, or "".
    std::string open(const RunnerOptions& options);

    std::function<void(const ui::KeyChord&)> onKey; // every key press, layout-aware
    std::function<void()> onCloseRequest;           // the window's close button

    // Blocks according to the idle policy, then processes pending events. `timeout` >= 0 wakes
    // after that many seconds at the latest (a frame the GUI put off, see wantsFrame()).
    void waitForEvents(bool wakeEverySecond, double timeout = -1.0);
    // True when the last wait ended because of the window (input, resize, expose) or frames are
    // still due after input; false when only a wake() or the timeout ended it. A frame asked
    // for only by wake() may be put off a little (the participants' room under load).
    [[nodiscard]] bool wantsFrame() const { return m_wantsFrame; }
    // The same, waking after `seconds` at the latest (negative: only for an event), e.g. when the
    // timer's displayed second changes.
    void waitForEventsTimeout(double seconds);
    // Processes pending events without blocking (screenshots).
    void pollEvents();
    // Wakes a blocked waitForEvents() for one frame; callable from any thread once open() succeeded.
    static void wake();
    // Renders at least `frames` more frames without waiting for input (e.g. while a drag scrolls).
    void keepRendering(int frames) { m_framesToRender = std::max(m_framesToRender, frames); }
    // Applies the display state (rebuilding fonts and style when needed) and starts an ImGui frame.
    void beginFrame(const DisplayState& display);
    // Renders the frame; when `screenshotPath` is given, writes it as PNG before presenting.
    // Returns an error message for a failed screenshot, or "".
    std::string endFrame(const std::string& screenshotPath = {});
    // Redraw every frame fully (no partial redraw), e.g. while the main window shows a live
    // preview texture whose pixels change without the draw data changing.
    void setFullRedraw(bool full) { m_fullRedraw = full; }

    void setTitle(const std::string& title);
    [[nodiscard]] double time() const;
    [[nodiscard]] float bodyPixels() const { return m_bodyPixels; }
    [[nodiscard]] int windowWidth() const;
    [[nodiscard]] int windowHeight() const;
    [[nodiscard]] bool isFullscreen() const;
    [[nodiscard]] GLFWwindow* window() const { return m_window; } // e.g. to share GL objects with

private:
    void applyDisplay(const DisplayState& display);
    [[nodiscard]] float bodyPixelsFor(const DisplayState& display) const;
    void setFullscreen(bool on);
    static void keyCallback(GLFWwindow* window, int key, int scancode, int action, int mods);
    void keepShortPresses();
    void releaseDeferredKeys();
    static void anyEventCallback(GLFWwindow* window);

    GLFWwindow* m_window = nullptr;
    bool m_imguiReady = false;
    PartialRedraw m_redraw; // software OpenGL: redraw only what changed (partial_redraw.hpp)
    std::string m_iniPath;
    std::string m_title;
    DisplayState m_applied;
    bool m_firstApply = true;
    float m_contentScale = 1.0f;
    float m_bodyPixels = kBodyPixels;
    int m_framesToRender = 3;
    bool m_wantsFrame = true;
    // ImGui 1.86 samples key state once per frame: a key pressed and released within one event
    // poll (xdotool, a fast typist on a slow machine) would never be seen. Such keys are held
    // down for one frame and released before the next poll.
    std::vector<int> m_pressedInPoll;
    std::vector<int> m_releasedInPoll;
    std::vector<int> m_deferredRelease;
    // The same for mouse clicks: ImGui's GLFW backend turns every press of one poll into a single
    // frame of "down", so two clicks within one slow frame (quick clicks on a "+" while a software
    // renderer draws the projector's frame) would count once. The extra clicks of a poll are
    // replayed, one down frame each after an up frame (replayClicks in beginFrame).
    static void mouseButtonCallback(GLFWwindow* window, int button, int action, int mods);
    void replayClicks();
    static constexpr int kMouseButtons = 3;
    int m_pressesInPoll[kMouseButtons] = {};
    int m_clicksToReplay[kMouseButtons] = {};
    bool m_downLastFrame[kMouseButtons] = {};
    int m_windowedX = 0, m_windowedY = 0, m_windowedW = 0, m_windowedH = 0;
    bool m_fullRedraw = false;
};

} // namespace lernraum::app
