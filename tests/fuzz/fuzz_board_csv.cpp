// libFuzzer target: the board's CSV import (core::parseCsv, core::parseCardsCsv) on arbitrary
// bytes (issue 13). It must never crash, hang or leak; cards it accepts export to CSV that parses
// again. Built only with -DLERNRAUM_FUZZ=ON and clang (see scripts/fuzz.sh).

#include "core/board_csv.hpp"
#include "core/demo.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lernraum;
    static const core::Session demo = core::makeDemoSession();
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    std::vector<std::vector<std::string>> rows;
    core::CsvProblem problem;
    (void)core::parseCsv(text, rows, problem);

    if (demo.boards.empty()) return 0;
    const core::Board& board = demo.boards.front();
    const core::CardImport import = core::parseCardsCsv(board, text);
    if (import.cards.empty()) return 0;
    // What was imported exports to CSV that reads back as well-formed CSV.
    core::Board copy = board;
    for (const auto& card : import.cards) copy.cards.push_back(card);
    const std::string exported = core::exportCardsCsv(copy);
    std::vector<std::vector<std::string>> back;
    core::CsvProblem exportProblem;
    if (!core::parseCsv(exported, back, exportProblem)) {
        std::fprintf(stderr, "exported CSV does not parse\n");
        std::abort();
    }
    return 0;
}
