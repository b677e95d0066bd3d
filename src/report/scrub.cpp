// Free-text scrubbing for the research export and the transfer report: names, org unit, e-mail,
// URLs, phone numbers.
//
// Text and names are compared in a folded form: Unicode NFKC with case folding (ICU's nfkc_cf, which
// also drops default-ignorable characters), accents stripped, ä/ö/ü -> ae/oe/ue, ß -> ss, and a few
// Latin letters without a decomposition (ł, ø, ı, æ, ...) spelled in ASCII. Format characters (soft
// hyphen, zero-width space and joiners) are ignored. Every folded byte remembers the code point
// segment of the original text it came from, so a match replaces exactly the original characters
// and nothing around them changes.
#include "escape.hpp"
#include "research_export.hpp"

#include "core/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <unordered_map>

namespace lernraum::report {

namespace {

struct Icu {
    const icu::Normalizer2* nfkcCf = nullptr;
    const icu::Normalizer2* nfd = nullptr;
};

const Icu& icuInstances() {
    static const Icu icu = [] {
        Icu i;
        UErrorCode status = U_ZERO_ERROR;
        i.nfkcCf = icu::Normalizer2::getNFKCCasefoldInstance(status);
        i.nfd = icu::Normalizer2::getNFDInstance(status);
        if (U_FAILURE(status) || !i.nfkcCf || !i.nfd) throw std::runtime_error("ICU normalization data is not available");
        return i;
    }();
    return icu;
}

bool isMark(UChar32 c) {
    const auto t = u_charType(c);
    return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}

// Letters without a canonical decomposition, spelled the way people type them without the accent.
std::string_view latinSpelling(UChar32 c) {
    switch (c) {
    case 0x0142: return "l";  // ł
    case 0x00F8: return "o";  // ø
    case 0x0111: return "d";  // đ
    case 0x00F0: return "d";  // ð
    case 0x0131: return "i";  // ı
    case 0x00E6: return "ae"; // æ
    case 0x0153: return "oe"; // œ
    case 0x00FE: return "th"; // þ
    case 0x0127: return "h";  // ħ
    case 0x0167: return "t";  // ŧ
    case 0x0140: return "l";  // ŀ
    case 0x014B: return "n";  // ŋ
    default: return {};
    }
}

// One already case-folded code point, accents stripped, umlauts transliterated.
void appendFoldedLetter(std::string& out, UChar32 c) {
    if (c == 0xE4) out += "ae";
    else if (c == 0xF6) out += "oe";
    else if (c == 0xFC) out += "ue";
    else if (c == 0xDF) out += "ss";
    else if (c < 0x80) out += static_cast<char>(c);
    else if (const auto latin = latinSpelling(c); !latin.empty()) out += latin;
    else if (u_isUWhiteSpace(c)) out += ' ';
    else {
        icu::UnicodeString decomposed;
        if (icuInstances().nfd->getDecomposition(c, decomposed)) {
            for (int32_t k = 0; k < decomposed.length();) {
                const UChar32 d = decomposed.char32At(k);
                k += U16_LENGTH(d);
                if (isMark(d)) continue;
                if (const auto spelled = latinSpelling(d); !spelled.empty()) out += spelled;
                else core::appendUtf8(out, static_cast<std::uint32_t>(d));
            }
        } else {
            core::appendUtf8(out, static_cast<std::uint32_t>(c));
        }
    }
}

// A piece of the original text: one base character with its combining marks.
struct Segment {
    std::size_t begin = 0, end = 0; // original byte offsets
    bool word = false;              // letter or digit
    bool upper = false, lower = false;
};

struct Folded {
    std::string text;
    std::vector<std::uint32_t> seg; // folded byte -> segment
    std::vector<Segment> segs;
    std::vector<std::size_t> joins; // folded offsets where a line break inside a word was dropped
};

bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Line breaks inside a word ("Quellen-\nbrink", "Quellen\nbrink"): byte ranges to drop when joining.
std::vector<std::pair<std::size_t, std::size_t>> wordBreaks(std::string_view t) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t nl = t.find('\n'); nl != std::string_view::npos; nl = t.find('\n', nl + 1)) {
        std::size_t b = nl;
        while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\r')) --b;
        if (b > 0 && t[b - 1] == '-') --b;
        if (b == 0) continue;
        const auto prev = static_cast<unsigned char>(t[b - 1]);
        if (!(isAsciiLetter(t[b - 1]) || prev >= 0x80)) continue;
        std::size_t e = nl + 1;
        while (e < t.size() && (t[e] == ' ' || t[e] == '\t')) ++e;
        if (e >= t.size()) continue;
        std::uint32_t next = 0;
        if (core::decodeUtf8(t, e, next) == 0 || !u_islower(static_cast<UChar32>(next))) continue;
        out.emplace_back(b, e);
    }
    return out;
}

// Input must be valid UTF-8 (sanitizeText guarantees it). Written with plain indexed stores
// (sizes fixed up at the end): this runs over every character of every exported text, and the
// word-list test runs it over 3.6 MB in the sanitizer build.
Folded fold(std::string_view text, bool joinBreaks = false) {
    Folded f;
    std::size_t outLen = 0, segCount = 0;
    f.text.resize(text.size() + 16);
    f.seg.resize(text.size() + 16);
    f.segs.resize(text.size() + 1);
    auto put = [&](std::string_view piece, std::uint32_t index) {
        if (outLen + piece.size() > f.text.size()) {
            f.text.resize(2 * (outLen + piece.size()));
            f.seg.resize(f.text.size());
        }
        for (const char ch : piece) {
            f.text[outLen] = ch;
            f.seg[outLen] = index;
            ++outLen;
        }
    };
    const auto breaks = joinBreaks ? wordBreaks(text) : std::vector<std::pair<std::size_t, std::size_t>>{};
    std::size_t nextBreak = 0;
    bool lastWasSpace = false;
    std::size_t i = 0;
    const std::size_t size = text.size();
    while (i < size) {
        if (nextBreak < breaks.size() && i == breaks[nextBreak].first) {
            i = breaks[nextBreak++].second;
            f.joins.push_back(outLen);
            continue;
        }
        const auto byte = static_cast<unsigned char>(text[i]);
        const bool nextIsAscii = i + 1 >= size || static_cast<unsigned char>(text[i + 1]) < 0x80;
        if (byte < 0x80 && nextIsAscii) {
            // ASCII not followed by a combining mark: the common case, no ICU, no temporary string.
            char ch = static_cast<char>(byte);
            Segment& seg = f.segs[segCount];
            seg = Segment{i, i + 1, false, false, false};
            seg.upper = ch >= 'A' && ch <= 'Z';
            seg.lower = ch >= 'a' && ch <= 'z';
            seg.word = seg.upper || seg.lower || (ch >= '0' && ch <= '9');
            if (seg.upper) ch = static_cast<char>(ch + 32);
            if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
            const auto index = static_cast<std::uint32_t>(segCount++);
            ++i;
            if (ch == ' ' && lastWasSpace) continue; // runs of white space fold to one space
            lastWasSpace = ch == ' ';
            if (outLen == f.text.size()) {
                f.text.resize(2 * outLen + 16);
                f.seg.resize(f.text.size());
            }
            f.text[outLen] = ch;
            f.seg[outLen] = index;
            ++outLen;
            continue;
        }
        std::uint32_t cp = 0;
        std::size_t len = core::decodeUtf8(text, i, cp);
        if (len == 0) len = 1, cp = 0xFFFD;
        const auto c = static_cast<UChar32>(cp);
        const std::size_t begin = i;
        i += len;
        if (cp >= 0x80 && u_charType(c) == U_FORMAT_CHAR) continue; // soft hyphen, zero-width characters
        // The base character and its combining marks (NFD text: "u" + U+0308).
        std::size_t end = i;
        bool marks = false;
        while (end < size && static_cast<unsigned char>(text[end]) >= 0x80) {
            std::uint32_t m = 0;
            const std::size_t mlen = core::decodeUtf8(text, end, m);
            if (mlen == 0 || !isMark(static_cast<UChar32>(m))) break;
            end += mlen;
            marks = true;
        }
        i = end;
        Segment s{begin, end, false, false, false};
        std::string piece;
        if (cp < 0x80 && !marks) {
            piece = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
            s.upper = cp >= 'A' && cp <= 'Z';
            s.lower = cp >= 'a' && cp <= 'z';
            s.word = s.upper || s.lower || (cp >= '0' && cp <= '9');
            if (piece == "\n" || piece == "\r" || piece == "\t") piece = " ";
        } else {
            s.upper = u_isupper(c) || u_istitle(c);
            s.lower = u_islower(c);
            s.word = u_isalnum(c) || s.upper || s.lower;
            // A single code point folds the same way every time: cached (most text repeats a few
            // umlauts and punctuation marks).
            thread_local std::unordered_map<std::uint32_t, std::string> cache;
            const auto cached = marks ? cache.end() : cache.find(cp);
            if (cached != cache.end()) {
                piece = cached->second;
            } else {
                icu::UnicodeString original =
                    icu::UnicodeString::fromUTF8(icu::StringPiece(text.data() + begin, static_cast<int32_t>(end - begin)));
                UErrorCode status = U_ZERO_ERROR;
                const icu::UnicodeString normal = icuInstances().nfkcCf->normalize(original, status);
                if (U_FAILURE(status)) continue;
                for (int32_t k = 0; k < normal.length();) {
                    const UChar32 n = normal.char32At(k);
                    k += U16_LENGTH(n);
                    appendFoldedLetter(piece, n);
                }
                if (!marks && cache.size() < 4096) cache.emplace(cp, piece);
            }
        }
        // Runs of white space fold to one space.
        const bool space = piece == " ";
        if (space && lastWasSpace) piece.clear();
        if (!piece.empty()) lastWasSpace = space;
        const auto index = static_cast<std::uint32_t>(segCount);
        f.segs[segCount++] = s;
        put(piece, index);
    }
    f.text.resize(outLen);
    f.seg.resize(outLen);
    f.segs.resize(segCount);
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
    bool wholeWord = false; // short patterns must stand alone (no capital boundary inside a word)
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
    std::string collapsed = fold(clean).text;
    // Names start and end with a letter: quotes, brackets and spaces around them are not part of it.
    while (!collapsed.empty() && !isWordByte(collapsed.front())) collapsed.erase(collapsed.begin());
    while (!collapsed.empty() && !isWordByte(collapsed.back())) collapsed.pop_back();
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

// ---------------------------------------------------------------------------------------------
// E-mail addresses, also written around spam filters: "h.meier (at) kreis.de",
// "h.meier [at] kreis [dot] de", "h.meier at kreis dot de", fullwidth "＠" (folded by NFKC).

bool isEmailLocal(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool isLabelChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// Length of an "at" or "dot" marker at i in folded text: the word in brackets or between spaces.
std::size_t markerAt(std::string_view t, std::size_t i, std::string_view word, char symbol) {
    if (i < t.size() && t[i] == symbol) return 1;
    static constexpr std::string_view open = "([{<", close = ")]}>";
    for (std::size_t k = 0; k < open.size(); ++k) {
        if (i >= t.size() || t[i] != open[k]) continue;
        std::size_t j = i + 1;
        while (j < t.size() && t[j] == ' ') ++j;
        if (t.substr(j, word.size()) != word) continue;
        j += word.size();
        while (j < t.size() && t[j] == ' ') ++j;
        if (j < t.size() && t[j] == close[k]) return j + 1 - i;
    }
    // " at " / " dot ": only between spaces.
    if (i > 0 && t[i - 1] == ' ' && t.substr(i, word.size()) == word && i + word.size() < t.size() && t[i + word.size()] == ' ')
        return word.size();
    return 0;
}

void findEmails(const Folded& f, std::vector<Match>& out) {
    const std::string_view t = f.text;
    auto original = [&](std::size_t b, std::size_t e) {
        return Match{f.segs[f.seg[b]].begin, f.segs[f.seg[e - 1]].end, "[EMAIL]"};
    };
    auto skipSpacesBack = [&](std::size_t p) {
        while (p > 0 && t[p - 1] == ' ') --p;
        return p;
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (c != '@' && c != '(' && c != '[' && c != '{' && c != '<' && !(c == 'a' && i > 0 && t[i - 1] == ' ')) continue;
        std::size_t atLen = markerAt(t, i, "at", '@');
        if (atLen == 0) atLen = markerAt(t, i, "aet", '@'); // "(ät)"
        if (atLen == 0) continue;
        const bool spaced = t[i] != '@' && t[i] != '(' && t[i] != '[' && t[i] != '{' && t[i] != '<';
        // Local part, right to left; "(dot)" markers and spaces around a bracketed "(at)" allowed.
        std::size_t b = spaced ? i - 1 : skipSpacesBack(i);
        std::size_t localEnd = b;
        while (b > 0 && isEmailLocal(t[b - 1])) --b;
        if (b == localEnd) continue;
        // Domain, left to right: labels separated by "." or a dot marker.
        std::size_t e = i + atLen;
        if (!spaced) {
            while (e < t.size() && t[e] == ' ') ++e;
        } else if (e < t.size() && t[e] == ' ') {
            ++e;
        }
        int labels = 0;
        std::size_t lastLabelLetters = 0, domainEnd = e;
        while (e < t.size()) {
            const std::size_t start = e;
            std::size_t letters = 0;
            while (e < t.size() && isLabelChar(t[e])) {
                if (t[e] >= 'a' && t[e] <= 'z') ++letters;
                ++e;
            }
            if (e == start) break;
            ++labels;
            lastLabelLetters = letters;
            domainEnd = e;
            // A separator followed by another label?
            std::size_t s = e;
            std::size_t dot = markerAt(t, s, "dot", '.');
            if (dot == 0 && s < t.size() && t[s] == ' ') {
                std::size_t k = s;
                while (k < t.size() && t[k] == ' ') ++k;
                dot = markerAt(t, k, "dot", '.');
                if (dot != 0) s = k;
            }
            if (dot == 0) break;
            s += dot;
            while (s < t.size() && t[s] == ' ') ++s;
            if (s >= t.size() || !isLabelChar(t[s])) break;
            e = s;
        }
        if (labels < 2 || lastLabelLetters < 2) continue;
        out.push_back(original(b, domainEnd));
        i = domainEnd - 1;
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
    int digitsInGroup = 0;
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

// Patterns indexed by their first bytes, so a text is read once per word start instead of once per
// pattern (an export scrubs with the names of all its sessions: thousands of patterns).
constexpr std::size_t kKeyLength = 4;

struct PatternIndex {
    std::vector<Pattern> list;
    std::unordered_map<std::string, std::vector<std::size_t>> byKey; // first min(4, size) bytes
    std::array<bool, kKeyLength + 1> keyLengths{};                  // which key lengths occur

    void build() {
        byKey.clear();
        keyLengths = {};
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::size_t len = std::min(kKeyLength, list[i].folded.size());
            byKey[list[i].folded.substr(0, len)].push_back(i);
            keyLengths[len] = true;
        }
    }
};

// Name matches in one folded view. A name matches as a whole word, or at a capital boundary inside
// a word ("KolleginQuellenbrink"), never as the prefix or suffix of a longer lower-case word
// ("Kleine", "Personalrat"). The German genitive ("Meiers", "Meier's") is part of the match.
void findNames(const Folded& f, const PatternIndex& index, bool onlyAcrossJoins, std::vector<Match>& out) {
    const std::string& t = f.text;
    const auto& segs = f.segs;
    const std::size_t n = segs.size();
    if (index.list.empty()) return;
    std::string key;
    for (std::size_t pos = 0; pos < t.size(); ++pos) {
        const std::uint32_t first = f.seg[pos];
        // Whole segments only: not the "e" of a folded "ü" = "ue"; and only where a word starts.
        if (pos > 0 && f.seg[pos - 1] == first) continue;
        if (!segs[first].word) continue;
        const bool wordStart = first == 0 || !segs[first - 1].word;
        const bool capitalBoundary = !wordStart && segs[first].upper && segs[first - 1].lower;
        if (!wordStart && !capitalBoundary) continue;
        for (std::size_t keyLen = 1; keyLen <= kKeyLength && pos + keyLen <= t.size(); ++keyLen) {
            if (!index.keyLengths[keyLen]) continue;
            key.assign(t, pos, keyLen);
            const auto bucket = index.byKey.find(key);
            if (bucket == index.byKey.end()) continue;
            for (const std::size_t pi : bucket->second) {
                const Pattern& p = index.list[pi];
                if (p.folded.size() > kKeyLength ? keyLen != kKeyLength : keyLen != p.folded.size()) continue;
                if (t.compare(pos, p.folded.size(), p.folded) != 0) continue;
                if (capitalBoundary && p.wholeWord) continue;
                const std::size_t endPos = pos + p.folded.size();
                if (onlyAcrossJoins &&
                    std::none_of(f.joins.begin(), f.joins.end(), [&](std::size_t j) { return j > pos && j < endPos; }))
                    continue;
                const std::uint32_t last = f.seg[endPos - 1];
                if (endPos < t.size() && f.seg[endPos] == last) continue;
                std::size_t endSeg = last;
                bool endOk = last + 1 >= n || !segs[last + 1].word ||
                             (!p.wholeWord && segs[last + 1].upper && segs[last].lower);
                if (!endOk && endPos < t.size() && t[endPos] == 's' && (last + 2 >= n || !segs[last + 2].word)) {
                    endOk = true; // genitive "Meiers"
                    endSeg = last + 1;
                }
                if (!endOk) continue;
                if (endSeg == last && endPos + 2 <= t.size() && t[endPos] == '\'' && t[endPos + 1] == 's' &&
                    (last + 3 >= n || !segs[last + 3].word))
                    endSeg = last + 2; // "Meier's"
                out.push_back({segs[first].begin, segs[endSeg].end, p.placeholder});
            }
        }
    }
}

} // namespace

ScrubList scrubListFor(const core::Session& session) {
    ScrubList list;
    addToScrubList(list, session);
    return list;
}

void addToScrubList(ScrubList& list, const core::Session& session) {
    for (const auto& p : session.participants) {
        if (!core::trim(p.displayName).empty()) list.names.push_back(p.displayName);
        if (!core::trim(p.department).empty()) list.orgs.push_back(p.department);
    }
    if (!core::trim(session.facilitator).empty()) list.names.push_back(session.facilitator);
    if (!core::trim(session.orgUnit).empty()) list.orgs.push_back(session.orgUnit);
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
}

struct Scrubber::Patterns {
    PatternIndex index;
    bool urls = true, contacts = true;
};

Scrubber::Scrubber(const ScrubList& list) {
    auto compiled = std::make_shared<Patterns>();
    compiled->urls = list.urls;
    compiled->contacts = list.contacts;
    auto& patterns = compiled->index.list;
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
    compiled->index.build();
    m_patterns = std::move(compiled);
}

std::string scrubText(std::string_view raw, const ScrubList& list) { return Scrubber(list)(raw); }

std::string Scrubber::operator()(std::string_view raw) const {
    const std::string text = sanitizeText(raw);
    if (text.empty()) return text;
    const auto& patterns = m_patterns->index;

    std::vector<Match> matches;
    const Folded f = fold(text);
    if (m_patterns->contacts) {
        findEmails(f, matches);
        findPhones(text, matches);
    }
    if (m_patterns->urls) findUrls(text, matches);
    findNames(f, patterns, false, matches);
    // Names broken by a line break inside a word: only the words around each break are folded
    // again, joined (from the last non-word character before it to the first after it).
    if (text.find('\n') != std::string::npos) {
        for (const auto& [breakBegin, breakEnd] : wordBreaks(text)) {
            std::size_t wb = breakBegin, we = breakEnd;
            while (wb > 0 && isWordByte(text[wb - 1])) --wb;
            while (we < text.size() && isWordByte(text[we])) ++we;
            const Folded joined = fold(std::string_view(text).substr(wb, we - wb), true);
            if (joined.joins.empty()) continue;
            std::vector<Match> found;
            findNames(joined, patterns, true, found);
            for (auto m : found) matches.push_back({m.begin + wb, m.end + wb, m.placeholder});
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
