#pragma once
// The limits `lernraum bench` compares loading and saving with, timed in the same run on the same
// bytes: what the JSON library and the file system cost on their own.

#include <filesystem>
#include <string_view>

namespace lernraum::store {

// A RapidJSON DOM parse of `json` with the flags the session loader uses (iterative, UTF-8
// validated), nothing else: no model, no validation. False when the text is not JSON.
bool referenceParse(std::string_view json);

// Writes `bytes` to a new file next to `path`, fsyncs it and renames it over `path`: the system
// calls of a crash-safe save, without serializing, backup or checks. False on failure.
bool referenceWrite(const std::filesystem::path& path, std::string_view bytes);

} // namespace lernraum::store
