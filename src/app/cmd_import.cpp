// Subcommands that bring boards in from other tools and take cards out to spreadsheets:
// import trello, import csv (docs/import.md) and export-csv.

#include "cli.hpp"

#include "app/board_import_file.hpp"
#include "core/board_csv.hpp"
#include "core/board_filter.hpp"
#include "core/ids.hpp"
#include "core/templates.hpp"
#include "core/validate.hpp"
#include "store/session_file.hpp"
#include "ui/i18n.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace lernraum::app {

namespace fs = std::filesystem;

namespace {

core::Timestamp nowUtc() {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    return core::Timestamp{now.count()};
}

struct ImportArgs {
    std::string input, output, board;
    bool into = false, force = false;
};

int runImport(const ImportArgs& args, ImportFormat format) {
    std::error_code ec;
    const bool exists = fs::exists(args.output, ec);
    if (args.into && !exists) {
        printError(args.output, "the file does not exist (--into adds the board to an existing session file)");
        return kExitFailed;
    }
    if (!args.into && exists && !args.force) {
        printError(args.output,
                   "the file already exists (use --into to add the board to it, or --force to overwrite it)");
        return kExitFailed;
    }
    core::Session session;
    auto ids = core::IdGenerator::fromRandomDevice();
    const core::Timestamp now = nowUtc();
    if (args.into) {
        auto loaded = store::loadSession(args.output);
        if (!loaded) {
            printLine(loaded.error->toString());
            return kExitFailed;
        }
        session = std::move(*loaded.session);
    }

    core::BoardRead read = readBoardFile(args.input, format, args.board, args.into ? session.language : "de");
    for (const auto& p : read.problems) printLine(args.input + ": warning: " + p.message());
    if (!read.draft) {
        printError(args.input, read.error ? read.error->message() : "nothing to import");
        return kExitFailed;
    }
    if (!args.into) {
        session = core::makeEmptySession(read.draft->title, now.date(), ids);
        session.boards.clear(); // the imported board is the session's board
    }
    const core::Board board = core::buildBoard(*read.draft, ids, now, session);
    const core::CommandResult result = core::addImportedBoard(session, board);
    if (!result) {
        printError(args.input, result.refusal().message());
        return kExitFailed;
    }
    core::applyAfter(session, result.change());
    if (const auto problems = core::validate(session); !problems.empty()) {
        printError(args.input, "internal error: the imported board is not valid: " + problems.front().toString());
        return kExitFailed;
    }
    if (const auto error = store::saveSession(session, args.output)) {
        printLine(error->toString());
        return kExitFailed;
    }
    std::printf("%s: board '%s' %s\n", terminalSafe(args.output).c_str(), terminalSafe(board.title).c_str(),
                args.into ? "added" : "created");
    for (const auto& n : read.notes) std::printf("  - %s\n", terminalSafe(n.message()).c_str());
    if (!read.problems.empty()) std::printf("  - %zu lines skipped (see above)\n", read.problems.size());
    return kExitOk;
}

void addImportOptions(CLI::App& cmd, ImportArgs& args, const char* inputHelp, const char* boardHelp) {
    cmd.add_option("IN", args.input, inputHelp)->required();
    cmd.add_option("-o,--output", args.output, _("Session file to create (or, with --into, to add the board to)"))->required();
    cmd.add_option("--board", args.board, boardHelp);
    cmd.add_flag("--into", args.into, _("Add the board to the existing session file instead of creating one"));
    cmd.add_flag("--force", args.force, _("Overwrite an existing file (without --into)"));
}

} // namespace

void registerImportCommands(CLI::App& app, CliContext& ctx) {
    // import trello / import csv --------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand(
            "import",
            _("Make a board from another tool's file: a Trello (Wekan, Nextcloud Deck) board export or a spreadsheet's "
            "CSV. Member names, e-mail addresses and comments are never imported (docs/import.md)"));
        cmd->require_subcommand(1);
        auto trello = std::make_shared<ImportArgs>();
        auto* t = cmd->add_subcommand("trello", _("Import a Trello board export (Board menu > Print, export and share > "
                                                "Export as JSON): lists become columns (archived lists are left out), "
                                                "cards keep description, due date, labels (as tags), checklists, archive"));
        addImportOptions(*t, *trello, _("The board export (.json)"), _("Title of the new board (default: the Trello board's name)"));
        t->callback([trello, &ctx] { ctx.exitCode = runImport(*trello, ImportFormat::Trello); });

        auto csv = std::make_shared<ImportArgs>();
        auto* c = cmd->add_subcommand("csv", _("Import cards from a CSV file as a new board: separator ',', ';' or tab, "
                                             "UTF-8 (with or without BOM), UTF-16 or Windows-1252, English or German "
                                             "headers (title/Titel, column/Spalte, due/Fällig, ...); columns are the "
                                             "distinct values of the column field. Lines with problems are skipped "
                                             "and listed"));
        addImportOptions(*c, *csv, _("The CSV file"), _("Title of the new board (default: the file's name)"));
        c->callback([csv, &ctx] { ctx.exitCode = runImport(*csv, ImportFormat::Csv); });
    }

    // export-csv -------------------------------------------------------------------------------
    {
        struct Args {
            std::string input, output, board;
            bool excel = false;
        };
        auto args = std::make_shared<Args>();
        auto* cmd = app.add_subcommand("export-csv", _("Write a board's cards as CSV (the Board menu's export)"));
        cmd->add_option("FILE", args->input, _("Session file"))->required();
        cmd->add_option("-o,--output", args->output, _("Output file (default: standard output)"));
        cmd->add_option("--board", args->board, _("Title of the board (default: the first board)"));
        cmd->add_flag("--excel", args->excel,
                      _("Excel (German): separator ';', UTF-8 with BOM, German headers and dates (24.12.2026)"));
        cmd->callback([args, &ctx] {
            const auto loaded = store::loadSession(args->input);
            if (!loaded) {
                printLine(loaded.error->toString());
                ctx.exitCode = kExitFailed;
                return;
            }
            const core::Session& s = *loaded.session;
            const core::Board* board = nullptr;
            for (const auto& b : s.boards)
                if (args->board.empty() || core::foldCase(b.title) == core::foldCase(args->board)) {
                    board = &b;
                    break;
                }
            if (!board) {
                printError(args->input, args->board.empty() ? "the session has no board"
                                                            : "the session has no board '" + args->board + "'");
                ctx.exitCode = kExitFailed;
                return;
            }
            const std::string text =
                core::exportCardsCsv(*board, args->excel ? core::CsvDialect::ExcelGerman : core::CsvDialect::Standard);
            if (args->output.empty()) {
                std::fwrite(text.data(), 1, text.size(), stdout);
            } else {
                std::ofstream out(args->output, std::ios::binary | std::ios::trunc);
                out.write(text.data(), static_cast<std::streamsize>(text.size()));
                out.close();
                if (!out) {
                    printError(args->output, "could not write the file");
                    ctx.exitCode = kExitFailed;
                    return;
                }
            }
            ctx.exitCode = kExitOk;
        });
    }
}

} // namespace lernraum::app
