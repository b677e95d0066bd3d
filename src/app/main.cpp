// The one Lernraum binary: without a subcommand it opens the GUI; subcommands are headless.

#include "cli.hpp"
#include "gui.hpp"

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

    CLI::App app{"Lernraum – facilitate agile learning-space workshops: kanban boards, retrospectives and an "
                 "experiment log on a shared screen, transfer reports and anonymized research data.",
                 "lernraum"};
    app.set_version_flag("--version", std::string("lernraum ") + lernraum::kVersion);
    app.require_subcommand(0, 1);

    GuiOptions gui;
    std::string size;
    app.add_option("FILE", gui.file, "Session file to open in the GUI");
    app.add_option("--screenshot", gui.screenshotPath, "Render a real window, save it as PNG and exit");
    app.add_option("--size", size, "Window size for --screenshot, e.g. 1920x1080");
    app.add_option("--view", gui.view, "Tab to show")->check(CLI::IsMember({"agenda", "board", "retro", "experiments"}));
    app.add_flag("--presentation", gui.presentation, "Start in presentation mode");
    app.add_option("--lang", gui.language, "User interface language")->check(CLI::IsMember({"de", "en"}));
    app.add_option("--room", gui.roomAddress,
                   "With --screenshot: open the participants' room on this address and show its join panel "
                   "(prints \"join: URL\")");
    app.add_option("--dialog", gui.dialog, "With --screenshot: open this dialog first (workshop-data, follow-up)")
        ->check(CLI::IsMember({"workshop-data", "follow-up"}));
    app.add_option("--theme", gui.theme, "Colour theme")->check(CLI::IsMember({"light", "dark", "high-contrast"}));

    CliContext ctx;
    registerSessionCommands(app, ctx);
    registerReportCommands(app, ctx);
    registerBenchCommand(app, ctx);
    registerFollowUpCommand(app, ctx);
    registerRoomCommand(app, ctx);
    registerImportCommands(app, ctx);

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
