#include "templates.hpp"

namespace lernraum::core {

Session makeEmptySession(const std::string& title, Date date, IdGenerator& ids) {
    Session s;
    s.id = ids.next("session");
    s.title = title;
    s.date = date;
    s.kind = SessionKind::Other;
    s.language = "de";

    Board board;
    board.id = ids.next("board");
    board.title = "Kanban-Board";
    board.columns.push_back({ids.next("col"), "Offen", ColumnKind::Todo, 0, WipMode::Soft});
    board.columns.push_back({ids.next("col"), "In Arbeit", ColumnKind::InProgress, 3, WipMode::Soft});
    board.columns.push_back({ids.next("col"), "Erledigt", ColumnKind::Done, 0, WipMode::Soft});
    s.boards.push_back(std::move(board));

    Retrospective retro;
    retro.id = ids.next("retro");
    retro.title = "Retrospektive";
    retro.formatId = "gut-verbessern-ausprobieren";
    retro.prompts.push_back({ids.next("prompt"), "Was lief gut?"});
    retro.prompts.push_back({ids.next("prompt"), "Was können wir verbessern?"});
    retro.prompts.push_back({ids.next("prompt"), "Was probieren wir aus?"});
    retro.checkIn.question = "Wie geht es mir heute? (1 = schlecht, 5 = sehr gut)";
    retro.roti.question = "Wie wertvoll war die Zeit? (1 = verschwendet, 5 = sehr wertvoll)";
    s.retrospectives.push_back(std::move(retro));
    return s;
}

std::vector<std::string> templateNames() { return {"empty", "demo"}; }

} // namespace lernraum::core
