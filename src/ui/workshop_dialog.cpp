#include "ui/workshop_dialog.hpp"

#include "core/commands.hpp"
#include "core/ids.hpp"
#include "core/participants.hpp"
#include "core/text.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"


#include <algorithm>
#include <array>

namespace lernraum::ui {
namespace {

constexpr const char* kPopupId = "###workshop-data";

bool roleCombo(const char* id, core::Role& role) {
    bool changed = false;
    if (ImGui::BeginCombo(id, label(role))) {
        for (int i = 0; i < static_cast<int>(core::Role::Count); ++i) {
            const auto r = static_cast<core::Role>(i);
            if (selectable(label(r), r == role)) {
                role = r;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// "3 Führungskraft · 6 Beschäftigte · 2 Personalrat"
std::string countsByRole(const std::vector<core::Participant>& participants) {
    core::RoleCounts counts{};
    for (const auto& p : participants)
        if (core::inRange(p.role)) ++counts[static_cast<std::size_t>(p.role)];
    std::string out;
    for (std::size_t r = 0; r < counts.size(); ++r) {
        if (counts[r] == 0) continue;
        if (!out.empty()) out += " \xC2\xB7 ";
        out += std::to_string(counts[r]) + "\xC2\xA0" + label(static_cast<core::Role>(r));
    }
    return out;
}

} // namespace

void WorkshopDialog::open(const core::Session& session) {
    m_header = core::headerOf(session);
    m_participants = session.participants;
    m_date = formatDate(session.date);
    m_nextReview = formatDate(session.nextReview);
    m_startTime = session.startTime;
    m_quickEntry.clear();
    m_error.clear();
    m_open = true;
    m_requested = true;
}

void WorkshopDialog::drawFields(bool presentation) {
    const FormRows form({_("Title"), _("Date"), _("Start time"), _("Type"), _("Learning space"), _("Unit"),
                         _("Facilitation"), _("Goal"), _("Next review"), _("Language")});
    const auto row = [&form](const char* text) { form.row(text); };
    row(_("Title"));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    inputText("##wd-title", m_header.title);
    recordLastItem("Workshop title");

    row(_("Date"));
    ImGui::SetNextItemWidth(em(9.0f));
    inputText("##wd-date", m_date);
    recordLastItem("Workshop date");
    ImGui::SameLine(0.0f, em(1.5f));
    ImGui::AlignTextToFramePadding();
    mutedText(_("Start time"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(5.0f));
    inputText("##wd-start", m_startTime);
    recordLastItem("Workshop start time");
    ImGui::SameLine();
    mutedText(_("e.g. 09:00, optional"));

    row(_("Type"));
    if (ImGui::BeginCombo("##wd-kind", label(m_header.kind))) {
        for (int i = 0; i < static_cast<int>(core::SessionKind::Count); ++i) {
            const auto kind = static_cast<core::SessionKind>(i);
            if (selectable(label(kind), kind == m_header.kind)) m_header.kind = kind;
        }
        ImGui::EndCombo();
    }
    recordLastItem("Workshop kind");

    row(_("Learning space"));
    inputText("##wd-lernraum", m_header.lernraum);
    recordLastItem("Workshop learning space");
    row(_("Unit"));
    inputText("##wd-unit", m_header.orgUnit);
    recordLastItem("Workshop unit");
    row(_("Facilitation"));
    inputText("##wd-facilitator", m_header.facilitator, presentation ? ImGuiInputTextFlags_Password : 0);
    recordLastItem("Workshop facilitator");
    row(_("Goal"));
    inputTextMultiline("##wd-goal", m_header.goal, ImVec2(-1.0f, em(3.2f)));
    recordLastItem("Workshop goal");
    row(_("Next review"));
    ImGui::SetNextItemWidth(em(9.0f));
    inputText("##wd-next", m_nextReview);
    recordLastItem("Workshop next review");
    ImGui::SameLine();
    mutedText(_("date of the next workshop, optional"));
    row(_("Language"));
    ImGui::SetNextItemWidth(em(9.0f));
    if (ImGui::BeginCombo("##wd-language", m_header.language == "en" ? "English" : "Deutsch")) {
        if (selectable("Deutsch", m_header.language == "de")) m_header.language = "de";
        if (selectable("English", m_header.language == "en")) m_header.language = "en";
        ImGui::EndCombo();
    }
    recordLastItem("Workshop language");
    ImGui::SameLine();
    mutedText(_("of the session's texts and report"));

    ImGui::Spacing();
    ImGui::Checkbox(_("The team consents to research use"), &m_header.researchConsent);
    recordLastItem("Research consent");
    ImGui::PushTextWrapPos(0.0f);
    mutedText(_("Only then can this workshop go into the research export: roles instead of names, dates by month, "
                "free text only on request and with names removed."));
    ImGui::PopTextWrapPos();
}

void WorkshopDialog::drawParticipants(const core::Session& session, bool presentation) {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    const std::string counts = countsByRole(m_participants);
    heading(std::string(_("Participants")) + " (" + std::to_string(m_participants.size()) + ")");
    if (!counts.empty()) mutedText(counts);

    // Quick entry by counts: "3 Führungskraft, 6 Beschäftigte, 2 Personalrat".
    ImGui::AlignTextToFramePadding();
    mutedText(_("Quick entry"));
    ImGui::SameLine();
    const float addWidth = ImGui::CalcTextSize(_("Add")).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - addWidth - ImGui::GetStyle().ItemSpacing.x);
    const bool enter = inputTextWithHint("##wd-quick", _("3 Manager, 6 Employee, 2 Staff council"), m_quickEntry,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem("Quick entry");
    const bool keepFocus = enter;
    ImGui::SameLine();
    if (button(_("Add")) || enter) {
        const core::RoleCountsParse parsed = core::parseRoleCounts(m_quickEntry);
        if (!parsed.counts) {
            m_error = std::string(_("Not understood:")) + " \xE2\x80\x9E" + parsed.badPart + "\xE2\x80\x9C \xE2\x80\x93 " +
                      _("write a number and a role, e.g. \xE2\x80\x9E" "3 Personalrat\xE2\x80\x9C.");
        } else {
            // Ids unused in the session and in this draft.
            core::Session scratch;
            scratch.id = session.id;
            scratch.participants = session.participants;
            scratch.participants.insert(scratch.participants.end(), m_participants.begin(), m_participants.end());
            auto ids = core::IdGenerator::fromRandomDevice();
            auto added = core::anonymousParticipants(scratch, *parsed.counts, ids);
            m_participants.insert(m_participants.end(), added.begin(), added.end());
            m_quickEntry.clear();
            m_error.clear();
        }
    }
    if (keepFocus) ImGui::SetKeyboardFocusHere(-1); // the next entry goes into the same field

    const float listHeight = std::min(em(14.0f), (static_cast<float>(m_participants.size()) + 1.5f) * ImGui::GetFrameHeightWithSpacing());
    if (!m_participants.empty() && ImGui::BeginTable("wd-participants", 4,
                                                     ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH,
                                                     ImVec2(0.0f, listHeight))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(_("Role"), ImGuiTableColumnFlags_WidthFixed, em(11.0f));
        ImGui::TableSetupColumn(_("Name (optional)"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(_("Department (optional)"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(_("Remove")).x + em(1.0f));
        ImGui::TableHeadersRow();
        std::size_t removeAt = m_participants.size();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(m_participants.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                core::Participant& p = m_participants[static_cast<std::size_t>(i)];
                ImGui::PushID(p.id.c_str());
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::SetNextItemWidth(-1.0f);
                roleCombo("##role", p.role);
                recordLastItem("Participant role " + std::to_string(i + 1));
                ImGui::TableSetColumnIndex(1);
                ImGui::SetNextItemWidth(-1.0f);
                // The projector never shows names: masked in presentation mode.
                inputText("##name", p.displayName, presentation ? ImGuiInputTextFlags_Password : 0);
                recordLastItem("Participant name " + std::to_string(i + 1));
                ImGui::TableSetColumnIndex(2);
                ImGui::SetNextItemWidth(-1.0f);
                inputText("##department", p.department);
                recordLastItem("Participant department " + std::to_string(i + 1));
                ImGui::TableSetColumnIndex(3);
                if (button(_("Remove"))) removeAt = static_cast<std::size_t>(i);
                recordLastItem("Remove participant " + std::to_string(i + 1));
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
        if (removeAt < m_participants.size()) m_participants.erase(m_participants.begin() + static_cast<std::ptrdiff_t>(removeAt));
    }
    if (button(_("+ Person"))) {
        core::Session scratch;
        scratch.id = session.id;
        scratch.participants = session.participants;
        scratch.participants.insert(scratch.participants.end(), m_participants.begin(), m_participants.end());
        auto ids = core::IdGenerator::fromRandomDevice();
        core::RoleCounts one{};
        one[static_cast<std::size_t>(core::Role::Employee)] = 1;
        auto added = core::anonymousParticipants(scratch, one, ids);
        m_participants.insert(m_participants.end(), added.begin(), added.end());
    }
    ImGui::SameLine();
    mutedText(_("Names are optional; reports show roles unless names are asked for."));
}

bool WorkshopDialog::confirm(const core::Session& session, const std::function<void(core::CommandResult)>& submit) {
    const auto date = parseDate(m_date);
    if (!date) {
        m_error = std::string(_("The date is not a calendar date:")) + " " + m_date;
        return false;
    }
    const auto next = parseDate(m_nextReview);
    if (!next) {
        m_error = std::string(_("The next review is not a calendar date:")) + " " + m_nextReview;
        return false;
    }
    std::string start;
    if (!core::trim(m_startTime).empty()) {
        const int minutes = core::parseTimeOfDay(m_startTime);
        if (minutes < 0) {
            m_error = std::string(_("The start time is not a time of day (e.g. 09:00):")) + " " + m_startTime;
            return false;
        }
        start = core::formatTimeOfDay(minutes);
    }
    core::SessionHeader header = m_header;
    header.date = *date;
    header.nextReview = *next;
    header.startTime = start;
    core::CommandResult result = core::updateWorkshopData(session, header, m_participants);
    if (!result.ok()) {
        m_error = result.refusal().message([](const char* msgid) { return translate(msgid); });
        return false;
    }
    submit(std::move(result));
    return true;
}

void WorkshopDialog::draw(const core::Session& session, const std::function<void(core::CommandResult)>& submit,
                          bool presentation) {
    if (!m_open) return;
    const std::string title = std::string(_("Workshop data")) + kPopupId;
    if (!beginCentredModal(title, m_requested, 56.0f)) {
        m_open = false; // closed behind our back
        return;
    }
    drawFields(presentation);
    drawParticipants(session, presentation);
    ImGui::Spacing();
    if (!m_error.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        colouredText(palette().warning, m_error);
        ImGui::PopTextWrapPos();
    }
    bool close = false;
    if (button(_("OK"))) close = confirm(session, submit);
    ImGui::SameLine();
    if (cancelButton()) close = true;
    if (close) {
        m_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace lernraum::ui
