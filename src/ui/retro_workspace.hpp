#pragma once
// The facilitation flow of one retrospective: the five phases as a progress bar, the format's
// prompts with hidden writing and a count of face-down cards, reveal, grouping by drag and drop,
// dot voting within the room's budget, results as a bar chart, actions, check-in and ROTI.
// Views emit commands only (core/retro_rules.hpp, core/commands.hpp); everything is undoable.
//
// Privacy on the shared screen: a face-down card's text is never drawn, recorded or put into a
// drag tooltip; only the number of face-down cards per prompt is shown. Before the reveal one
// face-down card can be turned face up, deleted or corrected in a masked field, by its number.
//
// The cards themselves (vote row, "More" menu, corrections, typed tally, the forms opened from a
// card) are drawn by retro_cards.cpp.

#include "core/ids.hpp"
#include "core/retro_rules.hpp"
#include "ui/retro_outcomes.hpp"
#include "ui/view.hpp"

#include <imgui.h>

#include <map>
#include <string>

namespace lernraum::ui {

class RetroWorkspace {
public:
    RetroWorkspace();
    void draw(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx);

private:
    void drawBody(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx);
    void drawPhaseBar(const core::Retrospective& retro, ViewContext& ctx);
    void drawToolbar(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx);
    void drawVotingBar(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx);
    void drawPrompts(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx);
    void drawItem(const core::Retrospective& retro, const core::RetroItem& item, ViewContext& ctx, bool small);
    void drawCardEditor(const core::Retrospective& retro, const core::RetroItem& item, ViewContext& ctx);
    void startEdit(const core::RetroItem& item);
    void drawFaceDown(const core::Session& session, const core::Retrospective& retro, const core::Id& promptId, int hidden,
                      ViewContext& ctx);
    void drawGroups(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx);
    void drawVoteButtons(const core::Session& session, const core::Retrospective& retro, const core::Id& target,
                         const std::string& text, int votes, ViewContext& ctx);
    void drawTally(const core::Retrospective& retro, const core::Id& target, int votes);
    void drawFollowUpMenu(const core::Session& session, const core::Retrospective& retro, const core::Id& source,
                          const std::string& text, ViewContext& ctx);
    void handleKeys(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx);
    void drawResults(const core::Retrospective& retro);
    void openActionEditor(const core::Id& source, const std::string& text);
    void placeForm();
    void drawActionEditor(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx);
    void drawBoardCardDialog(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx);

    core::Id nextId(const core::Session& session, std::string_view prefix);

    const core::Session* m_session = nullptr; // the session of the frame being drawn
    core::IdGenerator m_ids;
    std::map<core::Id, std::string> m_drafts; // new card text per prompt
    core::Id m_focusDraft; // the prompt whose card field takes the keyboard focus (after Enter)
    // The selected card (a click): digits typed and Enter set its tally, + and - add or take a dot.
    core::Id m_selected;
    std::string m_tally;
    // The card whose text is being corrected (a face-down one in a masked field).
    core::Id m_editItem;
    std::string m_editText;
    bool m_editFocus = false;
    core::Id m_hiddenPrompt; // the prompt whose face-down cards are listed for correction
    // Forms opened from a card appear where the facilitator clicked.
    ImVec2 m_formPos{-1.0f, -1.0f};
    bool m_actionRequest = false;
    core::Id m_boardCardSource; // "Turn into board card": which item/group, onto which board
    core::Id m_boardCardBoard;
    bool m_boardCardRequest = false;
    bool m_writeHidden = true;
    std::string m_newPrompt;
    std::string m_newGroup;
    bool m_focusPrompt = false; // the "own question" / "new group" field takes the focus (after Enter)
    bool m_focusGroup = false;
    std::map<core::Id, std::string> m_groupTitles; // rename fields
    // The action editor (item/group -> action).
    core::Id m_actionSource;
    std::string m_actionText;
    int m_actionRole = -1; // -1 = no owner role
    std::string m_actionDue;
    ScalePanel m_scales; // check-in and ROTI
    ActionsTable m_actions;
};

} // namespace lernraum::ui
