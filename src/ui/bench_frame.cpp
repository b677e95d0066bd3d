#include "ui/bench_frame.hpp"

#include "core/commands.hpp"
#include "ui/hyphenation.hpp"

#include "ui/headless.hpp"
#include "ui/shell.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace lernraum::ui {
namespace {

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

// Times `frames` calls of frame() (after three untimed warm-up calls).
template <typename Frame> FrameTiming timeFrames(int frames, Frame&& frame) {
    if (frames < 1) frames = 1;
    for (int i = 0; i < 3; ++i) frame();
    const double cpu = threadCpuMs();
    const auto wall = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i) frame();
    FrameTiming t;
    t.wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall).count() / frames;
    t.cpuMs = (threadCpuMs() - cpu) / frames;
    return t;
}

double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The whole shell showing the Board tab of a session, headless at 1920x1080, hyphenation loaded
// (the layout users see).
class ShellOnBoard {
public:
    explicit ShellOnBoard(const core::Session& session) : m_shell(ShellServices{}, m_settings) {
        Hyphenator::instance().waitUntilLoaded();
        m_shell.setSession(session, {});
        m_shell.selectTab(Tab::Board);
    }
    Shell& shell() { return m_shell; }
    void frame() {
        m_context.newFrame();
        m_shell.draw(0.0, core::Timestamp{1'790'000'000});
        m_context.endFrame();
    }

private:
    HeadlessContext m_context{ImVec2(1920, 1080)};
    Settings m_settings;
    Shell m_shell;
};

} // namespace

double benchHeadlessFrameMs(const core::Session& session, int frames) {
    if (frames < 1) frames = 1;
    ShellOnBoard board(session);
    for (int i = 0; i < 3; ++i) board.frame();
    const double start = cpuSeconds();
    for (int i = 0; i < frames; ++i) board.frame();
    return (cpuSeconds() - start) * 1000.0 / frames;
}

FrameTiming benchBoardFrame(const core::Session& session, int frames) {
    ShellOnBoard board(session);
    return timeFrames(frames, [&] { board.frame(); });
}

FrameTiming benchBoardChangeFrame(const core::Session& session, int frames) {
    ShellOnBoard board(session);
    Shell& shell = board.shell();
    const core::Board& first = shell.session().boards.front();
    const auto card = std::find_if(first.cards.begin(), first.cards.end(), [](const core::Card& c) { return !c.archived; });
    if (card != first.cards.end()) shell.submit(core::archiveCard(shell.session(), first.id, card->id));
    bool undo = true;
    return timeFrames(frames, [&] {
        if (undo) shell.undo();
        else shell.redo();
        undo = !undo;
        board.frame();
    });
}

FrameTiming benchReferenceBoardFrame(const std::vector<std::vector<std::string>>& columns, int frames) {
    HeadlessContext context(ImVec2(1920, 1080));
    const float count = static_cast<float>(std::max<std::size_t>(columns.size(), 1));
    const auto frame = [&] {
        context.newFrame();
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(viewport->Pos);
        ImGui::SetNextWindowSize(viewport->Size);
        ImGui::Begin("reference board", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        const float width = ImGui::GetContentRegionAvail().x / count - ImGui::GetStyle().ItemSpacing.x;
        const ImVec2 cardSize(0.0f, ImGui::GetTextLineHeight() * 2.0f);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c > 0) ImGui::SameLine();
            ImGui::PushID(static_cast<int>(c));
            ImGui::BeginChild("column", ImVec2(width, 0.0f), true);
            ImGui::Text("Column %d  %d", static_cast<int>(c) + 1, static_cast<int>(columns[c].size()));
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(columns[c].size()));
            while (clipper.Step()) {
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    ImGui::PushID(i);
                    ImGui::Selectable(columns[c][static_cast<std::size_t>(i)].c_str(), false, 0, cardSize);
                    ImGui::PopID();
                }
            }
            ImGui::EndChild();
            ImGui::PopID();
        }
        ImGui::End();
        context.endFrame();
    };
    return timeFrames(frames, frame);
}

} // namespace lernraum::ui
