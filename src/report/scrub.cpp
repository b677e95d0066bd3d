// Free-text scrubbing for the research export: names, org unit, e-mail, URLs, phone numbers.
#include "escape.hpp"
#include "research_export.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cstdint>
#include <set>

namespace lernraum::report {

namespace {

// Text folded for matching: lower case, ä/ö/ü -> ae/oe/ue, ß -> ss. origin[i] is the byte offset
// in the original text of the code point that produced folded byte i; origin.back() = size.
struct Folded {
    std::string text;
    std::vector<std::size_t> origin;
};

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Input must be valid UTF-8 (sanitizeText guarantees it).
Folded fold(std::string_view text) {
    Folded f;
    f.text.reserve(text.size() + 8);
    f.origin.reserve(text.size() + 9);
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = 1;
        std::uint32_t cp = c;
        if (c >= 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else if (c >= 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xC0) {
            len = 2;
            cp = c & 0x1F;
        }
        for (std::size_t k = 1; k < len && i + k < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        std::string piece;
        if (cp >= 'A' && cp <= 'Z') cp += 32;
        if (cp == 0xC4 || cp == 0xE4) piece = "ae";
        else if (cp == 0xD6 || cp == 0xF6) piece = "oe";
        else if (cp == 0xDC || cp == 0xFC) piece = "ue";
        else if (cp == 0xDF || cp == 0x1E9E) piece = "ss";
        else {
            if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32; // other Latin-1 capitals
            appendUtf8(piece, cp);
        }
        for (std::size_t k = 0; k < piece.size(); ++k) f.origin.push_back(i);
        f.text += piece;
        i += len;
    }
    f.origin.push_back(text.size());
    return f;
}

bool isWordByte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

// "mueller" -> "muller": the stripped spelling of a transliterated umlaut.
std::string stripUmlautPairs(std::string_view folded) {
    std::string out;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        out += folded[i];
        if (i + 1 < folded.size() && folded[i + 1] == 'e' && (folded[i] == 'a' || folded[i] == 'o' || folded[i] == 'u'))
            ++i;
    }
    return out;
}

struct Pattern {
    std::string folded;
    std::string_view placeholder;
    bool wholeWord = false; // short patterns must stand alone
};

struct Match {
    std::size_t begin = 0, end = 0; // original byte offsets
    std::string_view placeholder;
};

const std::set<std::string, std::less<>>& nameParticles() {
    static const std::set<std::string, std::less<>> s{"von", "van", "der", "den", "de", "zu", "zum", "dr", "prof",
                                                      "frau", "herr", "mr", "mrs", "ms", "und", "and", "la", "le", "di"};
    return s;
}

const std::set<std::string, std::less<>>& genericOrgWords() {
    static const std::set<std::string, std::less<>> s{
        "amt",        "stadt",      "kreis",      "fachbereich", "abteilung", "referat",     "team",
        "verwaltung", "gemeinde",   "stadtverwaltung", "kreisverwaltung", "bezirk", "dezernat", "sachgebiet",
        "fachdienst", "landkreis",  "und",        "der",         "die",       "das",         "fuer",
        "fur",        "des",        "den",        "bereich",     "dienst",    "department",  "unit",
        "office",     "city",       "county",     "service",     "gruppe",    "stelle",      "buero",
        "buro",       "einheit",    "zentrale",   "the",         "and",       "of"};
    return s;
}

void addPattern(std::vector<Pattern>& out, const std::string& folded, std::string_view placeholder, std::size_t minLen) {
    if (folded.size() < minLen) return;
    const bool shortWord = folded.size() < 4;
    out.push_back({folded, placeholder, shortWord});
    if (const auto stripped = stripUmlautPairs(folded); stripped != folded && stripped.size() >= minLen)
        out.push_back({stripped, placeholder, stripped.size() < 4});
}

// The whole phrase, and for names and org units each part of it.
void addPhrase(std::vector<Pattern>& out, std::string_view raw, std::string_view placeholder, bool parts,
               const std::set<std::string, std::less<>>& skipParts, std::size_t minPartLen) {
    const std::string clean = sanitizeText(raw, false);
    const Folded whole = fold(clean);
    std::string phrase(whole.text);
    // Trim and collapse spaces of the phrase.
    std::string collapsed;
    for (const char c : phrase) {
        if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed += c;
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    addPattern(out, collapsed, placeholder, 2);
    if (!parts) return;
    std::string token;
    auto flush = [&] {
        if (!token.empty() && !skipParts.contains(token) && !skipParts.contains(stripUmlautPairs(token)))
            addPattern(out, token, placeholder, minPartLen);
        token.clear();
    };
    for (const char c : collapsed) {
        if (isWordByte(c)) token += c;
        else flush();
    }
    flush();
}

bool isEmailLocal(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '%' || c == '+' || c == '-';
}
bool isDomainChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

void findEmails(std::string_view t, std::vector<Match>& out) {
    for (std::size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
        std::size_t b = at;
        while (b > 0 && isEmailLocal(t[b - 1])) --b;
        std::size_t e = at + 1;
        while (e < t.size() && isDomainChar(t[e])) ++e;
        while (e > at + 1 && (t[e - 1] == '.' || t[e - 1] == '-')) --e;
        const auto domain = t.substr(at + 1, e - at - 1);
        if (b < at && domain.find('.') != std::string_view::npos) out.push_back({b, e, "[EMAIL]"});
    }
}

bool startsWithCi(std::string_view t, std::size_t i, std::string_view p) {
    if (t.size() - i < p.size()) return false;
    for (std::size_t k = 0; k < p.size(); ++k) {
        char c = t[i + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c != p[k]) return false;
    }
    return true;
}

void findUrls(std::string_view t, std::vector<Match>& out) {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i > 0 && isWordByte(t[i - 1])) continue;
        if (!(startsWithCi(t, i, "http://") || startsWithCi(t, i, "https://") || startsWithCi(t, i, "www.") ||
              startsWithCi(t, i, "ftp://")))
            continue;
        std::size_t e = i;
        while (e < t.size() && static_cast<unsigned char>(t[e]) > ' ' && t[e] != '"' && t[e] != '<' && t[e] != '>') ++e;
        while (e > i && (t[e - 1] == '.' || t[e - 1] == ',' || t[e - 1] == ')' || t[e - 1] == ';' || t[e - 1] == ':'))
            --e;
        out.push_back({i, e, "[URL]"});
        i = e;
    }
}

bool looksLikeDate(std::string_view s) {
    // d.m.yy(yy), yyyy-mm-dd, d/m/yyyy: common dates are not phone numbers.
    int groups = 0, digitsInGroup = 0;
    std::vector<int> sizes;
    char sep = 0;
    for (const char c : s) {
        if (c >= '0' && c <= '9') {
            ++digitsInGroup;
        } else if (c == '.' || c == '-' || c == '/') {
            if (sep != 0 && c != sep) return false;
            sep = c;
            sizes.push_back(digitsInGroup);
            digitsInGroup = 0;
            ++groups;
        } else {
            return false;
        }
    }
    sizes.push_back(digitsInGroup);
    if (sizes.size() != 3) return false;
    const bool dmy = sizes[0] <= 2 && sizes[1] <= 2 && (sizes[2] == 2 || sizes[2] == 4);
    const bool ymd = sizes[0] == 4 && sizes[1] <= 2 && sizes[2] <= 2;
    return dmy || ymd;
}

void findPhones(std::string_view t, std::vector<Match>& out) {
    std::size_t i = 0;
    while (i < t.size()) {
        const char c = t[i];
        const bool canStart = c == '+' || c == '(' || (c >= '0' && c <= '9');
        if (!canStart || (i > 0 && isWordByte(t[i - 1]))) {
            ++i;
            continue;
        }
        std::size_t e = i;
        int digits = 0;
        while (e < t.size()) {
            const char d = t[e];
            if (d >= '0' && d <= '9') ++digits;
            else if (!(d == ' ' || d == '-' || d == '/' || d == '(' || d == ')' || d == '.' || d == '+')) break;
            // two separators in a row (except " (" or ") ") end the number
            ++e;
        }
        while (e > i && !(t[e - 1] >= '0' && t[e - 1] <= '9')) --e;
        const auto candidate = t.substr(i, e - i);
        if (digits >= 6 && !looksLikeDate(candidate) && (e >= t.size() || !isWordByte(t[e]))) {
            out.push_back({i, e, "[PHONE]"});
            i = e;
        } else {
            i = std::max(e, i + 1); // not a phone number: skip the whole run (e.g. a date)
        }
    }
}

} // namespace

ScrubList scrubListFor(const core::Session& session) {
    ScrubList list;
    for (const auto& p : session.participants) {
        if (!core::trim(p.displayName).empty()) list.names.push_back(p.displayName);
        if (!core::trim(p.department).empty()) list.orgs.push_back(p.department);
    }
    if (!session.facilitator.empty()) list.names.push_back(session.facilitator);
    if (!session.orgUnit.empty()) list.orgs.push_back(session.orgUnit);
    if (!core::trim(session.lernraum).empty()) {
        list.series.push_back(session.lernraum);
        // Also the bare name: without quotation marks and without a leading "Lernraum".
        std::string bare;
        for (std::size_t i = 0; i < session.lernraum.size(); ++i) {
            const std::string_view rest = std::string_view(session.lernraum).substr(i);
            bool quote = false;
            for (const std::string_view q : {"\"", "'", "\u201E", "\u201C", "\u201D", "\u201A", "\u2018", "\u2019", "\u00BB", "\u00AB"}) {
                if (rest.starts_with(q)) {
                    i += q.size() - 1;
                    quote = true;
                    break;
                }
            }
            if (!quote) bare += session.lernraum[i];
        }
        std::string_view trimmed = core::trim(bare);
        for (const std::string_view prefix : {"Lernraum ", "lernraum ", "LERNRAUM "}) {
            if (trimmed.starts_with(prefix)) trimmed = core::trim(trimmed.substr(prefix.size()));
        }
        if (!trimmed.empty() && trimmed != session.lernraum) list.series.emplace_back(trimmed);
    }
    return list;
}

struct Scrubber::Patterns {
    std::vector<Pattern> list;
};

Scrubber::Scrubber(const ScrubList& list) {
    auto compiled = std::make_shared<Patterns>();
    auto& patterns = compiled->list;
    for (const auto& n : list.names) addPhrase(patterns, n, "[NAME]", true, nameParticles(), 2);
    for (const auto& o : list.orgs) addPhrase(patterns, o, "[ORG]", true, genericOrgWords(), 4);
    for (const auto& s : list.series) addPhrase(patterns, s, "[LERNRAUM]", false, genericOrgWords(), 4);
    // Longest first, duplicates once: fewer searches, and the longest phrase wins an overlap.
    std::sort(patterns.begin(), patterns.end(), [](const Pattern& a, const Pattern& b) {
        if (a.folded.size() != b.folded.size()) return a.folded.size() > b.folded.size();
        if (a.folded != b.folded) return a.folded < b.folded;
        return a.placeholder > b.placeholder; // a word that is a name and an org part: [NAME]
    });
    patterns.erase(std::unique(patterns.begin(), patterns.end(),
                               [](const Pattern& a, const Pattern& b) { return a.folded == b.folded; }),
                   patterns.end());
    m_patterns = std::move(compiled);
}

std::string scrubText(std::string_view raw, const ScrubList& list) { return Scrubber(list)(raw); }

std::string Scrubber::operator()(std::string_view raw) const {
    const std::string text = sanitizeText(raw);
    if (text.empty()) return text;
    const auto& patterns = m_patterns->list;

    std::vector<Match> matches;
    findEmails(text, matches);
    findUrls(text, matches);
    findPhones(text, matches);

    const Folded f = fold(text);
    for (const auto& p : patterns) {
        if (p.folded.empty()) continue;
        for (std::size_t pos = f.text.find(p.folded); pos != std::string::npos; pos = f.text.find(p.folded, pos + 1)) {
            const std::size_t endPos = pos + p.folded.size();
            // Must start a word (a name inside another word is a different word) ...
            if (pos > 0 && isWordByte(f.text[pos - 1])) continue;
            // ... and short names must also end one.
            if (p.wholeWord && endPos < f.text.size() && isWordByte(f.text[endPos])) continue;
            // Matches must cover whole code points of the original text.
            const std::size_t b = f.origin[pos];
            std::size_t e = f.origin[endPos];
            if (endPos < f.origin.size() - 1 && f.origin[endPos] == f.origin[endPos - 1]) {
                // the match ends inside an expanded umlaut ("mu" of "mü"): extend to the whole letter
                std::size_t k = endPos;
                while (k < f.origin.size() - 1 && f.origin[k] == f.origin[endPos - 1]) ++k;
                e = f.origin[k];
            }
            matches.push_back({b, e, p.placeholder});
        }
    }
    if (matches.empty()) return text;

    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
        if (a.begin != b.begin) return a.begin < b.begin;
        return a.end > b.end;
    });
    std::string out;
    out.reserve(text.size());
    std::size_t cursor = 0;
    for (const auto& m : matches) {
        if (m.begin < cursor) {
            // Overlaps an earlier replacement: extend it if this one reaches further.
            if (m.end > cursor) cursor = m.end;
            continue;
        }
        out.append(text, cursor, m.begin - cursor);
        out += m.placeholder;
        cursor = m.end;
    }
    out.append(text, cursor, std::string::npos);
    return out;
}

} // namespace lernraum::report
