// datapackage.json, SPSS / Stata files and the German codebook of the research export (see
// research_formats.hpp). Everything here reads the finished CSV tables; nothing sees a session.

#include "research_formats.hpp"

#include "research_tables.hpp"

#include <readstat.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>
#include <stdexcept>

namespace lernraum::report {

namespace {

// ---------------------------------------------------------------------------------------------
// Column kinds

enum class Kind { Pseudonym, Month, Integer, Boolean, Text, Days, Code, String };

// The values of a closed list: every `value` of the type, when the type is nothing but values in
// backticks separated by ", " / " or " (and the role list).
std::vector<std::string> codesOf(std::string_view type) {
    std::vector<std::string> codes;
    if (type == kRole) return {"manager", "employee", "staff_council", "facilitator", "external", "suppressed"};
    std::size_t i = 0;
    while (i < type.size()) {
        if (type[i] != '`') return {};
        const std::size_t end = type.find('`', i + 1);
        if (end == std::string_view::npos) return {};
        codes.emplace_back(type.substr(i + 1, end - i - 1));
        i = end + 1;
        if (type.substr(i).starts_with(", ")) i += 2;
        else if (type.substr(i).starts_with(" or ")) i += 4;
        else if (i != type.size()) return {};
    }
    return codes;
}

Kind kindOf(const ColumnSpec& c) {
    if (c.text) return Kind::Text;
    if (c.type == kPseudonym) return Kind::Pseudonym;
    if (c.type == kMonth) return Kind::Month;
    if (c.type == kInt) return Kind::Integer;
    if (c.type == kBool) return Kind::Boolean;
    if (c.type == kDays) return Kind::Days;
    if (!codesOf(c.type).empty()) return Kind::Code;
    return Kind::String;
}

// The columns present in an export (free text only with --include-text).
std::vector<const ColumnSpec*> presentColumns(const TableSpec& t, bool includeText) {
    std::vector<const ColumnSpec*> out;
    for (const auto& c : t.columns) {
        if (!c.text || includeText) out.push_back(&c);
    }
    return out;
}

std::string stem(std::string_view file) { return std::string(file.substr(0, file.rfind('.'))); }

} // namespace

std::vector<std::string_view> researchPrimaryKey(std::string_view table) {
    static const std::map<std::string_view, std::vector<std::string_view>> keys{
        {"sessions.csv", {"session"}},
        {"participation.csv", {"session", "role"}},
        {"retro_items.csv", {"session", "item"}},
        {"votes.csv", {"session", "target_type", "target"}},
        {"actions.csv", {"session", "action"}},
        {"experiments.csv", {"session", "experiment"}},
        {"experiment_observations.csv", {"session", "observation"}},
        {"board_flow.csv", {"session", "card"}},
    };
    const auto it = keys.find(table);
    return it == keys.end() ? std::vector<std::string_view>{} : it->second;
}

namespace {

std::vector<std::string_view> primaryKey(std::string_view table) { return researchPrimaryKey(table); }

// ---------------------------------------------------------------------------------------------
// Labels

struct Bilingual {
    std::string_view en, de;
};

// Value labels: "column:code" first (the same code reads differently in some columns), then "code".
std::optional<Bilingual> codeLabel(std::string_view column, std::string_view code) {
    static const std::map<std::string, Bilingual, std::less<>> labels{
        {"kick_off", {"kick-off", "Auftakt"}},
        {"planning", {"planning", "Planung"}},
        {"review", {"review", "Review"}},
        {"evaluation", {"evaluation", "Auswertung"}},
        {"kind:other", {"other", "sonstige"}},
        {"de", {"German", "Deutsch"}},
        {"en", {"English", "Englisch"}},
        {"manager", {"managers", "Führungskräfte"}},
        {"employee", {"employees", "Beschäftigte"}},
        {"staff_council", {"staff council", "Personalrat"}},
        {"facilitator", {"facilitation", "Moderation"}},
        {"external", {"external", "Externe"}},
        {"suppressed", {"suppressed (k-anonymity)", "unterdrückt (k-Anonymität)"}},
        {"item", {"item", "Beitrag"}},
        {"group", {"group", "Gruppe"}},
        {"open", {"open", "offen"}},
        {"in_progress", {"in progress", "in Arbeit"}},
        {"done", {"done", "erledigt"}},
        {"dropped", {"dropped", "verworfen"}},
        {"todo", {"to do", "zu erledigen"}},
        {"idea", {"idea", "Idee"}},
        {"planned", {"planned", "geplant"}},
        {"running", {"running", "läuft"}},
        {"evaluated", {"evaluated", "ausgewertet"}},
        {"transferred", {"transferred", "übertragen"}},
        {"stopped", {"stopped", "abgebrochen"}},
        {"result:none", {"open", "noch offen"}},
        {"confirmed", {"confirmed", "bestätigt"}},
        {"refuted", {"refuted", "widerlegt"}},
        {"inconclusive", {"inconclusive", "nicht eindeutig"}},
        {"evidence:none", {"none", "keine"}},
        {"weak", {"weak", "schwach"}},
        {"moderate", {"moderate", "mittel"}},
        {"strong", {"strong", "stark"}},
        {"decision:none", {"pending", "noch offen"}},
        {"persevere", {"persevere", "beibehalten"}},
        {"adapt", {"adapt", "anpassen"}},
        {"stop", {"stop", "verwerfen"}},
    };
    std::string key = std::string(column) + ":" + std::string(code);
    if (const auto it = labels.find(key); it != labels.end()) return it->second;
    if (const auto it = labels.find(code); it != labels.end()) return it->second;
    return std::nullopt;
}

struct GermanTable {
    std::string_view rowMeaning;
    std::map<std::string_view, std::string_view> columns;
};

const std::map<std::string_view, GermanTable>& germanTables() {
    static const std::map<std::string_view, GermanTable> tables{
        {"sessions.csv",
         {"eine Zeile je exportierter Sitzung (Workshop)",
          {
              {"session", "die Sitzung"},
              {"previous_session", "die vorherige Sitzung der Reihe; leer bei der ersten"},
              {"lernraum", "der Lernraum (die Reihe), zu dem die Sitzung gehört, aus seinem Namen; leer, wenn nicht gesetzt"},
              {"org_unit", "die Organisationseinheit, aus ihrem Namen; leer, wenn nicht gesetzt"},
              {"month", "Monat der Sitzung"},
              {"kind", "Art der Sitzung"},
              {"language", "Sprache der Sitzung"},
              {"participants_total", "Zahl der erfassten Teilnehmenden (alle Rollen, auch unterdrückte)"},
              {"agenda_items", "Programmpunkte"},
              {"agenda_planned_minutes", "Summe der geplanten Zeiten, Minuten"},
              {"agenda_used_minutes", "Summe der gemessenen Zeiten, Minuten (abgerundet)"},
              {"retro_items", "Beiträge der Retrospektiven (alle Retrospektiven)"},
              {"retro_groups", "Gruppen der Retrospektiven"},
              {"actions", "Maßnahmen"},
              {"experiments", "Praxisexperimente"},
              {"cards", "Karten auf den Boards (alle Boards, auch archivierte)"},
              {"checkin_1", "Check-in-Skala: Antworten „1“ (erste Retrospektive)"},
              {"checkin_2", "Check-in-Skala: Antworten „2“"},
              {"checkin_3", "Check-in-Skala: Antworten „3“"},
              {"checkin_4", "Check-in-Skala: Antworten „4“"},
              {"checkin_5", "Check-in-Skala: Antworten „5“"},
              {"roti_1", "ROTI (Return on Time Invested, 1 = vergeudete Zeit, 5 = hervorragend): Antworten „1“ (erste Retrospektive)"},
              {"roti_2", "ROTI: Antworten „2“"},
              {"roti_3", "ROTI: Antworten „3“"},
              {"roti_4", "ROTI: Antworten „4“"},
              {"roti_5", "ROTI: Antworten „5“"},
              {"next_review_month", "Monat der nächsten Überprüfung oder Sitzung; leer, wenn nicht geplant"},
              {"title", "Titel der Sitzung"},
              {"goal", "Ziel der Sitzung"},
          }}},
        {"participation.csv",
         {"eine Zeile je Rollengruppe einer Sitzung (k-anonym, siehe oben)",
          {
              {"session", "die Sitzung"},
              {"role", "Hierarchieebene; `suppressed` = wegen k-Anonymität zusammengefasste Gruppen"},
              {"participants", "Zahl der Teilnehmenden der Gruppe (mindestens k, außer bei `suppressed`)"},
          }}},
        {"retro_items.csv",
         {"eine Zeile je Beitrag (Karte) einer Retrospektive",
          {
              {"session", "die Sitzung"},
              {"retrospective", "die Retrospektive"},
              {"item", "der Beitrag"},
              {"format", "Format der Retrospektive"},
              {"prompt", "die Frage, die der Beitrag beantwortet"},
              {"prompt_position", "Position der Frage im Format, ab 1; leer, wenn unbekannt"},
              {"group", "die Gruppe, in die er sortiert wurde; leer, wenn ohne Gruppe"},
              {"votes", "Punkte auf dem Beitrag selbst"},
              {"month", "Monat, in dem er geschrieben wurde; leer, wenn unbekannt"},
              {"hidden", "1 = noch verdeckt (nie im Raum aufgedeckt)"},
              {"text", "Text des Beitrags; leer bei verdeckten Beiträgen"},
              {"prompt_text", "die Frage"},
              {"group_title", "Titel der Gruppe"},
          }}},
        {"votes.csv",
         {"eine Zeile je Abstimmungsziel (jeder Beitrag und jede Gruppe, auch ohne Punkte)",
          {
              {"session", "die Sitzung"},
              {"retrospective", "die Retrospektive"},
              {"target_type", "worauf abgestimmt wurde"},
              {"target", "der Beitrag oder die Gruppe (dasselbe Pseudonym wie in retro_items.csv)"},
              {"votes", "Punkte; wer abgestimmt hat, wird nie erfasst"},
              {"budget_per_participant", "Punkte je Person"},
              {"per_item_limit", "höchstens Punkte je Ziel und Person; 0 = ohne Grenze"},
          }}},
        {"actions.csv",
         {"eine Zeile je Maßnahme",
          {
              {"session", "die Sitzung"},
              {"retrospective", "die Retrospektive, zu der sie gehört"},
              {"action", "die Maßnahme"},
              {"owner_role", "verantwortliche Rolle"},
              {"status", "Status am Ende der Sitzung"},
              {"due_month", "Monat der Fälligkeit; leer, wenn nicht gesetzt"},
              {"carried_over", "1 = aus einer früheren Sitzung übernommen"},
              {"carried_from_session", "die Sitzung, aus der sie übernommen wurde"},
              {"source", "Beitrag oder Gruppe der Retrospektive, aus der sie hervorging; leer, wenn keine"},
              {"card", "verknüpfte Karte; leer, wenn keine"},
              {"experiment", "verknüpftes Experiment; leer, wenn keines"},
              {"text", "die Maßnahme"},
              {"outcome", "was aus einer übernommenen Maßnahme wurde"},
          }}},
        {"experiments.csv",
         {"eine Zeile je Praxisexperiment und Sitzung (ein Experiment über eine Reihe hat eine Zeile je Sitzung)",
          {
              {"session", "die Sitzung"},
              {"experiment", "das Experiment (in allen Sitzungen einer Reihe dasselbe)"},
              {"origin_session", "die Sitzung, in der es angelegt wurde; leer, wenn nicht erfasst"},
              {"status", "Status"},
              {"result", "Ergebnis zur Hypothese"},
              {"evidence", "Stärke der Evidenz"},
              {"decision", "Entscheidung nach der Auswertung"},
              {"owner_role", "verantwortliche Rolle"},
              {"participant_roles", "beteiligte Rollen"},
              {"start_month", "Monat des Beginns; leer, wenn nicht gesetzt"},
              {"review_month", "Monat der Auswertung; leer, wenn nicht gesetzt"},
              {"observations", "erfasste Beobachtungen"},
              {"links", "Verknüpfungen zu Beiträgen, Maßnahmen oder Karten, aus denen es hervorging"},
              {"title", "Titel"},
              {"hypothesis", "Hypothese („Wir glauben, dass …“)"},
              {"method", "Vorgehen"},
              {"measure", "Messgröße"},
              {"success_criterion", "Erfolgskriterium"},
              {"learning", "Erkenntnis"},
              {"transfer_recommendation", "welche Einheiten es übernehmen könnten und was sie brauchen"},
          }}},
        {"experiment_observations.csv",
         {"eine Zeile je Beobachtung im Protokoll eines Experiments",
          {
              {"session", "die Sitzung, deren Datei die Beobachtung enthält"},
              {"experiment", "das Experiment"},
              {"observation", "die Beobachtung (dieselbe, wenn in spätere Sitzungen übernommen)"},
              {"month", "Monat der Beobachtung; leer, wenn nicht gesetzt"},
              {"text", "die Beobachtung"},
          }}},
        {"board_flow.csv",
         {"eine Zeile je Karte eines Boards",
          {
              {"session", "die Sitzung"},
              {"board", "das Board"},
              {"card", "die Karte"},
              {"column_kind", "Art der Spalte, in der sie steht"},
              {"column_position", "Position dieser Spalte auf dem Board, 1 = ganz links"},
              {"archived", "1 = archiviert"},
              {"owner_role", "verantwortliche Rolle"},
              {"created_month", "Monat, in dem sie angelegt wurde; leer, wenn unbekannt"},
              {"column_moves", "Zahl der Wechsel zwischen Spalten"},
              {"lead_time_days", "Durchlaufzeit: Anlage -> erster Eintritt in eine Erledigt-Spalte (2 Nachkommastellen); leer, wenn nie erledigt"},
              {"cycle_time_days", "Bearbeitungszeit: erster Eintritt in eine In-Arbeit-Spalte -> erster Eintritt in eine Erledigt-Spalte danach; leer, wenn nicht beides"},
              {"checklist_items", "Einträge der Checkliste"},
              {"checklist_done", "abgehakte Einträge der Checkliste"},
              {"title", "Titel der Karte"},
          }}},
    };
    return tables;
}

std::string germanType(const ColumnSpec& c) {
    switch (kindOf(c)) {
    case Kind::Pseudonym: return "Pseudonym";
    case Kind::Month: return "Monat `JJJJ-MM`";
    case Kind::Integer: return "ganze Zahl";
    case Kind::Boolean: return "`0` / `1`";
    case Kind::Text: return "Text (bereinigt)";
    case Kind::Days: return "Dezimalzahl, Tage";
    case Kind::Code:
        if (c.type == kRole)
            return "Rolle: `manager`, `employee`, `staff_council`, `facilitator`, `external`, `suppressed` oder leer";
        return std::string(c.type);
    case Kind::String: break;
    }
    if (c.name == "format") return "Maschinenname eines Formats der Lernraum-Bibliothek, z. B. `start-stop-continue`; `custom`; `other` = nicht in der Bibliothek";
    if (c.name == "participant_roles") return "durch `;` getrennte Rollen (wie owner_role)";
    return std::string(c.type);
}

// ---------------------------------------------------------------------------------------------
// JSON

std::string json(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (u < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else out += c;
    }
    return out + "\"";
}

std::string jsonList(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json(items[i]);
    return out + "]";
}

// Backticks of the codebook's Markdown are not wanted in a machine-readable description.
std::string plain(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c != '`') out += c;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// SPSS / Stata

ssize_t appendBytes(const void* data, size_t len, void* ctx) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), len);
    return static_cast<ssize_t>(len);
}

// At most maxBytes bytes, cut at a UTF-8 character boundary.
std::string cutUtf8(std::string_view s, std::size_t maxBytes) {
    if (s.size() <= maxBytes) return std::string(s);
    std::size_t n = maxBytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return std::string(s.substr(0, n));
}

std::optional<long long> toInt(std::string_view s) {
    long long v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc{} || r.ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<double> toDouble(std::string_view s) {
    double v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc{} || r.ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

void check(readstat_error_t error, std::string_view what) {
    if (error != READSTAT_OK) throw std::runtime_error(std::string(what) + ": " + readstat_error_message(error));
}

enum class StatFormat { Sav, Dta };

std::string writeStatFile(const TableSpec& spec, const std::vector<std::vector<std::string>>& rows, StatFormat format,
                          bool german, std::time_t timestamp) {
    const bool dta = format == StatFormat::Dta;
    // Stata: variable and value labels of at most 80 bytes, fixed strings up to 2045 bytes (longer: strL).
    const std::size_t labelBytes = dta ? 80 : 255;
    const auto& header = rows.front();
    std::vector<const ColumnSpec*> columns;
    for (const auto& name : header) {
        const auto it = std::find_if(spec.columns.begin(), spec.columns.end(), [&](const ColumnSpec& c) { return c.name == name; });
        if (it == spec.columns.end()) throw std::runtime_error(std::string(spec.file) + ": unknown column " + name);
        columns.push_back(&*it);
    }

    std::string out;
    readstat_writer_t* writer = readstat_writer_init();
    struct Free {
        readstat_writer_t* w;
        ~Free() { readstat_writer_free(w); }
    } freeWriter{writer};
    check(readstat_set_data_writer(writer, appendBytes), "readstat");
    if (dta) check(readstat_writer_set_file_format_version(writer, 118), "readstat"); // 118: UTF-8, strL
    const std::string fileLabel = cutUtf8(std::string("Lernraum research export: ") + stem(spec.file), dta ? 80 : 64);
    check(readstat_writer_set_file_label(writer, fileLabel.c_str()), "readstat");
    check(readstat_writer_set_file_timestamp(writer, timestamp), "readstat"); // never the clock

    std::vector<readstat_variable_t*> vars;
    std::vector<std::vector<std::string>> codes(columns.size());
    std::vector<bool> longString(columns.size(), false);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const ColumnSpec& c = *columns[i];
        const Kind kind = kindOf(c);
        readstat_variable_t* v = nullptr;
        if (kind == Kind::Integer || kind == Kind::Boolean || kind == Kind::Code) {
            v = readstat_add_variable(writer, std::string(c.name).c_str(), READSTAT_TYPE_INT32, 0);
            readstat_variable_set_measure(v, kind == Kind::Integer ? READSTAT_MEASURE_SCALE : READSTAT_MEASURE_NOMINAL);
            if (kind != Kind::Integer) {
                const std::string setName = std::string(c.name) + "_lbl";
                readstat_label_set_t* set = readstat_add_label_set(writer, READSTAT_TYPE_INT32, setName.c_str());
                if (kind == Kind::Boolean) {
                    readstat_label_int32_value(set, 0, german ? "nein" : "no");
                    readstat_label_int32_value(set, 1, german ? "ja" : "yes");
                } else {
                    codes[i] = codesOf(c.type);
                    for (std::size_t k = 0; k < codes[i].size(); ++k) {
                        const auto label = codeLabel(c.name, codes[i][k]);
                        const std::string text = label ? std::string(german ? label->de : label->en) + " (" + codes[i][k] + ")" : codes[i][k];
                        readstat_label_int32_value(set, static_cast<int32_t>(k + 1), cutUtf8(text, dta ? 80 : 120).c_str());
                    }
                }
                readstat_variable_set_label_set(v, set);
            }
        } else if (kind == Kind::Days) {
            v = readstat_add_variable(writer, std::string(c.name).c_str(), READSTAT_TYPE_DOUBLE, 0);
            readstat_variable_set_measure(v, READSTAT_MEASURE_SCALE);
            readstat_variable_set_format(v, dta ? "%9.2f" : "F9.2");
        } else {
            std::size_t width = 1;
            for (std::size_t r = 1; r < rows.size(); ++r) width = std::max(width, i < rows[r].size() ? rows[r][i].size() : 0);
            longString[i] = dta && width > 2045;
            v = readstat_add_variable(writer, std::string(c.name).c_str(), longString[i] ? READSTAT_TYPE_STRING_REF : READSTAT_TYPE_STRING,
                                      longString[i] ? 0 : width);
            readstat_variable_set_measure(v, READSTAT_MEASURE_NOMINAL);
        }
        std::string label = german ? std::string(germanMeaning(spec.file, c.name)) : std::string(c.meaning);
        if (label.empty()) label = std::string(c.meaning);
        label = cutUtf8(plain(label), labelBytes);
        readstat_variable_set_label(v, label.c_str());
        vars.push_back(v);
    }

    // strL values are added before writing begins (Stata stores them after the data).
    std::vector<std::vector<readstat_string_ref_t*>> refs(rows.size());
    for (std::size_t r = 1; r < rows.size(); ++r) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (longString[i]) refs[r].push_back(readstat_add_string_ref(writer, i < rows[r].size() ? rows[r][i].c_str() : ""));
            else refs[r].push_back(nullptr);
        }
    }

    const long rowCount = static_cast<long>(rows.size() - 1);
    check(dta ? readstat_begin_writing_dta(writer, &out, rowCount) : readstat_begin_writing_sav(writer, &out, rowCount),
          std::string(spec.file));
    for (std::size_t r = 1; r < rows.size(); ++r) {
        check(readstat_begin_row(writer), spec.file);
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const std::string cell = i < rows[r].size() ? rows[r][i] : std::string{};
            const Kind kind = kindOf(*columns[i]);
            readstat_error_t e = READSTAT_OK;
            if (kind == Kind::Integer || kind == Kind::Boolean) {
                const auto v = toInt(cell);
                e = v ? readstat_insert_int32_value(writer, vars[i], static_cast<int32_t>(*v)) : readstat_insert_missing_value(writer, vars[i]);
            } else if (kind == Kind::Code) {
                const auto it = std::find(codes[i].begin(), codes[i].end(), cell);
                e = it == codes[i].end() ? readstat_insert_missing_value(writer, vars[i])
                                         : readstat_insert_int32_value(writer, vars[i], static_cast<int32_t>(it - codes[i].begin() + 1));
            } else if (kind == Kind::Days) {
                const auto v = toDouble(cell);
                e = v ? readstat_insert_double_value(writer, vars[i], *v) : readstat_insert_missing_value(writer, vars[i]);
            } else if (longString[i]) {
                e = readstat_insert_string_ref(writer, vars[i], refs[r][i]);
            } else {
                e = readstat_insert_string_value(writer, vars[i], cell.c_str());
            }
            check(e, std::string(spec.file) + " " + std::string(columns[i]->name));
        }
        check(readstat_end_row(writer), spec.file);
    }
    check(readstat_end_writing(writer), spec.file);
    return out;
}

} // namespace

bool parseResearchFormats(std::string_view list, ResearchFormats& formats, std::string& unknown) {
    formats = {};
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t end = std::min(list.find(',', start), list.size());
        const std::string_view name = list.substr(start, end - start);
        if (name == "sav") formats.sav = true;
        else if (name == "dta") formats.dta = true;
        else if (name != "csv") {
            unknown = std::string(name);
            return false;
        }
        start = end + 1;
    }
    return true;
}

std::vector<std::vector<std::string>> parseCsv(std::string_view csv) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        any = true;
        if (c == '"') quoted = true;
        else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
            // the line end; '\n' follows
        } else if (c == '\n') {
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
            any = false;
        } else {
            field += c;
        }
    }
    if (any || !field.empty() || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string_view germanMeaning(std::string_view table, std::string_view column) {
    const auto& tables = germanTables();
    const auto t = tables.find(table);
    if (t == tables.end()) return {};
    const auto c = t->second.columns.find(column);
    return c == t->second.columns.end() ? std::string_view{} : c->second;
}

std::string dataPackageJson(const std::map<std::string, std::string>& tables, bool includeText) {
    std::string out = "{\n  \"profile\": \"tabular-data-package\",\n  \"name\": \"lernraum-research-export\",\n";
    out += "  \"title\": \"Lernraum research export\",\n";
    out += "  \"description\": \"Anonymized data of Lernraum workshops (pseudonyms, month dates, k-anonymous role groups). "
           "See codebook.md / codebook.de.md.\",\n";
    out += "  \"resources\": [\n";
    bool firstTable = true;
    for (const auto& spec : researchTables()) {
        const auto it = tables.find(std::string(spec.file));
        if (it == tables.end()) continue;
        out += firstTable ? "" : ",\n";
        firstTable = false;
        out += "    {\n      \"profile\": \"tabular-data-resource\",\n      \"name\": " + json(stem(spec.file)) +
               ",\n      \"path\": " + json(spec.file) + ",\n      \"description\": " + json("One row: " + plain(spec.rowMeaning)) +
               ",\n      \"format\": \"csv\",\n      \"mediatype\": \"text/csv\",\n      \"encoding\": \"utf-8\",\n"
               "      \"bytes\": " + std::to_string(it->second.size()) +
               ",\n      \"dialect\": {\"delimiter\": \",\", \"lineTerminator\": \"\\r\\n\", \"quoteChar\": \"\\\"\", "
               "\"doubleQuote\": true, \"header\": true},\n      \"schema\": {\n        \"fields\": [\n";
        const auto columns = presentColumns(spec, includeText);
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const ColumnSpec& c = *columns[i];
            std::string field = "          {\"name\": " + json(c.name);
            std::vector<std::string> constraints;
            const auto key = primaryKey(spec.file);
            if (std::find(key.begin(), key.end(), c.name) != key.end()) constraints.push_back("\"required\": true");
            switch (kindOf(c)) {
            case Kind::Pseudonym:
                field += ", \"type\": \"string\"";
                constraints.push_back("\"pattern\": \"[a-z]+-[0-9a-f]{16}\"");
                break;
            case Kind::Month: field += ", \"type\": \"yearmonth\""; break;
            case Kind::Integer: field += ", \"type\": \"integer\""; break;
            case Kind::Boolean: field += ", \"type\": \"boolean\", \"trueValues\": [\"1\"], \"falseValues\": [\"0\"]"; break;
            case Kind::Days: field += ", \"type\": \"number\", \"decimalChar\": \".\""; break;
            case Kind::Code:
                field += ", \"type\": \"string\"";
                constraints.push_back("\"enum\": " + jsonList(codesOf(c.type)));
                break;
            case Kind::Text:
            case Kind::String: field += ", \"type\": \"string\""; break;
            }
            if (!constraints.empty()) {
                field += ", \"constraints\": {";
                for (std::size_t k = 0; k < constraints.size(); ++k) field += (k ? ", " : "") + constraints[k];
                field += "}";
            }
            field += ", \"description\": " + json(plain(c.meaning));
            field += ", \"title\": " + json(plain(germanMeaning(spec.file, c.name)));
            field += "}";
            out += field + (i + 1 < columns.size() ? ",\n" : "\n");
        }
        out += "        ],\n        \"missingValues\": [\"\"],\n        \"primaryKey\": [";
        const auto key = primaryKey(spec.file);
        for (std::size_t i = 0; i < key.size(); ++i) out += (i ? ", " : "") + json(key[i]);
        out += "]";
        // Every table's workshop is a row of sessions.csv; an observation's experiment is a row of
        // experiments.csv of the same workshop.
        std::vector<std::string> foreign;
        if (spec.file != "sessions.csv")
            foreign.push_back("{\"fields\": [\"session\"], \"reference\": {\"resource\": \"sessions\", \"fields\": [\"session\"]}}");
        if (spec.file == "experiment_observations.csv")
            foreign.push_back("{\"fields\": [\"session\", \"experiment\"], \"reference\": {\"resource\": \"experiments\", "
                              "\"fields\": [\"session\", \"experiment\"]}}");
        if (!foreign.empty()) {
            out += ",\n        \"foreignKeys\": [\n";
            for (std::size_t i = 0; i < foreign.size(); ++i) out += "          " + foreign[i] + (i + 1 < foreign.size() ? ",\n" : "\n");
            out += "        ]";
        }
        out += "\n      }\n    }";
    }
    out += "\n  ]\n}\n";
    return out;
}

std::map<std::string, std::string> statisticsFiles(const std::map<std::string, std::string>& tables, const ResearchFormats& formats) {
    std::map<std::string, std::string> files;
    if (!formats.sav && !formats.dta) return files;
    // The files' creation time: noon UTC on the first day of the latest workshop month (the same
    // data give the same bytes; the date is the 1st in every time zone from UTC-11 to UTC+11).
    std::time_t timestamp = 0;
    if (const auto it = tables.find("sessions.csv"); it != tables.end()) {
        const auto rows = parseCsv(it->second);
        std::string latest;
        const auto col = rows.empty() ? std::vector<std::string>::const_iterator{} : std::find(rows[0].begin(), rows[0].end(), "month");
        if (!rows.empty() && col != rows[0].end()) {
            const auto index = static_cast<std::size_t>(col - rows[0].cbegin());
            for (std::size_t r = 1; r < rows.size(); ++r)
                if (index < rows[r].size()) latest = std::max(latest, rows[r][index]);
        }
        int year = 0, month = 0;
        if (latest.size() == 7 && std::sscanf(latest.c_str(), "%4d-%2d", &year, &month) == 2 && month >= 1 && month <= 12) {
            // Days since 1970-01-01 (civil-from-days inverse, H. Hinnant).
            const int y = month <= 2 ? year - 1 : year;
            const int era = (y >= 0 ? y : y - 399) / 400;
            const int yoe = y - era * 400;
            const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5;
            const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            const long long days = static_cast<long long>(era) * 146097 + doe - 719468;
            timestamp = static_cast<std::time_t>(days * 86400 + 12 * 3600);
        }
    }
    for (const auto& spec : researchTables()) {
        const auto it = tables.find(std::string(spec.file));
        if (it == tables.end()) continue;
        const auto rows = parseCsv(it->second);
        if (rows.empty()) continue;
        const std::string name = stem(spec.file);
        for (const bool german : {false, true}) {
            const std::string suffix = german ? ".de" : "";
            if (formats.sav) files[name + suffix + ".sav"] = writeStatFile(spec, rows, StatFormat::Sav, german, timestamp);
            if (formats.dta) files[name + suffix + ".dta"] = writeStatFile(spec, rows, StatFormat::Dta, german, timestamp);
        }
    }
    return files;
}

std::string codebookMarkdownGerman(bool includeText) {
    std::string out;
    out += "# Lernraum-Forschungsexport – Codebuch\n\n";
    out += "Erzeugt mit `lernraum export-research`. Diese Datei beschreibt jede Tabelle und jede Spalte des Exports; "
           "`codebook.md` ist dieselbe Beschreibung auf Englisch (maßgeblich bei Abweichungen).\n\n";
    out += "## Dateien und Format\n\n";
    out += "- Je Tabelle eine CSV-Datei nach RFC 4180: UTF-8 ohne Byte-Order-Mark, eine Kopfzeile, Felder durch Kommas "
           "getrennt, ein Feld mit Komma, Anführungszeichen, CR oder LF steht in doppelten Anführungszeichen (ein "
           "Anführungszeichen darin wird verdoppelt). Zeilenenden CRLF; ein Zeilenumbruch in einem Textfeld ist ein "
           "einzelnes LF.\n";
    out += "- Ein leeres Feld bedeutet „nicht erfasst / nicht zutreffend“. Dezimalzahlen mit Punkt (`1.50`).\n";
    out += "- `datapackage.json`: Frictionless Data Package mit Table Schema je Tabelle (Typen, Formate, fehlende "
           "Werte, Primär- und Fremdschlüssel), für R (`frictionless`), Python (`frictionless`, pandas) und DuckDB.\n";
    out += "- Mit `--formats sav` / `--formats dta`: je Tabelle eine SPSS-Datei (`.sav`) bzw. Stata-Datei (`.dta`, "
           "Version 118) mit Variablen- und Wertelabels, `NAME.sav` mit englischen, `NAME.de.sav` mit deutschen "
           "Labels. Codes geschlossener Listen (Rolle, Status, Entscheidung …) sind dort ganze Zahlen (1, 2, … in der "
           "Reihenfolge der Liste unten) mit Wertelabels; `0`/`1`-Spalten tragen die Labels nein/ja; leere Felder sind "
           "fehlende Werte (system-missing). Texte sind Zeichenketten; Stata speichert Texte über 2045 Byte als `strL`. "
           "Labels sind in Stata auf 80 Byte gekürzt.\n";
    out += "- `manifest.json`: Werkzeug- und Schemaversion, k, ob Freitext enthalten ist, wie viele Sitzungen "
           "exportiert und übersprungen wurden, und die SHA-256 jeder Datei.\n";
    out += "- Reihenfolge der Zeilen: Sitzungen nach Monat, dann Pseudonym; innerhalb einer Sitzung in der Reihenfolge "
           "der Sitzungsdatei.\n\n";
    out += "## Schutz der Identität\n\n";
    out += "- **Einwilligung:** Nur Sitzungen mit erfasster Einwilligung zur Forschung werden exportiert.\n";
    out += "- **Pseudonyme:** Jede Kennung wird durch einen Hash mit Schlüssel ersetzt (BLAKE2b mit Schlüssel, 64 Bit, "
           "libsodium), geschrieben als `<Art>-<16 Hex-Ziffern>`. Dasselbe Objekt hat in jeder Tabelle und in jedem mit "
           "derselben Schlüsseldatei erstellten Export dasselbe Pseudonym. Der Schlüssel bleibt bei der Moderation; ohne "
           "ihn lassen sich Pseudonyme weder umkehren noch nachrechnen. Lernraum-Name und Organisationseinheit werden "
           "ebenso pseudonymisiert; ihre Namen werden nie exportiert.\n";
    out += "- **Daten** sind auf den Monat vergröbert (`JJJJ-MM`); Dauern (Durchlauf- und Bearbeitungszeit) bleiben in "
           "Tagen.\n";
    out += "- **Teilnehmende** erscheinen nur als Anzahl je Rolle (Hierarchieebene). Namen und Abteilungen werden nie "
           "exportiert, ebenso wenig, wer einen Beitrag geschrieben oder wer abgestimmt hat.\n";
    out += "- **k-Anonymität:** Je Sitzung wird jede Rollengruppe mit weniger als k Teilnehmenden (k in "
           "`manifest.json`, Standard 5) in eine Zeile `suppressed` zusammengefasst; ist nur eine Gruppe kleiner als k, "
           "wird die kleinste andere Gruppe mit zusammengefasst. Wo eine Rolle in den Zeilen dieser Sitzung erscheint, "
           "steht für eine zusammengefasste Rolle ebenfalls `suppressed`.\n";
    out += "- **Freitext** (Spalten mit *Text*) ist nur enthalten, wenn mit `--include-text` exportiert wurde. Er wird "
           "dann mit den Namen aller Sitzungen des Exports bereinigt: Namen werden zu `[NAME]`, Organisationseinheit und "
           "Abteilungen zu `[ORG]`, der Lernraum-Name zu `[LERNRAUM]`, E-Mail-Adressen zu `[EMAIL]`, Telefonnummern zu "
           "`[PHONE]` und URLs zu `[URL]`. Ein Text, der mit `=`, `+`, `-` oder `@` beginnt, erhält ein führendes `'`, "
           "damit Tabellenkalkulationen ihn nicht als Formel ausführen (auch in `.sav`/`.dta`). Die Bereinigung ist "
           "automatisch: Vor einer Weitergabe Stichproben lesen.\n\n";
    out += "Dieser Export ";
    out += includeText ? "**enthält** die Freitext-Spalten (bereinigt).\n\n"
                       : "enthält die Freitext-Spalten **nicht**; sie sind unten nur zur Übersicht aufgeführt.\n\n";
    out += "## Tabellen\n";
    for (const auto& spec : researchTables()) {
        const auto& german = germanTables();
        const auto t = german.find(spec.file);
        out += "\n### `" + std::string(spec.file) + "`\n\n";
        std::string rowMeaning(t == german.end() ? spec.rowMeaning : t->second.rowMeaning);
        if (rowMeaning.starts_with("eine ")) rowMeaning[0] = 'E';
        out += rowMeaning + ".\n\n";
        const auto key = primaryKey(spec.file);
        if (!key.empty()) {
            out += "Primärschlüssel: ";
            for (std::size_t i = 0; i < key.size(); ++i) out += (i ? ", `" : "`") + std::string(key[i]) + "`";
            out += ".\n\n";
        }
        out += "| Spalte | Typ / erlaubte Werte | Bedeutung |\n|---|---|---|\n";
        for (const auto& c : spec.columns) {
            std::string name = "`" + std::string(c.name) + "`";
            if (c.text) name += includeText ? " *Text*" : " *Text, nicht in diesem Export*";
            std::string type = germanType(c);
            if (kindOf(c) == Kind::Code) {
                type.clear();
                for (const auto& code : codesOf(c.type)) {
                    const auto label = codeLabel(c.name, code);
                    type += (type.empty() ? "" : ", ") + ("`" + code + "`") + (label ? " (" + std::string(label->de) + ")" : "");
                }
                if (c.type == kRole) type = "Rolle: " + type + " oder leer";
            }
            const std::string_view meaning = germanMeaning(spec.file, c.name);
            out += "| " + name + " | " + type + " | " + std::string(meaning.empty() ? c.meaning : meaning) + " |\n";
        }
    }
    return out;
}

} // namespace lernraum::report
