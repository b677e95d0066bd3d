// Escaping of user text for HTML, Markdown and CSV.
#include "report/escape.hpp"

#include <catch2/catch.hpp>

using namespace lernraum::report;

TEST_CASE("sanitizeText removes control, bidi and invalid bytes", "[report][escape]") {
    CHECK(sanitizeText("a\x01" "b\x7f" "c") == "abc");
    CHECK(sanitizeText("a\r\nb\tc") == "a\nb c");
    CHECK(sanitizeText("a\nb", false) == "a b");
    CHECK(sanitizeText("x\xE2\x80\xAEy\xE2\x81\xA6z") == "xyz");
    CHECK(sanitizeText("bad\xFF" "byte") == "bad\xEF\xBF\xBD" "byte");
    CHECK(sanitizeText("Grüße – „ok“ 🙂") == "Grüße – „ok“ 🙂");
}

TEST_CASE("escapeHtml escapes every markup character", "[report][escape]") {
    CHECK(escapeHtml("<a href=\"x\" onclick='y'>&</a>") == "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    CHECK(escapeHtml("Ä\nB") == "Ä\nB");
}

TEST_CASE("escapeMarkdown defuses Markdown and HTML syntax but stays readable", "[report][escape]") {
    CHECK(escapeMarkdown("Ganz normaler Satz, mit Komma.") == "Ganz normaler Satz, mit Komma.");
    CHECK(escapeMarkdown("[x](javascript:y)") == "\\[x\\](javascript:y)");
    CHECK(escapeMarkdown("<b>*fett*</b>") == "\\<b\\>\\*fett\\*\\</b\\>");
    CHECK(escapeMarkdown("# Titel") == "\\# Titel");
    CHECK(escapeMarkdown("- Punkt") == "\\- Punkt");
    CHECK(escapeMarkdown("1. Punkt") == "1\\. Punkt");
    CHECK(escapeMarkdown("20.11.2026 und 7.0 Tage") == "20.11.2026 und 7.0 Tage");
    CHECK(escapeMarkdown("#3 und -5 und --x") == "#3 und -5 und --x");
    CHECK(escapeMarkdown("--x") == "\\--x");
    CHECK(escapeMarkdown("=== Linie") == "\\=== Linie");
    CHECK(escapeMarkdown("a | b") == "a \\| b");
    CHECK(escapeMarkdown("zwei\nZeilen") == "zwei Zeilen");
    CHECK(escapeMarkdown("siehe https://x.de und www.y.de") == "siehe https\\://x.de und www\\.y.de");
    CHECK(escapeMarkdown("a@b.de") == "a\\@b.de");
    CHECK(escapeMarkdown("    eingerückt") == "eingerückt");
}

TEST_CASE("csvField quotes per RFC 4180", "[report][escape]") {
    CHECK(csvField("plain") == "plain");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("line\nbreak") == "\"line\nbreak\"");
    CHECK(csvField("cr\r") == "\"cr\r\"");
    CHECK(csvField("") == "");
}
