#include "ui/experiment_board.hpp"

#include "core/commands.hpp"
#include "core/experiment_rules.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <string>

namespace lernraum::ui {
namespace {

constexpr const char* kPayload = "LR_EXPERIMENT";

std::string observationCount(std::size_t n) {
    return std::to_string(n) + " " + (n == 1 ? _("observation") : _("observations"));
}

// `preferred` unless one of the text's words is wider than `width` in it (ImGui would break the word
// in the middle, e.g. a long German compound): then the narrower `fallback`.
ImFont* fittingFont(std::string_view text, ImFont* preferred, ImFont* fallback, float width) {
    if (preferred == nullptr) return fallback;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        const ImVec2 size = preferred->CalcTextSizeA(preferred->FontSize, FLT_MAX, 0.0f, text.data() + start, text.data() + end);
        if (size.x > width) return fallback;
        start = end + 1;
    }
    return preferred;
}

// One experiment card. Returns true when clicked (pressed and released on it without dragging).
ExperimentFrameStats g_experimentStats;

bool experimentCard(const core::Experiment& e, float width, bool selected, bool refused, core::Date today) {
    const Palette& p = palette();
    ImGui::PushID(e.id.c_str());
    const float pad = em(0.4f);
    const float stripe = em(0.3f);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Content on channel 1, background (whose height is only known afterwards) on channel 0.
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad + stripe, start.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width - 2 * pad - stripe);
    {
        FontScope font(fittingFont(e.title, fonts().bold, fonts().body, width - 2 * pad - stripe));
        wrappedText(e.title);
    }
    if (e.ownerRole && core::inRange(*e.ownerRole)) mutedText(label(*e.ownerRole));
    const bool overdue = core::isReviewOverdue(e, today);
    const float inner = width - 2 * pad - stripe;
    // "Review: 16.12.2026" on one line when it fits, else the date on a line of its own (ImGui would
    // break the date at its dots).
    auto dated = [inner](const ImVec4& colour, const std::string& what, const std::string& date) {
        const std::string line = what + ": " + date;
        if (ImGui::CalcTextSize(line.c_str()).x <= inner) {
            colouredText(colour, line);
        } else {
            colouredText(colour, what + ":");
            colouredText(colour, date);
        }
        return line;
    };
    if (overdue) {
        FontScope font(fonts().bold);
        recordLastItem(dated(p.warning, std::string("\xE2\x9A\xA0 ") + _("Review overdue"), formatDate(e.reviewDate)));
    } else if (e.reviewDate.isSet()) {
        dated(p.muted, _("Review"), formatDate(e.reviewDate));
    }
    mutedText(observationCount(e.observations.size()));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + pad);
    dl->ChannelsSetCurrent(0);
    const float rounding = em(0.25f);
    dl->AddRectFilled(start, end, ImGui::GetColorU32(p.card), rounding);
    dl->AddRectFilled(start, ImVec2(start.x + stripe, end.y), ImGui::GetColorU32(experimentStatusColour(e.status)),
                      rounding, ImDrawFlags_RoundCornersLeft);
    const bool strong = selected || overdue || refused;
    const ImVec4 outline = refused || overdue ? p.warning : selected ? p.accent : p.border;
    dl->AddRect(start, end, ImGui::GetColorU32(outline), rounding, 0, strong ? em(0.15f) : 1.0f);
    dl->ChannelsMerge();

    ImGui::SetCursorScreenPos(start);
    const bool clicked = ImGui::InvisibleButton("##experiment", ImVec2(end.x - start.x, end.y - start.y));
    recordLastItem(e.title);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(kPayload, e.id.data(), e.id.size());
        ImGui::TextUnformatted(e.title.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
        ImGui::TextUnformatted(_("Drop on a status column"));
        ImGui::PopStyleColor();
        ImGui::EndDragDropSource();
    }
    ImGui::Dummy(ImVec2(0.0f, em(0.1f)));
    ImGui::PopID();
    return clicked;
}

std::string columnTitle(core::ExperimentStatus status, int count) {
    return std::string(label(status)) + "  " + std::to_string(count);
}

int countIn(const core::Session& session, core::ExperimentStatus status) {
    return static_cast<int>(std::count_if(session.experiments.begin(), session.experiments.end(),
                                           [status](const core::Experiment& e) { return e.status == status; }));
}

} // namespace

ImVec4 experimentStatusColour(core::ExperimentStatus status) {
    const Palette& p = palette();
    switch (status) {
    case core::ExperimentStatus::Planned: return cardColour(core::CardColour::SkyBlue);
    case core::ExperimentStatus::Running: return p.accent;
    case core::ExperimentStatus::Evaluated: return cardColour(core::CardColour::Yellow);
    case core::ExperimentStatus::Transferred: return p.success;
    case core::ExperimentStatus::Stopped: return p.muted;
    default: return p.border;
    }
}

void experimentStatusLabel(core::ExperimentStatus status) {
    if (!core::inRange(status)) return;
    const float size = ImGui::GetFontSize() * 0.8f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float top = pos.y + (ImGui::GetTextLineHeight() - size) * 0.5f + ImGui::GetCurrentWindowRead()->DC.CurrLineTextBaseOffset;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(pos.x, top), ImVec2(pos.x + size, top + size),
                                              ImGui::GetColorU32(experimentStatusColour(status)), size * 0.2f);
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine();
    FontScope font(fonts().bold);
    ImGui::TextUnformatted(label(status));
}

void ExperimentBoard::move(const core::Session& session, const core::Id& experimentId, core::ExperimentStatus status,
                           const Emit& emit) {
    auto result = core::setExperimentStatus(session, experimentId, status);
    if (result.ok()) {
        m_refusedId.clear();
        m_missing.clear();
        m_message.clear();
    } else {
        const core::Experiment* e = nullptr;
        for (const auto& x : session.experiments) {
            if (x.id == experimentId) e = &x;
        }
        m_refusedId = experimentId;
        m_refusedStatus = status;
        m_missing = e ? core::missingForStatus(*e, status) : std::vector<std::string>{};
        m_message = result.refusal().message([](const char* msgid) { return translate(msgid); });
        if (e) m_message = "\xE2\x80\x9E" + e->title + "\xE2\x80\x9C: " + m_message;
    }
    emit(std::move(result));
}

void ExperimentBoard::forgetStaleRefusal(const core::Session& session) {
    if (m_refusedId.empty()) return;
    const auto it = std::find_if(session.experiments.begin(), session.experiments.end(),
                                 [&](const core::Experiment& e) { return e.id == m_refusedId; });
    if (it == session.experiments.end() || core::missingForStatus(*it, m_refusedStatus).empty()) {
        m_refusedId.clear();
        m_missing.clear();
        m_message.clear();
    }
}

void ExperimentBoard::drawSummary(const core::Session& session, const ViewContext& ctx) {
    const Palette& p = palette();
    const core::ExperimentSummary summary = core::summarizeExperiments(session.experiments, ctx.now.date());
    std::string line = std::string(_("Experiments")) + ": " + std::to_string(summary.total);
    for (int i = 0; i < static_cast<int>(core::ExperimentStatus::Count); ++i) {
        const auto status = static_cast<core::ExperimentStatus>(i);
        line += std::string(i == 0 ? "  \xE2\x80\x93  " : " \xC2\xB7 ") + label(status) + " " +
                std::to_string(summary.count(status));
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(line.c_str());
    recordLastItem(line);
    if (summary.overdue > 0) {
        ImGui::SameLine();
        FontScope font(fonts().bold);
        const std::string overdue = std::string("\xC2\xB7 \xE2\x9A\xA0 ") + _("Reviews overdue") + ": " +
                                    std::to_string(summary.overdue);
        colouredText(p.warning, overdue);
        recordLastItem(overdue);
    }
    ImGui::PopTextWrapPos();
    if (!m_message.empty()) {
        FontScope font(fonts().bold);
        colouredText(p.warning, m_message);
        recordLastItem(m_message);
    }
}

void ExperimentBoard::drawColumn(const core::Session& session, core::ExperimentStatus status, float width, float height,
                                 const ViewContext& ctx, const core::Id& selected, core::Id& clicked,
                                 const Emit& emit) {
    ImGui::PushID(static_cast<int>(status));
    const int count = countIn(session, status);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, em(0.3f, 0.5f));
    ImGui::BeginChild("status-column", ImVec2(width, height), true);
    {
        FontScope font(m_headingFont);
        colouredText(palette().accent, columnTitle(status, count));
    }
    ImGui::Spacing();
    const float cardWidth = ImGui::GetContentRegionAvail().x;
    // The column's cards are listed once per change of the session; a frame draws those on screen.
    const auto column = static_cast<std::size_t>(status);
    if (m_columns.size() < static_cast<std::size_t>(core::ExperimentStatus::Count))
        m_columns.resize(static_cast<std::size_t>(core::ExperimentStatus::Count));
    ColumnCards& cards = m_columns[column];
    const core::Date today = ctx.now.date();
    if (!cards.valid || cards.version != sessionVersion(ctx) || cards.data != session.experiments.data() ||
        cards.count != session.experiments.size() || cards.width != cardWidth || cards.font != ImGui::GetFontSize() ||
        cards.presentation != ctx.presentation || !(cards.today == today) || cards.language != language()) {
        cards.valid = true;
        cards.version = sessionVersion(ctx);
        cards.data = session.experiments.data();
        cards.count = session.experiments.size();
        cards.width = cardWidth;
        cards.font = ImGui::GetFontSize();
        cards.presentation = ctx.presentation;
        cards.today = today;
        cards.language = language();
        cards.items.clear();
        cards.layout.clear();
        // An estimate (title, a line of dates, padding) until the card is drawn and measured.
        const float estimate = 3.0f * ImGui::GetTextLineHeightWithSpacing() + 2.0f * ImGui::GetStyle().ItemSpacing.y;
        for (std::size_t i = 0; i < session.experiments.size(); ++i) {
            if (session.experiments[i].status != status) continue;
            cards.items.push_back(i);
            cards.layout.push(estimate);
        }
        g_experimentStats.sorted += cards.items.size();
    }
    g_experimentStats.listed += cards.items.size();
    {
        ListClip clip(cards.layout);
        for (std::size_t pos = clip.first(); pos < clip.last(); ++pos) {
            const core::Experiment& e = session.experiments[cards.items[pos]];
            if (experimentCard(e, cardWidth, e.id == selected, e.id == m_refusedId, today)) clicked = e.id;
            clip.measured(pos);
            ++g_experimentStats.drawn;
        }
    }
    if (count == 0) mutedText("\xE2\x80\x93");
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    // The whole column accepts a dropped card.
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kPayload)) {
            const core::Id id(static_cast<const char*>(payload->Data), static_cast<std::size_t>(payload->DataSize));
            if (id != selected) clicked = id;
            move(session, id, status, emit);
        }
        ImGui::EndDragDropTarget();
    }
    recordLastItem(std::string("column:") + std::string(core::toName(status)));
    ImGui::PopID();
}

const ExperimentFrameStats& lastExperimentFrameStats() { return g_experimentStats; }

void ExperimentBoard::draw(const core::Session& session, const ViewContext& ctx, float width, const core::Id& selected,
                           core::Id& clicked, const Emit& emit) {
    g_experimentStats = {};
    forgetStaleRefusal(session);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    drawSummary(session, ctx);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    constexpr int kColumns = static_cast<int>(core::ExperimentStatus::Count);
    const float gap = em(0.4f);
    // Empty columns take less room, so that long German compounds in titles fit on the others.
    std::array<float, kColumns> weights{};
    float total = 0.0f;
    int visible = 0;
    for (int i = 0; i < kColumns; ++i) {
        const auto status = static_cast<core::ExperimentStatus>(i);
        const bool empty = std::none_of(session.experiments.begin(), session.experiments.end(),
                                        [status](const core::Experiment& e) { return e.status == status; });
        // In front of the room empty columns are left out (they are only drop targets).
        weights[static_cast<std::size_t>(i)] = !empty ? 1.0f : ctx.presentation ? 0.0f : 0.75f;
        total += weights[static_cast<std::size_t>(i)];
        visible += weights[static_cast<std::size_t>(i)] > 0.0f ? 1 : 0;
    }
    const float gaps = gap * static_cast<float>(std::max(visible - 1, 0));
    // Whole pixels, with a pixel to spare: rounding must never make the row one pixel too wide.
    const float unit = std::max(em(9.0f), (width - gaps - 2.0f) / std::max(total, 1.0f));
    auto columnWidth = [&](int i) { return std::floor(std::max(em(7.0f), unit * weights[static_cast<std::size_t>(i)])); };
    float needed = gaps;
    for (int i = 0; i < kColumns; ++i) needed += weights[static_cast<std::size_t>(i)] > 0.0f ? columnWidth(i) : 0.0f;
    const bool scrolls = needed > width + 1.0f;
    // Column headings on one line each (the count must not wrap below the status): the heading font
    // when every heading fits, else the bold body font for all of them, so they look alike.
    m_headingFont = fonts().heading;
    for (int i = 0; i < kColumns && m_headingFont != nullptr; ++i) {
        if (weights[static_cast<std::size_t>(i)] <= 0.0f) continue;
        const auto status = static_cast<core::ExperimentStatus>(i);
        const std::string title = columnTitle(status, countIn(session, status));
        const float inner = columnWidth(i) - 2.0f * em(0.3f) - 2.0f;
        if (m_headingFont->CalcTextSizeA(m_headingFont->FontSize, FLT_MAX, 0.0f, title.c_str()).x > inner) {
            m_headingFont = fonts().bold;
        }
    }
    // Too narrow for six readable columns (large zoom): scroll sideways, never push the side panel away.
    ImGui::BeginChild("status-columns", ImVec2(width, 0.0f), false, ImGuiWindowFlags_HorizontalScrollbar);
    syncScroll(ctx, "status-columns");
    const float height = std::max(em(10.0f), ImGui::GetContentRegionAvail().y - (scrolls ? ImGui::GetStyle().ScrollbarSize : 0.0f));
    bool first = true;
    for (int i = 0; i < kColumns; ++i) {
        if (weights[static_cast<std::size_t>(i)] <= 0.0f) continue;
        if (!first) ImGui::SameLine(0.0f, gap);
        first = false;
        drawColumn(session, static_cast<core::ExperimentStatus>(i), columnWidth(i), height, ctx, selected, clicked, emit);
    }
    ImGui::EndChild();
    ImGui::EndGroup();
}

} // namespace lernraum::ui
