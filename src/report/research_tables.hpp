#pragma once
// The tables of the research export: the single source of the CSV headers, the codebooks
// (English, German), datapackage.json and the SPSS / Stata files (research_formats.cpp).

#include <string_view>
#include <vector>

namespace lernraum::report {

struct ColumnSpec {
    std::string_view name;
    std::string_view type;
    std::string_view meaning;
    bool text = false; // free text: only with --include-text, scrubbed
};

struct TableSpec {
    std::string_view file;
    std::string_view rowMeaning;
    std::vector<ColumnSpec> columns;
};

// Column types the other formats recognise (ColumnSpec::type); any other type naming values in
// backticks ("`idea`, `planned`") is a closed list of codes.
inline constexpr std::string_view kPseudonym = "pseudonym";
inline constexpr std::string_view kMonth = "month `YYYY-MM`";
inline constexpr std::string_view kInt = "integer";
inline constexpr std::string_view kBool = "`0` / `1`";
inline constexpr std::string_view kText = "text (scrubbed)";
inline constexpr std::string_view kDays = "decimal, days";
inline constexpr std::string_view kRole =
    "role: `manager`, `employee`, `staff_council`, `facilitator`, `external`, `suppressed` or empty";

// In the order of the export (and of the codebook).
const std::vector<TableSpec>& researchTables();

} // namespace lernraum::report
