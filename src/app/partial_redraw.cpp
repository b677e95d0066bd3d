#include "app/partial_redraw.hpp"

#include <GL/gl.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace lernraum::app {
namespace {

bool sameCommand(const ImDrawCmd& a, const ImDrawCmd& b) {
    return a.ClipRect.x == b.ClipRect.x && a.ClipRect.y == b.ClipRect.y && a.ClipRect.z == b.ClipRect.z &&
           a.ClipRect.w == b.ClipRect.w && a.TextureId == b.TextureId && a.VtxOffset == b.VtxOffset &&
           a.IdxOffset == b.IdxOffset && a.ElemCount == b.ElemCount && a.UserCallback == nullptr && b.UserCallback == nullptr;
}

void extend(ImVec4& area, const ImVec2& p) {
    area.x = std::min(area.x, p.x);
    area.y = std::min(area.y, p.y);
    area.z = std::max(area.z, p.x);
    area.w = std::max(area.w, p.y);
}

bool isEmpty(const ImVec4& r) { return r.z <= r.x || r.w <= r.y; }

ImVec4 unite(const ImVec4& a, const ImVec4& b) {
    if (isEmpty(a)) return b;
    if (isEmpty(b)) return a;
    return ImVec4(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.z, b.z), std::max(a.w, b.w));
}

} // namespace

void PartialRedraw::init() {
    const char* env = std::getenv("LERNRAUM_PARTIAL_REDRAW");
    const std::string_view setting = env ? env : "";
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const std::string_view name = renderer ? renderer : "";
    const bool software = name.find("llvmpipe") != std::string_view::npos || name.find("softpipe") != std::string_view::npos;
    const bool on = setting == "1" || (setting != "0" && software);
    m_state = on ? State::Unverified : State::Off;
}

bool PartialRedraw::sameShape(const ImDrawData* data) const {
    if (static_cast<std::size_t>(data->CmdListsCount) != m_last.size()) return false;
    for (int k = 0; k < data->CmdListsCount; ++k) {
        const ImDrawList* list = data->CmdLists[k];
        const List& old = m_last[static_cast<std::size_t>(k)];
        if (static_cast<std::size_t>(list->VtxBuffer.Size) != old.vertices.size() ||
            static_cast<std::size_t>(list->IdxBuffer.Size) != old.indices.size() ||
            static_cast<std::size_t>(list->CmdBuffer.Size) != old.commands.size())
            return false;
        for (int c = 0; c < list->CmdBuffer.Size; ++c)
            if (!sameCommand(list->CmdBuffer[c], old.commands[static_cast<std::size_t>(c)])) return false;
        if (!old.indices.empty() && std::memcmp(list->IdxBuffer.Data, old.indices.data(), old.indices.size() * sizeof(ImDrawIdx)) != 0)
            return false;
    }
    return true;
}

// The bounding box of every triangle with a changed vertex, old and new positions (display coordinates).
bool PartialRedraw::changedArea(const ImDrawData* data, ImVec4& area) const {
    area = ImVec4(1e30f, 1e30f, -1e30f, -1e30f);
    std::vector<unsigned char> changed;
    bool any = false;
    for (int k = 0; k < data->CmdListsCount; ++k) {
        const ImDrawList* list = data->CmdLists[k];
        const List& old = m_last[static_cast<std::size_t>(k)];
        const int n = list->VtxBuffer.Size;
        if (n == 0 || std::memcmp(list->VtxBuffer.Data, old.vertices.data(), static_cast<std::size_t>(n) * sizeof(ImDrawVert)) == 0)
            continue;
        changed.assign(static_cast<std::size_t>(n), 0);
        for (int i = 0; i < n; ++i)
            changed[static_cast<std::size_t>(i)] =
                std::memcmp(&list->VtxBuffer.Data[i], &old.vertices[static_cast<std::size_t>(i)], sizeof(ImDrawVert)) != 0;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            for (unsigned int e = 0; e + 2 < cmd.ElemCount; e += 3) {
                std::size_t v[3];
                bool hit = false;
                for (unsigned int j = 0; j < 3; ++j) {
                    v[j] = cmd.VtxOffset + list->IdxBuffer.Data[cmd.IdxOffset + e + j];
                    hit = hit || (v[j] < changed.size() && changed[v[j]]);
                }
                if (!hit) continue;
                any = true;
                for (const std::size_t i : v) {
                    if (i >= changed.size()) continue;
                    extend(area, list->VtxBuffer.Data[i].pos);
                    extend(area, old.vertices[i].pos);
                }
            }
        }
    }
    if (any) area = ImVec4(area.x - 2.0f, area.y - 2.0f, area.z + 2.0f, area.w + 2.0f); // antialiased edges
    return any;
}

void PartialRedraw::remember(const ImDrawData* data) {
    m_last.resize(static_cast<std::size_t>(data->CmdListsCount));
    for (int k = 0; k < data->CmdListsCount; ++k) {
        const ImDrawList* list = data->CmdLists[k];
        List& out = m_last[static_cast<std::size_t>(k)];
        out.vertices.assign(list->VtxBuffer.Data, list->VtxBuffer.Data + list->VtxBuffer.Size);
        out.indices.assign(list->IdxBuffer.Data, list->IdxBuffer.Data + list->IdxBuffer.Size);
        out.commands.assign(list->CmdBuffer.Data, list->CmdBuffer.Data + list->CmdBuffer.Size);
    }
    m_haveLast = true;
}

bool PartialRedraw::prepare(ImDrawData* data, int fbWidth, int fbHeight, bool forceFull) {
    m_partial = false;
    if (m_state == State::Off || !data) return false;
    const bool sizeChanged = fbWidth != m_fbWidth || fbHeight != m_fbHeight;
    m_fbWidth = fbWidth;
    m_fbHeight = fbHeight;
    m_scale = data->FramebufferScale;
    ImVec4 area;
    const bool candidate = !forceFull && !sizeChanged && m_haveLast && sameShape(data);
    const bool changed = candidate && changedArea(data, area);
    // What to redraw: this frame's change and the last frame's (a swap that exchanges two buffers
    // leaves the last frame's change missing in this buffer).
    const ImVec4 dirty = changed ? unite(area, m_lastWasFull ? ImVec4(0, 0, 0, 0) : m_lastArea) : m_lastWasFull ? ImVec4(0, 0, 0, 0) : m_lastArea;
    const float screen = data->DisplaySize.x * data->DisplaySize.y;
    const bool small = isEmpty(dirty) || (dirty.z - dirty.x) * (dirty.w - dirty.y) < 0.4f * screen;
    bool partial = candidate && small;
    if (partial && m_state == State::Unverified) {
        // Is the last frame still in the back buffer after the swap?
        unsigned char now[4] = {0, 0, 0, 0};
        glReadPixels(fbWidth / 2, fbHeight / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, now);
        if (m_probeTaken && std::memcmp(now, m_probe, sizeof now) == 0) {
            m_state = State::Verified;
        } else {
            m_state = m_probeTaken ? State::Off : State::Unverified;
            partial = false;
        }
    }
    remember(data);
    if (!partial) {
        m_lastWasFull = true;
        m_lastArea = ImVec4(0, 0, 0, 0);
        return false;
    }
    m_lastWasFull = false;
    m_lastArea = changed ? area : ImVec4(0, 0, 0, 0);
    // Whole framebuffer pixels, so that the cleared rectangle and the backend's scissor (which
    // truncates) cover exactly the same pixels.
    const ImVec2 origin = data->DisplayPos;
    const int x0 = std::clamp(static_cast<int>(std::floor((dirty.x - origin.x) * m_scale.x)), 0, fbWidth);
    const int y0 = std::clamp(static_cast<int>(std::floor((dirty.y - origin.y) * m_scale.y)), 0, fbHeight);
    const int x1 = std::clamp(static_cast<int>(std::ceil((dirty.z - origin.x) * m_scale.x)), x0, fbWidth);
    const int y1 = std::clamp(static_cast<int>(std::ceil((dirty.w - origin.y) * m_scale.y)), y0, fbHeight);
    const ImVec4 pixels(origin.x + static_cast<float>(x0) / m_scale.x, origin.y + static_cast<float>(y0) / m_scale.y,
                        origin.x + static_cast<float>(x1) / m_scale.x, origin.y + static_cast<float>(y1) / m_scale.y);
    // Every command draws only inside that rectangle (an empty one draws nothing).
    for (int k = 0; k < data->CmdListsCount; ++k) {
        for (ImDrawCmd& cmd : data->CmdLists[k]->CmdBuffer) {
            ImVec4& r = cmd.ClipRect;
            r = ImVec4(std::max(r.x, pixels.x), std::max(r.y, pixels.y), std::min(r.z, pixels.z), std::min(r.w, pixels.w));
            if (isEmpty(r)) r = ImVec4(r.x, r.y, r.x, r.y);
        }
    }
    m_scissor[0] = x0;
    m_scissor[1] = fbHeight - y1;
    m_scissor[2] = x1 - x0;
    m_scissor[3] = y1 - y0;
    m_partial = true;
    return true;
}

void PartialRedraw::finish() {
    if (m_state != State::Unverified || m_partial) return;
    glReadPixels(m_fbWidth / 2, m_fbHeight / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, m_probe);
    m_probeTaken = true;
}

} // namespace lernraum::app
