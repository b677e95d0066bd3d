#include "ui/follow_up_dialog.hpp"

#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace lernraum::ui {

void FollowUpDialog::open(const core::Session& current, core::Date today) {
    core::Date date = current.nextReview;
    if (!date.isValid()) {
        date = today;
        if (current.date.isValid() && date < current.date) date = current.date;
    }
    m_date = formatDate(date);
    m_kind = core::nextSessionKind(current.kind);
    m_title = core::defaultFollowUpTitle(current, m_kind);
    m_titleEdited = false;
    m_carryIdeas = true;
    m_error.clear();
    m_open = true;
    m_requested = true;
}

std::optional<core::FollowUpOptions> FollowUpDialog::draw(const core::Session& current) {
    if (!m_open) return std::nullopt;
    const std::string title = std::string(_("New follow-up session")) + "###follow-up";
    if (!beginCentredModal(title, m_requested, 40.0f)) {
        m_open = false;
        return std::nullopt;
    }
    wrappedText(_("The next workshop of this Lernraum gets its own file. It takes along the boards, the open actions "
                  "for review and the running experiments; this file stays as it is."));
    ImGui::Spacing();
    const FormRows form({_("Date"), _("Type"), _("Title")});
    const auto row = [&form](const char* text) { form.row(text); };
    row(_("Date"));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    inputText("##fu-date", m_date);
    recordLastItem("Follow-up date");
    row(_("Type"));
    if (ImGui::BeginCombo("##fu-kind", label(m_kind))) {
        for (int i = 0; i < static_cast<int>(core::SessionKind::Count); ++i) {
            const auto kind = static_cast<core::SessionKind>(i);
            if (selectable(label(kind), kind == m_kind)) {
                m_kind = kind;
                if (!m_titleEdited) m_title = core::defaultFollowUpTitle(current, m_kind); // follows the kind
            }
        }
        ImGui::EndCombo();
    }
    recordLastItem("Follow-up kind");
    row(_("Title"));
    if (inputText("##fu-title", m_title)) m_titleEdited = true;
    recordLastItem("Follow-up title");
    ImGui::Checkbox(_("Take experiment ideas along (status \xE2\x80\x9EIdee\xE2\x80\x9C)"), &m_carryIdeas);
    recordLastItem("Carry ideas");
    if (!m_error.empty()) colouredText(palette().warning, m_error);
    ImGui::Spacing();
    std::optional<core::FollowUpOptions> chosen;
    bool close = false;
    if (button(_("Create follow-up session"))) {
        const auto date = parseDate(m_date);
        if (!date || !date->isSet()) {
            m_error = std::string(_("The date is not a calendar date:")) + " " + m_date;
        } else {
            core::FollowUpOptions options;
            options.date = *date;
            options.title = m_title;
            options.kind = m_kind;
            options.carryIdeas = m_carryIdeas;
            chosen = options;
            close = true;
        }
    }
    ImGui::SameLine();
    if (cancelButton()) close = true;
    if (close) {
        m_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return chosen;
}

} // namespace lernraum::ui
