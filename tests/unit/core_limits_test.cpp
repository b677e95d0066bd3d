// Hostile input rules decided in core: at most kMaxColumns columns per board and kMaxPrompts prompts
// per retrospective (the GUI draws each as one ImGui table, which aborts beyond 64 columns), and no
// control characters but tab and newline in any text. Every entry point refuses: commands,
// validate(), the board CSV import and the session loader.

#include "core/board_csv.hpp"
#include "core/commands.hpp"
#include "core/formats.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "store/session_file.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace lernraum;
using namespace lernraum::core;

namespace {

const Timestamp kT0{1'795'000'000};

Session session() {
    Session s;
    s.id = "session-1";
    s.title = "Grenzen";
    Board b;
    b.id = "board-1";
    b.title = "Board";
    b.columns = {Column{"col-1", "Offen", ColumnKind::Todo, 0, WipMode::Soft}};
    b.cards.push_back(Card{});
    b.cards[0].id = "card-1";
    b.cards[0].title = "Karte";
    b.cards[0].columnId = "col-1";
    b.cards[0].createdAt = kT0;
    b.cards[0].history.push_back(ColumnVisit{"col-1", kT0});
    s.boards.push_back(b);
    Retrospective r;
    r.id = "retro-1";
    r.prompts = {Prompt{"prompt-1", "Was lief gut?"}};
    s.retrospectives.push_back(r);
    return s;
}

Column column(std::size_t i) { return Column{"col-x" + std::to_string(i), "Spalte " + std::to_string(i), ColumnKind::InProgress, 0, WipMode::Soft}; }

bool mentions(const std::vector<Problem>& problems, const std::string& text) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) { return p.toString().find(text) != std::string::npos; });
}

bool listed(std::span<const std::string_view> list, const std::string& text) {
    return std::find(list.begin(), list.end(), text) != list.end();
}

} // namespace

TEST_CASE("the table limits match what the GUI can draw", "[core][limits]") {
    CHECK(kMaxColumns == 64);
    CHECK(kMaxPrompts == 64);
}

TEST_CASE("addColumn refuses the column beyond kMaxColumns with limit-reached", "[core][limits]") {
    Session s = session();
    while (s.boards[0].columns.size() < kMaxColumns) {
        const auto r = addColumn(s, "board-1", column(s.boards[0].columns.size()));
        REQUIRE(r);
        applyAfter(s, r.change());
    }
    CHECK(validate(s).empty());
    const auto r = addColumn(s, "board-1", column(999));
    REQUIRE_FALSE(r);
    CHECK(r.refusal().code == refusal::LimitReached);
    CHECK(r.refusal().message() == "A board can have at most 64 columns");
    CHECK(listed(refusalPatterns(), r.refusal().pattern));

    // A new board that comes with too many columns is refused the same way.
    Board b;
    b.id = "board-2";
    b.title = "Zu breit";
    for (std::size_t i = 0; i <= kMaxColumns; ++i) b.columns.push_back(Column{"col-b" + std::to_string(i), "S", ColumnKind::Todo, 0, WipMode::Soft});
    const auto board = addBoard(s, b);
    REQUIRE_FALSE(board);
    CHECK(board.refusal().code == refusal::LimitReached);
    b.columns.pop_back();
    CHECK(addBoard(s, b));
}

TEST_CASE("addPrompt, applyFormat and addRetrospective refuse beyond kMaxPrompts", "[core][limits]") {
    Session s = session();
    while (s.retrospectives[0].prompts.size() < kMaxPrompts) {
        const auto r = addPrompt(s, "retro-1", "prompt-x" + std::to_string(s.retrospectives[0].prompts.size()), "Frage");
        REQUIRE(r);
        applyAfter(s, r.change());
    }
    CHECK(validate(s).empty());
    const auto r = addPrompt(s, "retro-1", "prompt-65", "Eine Frage zu viel");
    REQUIRE_FALSE(r);
    CHECK(r.refusal().code == refusal::LimitReached);
    CHECK(r.refusal().message() == "A retrospective can have at most 64 questions");
    CHECK(listed(refusalPatterns(), r.refusal().pattern));

    // A format with 65 prompts (all different) on an empty retrospective.
    RetroFormat format;
    format.id = "huge";
    for (std::size_t i = 0; i <= kMaxPrompts; ++i) format.prompts.push_back(LocalText{"Frage " + std::to_string(i), "Question " + std::to_string(i)});
    IdGenerator ids(3);
    Session fresh = session();
    const auto applied = applyFormat(fresh, "retro-1", format, "de", ids);
    REQUIRE_FALSE(applied);
    CHECK(applied.refusal().code == refusal::LimitReached);
    format.prompts.resize(kMaxPrompts);
    CHECK(applyFormat(fresh, "retro-1", format, "de", ids));

    Retrospective wide;
    wide.id = "retro-2";
    for (std::size_t i = 0; i <= kMaxPrompts; ++i) wide.prompts.push_back(Prompt{"prompt-w" + std::to_string(i), "Frage"});
    const auto added = addRetrospective(fresh, wide);
    REQUIRE_FALSE(added);
    CHECK(added.refusal().code == refusal::LimitReached);
}

TEST_CASE("validate refuses a board with 65 columns and a retrospective with 65 prompts", "[core][limits][validate]") {
    Session s = session();
    for (std::size_t i = 1; i < kMaxColumns; ++i) s.boards[0].columns.push_back(column(i));
    for (std::size_t i = 1; i < kMaxPrompts; ++i) s.retrospectives[0].prompts.push_back(Prompt{"prompt-x" + std::to_string(i), "Frage"});
    CHECK(validate(s).empty());
    s.boards[0].columns.push_back(column(kMaxColumns));
    s.retrospectives[0].prompts.push_back(Prompt{"prompt-last", "Frage"});
    const auto problems = validate(s);
    CHECK(problems.size() == 2);
    CHECK(mentions(problems, "board 'board-1': has 65 columns, at most 64 are allowed"));
    CHECK(mentions(problems, "retrospective 'retro-1': has 65 prompts, at most 64 are allowed"));
}

TEST_CASE("text rules: tab and newline are text, every other C0 control character is refused", "[core][text]") {
    CHECK(findControlCharacter("Zwei\tSpalten\nund Zeilen 🚀") == std::string::npos);
    CHECK(findControlCharacter(std::string("a\0b", 3)) == 1);
    CHECK(findControlCharacter("Windows\r\n") == 7);
    CHECK(findControlCharacter("\x1b[31mrot") == 0);
    CHECK(findControlCharacter("\x7f and ä") == std::string::npos);
    CHECK(codePointName(0) == "U+0000");
    CHECK(codePointName(0x1B) == "U+001B");
    CHECK(codePointName(0x1F680) == "U+1F680");
    CHECK(normalizeLineBreaks("a\r\nb\rc\n\r\nd") == "a\nb\nc\n\nd");
    CHECK(normalizeLineBreaks("ohne") == "ohne");
}

TEST_CASE("commands refuse a text with a NUL or another control character", "[core][text]") {
    const Session s = session();
    const std::string nulInside("Vor\0nach", 8);
    const auto r = addCard(s, "board-1", "card-2", "col-1", "", nulInside, kAtEnd, kT0);
    REQUIRE_FALSE(r);
    CHECK(r.refusal().code == refusal::ControlCharacter);
    CHECK(r.refusal().message() == "The card title contains a control character (U+0000)");
    CHECK(listed(refusalPatterns(), r.refusal().pattern));
    CHECK(listed(refusalTerms(), r.refusal().args[0]));

    CHECK(setSessionTitle(s, std::string(1, '\0')).refusal().code == refusal::ControlCharacter);
    CHECK(renameColumn(s, "board-1", "col-1", "Spalte\r").refusal().code == refusal::ControlCharacter);
    CHECK(addPrompt(s, "retro-1", "prompt-2", "Frage\x1b[2J").refusal().code == refusal::ControlCharacter);
    Card edited = s.boards[0].cards[0];
    edited.description = std::string("Zeile\x07");
    CHECK(updateCard(s, "board-1", edited).refusal().code == refusal::ControlCharacter);
    edited.description = "Zeile 1\nZeile 2\twith tab";
    CHECK(updateCard(s, "board-1", edited));
    edited.tags = {std::string("tag\0", 4)};
    CHECK(updateCard(s, "board-1", edited).refusal().code == refusal::ControlCharacter);
}

TEST_CASE("validate reports a control character in any text, with its code point", "[core][text][validate]") {
    Session s = session();
    s.title = std::string("Titel\0mit NUL", 13);
    s.boards[0].cards[0].description = "Zeile\r\nWindows";
    s.retrospectives[0].prompts[0].text = "Frage\x1b";
    const auto problems = validate(s);
    CHECK(problems.size() == 3);
    CHECK(mentions(problems, "session: title contains the control character U+0000 (byte 6)"));
    CHECK(mentions(problems, "card 'card-1': description contains the control character U+000D"));
    CHECK(mentions(problems, "prompt 'prompt-1': text contains the control character U+001B"));
}

TEST_CASE("CSV import turns CRLF and CR into LF and skips rows with other control characters", "[core][text][csv]") {
    const Session s = session();
    const std::string csv = std::string("title,description,checklist\r\n") +
                            "\"Zwei\r\nZeilen\",\"a\rb\",\"[x] eins\r\n[ ] zwei\"\r\n" +
                            std::string("\"Mit NUL \0 mitten\",,\r\n", 22) +
                            "Klingel \x07,,\r\n" +
                            "Gut,\"Tab\tbleibt\",\r\n";
    const CardImport in = parseCardsCsv(s.boards[0], csv);
    REQUIRE(in.cards.size() == 2);
    CHECK(in.cards[0].title == "Zwei\nZeilen");
    CHECK(in.cards[0].description == "a\nb");
    REQUIRE(in.cards[0].checklist.size() == 2);
    CHECK(in.cards[0].checklist[1].text == "zwei");
    CHECK(in.cards[1].description == "Tab\tbleibt");
    REQUIRE(in.errors.size() == 2);
    CHECK(in.errors[0].message() == "line 3: the text contains a control character (U+0000)");
    CHECK(in.errors[1].message() == "line 4: the text contains a control character (U+0007)");
    CHECK(listed(csvProblemTexts(), std::string(in.errors[0].pattern)));
    IdGenerator ids(5);
    const auto imported = importCards(s, "board-1", in.cards, ids, kT0);
    REQUIRE(imported);
    Session next = s;
    applyAfter(next, imported.change());
    CHECK(validate(next).empty());
}

TEST_CASE("the loader refuses an escaped NUL instead of cutting the text, and reads older CRs as LF", "[store][text]") {
    Session s = session();
    s.boards[0].cards[0].description = "erste\nzweite";
    const std::string json = store::serializeSession(s, kT0);
    const std::string withCrlf = [&] {
        std::string t = json;
        t.replace(t.find("erste\\nzweite"), 13, "erste\\r\\nzweite\\rdritte\\\\r");
        return t;
    }();
    const auto loaded = store::parseSession(withCrlf, "old.lernraum");
    INFO((loaded.error ? loaded.error->toString() : std::string()));
    REQUIRE(loaded);
    CHECK(loaded.session->boards[0].cards[0].description == "erste\nzweite\ndritte\\r");

    std::string withNul = json;
    withNul.replace(withNul.find("erste\\nzweite"), 13, "erste\\u0000zweite");
    const auto refused = store::parseSession(withNul, "nul.lernraum");
    REQUIRE_FALSE(refused);
    CHECK(refused.error->kind == store::LoadErrorKind::Invalid);
    CHECK(refused.error->toString().find("U+0000") != std::string::npos);

    // An escaped backslash followed by "u0000" is text, not a NUL.
    std::string literal = json;
    literal.replace(literal.find("erste\\nzweite"), 13, "C:\\\\u0000");
    const auto text = store::parseSession(literal, "literal.lernraum");
    REQUIRE(text);
    CHECK(text.session->boards[0].cards[0].description == "C:\\u0000");
}
