#pragma once
// The workshop timer: counts down the timebox of the current agenda item (the first one not done)
// and follows it when an item is marked done. Start/Pause, Reset and +1 min; a warning colour in
// the last minute and a flashing one at zero. An item that already used time continues with the rest. Time comes from the runner's steady clock (passed
// in), so an idle or minimised window never loses time (core::Timer). The time it ran is added to
// the agenda item's used time (AgendaItem::usedSeconds) on pause and when the item changes.

#include "core/change.hpp"
#include "core/model.hpp"
#include "core/timer.hpp"

#include <functional>

namespace lernraum::ui {

class WorkshopTimer {
public:
    using Submit = std::function<void(core::CommandResult)>;

    // Once per frame before drawing: follows the current agenda item.
    void follow(const core::Session& session, double time, const Submit& submit);
    void toggle(double time, const Submit& submit);
    void reset(double time, const Submit& submit);
    void addMinute() { m_timer.addMinute(); }
    void clear(); // another session was opened
    // Adds the seconds counted so far to the item (before saving: the time belongs to the document).
    void commit(double time, const Submit& submit) { record(time, submit); }

    [[nodiscard]] bool running() const { return m_timer.running(); }
    [[nodiscard]] const core::Timer& timer() const { return m_timer; }

    // Header block: clock and the three buttons, in presentation mode the clock only (F6 and the
    // other keys still work). width() is the space it needs.
    [[nodiscard]] float width() const;
    void drawCompact(double time, const Submit& submit, bool presentation = false);
    // A big clock with the item's title for the agenda tab and presentation mode.
    void drawBig(const core::Session& session, double time, const Submit& submit, bool presentation);

private:
    void record(double time, const Submit& submit); // used seconds not yet added to the item
    void drawButtons(double time, const Submit& submit);
    [[nodiscard]] int timeboxOf(const core::AgendaItem* item) const; // seconds left to count down

    core::Timer m_timer;
    const core::Session* m_session = nullptr;
    int m_recorded = 0; // whole seconds of the current stretch already added to the item
    int m_alreadyUsed = 0; // the item's used seconds when the timer started following it
    bool m_following = false;
};

} // namespace lernraum::ui
