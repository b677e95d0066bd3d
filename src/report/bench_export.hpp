#pragma once
// Benchmark of the research export for `lernraum bench` (figures in docs/benchmarks.md).
//
// Defined in src/app/cmd_report.cpp, not in the report library: the benchmark includes loading
// session files, which needs the store, and the report library depends on core only. Link the
// `lernraum` app sources to use it (the unit tests do not).

#include <cstddef>

namespace lernraum::report {

struct ExportBenchFigures {
    int sessions = 0;
    int threads = 1;          // threads used for loading and exporting
    double loadSeconds = 0;   // find the files below a directory, read, parse and validate them
    double exportSeconds = 0; // exportResearch(): pseudonyms, k-anonymity, tables, hashes
    double writeSeconds = 0;  // write the tables, codebook and manifest (crash-safe)
    std::size_t inputBytes = 0;
    std::size_t outputBytes = 0;
    [[nodiscard]] double totalSeconds() const { return loadSeconds + exportSeconds + writeSeconds; }
};

// Generates `sessions` synthetic sessions (core::generateSession, seeds 1..N, with consent), saves
// them as .lernraum files in a temporary directory (not timed), then times what
// `lernraum export-research DIR -o OUT --include-text` does. The temporary files are removed.
// `threads`: as ExportOptions::threads (0 = one per core).
ExportBenchFigures benchResearchExport(int sessions, int threads = 0);

// benchResearchExport(sessions, threads).totalSeconds().
double benchResearchExportSeconds(int sessions, int threads = 0);

} // namespace lernraum::report
