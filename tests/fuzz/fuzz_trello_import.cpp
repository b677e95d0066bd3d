// libFuzzer target: the Trello board import (src/import/trello.cpp) on arbitrary bytes. It must
// never crash, hang or leak; a board it accepts must build into a session that core accepts as
// one undo step and that validates. Built only with -DLERNRAUM_FUZZ=ON and clang (scripts/fuzz.sh).

#include "core/board_import.hpp"
#include "core/ids.hpp"
#include "core/validate.hpp"
#include "import/trello.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lernraum;
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    const importer::TrelloImport in = importer::parseTrelloExport(json);
    if (in.error) return 0;
    core::Session s;
    s.id = "session-000000000001";
    s.title = "Fuzz";
    core::IdGenerator ids(1);
    const core::Board board = core::buildBoard(in.draft, ids, core::Timestamp{1'790'000'000}, s);
    const core::CommandResult r = core::addImportedBoard(s, board);
    if (!r) {
        std::fprintf(stderr, "an accepted draft was refused: %s\n", r.refusal().message().c_str());
        std::abort();
    }
    core::applyAfter(s, r.change());
    if (!core::validate(s).empty()) {
        std::fprintf(stderr, "the imported board does not validate: %s\n", core::validate(s).front().toString().c_str());
        std::abort();
    }
    return 0;
}
