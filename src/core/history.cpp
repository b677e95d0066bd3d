#include "history.hpp"

namespace lernraum::core {

bool History::apply(Session& session, const CommandResult& result) {
    if (!result.ok()) return false;
    return apply(session, result.change());
}

bool History::apply(Session& session, Change change) {
    if (change.isNoOp()) return false;
    if (tryMerge(session, change)) return true;
    applyAfter(session, change, true); // throws before anything is recorded
    dropRedo();
    const std::size_t size = estimateBytes(change);
    m_mergeOpen = !change.mergeKey.empty();
    m_steps.push_back(Entry{std::move(change), size});
    m_bytes += size;
    ++m_position;
    ++m_version;
    enforceLimits();
    return true;
}

bool History::tryMerge(Session& session, Change& change) {
    if (!m_mergeOpen || change.mergeKey.empty() || m_position == 0 || m_position != m_steps.size()) return false;
    if (m_saved && *m_saved == m_position) return false; // the last step is what was saved: keep it apart
    Entry& top = m_steps.back();
    if (top.change.mergeKey != change.mergeKey || top.change.steps.size() != 1 || change.steps.size() != 1)
        return false;
    Step& last = top.change.steps.front();
    const Step& next = change.steps.front();
    // Merge only when the new change starts exactly where the last one ended.
    if (last.after.index() != next.before.index() || !(last.after == next.before)) return false;

    applyAfter(session, change, true);
    last.after = next.after;
    top.change.label = change.label;
    m_bytes -= top.bytes;
    ++m_version;
    if (top.change.isNoOp()) { // edited back to where the step started: the step disappears
        m_steps.pop_back();
        --m_position;
        m_mergeOpen = false;
        return true;
    }
    top.bytes = estimateBytes(top.change);
    m_bytes += top.bytes;
    return true;
}

void History::dropRedo() {
    while (m_steps.size() > m_position) {
        m_bytes -= m_steps.back().bytes;
        m_steps.pop_back();
    }
    if (m_saved && *m_saved > m_position) m_saved.reset(); // the saved state was on the discarded branch
}

void History::enforceLimits() {
    // Always keep the newest step, even when it alone exceeds maxBytes: the user expects to be
    // able to undo what they just did.
    while (m_steps.size() > 1 && (m_steps.size() > m_limits.maxSteps || m_bytes > m_limits.maxBytes)) {
        m_bytes -= m_steps.front().bytes;
        m_steps.pop_front();
        --m_position;
        if (m_saved) {
            if (*m_saved == 0) m_saved.reset();
            else --*m_saved;
        }
    }
}

bool History::undo(Session& session) {
    if (!canUndo()) return false;
    applyBefore(session, m_steps[m_position - 1].change, true);
    --m_position;
    ++m_version;
    m_mergeOpen = false;
    return true;
}

bool History::redo(Session& session) {
    if (!canRedo()) return false;
    applyAfter(session, m_steps[m_position].change, true);
    ++m_position;
    ++m_version;
    m_mergeOpen = false;
    return true;
}

std::string History::undoLabel() const { return canUndo() ? m_steps[m_position - 1].change.label : std::string(); }

std::string History::redoLabel() const { return canRedo() ? m_steps[m_position].change.label : std::string(); }

void History::markSaved() {
    m_saved = m_position;
    m_mergeOpen = false;
}

void History::clear() {
    m_steps.clear();
    m_position = 0;
    m_saved = 0;
    m_bytes = 0;
    m_mergeOpen = false;
    ++m_version;
}

} // namespace lernraum::core
