// JSON in and out for the participants' room.

#include "json.hpp"

#include "core/text.hpp"

#include <stdexcept>

// RapidJSON reports internal errors through RAPIDJSON_ASSERT; make them exceptions (caught below)
// instead of abort(). Bodies are parsed iteratively: nesting depth costs heap, not stack.
#ifndef RAPIDJSON_ASSERT
#define RAPIDJSON_ASSERT(x)                                                                                \
    if (!(x)) throw std::runtime_error("rapidjson assertion: " #x)
#endif
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace lernraum::room {

std::optional<Body> parseBody(std::string_view json, std::size_t maxField) {
    if (!core::isValidUtf8(json)) return std::nullopt;
    try {
        rapidjson::Document doc;
        doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
        if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
        Body body;
        const auto text = [&](const char* name, std::string& out) {
            const auto it = doc.FindMember(name);
            if (it == doc.MemberEnd()) return true;
            if (!it->value.IsString() || it->value.GetStringLength() > maxField) return false;
            out.assign(it->value.GetString(), it->value.GetStringLength());
            return true;
        };
        if (!text("code", body.code) || !text("requestId", body.requestId) || !text("itemId", body.itemId) ||
            !text("promptId", body.promptId) || !text("text", body.text) || !text("boardId", body.boardId))
            return std::nullopt;
        if (const auto it = doc.FindMember("value"); it != doc.MemberEnd()) {
            if (!it->value.IsInt()) return std::nullopt;
            body.value = it->value.GetInt();
        }
        return body;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

void appendJsonString(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == '<' || c == '>' || c == '&') { // also keeps the text inert in any HTML context
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

std::string errorJson(std::string_view code) {
    std::string out = "{\"error\":";
    appendJsonString(out, code);
    out += "}";
    return out;
}

namespace {

const char* phaseName(core::Phase phase) {
    switch (phase) {
    case core::Phase::SetTheStage: return "check-in";
    case core::Phase::GatherData: return "writing";
    case core::Phase::GenerateInsights: return "insights";
    case core::Phase::DecideWhatToDo: return "decide";
    case core::Phase::Close: return "close";
    case core::Phase::Count: break;
    }
    return "check-in";
}

void field(std::string& out, const char* name) {
    if (out.back() != '{') out += ',';
    out += '"';
    out += name;
    out += "\":";
}

void appendCard(std::string& out, const CardView& c, bool withVotes) {
    out += '{';
    field(out, "id");
    appendJsonString(out, c.id);
    field(out, "promptId");
    appendJsonString(out, c.promptId);
    field(out, "groupId");
    appendJsonString(out, c.groupId);
    field(out, "text");
    appendJsonString(out, c.text);
    if (withVotes) {
        field(out, "votes");
        out += std::to_string(c.votes);
    }
    out += '}';
}

} // namespace

StateJsonParts stateJsonParts(const Snapshot& s) {
    StateJsonParts parts;
    std::string& out = parts.shared;
    out.reserve(512 + 96 * s.cards.size());
    out += '{';
    field(out, "version");
    out += std::to_string(s.version);
    field(out, "open");
    out += s.open ? "true" : "false";
    field(out, "language");
    appendJsonString(out, s.language);
    field(out, "title");
    appendJsonString(out, s.title);
    field(out, "phase");
    appendJsonString(out, phaseName(s.phase));
    field(out, "writing");
    out += s.writing ? "true" : "false";
    field(out, "votingOpen");
    out += s.votingOpen ? "true" : "false";
    field(out, "talliesVisible");
    out += s.talliesVisible ? "true" : "false";
    field(out, "proposing");
    out += s.proposing ? "true" : "false";
    field(out, "boards");
    out += '[';
    for (std::size_t i = 0; i < s.boards.size(); ++i) {
        if (i) out += ',';
        out += "{\"id\":";
        appendJsonString(out, s.boards[i].id);
        out += ",\"title\":";
        appendJsonString(out, s.boards[i].title);
        out += ",\"column\":";
        appendJsonString(out, s.boards[i].column);
        out += '}';
    }
    out += ']';
    field(out, "budget");
    out += std::to_string(s.budget);
    field(out, "perItemLimit");
    out += std::to_string(s.perItemLimit);
    field(out, "hiddenCount");
    out += std::to_string(s.hiddenCount);
    field(out, "voters");
    out += std::to_string(s.voters);
    field(out, "prompts");
    out += '[';
    for (std::size_t i = 0; i < s.prompts.size(); ++i) {
        if (i) out += ',';
        out += "{\"id\":";
        appendJsonString(out, s.prompts[i].id);
        out += ",\"text\":";
        appendJsonString(out, s.prompts[i].text);
        out += '}';
    }
    out += ']';
    field(out, "cards");
    out += '[';
    for (std::size_t i = 0; i < s.cards.size(); ++i) {
        if (i) out += ',';
        appendCard(out, s.cards[i], s.talliesVisible);
    }
    out += ']';
    field(out, "groups");
    out += '[';
    for (std::size_t i = 0; i < s.groups.size(); ++i) {
        if (i) out += ',';
        out += "{\"id\":";
        appendJsonString(out, s.groups[i].id);
        out += ",\"title\":";
        appendJsonString(out, s.groups[i].title);
        if (s.talliesVisible) out += ",\"votes\":" + std::to_string(s.groups[i].votes);
        out += '}';
    }
    out += ']';
    if (s.scale) {
        std::string& sc = parts.scale;
        sc += '{';
        field(sc, "kind");
        sc += *s.scale == core::Scale::CheckIn ? "\"check-in\"" : "\"roti\"";
        field(sc, "question");
        appendJsonString(sc, s.scaleQuestion);
        field(sc, "answers");
        sc += std::to_string(s.scaleAnswers);
        field(sc, "counts");
        if (s.scaleVisible) {
            sc += '[';
            for (std::size_t i = 0; i < 5; ++i) sc += (i ? "," : "") + std::to_string(s.scaleCounts[i]);
            sc += ']';
        } else {
            sc += "null";
        }
    }
    return parts;
}

std::string stateJson(const Snapshot& s, DeviceNo device) {
    static const DeviceView kNone;
    const auto it = s.devices.find(device);
    const DeviceView& mine = it == s.devices.end() ? kNone : it->second;
    // The parts every device shares are serialised once per snapshot (by the owner, before it is
    // published), not once per device and event stream.
    const StateJsonParts* parts = &s.json;
    StateJsonParts local;
    if (parts->shared.empty()) {
        local = stateJsonParts(s);
        parts = &local;
    }
    std::string out;
    out.reserve(parts->shared.size() + parts->scale.size() + 128 + 96 * mine.own.size());
    out += parts->shared;
    field(out, "votesLeft");
    out += s.budget > 0 ? std::to_string(std::max(0, s.budget - mine.spent)) : "null";
    field(out, "myCards");
    out += '[';
    for (std::size_t i = 0; i < mine.own.size(); ++i) {
        if (i) out += ',';
        appendCard(out, mine.own[i], false);
    }
    out += ']';
    field(out, "myVotes");
    out += '{';
    for (const auto& [id, n] : mine.votes) {
        if (out.back() != '{') out += ',';
        appendJsonString(out, id);
        out += ':' + std::to_string(n);
    }
    out += '}';
    field(out, "scale");
    if (!s.scale) {
        out += "null";
    } else {
        out += parts->scale;
        field(out, "mine");
        out += std::to_string(*s.scale == core::Scale::CheckIn ? mine.checkIn : mine.roti);
        out += '}';
    }
    out += '}';
    return out;
}

} // namespace lernraum::room
