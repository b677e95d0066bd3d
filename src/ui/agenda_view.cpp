// [SECTION] agenda table (read-only in presentation mode, an editor otherwise)
// [SECTION] row editor and new item
// [SECTION] facts panel

#include "ui/agenda_view.hpp"

#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/timer_widget.hpp"
#include "ui/widgets.hpp"

#include "core/commands.hpp"
#include "core/formats.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"


#include <algorithm>
#include <array>
#include <string>

namespace lernraum::ui {
namespace {

constexpr const char* kPayload = "LR_AGENDA";
constexpr int kKeyDelete = 261;
constexpr int kKeyDown = 264;
constexpr int kKeyUp = 265;

// "09:00" from the workshop's start time plus minutes, or "0:15" relative when it has none.
std::string clockAt(const core::Session& session, int minutes) {
    const int start = session.startTime.empty() ? -1 : core::parseTimeOfDay(session.startTime);
    if (start < 0) return formatClock(minutes);
    return core::formatTimeOfDay(start + minutes);
}

bool phaseCombo(const char* id, core::Phase& phase) {
    bool changed = false;
    if (ImGui::BeginCombo(id, label(phase))) {
        for (int i = 0; i < static_cast<int>(core::Phase::Count); ++i) {
            const auto p = static_cast<core::Phase>(i);
            if (selectable(label(p), p == phase)) {
                phase = p;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

core::Id newAgendaId(const core::Session& session) {
    auto ids = core::IdGenerator::fromRandomDevice();
    core::Id id = ids.next("agenda");
    while (core::idInUse(session, id)) id = ids.next("agenda");
    return id;
}

std::size_t indexOf(const core::Session& session, const core::Id& id) {
    for (std::size_t i = 0; i < session.agenda.size(); ++i)
        if (session.agenda[i].id == id) return i;
    return session.agenda.size();
}

} // namespace

// -----------------------------------------------------------------------------------------------
// [SECTION] agenda table

void AgendaView::startEdit(const core::AgendaItem& item) {
    m_editing = item.id;
    m_selected = item.id;
    m_draft = item;
    m_focusEdit = true;
}

void AgendaView::handleKeys(const core::Session& session, ViewContext& ctx) {
    if (ctx.presentation || ImGui::GetIO().WantTextInput || m_selected.empty()) return;
    const std::size_t i = indexOf(session, m_selected);
    if (i >= session.agenda.size()) {
        m_selected.clear();
        return;
    }
    for (const KeyChord& k : ctx.keys) {
        if (k.ctrl && k.key == kKeyUp && i > 0) ctx.submit(core::moveAgendaItem(session, m_selected, i - 1));
        else if (k.ctrl && k.key == kKeyDown && i + 1 < session.agenda.size())
            ctx.submit(core::moveAgendaItem(session, m_selected, i + 1));
        else if (!k.ctrl && k.key == kKeyUp && i > 0) m_selected = session.agenda[i - 1].id;
        else if (!k.ctrl && k.key == kKeyDown && i + 1 < session.agenda.size()) m_selected = session.agenda[i + 1].id;
        else if (!k.ctrl && k.key == key::Enter) startEdit(session.agenda[i]);
        else if (!k.ctrl && k.key == kKeyDelete) {
            ctx.submit(core::removeAgendaItem(session, m_selected));
            m_selected = i + 1 < session.agenda.size() ? session.agenda[i + 1].id : i > 0 ? session.agenda[i - 1].id : core::Id{};
            return; // the agenda changed under the loop
        }
    }
}

void AgendaView::drawTable(const core::Session& session, ViewContext& ctx) {
    const Palette& p = palette();
    if (session.agenda.empty()) {
        mutedText(ctx.presentation ? _("No agenda items yet.")
                                   : _("No agenda items yet. Add one below or take activities from the library."));
        return;
    }
    const core::AgendaItem* currentItem = core::currentAgendaItem(session);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    const bool edit = !ctx.presentation;
    // Large text in a narrow plan (a large room's audience window): fewer columns, never smaller
    // text; the phase is the one the room can do without.
    const bool withPhase = edit || ImGui::GetContentRegionAvail().x >= em(36.0f);
    const int columns = edit ? 6 : withPhase ? 4 : 3;
    const int durationColumn = withPhase ? 3 : 2;
    if (!ImGui::BeginTable("agenda", columns, flags)) return;
    const float timeWidth = ImGui::CalcTextSize("00:00\xE2\x80\x93" "00:00").x + em(0.5f);
    ImGui::TableSetupColumn(_("Time"), ImGuiTableColumnFlags_WidthFixed, std::max(em(5.5f), timeWidth));
    ImGui::TableSetupColumn(_("Agenda item"), ImGuiTableColumnFlags_WidthStretch);
    if (withPhase) ImGui::TableSetupColumn(_("Phase"), ImGuiTableColumnFlags_WidthFixed, em(9.0f));
    ImGui::TableSetupColumn(_("Duration"), ImGuiTableColumnFlags_WidthFixed, em(6.5f));
    if (edit) {
        ImGui::TableSetupColumn(_("Done"), ImGuiTableColumnFlags_WidthFixed,
                                std::max(em(3.5f), ImGui::CalcTextSize(_("Done")).x * 1.15f + em(0.5f))); // header in bold
        ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize(_("Edit")).x + ImGui::CalcTextSize(_("Delete")).x + em(2.0f));
    }
    {
        FontScope font(fonts().bold);
        ImGui::TableHeadersRow();
    }
    int startMinutes = 0;
    std::optional<std::pair<core::Id, std::size_t>> drop; // (item, new index) applied after the table
    for (std::size_t i = 0; i < session.agenda.size(); ++i) {
        const core::AgendaItem& item = session.agenda[i];
        ImGui::PushID(item.id.c_str());
        ImGui::TableNextRow(0, em(2.0f));
        const bool isCurrent = currentItem == &item;
        const bool isSelected = edit && item.id == m_selected;
        if (isSelected) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_Header));
        const ImVec4 colour = item.done ? p.muted : isCurrent ? p.accent : p.text;

        if (edit && item.id == m_editing) {
            drawRowEditor(session, ctx);
            startMinutes += item.timeboxMinutes;
            ImGui::PopID();
            continue;
        }

        ImGui::TableSetColumnIndex(0);
        colouredText(colour, clockAt(session, startMinutes) + "\xE2\x80\x93" + clockAt(session, startMinutes + item.timeboxMinutes));

        ImGui::TableSetColumnIndex(1);
        std::string title = item.done ? "\xE2\x9C\x93 " : isCurrent ? "\xE2\x96\xB6 " : "";
        title += item.title;
        if (edit) {
            // The title is the row's handle: click selects, double-click edits, drag reorders. The
            // wrapped text is drawn first, an invisible button of its size on top takes the mouse.
            const ImVec2 start = ImGui::GetCursorScreenPos();
            {
                FontScope font(fonts().bold);
                ImGui::PushTextWrapPos(0.0f);
                colouredText(colour, title);
                ImGui::PopTextWrapPos();
            }
            const ImVec2 end = ImGui::GetItemRectMax();
            ImGui::SetCursorScreenPos(start);
            ImGui::InvisibleButton(("##row" + item.id).c_str(),
                                   ImVec2(std::max(1.0f, ImGui::GetContentRegionAvail().x), std::max(1.0f, end.y - start.y)));
            recordLastItem("Agenda row: " + item.title);
            if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) m_selected = item.id;
            if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) startEdit(item);
            if (ImGui::BeginDragDropSource()) {
                ImGui::SetDragDropPayload(kPayload, item.id.c_str(), item.id.size() + 1);
                wrappedText(item.title);
                ImGui::EndDragDropSource();
            }
            if (ImGui::BeginDragDropTarget()) {
                if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kPayload)) {
                    drop = std::make_pair(core::Id(static_cast<const char*>(payload->Data)), i);
                }
                ImGui::EndDragDropTarget();
            }
        } else {
            FontScope font(fonts().bold);
            colouredText(colour, title);
        }
        if (!item.description.empty()) mutedText(item.description);

        if (withPhase) {
            ImGui::TableSetColumnIndex(2);
            colouredText(item.done ? p.muted : p.text, label(item.phase));
        }

        ImGui::TableSetColumnIndex(durationColumn);
        colouredText(colour, std::to_string(item.timeboxMinutes) + " " + _("min"));
        if (item.usedSeconds > 0) mutedText(std::string(_("used")) + " " + formatSeconds(item.usedSeconds));
        if (edit) {
            ImGui::TableSetColumnIndex(4);
            bool done = item.done;
            if (ImGui::Checkbox("##done", &done)) ctx.submit(core::setAgendaItemDone(session, item.id, done));
            recordLastItem(std::string(_("Done")) + ": " + item.title);
            ImGui::TableSetColumnIndex(5);
            if (button(_("Edit"))) startEdit(item);
            recordLastItem("Edit agenda item: " + item.title);
            ImGui::SameLine();
            if (button(_("Delete"))) {
                ctx.submit(core::removeAgendaItem(session, item.id));
                if (m_selected == item.id) m_selected.clear();
            }
            recordLastItem("Delete agenda item: " + item.title);
        }
        startMinutes += item.timeboxMinutes;
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (drop) {
        const std::size_t from = indexOf(session, drop->first);
        if (from < session.agenda.size() && from != drop->second) {
            ctx.submit(core::moveAgendaItem(session, drop->first, drop->second));
            m_selected = drop->first;
        }
    }
    ImGui::Spacing();
    const core::AgendaTotals totals = core::agendaTotals(session);
    const int usedMinutes = (totals.usedSeconds + 59) / 60;
    std::string total = std::string(_("Planned")) + ": " + formatClock(startMinutes) + " " + _("h") + " \xC2\xB7 " + _("Used") +
                        ": " + formatClock(usedMinutes) + " " + _("h") + " \xC2\xB7 " + std::to_string(totals.doneCount) + "/" +
                        std::to_string(session.agenda.size()) + " " + _("done");
    if (!session.startTime.empty()) total += " \xC2\xB7 " + std::string(_("End")) + ": " + clockAt(session, startMinutes);
    colouredText(usedMinutes > startMinutes ? p.warning : p.muted, total);
}

// -----------------------------------------------------------------------------------------------
// [SECTION] row editor and new item

void AgendaView::drawRowEditor(const core::Session& session, ViewContext& ctx) {
    bool commit = false;
    bool cancel = false;
    ImGui::TableSetColumnIndex(1);
    if (m_focusEdit) {
        ImGui::SetKeyboardFocusHere();
        m_focusEdit = false;
    }
    ImGui::SetNextItemWidth(-1.0f);
    commit |= inputText("##edit-title", m_draft.title, ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem("Agenda title editor");
    ImGui::SetNextItemWidth(-1.0f);
    commit |= inputTextWithHint("##edit-description", _("Description (optional)"), m_draft.description,
                                       ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem("Agenda description editor");
    ImGui::TableSetColumnIndex(2);
    ImGui::SetNextItemWidth(-1.0f);
    phaseCombo("##edit-phase", m_draft.phase);
    recordLastItem("Agenda phase editor");
    ImGui::TableSetColumnIndex(3);
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::InputInt("##edit-minutes", &m_draft.timeboxMinutes, 5, 15)) m_draft.timeboxMinutes = std::clamp(m_draft.timeboxMinutes, 0, 24 * 60);
    recordLastItem("Agenda minutes editor");
    ImGui::TableSetColumnIndex(5);
    if (button(_("OK"))) commit = true;
    ImGui::SameLine();
    if (button(_("Cancel"))) cancel = true;
    for (const KeyChord& k : ctx.keys)
        if (k.key == key::Escape) cancel = true;
    if (commit) {
        const core::AgendaItem* old = nullptr;
        for (const auto& a : session.agenda)
            if (a.id == m_editing) old = &a;
        if (old) {
            core::AgendaItem next = *old; // used time and done may have changed meanwhile (timer)
            next.title = m_draft.title;
            next.description = m_draft.description;
            next.phase = m_draft.phase;
            next.timeboxMinutes = m_draft.timeboxMinutes;
            core::CommandResult result = core::updateAgendaItem(session, next);
            if (!result.ok()) {
                ctx.submit(result); // the refusal as a toast; the editor keeps the text
                return;
            }
            if (next != *old) ctx.submit(result);
        }
        m_editing.clear();
    } else if (cancel) {
        m_editing.clear();
    }
}

void AgendaView::drawNewItem(const core::Session& session, ViewContext& ctx) {
    ImGui::Spacing();
    boldText(_("New agenda item"));
    const float minutesWidth = em(7.0f);
    const float phaseWidth = em(10.0f);
    const float addWidth = ImGui::CalcTextSize(_("Add")).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (m_focusNew) {
        ImGui::SetKeyboardFocusHere();
        m_focusNew = false;
    }
    ImGui::SetNextItemWidth(std::max(em(8.0f), ImGui::GetContentRegionAvail().x - minutesWidth - phaseWidth - addWidth - 3.0f * spacing));
    bool add = inputTextWithHint("##new-title", _("Title, e.g. Break"), m_new.title, ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem("New agenda item title");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(phaseWidth);
    phaseCombo("##new-phase", m_new.phase);
    recordLastItem("New agenda item phase");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(minutesWidth);
    if (m_new.timeboxMinutes <= 0 && m_new.title.empty()) m_new.timeboxMinutes = 15;
    if (ImGui::InputInt("##new-minutes", &m_new.timeboxMinutes, 5, 15)) m_new.timeboxMinutes = std::clamp(m_new.timeboxMinutes, 0, 24 * 60);
    recordLastItem("New agenda item minutes");
    ImGui::SameLine();
    add |= button(_("Add"));
    recordLastItem("Add agenda item");
    if (add) {
        core::AgendaItem item = m_new;
        item.id = newAgendaId(session);
        // After the last item of its phase (or an earlier one), like the activity library does.
        std::size_t at = 0;
        for (std::size_t i = session.agenda.size(); i > 0; --i) {
            if (session.agenda[i - 1].phase <= item.phase) {
                at = i;
                break;
            }
        }
        core::CommandResult result = core::addAgendaItem(session, item, at);
        if (result.ok()) {
            m_new.title.clear();
            m_new.description.clear();
            m_selected = item.id;
        }
        ctx.submit(result); // a refusal shows as a toast; the typed title stays in the field
        m_focusNew = true;   // the next item goes into the same field
    }
    // Board or experiment work as an agenda item, so the workshop timer times it.
    mutedText(_("Work time for the timer:"));
    ImGui::SameLine();
    const auto addWork = [&](const char* title, core::Phase phase, int minutes) {
        core::AgendaItem item;
        item.id = newAgendaId(session);
        item.title = title;
        item.phase = phase;
        item.timeboxMinutes = minutes;
        ctx.submit(core::addAgendaItem(session, item));
    };
    if (button(_("+ Board work"))) addWork(_("Work on the board"), core::Phase::DecideWhatToDo, 30);
    ImGui::SameLine();
    if (button(_("+ Experiment work"))) addWork(_("Plan the practice experiments"), core::Phase::DecideWhatToDo, 30);
}

// -----------------------------------------------------------------------------------------------
// [SECTION] facts panel

namespace {

void drawSessionFacts(const core::Session& session, const ViewContext& ctx) {
    if (!session.goal.empty()) {
        heading(_("Goal"));
        wrappedText(session.goal);
        ImGui::Spacing();
    }
    heading(_("Workshop"));
    labelledText(_("Type:"), label(session.kind));
    labelledText(_("Date:"), formatDate(session.date) + (session.startTime.empty() ? "" : ", " + session.startTime));
    labelledText(_("Learning space:"), session.lernraum);
    labelledText(_("Unit:"), session.orgUnit);
    if (!ctx.presentation) labelledText(_("Facilitation:"), session.facilitator);
    labelledText(_("Next review:"), formatDate(session.nextReview));
    if (!ctx.presentation)
        labelledText(_("Research:"), session.researchConsent ? _("consent recorded") : _("no consent"));
    ImGui::Spacing();

    // The room by role, never by name: the shared screen is seen by everyone.
    heading(_("Participants"));
    std::array<int, static_cast<int>(core::Role::Count)> counts{};
    for (const auto& participant : session.participants) {
        if (core::inRange(participant.role)) ++counts[static_cast<int>(participant.role)];
    }
    if (session.participants.empty()) mutedText(_("No participants recorded."));
    for (int r = 0; r < static_cast<int>(core::Role::Count); ++r) {
        if (counts[r] == 0) continue;
        labelledText((std::string(label(static_cast<core::Role>(r))) + ":").c_str(), std::to_string(counts[r]));
    }
    if (!ctx.presentation && ctx.editWorkshopData) {
        ImGui::Spacing();
        if (button(_("Edit workshop data\xE2\x80\xA6"))) ctx.editWorkshopData();
    }
}

} // namespace

void AgendaView::draw(const core::Session& session, ViewContext& ctx) {
    handleKeys(session, ctx);
    if (!m_editing.empty() && indexOf(session, m_editing) >= session.agenda.size()) m_editing.clear(); // undone
    const float avail = ImGui::GetContentRegionAvail().x;
    float factsWidth = avail * (ctx.presentation ? 0.36f : 0.3f);
    if (ctx.presentation) {
        // Large text (a large room's audience window): the facts give way first, so the plan keeps
        // room for its item titles (about 40 em with time, phase and duration), but never so far
        // that the big clock is cut off.
        factsWidth = std::clamp(avail - em(40.0f), avail * 0.25f, factsWidth);
        float clock = 0.0f;
        {
            FontScope font(fonts().clockLarge ? fonts().clockLarge : fonts().title);
            clock = ImGui::CalcTextSize("-00:00").x * (fonts().clockLarge ? 1.0f : kClockLargeScale / 1.7f);
        }
        factsWidth = std::max(factsWidth, std::min(clock + em(2.0f), avail * 0.45f));
    }
    ImGui::BeginChild("agenda-plan", ImVec2(ImGui::GetContentRegionAvail().x - factsWidth - em(1.0f), 0.0f));
    syncScroll(ctx, "agenda-plan");
    heading(_("Agenda"));
    drawTable(session, ctx);
    if (!ctx.presentation) drawNewItem(session, ctx);
    ImGui::EndChild();
    ImGui::SameLine(0.0f, em(1.0f));
    beginPanel("agenda-facts", factsWidth);
    if (ctx.timer) {
        ctx.timer->drawBig(session, ctx.time, ctx.submit, ctx.presentation);
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
    }
    drawSessionFacts(session, ctx);
    if (!ctx.presentation) {
        ImGui::Spacing();
        m_library.draw(session, ctx);
    }
    endPanel();
}

} // namespace lernraum::ui
