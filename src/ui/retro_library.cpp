#include "ui/retro_library.hpp"

namespace lernraum::ui {
namespace {
core::RetroLibrary& storage() {
    static core::RetroLibrary library;
    return library;
}
} // namespace

void setRetroLibrary(core::RetroLibrary library) { storage() = std::move(library); }
const core::RetroLibrary& retroLibrary() { return storage(); }

} // namespace lernraum::ui
