#pragma once
// The research export: anonymized, tidy CSV tables + codebook.md (and codebook.de.md) + manifest.json
// + datapackage.json (and on request SPSS / Stata files) for the research
// partner (Begleitforschung). Pure function of loaded sessions; the caller reads the files and the
// key and writes the results (see `lernraum export-research`).
//
// Identity protection (DESIGN.md "Privacy rules", docs/codebook.md):
// - only sessions with researchConsent; the others are returned as skipped with a reason;
// - every id, the Lernraum name and the org unit become keyed-hash pseudonyms (keyed BLAKE2b via
//   libsodium): same key => same pseudonyms, so a series can be linked; without the key they
//   cannot be reversed or recomputed;
// - dates coarsened to the month (YYYY-MM);
// - per session, every role group with fewer than k participants is merged into "suppressed"
//   (with complementary suppression so that no single small group can be recovered by
//   subtraction), and the same roles read "suppressed" wherever a role appears in that session;
// - free text is left out unless includeText, and then names, org unit, e-mail addresses, phone
//   numbers and URLs are replaced by placeholders (scrubText).

#include "core/model.hpp"
#include "research_formats.hpp"

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::report {

inline constexpr std::size_t kKeyBytes = 32;
inline constexpr int kDefaultK = 5;
inline constexpr int kExportFormatVersion = 1;

struct LoadedSession {
    std::string source; // file name, used only in skip reasons (never written to the export)
    core::Session session;
};

// The ids of the formats shipped in assets/formats (checked against the files by a test).
std::vector<std::string> builtinFormatIds();

struct ExportOptions {
    std::string key;          // kKeyBytes secret bytes (see makeKey / parseKey)
    int k = kDefaultK;        // minimum size of a published role group; <= 1 disables suppression
    bool includeText = false; // free text columns (scrubbed)
    int unreadableFiles = 0;  // counted into manifest.json by the caller
    int sessionSchemaVersion = 1; // recorded in manifest.json (store::kSchemaVersion)
    // Retrospective format ids exported as they are (the library's); any other id is "other".
    std::vector<std::string> knownFormatIds = builtinFormatIds();
    // SPSS / Stata files next to the CSV (`--formats csv,sav,dta`); CSV, datapackage.json and the
    // codebooks are always written.
    ResearchFormats formats;
    // Sessions are exported in parallel on this many threads; 0 = one per core
    // (std::thread::hardware_concurrency). The output is byte-identical whatever the number.
    int threads = 0;
};

// The thread count used for `requested` (ExportOptions::threads): itself when > 0, else the
// number of cores (at least 1).
int exportThreads(int requested);

// Runs work(i) for every i in [0, count) on up to `threads` threads (this one included), each index
// exactly once, in no particular order. An exception is rethrown afterwards: the one of the lowest
// index, as a plain loop would have thrown it (later indexes may not have run).
void forEachIndex(std::size_t count, int threads, const std::function<void(std::size_t)>& work);

struct SkippedSession {
    std::string source;
    std::string reason;
};

struct ResearchExport {
    std::map<std::string, std::string> tables; // "sessions.csv" -> CSV text
    std::string codebook;                       // codebook.md
    std::string manifest;                       // manifest.json
    // datapackage.json, codebook.de.md and the .sav / .dta files: written from `tables`
    // (research_formats.hpp), so they carry exactly what the CSV carries.
    std::map<std::string, std::string> formatFiles;
    std::vector<SkippedSession> skipped;
    int exportedSessions = 0;

    // Every output file: the tables, codebook.md, manifest.json and formatFiles.
    [[nodiscard]] std::map<std::string, std::string> files() const;
};

// Throws std::invalid_argument when options.key is not kKeyBytes long or k < 1.
ResearchExport exportResearch(const std::vector<LoadedSession>& sessions, const ExportOptions& options);

// ---------------------------------------------------------------------------------------------
// Building blocks, public for tests and for the GUI's export dialog.

// A fresh random key (kKeyBytes bytes from libsodium's CSPRNG).
std::string makeKey();
// Key file contents: exactly kKeyBytes raw bytes, or 2*kKeyBytes hex digits (whitespace around
// is ignored). Empty string when the contents are not a key.
std::string parseKey(std::string_view fileContents);

// "<prefix>-<16 hex digits>": keyed BLAKE2b-64 of (domain, value). Requires a valid key.
std::string pseudonym(std::string_view key, std::string_view domain, std::string_view value,
                      std::string_view prefix);

std::string sha256Hex(std::string_view bytes);

// k-anonymous participation of one session. counts[role] = participants with that role.
struct RoleSuppression {
    std::array<bool, 5> suppressed{}; // per core::Role
    int suppressedTotal = 0;          // participants in the merged "suppressed" group
};
RoleSuppression suppressSmallGroups(const std::array<int, 5>& counts, int k);

// The words that must not appear in exported free text. One list for all sessions of an export
// (a participant of one workshop may be mentioned in another).
struct ScrubList {
    std::vector<std::string> names;  // participant display names, facilitator
    std::vector<std::string> orgs;   // org unit, departments
    std::vector<std::string> series; // the Lernraum name
    bool contacts = true;            // e-mail addresses and phone numbers
    bool urls = true;
};
ScrubList scrubListFor(const core::Session& session);
void addToScrubList(ScrubList& list, const core::Session& session);

// Replaces names ([NAME]), org unit and departments ([ORG]), the Lernraum name ([LERNRAUM]),
// e-mail addresses ([EMAIL], also "h.meier (at) kreis (dot) de"), URLs ([URL]) and phone numbers
// ([PHONE]). Text and names are compared after Unicode normalization (NFKC), case folding and
// accent folding, ignoring format characters (soft hyphen, zero-width characters); umlauts match
// as written, transliterated (ä -> ae, ß -> ss) or stripped (ä -> a). A name or name part matches
// as a whole word (with a genitive s), at a capital boundary inside a word ("KolleginMeier"), or
// across a line break inside a word; never as part of a longer lower-case word. Text that does not
// match is returned unchanged; control characters are removed.
std::string scrubText(std::string_view text, const ScrubList& list);

// The same, with the name patterns prepared once (for many texts).
class Scrubber {
public:
    explicit Scrubber(const ScrubList& list);
    std::string operator()(std::string_view text) const;

private:
    struct Patterns;
    std::shared_ptr<const Patterns> m_patterns;
};

// The codebook for an export with or without free text columns (docs/codebook.md is the
// includeText = true version).
std::string codebookMarkdown(bool includeText);

} // namespace lernraum::report
