#pragma once
// The undo history of one open session. Every change to a session goes through History::apply,
// so undo/redo, the dirty mark and autosave work for every command. Memory is bounded by a step
// count and by estimated bytes (oldest steps are dropped first). See docs/undo.md.
//
//   auto result = core::moveCard(session, boardId, cardId, toColumn, toLane, toIndex, now);
//   if (!history.apply(session, result) && !result) showToast(result.refusal().message());

#include "change.hpp"

#include <cstdint>
#include <deque>

namespace lernraum::core {

struct HistoryLimits {
    std::size_t maxSteps = 1000;             // undo steps kept
    std::size_t maxBytes = 64 * 1024 * 1024; // estimated bytes of all kept steps (undo + redo)
};

class History {
public:
    explicit History(HistoryLimits limits = {}) : m_limits(limits) {}

    // Apply the change to the session and record it as one undo step (or merge it into the last
    // step, see Change::mergeKey). Discards the redo steps. Returns false, and records nothing,
    // when the change is a no-op. Throws std::logic_error when the change does not fit the
    // session (made for another session state); session and history are then unchanged. The same
    // holds for undo and redo.
    bool apply(Session& session, Change change);
    // Same for a command's result; returns false (and does nothing) for a refusal.
    bool apply(Session& session, const CommandResult& result);

    [[nodiscard]] bool canUndo() const { return m_position > 0; }
    [[nodiscard]] bool canRedo() const { return m_position < m_steps.size(); }
    bool undo(Session& session); // false when there is nothing to undo
    bool redo(Session& session); // false when there is nothing to redo
    [[nodiscard]] std::string undoLabel() const; // "" when nothing to undo
    [[nodiscard]] std::string redoLabel() const; // "" when nothing to redo

    // The next change starts a new step even if its merge key matches the last one (e.g. a text
    // field lost focus). undo, redo and markSaved also end a merge group.
    void endMergeGroup() { m_mergeOpen = false; }

    // Dirty = the session differs from the last markSaved() (or clear()) by at least one step.
    void markSaved();
    [[nodiscard]] bool isDirty() const { return !m_saved || *m_saved != m_position; }

    // Forget every step (e.g. after loading another file); the current state counts as saved.
    void clear();

    // Increases with every apply/undo/redo that changed the session; never decreases. Autosave and
    // views compare it with the value they saw last.
    [[nodiscard]] std::uint64_t version() const { return m_version; }

    [[nodiscard]] std::size_t undoCount() const { return m_position; }
    [[nodiscard]] std::size_t redoCount() const { return m_steps.size() - m_position; }
    [[nodiscard]] std::size_t bytes() const { return m_bytes; } // estimated bytes of all kept steps
    [[nodiscard]] const HistoryLimits& limits() const { return m_limits; }

private:
    struct Entry {
        Change change;
        std::size_t bytes = 0;
    };

    bool tryMerge(Session& session, Change& change);
    void enforceLimits();
    void dropRedo();

    HistoryLimits m_limits;
    std::deque<Entry> m_steps;
    std::size_t m_position = 0;           // steps [0, m_position) are applied
    std::optional<std::size_t> m_saved = 0; // position at markSaved(); nullopt = no longer reachable
    bool m_mergeOpen = false;
    std::uint64_t m_version = 0;
    std::size_t m_bytes = 0;
};

} // namespace lernraum::core
