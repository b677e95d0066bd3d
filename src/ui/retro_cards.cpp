// [SECTION] helpers
// [SECTION] one card: vote row, "More" menu, correcting its text
// [SECTION] face-down cards: the count, and hiding, showing, correcting or deleting one
// [SECTION] keys: a typed tally and +/- on the selected card
// [SECTION] forms opened from a card: new action, board card (where the facilitator clicked)
//
// Part of RetroWorkspace (retro_workspace.hpp); the phases, prompts and groups are in
// retro_workspace.cpp.

#include "ui/retro_workspace.hpp"

#include "core/formats.hpp"
#include "core/text.hpp"
#include "ui/i18n.hpp"
#include "ui/keys.hpp"
#include "ui/labels.hpp"
#include "ui/retro_helpers.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <charconv>

namespace lernraum::ui {

using namespace retro_detail;

namespace {

// -----------------------------------------------------------------------------------------------
// [SECTION] helpers

constexpr int kKeyBackspace = 259;
constexpr int kKeyPadEnter = 335;

bool escapePressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)); }

const core::RetroItem* findItem(const core::Retrospective& retro, const core::Id& id) {
    for (const auto& i : retro.items)
        if (i.id == id) return &i;
    return nullptr;
}

} // namespace

// -----------------------------------------------------------------------------------------------
// [SECTION] one card

void RetroWorkspace::drawVoteButtons(const core::Session& session, const core::Retrospective& retro,
                                     const core::Id& target, const std::string& text, int votes, ViewContext& ctx) {
    if (!retro.voting.open || ctx.presentation) return;
    // castVote, not the plain addVote: castVote is addVote plus the room's dot budget, which a
    // click in the room must respect. addVote stays for callers without a room (tests, import).
    if (smallButton("+", "vote-" + target, std::string(_("Vote")) + ": " + text)) ctx.submit(core::castVote(session, retro.id, target));
    ImGui::SameLine();
    ImGui::BeginDisabled(votes == 0);
    if (smallButton("\xE2\x88\x92", "unvote-" + target, std::string(_("Remove vote")) + ": " + text)) {
        ctx.submit(core::removeVote(session, retro.id, target));
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
}

// The tally at the end of a card's vote row (after "More"), so nothing in front of it moves when
// the first dot appears: the "+" stays under the pointer for the next click.
void RetroWorkspace::drawTally(const core::Retrospective& retro, const core::Id& target, int votes) {
    std::string text = voteText(retro, votes);
    if (target == m_selected && !m_tally.empty()) text = fill(N_("{1} votes? Enter sets them"), {m_tally});
    if (text.empty()) return;
    ImGui::SameLine(0.0f, em(0.6f));
    FontScope font(fonts().bold);
    ImGui::TextUnformatted(text.c_str());
    recordLastItem(std::string(_("Tally")) + ": " + text);
}

void RetroWorkspace::openActionEditor(const core::Id& source, const std::string& text) {
    m_actionSource = source;
    m_actionText = text;
    m_actionRole = -1;
    m_actionDue.clear();
    m_actionRequest = true;
    m_formPos = ImGui::GetMousePos();
}

void RetroWorkspace::drawFollowUpMenu(const core::Session& session, const core::Retrospective& retro,
                                      const core::Id& source, const std::string& text, ViewContext& ctx) {
    if (ctx.presentation) return;
    const std::string popup = "followup-" + source;
    if (smallButton(_("More \xE2\x80\xA6"), "more-" + source, std::string(_("More")) + ": " + text)) ImGui::OpenPopup(popup.c_str());
    if (!ImGui::BeginPopup(popup.c_str())) return;
    if (menuItem(_("Turn into action\xE2\x80\xA6"))) openActionEditor(source, text);
    if (menuItem(_("Turn into experiment draft"))) {
        ctx.submit(core::turnIntoExperiment(session, retro.id, source, nextId(session, "exp")));
    }
    if (menuItem(_("Turn into board card\xE2\x80\xA6"), nullptr, false, !session.boards.empty())) {
        // Which board: the one last shown on the Board tab, else the first; asked in a dialog.
        m_boardCardSource = source;
        m_boardCardBoard = session.boards.front().id;
        for (const auto& b : session.boards)
            if (b.id == lastShownBoard()) m_boardCardBoard = b.id;
        m_boardCardRequest = true;
        m_formPos = ImGui::GetMousePos();
    }
    const core::RetroItem* item = findItem(retro, source);
    if (item) {
        ImGui::Separator();
        if (menuItem(_("Edit text"))) startEdit(*item);
        if (retro.phase <= core::Phase::GatherData && menuItem(_("Turn face down")))
            ctx.submit(core::setItemHidden(session, retro.id, source, true));
        if (beginMenu(_("Merge into"))) {
            // Duplicates: this card goes, the chosen one stays with both cards' dots.
            int others = 0;
            for (const auto& other : retro.items) {
                if (other.id == source || other.hidden) continue;
                ++others;
                ImGui::PushID(other.id.c_str());
                const bool chosen = ImGui::MenuItem(shortText(other.text).c_str());
                recordLastItem(std::string(_("Merge into")) + ": " + shortText(other.text));
                if (chosen) ctx.submit(core::mergeRetroItems(session, retro.id, other.id, source));
                ImGui::PopID();
            }
            if (others == 0) mutedText(_("No other card"));
            ImGui::EndMenu();
        }
        if (menuItem(_("Delete card"))) ctx.submit(core::removeRetroItem(session, retro.id, source));
        ImGui::Separator();
        for (const auto& g : retro.groups) {
            if (g.id == item->groupId) continue;
            ImGui::PushID(g.id.c_str());
            if (menuItem((std::string(_("Move to group")) + ": " + g.title).c_str())) ctx.submit(core::moveToGroup(session, retro.id, source, g.id));
            ImGui::PopID();
        }
        if (!item->groupId.empty() && menuItem(_("Remove from group"))) ctx.submit(core::moveToGroup(session, retro.id, source, {}));
    } else {
        ImGui::Separator();
        if (menuItem(_("Dissolve group"))) ctx.submit(core::ungroup(session, retro.id, source));
    }
    ImGui::EndPopup();
}

void RetroWorkspace::startEdit(const core::RetroItem& item) {
    m_editItem = item.id;
    m_editText = item.text;
    m_editFocus = true;
}

// The text of one card in a field: Enter or clicking elsewhere applies it, Escape leaves it.
// A face-down card is corrected in a masked field ('*' only), so its text never reaches the
// shared screen. A refused text (e.g. blank) keeps the field open with what was typed.
void RetroWorkspace::drawCardEditor(const core::Retrospective& retro, const core::RetroItem& item, ViewContext& ctx) {
    const core::Session& session = *m_session;
    if (m_editFocus) {
        ImGui::SetKeyboardFocusHere();
        m_editFocus = false;
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | (item.hidden ? ImGuiInputTextFlags_Password : 0);
    const bool entered = inputText("##edit-card", m_editText, flags);
    recordLastItem(item.hidden ? std::string(_("Correct face-down card")) : std::string(_("Card text")) + ": " + item.text);
    const bool escape = escapePressed();
    const bool done = entered || (ImGui::IsItemDeactivated() && !escape);
    if (escape) { // also right after a refusal re-focused the field (ImGui ignores Escape in that frame)
        m_editItem.clear();
    } else if (done) {
        if (m_editText == item.text) {
            m_editItem.clear();
        } else {
            core::CommandResult result = core::editRetroItemText(session, retro.id, item.id, m_editText);
            const bool ok = result.ok();
            ctx.submit(std::move(result)); // a refusal is shown; the field stays with the text
            if (ok) m_editItem.clear();
            else m_editFocus = true;
        }
    }
}

void RetroWorkspace::drawItem(const core::Retrospective& retro, const core::RetroItem& item, ViewContext& ctx, bool small) {
    const core::Session& session = *m_session;
    // Face-down cards are never drawn one by one; callers show the count instead.
    if (item.hidden) return;
    ImGui::PushID(item.id.c_str());
    if (m_editItem == item.id && !ctx.presentation) {
        drawCardEditor(retro, item, ctx);
        ImGui::Spacing();
        ImGui::PopID();
        return;
    }
    const bool buttons = retro.voting.open && !ctx.presentation;
    CardContent content;
    content.id = item.id;
    content.title = item.text;
    // With vote buttons the tally sits in the button row instead, so the card keeps its height.
    if (!buttons) content.meta = voteText(retro, item.votes);
    content.highlight = item.id == m_selected && !ctx.presentation;
    if (small) content.stripe = palette().accent;
    const bool doubleClicked = card(content);
    if (!ctx.presentation) {
        if (ImGui::IsItemClicked()) {
            if (m_selected != item.id) m_tally.clear();
            m_selected = item.id; // for a typed tally and +/-
        }
        if (doubleClicked) startEdit(item);
        if (ImGui::BeginDragDropSource()) {
            ImGui::SetDragDropPayload(kItemPayload, item.id.data(), item.id.size());
            ImGui::TextUnformatted(shortText(item.text).c_str());
            ImGui::EndDragDropSource();
        }
        const core::Id dropped = acceptItemDrop();
        if (!dropped.empty() && dropped != item.id) {
            ctx.submit(core::groupOnto(session, retro.id, dropped, item.id, nextId(session, "group")));
        }
        drawVoteButtons(session, retro, item.id, shortText(item.text), item.votes, ctx);
        drawFollowUpMenu(session, retro, item.id, shortText(item.text), ctx);
        if (buttons) drawTally(retro, item.id, item.votes);
    }
    ImGui::Spacing();
    ImGui::PopID();
}

// -----------------------------------------------------------------------------------------------
// [SECTION] face-down cards

void RetroWorkspace::drawFaceDown(const core::Session& session, const core::Retrospective& retro, const core::Id& promptId,
                                  int hidden, ViewContext& ctx) {
    const Palette& p = palette();
    // A stack of face-down cards: only the count, never a text.
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetTextLineHeight() * 2.2f;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int k = std::min(hidden, 3) - 1; k >= 0; --k) {
        const float off = em(0.2f) * static_cast<float>(k);
        dl->AddRectFilled(ImVec2(a.x + off, a.y + off), ImVec2(a.x + w - em(0.4f) + off, a.y + h + off), ImGui::GetColorU32(p.badge), em(0.25f));
    }
    const std::string text = faceDownText(hidden);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    ImGui::SetCursorScreenPos(ImVec2(a.x + em(0.6f), a.y + (h - size.y) * 0.5f));
    {
        FontScope font(fonts().bold);
        ImGui::PushStyleColor(ImGuiCol_Text, p.badgeText);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopStyleColor();
    }
    recordLastItem(text);
    ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + h + em(0.6f)));
    ImGui::Dummy(ImVec2(w, 0.0f));
    if (ctx.presentation) return;

    // Corrections before the reveal, by number: the facilitator (or the writer, at the desk) can
    // show, correct (masked) or delete one card without anyone seeing the others.
    const bool open = m_hiddenPrompt == promptId;
    if (smallButton(open ? _("Close list") : _("Correct face-down cards\xE2\x80\xA6"), "facedown-" + promptId,
                    std::string(_("Correct face-down cards")) + ": " + std::to_string(hidden))) {
        m_hiddenPrompt = open ? core::Id{} : promptId;
    }
    if (!open) return;
    int number = 0;
    for (const auto& item : retro.items) {
        if (!item.hidden || item.promptId != promptId) continue;
        ++number;
        const std::string name = fill(N_("Face-down card {1}"), {std::to_string(number)});
        ImGui::PushID(item.id.c_str());
        ImGui::AlignTextToFramePadding();
        mutedText(name);
        ImGui::SameLine();
        if (smallButton(_("Turn face up"), "show", name + ": " + _("Turn face up")))
            ctx.submit(core::setItemHidden(session, retro.id, item.id, false));
        ImGui::SameLine();
        if (smallButton(_("Correct"), "edit", name + ": " + _("Correct"))) startEdit(item);
        ImGui::SameLine();
        if (smallButton(_("Delete"), "delete", name + ": " + _("Delete"))) ctx.submit(core::removeRetroItem(session, retro.id, item.id));
        if (m_editItem == item.id) drawCardEditor(retro, item, ctx);
        ImGui::PopID();
    }
    ImGui::Spacing();
}

// -----------------------------------------------------------------------------------------------
// [SECTION] keys

void RetroWorkspace::handleKeys(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx) {
    const core::RetroItem* item = findItem(retro, m_selected);
    if (!item || item->hidden) {
        m_selected.clear();
        m_tally.clear();
        return;
    }
    if (!retro.voting.open) { // the keys count dots: nothing to count while voting is closed
        m_tally.clear();
        return;
    }
    if (ctx.keys.empty() || ctx.presentation) return;
    if (ImGui::GetIO().WantTextInput) return; // digits and +/- belong to the text field
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return;
    for (const KeyChord& k : ctx.keys) {
        if (k.ctrl || k.alt) continue;
        if (k.key >= '0' && k.key <= '9' && !k.shift) {
            if (m_tally.size() < 4) m_tally.push_back(static_cast<char>(k.key));
        } else if (k.key == kKeyBackspace) {
            if (!m_tally.empty()) m_tally.pop_back();
        } else if ((k.key == key::Enter || k.key == kKeyPadEnter) && !m_tally.empty()) {
            int votes = 0;
            std::from_chars(m_tally.data(), m_tally.data() + m_tally.size(), votes);
            ctx.submit(core::setVotes(session, retro.id, item->id, votes));
            m_tally.clear();
        } else if (k.key == '+' || k.key == '=') {
            ctx.submit(core::castVote(session, retro.id, item->id));
        } else if (k.key == '-') {
            ctx.submit(core::removeVote(session, retro.id, item->id));
        } else if (k.key == key::Escape) {
            if (m_tally.empty()) m_selected.clear();
            m_tally.clear();
        }
    }
}

// -----------------------------------------------------------------------------------------------
// [SECTION] forms opened from a card

// Near where the facilitator clicked, opening away from the nearer screen edges.
void RetroWorkspace::placeForm() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 centre = viewport->GetCenter();
    ImVec2 pos = m_formPos;
    if (pos.x < viewport->Pos.x || pos.y < viewport->Pos.y) pos = centre; // no mouse (keyboard)
    const ImVec2 pivot(pos.x > centre.x ? 1.0f : 0.0f, pos.y > centre.y ? 1.0f : 0.0f);
    ImGui::SetNextWindowPos(pos, ImGuiCond_Appearing, pivot);
}

void RetroWorkspace::drawActionEditor(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx) {
    const std::string popupId = std::string(_("New action")) + "###retro-action";
    if (m_actionRequest) {
        ImGui::OpenPopup(popupId.c_str());
        m_actionRequest = false;
    }
    placeForm();
    ImGui::SetNextWindowSize(em(34.0f, 0.0f));
    if (!ImGui::BeginPopupModal(popupId.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const std::string source = core::sourceText(retro, m_actionSource);
    if (source.empty()) { // undone meanwhile
        m_actionSource.clear();
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    boldText(std::string(_("New action from")) + ": " + shortText(source, 120));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool enter = inputText("##actiontext", m_actionText, ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem(_("Action text"));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(_("Who"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(12.0f));
    const char* preview = m_actionRole < 0 ? _("(open)") : label(static_cast<core::Role>(m_actionRole));
    const bool open = ImGui::BeginCombo("##role", preview);
    if (!open) recordLastItem(_("Who"));
    if (open) {
        if (selectable(_("(open)"), m_actionRole < 0)) m_actionRole = -1;
        for (int r = 0; r < static_cast<int>(core::Role::Count); ++r) {
            if (selectable(label(static_cast<core::Role>(r)), m_actionRole == r)) m_actionRole = r;
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine(0.0f, em(1.0f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(_("Due"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(8.0f));
    inputTextWithHint("##due", _("e.g. 2026-12-24"), m_actionDue);
    recordLastItem(_("Due"));
    if (button(_("Create action")) || enter) {
        const auto due = parseDate(m_actionDue);
        if (!due) {
            ctx.submit(core::Refusal{"invalid-value", "'{2}' is not a valid {1}", {"due date", m_actionDue}, 1U});
        } else {
            std::optional<core::Role> role;
            if (m_actionRole >= 0) role = static_cast<core::Role>(m_actionRole);
            core::CommandResult result =
                core::turnIntoAction(session, retro.id, m_actionSource, nextId(session, "action"), m_actionText, role, *due);
            const bool ok = result.ok();
            ctx.submit(std::move(result)); // refused: the form stays open with what was typed
            if (ok) {
                m_actionSource.clear();
                ImGui::CloseCurrentPopup();
            }
        }
    }
    ImGui::SameLine();
    if (button(_("Cancel")) || escapePressed()) {
        m_actionSource.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void RetroWorkspace::drawBoardCardDialog(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx) {
    const std::string popupId = std::string(_("Turn into board card")) + "###retro-board-card";
    if (m_boardCardRequest) {
        ImGui::OpenPopup(popupId.c_str());
        m_boardCardRequest = false;
    }
    placeForm();
    if (!ImGui::BeginPopupModal(popupId.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const std::string source = core::sourceText(retro, m_boardCardSource);
    const core::Board* board = nullptr;
    for (const auto& b : session.boards)
        if (b.id == m_boardCardBoard) board = &b;
    if (source.empty() || session.boards.empty()) {
        m_boardCardSource.clear();
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    if (!board) board = &session.boards.front();
    ImGui::PushTextWrapPos(em(30.0f));
    boldText(shortText(source, 120));
    ImGui::PopTextWrapPos();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(_("Board"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(18.0f));
    const bool open = ImGui::BeginCombo("##board", board->title.c_str());
    if (!open) recordLastItem(std::string(_("Board")) + ": " + board->title);
    if (open) {
        for (const auto& b : session.boards) {
            ImGui::PushID(b.id.c_str());
            if (selectable(b.title.c_str(), &b == board)) m_boardCardBoard = b.id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    mutedText(board->columns.empty() ? std::string(_("This board has no column yet."))
                                     : fill(N_("The card goes into \xE2\x80\x9E{1}\xE2\x80\x9C, linked by an action."),
                                            {board->columns.front().title}));
    ImGui::BeginDisabled(board->columns.empty());
    if (button(_("Create card"))) {
        const core::Id card = nextId(session, "card");
        core::Id action = nextId(session, "action");
        while (action == card) action = nextId(session, "action");
        ctx.submit(core::turnIntoCard(session, retro.id, m_boardCardSource, board->id, card, action, ctx.now));
        m_boardCardSource.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (button(_("Cancel")) || escapePressed()) {
        m_boardCardSource.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace lernraum::ui
