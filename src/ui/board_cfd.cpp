#include "ui/board_cfd.hpp"

#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace lernraum::ui {
namespace {

// Band colours: the Okabe-Ito palette in an order that keeps neighbours distinct.
ImVec4 bandColour(std::size_t column) {
    using core::CardColour;
    static constexpr CardColour order[] = {CardColour::SkyBlue, CardColour::Orange,     CardColour::BluishGreen,
                                           CardColour::ReddishPurple, CardColour::Yellow, CardColour::Blue,
                                           CardColour::Vermillion, CardColour::Grey};
    return cardColour(order[column % std::size(order)]);
}

} // namespace

void FlowDiagram::draw(const core::Board& board, float height, std::uint64_t version) {
    const bool same = m_haveVersion && version == m_version && board.id == m_boardId && board.cards.size() == m_cards &&
                      board.columns.size() == m_columns;
    m_version = version;
    m_haveVersion = true;
    const core::Timestamp latest = same ? m_latest : core::latestActivity(board);
    if (board.id != m_boardId || latest != m_latest || board.cards.size() != m_cards || board.columns.size() != m_columns) {
        m_boardId = board.id;
        m_latest = latest;
        m_cards = board.cards.size();
        m_columns = board.columns.size();
        m_days = core::cumulativeFlow(board, 120);
    }
    const Palette& p = palette();
    heading(_("Cumulative flow"));
    if (m_days.size() < 2 || board.columns.empty()) {
        mutedText(_("Not enough history for a flow diagram yet."));
        return;
    }

    // Legend: one swatch per column, left to right.
    for (std::size_t c = 0; c < board.columns.size(); ++c) {
        if (c > 0) ImGui::SameLine(0.0f, em(1.0f));
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float s = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + s, pos.y + s), ImGui::GetColorU32(bandColour(c)));
        ImGui::Dummy(ImVec2(s, s));
        ImGui::SameLine();
        ImGui::TextUnformatted(board.columns[c].title.c_str());
    }

    int maxTotal = 1;
    for (const auto& day : m_days) {
        int total = 0;
        for (int n : day.counts) total += n;
        maxTotal = std::max(maxTotal, total);
    }
    const float axis = ImGui::CalcTextSize("00000").x;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(em(10.0f), ImGui::GetContentRegionAvail().x);
    const float plotHeight = std::max(em(4.0f), height - ImGui::GetTextLineHeightWithSpacing() * 2.0f);
    const ImVec2 plotMin(origin.x + axis, origin.y);
    const ImVec2 plotMax(origin.x + width - em(0.5f), origin.y + plotHeight);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(plotMin, plotMax, ImGui::GetColorU32(p.panel));

    const std::size_t n = m_days.size();
    const float dx = (plotMax.x - plotMin.x) / static_cast<float>(n - 1);
    const float scale = (plotMax.y - plotMin.y) / static_cast<float>(maxTotal);
    // Stack from the last column (Done) at the bottom to the first at the top.
    std::vector<float> lower(n, 0.0f);
    std::vector<float> upper(n, 0.0f);
    for (std::size_t k = board.columns.size(); k-- > 0;) {
        for (std::size_t i = 0; i < n; ++i) {
            const int count = k < m_days[i].counts.size() ? m_days[i].counts[k] : 0;
            upper[i] = lower[i] + static_cast<float>(count);
        }
        const ImU32 colour = ImGui::GetColorU32(bandColour(k));
        for (std::size_t i = 0; i + 1 < n; ++i) {
            const float x0 = plotMin.x + dx * static_cast<float>(i);
            const float x1 = x0 + dx;
            const ImVec2 a(x0, plotMax.y - lower[i] * scale);
            const ImVec2 b(x1, plotMax.y - lower[i + 1] * scale);
            const ImVec2 c(x1, plotMax.y - upper[i + 1] * scale);
            const ImVec2 d(x0, plotMax.y - upper[i] * scale);
            if (upper[i] > lower[i] || upper[i + 1] > lower[i + 1]) dl->AddQuadFilled(a, b, c, d, colour);
        }
        lower = upper;
    }
    dl->AddRect(plotMin, plotMax, ImGui::GetColorU32(p.border));
    const ImU32 text = ImGui::GetColorU32(p.muted);
    const std::string top = std::to_string(maxTotal);
    dl->AddText(ImVec2(origin.x, plotMin.y), text, top.c_str());
    dl->AddText(ImVec2(origin.x, plotMax.y - ImGui::GetTextLineHeight()), text, "0");
    ImGui::Dummy(ImVec2(width, plotHeight));
    recordLastItem("Cumulative flow diagram"); // tests find the plot area
    const std::string first = formatDate(m_days.front().day);
    const std::string last = formatDate(m_days.back().day);
    const float labelY = ImGui::GetCursorScreenPos().y;
    dl->AddText(ImVec2(plotMin.x, labelY), text, first.c_str());
    dl->AddText(ImVec2(plotMax.x - ImGui::CalcTextSize(last.c_str()).x, labelY), text, last.c_str());
    ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeightWithSpacing()));
}

} // namespace lernraum::ui
