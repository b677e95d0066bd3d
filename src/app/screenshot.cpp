#include "app/screenshot.hpp"

#include <GL/gl.h>

#include <cstring>
#include <vector>

// The implementation is in Debian's libstb (-lstb); only the declarations are needed here.
#include <stb_image_write.h>

namespace lernraum::app {

std::string writeFramebufferPng(const std::string& path, int width, int height) {
    if (width <= 0 || height <= 0) return "empty framebuffer";
    const std::size_t stride = static_cast<std::size_t>(width) * 3;
    std::vector<unsigned char> pixels(stride * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    if (glGetError() != GL_NO_ERROR) return "cannot read the framebuffer";
    // OpenGL's origin is bottom-left; PNG rows go top to bottom.
    std::vector<unsigned char> row(stride);
    for (int y = 0; y < height / 2; ++y) {
        unsigned char* top = pixels.data() + static_cast<std::size_t>(y) * stride;
        unsigned char* bottom = pixels.data() + static_cast<std::size_t>(height - 1 - y) * stride;
        std::memcpy(row.data(), top, stride);
        std::memcpy(top, bottom, stride);
        std::memcpy(bottom, row.data(), stride);
    }
    if (!stbi_write_png(path.c_str(), width, height, 3, pixels.data(), static_cast<int>(stride))) {
        return "cannot write " + path;
    }
    return {};
}

} // namespace lernraum::app
