#include "generate.hpp"

#include "ids.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

namespace lernraum::core {

namespace {

// Building blocks for text. Together they cover umlauts and ß, typographic and plain quotes,
// backslashes, tabs, newlines (LF and CRLF), emoji (incl. ZWJ sequences and skin tones), CJK,
// Greek, HTML/JSON-like characters and leading/trailing whitespace.
constexpr std::array<std::string_view, 24> kPhrases{
    "Telefonsprechstunde für Bürgerinnen und Bürger",
    "Kernzeiten im Team abstimmen – „Wer ist wann erreichbar?“",
    "Übergabe zwischen Früh- und Spätdienst 🚀",
    "Ablage unter C:\\Daten\\Lernraum\\Sprint 2\\",
    "Zitat: \"Vertrauen statt Kontrolle\" – so die Amtsleitung",
    "Zwei Zeilen:\nerste Zeile\nzweite Zeile",
    "Tab\tgetrennt; Zeilenumbruch\nEnde",
    "Größenordnung: ½ Stelle, 25 % Teilzeit, 3,50 € Porto",
    "Émile, Søren & Zoë – Namen mit Akzenten",
    "日本語のテキスト und Ελληνικά zum Testen",
    "Emoji 👍🏽 👩‍💻 ✅ 🎉",
    "<b>kein HTML</b> & 'einfache' Anführungszeichen",
    "Straße, Maß, Öffnungszeiten, Übergänge, Ärger",
    "Sonderzeichen: {\"json\": [1, 2]}, #hashtag, 100%, $HOME, ~/x",
    "Videokonferenz-Etikette: Kamera an? 🎥",
    "Dienstvereinbarung mobiles Arbeiten (DV mobA)",
    "Teams-Kanal statt E-Mail-Verteiler",
    "  führende und folgende Leerzeichen  ",
    "Rückruf innerhalb von 24 h … meistens",
    "Leitfaden „Führung auf Distanz“, Version 0.3",
    "Personalrat früh einbinden – nicht erst am Ende",
    "Quote ‚innen‘ und »außen« und 'ASCII'",
    "Backslash am Ende \\",
    "Bürgerbüro Außenstelle Nord: Termine nur nach Vereinbarung",
};

constexpr std::array<std::string_view, 10> kTags{"Vertrauen", "Erreichbarkeit", "Tools", "Meetings", "Dienstvereinbarung",
                                                 "Onboarding", "Führung", "Kommunikation", "Gesundheit 💚", "IT \"Basis\""};

constexpr std::array<std::string_view, 8> kDepartments{
    "Amt 10 – Personal und Organisation", "Amt 32 – Ordnung", "Jobcenter", "Straßenverkehrsamt",
    "Gesundheitsamt", "Bauaufsicht", "Kämmerei", "Stabsstelle Digitalisierung"};

constexpr std::array<std::string_view, 6> kFormats{"gut-verbessern-ausprobieren", "start-stop-continue", "4l",
                                                   "mad-sad-glad", "seestern", "custom"};

// Deterministic, platform-independent pseudo random numbers (splitmix64). std::uniform_int_distribution
// differs between standard libraries, so it is not used.
class Random {
public:
    explicit Random(std::uint64_t seed) : m_state(seed ^ 0x6a09e667f3bcc909ULL) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); } // inclusive
    bool chance(int percent) { return below(100) < percent; }

private:
    std::uint64_t m_state;
};

class Generator {
public:
    explicit Generator(const GenerateOptions& o) : m_options(o), m_ids(o.seed), m_random(o.seed) {}

    Session run() {
        Session s;
        makeSessionFields(s);
        makeParticipants(s);
        makeAgenda(s);
        makeBoards(s);
        // Experiment ids first, so that actions can point at experiments that are built later.
        const int experiments = std::max(0, m_options.experiments);
        for (int i = 0; i < experiments; ++i) m_experimentIds.push_back(id("exp"));
        makeRetrospectives(s);
        makeExperiments(s);
        return s;
    }

private:
    const GenerateOptions& m_options;
    IdGenerator m_ids;
    Random m_random;
    std::unordered_set<Id> m_usedIds;
    std::vector<Id> m_participantIds, m_cardIds, m_linkableIds, m_experimentIds;
    Id m_sessionId, m_previousSessionId;
    Date m_date;
    std::uint64_t m_textCounter = 0, m_observationCounter = 0, m_linkCounter = 0;

    Id id(std::string_view prefix) {
        for (;;) {
            Id candidate = m_ids.next(prefix);
            if (m_usedIds.insert(candidate).second) return candidate;
        }
    }

    // Non-empty text (after trimming): one or two phrases and a running number, sometimes long.
    std::string text(std::string_view what, int longPercent = 0) {
        std::string out(what);
        out += ' ';
        out += std::to_string(++m_textCounter);
        out += ": ";
        out += kPhrases[static_cast<std::size_t>(m_random.below(kPhrases.size()))];
        if (m_random.chance(30)) {
            out += m_random.chance(50) ? " / " : "\n";
            out += kPhrases[static_cast<std::size_t>(m_random.below(kPhrases.size()))];
        }
        if (longPercent > 0 && m_random.chance(longPercent)) {
            const int repeats = m_random.between(20, 80);
            for (int i = 0; i < repeats; ++i) {
                out += (i % 7 == 6) ? "\n\n" : " ";
                out += kPhrases[static_cast<std::size_t>((i + m_textCounter) % kPhrases.size())];
            }
        }
        return out;
    }

    // Optional text: empty in about `emptyPercent` % of the cases.
    std::string maybeText(std::string_view what, int emptyPercent, int longPercent = 0) {
        if (m_random.chance(emptyPercent)) return {};
        return text(what, longPercent);
    }

    template <typename E> E anyEnum() { return static_cast<E>(m_random.below(static_cast<int>(E::Count))); }
    // Cycles through every value by index, so small sessions still see every value.
    template <typename E> static E cycleEnum(int i) { return static_cast<E>(i % static_cast<int>(E::Count)); }

    std::optional<Role> maybeRole(int i) {
        if (i % 6 == 5) return std::nullopt;
        return cycleEnum<Role>(i + m_random.below(2));
    }

    Date maybeDate(int emptyPercent, int fromDays, int toDays) {
        if (m_random.chance(emptyPercent)) return {};
        return m_date.addDays(m_random.between(fromDays, toDays));
    }

    Timestamp sessionStart() const {
        return Timestamp{static_cast<std::int64_t>(m_date.daysSinceEpoch()) * 86400 + 9 * 3600};
    }

    void makeSessionFields(Session& s) {
        const auto seed = m_options.seed;
        m_sessionId = id("session");
        s.id = m_sessionId;
        m_date = Date{2024, 1, 1}.addDays(static_cast<int>(seed % 1200));
        s.date = m_date;
        s.title = text("Sitzung");
        s.lernraum = maybeText("Lernraum", 20);
        s.orgUnit = maybeText("Organisationseinheit", 20);
        s.kind = static_cast<SessionKind>(seed % static_cast<std::uint64_t>(SessionKind::Count));
        s.language = (seed % 3 == 2) ? "en" : "de";
        s.facilitator = maybeText("Moderation", 20);
        s.goal = maybeText("Ziel", 20, 10);
        s.researchConsent = (seed % 2) == 1;
        if (seed % 4 != 0) m_previousSessionId = id("session");
        s.previousSessionId = m_previousSessionId;
        s.nextReview = (seed % 5 == 1) ? Date{} : m_date.addDays(m_random.between(14, 42));
    }

    void makeParticipants(Session& s) {
        const int n = std::max(0, m_options.participants);
        s.participants.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            Participant p;
            p.id = id("person");
            p.displayName = maybeText("Person", 25);
            p.role = cycleEnum<Role>(i);
            if (!m_random.chance(30)) p.department = kDepartments[static_cast<std::size_t>(m_random.below(kDepartments.size()))];
            m_participantIds.push_back(p.id);
            s.participants.push_back(std::move(p));
        }
    }

    void makeAgenda(Session& s) {
        const int n = std::max(0, m_options.agendaItems);
        for (int i = 0; i < n; ++i) {
            AgendaItem a;
            a.id = id("agenda");
            a.title = text("Tagesordnungspunkt");
            a.description = maybeText("Beschreibung", 40);
            a.phase = cycleEnum<Phase>(i);
            a.timeboxMinutes = m_random.chance(10) ? 0 : m_random.between(5, 60);
            a.done = i < n / 2;
            a.usedSeconds = a.done ? m_random.between(60, 4000) : (m_random.chance(30) ? m_random.between(1, 300) : 0);
            if (m_random.chance(50)) a.activityId = "activity-" + std::to_string(m_random.between(1, 40));
            s.agenda.push_back(std::move(a));
        }
    }

    void makeBoards(Session& s) {
        const int cards = std::max(0, m_options.cards);
        int boards = std::max(0, m_options.boards);
        if (cards > 0 && boards == 0) boards = 1;
        m_cardIds.reserve(static_cast<std::size_t>(cards));
        for (int b = 0; b < boards; ++b) {
            const int share = cards / boards + (b < cards % boards ? 1 : 0);
            s.boards.push_back(makeBoard(b, share));
        }
    }

    Board makeBoard(int index, int cardCount) {
        Board b;
        b.id = id("board");
        b.title = text("Board");
        // Column layout: at least one of every kind; WIP limits and both WIP modes in the middle.
        const int columns = 3 + m_random.below(3);
        for (int c = 0; c < columns; ++c) {
            Column col;
            col.id = id("col");
            col.title = text("Spalte");
            col.kind = c == 0 ? ColumnKind::Todo : (c == columns - 1 ? ColumnKind::Done : (c == 1 && columns > 3 ? ColumnKind::Todo : ColumnKind::InProgress));
            if (col.kind == ColumnKind::InProgress || m_random.chance(20)) {
                col.wipLimit = m_random.between(0, 8);
                // The first "in progress" column is hard, so every board has both WIP modes.
                const bool firstInProgress = col.kind == ColumnKind::InProgress && c == (columns > 3 ? 2 : 1);
                col.wipMode = firstInProgress ? WipMode::Hard : cycleEnum<WipMode>(c + index);
            }
            b.columns.push_back(std::move(col));
        }
        if (index % 2 == 0) {
            const int lanes = 2 + m_random.below(2);
            for (int l = 0; l < lanes; ++l) b.lanes.push_back(Lane{id("lane"), text("Schwimmbahn")});
        }
        b.cards.reserve(static_cast<std::size_t>(cardCount));
        for (int i = 0; i < cardCount; ++i) b.cards.push_back(makeCard(b, static_cast<int>(m_cardIds.size())));
        return b;
    }

    Card makeCard(const Board& b, int i) {
        Card c;
        c.id = id("card");
        c.title = text("Karte");
        c.description = maybeText("Beschreibung", 35, 2);
        c.ownerRole = maybeRole(i);
        const int tags = m_random.below(4);
        for (int t = 0; t < tags; ++t) c.tags.emplace_back(kTags[static_cast<std::size_t>(m_random.below(kTags.size()))]);
        c.colour = cycleEnum<CardColour>(i);
        c.due = maybeDate(40, -20, 40);
        const int checklist = m_random.chance(60) ? 0 : m_random.between(1, 4);
        for (int k = 0; k < checklist; ++k) c.checklist.push_back(ChecklistItem{id("check"), text("Schritt"), m_random.chance(50)});
        const int columns = static_cast<int>(b.columns.size());
        c.columnId = b.columns[static_cast<std::size_t>(m_random.below(columns))].id;
        if (!b.lanes.empty() && !m_random.chance(20)) c.laneId = b.lanes[static_cast<std::size_t>(m_random.below(static_cast<int>(b.lanes.size())))].id;
        c.archived = i % 13 == 12;
        // History over the weeks before the session; ends in the current column; timestamps
        // non-decreasing (equal ones happen when a card is moved twice within a second).
        if (!m_random.chance(10)) {
            const int visits = m_random.between(1, 5);
            std::int64_t t = sessionStart().seconds - 42LL * 86400 + m_random.between(0, 30 * 86400);
            for (int v = 0; v < visits; ++v) {
                const bool last = v == visits - 1;
                const Id& column = last ? c.columnId : b.columns[static_cast<std::size_t>(m_random.below(columns))].id;
                c.history.push_back(ColumnVisit{column, Timestamp{t}});
                t += m_random.chance(10) ? 0 : m_random.between(60, 3 * 86400);
            }
            c.createdAt = c.history.front().enteredAt;
        } else if (m_random.chance(50)) {
            c.createdAt = Timestamp{sessionStart().seconds - m_random.between(3600, 20 * 86400)};
        }
        m_cardIds.push_back(c.id);
        m_linkableIds.push_back(c.id);
        return c;
    }

    void makeRetrospectives(Session& s) {
        const int items = std::max(0, m_options.retroItems);
        int retros = std::max(0, m_options.retrospectives);
        if (items > 0 && retros == 0) retros = 1;
        for (int r = 0; r < retros; ++r) {
            const int share = items / retros + (r < items % retros ? 1 : 0);
            s.retrospectives.push_back(makeRetrospective(r, share));
        }
    }

    ScaleQuestion scale(std::string_view what) {
        ScaleQuestion q;
        if (!m_random.chance(15)) q.question = text(what);
        for (auto& n : q.counts) n = m_random.chance(20) ? 0 : m_random.between(0, 9);
        return q;
    }

    Retrospective makeRetrospective(int index, int itemCount) {
        Retrospective r;
        r.id = id("retro");
        r.title = maybeText("Retrospektive", 15);
        r.formatId = std::string(kFormats[static_cast<std::size_t>((index + m_options.seed) % kFormats.size())]);
        if (m_random.chance(10)) r.formatId.clear();
        r.phase = static_cast<Phase>((index + m_options.seed) % static_cast<std::uint64_t>(Phase::Count));
        const int prompts = m_random.between(1, 5);
        for (int p = 0; p < prompts; ++p) r.prompts.push_back(Prompt{id("prompt"), text("Frage")});
        const int groups = itemCount == 0 ? 0 : std::min(itemCount, m_random.between(0, 5));
        for (int g = 0; g < groups; ++g) {
            r.groups.push_back(RetroGroup{id("group"), text("Gruppe"), m_random.chance(30) ? 0 : m_random.between(1, 12)});
            m_linkableIds.push_back(r.groups.back().id);
        }
        std::vector<Id> sources;
        for (const auto& g : r.groups) sources.push_back(g.id);
        for (int i = 0; i < itemCount; ++i) {
            RetroItem item;
            item.id = id("item");
            item.promptId = r.prompts[static_cast<std::size_t>(m_random.below(prompts))].id;
            item.text = text("Beitrag", 3);
            if (!m_participantIds.empty() && m_random.chance(25))
                item.authorId = m_participantIds[static_cast<std::size_t>(m_random.below(static_cast<int>(m_participantIds.size())))];
            item.hidden = m_random.chance(15);
            if (groups > 0 && m_random.chance(50)) item.groupId = r.groups[static_cast<std::size_t>(m_random.below(groups))].id;
            item.votes = m_random.chance(50) ? 0 : m_random.between(1, 9);
            if (!m_random.chance(10)) item.createdAt = Timestamp{sessionStart().seconds + m_random.between(0, 3 * 3600)};
            sources.push_back(item.id);
            m_linkableIds.push_back(item.id);
            r.items.push_back(std::move(item));
        }
        const int actions = std::max(0, m_options.actions);
        for (int a = 0; a < actions; ++a) {
            Action act;
            act.id = id("action");
            act.text = text("Maßnahme", 5);
            act.ownerRole = maybeRole(a + index);
            act.due = maybeDate(25, -10, 60);
            act.status = cycleEnum<ActionStatus>(a + index);
            if (!sources.empty() && m_random.chance(70))
                act.sourceId = sources[static_cast<std::size_t>(m_random.below(static_cast<int>(sources.size())))];
            if (!m_cardIds.empty() && m_random.chance(50))
                act.cardId = m_cardIds[static_cast<std::size_t>(m_random.below(static_cast<int>(m_cardIds.size())))];
            if (!m_experimentIds.empty() && m_random.chance(40))
                act.experimentId = m_experimentIds[static_cast<std::size_t>(m_random.below(static_cast<int>(m_experimentIds.size())))];
            if (a % 3 == 2) {
                act.carriedFromSessionId = m_previousSessionId.empty() ? id("session") : m_previousSessionId;
                act.outcome = maybeText("Ergebnis", 30);
            }
            r.actions.push_back(std::move(act));
        }
        for (const auto& a : r.actions) m_linkableIds.push_back(a.id);
        r.voting.budgetPerParticipant = m_random.between(0, 7);
        r.voting.perItemLimit = m_random.chance(50) ? 0 : m_random.between(1, 3);
        r.voting.hiddenUntilClosed = m_random.chance(50);
        r.voting.open = m_random.chance(50);
        r.checkIn = scale("Stimmung");
        r.roti = scale("ROTI");
        return r;
    }

    void makeExperiments(Session& s) {
        const int n = static_cast<int>(m_experimentIds.size());
        // Enum values cycle with the index (so any 4 consecutive experiments cover every value) but
        // start at a seed-dependent offset so that combinations differ between sessions.
        const int offset = static_cast<int>(m_options.seed % 7);
        for (int i = 0; i < n; ++i) {
            Experiment e;
            e.id = m_experimentIds[static_cast<std::size_t>(i)];
            e.title = text("Experiment");
            e.hypothesis = m_random.chance(10) ? std::string{} : "Wir glauben, dass " + text("Hypothese", 3);
            e.method = maybeText("Methode", 15, 3);
            e.measure = maybeText("Messgröße", 15);
            e.successCriterion = maybeText("Erfolgskriterium", 15);
            e.ownerRole = maybeRole(i);
            for (int r = 0; r < static_cast<int>(Role::Count); ++r)
                if (m_random.chance(50)) e.participantRoles.push_back(static_cast<Role>(r));
            e.startDate = maybeDate(20, -40, 10);
            e.reviewDate = e.startDate.isSet() ? e.startDate.addDays(m_random.between(14, 56)) : maybeDate(50, 0, 30);
            e.status = cycleEnum<ExperimentStatus>(i);
            const int observations = m_random.chance(35) ? 0 : m_random.between(1, 4);
            Date observed = e.startDate.isSet() ? e.startDate : m_date.addDays(-20);
            for (int o = 0; o < observations; ++o) {
                observed = observed.addDays(m_random.between(1, 7));
                // Every fifth observation (counted over the session) is undated, e.g. imported from notes.
                const bool undated = ++m_observationCounter % 5 == 0;
                e.observations.push_back(Observation{id("obs"), undated ? Date{} : observed, text("Beobachtung", 3)});
            }
            e.result = cycleEnum<ExperimentResult>(i + offset);
            e.evidence = cycleEnum<EvidenceStrength>(i + 1 + offset);
            e.learning = maybeText("Erkenntnis", 30, 3);
            e.decision = cycleEnum<Decision>(i + 3 * offset);
            e.transferRecommendation = maybeText("Transferempfehlung", 50);
            const int links = m_random.below(4);
            for (int l = 0; l < links; ++l) {
                Link link;
                const int kind = static_cast<int>(m_linkCounter++ % 4);
                if (kind == 0 || m_linkableIds.empty()) { // an object of an earlier workshop
                    link.targetId = id(m_random.chance(50) ? "item" : "card");
                    link.sessionId = m_previousSessionId.empty() ? id("session") : m_previousSessionId;
                } else {
                    link.targetId = m_linkableIds[static_cast<std::size_t>(m_random.below(static_cast<int>(m_linkableIds.size())))];
                    if (kind == 1) link.sessionId = m_sessionId; // explicit own session is allowed too
                }
                link.label = maybeText("Verweis", 20);
                e.links.push_back(std::move(link));
            }
            const int origin = m_random.below(3);
            e.originSessionId = origin == 0 ? Id{} : (origin == 1 || m_previousSessionId.empty() ? m_sessionId : m_previousSessionId);
            s.experiments.push_back(std::move(e));
        }
    }
};

} // namespace

Session generateSession(const GenerateOptions& options) { return Generator{options}.run(); }

} // namespace lernraum::core
