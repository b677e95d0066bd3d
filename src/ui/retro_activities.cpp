#include "ui/retro_activities.hpp"

#include "core/formats.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/retro_library.hpp"
#include "ui/widgets.hpp"

#include <string>

namespace lernraum::ui {

ActivityLibraryPanel::ActivityLibraryPanel() : m_ids(core::IdGenerator::fromRandomDevice()) {}

void ActivityLibraryPanel::draw(const core::Session& session, ViewContext& ctx) {
    const core::RetroLibrary& library = retroLibrary();
    const std::string& lang = language();
    heading(_("Activity library"));
    if (library.activities.empty()) {
        mutedText(_("No activities found (assets missing)."));
        return;
    }
    if (button(_("Suggest a plan (one activity per phase)"))) {
        ctx.submit(core::addActivitiesToAgenda(session, core::suggestedPlan(library), lang, m_ids));
    }
    for (int p = 0; p < static_cast<int>(core::Phase::Count); ++p) {
        const auto phase = static_cast<core::Phase>(p);
        const auto activities = core::activitiesOf(library, phase);
        if (activities.empty()) continue;
        ImGui::PushID(p);
        const std::string header = std::to_string(p + 1) + ". " + label(phase) + " (" + std::to_string(activities.size()) + ")";
        const bool open = ImGui::CollapsingHeader(header.c_str());
        recordLastItem(header);
        if (open) {
            for (const core::Activity* a : activities) {
                ImGui::PushID(a->id.c_str());
                const std::string& title = a->title.in(lang);
                if (button("+")) ctx.submit(core::addActivitiesToAgenda(session, {a}, lang, m_ids));
                recordLastItem(std::string(_("Add to agenda")) + ": " + title);
                ImGui::SameLine();
                ImGui::BeginGroup();
                boldText(title);
                std::string people = a->maxPeople > 0 ? std::to_string(a->minPeople) + "\xE2\x80\x93" + std::to_string(a->maxPeople)
                                                      : std::to_string(a->minPeople) + "+";
                mutedText(std::to_string(a->minutes) + " " + _("min") + " \xC2\xB7 " + people + " " + _("people"));
                wrappedText(a->description.in(lang));
                ImGui::EndGroup();
                ImGui::Spacing();
                ImGui::PopID();
            }
        }
        ImGui::PopID();
    }
}

} // namespace lernraum::ui
