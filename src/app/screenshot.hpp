#pragma once
// Reads the current OpenGL back buffer and writes it as PNG (for --screenshot).

#include <string>

namespace lernraum::app {

// Call after ImGui's draw data is rendered and before glfwSwapBuffers. Returns an error message,
// or "" on success.
std::string writeFramebufferPng(const std::string& path, int width, int height);

} // namespace lernraum::app
