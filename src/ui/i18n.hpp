#pragma once
// UI translations from gettext catalogues. The sources wrap every UI string literal (English) in _();
// xgettext extracts them, assets/po/de.po translates them, msgfmt compiles de.po into
// <localedir>/de/LC_MESSAGES/lernraum.mo at build time.
//
// The lookup reads the .mo file itself instead of calling glibc's gettext(): glibc only translates
// when the process locale (e.g. de_DE.UTF-8) is installed on the machine, and it cannot switch the
// language at run time. A facilitator must get a German UI on any machine and switch languages
// from the View menu without restarting.

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lernraum::ui {

// One compiled catalogue: msgid -> msgstr (the first plural form only; the UI uses no plurals).
// An entry with a gettext context (msgctxt) is keyed "context\x04msgid", as msgfmt writes it.
class Catalogue {
public:
    // Parses GNU .mo bytes (either byte order). Returns false (and stays empty) when malformed.
    bool parse(std::string_view bytes);
    bool load(const std::filesystem::path& moFile);

    // The translation, or nullptr when there is none.
    [[nodiscard]] const char* find(const char* msgid) const;
    // The translation of msgid in a context (msgctxt), or nullptr when there is none.
    [[nodiscard]] const char* find(const char* context, const char* msgid) const;
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }

private:
    std::unordered_map<std::string, std::string> m_entries;
};

// Directories searched for "<lang>/LC_MESSAGES/lernraum.mo", in order: $LERNRAUM_LOCALEDIR, the
// build tree (next to the executable: <exe dir>/locale), the install prefix (<exe dir>/../share/locale)
// and the configured install locale dir; the build tree's locale dir last, only for binaries that
// run from inside the build tree (the test binaries).
std::vector<std::filesystem::path> localeSearchPath();

// Selects the UI language ("de" or "en"; anything else counts as "en"). Loads the catalogue for
// "de"; returns false when it cannot be found (the UI then shows the English source strings).
bool setLanguage(std::string_view language);
[[nodiscard]] const std::string& language();

// Translates a msgid with the current catalogue; returns msgid itself when untranslated.
const char* translate(const char* msgid);
// Translates a msgid within a context (gettext's pgettext). Used where one English word needs
// different German words, e.g. "Open" as a status ("Offen") and as a command ("Öffnen"). Returns
// msgid itself when the context entry is untranslated (never the plain msgid's translation).
const char* translate(const char* context, const char* msgid);

} // namespace lernraum::ui

// Marks and translates a UI string. Only string literals: xgettext and the translation test find them.
#ifndef _
#define _(text) ::lernraum::ui::translate(text)
#endif
// Marks and translates a UI string within a context (msgctxt): C_("action status", "Open").
// xgettext finds it with --keyword=C_:1c,2; the translation test checks these entries too.
#ifndef C_
#define C_(context, text) ::lernraum::ui::translate(context, text)
#endif
// Marks a string for extraction without translating it here (translate later with translate()).
#ifndef N_
#define N_(text) text
#endif
