#pragma once
// Wires the shell's load/save to the store through one store::DocumentFile: change detection
// before saving, the lock file next to the open session, recovery copies removed after a clean
// save of that document. Used by the GUI (gui.cpp) and the headless UI tests, so both run exactly
// this wiring.

#include "store/document_file.hpp"
#include "ui/shell.hpp"

#include <chrono>
#include <memory>

namespace lernraum::app {

inline core::Timestamp documentClock() {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    return core::Timestamp{now.count()};
}

inline void addDocumentServices(ui::ShellServices& services, std::shared_ptr<store::DocumentFile> document) {
    services.load = [document](const std::string& path) {
        ui::LoadOutcome outcome;
        auto opened = document->open(path, documentClock());
        if (opened.result.session) {
            outcome.session = std::move(opened.result.session);
            if (opened.heldBy) outcome.heldBy = store::describe(*opened.heldBy);
        } else if (opened.result.error) {
            outcome.error = opened.result.error->toString();
        }
        return outcome;
    };
    services.save = [document](const core::Session& session, const std::string& path, bool overwrite) {
        ui::SaveOutcome outcome;
        const auto error = document->save(session, path, overwrite);
        if (!error) return outcome;
        outcome.error = error->toString();
        switch (error->kind) {
        case store::SaveErrorKind::ChangedOnDisk: outcome.status = ui::SaveOutcome::Status::ChangedOnDisk; break;
        case store::SaveErrorKind::ReadOnly: outcome.status = ui::SaveOutcome::Status::ReadOnly; break;
        default: outcome.status = ui::SaveOutcome::Status::Failed; break;
        }
        return outcome;
    };
    services.documentChanged = [document](const std::string& path) { document->setCurrent(path, documentClock()); };
}

} // namespace lernraum::app
