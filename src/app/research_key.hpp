#pragma once
// File-side helpers of the research export, shared by `lernraum export-research` and the GUI's
// File -> Export dialog (implemented in cmd_report.cpp). The export itself is the pure function
// report::exportResearch.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lernraum::app {

// $XDG_CONFIG_HOME/lernraum/research-export.key (or ~/.config/lernraum/research-export.key).
std::filesystem::path defaultResearchKeyFile();

struct ResearchKey {
    std::string key;      // report::kKeyBytes bytes; empty on error
    bool created = false; // a new random key file was created (tell the user to keep it)
    std::string error;    // one line, without the file name
    bool usageError = false; // the key file is inside the output directory
    std::string warning;  // e.g. the key file is readable by others
};

// Reads the pseudonym key from keyFile; when the file does not exist, creates it with 32 random
// bytes and mode 0600. Refuses a key file inside outputDir (it would be passed on with the data).
ResearchKey loadOrCreateResearchKey(const std::filesystem::path& keyFile, const std::filesystem::path& outputDir);

// Files named in `paths`, and *.lernraum files found recursively below directories (sorted).
// Paths that do not exist (or cannot be listed) are added to `missing`.
std::vector<std::filesystem::path> collectSessionFiles(const std::vector<std::string>& paths, std::vector<std::string>& missing);

// Writes the export's files into a fresh folder next to `output`, then renames it into place, so a
// failed export leaves no partial or mixed output. An earlier export there (a folder with a
// manifest.json) or an empty folder is replaced only once the new export is complete; any other
// existing folder is refused. The error (one line, without the file name), or nullopt.
std::optional<std::string> writeExportDirectory(const std::filesystem::path& output,
                                                const std::map<std::string, std::string>& files);

} // namespace lernraum::app
