#pragma once
// Further formats of the research export, written from its finished CSV tables: every value they
// carry has already passed the pseudonyms, k-suppression and scrubbing of the CSV (one privacy
// path for all formats), and the export loop stays untouched.
//
// - datapackage.json: a Frictionless Data Package (Tabular Data Package) with a Table Schema per
//   CSV: field types and formats, missing values, primary keys and foreign keys.
// - SPSS .sav and Stata .dta (libreadstat), one file per table and language: `sessions.sav` with
//   English labels, `sessions.de.sav` with German ones; codes of closed lists (role, status,
//   decision, ...) as integers with value labels, free text as strings (Stata: strL when longer
//   than 2045 bytes).
// - codebook.de.md: the codebook in German.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::report {

struct ResearchFormats {
    bool sav = false;
    bool dta = false;
};

// "csv", "csv,sav", "sav,dta", ... (CSV is always written). std::nullopt-like: false on an unknown name.
bool parseResearchFormats(std::string_view list, ResearchFormats& formats, std::string& unknown);

// One RFC 4180 CSV text (as the export writes it) as rows of fields; the header is row 0.
std::vector<std::vector<std::string>> parseCsv(std::string_view csv);

// tables: "sessions.csv" -> CSV text, as ResearchExport::tables.
std::string dataPackageJson(const std::map<std::string, std::string>& tables, bool includeText);

// The .sav / .dta files for the tables (empty when neither is asked for). Throws std::runtime_error
// when libreadstat refuses a table.
std::map<std::string, std::string> statisticsFiles(const std::map<std::string, std::string>& tables, const ResearchFormats& formats);

std::string codebookMarkdownGerman(bool includeText);

// The columns that identify a row of the table ("sessions.csv" -> session); empty for an unknown table.
std::vector<std::string_view> researchPrimaryKey(std::string_view table);

// German meaning of a column ("" when missing; a test checks there is none missing).
std::string_view germanMeaning(std::string_view table, std::string_view column);

} // namespace lernraum::report
