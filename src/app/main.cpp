// The one Lernraum binary: without a subcommand it opens the GUI; subcommands are headless.

#include "cli.hpp"
#include "gui.hpp"
#include "ui/i18n.hpp"

#include <lernraum/version.hpp>

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <regex>

namespace lernraum::app {

std::string terminalSafe(std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            // C1 controls (U+0080..U+009F, e.g. CSI U+009B) act like ESC sequences on many terminals.
            const auto c1 = static_cast<unsigned char>(text[++i]);
            out += "\\u00";
            out += hex[c1 >> 4];
            out += hex[c1 & 0x0F];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

void printLine(std::string_view text) {
    const std::string line = "lernraum: " + terminalSafe(text) + "\n";
    std::fputs(line.c_str(), stderr);
}

void printError(std::string_view file, std::string_view message) {
    std::string line = "lernraum: ";
    if (!file.empty()) {
        line += terminalSafe(file);
        line += ": ";
    }
    line += "error: ";
    line += terminalSafe(message);
    line += '\n';
    std::fputs(line.c_str(), stderr);
}

} // namespace lernraum::app

int main(int argc, char** argv) {
    using namespace lernraum::app;

    // The help is printed in the UI language (German by default); see cli.hpp.
    lernraum::ui::setLanguage(helpLanguage(argc, argv));
    CLI::App app{_("Lernraum – facilitate agile learning-space workshops: kanban boards, retrospectives and an "
                   "experiment log on a shared screen, transfer reports and anonymized research data. Without "
                   "a command it opens the window, with FILE if given."),
                 "lernraum"};
    setUpHelp(app);
    app.set_version_flag("--version", std::string("lernraum ") + lernraum::kVersion, _("Print the version and exit"));
    app.require_subcommand(0, 1);

    GuiOptions gui;
    std::string size;
    app.add_option("FILE", gui.file, _("Session file to open in the GUI"));
    app.add_option("--screenshot", gui.screenshotPath, _("Render a real window, save it as PNG and exit"));
    app.add_option("--size", size, _("Window size for --screenshot, e.g. 1920x1080"));
    app.add_option("--view", gui.view, _("Tab to show"))->check(CLI::IsMember({"agenda", "board", "retro", "experiments"}));
    app.add_flag("--presentation", gui.presentation, _("Start in presentation mode"));
    app.add_option("--lang", gui.language, _("User interface language"))->check(CLI::IsMember({"de", "en"}));
    auto* roomOption = app.add_option("--room", gui.roomAddress,
                                      _("Open the participants' room on this address at start and show its join panel "
                                      "(prints \"join: URL\" and \"code: CODE\"; never 0.0.0.0)"));
    app.add_flag("--room-commands", gui.roomCommands,
                 _("With --room: read facilitator commands from stdin as 'lernraum room' does (for scripted tests)"))
        ->needs(roomOption);
    app.add_option("--frame-stats", gui.frameStatsPath,
                   _("Write the wall and CPU time of every frame to this JSON file at exit (for benchmarks)"));
    app.add_option("--dialog", gui.dialog, _("With --screenshot: open this dialog first (workshop-data, follow-up)"))
        ->check(CLI::IsMember({"workshop-data", "follow-up"}));
    app.add_option("--theme", gui.theme, _("Colour theme"))->check(CLI::IsMember({"light", "dark", "high-contrast"}));
    app.add_option("--room-size", gui.roomSize,
                   _("Text size of the audience window and presentation mode for the room: small (up to 4 m), "
                   "medium (about 6 m), large (about 8 m)"))
        ->check(CLI::IsMember({"small", "medium", "large"}));
    app.add_flag("--audience", gui.audience,
                 _("With --screenshot: open the audience window too and save its picture instead of the main window's"));
    app.add_option("--main-screenshot", gui.mainScreenshot,
                   _("With --screenshot and --audience: also save the main window (with the room's preview) here"));

    CliContext ctx;
    registerSessionCommands(app, ctx);
    registerReportCommands(app, ctx);
    registerBenchCommand(app, ctx);
    registerFollowUpCommand(app, ctx);
    registerRoomCommand(app, ctx);
    registerImportCommands(app, ctx);
    finishHelp(app);
    // Parsed (and no --help): the commands run as before, in English; the window picks its language.
    app.parse_complete_callback([] { lernraum::ui::setLanguage("en"); });

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        printError("", e.what());
        std::fputs("Run 'lernraum --help' for usage.\n", stderr);
        return kExitUsage;
    } catch (const std::exception& e) {
        printError("", e.what());
        return kExitFailed;
    }

    if (!app.get_subcommands().empty()) return ctx.exitCode;

    if (!size.empty()) {
        static const std::regex kSize{R"((\d{2,5})x(\d{2,5}))"};
        std::smatch m;
        if (!std::regex_match(size, m, kSize)) {
            printError("", "--size must look like 1920x1080");
            return kExitUsage;
        }
        gui.width = std::stoi(m[1]);
        gui.height = std::stoi(m[2]);
    }
    return runGui(gui);
}
