#include "ui/list_layout.hpp"

#include "ui/view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace lernraum::ui {

std::uint64_t sessionVersion(const ViewContext& ctx) {
    if (ctx.history) return ctx.history->version();
    static std::uint64_t unknown = 0; // no history to ask: every call differs, caches rebuild
    return ~std::uint64_t{0} - ++unknown;
}

void ListLayout::clear() {
    m_heights.clear();
    m_sums.assign(1, 0.0);
    m_validUpTo = 0;
}

void ListLayout::reserve(std::size_t n) {
    m_heights.reserve(n);
    m_sums.reserve(n + 1);
}

void ListLayout::push(float height) {
    m_heights.push_back(height);
    if (m_validUpTo + 1 == m_sums.size() && m_validUpTo + 1 == m_heights.size()) {
        m_sums.push_back(m_sums.back() + static_cast<double>(height)); // still in step: no later fix-up
        ++m_validUpTo;
    }
}

void ListLayout::fixSums() const {
    if (m_validUpTo == m_heights.size() && m_sums.size() == m_heights.size() + 1) return;
    m_sums.resize(m_heights.size() + 1);
    for (std::size_t i = m_validUpTo; i < m_heights.size(); ++i) m_sums[i + 1] = m_sums[i] + static_cast<double>(m_heights[i]);
    m_validUpTo = m_heights.size();
}

float ListLayout::offset(std::size_t i) const {
    fixSums();
    return static_cast<float>(m_sums[std::min(i, m_heights.size())]);
}

void ListLayout::setHeight(std::size_t i, float height) {
    if (i >= m_heights.size() || std::abs(m_heights[i] - height) < 0.01f) return;
    m_heights[i] = height;
    m_validUpTo = std::min(m_validUpTo, i);
}

std::pair<std::size_t, std::size_t> ListLayout::visible(float top, float bottom) const {
    fixSums();
    const std::size_t n = m_heights.size();
    if (n == 0 || bottom <= top) return {0, 0};
    // First item whose end is below `top`, first item whose start is at or below `bottom`.
    const auto begin = m_sums.begin() + 1;
    const auto firstEnd = std::upper_bound(begin, begin + static_cast<std::ptrdiff_t>(n), static_cast<double>(top));
    const std::size_t first = static_cast<std::size_t>(firstEnd - begin);
    const auto lastStart = std::lower_bound(m_sums.begin(), m_sums.begin() + static_cast<std::ptrdiff_t>(n), static_cast<double>(bottom));
    const std::size_t last = std::max(first, static_cast<std::size_t>(lastStart - m_sums.begin()));
    return {first, last};
}

// -----------------------------------------------------------------------------------------------

ListClip::ListClip(ListLayout& layout) : m_layout(layout) {
    m_top = ImGui::GetCursorScreenPos().y;
    // The window's visible rows (a superset of its clip rectangle, which tables narrow further).
    const float windowTop = ImGui::GetWindowPos().y;
    const auto [first, last] = layout.visible(windowTop - m_top, windowTop + ImGui::GetWindowHeight() - m_top);
    m_first = first;
    m_last = last;
    const float above = layout.offset(m_first);
    if (above > 0.0f) ImGui::Dummy(ImVec2(0.0f, std::max(0.0f, above - ImGui::GetStyle().ItemSpacing.y)));
    m_itemTop = ImGui::GetCursorScreenPos().y;
}

void ListClip::measured(std::size_t i) {
    const float y = ImGui::GetCursorScreenPos().y;
    m_layout.setHeight(i, y - m_itemTop);
    m_itemTop = y;
}

void ListClip::scrollTo(std::size_t i) const {
    if (i >= m_layout.size()) return;
    const float centre = m_top + m_layout.offset(i) + m_layout.height(i) * 0.5f;
    ImGui::SetScrollFromPosY(centre - ImGui::GetWindowPos().y, 0.5f);
}

void ListClip::end() {
    if (m_ended) return;
    m_ended = true;
    // Below the drawn items: the rest of the list's height (measured items moved it by what they
    // measured differently this frame; the sums catch up next frame).
    const float below = m_layout.total() - m_layout.offset(std::max(m_last, m_first));
    if (below > 0.0f) ImGui::Dummy(ImVec2(0.0f, std::max(0.0f, below - ImGui::GetStyle().ItemSpacing.y)));
}

// -----------------------------------------------------------------------------------------------

TableRowClip::TableRowClip(ListLayout& layout, float margin) : m_layout(layout) {
    const float top = ImGui::GetCursorScreenPos().y + margin;
    const float windowTop = ImGui::GetWindowPos().y;
    const auto [first, last] = layout.visible(windowTop - top, windowTop + ImGui::GetWindowHeight() - top);
    m_first = first;
    m_last = last;
}

void TableRowClip::begin() {
    if (m_first == 0) return;
    // As many rows as were skipped, modulo two: the rows drawn keep their alternating colour.
    const float padding = 2.0f * ImGui::GetStyle().CellPadding.y;
    const float above = m_layout.offset(m_first);
    if (m_first % 2 == 1) {
        ImGui::TableNextRow(ImGuiTableRowFlags_None, above);
    } else {
        ImGui::TableNextRow(ImGuiTableRowFlags_None, std::max(0.0f, above - padding));
        ImGui::TableNextRow();
    }
}

void TableRowClip::row(std::size_t i) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    const float y = ImGui::GetCursorScreenPos().y;
    if (m_inRow) m_layout.setHeight(m_row, y - m_rowTop);
    m_inRow = true;
    m_row = i;
    m_rowTop = y;
}

void TableRowClip::end() {
    const std::size_t from = std::max(m_first, m_last);
    const float below = m_layout.total() - m_layout.offset(from);
    if (!m_inRow && below <= 0.0f) return;
    ImGui::TableNextRow(ImGuiTableRowFlags_None, std::max(0.0f, below));
    ImGui::TableSetColumnIndex(0);
    if (m_inRow) m_layout.setHeight(m_row, ImGui::GetCursorScreenPos().y - m_rowTop);
    m_inRow = false;
}

} // namespace lernraum::ui
