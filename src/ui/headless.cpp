#include "ui/headless.hpp"

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace lernraum::ui {

HeadlessContext::HeadlessContext(ImVec2 displaySize, float fontPixels) {
    m_previous = ImGui::GetCurrentContext();
    m_context = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = displaySize;
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // The GLFW backend's key map (GLFW key codes), so tests press the same keys as users.
    const int map[][2] = {{ImGuiKey_Tab, 258},       {ImGuiKey_LeftArrow, 263}, {ImGuiKey_RightArrow, 262},
                          {ImGuiKey_UpArrow, 265},   {ImGuiKey_DownArrow, 264}, {ImGuiKey_PageUp, 266},
                          {ImGuiKey_PageDown, 267},  {ImGuiKey_Home, 268},      {ImGuiKey_End, 269},
                          {ImGuiKey_Insert, 260},    {ImGuiKey_Delete, 261},    {ImGuiKey_Backspace, 259},
                          {ImGuiKey_Space, 32},      {ImGuiKey_Enter, 257},     {ImGuiKey_Escape, 256},
                          {ImGuiKey_KeyPadEnter, 335}, {ImGuiKey_A, 65},        {ImGuiKey_C, 67},
                          {ImGuiKey_V, 86},          {ImGuiKey_X, 88},          {ImGuiKey_Y, 89},
                          {ImGuiKey_Z, 90}};
    for (const auto& [imguiKey, glfwKey] : map) io.KeyMap[imguiKey] = glfwKey;

    ImFontConfig config;
    config.SizePixels = fontPixels;
    FontSet& f = fonts();
    f.body = io.Fonts->AddFontDefault(&config);
    f.bold = f.body;
    config.SizePixels = fontPixels * 1.3f;
    f.heading = io.Fonts->AddFontDefault(&config);
    config.SizePixels = fontPixels * 1.7f;
    f.title = io.Fonts->AddFontDefault(&config);
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.FontDefault = f.body;

    ImGuiStyle style;
    applyTheme(Theme::Light, style);
    style.ScaleAllSizes(fontPixels / 18.0f);
    ImGui::GetStyle() = style;
}

HeadlessContext::~HeadlessContext() {
    fonts() = FontSet{};
    ImGui::DestroyContext(m_context);
    ImGui::SetCurrentContext(m_previous);
}

void HeadlessContext::newFrame() {
    ImGui::SetCurrentContext(m_context);
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    beginItemRecordingFrame();
    ImGui::NewFrame();
}

void HeadlessContext::endFrame() { ImGui::Render(); }

} // namespace lernraum::ui
