// --help in the UI language (see cli.hpp): the language choice, CLI11's formatter with translated
// labels and wrapped descriptions, and the footers with exit codes, environment and files.

#include "cli.hpp"

#include "ui/base_dirs.hpp"
#include "ui/i18n.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lernraum::app {
namespace {

constexpr std::size_t kHelpWidth = 100;  // wrap descriptions here
constexpr std::size_t kNameColumn = 30;  // CLI11's default first column

// "de" or "en" from a locale name such as "de_DE.UTF-8", "en", "en_GB@euro"; "" for anything else.
std::string_view languageOf(std::string_view locale) {
    const auto end = locale.find_first_of("_.@");
    const std::string_view code = locale.substr(0, end);
    if (code == "de" || code == "en") return code;
    return {};
}

// The language chosen in the window (View › Language), from settings.ini; "" when none.
std::string settingsLanguage() {
    const auto dir = ui::configDirectory();
    if (dir.empty()) return {};
    std::ifstream in(dir / "settings.ini");
    std::string line;
    for (int lines = 0; lines < 200 && std::getline(in, line); ++lines) {
        if (line.rfind("language", 0) != 0) continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string value = line.substr(eq + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        value.erase(value.find_last_not_of(" \t\r") + 1);
        if (value == "de" || value == "en") return value;
    }
    return {};
}

// Counts UTF-8 code points (German descriptions have umlauts).
std::size_t displayWidth(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// Breaks text into lines of at most `width` columns at spaces ('\n' continues the column in CLI11).
std::string wrap(std::string_view text, std::size_t width) {
    std::string out;
    std::size_t column = 0;
    while (!text.empty()) {
        const auto space = text.find(' ');
        const std::string_view word = text.substr(0, space);
        const std::size_t w = displayWidth(word);
        if (column > 0 && column + 1 + w > width) {
            out += '\n';
            column = 0;
        } else if (column > 0) {
            out += ' ';
            ++column;
        }
        out += word;
        column += w;
        if (space == std::string_view::npos) break;
        text.remove_prefix(space + 1);
    }
    return out;
}

// CLI11's formatter with translated type names and labels and descriptions wrapped to the width.
class HelpFormatter : public CLI::Formatter {
public:
    HelpFormatter() {
        label("Usage", _("Usage"));
        label("OPTIONS", _("OPTIONS"));
        label("SUBCOMMAND", _("COMMAND"));
        label("SUBCOMMANDS", _("COMMANDS"));
        label("Positionals", _("Arguments"));
        column_width(kNameColumn);
    }

    std::string make_option_opts(const CLI::Option* opt) const override {
        // Type names ("TEXT", "INT:INT in [1 - 1000]") and "REQUIRED", word by word.
        const std::string opts = CLI::Formatter::make_option_opts(opt);
        std::string out;
        for (std::size_t i = 0; i < opts.size();) {
            std::size_t j = i;
            while (j < opts.size() && opts[j] >= 'A' && opts[j] <= 'Z') ++j;
            if (j == i) {
                out += opts[i++];
                continue;
            }
            const std::string word = opts.substr(i, j - i);
            if (word == "TEXT") {
                out += _("TEXT");
            } else if (word == "INT" || word == "UINT" || word == "FLOAT") {
                out += _("NUMBER");
            } else if (word == "REQUIRED") {
                out += _("REQUIRED");
            } else {
                out += word;
            }
            i = j;
        }
        return out;
    }

    std::string make_option_desc(const CLI::Option* opt) const override {
        return wrap(opt->get_description(), kHelpWidth - kNameColumn);
    }

    std::string make_subcommand(const CLI::App* sub) const override {
        std::stringstream out;
        CLI::detail::format_help(out, sub->get_display_name(true), wrap(sub->get_description(), kHelpWidth - kNameColumn),
                                 column_width_);
        return out.str();
    }

    std::string make_description(const CLI::App* app) const override {
        const std::string description = CLI::Formatter::make_description(app);
        return description.empty() ? description : wrap(description.substr(0, description.size() - 1), kHelpWidth) + "\n";
    }
};

// "  NAME   text" lines with the text wrapped and aligned.
std::string table(const std::vector<std::pair<std::string, std::string>>& rows, std::size_t nameWidth) {
    std::string out;
    for (const auto& [name, text] : rows) {
        std::string line = "  " + name;
        if (displayWidth(line) + 2 > nameWidth) {
            out += line + "\n";
            line.clear();
        }
        line.resize(line.size() + nameWidth - displayWidth(line), ' ');
        const std::string wrapped = wrap(text, kHelpWidth - nameWidth);
        std::size_t start = 0;
        while (true) {
            const auto end = wrapped.find('\n', start);
            out += line + wrapped.substr(start, end - start) + "\n";
            if (end == std::string::npos) break;
            line.assign(nameWidth, ' ');
            start = end + 1;
        }
    }
    return out;
}

std::string exitStatus() {
    return std::string(_("Exit status:")) + "\n" +
           table({{"0", _("success")},
                  {"1", _("bad input or failed work (a file that does not load or validate, a failed write)")},
                  {"2", _("usage error (unknown command or option, missing or bad argument)")}},
                 6);
}

std::string mainFooter() {
    std::string out = exitStatus();
    out += "\n";
    out += _("Environment:");
    out += "\n";
    // Every variable the program reads (tests/cli/help.sh compares this list with the getenv calls in src).
    out += table({{"LANGUAGE, LC_ALL, LC_MESSAGES, LANG",
                   _("language of this help: de or en (otherwise the language chosen in the window, else German)")},
                  {"XDG_CONFIG_HOME", _("settings and the research export's key: $XDG_CONFIG_HOME/lernraum (default ~/.config/lernraum)")},
                  {"XDG_STATE_HOME",
                   _("recovery copies, recent files and window layout: $XDG_STATE_HOME/lernraum (default ~/.local/state/lernraum)")},
                  {"XDG_CACHE_HOME", _("files that can be rebuilt: $XDG_CACHE_HOME/lernraum (default ~/.cache/lernraum)")},
                  {"HOME", _("the defaults above; a relative XDG_* path is ignored")},
                  {"LERNRAUM_ASSETSDIR", _("retrospective formats, activity library and participant page, searched first")},
                  {"LERNRAUM_LOCALEDIR", _("translation catalogues, searched first")},
                  {"LERNRAUM_HYPHEN_DIR", _("hyphenation patterns, searched before /usr/share/hyphen")},
                  {"DISPLAY, WAYLAND_DISPLAY", _("the desktop the window opens on")},
                  {"PATH", _("where the desktop's file dialog (zenity or kdialog) is found")},
                  {"USER", _("your name in the lock file next to an open session")},
                  {"LERNRAUM_DEBUG", _("shows the ImGui demo window in the Help menu (for developers)")},
                  {"LERNRAUM_THREADS", _("threads for export-research (default: one per core); the output is the same for every number")},
                  {"LERNRAUM_OPEN_COMMAND", _("program that opens the report in the browser (default xdg-open)")},
                  {"LERNRAUM_PARTIAL_REDRAW", _("0: always redraw the whole window; 1: redraw only what changed with any renderer")},
                  {"LERNRAUM_E2E_ITEMS", _("file the end-to-end tests read widget positions from (for tests)")},
                  {"LERNRAUM_E2E_AUDIENCE", _("file the end-to-end tests read the audience window's frames from (for tests)")}},
                 kNameColumn);
    out += "\n";
    out += _("Run 'lernraum COMMAND --help' for the options of a command. More: man lernraum");
    out += "\n";
    return out;
}

} // namespace

std::string helpLanguage(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") break;
        std::string_view value;
        if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
        if (arg.rfind("--lang=", 0) == 0) value = arg.substr(7);
        if (value == "de" || value == "en") return std::string(value);
    }
    // As gettext: LANGUAGE (a list) first, then the first of LC_ALL, LC_MESSAGES, LANG that is set.
    if (const char* list = std::getenv("LANGUAGE"); list && *list) {
        std::string_view rest = list;
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            if (auto code = languageOf(rest.substr(0, colon)); !code.empty()) return std::string(code);
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
    }
    for (const char* value : {std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG")}) {
        if (!value || !*value) continue;
        if (auto code = languageOf(value); !code.empty()) return std::string(code);
        break; // "C", "POSIX", another language: no choice between de and en
    }
    if (auto chosen = settingsLanguage(); !chosen.empty()) return chosen;
    return "de";
}

void setUpHelp(CLI::App& app) {
    app.formatter(std::make_shared<HelpFormatter>());
    app.option_defaults()->group(_("Options"));
    app.set_help_flag("-h,--help", _("Print this help and exit"));
    app.group(_("Commands")); // inherited by every subcommand as the heading it is listed under
}

void finishHelp(CLI::App& app) {
    const std::string status = exitStatus();
    // Every subcommand, nested ones too (import trello, import csv).
    std::vector<CLI::App*> pending = app.get_subcommands({});
    while (!pending.empty()) {
        CLI::App* sub = pending.back();
        pending.pop_back();
        // A subcommand copies the help flag before the option group (CLI11 2.1): put it with the others.
        if (CLI::Option* help = sub->get_help_ptr()) help->group(_("Options"));
        if (sub->get_footer().empty()) sub->footer(status);
        for (CLI::App* nested : sub->get_subcommands({})) pending.push_back(nested);
    }
    app.footer(mainFooter());
}

} // namespace lernraum::app
