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
#include "ui/list_layout.hpp"
#include "ui/retro_outcomes.hpp"
#include "ui/view.hpp"

#include <imgui.h>

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace lernraum::ui {

// What the last retrospective frame touched in the prompts' card lists, for the UI tests: a frame
// that changed nothing draws the cards on screen and no others.
struct RetroFrameStats {
    std::size_t listed = 0; // face-up cards in the prompts' lists
    std::size_t drawn = 0;  // of those, drawn this frame
    std::size_t sorted = 0; // cards put into the lists (only when they were rebuilt)
    std::size_t groups = 0;       // groups in the groups panel
    std::size_t groupsDrawn = 0;  // of those, drawn this frame
    std::size_t groupsSorted = 0; // cards put into the groups' lists (only when they were rebuilt)
};
const RetroFrameStats& lastRetroFrameStats();

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
    void updatePromptCards(const core::Retrospective& retro, const ViewContext& ctx, float width);
    [[nodiscard]] float estimateItemHeight(const core::Retrospective& retro, const core::RetroItem& item, const ViewContext& ctx,
                                           float width) const;
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
    // The face-up cards under each prompt (not in a group; indices into retro.items) with their
    // heights, kept between frames: a frame draws only the cards on screen (ui::ListLayout, as on
    // the board). Rebuilt when the session changes (the undo history's version) or when card
    // heights do (width, font, presentation, vote buttons, language); the counts come along.
    struct PromptCards {
        std::vector<std::size_t> items;
        ListLayout layout;
        int hidden = 0;  // face-down cards of the prompt
        int grouped = 0; // face-up cards of the prompt in a group
    };
    std::vector<PromptCards> m_promptCards;
    struct PromptKey {
        core::Id retro;
        std::uint64_t version = 0;
        const core::RetroItem* items = nullptr;
        std::size_t count = 0;
        std::size_t prompts = 0;
        float width = 0.0f;
        float font = 0.0f;
        bool presentation = false;
        bool buttons = false;
        bool hyphenation = false;
        std::string language;
        bool operator==(const PromptKey&) const = default;
    } m_promptKey;
    bool m_havePromptCards = false;
    std::unordered_map<core::Id, float> m_itemHeights; // measured when drawn, estimated once otherwise
    // The groups panel: the cards of each group (indices into retro.items) and the heights of the
    // table's rows (`columns` groups a row), kept between frames like the prompts' lists; a frame
    // draws only the rows on screen and reserves the others' space with one row above and below.
    void updateGroupRows(const core::Retrospective& retro, const ViewContext& ctx, int columns, float width);
    std::vector<std::vector<std::size_t>> m_groupItems;
    ListLayout m_groupRows;
    struct GroupKey {
        core::Id retro;
        std::uint64_t version = 0;
        const core::RetroItem* items = nullptr;
        std::size_t count = 0;
        std::size_t groups = 0;
        int columns = 0;
        float width = 0.0f;
        float font = 0.0f;
        bool presentation = false;
        bool buttons = false;
        std::string language;
        bool operator==(const GroupKey&) const = default;
    } m_groupKey;
    bool m_haveGroupRows = false;
    ScalePanel m_scales; // check-in and ROTI
    ActionsTable m_actions;
};

} // namespace lernraum::ui
