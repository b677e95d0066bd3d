#include "app/board_import_file.hpp"

#include "core/text.hpp"
#include "import/trello.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace lernraum::app {

namespace {

constexpr std::size_t kMaxCsvBytes = 64u * 1024u * 1024u;

core::BoardRead refused(std::string reason) {
    core::BoardRead out;
    out.error = core::ImportNote{"Could not read the file: {1}", {std::move(reason)}};
    return out;
}

} // namespace

core::BoardRead readBoardFile(const std::string& path, ImportFormat format, const std::string& title,
                              std::string_view language) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) return refused(std::strerror(EISDIR));
    const auto size = fs::file_size(path, ec);
    if (ec) return refused(ec.message());
    const std::size_t cap = format == ImportFormat::Csv ? kMaxCsvBytes : importer::kMaxTrelloBytes;
    if (size > cap) return refused("larger than " + std::to_string(cap / (1024 * 1024)) + " MB");
    std::ifstream in(path, std::ios::binary);
    if (!in) return refused(std::strerror(errno));
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!in && !in.eof()) return refused(std::strerror(errno));
    bytes.resize(static_cast<std::size_t>(in.gcount()));

    if (format == ImportFormat::Auto) {
        const auto first = bytes.find_first_not_of(" \t\r\n");
        format = first != std::string::npos && (bytes[first] == '{' || bytes[first] == '[') ? ImportFormat::Trello
                                                                                              : ImportFormat::Csv;
        if (format == ImportFormat::Csv && bytes.size() > kMaxCsvBytes) return refused("larger than 64 MB");
    }
    if (format == ImportFormat::Csv) {
        std::string name = title.empty() ? fs::path(path).stem().string() : title;
        if (core::trim(name).empty()) name = "CSV";
        return core::readBoardCsv(bytes, std::move(name), language);
    }
    importer::TrelloImport trello = importer::parseTrelloExport(bytes);
    bytes = {};
    core::BoardRead out;
    out.notes = std::move(trello.notes);
    if (trello.error) {
        out.error = std::move(trello.error);
        return out;
    }
    if (!title.empty()) trello.draft.title = title;
    out.draft = std::move(trello.draft);
    return out;
}

} // namespace lernraum::app
