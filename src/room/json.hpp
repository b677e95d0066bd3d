#pragma once
// JSON for the participants' page: request bodies in (small, flat objects, parsed with RapidJSON
// in iterative mode so no nesting can exhaust the stack) and the per-device state out.

#include "room_state.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace lernraum::room {

// The fields a participant request may carry. Unknown fields are ignored; a known field with the
// wrong type makes the whole body invalid.
struct Body {
    std::string code;
    std::string requestId;
    std::string itemId;
    std::string promptId;
    std::string text;
    std::string boardId;
    std::optional<int> value;
};

// nullopt when the text is not a JSON object, is not valid UTF-8, or a field has the wrong type
// or is longer than `maxField` bytes.
std::optional<Body> parseBody(std::string_view json, std::size_t maxField = 4096);

// Appends `text` as a JSON string literal (with quotes).
void appendJsonString(std::string& out, std::string_view text);

// {"error":"CODE"}
std::string errorJson(std::string_view code);

// The state one device sees: phase, prompts, revealed cards, its own face-down cards, its dots
// and answers, counts. Never another device's hidden text. Uses snapshot.json when filled in.
std::string stateJson(const Snapshot& snapshot, DeviceNo device);

// The parts of stateJson that are the same for every device (RoomState::snapshot stores them in
// Snapshot::json, so 60 event streams do not serialise 60 copies of the revealed cards).
StateJsonParts stateJsonParts(const Snapshot& snapshot);

} // namespace lernraum::room
