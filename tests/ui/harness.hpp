#pragma once
// Headless UI test harness: a Shell in an ImGui context without a window, plus helpers that
// drive real widgets the way a user does (move the mouse, press, release, type, press keys).
// Items are found by their visible label through ui::recordedItems() (see widgets.hpp).

#include "app/document_services.hpp"
#include "app/import_services.hpp"
#include "core/demo.hpp"
#include "store/session_file.hpp"
#include "ui/headless.hpp"
#include "ui/hyphenation.hpp"
#include "ui/i18n.hpp"
#include "ui/shell.hpp"
#include "ui/widgets.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace lernraum::test {

// A fresh directory under the system temp dir, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() / ("lernraum-ui-" + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

// Shell services backed by the real store, wired exactly as the GUI wires them.
inline ui::ShellServices storeServices(std::shared_ptr<store::DocumentFile> document = std::make_shared<store::DocumentFile>()) {
    ui::ShellServices s;
    app::addDocumentServices(s, std::move(document));
    app::addImportServices(s);
    s.newSession = [] {
        core::Session session;
        session.id = "session-000000000001";
        session.title = "Neu";
        return session;
    };
    return s;
}

// The desktop's file dialog for tests: start() records the request; the dialog stays open (the
// shell keeps drawing) until the test answers it, or answers at the next poll with `autoAnswer`.
// `available = false`: there is none (the built-in dialog is used).
class FakeNativeDialog : public ui::NativeFileDialog {
public:
    bool available = true;
    std::optional<ui::NativeDialogAnswer> autoAnswer;
    std::vector<ui::FileDialogRequest> requests;
    int cancels = 0;

    bool start(const ui::FileDialogRequest& request) override {
        if (!available || m_open) return false;
        requests.push_back(request);
        m_open = true;
        m_answer = autoAnswer;
        return true;
    }
    std::optional<ui::NativeDialogAnswer> poll() override {
        if (!m_open || !m_answer) return std::nullopt;
        m_open = false;
        return std::exchange(m_answer, std::nullopt);
    }
    [[nodiscard]] bool isOpen() const override { return m_open; }
    void cancel() override {
        if (!m_open) return;
        ++cancels;
        answer(ui::NativeDialogAnswer::Result::Cancelled);
    }
    // The user closed the dialog: the shell gets this at its next poll.
    void answer(ui::NativeDialogAnswer::Result result, std::string path = {}) { m_answer = ui::NativeDialogAnswer{result, std::move(path)}; }

private:
    bool m_open = false;
    std::optional<ui::NativeDialogAnswer> m_answer;
};

class UiHarness {
public:
    explicit UiHarness(const std::string& lang = "en", ui::ShellServices services = storeServices())
        : m_shell(std::move(services), m_settings) {
        ui::Hyphenator::instance().waitUntilLoaded(); // line breaks must not change mid-test
        ui::setLanguage(lang);
        ui::setItemRecording(true);
        frame();
    }
    ~UiHarness() { ui::setItemRecording(false); }

    ui::Shell& shell() { return m_shell; }
    ImGuiIO& io() { return ImGui::GetIO(); }

    void frame(int count = 1) {
        for (int i = 0; i < count; ++i) {
            m_context.newFrame();
            m_time += 1.0 / 60.0;
            m_shell.draw(m_time, core::Timestamp{1'790'000'000});
            m_context.endFrame();
        }
    }

    // The centre of the item with this visible label in the last frame, if any.
    std::optional<ImVec2> find(const std::string& label) const {
        for (const auto& item : ui::recordedItems()) {
            if (item.label == label) return ImVec2((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f);
        }
        return std::nullopt;
    }
    bool has(const std::string& label) const { return find(label).has_value(); }
    bool shows(const std::string& label) { return settled(label).has_value(); }

    // Hover, press, release: the item reacts on the release frame.
    void clickAt(ImVec2 pos) {
        io().MousePos = pos;
        frame();
        io().MouseDown[0] = true;
        frame();
        io().MouseDown[0] = false;
        frame();
    }
    // Waits (a few frames at most) until the item exists and stops moving: new popups are
    // measured in their first frames and placed after that.
    std::optional<ImVec2> settled(const std::string& label) {
        std::optional<ImVec2> pos = find(label);
        for (int i = 0; i < 6; ++i) {
            frame();
            const auto next = find(label);
            if (pos && next && pos->x == next->x && pos->y == next->y) return next;
            pos = next;
        }
        return pos;
    }
    void click(const std::string& label) {
        const auto pos = settled(label);
        INFO("clicking '" << label << "'");
        REQUIRE(pos.has_value());
        clickAt(*pos);
    }
    void doubleClickAt(ImVec2 pos) {
        io().MousePos = pos;
        frame();
        for (int i = 0; i < 2; ++i) {
            io().MouseDown[0] = true;
            frame();
            io().MouseDown[0] = false;
            frame();
        }
    }

    // Types into the active text field.
    void type(const std::string& text) {
        io().AddInputCharactersUTF8(text.c_str());
        frame();
    }
    // Presses and releases a key by its GLFW code (Enter = 257, Escape = 256).
    void pressKey(int glfwKey) {
        io().KeysDown[glfwKey] = true;
        frame();
        io().KeysDown[glfwKey] = false;
        frame();
    }
    // A shortcut as the runner delivers it, e.g. chord('Z', true).
    void chord(int key, bool ctrl = false, bool shift = false) {
        m_shell.queueKey(ui::KeyChord{key, ctrl, shift, false});
        frame(2);
    }

private:
    ui::HeadlessContext m_context;
    ui::Settings m_settings;
    ui::Shell m_shell;
    double m_time = 0.0;
};

// The demo session saved as `name` in `dir`; returns the path.
inline std::string saveDemo(const TempDir& dir, const std::string& name = "demo.lernraum") {
    const std::string path = dir.file(name);
    REQUIRE_FALSE(store::saveSession(core::makeDemoSession(), path).has_value());
    return path;
}

// F2, type a title, Enter: renames the workshop through the real dialog.
inline void rename(UiHarness& h, const std::string& title) {
    h.chord(ui::key::F2);
    REQUIRE(h.shell().modal() == ui::Modal::Rename);
    h.type(title);
    h.pressKey(ui::key::Enter);
    REQUIRE(h.shell().modal() == ui::Modal::None);
}

// Press on one item, move in steps, release on another: ImGui drag and drop.
inline void dragItem(UiHarness& h, const std::string& from, const std::string& to) {
    const auto a = h.settled(from);
    const auto b = h.find(to);
    INFO("dragging '" << from << "' to '" << to << "'");
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    h.io().MousePos = *a;
    h.frame();
    h.io().MouseDown[0] = true;
    h.frame();
    for (int i = 1; i <= 6; ++i) {
        const float t = static_cast<float>(i) / 6.0f;
        h.io().MousePos = ImVec2(a->x + (b->x - a->x) * t, a->y + (b->y - a->y) * t);
        h.frame();
    }
    h.frame();
    h.io().MouseDown[0] = false;
    h.frame(2);
}

// Mouse away for longer than the double-click time, so the next click on the same spot is a
// click of its own.
inline void pauseMouse(UiHarness& h) {
    h.io().MousePos = ImVec2(1.0f, 1.0f);
    h.frame(30);
}

// Click a text field, select all of it (Ctrl+A) and type over it.
inline void replaceField(UiHarness& h, const std::string& field, const std::string& text) {
    h.click(field);
    h.io().KeyCtrl = true;
    h.pressKey('A');
    h.io().KeyCtrl = false;
    h.type(text);
}

} // namespace lernraum::test
