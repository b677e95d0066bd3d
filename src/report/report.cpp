// The transfer report's content, written once against the Document interface.
#include "report.hpp"

#include "core/flow.hpp"
#include "core/text.hpp"
#include "document.hpp"
#include "research_export.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace lernraum::report {

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;
using Rows = std::vector<std::vector<std::string>>;

class ReportWriter {
public:
    ReportWriter(const ReportOptions& o, Document& doc) : m_o(o), m_t(stringsFor(o.language)), m_doc(doc) {}

    std::string run(std::vector<core::Session> series) {
        if (!m_o.includeNames) {
            // Names of everyone recorded in any session of the report, e-mail addresses and phone
            // numbers leave free text; org unit, Lernraum and links stay (the report names them).
            ScrubList list;
            for (const auto& s : series) {
                for (const auto& p : s.participants) {
                    if (!core::trim(p.displayName).empty()) list.names.push_back(p.displayName);
                }
                if (!core::trim(s.facilitator).empty()) list.names.push_back(s.facilitator);
            }
            list.urls = false;
            m_scrub.emplace(list);
        }
        std::stable_sort(series.begin(), series.end(), [](const core::Session& a, const core::Session& b) {
            return std::tie(a.date, a.id) < std::tie(b.date, b.id);
        });
        core::Date asOf;
        for (const auto& s : series) asOf = std::max(asOf, s.date);
        const std::string asOfText = std::string(m_t.asOf) + ": " + (asOf.isSet() ? date(asOf) : std::string(m_t.notSet));

        if (series.size() == 1) {
            const auto& s = series.front();
            std::string subtitle;
            for (const std::string& part : {s.lernraum, s.orgUnit, std::string(label(lang(), s.kind)), date(s.date)}) {
                if (part.empty()) continue;
                if (!subtitle.empty()) subtitle += " · ";
                subtitle += part;
            }
            m_doc.title(std::string(m_t.reportTitle) + ": " + (s.title.empty() ? std::string(m_t.workshop) : txt(s.title)), subtitle);
            headerFields();
            if (m_o.includeNames) m_doc.note(m_t.privacyNamesShown);
            sessionSections(s, 2);
        } else {
            std::string lernraum;
            for (const auto& s : series) {
                if (lernraum.empty()) lernraum = s.lernraum;
            }
            std::string subtitle = std::to_string(series.size()) + " × " + std::string(m_t.workshop);
            if (!series.empty()) subtitle += " · " + date(series.front().date) + " – " + date(series.back().date);
            m_doc.title(std::string(m_t.seriesTitle) + (lernraum.empty() ? "" : ": " + lernraum), subtitle);
            headerFields();
            if (m_o.includeNames) m_doc.note(m_t.privacyNamesShown);
            if (!series.empty()) {
                seriesOverview(series);
                experimentDevelopment(series);
            }
            for (const auto& s : series) {
                m_doc.heading(2, date(s.date) + " – " + (s.title.empty() ? std::string(label(lang(), s.kind)) : txt(s.title)));
                sessionSections(s, 3);
            }
        }
        m_doc.heading(2, m_t.privacy);
        m_doc.paragraph(m_scrub ? std::string(m_t.privacyText) + " " + std::string(m_t.privacyScrubbed) : std::string(m_t.privacyText));
        return m_doc.finish(std::string(m_t.generatedBy) + " · " + asOfText);
    }

private:
    const ReportOptions& m_o;
    const Strings& m_t;
    Document& m_doc;
    std::optional<Scrubber> m_scrub; // free text without names (unless includeNames)

    // Organisation, file number, author, status: typed by the user for this report, shown as given.
    void headerFields() {
        const auto& h = m_o.header;
        Fields f;
        if (!h.organisation.empty()) f.emplace_back(m_t.organisation, h.organisation);
        if (!h.fileNumber.empty()) f.emplace_back(m_t.fileNumber, h.fileNumber);
        if (!h.author.empty()) f.emplace_back(m_t.author, h.author);
        if (!h.status.empty()) f.emplace_back(m_t.documentStatus, h.status);
        if (!f.empty()) m_doc.fields(f);
    }

    // Free text written by people in the room.
    [[nodiscard]] std::string txt(const std::string& s) const { return m_scrub && !s.empty() ? (*m_scrub)(s) : s; }

    static int clampInt(long long v) {
        return static_cast<int>(std::clamp<long long>(v, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
    }

    [[nodiscard]] std::string formatName(const std::string& id) const {
        if (m_o.library) {
            if (const auto* f = m_o.library->format(id)) return f->name.in(lang() == Language::German ? "de" : "en");
        }
        if (id == "custom") return std::string(m_t.customFormat);
        return txt(id);
    }

    [[nodiscard]] Language lang() const { return m_o.language; }

    [[nodiscard]] ChartTableText chartTable(std::string_view labelHeader, std::string_view valueHeader) const {
        return {std::string(m_t.chartData), std::string(labelHeader), std::string(valueHeader)};
    }

    [[nodiscard]] std::string date(const core::Date& d) const {
        if (!d.isSet()) return std::string(m_t.notSet);
        if (lang() == Language::English || !d.isValid()) return d.toString();
        char buf[16];
        std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d.day, d.month, d.year);
        return buf;
    }

    // Locale-independent; German uses a decimal comma.
    [[nodiscard]] std::string number(double v, int decimals = 1) const {
        char buf[64];
        const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
        std::string s(buf, r.ptr);
        if (lang() == Language::German) std::replace(s.begin(), s.end(), '.', ',');
        return s;
    }

    [[nodiscard]] std::string orDash(const std::string& s) const { return s.empty() ? std::string(m_t.notSet) : s; }
    [[nodiscard]] std::string role(const std::optional<core::Role>& r) const {
        return r ? std::string(label(lang(), *r)) : std::string(m_t.notSet);
    }

    static std::array<int, 5> roleCounts(const core::Session& s) {
        std::array<int, 5> counts{};
        for (const auto& p : s.participants) {
            if (core::inRange(p.role)) ++counts[static_cast<std::size_t>(p.role)];
        }
        return counts;
    }

    [[nodiscard]] std::string participantsSummary(const core::Session& s) const {
        const auto counts = roleCounts(s);
        std::string parts;
        for (std::size_t r = 0; r < counts.size(); ++r) {
            if (counts[r] == 0) continue;
            if (!parts.empty()) parts += ", ";
            parts += std::to_string(counts[r]) + " " + std::string(label(lang(), static_cast<core::Role>(r), counts[r] != 1));
        }
        std::string out = std::to_string(s.participants.size());
        if (!parts.empty()) out += " (" + parts + ")";
        return out;
    }

    static std::optional<double> rotiMean(const core::ScaleQuestion& q) {
        long long n = 0, sum = 0; // 64-bit: counts near INT_MAX must not wrap
        for (std::size_t i = 0; i < q.counts.size(); ++i) {
            n += q.counts[i];
            sum += static_cast<long long>(q.counts[i]) * static_cast<long long>(i + 1);
        }
        if (n <= 0) return std::nullopt;
        return static_cast<double>(sum) / n;
    }

    // -----------------------------------------------------------------------------------------
    // Series

    void seriesOverview(const std::vector<core::Session>& series) {
        m_doc.heading(2, m_t.seriesOverview);
        Rows rows;
        for (const auto& s : series) {
            int actions = 0;
            std::optional<double> roti;
            for (const auto& r : s.retrospectives) {
                actions += static_cast<int>(r.actions.size());
                if (!roti) roti = rotiMean(r.roti);
            }
            rows.push_back({date(s.date), txt(s.title), std::string(label(lang(), s.kind)), std::to_string(s.participants.size()),
                            std::to_string(actions), std::to_string(s.experiments.size()),
                            roti ? number(*roti) : std::string(m_t.notSet)});
        }
        m_doc.table({std::string(m_t.date), std::string(m_t.session), std::string(m_t.sessionKind), std::string(m_t.participants),
                     std::string(m_t.actions), std::string(m_t.experiments), "ROTI Ø"},
                    rows, {false, false, false, true, true, true, true});
    }

    void experimentDevelopment(const std::vector<core::Session>& series) {
        std::vector<core::Id> order;
        std::set<core::Id> seen;
        for (const auto& s : series) {
            for (const auto& e : s.experiments) {
                if (seen.insert(e.id).second) order.push_back(e.id);
            }
        }
        if (order.empty()) return;
        m_doc.heading(2, m_t.experimentDevelopment);
        // Each experiment's appearances in series order, collected once (not order × sessions).
        std::map<core::Id, std::vector<std::pair<const core::Session*, const core::Experiment*>>> byId;
        for (const auto& s : series) {
            for (const auto& e : s.experiments) byId[e.id].emplace_back(&s, &e);
        }
        Rows rows;
        for (const auto& id : order) {
            bool first = true;
            for (const auto& [s, e] : byId[id]) {
                rows.push_back({first ? txt(e->title) : std::string{}, date(s->date), std::string(label(lang(), e->status)),
                                std::string(label(lang(), e->result)), std::string(label(lang(), e->decision)),
                                std::to_string(e->observations.size())});
                first = false;
            }
        }
        m_doc.table({std::string(m_t.experiments), std::string(m_t.date), std::string(m_t.status), std::string(m_t.result),
                     std::string(m_t.decision), std::string(m_t.observations)},
                    rows, {false, false, false, false, false, true});
    }

    // -----------------------------------------------------------------------------------------
    // One session

    void sessionSections(const core::Session& s, int level) {
        context(s, level);
        goalAndAgenda(s, level);
        for (const auto& r : s.retrospectives) retrospective(r, level);
        actions(s, level);
        openItems(s, level);
        experiments(s, level);
        boards(s, level);
        evaluation(s, level);
        transfer(s, level);
    }

    void context(const core::Session& s, int level) {
        m_doc.heading(level, m_t.context);
        Fields f;
        f.emplace_back(m_t.lernraum, orDash(s.lernraum));
        f.emplace_back(m_t.orgUnit, orDash(s.orgUnit));
        f.emplace_back(m_t.date, date(s.date));
        f.emplace_back(m_t.sessionKind, label(lang(), s.kind));
        if (m_o.includeNames && !s.facilitator.empty()) f.emplace_back(m_t.facilitator, s.facilitator);
        f.emplace_back(m_t.participants, participantsSummary(s));
        m_doc.fields(f);
        const auto counts = roleCounts(s);
        Rows rows;
        for (std::size_t r = 0; r < counts.size(); ++r) {
            if (counts[r] > 0) rows.push_back({std::string(label(lang(), static_cast<core::Role>(r), true)), std::to_string(counts[r])});
        }
        if (rows.empty()) {
            m_doc.note(m_t.noParticipants);
        } else {
            m_doc.table({std::string(m_t.role), std::string(m_t.count)}, rows, {false, true});
        }
        if (m_o.includeNames) {
            std::vector<std::string> names;
            for (const auto& p : s.participants) {
                if (!p.displayName.empty()) names.push_back(p.displayName + " (" + std::string(label(lang(), p.role)) + ")");
            }
            if (!names.empty()) {
                m_doc.heading(level + 1, m_t.participantNames);
                m_doc.list(names);
            }
        }
    }

    void goalAndAgenda(const core::Session& s, int level) {
        m_doc.heading(level, m_t.goalAndAgenda);
        if (s.goal.empty()) m_doc.note(m_t.noGoal);
        else m_doc.fields({{std::string(m_t.goal), txt(s.goal)}});
        if (s.agenda.empty()) {
            m_doc.note(m_t.noAgenda);
            return;
        }
        Rows rows;
        long long planned = 0, usedSeconds = 0;
        for (std::size_t i = 0; i < s.agenda.size(); ++i) {
            const auto& a = s.agenda[i];
            planned += a.timeboxMinutes;
            usedSeconds += a.usedSeconds;
            rows.push_back({std::to_string(i + 1), std::string(label(lang(), a.phase)), txt(a.title), std::to_string(a.timeboxMinutes),
                            number(a.usedSeconds / 60.0, 0), a.done ? std::string(m_t.yes) : std::string(m_t.no)});
        }
        rows.push_back({"", "", std::string(m_t.total), std::to_string(planned), number(static_cast<double>(usedSeconds) / 60.0, 0), ""});
        m_doc.table({std::string(m_t.number), std::string(m_t.phase), std::string(m_t.agendaItem), std::string(m_t.planned), std::string(m_t.used),
                     std::string(m_t.done)},
                    rows, {true, false, false, true, true, false});
    }

    void retrospective(const core::Retrospective& r, int level) {
        m_doc.heading(level, std::string(m_t.retrospective) + (r.title.empty() ? "" : ": " + txt(r.title)));
        Fields f;
        if (!r.formatId.empty()) f.emplace_back(m_t.format, formatName(r.formatId));
        f.emplace_back(m_t.votingBudget, std::to_string(r.voting.budgetPerParticipant));
        m_doc.fields(f);
        if (r.items.empty()) {
            m_doc.note(m_t.noItems);
            return;
        }
        std::map<core::Id, std::string> promptText;
        for (const auto& p : r.prompts) promptText[p.id] = txt(p.text);
        // Groups by total votes (own votes + their items' votes), largest first; ties keep file order.
        struct GroupTotal {
            const core::RetroGroup* group;
            long long total; // 64-bit: vote counts near INT_MAX must not wrap
        };
        // Items by group id, once: n log n instead of items × groups.
        std::map<core::Id, std::vector<const core::RetroItem*>> itemsByGroup;
        for (const auto& item : r.items) itemsByGroup[item.groupId].push_back(&item);
        auto itemsOf = [&](const core::Id& groupId) -> const std::vector<const core::RetroItem*>& {
            static const std::vector<const core::RetroItem*> none;
            const auto it = itemsByGroup.find(groupId);
            return it == itemsByGroup.end() ? none : it->second;
        };
        std::vector<GroupTotal> groups;
        for (const auto& g : r.groups) {
            long long total = g.votes;
            for (const auto* item : itemsOf(g.id)) total += item->votes;
            groups.push_back({&g, total});
        }
        std::stable_sort(groups.begin(), groups.end(), [](const GroupTotal& a, const GroupTotal& b) { return a.total > b.total; });

        Rows rows;
        std::set<core::Id> listed;
        auto addItems = [&](const core::Id& groupId, const std::string& groupLabel, int groupVotes) {
            if (!listed.insert(groupId).second) return;
            std::vector<const core::RetroItem*> items = itemsOf(groupId);
            std::stable_sort(items.begin(), items.end(), [](const auto* a, const auto* b) { return a->votes > b->votes; });
            // Dots given to the group as a whole: their own row, so the items' zeros do not mislead.
            bool first = true;
            if (groupVotes != 0) {
                rows.push_back({groupLabel, std::string(m_t.groupVotes), std::string{}, std::to_string(groupVotes)});
                first = false;
            }
            for (const auto* item : items) {
                const auto p = promptText.find(item->promptId);
                // The group is named on its first row only, so the table reads as blocks.
                rows.push_back({first ? groupLabel : std::string{}, item->hidden ? std::string(m_t.hiddenItem) : txt(item->text),
                                p == promptText.end() ? std::string{} : p->second, std::to_string(item->votes)});
                first = false;
            }
        };
        for (const auto& g : groups) addItems(g.group->id, txt(g.group->title), g.group->votes);
        // Items whose group does not exist, then items without a group.
        for (const auto& item : r.items) {
            if (!item.groupId.empty() && !listed.contains(item.groupId)) addItems(item.groupId, std::string(m_t.ungrouped), 0);
        }
        addItems({}, std::string(m_t.ungrouped), 0);
        m_doc.table({std::string(m_t.group), std::string(m_t.item), std::string(m_t.prompt), std::string(m_t.votes)}, rows,
                    {false, false, false, true});

        if (!groups.empty()) {
            BarChart chart{std::string(m_t.votesPerGroup), {}, {}, chartTable(m_t.group, m_t.votes)};
            for (const auto& g : groups) chart.bars.push_back({txt(g.group->title), clampInt(g.total)});
            long long ungroupedVotes = 0;
            const auto& ungrouped = itemsOf({});
            for (const auto* item : ungrouped) ungroupedVotes += item->votes;
            if (!ungrouped.empty()) chart.bars.push_back({"(" + std::string(m_t.ungrouped) + ")", clampInt(ungroupedVotes)});
            m_doc.barChart(chart);
        }
    }

    void actions(const core::Session& s, int level) {
        m_doc.heading(level, m_t.actions);
        Rows rows;
        bool carried = false;
        for (const auto& r : s.retrospectives) {
            for (const auto& a : r.actions) {
                const bool isCarried = !a.carriedFromSessionId.empty();
                carried = carried || isCarried;
                rows.push_back({txt(a.text), role(a.ownerRole), date(a.due), std::string(label(lang(), a.status)),
                                isCarried ? std::string(m_t.yes) : std::string(m_t.no), txt(a.outcome)});
            }
        }
        if (rows.empty()) {
            m_doc.note(m_t.noActions);
            return;
        }
        m_doc.table({std::string(m_t.action), std::string(m_t.owner), std::string(m_t.due), std::string(m_t.status),
                     std::string(m_t.carried), std::string(m_t.outcome)},
                    rows);
        if (carried) m_doc.note(m_t.carriedNote);
    }

    // What is still to do after the workshop: open board cards (not archived, not in a done-kind
    // column) and open actions, with owner role and due date; earliest due date first.
    void openItems(const core::Session& s, int level) {
        m_doc.heading(level, m_t.openItems);
        struct Open {
            core::Date due;
            std::vector<std::string> row;
        };
        std::vector<Open> open;
        // A card that an open action is linked to is listed once, as the action.
        std::set<core::Id> cardsOfOpenActions;
        for (const auto& r : s.retrospectives) {
            for (const auto& a : r.actions) {
                if (!a.cardId.empty() && (a.status == core::ActionStatus::Open || a.status == core::ActionStatus::InProgress))
                    cardsOfOpenActions.insert(a.cardId);
            }
        }
        for (const auto& b : s.boards) {
            std::map<core::Id, const core::Column*> columns;
            for (const auto& c : b.columns) columns[c.id] = &c;
            for (const auto& card : b.cards) {
                const auto col = columns.find(card.columnId);
                if (card.archived || (col != columns.end() && col->second->kind == core::ColumnKind::Done) ||
                    cardsOfOpenActions.contains(card.id))
                    continue;
                std::string where = b.title.empty() ? std::string(m_t.board) : txt(b.title);
                if (col != columns.end()) where += ": " + txt(col->second->title);
                open.push_back({card.due, {std::string(m_t.card), txt(card.title), where, role(card.ownerRole), date(card.due)}});
            }
        }
        for (const auto& r : s.retrospectives) {
            for (const auto& a : r.actions) {
                if (a.status != core::ActionStatus::Open && a.status != core::ActionStatus::InProgress) continue;
                open.push_back({a.due, {std::string(m_t.action), txt(a.text), std::string(label(lang(), a.status)), role(a.ownerRole), date(a.due)}});
            }
        }
        if (open.empty()) {
            m_doc.note(m_t.noOpenItems);
            return;
        }
        std::stable_sort(open.begin(), open.end(), [](const Open& a, const Open& b) {
            if (a.due.isSet() != b.due.isSet()) return a.due.isSet();
            return a.due < b.due;
        });
        Rows rows;
        for (auto& o : open) rows.push_back(std::move(o.row));
        m_doc.note(m_t.openItemsNote);
        m_doc.table({std::string(m_t.kind), std::string(m_t.openItem), std::string(m_t.status), std::string(m_t.owner), std::string(m_t.due)},
                    rows);
    }

    void experiments(const core::Session& s, int level) {
        m_doc.heading(level, m_t.experiments);
        if (s.experiments.empty()) {
            m_doc.note(m_t.noExperiments);
            return;
        }
        BarChart chart{std::string(m_t.experimentsByStatus), {}, {}, chartTable(m_t.status, m_t.count)};
        for (int i = 0; i < static_cast<int>(core::ExperimentStatus::Count); ++i) {
            const auto status = static_cast<core::ExperimentStatus>(i);
            const auto n = std::count_if(s.experiments.begin(), s.experiments.end(), [&](const auto& e) { return e.status == status; });
            chart.bars.push_back({std::string(label(lang(), status)), static_cast<int>(n)});
        }
        m_doc.barChart(chart);
        for (const auto& e : s.experiments) {
            m_doc.heading(level + 1, e.title.empty() ? std::string(m_t.experiments) : txt(e.title));
            Fields f;
            auto add = [&](std::string_view key, const std::string& value) {
                if (!value.empty()) f.emplace_back(key, value);
            };
            add(m_t.status, std::string(label(lang(), e.status)));
            if (e.ownerRole) add(m_t.owner, role(e.ownerRole));
            std::string roles;
            for (const auto r : e.participantRoles) roles += (roles.empty() ? "" : ", ") + std::string(label(lang(), r));
            add(m_t.participantRoles, roles);
            if (e.startDate.isSet() || e.reviewDate.isSet()) add(m_t.period, date(e.startDate) + " – " + date(e.reviewDate));
            add(m_t.hypothesis, txt(e.hypothesis));
            add(m_t.method, txt(e.method));
            add(m_t.measure, txt(e.measure));
            add(m_t.successCriterion, txt(e.successCriterion));
            if (e.result != core::ExperimentResult::None || e.evidence != core::EvidenceStrength::None)
                add(m_t.result, std::string(label(lang(), e.result)) + " (" + std::string(m_t.evidence) + ": " +
                                    std::string(label(lang(), e.evidence)) + ")");
            add(m_t.learning, txt(e.learning));
            if (e.decision != core::Decision::None) add(m_t.decision, std::string(label(lang(), e.decision)));
            m_doc.fields(f);
            if (!e.observations.empty()) {
                std::vector<std::string> obs;
                for (const auto& o : e.observations) obs.push_back(date(o.date) + ": " + txt(o.text));
                m_doc.paragraph(std::string(m_t.observations) + ":");
                m_doc.list(obs);
            }
        }
    }

    void boards(const core::Session& s, int level) {
        if (s.boards.empty()) return;
        for (const auto& b : s.boards) {
            m_doc.heading(level, std::string(m_t.board) + (b.title.empty() ? "" : ": " + txt(b.title)));
            const core::Timestamp asOf = core::latestActivity(b);
            Rows rows;
            // Card statistics per column id, in one pass over the cards (not columns × cards).
            struct ColumnStats {
                int n = 0, aged = 0;
                double ageSum = 0, ageMax = 0;
            };
            std::map<core::Id, ColumnStats> stats;
            for (const auto& card : b.cards) {
                if (card.archived) continue;
                auto& st = stats[card.columnId];
                ++st.n;
                if (const auto age = core::ageInColumnDays(card, asOf)) {
                    st.ageSum += *age;
                    st.ageMax = std::max(st.ageMax, *age);
                    ++st.aged;
                }
            }
            for (const auto& c : b.columns) {
                const ColumnStats st = stats.contains(c.id) ? stats[c.id] : ColumnStats{};
                const int n = st.n, aged = st.aged;
                const double ageSum = st.ageSum, ageMax = st.ageMax;
                std::string wip = c.wipLimit > 0 ? std::to_string(c.wipLimit) : std::string(m_t.notSet);
                if (c.wipLimit > 0 && n > c.wipLimit) wip += " (" + std::string(m_t.wipExceeded) + ")";
                rows.push_back({txt(c.title), std::string(label(lang(), c.kind)), wip, std::to_string(n),
                                aged ? number(ageSum / aged) : std::string(m_t.notSet),
                                aged ? number(ageMax) : std::string(m_t.notSet)});
            }
            m_doc.table({std::string(m_t.column), std::string(m_t.kind), std::string(m_t.wipLimit), std::string(m_t.cards),
                         std::string(m_t.averageAge), std::string(m_t.oldestAge)},
                        rows, {false, false, false, true, true, true});
            double leadSum = 0, cycleSum = 0;
            int leadN = 0, cycleN = 0;
            for (const auto& card : b.cards) {
                if (const auto v = core::leadTimeDays(b, card)) leadSum += *v, ++leadN;
                if (const auto v = core::cycleTimeDays(b, card)) cycleSum += *v, ++cycleN;
            }
            Fields f;
            f.emplace_back(m_t.leadTime, leadN ? number(leadSum / leadN) + " " + std::string(m_t.days) + " (" + std::string(m_t.average) +
                                                     ", " + std::to_string(leadN) + " " + std::string(leadN == 1 ? m_t.cardDone : m_t.cardsDone) + ")"
                                               : std::string(m_t.notSet));
            f.emplace_back(m_t.cycleTime, cycleN ? number(cycleSum / cycleN) + " " + std::string(m_t.days) + " (" +
                                                       std::string(m_t.average) + ", " + std::to_string(cycleN) + ")"
                                                 : std::string(m_t.notSet));
            m_doc.fields(f);
            FlowChart flow{std::string(m_t.cumulativeFlow), {}, core::cumulativeFlow(b, 120), {}, chartTable(m_t.day, {})};
            for (const auto& c : b.columns) flow.columns.push_back(txt(c.title));
            for (const auto& d : flow.days) flow.dayLabels.push_back(date(d.day));
            m_doc.flowChart(flow);
        }
    }

    void evaluation(const core::Session& s, int level) {
        m_doc.heading(level, m_t.evaluation);
        bool any = false;
        for (const auto& r : s.retrospectives) {
            for (const auto* q : {&r.checkIn, &r.roti}) {
                const auto mean = rotiMean(*q);
                if (!mean) continue;
                any = true;
                const bool isRoti = q == &r.roti;
                long long n = 0;
                for (const int c : q->counts) n += c;
                BarChart chart{isRoti ? std::string(m_t.roti) : std::string(m_t.checkIn), {}, {}, chartTable(m_t.value, m_t.answers)};
                if (!q->question.empty()) chart.title += ": " + txt(q->question);
                // One anchor text: the scale's, unless the question already names its ends.
                const bool anchored = q->question.find("1 =") != std::string::npos || q->question.find("1=") != std::string::npos;
                for (std::size_t i = 0; i < q->counts.size(); ++i) chart.bars.push_back({std::to_string(i + 1), q->counts[i]});
                chart.caption = (isRoti && !anchored ? std::string(m_t.rotiScale) + " · " : std::string{}) + std::string(m_t.answers) + ": " +
                                std::to_string(n) + " · " + std::string(m_t.mean) + ": " + number(*mean);
                m_doc.barChart(chart);
            }
        }
        if (!any) m_doc.note(m_t.noRoti);
    }

    void transfer(const core::Session& s, int level) {
        m_doc.heading(level, m_t.transfer);
        std::vector<std::string> recs;
        for (const auto& e : s.experiments) {
            if (!e.transferRecommendation.empty())
                recs.push_back((e.title.empty() ? std::string{} : txt(e.title) + ": ") + txt(e.transferRecommendation));
        }
        if (recs.empty()) m_doc.note(m_t.noTransfer);
        else {
            m_doc.paragraph(std::string(m_t.transferRecommendation) + ":");
            m_doc.list(recs);
        }
        m_doc.fields({{std::string(m_t.nextReview), s.nextReview.isSet() ? date(s.nextReview) : std::string(m_t.notPlanned)}});
    }
};

} // namespace

std::string runningHeader(const ReportHeader& header, Language language) {
    const Strings& t = stringsFor(language);
    std::string out;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!out.empty()) out += " · ";
        out += part;
    };
    add(header.organisation);
    if (!header.fileNumber.empty()) add(std::string(t.fileNumber) + " " + header.fileNumber);
    add(header.status);
    return out;
}

std::string renderReport(const std::vector<core::Session>& series, const ReportOptions& options) {
    const Strings& t = stringsFor(options.language);
    std::string documentTitle(t.reportTitle);
    if (series.size() == 1 && !series.front().title.empty()) documentTitle += ": " + series.front().title;
    const PageText page{std::string(t.page), std::string(t.pageOf)};
    const std::string header = runningHeader(options.header, options.language);
    std::unique_ptr<Document> doc;
    switch (options.format) {
    case ReportFormat::Html: doc = makeHtmlDocument(t.htmlLang, documentTitle, page, header); break;
    case ReportFormat::Odt: doc = makeOdtDocument(t.htmlLang, documentTitle, page, header, options.header.author); break;
    case ReportFormat::Markdown: doc = makeMarkdownDocument(); break;
    }
    return ReportWriter(options, *doc).run(series);
}

std::optional<ReportFormat> parseReportFormat(std::string_view name) {
    if (name == "md" || name == "markdown") return ReportFormat::Markdown;
    if (name == "html") return ReportFormat::Html;
    if (name == "odt") return ReportFormat::Odt;
    return std::nullopt;
}

std::optional<Language> parseLanguage(std::string_view name) {
    if (name == "de") return Language::German;
    if (name == "en") return Language::English;
    return std::nullopt;
}

} // namespace lernraum::report
