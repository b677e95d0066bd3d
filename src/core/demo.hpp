#pragma once
// A realistic German example workshop: the Auswertungssitzung (sprint review) of sprint 2 of the
// Lernraum "Führung auf Distanz" of the invented Kreisverwaltung Lindenfeld. Used for screenshots,
// the "new --template demo" command, UI tests and benchmarks. Fully deterministic: fixed ids,
// fixed dates, no clock and no random device. validate() finds no problem in it.

#include "model.hpp"

namespace lernraum::core {

Session makeDemoSession();

} // namespace lernraum::core
