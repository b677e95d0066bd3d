// [SECTION] phases, toolbar, voting bar
// [SECTION] prompts (hidden writing; the cards themselves: retro_cards.cpp)
// [SECTION] groups
// [SECTION] results
// [SECTION] draw: what each phase shows

#include "ui/retro_workspace.hpp"

#include "core/formats.hpp"
#include "core/room_rules.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "ui/hyphenation.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/retro_library.hpp"
#include "ui/retro_helpers.hpp"
#include "ui/retro_outcomes.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <unordered_map>
#include <vector>

namespace lernraum::ui {

namespace {
std::uint64_t randomSeed() {
    std::random_device rd;
    return (std::uint64_t{rd()} << 32) | rd();
}
RetroFrameStats g_retroStats;
} // namespace

const RetroFrameStats& lastRetroFrameStats() { return g_retroStats; }


using namespace retro_detail;

RetroWorkspace::RetroWorkspace() : m_ids(core::IdGenerator::fromRandomDevice()) {}

core::Id RetroWorkspace::nextId(const core::Session& session, std::string_view prefix) {
    core::Id id = m_ids.next(prefix);
    while (core::idInUse(session, id)) id = m_ids.next(prefix);
    return id;
}

// -----------------------------------------------------------------------------------------------
// [SECTION] phases, toolbar, voting bar

void RetroWorkspace::drawPhaseBar(const core::Retrospective& retro, ViewContext& ctx) {
    const Palette& p = palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    const int n = static_cast<int>(core::Phase::Count);
    const int current = static_cast<int>(retro.phase);
    const char* back = _("\xE2\x97\x80 Back");
    const char* next = _("Next phase \xE2\x96\xB6");
    const float buttons = ctx.presentation ? 0.0f
                                           : ImGui::CalcTextSize(back).x + ImGui::CalcTextSize(next).x +
                                                 4.0f * style.FramePadding.x + 2.0f * style.ItemSpacing.x;
    const float gap = em(0.25f);
    const float width = std::max(em(20.0f), ImGui::GetContentRegionAvail().x - buttons);
    const float segment = (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
    // Each phase's timebox: the planned minutes of its agenda items, on a second line.
    int planned[static_cast<int>(core::Phase::Count)] = {};
    bool anyPlan = false;
    for (int i = 0; i < n; ++i) {
        planned[i] = core::plannedMinutes(*m_session, static_cast<core::Phase>(i));
        anyPlan = anyPlan || planned[i] > 0;
    }
    const float line = ImGui::GetTextLineHeight();
    // The longest form that fits every segment, the same for all of them (a bar where one phase
    // lost its number reads as a different list): "✓ 1. Einstimmung" (the check mark only
    // without planned minutes), "1. Einstimmung", "Einstimmung"; with large text in a large room
    // (audience window) the names wrap onto more lines instead of being cut off.
    const float room = segment - em(0.8f);
    const auto phaseText = [&](int i, int level) {
        const std::string name = label(static_cast<core::Phase>(i));
        if (level >= 2) return name;
        const std::string number = std::to_string(i + 1) + ". ";
        // With planned minutes the check mark of a finished phase goes to the minutes line.
        return std::string(level == 0 && i < current && !anyPlan ? "\xE2\x9C\x93 " : "") + number + name;
    };
    int level = 0;
    for (int i = 0; i < n; ++i) {
        FontScope font(i == current ? fonts().bold : nullptr);
        while (level < 2 && ImGui::CalcTextSize(phaseText(i, level).c_str()).x > room) ++level;
    }
    float nameLines = 1.0f;
    for (int i = 0; i < n; ++i) {
        FontScope font(i == current ? fonts().bold : nullptr);
        const float h = ImGui::CalcTextSize(phaseText(i, level).c_str(), nullptr, false, room).y;
        nameLines = std::max(nameLines, std::round(h / std::max(1.0f, line)));
    }
    const bool wrap = nameLines > 1.0f;
    const float height = anyPlan ? (nameLines + 1.0f) * line + em(0.7f)
                                 : std::max(ImGui::GetFrameHeight() * 1.25f, nameLines * line + em(0.5f));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < n; ++i) {
        const ImVec2 a(origin.x + static_cast<float>(i) * (segment + gap), origin.y);
        const ImVec2 b(a.x + segment, a.y + height);
        const bool isCurrent = i == current;
        const bool done = i < current;
        dl->AddRectFilled(a, b, ImGui::GetColorU32(isCurrent ? p.badge : p.panel), em(0.3f));
        if (done) dl->AddRectFilled(ImVec2(a.x, b.y - em(0.25f)), b, ImGui::GetColorU32(p.success), em(0.3f));
        if (!isCurrent) dl->AddRect(a, b, ImGui::GetColorU32(p.border), em(0.3f));
        FontScope font(isCurrent ? fonts().bold : nullptr);
        const std::string text = phaseText(i, level);
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        const float textHeight = wrap ? nameLines * line : size.y;
        const float top = a.y + (height - (anyPlan ? textHeight + line : textHeight)) * 0.5f;
        ImGui::PushClipRect(a, b, true);
        ImGui::SetCursorScreenPos(ImVec2(a.x + (wrap ? em(0.4f) : std::max(em(0.4f), (segment - size.x) * 0.5f)), top));
        if (wrap) ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + room);
        ImGui::PushStyleColor(ImGuiCol_Text, isCurrent ? p.badgeText : done ? p.muted : p.text);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopStyleColor();
        if (wrap) ImGui::PopTextWrapPos();
        if (anyPlan) {
            const std::string minutes = planned[i] > 0 ? std::to_string(planned[i]) + " " + _("min") : "\xE2\x80\x93";
            const std::string shown = (done ? "\xE2\x9C\x93 " : "") + minutes;
            const float w = ImGui::CalcTextSize(shown.c_str()).x;
            ImGui::SetCursorScreenPos(ImVec2(a.x + std::max(em(0.4f), (segment - w) * 0.5f), top + textHeight));
            ImGui::PushStyleColor(ImGuiCol_Text, isCurrent ? p.badgeText : p.muted);
            ImGui::TextUnformatted(shown.c_str());
            ImGui::PopStyleColor();
            recordLastItem(std::string(label(static_cast<core::Phase>(i))) + " \xC2\xB7 " + minutes);
        }
        ImGui::PopClipRect();
    }
    if (!ctx.presentation) { // a click on a phase goes there (same agenda rule as Next / Back)
        for (int i = 0; i < n; ++i) {
            ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(i) * (segment + gap), origin.y));
            ImGui::PushID(i);
            if (ImGui::InvisibleButton("##phase", ImVec2(segment, height)) && i != current)
                ctx.submit(core::goToPhase(*m_session, retro.id, static_cast<core::Phase>(i)));
            // Right-click: the phase alone, when the agenda is run differently from the phases.
            if (i != current && ImGui::BeginPopupContextItem("phase-menu")) {
                if (menuItem(_("Only change the phase (the agenda stays)")))
                    ctx.submit(core::setRetroPhase(*m_session, retro.id, static_cast<core::Phase>(i)));
                ImGui::EndPopup();
            }
            ImGui::PopID();
            recordLastItem(std::string(_("Go to phase")) + ": " + label(static_cast<core::Phase>(i)));
            if (ImGui::IsItemHovered() && i != current) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        }
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
    recordLastItem(std::string(_("Phase")) + ": " + label(retro.phase));
    if (ctx.presentation) return;
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (height - ImGui::GetFrameHeight()) * 0.5f);
    ImGui::BeginDisabled(current == 0);
    if (button(back)) ctx.submit(core::previousPhase(*m_session, retro.id));
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(current + 1 >= n);
    if (button(next)) ctx.submit(core::advancePhase(*m_session, retro.id));
    ImGui::EndDisabled();
}

void RetroWorkspace::drawToolbar(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx) {
    const core::RetroLibrary& library = retroLibrary();
    const std::string& lang = language();
    const core::RetroFormat* format = library.format(retro.formatId);
    const std::string preview = format ? format->name.in(lang) : retro.formatId.empty() ? std::string(_("Custom")) : retro.formatId;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(_("Format"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(16.0f));
    const bool open = ImGui::BeginCombo("##format", preview.c_str());
    if (!open) recordLastItem(_("Format"));
    if (open) {
        if (library.formats.empty()) mutedText(_("No formats found (assets missing)."));
        for (const auto& f : library.formats) {
            ImGui::PushID(f.id.c_str());
            if (selectable(f.name.in(lang).c_str(), f.id == retro.formatId)) {
                ctx.submit(core::applyFormat(session, retro.id, f, lang, m_ids));
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.description.in(lang).c_str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }

    ImGui::SameLine(0.0f, em(1.5f));
    ImGui::Checkbox(_("Write face down"), &m_writeHidden);
    recordLastItem(_("Write face down"));

    const int hidden = core::hiddenCount(retro);
    ImGui::SameLine(0.0f, em(1.5f));
    ImGui::BeginDisabled(hidden == 0);
    // Shuffled, as in the participants' room: the order on the screen must not tell who wrote
    // first (the facilitator's typing order or the phones' sending order).
    if (button(fill(N_("Reveal all ({1})"), {std::to_string(hidden)}).c_str()))
        ctx.submit(core::revealShuffled(session, retro.id, randomSeed()));
    ImGui::EndDisabled();

    ImGui::SameLine(0.0f, em(1.5f));
    ImGui::SetNextItemWidth(em(14.0f));
    if (m_focusPrompt) { // after Enter the field keeps the keyboard
        ImGui::SetKeyboardFocusHere();
        m_focusPrompt = false;
    }
    const bool entered = inputTextWithHint("##newprompt", _("Own question\xE2\x80\xA6"), m_newPrompt,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem(_("New question"));
    m_focusPrompt = entered;
    ImGui::SameLine();
    if ((button(_("Add question")) || entered) && !m_newPrompt.empty()) {
        core::CommandResult result = core::addPrompt(session, retro.id, nextId(session, "prompt"), m_newPrompt);
        if (result.ok()) m_newPrompt.clear(); // a refused question stays in the field
        ctx.submit(std::move(result));
    }
    if (ctx.openRoomPanel) { // participants write and vote from their phones (View menu too)
        ImGui::SameLine(0.0f, em(1.5f));
        if (button(_("Participation by smartphone\xE2\x80\xA6"))) ctx.openRoomPanel();
    }
}

void RetroWorkspace::drawVotingBar(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx) {
    const core::VotingSettings& v = retro.voting;
    const auto budget = core::voteBudget(session, retro);
    const auto left = core::votesLeft(session, retro);
    if (!ctx.presentation) {
        if (button(v.open ? _("Close voting") : _("Open voting"))) {
            core::VotingSettings next = v;
            next.open = !v.open;
            ctx.submit(core::setVotingSettings(session, retro.id, next));
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(core::votesCast(retro) == 0); // a second round starts from zero
        if (button(_("Reset dots"))) ctx.submit(core::resetVotes(session, retro.id));
        ImGui::EndDisabled();
        ImGui::SameLine(0.0f, em(1.0f));
        int perPerson = v.budgetPerParticipant;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(_("Dots per person"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(6.0f));
        if (ImGui::InputInt("##budget", &perPerson)) {
            core::VotingSettings next = v;
            next.budgetPerParticipant = std::max(0, perPerson);
            ctx.submit(core::setVotingSettings(session, retro.id, next));
        }
        recordLastItem(_("Dots per person"));
        ImGui::SameLine(0.0f, em(1.0f));
        int limit = v.perItemLimit;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(_("Max per card (0 = any)"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(6.0f));
        if (ImGui::InputInt("##limit", &limit)) {
            core::VotingSettings next = v;
            next.perItemLimit = std::max(0, limit);
            ctx.submit(core::setVotingSettings(session, retro.id, next));
        }
        recordLastItem(_("Max per card"));
        ImGui::SameLine(0.0f, em(1.0f));
        bool hide = v.hiddenUntilClosed;
        if (ImGui::Checkbox(_("Hide results until closed"), &hide)) {
            core::VotingSettings next = v;
            next.hiddenUntilClosed = hide;
            ctx.submit(core::setVotingSettings(session, retro.id, next));
        }
        recordLastItem(_("Hide results until closed"));
        ImGui::SameLine(0.0f, em(1.5f));
    }
    ImGui::AlignTextToFramePadding();
    const Palette& p = palette();
    std::string status = v.open ? _("Voting is open") : _("Voting is closed");
    if (!v.open) {
        status += " \xC2\xB7 " + fill(N_("{1} dots placed"), {std::to_string(core::votesCast(retro))});
    } else if (budget) {
        status += " \xC2\xB7 " + fill(N_("{1} of {2} dots left ({3} people \xC3\x97 {4})"),
                                      {std::to_string(*left), std::to_string(*budget),
                                       std::to_string(core::voterCount(session)), std::to_string(v.budgetPerParticipant)});
    } else {
        status += " \xC2\xB7 " + std::string(_("no dot limit (no participants recorded)"));
    }
    FontScope font(fonts().bold);
    colouredText(v.open ? (left && *left == 0 ? p.warning : p.accent) : p.muted, status);
}

// -----------------------------------------------------------------------------------------------
// [SECTION] prompts and cards

void RetroWorkspace::drawPrompts(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx) {
    const int n = static_cast<int>(retro.prompts.size());
    if (n == 0) {
        mutedText(_("No questions yet: choose a format or add an own question."));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX | ImGuiTableFlags_BordersInnerV;
    // One table column per prompt: core keeps retrospectives within this limit (validate, addPrompt).
    static_assert(core::kMaxPrompts <= IMGUI_TABLE_MAX_COLUMNS, "the prompts are one ImGui table");
    if (!ImGui::BeginTable("prompts", n, flags)) return;
    ImGui::TableNextRow();
    for (int i = 0; i < n; ++i) {
        const core::Prompt& prompt = retro.prompts[static_cast<std::size_t>(i)];
        ImGui::TableSetColumnIndex(i);
        if (i == 0) updatePromptCards(retro, ctx, ImGui::GetContentRegionAvail().x); // the columns share one width
        ImGui::PushID(prompt.id.c_str());
        heading(prompt.text);
        if (!ctx.presentation) {
            std::string& draft = m_drafts[prompt.id];
            ImGui::SetNextItemWidth(-FLT_MIN);
            // After Enter the field keeps the keyboard for the next card (the focus is set on the
            // frame after, when the field is drawn again).
            if (m_focusDraft == prompt.id) {
                ImGui::SetKeyboardFocusHere();
                m_focusDraft.clear();
            }
            // Face down means face down while typing too: the projected field shows only '*'.
            const ImGuiInputTextFlags draftFlags =
                ImGuiInputTextFlags_EnterReturnsTrue | (m_writeHidden ? ImGuiInputTextFlags_Password : 0);
            const bool entered = inputTextWithHint(
                "##draft", m_writeHidden ? _("New card (face down)\xE2\x80\xA6") : _("New card\xE2\x80\xA6"), draft,
                draftFlags);
            recordLastItem(std::string(_("New card")) + ": " + prompt.text);
            const bool add = button(_("Add card"));
            if (entered) m_focusDraft = prompt.id;
            if ((add || entered) && !core::trim(draft).empty()) {
                core::CommandResult result =
                    core::addRetroItem(session, retro.id, nextId(session, "item"), prompt.id, draft, ctx.now, m_writeHidden);
                // A refused card (e.g. too long) keeps its text in the field, next to the message.
                if (result.ok()) draft.clear();
                ctx.submit(std::move(result));
            }
            ImGui::Spacing();
        }
        PromptCards& cards = m_promptCards[static_cast<std::size_t>(i)];
        const int hidden = cards.hidden;
        if (hidden > 0) drawFaceDown(session, retro, prompt.id, hidden, ctx);
        const int shown = static_cast<int>(cards.items.size());
        g_retroStats.listed += cards.items.size();
        {
            // Only the cards on screen are drawn; the others' space is reserved above and below.
            ListClip clip(cards.layout);
            for (std::size_t pos = clip.first(); pos < clip.last(); ++pos) {
                const core::RetroItem& item = retro.items[cards.items[pos]];
                drawItem(retro, item, ctx, false);
                clip.measured(pos);
                ++g_retroStats.drawn;
                m_itemHeights[item.id] = cards.layout.height(pos);
            }
        }
        const int grouped = cards.grouped;
        if (grouped > 0) mutedText(fill(N_("+ {1} in groups"), {std::to_string(grouped)}));
        else if (shown == 0 && hidden == 0) mutedText(_("No cards yet."));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

float RetroWorkspace::estimateItemHeight(const core::Retrospective& retro, const core::RetroItem& item, const ViewContext& ctx,
                                         float width) const {
    // What drawItem() draws: the card, the row of small buttons (not while presenting), Spacing.
    CardContent content;
    content.id = item.id;
    content.title = item.text;
    if (!(retro.voting.open && !ctx.presentation)) content.meta = voteText(retro, item.votes);
    const ImGuiStyle& style = ImGui::GetStyle();
    float h = cardHeight(content, std::max(width, em(4.0f))) + style.ItemSpacing.y;
    if (!ctx.presentation) h += ImGui::GetFontSize() + style.ItemSpacing.y;
    return h + style.ItemSpacing.y;
}

// Rebuilds the prompts' card lists when the session or what card heights depend on changed.
void RetroWorkspace::updatePromptCards(const core::Retrospective& retro, const ViewContext& ctx, float width) {
    PromptKey key{retro.id,
                  sessionVersion(ctx),
                  retro.items.data(),
                  retro.items.size(),
                  retro.prompts.size(),
                  width,
                  ImGui::GetFontSize(),
                  ctx.presentation,
                  retro.voting.open && !ctx.presentation,
                  Hyphenator::instance().loaded(),
                  language()};
    if (m_havePromptCards && key == m_promptKey) return;
    const bool sameHeights = m_havePromptCards && key.retro == m_promptKey.retro && key.width == m_promptKey.width &&
                             key.font == m_promptKey.font && key.presentation == m_promptKey.presentation &&
                             key.buttons == m_promptKey.buttons && key.hyphenation == m_promptKey.hyphenation &&
                             key.language == m_promptKey.language;
    if (!sameHeights || m_itemHeights.size() > 2 * retro.items.size() + 1024) m_itemHeights.clear();
    m_promptKey = std::move(key);
    m_havePromptCards = true;
    m_promptCards.assign(retro.prompts.size(), PromptCards{});
    g_retroStats.sorted += retro.items.size();
    std::unordered_map<std::string_view, std::size_t> promptIndex;
    for (std::size_t p = 0; p < retro.prompts.size(); ++p) promptIndex.emplace(retro.prompts[p].id, p);
    for (std::size_t i = 0; i < retro.items.size(); ++i) {
        const core::RetroItem& item = retro.items[i];
        const auto found = promptIndex.find(item.promptId);
        if (found == promptIndex.end()) continue;
        PromptCards& cards = m_promptCards[found->second];
        if (item.hidden) {
            ++cards.hidden;
        } else if (!item.groupId.empty()) {
            ++cards.grouped;
        } else {
            auto [it, added] = m_itemHeights.try_emplace(item.id, 0.0f);
            if (added) it->second = estimateItemHeight(retro, item, ctx, width);
            cards.items.push_back(i);
            cards.layout.push(it->second);
        }
    }
}

// -----------------------------------------------------------------------------------------------
// [SECTION] groups

void RetroWorkspace::drawGroups(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx) {
    const Palette& p = palette();
    heading(_("Groups"));
    if (!ctx.presentation) {
        ImGui::SetNextItemWidth(em(16.0f));
        if (m_focusGroup) { // after Enter the field keeps the keyboard
            ImGui::SetKeyboardFocusHere();
            m_focusGroup = false;
        }
        const bool entered = inputTextWithHint("##newgroup", _("Name of a new group\xE2\x80\xA6"), m_newGroup,
                                                      ImGuiInputTextFlags_EnterReturnsTrue);
        recordLastItem(_("New group"));
        m_focusGroup = entered;
        ImGui::SameLine();
        if ((button(_("Add group")) || entered) && !core::trim(m_newGroup).empty()) {
            core::CommandResult result = core::addRetroGroup(session, retro.id, nextId(session, "group"), m_newGroup);
            if (result.ok()) m_newGroup.clear(); // a refused name stays in the field
            ctx.submit(std::move(result));
        }
        ImGui::SameLine(0.0f, em(1.5f));
        // A drop zone that takes a card out of its group.
        ImGui::PushStyleColor(ImGuiCol_Button, p.panel);
        ImGui::Button(_("Drop here to ungroup"));
        ImGui::PopStyleColor();
        recordLastItem(_("Drop here to ungroup"));
        if (const core::Id dropped = acceptItemDrop(); !dropped.empty()) ctx.submit(core::moveToGroup(session, retro.id, dropped, {}));
        mutedText(_("Drag a card onto another card to group them, or onto a group."));
    }
    if (retro.groups.empty()) {
        mutedText(_("No groups yet."));
        return;
    }
    const int columns = std::clamp(static_cast<int>(ImGui::GetContentRegionAvail().x / em(22.0f)), 1, 4);
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX | ImGuiTableFlags_BordersInnerV;
    // The groups' cards and the rows' heights are kept between frames (rebuilt when the session
    // or what heights depend on changed): a frame draws only the rows of groups on screen.
    const float columnWidth = ImGui::GetContentRegionAvail().x / static_cast<float>(columns);
    updateGroupRows(retro, ctx, columns, columnWidth);
    g_retroStats.groups += retro.groups.size();
    TableRowClip clip(m_groupRows, 0.0f);
    if (!ImGui::BeginTable("groups", columns, flags)) return;
    clip.begin();
    for (std::size_t row = clip.first(); row < clip.last(); ++row) {
        clip.row(row);
        for (int column = 0; column < columns; ++column) {
            const std::size_t gi = row * static_cast<std::size_t>(columns) + static_cast<std::size_t>(column);
            if (gi >= retro.groups.size()) break;
            if (column > 0) ImGui::TableNextColumn();
            ++g_retroStats.groupsDrawn;
            const core::RetroGroup& g = retro.groups[gi];
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(p.panel));
            ImGui::PushID(g.id.c_str());
            ImGui::BeginGroup();
            int total = g.votes;
            int hidden = 0;
            const std::vector<std::size_t>& groupItems = m_groupItems[gi];
            for (const std::size_t index : groupItems) {
                total += retro.items[index].votes;
                hidden += retro.items[index].hidden ? 1 : 0;
            }
            if (ctx.presentation) {
                FontScope font(fonts().heading);
                colouredText(p.accent, g.title);
            } else {
                std::string& title = m_groupTitles[g.id];
                const ImGuiID fieldId = ImGui::GetID("##title");
                if (ImGui::GetActiveID() != fieldId) title = g.title;
                ImGui::SetNextItemWidth(-FLT_MIN);
                FontScope font(fonts().bold);
                inputText("##title", title);
                recordLastItem(std::string(_("Group name")) + ": " + g.title);
                if (ImGui::IsItemDeactivatedAfterEdit() && title != g.title) ctx.submit(core::renameRetroGroup(session, retro.id, g.id, title));
            }
            const bool buttons = retro.voting.open && !ctx.presentation;
            if (const std::string votes = voteText(retro, total); !votes.empty() && !buttons) {
                FontScope font(fonts().bold);
                ImGui::AlignTextToFramePadding();
                colouredText(p.text, votes);
            }
            drawVoteButtons(session, retro, g.id, g.title, g.votes, ctx);
            drawFollowUpMenu(session, retro, g.id, g.title, ctx);
            if (buttons) drawTally(retro, g.id, total); // behind the buttons, so they never move
            if (!ctx.presentation) ImGui::Spacing();
            for (const std::size_t index : groupItems) drawItem(retro, retro.items[index], ctx, true);
            if (hidden > 0) mutedText(faceDownText(hidden));
            ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, em(0.3f)));
            ImGui::EndGroup();
            if (!ctx.presentation) {
                if (const core::Id dropped = acceptItemDrop(); !dropped.empty()) ctx.submit(core::moveToGroup(session, retro.id, dropped, g.id));
            }
            ImGui::PopID();
        }
    }
    clip.end();
    ImGui::EndTable();
}

// Rebuilds the groups' card lists and the rows' estimated heights when the session or what the
// heights depend on changed (measured heights replace the estimates as rows are drawn).
void RetroWorkspace::updateGroupRows(const core::Retrospective& retro, const ViewContext& ctx, int columns, float width) {
    GroupKey key{retro.id,
                 sessionVersion(ctx),
                 retro.items.data(),
                 retro.items.size(),
                 retro.groups.size(),
                 columns,
                 width,
                 ImGui::GetFontSize(),
                 ctx.presentation,
                 retro.voting.open && !ctx.presentation,
                 language()};
    if (m_haveGroupRows && key == m_groupKey) return;
    m_groupKey = std::move(key);
    m_haveGroupRows = true;
    m_groupItems.assign(retro.groups.size(), {});
    g_retroStats.groupsSorted += retro.items.size();
    std::unordered_map<std::string_view, std::size_t> groupIndex;
    for (std::size_t g = 0; g < retro.groups.size(); ++g) groupIndex.emplace(retro.groups[g].id, g);
    for (std::size_t i = 0; i < retro.items.size(); ++i) {
        if (retro.items[i].groupId.empty()) continue;
        const auto found = groupIndex.find(retro.items[i].groupId);
        if (found != groupIndex.end()) m_groupItems[found->second].push_back(i);
    }
    // A group: its title field, the vote row, its cards, a face-down count and a gap.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float head = 2.0f * (ImGui::GetFrameHeight() + style.ItemSpacing.y) + style.ItemSpacing.y + em(0.3f);
    const std::size_t perRow = static_cast<std::size_t>(std::max(columns, 1));
    m_groupRows.clear();
    m_groupRows.reserve((retro.groups.size() + perRow - 1) / perRow);
    for (std::size_t start = 0; start < retro.groups.size(); start += perRow) {
        float tallest = 0.0f;
        for (std::size_t g = start; g < std::min(start + perRow, retro.groups.size()); ++g) {
            float h = head;
            for (const std::size_t index : m_groupItems[g]) {
                const core::RetroItem& item = retro.items[index];
                if (item.hidden) continue;
                const auto known = m_itemHeights.find(item.id);
                h += known != m_itemHeights.end() ? known->second : estimateItemHeight(retro, item, ctx, width);
            }
            tallest = std::max(tallest, h);
        }
        m_groupRows.push(tallest + 2.0f * style.CellPadding.y);
    }
}

// -----------------------------------------------------------------------------------------------
// [SECTION] results, action editor (check-in, ROTI and the actions table: retro_outcomes.cpp)

void RetroWorkspace::drawResults(const core::Retrospective& retro) {
    const Palette& p = palette();
    heading(_("Results"));
    if (resultsHidden(retro)) {
        mutedText(fill(N_("The results stay hidden until voting is closed ({1} dots placed)."), {std::to_string(core::votesCast(retro))}));
        return;
    }
    const auto results = core::voteResults(retro);
    if (results.empty() || results.front().votes == 0) {
        mutedText(_("No votes yet."));
        return;
    }
    const int top = results.front().votes;
    const ImGuiTableFlags flags = ImGuiTableFlags_PadOuterX | ImGuiTableFlags_RowBg;
    if (!ImGui::BeginTable("results", 3, flags)) return;
    ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("n", ImGuiTableColumnFlags_WidthFixed, em(3.0f));
    int rank = 0;
    for (const auto& r : results) {
        if (r.votes == 0 || ++rank > 10) break;
        ImGui::PushID(r.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        {
            FontScope font(r.isGroup ? fonts().bold : nullptr);
            wrappedText(std::to_string(rank) + ". " + r.text);
        }
        ImGui::TableSetColumnIndex(1);
        const float w = ImGui::GetContentRegionAvail().x * static_cast<float>(r.votes) / static_cast<float>(top);
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(a, ImVec2(a.x + std::max(w, em(0.3f)), a.y + h), ImGui::GetColorU32(p.accent), em(0.2f));
        ImGui::Dummy(ImVec2(w, h));
        ImGui::TableSetColumnIndex(2);
        FontScope font(fonts().bold);
        ImGui::TextUnformatted(std::to_string(r.votes).c_str());
        recordLastItem(fill(N_("Result {1}: {2}"), {std::to_string(rank), r.text}));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// -----------------------------------------------------------------------------------------------
// [SECTION] draw

void RetroWorkspace::draw(const core::Session& session, const core::Retrospective& retro, ViewContext& outer) {
    g_retroStats = {};
    // Commands are sent after the frame's drawing: applying one mid-frame would change the lists
    // this code is iterating over (and the references it holds).
    std::vector<core::CommandResult> queued;
    ViewContext ctx = outer;
    ctx.submit = [&queued](core::CommandResult result) { queued.push_back(std::move(result)); };
    m_session = &session;
    handleKeys(session, retro, ctx);
    drawBody(session, retro, ctx);
    if (!ctx.presentation) { // outside the body's child window: placed near the click, not clipped
        drawActionEditor(session, retro, ctx);
        drawBoardCardDialog(session, retro, ctx);
    }
    m_session = nullptr;
    for (auto& result : queued) outer.submit(std::move(result));
}

void RetroWorkspace::drawBody(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx) {
    {
        const core::RetroFormat* format = retroLibrary().format(retro.formatId);
        heading(retro.title.empty() ? std::string(_("Retrospective")) : retro.title);
        if (format) {
            ImGui::SameLine(0.0f, em(1.0f));
            mutedText(format->name.in(language()));
        }
    }
    drawPhaseBar(retro, ctx);
    ImGui::Spacing();
    if (!ctx.presentation) drawToolbar(session, retro, ctx);
    const bool votingPhase = retro.phase == core::Phase::GenerateInsights || retro.phase == core::Phase::DecideWhatToDo;
    if (votingPhase || retro.voting.open) drawVotingBar(session, retro, ctx);
    ImGui::Spacing();

    ImGui::BeginChild("retro-body", ImVec2(0, 0));
    syncScroll(ctx, "retro-body");
    const auto section = [](const std::function<void()>& draw) {
        draw();
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
    };
    const auto prompts = [&] { drawPrompts(session, retro, ctx); };
    const auto groups = [&] { drawGroups(session, retro, ctx); };
    const auto results = [&] { drawResults(retro); };
    const auto actions = [&] { m_actions.draw(session, retro, ctx); };
    const auto checkIn = [&] { m_scales.draw(session, retro, core::Scale::CheckIn, ctx); };
    const auto roti = [&] { m_scales.draw(session, retro, core::Scale::Roti, ctx); };
    const bool anyGroups = !retro.groups.empty();
    const bool anyActions = !retro.actions.empty();
    switch (retro.phase) {
    case core::Phase::SetTheStage:
        section(checkIn);
        section(prompts);
        break;
    case core::Phase::GatherData:
        section(prompts);
        if (anyGroups) section(groups);
        break;
    case core::Phase::GenerateInsights:
        section(groups);
        section(prompts);
        section(results);
        break;
    case core::Phase::DecideWhatToDo:
        section(results);
        section(actions);
        section(groups);
        section(prompts);
        break;
    case core::Phase::Close:
    case core::Phase::Count:
        section(roti);
        section(actions);
        section(results);
        break;
    }
    if (anyActions && retro.phase < core::Phase::DecideWhatToDo) section(actions);
    ImGui::EndChild();
}

} // namespace lernraum::ui
