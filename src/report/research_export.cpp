// The research export: tables, codebook and manifest (see research_export.hpp, docs/codebook.md).
#include "research_export.hpp"

#include "core/flow.hpp"
#include "core/text.hpp"
#include "escape.hpp"
#include "research_tables.hpp"

#include <lernraum/version.hpp>
#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <exception>
#include <functional>
#include <set>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace lernraum::report {

namespace {

void ensureSodium() {
    static const int ready = sodium_init();
    if (ready < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string toHex(const unsigned char* bytes, std::size_t n) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(n * 2, '0');
    for (std::size_t i = 0; i < n; ++i) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 0x0F];
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Table definitions: the single source of the CSV headers and of the codebook.


const std::vector<TableSpec>& tableSpecs() {
    static const std::vector<TableSpec> specs{
        {"sessions.csv",
         "one row per exported workshop (session)",
         {
             {"session", kPseudonym, "the workshop"},
             {"previous_session", kPseudonym, "the workshop before it in the series; empty for the first"},
             {"lernraum", kPseudonym, "the Lernraum (series) the workshop belongs to, from its name; empty when not set"},
             {"org_unit", kPseudonym, "the organisation unit, from its name; empty when not set"},
             {"month", kMonth, "month of the workshop"},
             {"kind", "`kick_off`, `planning`, `review`, `evaluation`, `other`", "kind of workshop"},
             {"language", "`de`, `en`", "language of the workshop"},
             {"participants_total", kInt, "number of participants recorded (all roles, including suppressed ones)"},
             {"agenda_items", kInt, "agenda items"},
             {"agenda_planned_minutes", kInt, "sum of the planned time boxes, minutes"},
             {"agenda_used_minutes", kInt, "sum of the measured times, minutes (rounded down)"},
             {"retro_items", kInt, "retrospective items (all retrospectives)"},
             {"retro_groups", kInt, "retrospective groups"},
             {"actions", kInt, "actions (Maßnahmen)"},
             {"experiments", kInt, "practice experiments"},
             {"cards", kInt, "board cards (all boards, including archived)"},
             {"checkin_1", kInt, "check-in scale: answers \"1\" (first retrospective)"},
             {"checkin_2", kInt, "check-in scale: answers \"2\""},
             {"checkin_3", kInt, "check-in scale: answers \"3\""},
             {"checkin_4", kInt, "check-in scale: answers \"4\""},
             {"checkin_5", kInt, "check-in scale: answers \"5\""},
             {"roti_1", kInt, "ROTI (return on time invested, 1 = waste of time, 5 = excellent): answers \"1\" (first retrospective)"},
             {"roti_2", kInt, "ROTI: answers \"2\""},
             {"roti_3", kInt, "ROTI: answers \"3\""},
             {"roti_4", kInt, "ROTI: answers \"4\""},
             {"roti_5", kInt, "ROTI: answers \"5\""},
             {"next_review_month", kMonth, "month of the next review or workshop; empty when not planned"},
             {"title", kText, "title of the workshop", true},
             {"goal", kText, "goal of the workshop", true},
         }},
        {"participation.csv",
         "one row per role group present in a workshop (k-anonymous, see below)",
         {
             {"session", kPseudonym, "the workshop"},
             {"role", kRole, "hierarchy level; `suppressed` = all groups merged because of k-anonymity"},
             {"participants", kInt, "number of participants in the group (at least k unless role is `suppressed`)"},
         }},
        {"retro_items.csv",
         "one row per retrospective item (card written in a retrospective)",
         {
             {"session", kPseudonym, "the workshop"},
             {"retrospective", kPseudonym, "the retrospective"},
             {"item", kPseudonym, "the item"},
             {"format", "machine name of a format of the Lernraum library, e.g. `start-stop-continue`; `custom`; `other` = not in the library", "retrospective format"},
             {"prompt", kPseudonym, "the question the item answers"},
             {"prompt_position", kInt, "position of the question in the format, 1-based; empty when unknown"},
             {"group", kPseudonym, "the group it was sorted into; empty when ungrouped"},
             {"votes", kInt, "dot votes on the item itself"},
             {"month", kMonth, "month it was written; empty when unknown"},
             {"hidden", kBool, "1 = still face-down (never revealed to the room)"},
             {"text", kText, "the item text; empty for hidden items", true},
             {"prompt_text", kText, "the question", true},
             {"group_title", kText, "title of the group", true},
         }},
        {"votes.csv",
         "one row per vote target (every item and every group, also those without votes)",
         {
             {"session", kPseudonym, "the workshop"},
             {"retrospective", kPseudonym, "the retrospective"},
             {"target_type", "`item`, `group`", "what was voted on"},
             {"target", kPseudonym, "the item or group (same pseudonym as in retro_items.csv)"},
             {"votes", kInt, "dot votes; who voted is never recorded"},
             {"budget_per_participant", kInt, "dots each participant had"},
             {"per_item_limit", kInt, "maximum dots per target and participant; 0 = no limit"},
         }},
        {"actions.csv",
         "one row per action (Maßnahme)",
         {
             {"session", kPseudonym, "the workshop"},
             {"retrospective", kPseudonym, "the retrospective it belongs to"},
             {"action", kPseudonym, "the action"},
             {"owner_role", kRole, "role responsible"},
             {"status", "`open`, `in_progress`, `done`, `dropped`", "status at the end of the workshop"},
             {"due_month", kMonth, "month it is due; empty when not set"},
             {"carried_over", kBool, "1 = carried over from an earlier workshop"},
             {"carried_from_session", kPseudonym, "the workshop it was carried over from"},
             {"source", kPseudonym, "retrospective item or group it came from; empty when none"},
             {"card", kPseudonym, "linked board card; empty when none"},
             {"experiment", kPseudonym, "linked experiment; empty when none"},
             {"text", kText, "the action", true},
             {"outcome", kText, "what became of a carried-over action", true},
         }},
        {"experiments.csv",
         "one row per practice experiment per workshop (an experiment carried through a series has one row per workshop)",
         {
             {"session", kPseudonym, "the workshop"},
             {"experiment", kPseudonym, "the experiment (the same across the workshops of a series)"},
             {"origin_session", kPseudonym, "the workshop where it was created; empty when not recorded"},
             {"status", "`idea`, `planned`, `running`, `evaluated`, `transferred`, `stopped`", "status"},
             {"result", "`none`, `confirmed`, `refuted`, `inconclusive`", "result for the hypothesis"},
             {"evidence", "`none`, `weak`, `moderate`, `strong`", "strength of the evidence"},
             {"decision", "`none`, `persevere`, `adapt`, `stop`", "decision taken after evaluation"},
             {"owner_role", kRole, "role responsible"},
             {"participant_roles", "`;`-separated roles (as owner_role)", "roles taking part"},
             {"start_month", kMonth, "month it started; empty when not set"},
             {"review_month", kMonth, "month of its review; empty when not set"},
             {"observations", kInt, "observations logged"},
             {"links", kInt, "links to retrospective items, actions or cards it came from"},
             {"title", kText, "title", true},
             {"hypothesis", kText, "hypothesis (\"We believe that ...\")", true},
             {"method", kText, "what was done", true},
             {"measure", kText, "measure (Messgröße)", true},
             {"success_criterion", kText, "success criterion", true},
             {"learning", kText, "learning (Erkenntnis)", true},
             {"transfer_recommendation", kText, "which units could adopt it and what they need", true},
         }},
        {"experiment_observations.csv",
         "one row per observation in an experiment's log",
         {
             {"session", kPseudonym, "the workshop whose file contains the observation"},
             {"experiment", kPseudonym, "the experiment"},
             {"observation", kPseudonym, "the observation (the same when carried to later workshops)"},
             {"month", kMonth, "month of the observation; empty when not set"},
             {"text", kText, "the observation", true},
         }},
        {"board_flow.csv",
         "one row per board card",
         {
             {"session", kPseudonym, "the workshop"},
             {"board", kPseudonym, "the board"},
             {"card", kPseudonym, "the card"},
             {"column_kind", "`todo`, `in_progress`, `done`", "kind of the column it is in"},
             {"column_position", kInt, "position of that column on the board, 1 = leftmost"},
             {"archived", kBool, "1 = archived"},
             {"owner_role", kRole, "role responsible"},
             {"created_month", kMonth, "month it was created; empty when unknown"},
             {"column_moves", kInt, "number of moves between columns"},
             {"lead_time_days", kDays,
              "creation -> first entry into a done-kind column (2 decimals); empty when never done"},
             {"cycle_time_days", kDays,
              "first entry into an in-progress-kind column -> first entry into a done-kind column after it; empty when "
              "not both"},
             {"checklist_items", kInt, "checklist entries"},
             {"checklist_done", kInt, "checklist entries ticked"},
             {"title", kText, "card title", true},
         }},
    };
    return specs;
}

class Table {
public:
    // `header` = false: a fragment (one session's rows) to be appended to the full table.
    Table(const TableSpec& spec, bool includeText, bool header = true) : m_spec(spec), m_includeText(includeText) {
        if (!header) return;
        std::vector<std::string> names;
        for (const auto& c : spec.columns) names.emplace_back(c.name);
        write(names);
    }

    void append(const Table& fragment) {
        m_csv += fragment.m_csv;
        m_rows += fragment.m_rows;
    }

    void add(const std::vector<std::string>& cells) {
        if (cells.size() != m_spec.columns.size()) throw std::logic_error("row does not match the table");
        write(cells);
        ++m_rows;
    }

    [[nodiscard]] const std::string& csv() const { return m_csv; }
    [[nodiscard]] int rows() const { return m_rows; }
    [[nodiscard]] std::string_view file() const { return m_spec.file; }

private:
    const TableSpec& m_spec;
    bool m_includeText;
    std::string m_csv;
    int m_rows = 0;

    void write(const std::vector<std::string>& cells) {
        bool first = true;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (m_spec.columns[i].text && !m_includeText) continue;
            if (!first) m_csv += ',';
            first = false;
            m_csv += csvField(cells[i]);
        }
        m_csv += "\r\n";
    }
};

// ---------------------------------------------------------------------------------------------

std::string month(const core::Date& d) {
    if (!d.isValid()) return {};
    return d.toString().substr(0, 7);
}
std::string month(const core::Timestamp& t) { return t.isSet() ? month(t.date()) : std::string{}; }

std::string num(long long v) { return std::to_string(v); }

// Locale-independent, fixed 2 decimals.
std::string days(std::optional<double> v) {
    if (!v) return {};
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, *v, std::chars_format::fixed, 2);
    return std::string(buf, r.ptr);
}

std::string flag(bool b) { return b ? "1" : "0"; }

std::string lowerTrim(std::string_view s) {
    std::string out(core::trim(s));
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
}

// Only the ids of known formats pass: a format id is stored as free text in the session file and
// could carry anything (a team's or a person's name). Everything else becomes "other".
std::string safeFormatId(std::string_view id, const std::vector<std::string>& known) {
    if (id.empty()) return {};
    if (id == "custom") return "custom";
    if (std::find(known.begin(), known.end(), id) != known.end()) return std::string(id);
    return "other";
}

class SessionExporter {
public:
    SessionExporter(const core::Session& s, const ExportOptions& o, const Scrubber* scrub,
                    std::map<std::string, Table, std::less<>>& tables)
        : m_s(s), m_o(o), m_tables(tables), m_scrub(scrub) {
        std::array<int, 5> counts{};
        for (const auto& p : s.participants) {
            if (core::inRange(p.role)) ++counts[static_cast<std::size_t>(p.role)];
        }
        m_counts = counts;
        m_suppression = suppressSmallGroups(counts, o.k);
        m_session = id(s.id, "ses");
    }

    void run() {
        sessions();
        participation();
        for (const auto& r : m_s.retrospectives) retrospective(r);
        for (const auto& e : m_s.experiments) experiment(e);
        for (const auto& b : m_s.boards) board(b);
    }

private:
    const core::Session& m_s;
    const ExportOptions& m_o;
    std::map<std::string, Table, std::less<>>& m_tables;
    std::array<int, 5> m_counts{};
    RoleSuppression m_suppression;
    const Scrubber* m_scrub; // null without includeText
    std::string m_session;

    Table& table(std::string_view name) { return m_tables.find(name)->second; }

    std::string id(const core::Id& value, std::string_view prefix) const {
        return value.empty() ? std::string{} : pseudonym(m_o.key, "id", value, prefix);
    }
    std::string text(std::string_view value) const {
        if (!m_scrub) return {};
        std::string out = (*m_scrub)(value);
        // Spreadsheet formula injection: a cell starting with = + - @ would be evaluated by Excel
        // or LibreOffice when the CSV is opened there.
        if (!out.empty() && (out[0] == '=' || out[0] == '+' || out[0] == '-' || out[0] == '@')) out.insert(0, "'");
        return out;
    }
    std::string role(core::Role r) const {
        if (!core::inRange(r)) return {};
        return m_suppression.suppressed[static_cast<std::size_t>(r)] ? std::string("suppressed") : std::string(core::toName(r));
    }
    std::string role(const std::optional<core::Role>& r) const { return r ? role(*r) : std::string{}; }

    void sessions() {
        long long items = 0, groups = 0, actions = 0, cards = 0, plannedMin = 0; // 64-bit: no wrap
        long long usedSec = 0;
        for (const auto& r : m_s.retrospectives) {
            items += static_cast<long long>(r.items.size());
            groups += static_cast<long long>(r.groups.size());
            actions += static_cast<long long>(r.actions.size());
        }
        for (const auto& b : m_s.boards) cards += static_cast<long long>(b.cards.size());
        for (const auto& a : m_s.agenda) {
            plannedMin += a.timeboxMinutes;
            usedSec += a.usedSeconds;
        }
        const core::ScaleQuestion none{};
        const auto& checkIn = m_s.retrospectives.empty() ? none : m_s.retrospectives.front().checkIn;
        const auto& roti = m_s.retrospectives.empty() ? none : m_s.retrospectives.front().roti;
        std::vector<std::string> row{m_session,
                                     id(m_s.previousSessionId, "ses"),
                                     m_s.lernraum.empty() ? "" : pseudonym(m_o.key, "lernraum", lowerTrim(m_s.lernraum), "lr"),
                                     m_s.orgUnit.empty() ? "" : pseudonym(m_o.key, "org", lowerTrim(m_s.orgUnit), "org"),
                                     month(m_s.date),
                                     std::string(core::toName(m_s.kind)),
                                     m_s.language == "en" ? "en" : "de",
                                     num(static_cast<long long>(m_s.participants.size())),
                                     num(static_cast<long long>(m_s.agenda.size())),
                                     num(plannedMin),
                                     num(usedSec / 60),
                                     num(items),
                                     num(groups),
                                     num(actions),
                                     num(static_cast<long long>(m_s.experiments.size())),
                                     num(cards)};
        for (const int c : checkIn.counts) row.push_back(num(c));
        for (const int c : roti.counts) row.push_back(num(c));
        row.push_back(month(m_s.nextReview));
        row.push_back(text(m_s.title));
        row.push_back(text(m_s.goal));
        table("sessions.csv").add(row);
    }

    void participation() {
        auto& t = table("participation.csv");
        for (std::size_t r = 0; r < m_counts.size(); ++r) {
            if (m_counts[r] == 0 || m_suppression.suppressed[r]) continue;
            t.add({m_session, std::string(core::toName(static_cast<core::Role>(r))), num(m_counts[r])});
        }
        if (m_suppression.suppressedTotal > 0) t.add({m_session, "suppressed", num(m_suppression.suppressedTotal)});
    }

    void retrospective(const core::Retrospective& r) {
        const std::string retro = id(r.id, "ret");
        auto& items = table("retro_items.csv");
        auto& votes = table("votes.csv");
        // Index maps, built once: n log n instead of items × (prompts + groups). The last prompt or
        // group with an id wins, as the scans before did.
        std::map<core::Id, std::size_t> promptIndex;
        for (std::size_t i = 0; i < r.prompts.size(); ++i) promptIndex[r.prompts[i].id] = i;
        std::map<core::Id, const core::RetroGroup*> groupIndex;
        for (const auto& g : r.groups) groupIndex[g.id] = &g;
        std::map<std::size_t, std::string> promptTexts; // scrubbed once per prompt
        std::map<const core::RetroGroup*, std::string> groupTitles;
        for (const auto& item : r.items) {
            std::string promptPos, promptText, groupTitle;
            if (const auto it = promptIndex.find(item.promptId); it != promptIndex.end()) {
                promptPos = num(static_cast<long long>(it->second + 1));
                auto [cached, fresh] = promptTexts.try_emplace(it->second);
                if (fresh) cached->second = text(r.prompts[it->second].text);
                promptText = cached->second;
            }
            if (const auto it = groupIndex.find(item.groupId); it != groupIndex.end()) {
                auto [cached, fresh] = groupTitles.try_emplace(it->second);
                if (fresh) cached->second = text(it->second->title);
                groupTitle = cached->second;
            }
            items.add({m_session, retro, id(item.id, "itm"), safeFormatId(r.formatId, m_o.knownFormatIds), id(item.promptId, "prm"), promptPos,
                       id(item.groupId, "grp"), num(item.votes), month(item.createdAt), flag(item.hidden),
                       item.hidden ? std::string{} : text(item.text), promptText, groupTitle});
        }
        const std::string budget = num(r.voting.budgetPerParticipant);
        const std::string limit = num(r.voting.perItemLimit);
        for (const auto& item : r.items) votes.add({m_session, retro, "item", id(item.id, "itm"), num(item.votes), budget, limit});
        for (const auto& g : r.groups) votes.add({m_session, retro, "group", id(g.id, "grp"), num(g.votes), budget, limit});

        auto& actions = table("actions.csv");
        std::set<core::Id> itemIds;
        for (const auto& item : r.items) itemIds.insert(item.id);
        for (const auto& a : r.actions) {
            std::string sourcePrefix = "obj";
            if (itemIds.contains(a.sourceId)) sourcePrefix = "itm";
            if (groupIndex.contains(a.sourceId)) sourcePrefix = "grp";
            actions.add({m_session, retro, id(a.id, "act"), role(a.ownerRole), std::string(core::toName(a.status)),
                         month(a.due), flag(!a.carriedFromSessionId.empty()), id(a.carriedFromSessionId, "ses"),
                         id(a.sourceId, sourcePrefix), id(a.cardId, "crd"), id(a.experimentId, "exp"), text(a.text),
                         text(a.outcome)});
        }
    }

    void experiment(const core::Experiment& e) {
        const std::string exp = id(e.id, "exp");
        std::string roles;
        std::set<std::string> seen;
        for (const auto r : e.participantRoles) {
            const std::string name = role(r);
            if (name.empty() || !seen.insert(name).second) continue;
            if (!roles.empty()) roles += ';';
            roles += name;
        }
        table("experiments.csv")
            .add({m_session, exp, id(e.originSessionId, "ses"), std::string(core::toName(e.status)),
                  std::string(core::toName(e.result)), std::string(core::toName(e.evidence)),
                  std::string(core::toName(e.decision)), role(e.ownerRole), roles, month(e.startDate), month(e.reviewDate),
                  num(static_cast<long long>(e.observations.size())), num(static_cast<long long>(e.links.size())),
                  text(e.title), text(e.hypothesis), text(e.method), text(e.measure), text(e.successCriterion),
                  text(e.learning), text(e.transferRecommendation)});
        auto& obs = table("experiment_observations.csv");
        for (const auto& o : e.observations) obs.add({m_session, exp, id(o.id, "obs"), month(o.date), text(o.text)});
    }

    void board(const core::Board& b) {
        const std::string boardId = id(b.id, "brd");
        auto& t = table("board_flow.csv");
        std::map<core::Id, std::size_t> columnIndex; // the last column with an id wins, as before
        for (std::size_t i = 0; i < b.columns.size(); ++i) columnIndex[b.columns[i].id] = i;
        for (const auto& c : b.cards) {
            std::string kind, position;
            if (const auto it = columnIndex.find(c.columnId); it != columnIndex.end()) {
                kind = std::string(core::toName(b.columns[it->second].kind));
                position = num(static_cast<long long>(it->second + 1));
            }
            int done = 0;
            for (const auto& item : c.checklist) done += item.done ? 1 : 0;
            const auto start = core::cardStart(c);
            t.add({m_session, boardId, id(c.id, "crd"), kind, position, flag(c.archived), role(c.ownerRole),
                   start ? month(*start) : std::string{},
                   num(c.history.empty() ? 0 : static_cast<long long>(c.history.size()) - 1),
                   days(core::leadTimeDays(b, c)), days(core::cycleTimeDays(b, c)),
                   num(static_cast<long long>(c.checklist.size())), num(done), text(c.title)});
        }
    }
};

std::string jsonString(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

} // namespace

// ---------------------------------------------------------------------------------------------

const std::vector<TableSpec>& researchTables() { return tableSpecs(); }

std::vector<std::string> builtinFormatIds() {
    return {"start-stop-continue", "mad-sad-glad", "4ls", "sailboat", "starfish", "gut-verbessern-ausprobieren"};
}

std::map<std::string, std::string> ResearchExport::files() const {
    std::map<std::string, std::string> all = tables;
    all["codebook.md"] = codebook;
    all["manifest.json"] = manifest;
    for (const auto& [name, bytes] : formatFiles) all[name] = bytes;
    return all;
}

std::string makeKey() {
    ensureSodium();
    std::string key(kKeyBytes, '\0');
    randombytes_buf(key.data(), key.size());
    return key;
}

std::string parseKey(std::string_view contents) {
    if (contents.size() == kKeyBytes) return std::string(contents);
    const auto t = core::trim(contents);
    if (t.size() != 2 * kKeyBytes) return {};
    std::string key(kKeyBytes, '\0');
    for (std::size_t i = 0; i < kKeyBytes; ++i) {
        int v = 0;
        for (int k = 0; k < 2; ++k) {
            const char c = t[2 * i + static_cast<std::size_t>(k)];
            int d = -1;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
            if (d < 0) return {};
            v = v * 16 + d;
        }
        key[i] = static_cast<char>(v);
    }
    return key;
}

std::string pseudonym(std::string_view key, std::string_view domain, std::string_view value, std::string_view prefix) {
    ensureSodium();
    if (key.size() != kKeyBytes) throw std::invalid_argument("pseudonym key must be 32 bytes");
    // Domain separation: length-prefixed domain, then the value.
    crypto_generichash_state state;
    crypto_generichash_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size(), 8);
    const unsigned char domainLen = static_cast<unsigned char>(std::min<std::size_t>(domain.size(), 255));
    crypto_generichash_update(&state, &domainLen, 1);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(domain.data()), domainLen);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(value.data()), value.size());
    unsigned char out[8];
    crypto_generichash_final(&state, out, sizeof out);
    return std::string(prefix) + "-" + toHex(out, sizeof out);
}

std::string sha256Hex(std::string_view bytes) {
    ensureSodium();
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return toHex(out, sizeof out);
}

RoleSuppression suppressSmallGroups(const std::array<int, 5>& counts, int k) {
    RoleSuppression s;
    if (k <= 1) return s;
    int small = 0;
    for (std::size_t r = 0; r < counts.size(); ++r) {
        if (counts[r] > 0 && counts[r] < k) {
            s.suppressed[r] = true;
            ++small;
        }
    }
    if (small == 1) {
        // A single merged group would show its true count (and total minus the published groups
        // would give it too): merge the smallest published group as well.
        std::optional<std::size_t> partner;
        for (std::size_t r = 0; r < counts.size(); ++r) {
            if (counts[r] > 0 && !s.suppressed[r] && (!partner || counts[r] < counts[*partner])) partner = r;
        }
        if (partner) s.suppressed[*partner] = true;
    }
    for (std::size_t r = 0; r < counts.size(); ++r) {
        if (s.suppressed[r]) s.suppressedTotal += counts[r];
    }
    return s;
}

namespace {

using Tables = std::map<std::string, Table, std::less<>>;

Tables makeTables(bool includeText, bool header) {
    Tables tables;
    for (const auto& spec : tableSpecs()) tables.emplace(std::string(spec.file), Table(spec, includeText, header));
    return tables;
}

} // namespace

void forEachIndex(std::size_t count, int threads, const std::function<void(std::size_t)>& work) {
    const std::size_t workers = std::min<std::size_t>(count, static_cast<std::size_t>(std::max(threads, 1)));
    if (workers <= 1) {
        for (std::size_t i = 0; i < count; ++i) work(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> errors(count);
    std::atomic<bool> failed{false};
    const auto run = [&] {
        // An index once taken is always run: every index below a failing one runs, as in a loop.
        while (!failed) {
            const std::size_t i = next++;
            if (i >= count) break;
            try {
                work(i);
            } catch (...) {
                errors[i] = std::current_exception();
                failed = true;
            }
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    for (std::size_t t = 1; t < workers; ++t) {
        try {
            pool.emplace_back(run);
        } catch (const std::system_error&) {
            break; // no more threads to be had: the ones running (and this one) do the rest
        }
    }
    run();
    for (auto& t : pool) t.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

int exportThreads(int requested) {
    if (requested > 0) return requested;
    const unsigned hardware = std::thread::hardware_concurrency();
    return hardware == 0 ? 1 : static_cast<int>(std::min(hardware, 256u));
}

ResearchExport exportResearch(const std::vector<LoadedSession>& sessions, const ExportOptions& options) {
    if (options.key.size() != kKeyBytes) throw std::invalid_argument("the export key must be 32 bytes");
    if (options.k < 1) throw std::invalid_argument("k must be at least 1");
    ensureSodium(); // once, before any thread hashes

    ResearchExport result;
    Tables tables = makeTables(options.includeText, true);

    // Deterministic order independent of the input order: month, then pseudonym.
    struct Entry {
        std::string month, pseudonym;
        const LoadedSession* loaded;
    };
    std::vector<Entry> order;
    std::map<std::string, std::string> seenIds; // session id -> source
    for (const auto& loaded : sessions) {
        const auto& s = loaded.session;
        if (!s.researchConsent) {
            result.skipped.push_back({loaded.source, "no research consent recorded"});
            continue;
        }
        if (const auto it = seenIds.find(s.id); it != seenIds.end()) {
            result.skipped.push_back({loaded.source, "same session as " + it->second + " (exported once)"});
            continue;
        }
        seenIds.emplace(s.id, loaded.source);
        order.push_back({month(s.date), pseudonym(options.key, "id", s.id, "ses"), &loaded});
    }
    std::sort(order.begin(), order.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.month, a.pseudonym) < std::tie(b.month, b.pseudonym);
    });
    // Every text is scrubbed with the names of all sessions handed in (also the skipped ones): a
    // participant of one workshop may be mentioned in another.
    std::optional<Scrubber> scrub;
    if (options.includeText) {
        ScrubList list;
        for (const auto& loaded : sessions) addToScrubList(list, loaded.session);
        scrub.emplace(list);
    }
    // Every session is exported on its own (pseudonyms are keyed hashes of ids, suppression is per
    // session), so the sessions are spread over the threads and their rows appended in `order`:
    // the bytes are the same whatever the thread count.
    std::vector<Tables> parts(order.size());
    forEachIndex(order.size(), exportThreads(options.threads), [&](std::size_t i) {
        parts[i] = makeTables(options.includeText, false);
        SessionExporter(order[i].loaded->session, options, scrub ? &*scrub : nullptr, parts[i]).run();
    });
    for (auto& part : parts) {
        for (auto& [name, fragment] : part) tables.find(name)->second.append(fragment);
        part.clear();
    }
    result.exportedSessions = static_cast<int>(order.size());

    result.codebook = codebookMarkdown(options.includeText);

    std::string m = "{\n";
    m += "  \"format\": \"lernraum-research-export\",\n";
    m += "  \"format_version\": " + num(kExportFormatVersion) + ",\n";
    m += "  \"tool\": \"lernraum\",\n";
    m += "  \"tool_version\": " + jsonString(kVersion) + ",\n";
    m += "  \"session_schema_version\": " + num(options.sessionSchemaVersion) + ",\n";
    m += "  \"k\": " + num(options.k) + ",\n";
    m += std::string("  \"include_text\": ") + (options.includeText ? "true" : "false") + ",\n";
    m += "  \"pseudonyms\": \"keyed BLAKE2b, 64 bit (libsodium crypto_generichash)\",\n";
    m += "  \"key_id\": " + jsonString(pseudonym(options.key, "key-id", "", "key")) + ",\n";
    m += "  \"csv\": \"RFC 4180, UTF-8 without BOM, CRLF line ends, one header row\",\n";
    m += "  \"sessions\": {\"exported\": " + num(result.exportedSessions) +
         ", \"skipped\": " + num(static_cast<long long>(result.skipped.size())) +
         ", \"unreadable_files\": " + num(options.unreadableFiles) + "},\n";
    m += "  \"files\": [\n";
    bool first = true;
    for (const auto& [name, t] : tables) {
        result.tables[name] = t.csv();
        m += first ? "" : ",\n";
        first = false;
        m += "    {\"name\": " + jsonString(name) + ", \"rows\": " + num(t.rows()) + ", \"sha256\": " +
             jsonString(sha256Hex(t.csv())) + "}";
    }
    m += ",\n    {\"name\": \"codebook.md\", \"sha256\": " + jsonString(sha256Hex(result.codebook)) + "}";
    // The other formats, made from the finished tables (research_formats.cpp).
    result.formatFiles = statisticsFiles(result.tables, options.formats);
    result.formatFiles["datapackage.json"] = dataPackageJson(result.tables, options.includeText);
    result.formatFiles["codebook.de.md"] = codebookMarkdownGerman(options.includeText);
    for (const auto& [name, bytes] : result.formatFiles)
        m += ",\n    {\"name\": " + jsonString(name) + ", \"sha256\": " + jsonString(sha256Hex(bytes)) + "}";
    m += "\n  ]\n}\n";
    result.manifest = std::move(m);
    return result;
}

std::string codebookMarkdown(bool includeText) {
    std::string out;
    out += "# Lernraum research export – codebook\n\n";
    out += "Generated by `lernraum export-research` (export format version " + num(kExportFormatVersion) +
           "). This file describes every table and column of the export.\n\n";
    out += "## Files and format\n\n";
    out += "- One CSV file per table below, RFC 4180: UTF-8 without byte order mark, one header row, fields separated by "
           "commas, a field is enclosed in double quotes when it contains a comma, a double quote, CR or LF, and a "
           "double quote inside is doubled. Lines end with CRLF (`\\r\\n`); a line break inside a text field is a single "
           "LF.\n";
    out += "- An empty field means \"not recorded / not applicable\". Decimals use a point (`1.50`).\n";
    out += "- `datapackage.json`: a Frictionless Data Package with a Table Schema per table (types, formats, missing "
           "values, primary and foreign keys), for R (`frictionless`), Python (`frictionless`, pandas) and DuckDB. "
           "`codebook.de.md`: this codebook in German.\n";
    out += "- With `--formats sav` / `--formats dta`: per table an SPSS (`.sav`) or Stata (`.dta`, version 118, UTF-8) "
           "file with variable and value labels, `NAME.sav` with English and `NAME.de.sav` with German labels. Codes of "
           "closed lists (role, status, decision, ...) are integers there (1, 2, ... in the order listed below) with value "
           "labels; `0`/`1` columns carry no/yes labels; an empty field is a (system-)missing value. Text is a string; "
           "Stata stores text longer than 2045 bytes as `strL`, so long text is kept whole. Stata cuts labels at 80 "
           "bytes.\n";
    out += "- `manifest.json`: tool and session schema version, k, whether free text is included, how many sessions "
           "were exported and skipped, and the SHA-256 of every file, so a transfer can be verified.\n";
    out += "- Row order: sessions by month, then pseudonym; within a session in the order of the workshop file.\n\n";
    out += "## Identity protection\n\n";
    out += "- **Consent:** only workshops with recorded research consent are exported.\n";
    out += "- **Pseudonyms:** every id is replaced by a keyed hash (keyed BLAKE2b, 64 bit, libsodium), written as "
           "`<kind>-<16 hex digits>` (`ses`, `ret`, `itm`, `grp`, `prm`, `act`, `exp`, `obs`, `brd`, `crd`; `obj` for a "
           "link whose target is not in the file). The same object has the same pseudonym in every table, and in every "
           "export made with the same key file, so a series of workshops can be linked. The key stays with the "
           "facilitator; without it pseudonyms cannot be reversed or recomputed. The Lernraum name (`lr-`) and the "
           "organisation unit (`org-`) are pseudonymized the same way (case-insensitive); their names are never "
           "exported. `manifest.json` carries a `key_id` (a hash of the key) to tell whether two exports used the same "
           "key.\n";
    out += "- **Dates** are coarsened to the month (`YYYY-MM`); durations (lead and cycle time) are kept in days.\n";
    out += "- **Participants** appear only as counts per role (hierarchy level). Display names and departments are "
           "never exported, nor who wrote a retrospective item or who voted.\n";
    out += "- **k-anonymity:** per workshop, every role group with fewer than k participants (k in `manifest.json`, "
           "default 5) is merged into one row `suppressed`. If only one group is below k, the smallest other group is "
           "merged as well, so the true size of a small group can never be recovered by subtracting the published "
           "groups from `participants_total`. Wherever a role appears in that workshop's rows (`owner_role`, "
           "`participant_roles`), a merged role reads `suppressed` too.\n";
    out += "- **Free text** (columns marked *text*) is only present when the export was made with `--include-text`. "
           "It is then scrubbed with the names of all workshops in the export: names of participants and of the "
           "facilitator become `[NAME]`, the organisation unit and departments `[ORG]`, the Lernraum name "
           "`[LERNRAUM]`, e-mail addresses `[EMAIL]` (also written as `name (at) amt (dot) de`), phone numbers "
           "`[PHONE]` and URLs `[URL]`; control characters are removed. Names are matched as the whole name and as "
           "each part of it, after Unicode normalization (NFKC), case folding and accent folding, ignoring soft "
           "hyphens and zero-width characters, with umlauts as written, transliterated (`ä → ae`, `ß → ss`) or "
           "stripped (`ä → a`): as a whole word (also with a genitive `s`), at a capital letter inside a word "
           "(`KolleginMeier`) or across a line break inside a word, never as part of a longer lower-case word "
           "(with a participant Klein, `Kleine` stays). Text around a match is never changed. "
           "The `format` column holds only the ids of known formats; any other id becomes `other`. A text that starts with `=`, `+`, `-` or `@` gets a leading `'` so that spreadsheet programs do "
           "not run it as a formula. Scrubbing is automatic: read a sample before passing text on. Hidden (never "
           "revealed) retrospective items never carry text.\n\n";
    out += "This export ";
    out += includeText ? "**includes** the free text columns (scrubbed).\n\n"
                       : "does **not** include the free text columns; they are listed below for reference only.\n\n";
    out += "## Tables\n";
    for (const auto& spec : tableSpecs()) {
        out += "\n### `" + std::string(spec.file) + "`\n\n";
        out += "One row: " + std::string(spec.rowMeaning) + ".\n\n";
        if (const auto key = researchPrimaryKey(spec.file); !key.empty()) {
            out += "Primary key: ";
            for (std::size_t i = 0; i < key.size(); ++i) out += (i ? ", `" : "`") + std::string(key[i]) + "`";
            out += ".\n\n";
        }
        out += "| column | type / allowed values | meaning |\n|---|---|---|\n";
        for (const auto& c : spec.columns) {
            std::string name = "`" + std::string(c.name) + "`";
            if (c.text) name += includeText ? " *text*" : " *text, not in this export*";
            out += "| " + name + " | " + std::string(c.type) + " | " + std::string(c.meaning) + " |\n";
        }
    }
    return out;
}

} // namespace lernraum::report
