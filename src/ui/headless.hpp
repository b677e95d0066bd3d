#pragma once
// An ImGui context without a window or GPU: display size, a built font atlas, no ini file, keys
// mapped like the GLFW backend maps them. Used by the UI tests and `lernraum bench`.

#include <imgui.h>

namespace lernraum::ui {

class HeadlessContext {
public:
    explicit HeadlessContext(ImVec2 displaySize = ImVec2(1920, 1080), float fontPixels = 18.0f);
    ~HeadlessContext();
    HeadlessContext(const HeadlessContext&) = delete;
    HeadlessContext& operator=(const HeadlessContext&) = delete;

    void newFrame(); // io.DeltaTime = 1/60 s; starts item recording for the test harness
    void endFrame(); // ImGui::Render() (builds draw lists, draws nothing)

    [[nodiscard]] ImGuiContext* context() const { return m_context; }

private:
    ImGuiContext* m_context = nullptr;
    ImGuiContext* m_previous = nullptr;
};

} // namespace lernraum::ui
