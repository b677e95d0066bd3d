#!/usr/bin/env bash
# The HTML report in print: head fields (--org, --file-number, --author, --status) under the title
# and in the page header, page numbers ("Seite 1 von N") from CSS page margin boxes, printed by
# headless Chromium (private profile, bounded by a timeout); the charts' data as tables; German
# dates in the German report; hostile head fields cannot leave the CSS string or the HTML text.
# Usage: report_html_print.sh LERNRAUM_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$bin" new --template demo -o "$tmp/demo.lernraum" >/dev/null 2>&1 || fail "cannot create the demo session"
"$bin" report "$tmp/demo.lernraum" --format html -o "$tmp/r.html" --org "Stadt Musterhausen" --file-number "AZ 10-2026/17" \
    --author "M. Muster" --status Entwurf || fail "report --format html with head fields"

grep -q '<dt>Aktenzeichen</dt><dd>AZ 10-2026/17</dd>' "$tmp/r.html" || fail "file number not in the head fields"
grep -q '<dt>Verfasst von</dt><dd>M. Muster</dd>' "$tmp/r.html" || fail "author not in the head fields"
grep -q '@top-right{content:"Stadt Musterhausen · Aktenzeichen AZ 10-2026/17 · Entwurf"' "$tmp/r.html" || fail "no running header"
grep -q 'counter(pages)' "$tmp/r.html" || fail "no page counter"
[[ $(grep -c '<details class="chart-data">' "$tmp/r.html") -ge 4 ]] || fail "charts without their data as a table"
grep -q '<td>18.11.2026</td>' "$tmp/r.html" || fail "flow chart data without German dates"
grep -qE '[0-9]{4}-[0-9]{2}-[0-9]{2}' "$tmp/r.html" && fail "an ISO date in the German report: $(grep -oE '[^>]{0,30}[0-9]{4}-[0-9]{2}-[0-9]{2}' "$tmp/r.html" | head -1)"

# Hostile head fields: no way out of the CSS string or into markup.
"$bin" report "$tmp/demo.lernraum" --format html -o "$tmp/evil.html" --org '</style><script>alert(1)</script>' \
    --status '"}body{display:none}' || fail "report with hostile head fields"
grep -qi '<script' "$tmp/evil.html" && fail "a head field injected a script tag"
# In the style sheet, display:none stays inside the one quoted CSS string (no raw quote before it).
sed -n '/<style>/,/<\/style>/p' "$tmp/evil.html" | grep 'display:none' | grep -vqE '@top-right\{content:"[^"]*display:none\}"' &&
    fail "a head field left the CSS string"
grep -q '<dd>&quot;}body{display:none}</dd>' "$tmp/evil.html" || fail "the status is not escaped as text in the head fields"

browser=$(command -v chromium || command -v chromium-browser)
if [[ -z "$browser" ]]; then
    echo "FAIL: chromium not installed (scripts/install-deps.sh installs it)"
    exit 1
fi
timeout -k 5 60 "$browser" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$tmp/profile" --no-pdf-header-footer --print-to-pdf="$tmp/r.pdf" "file://$tmp/r.html" >"$tmp/log" 2>&1
[[ -s "$tmp/r.pdf" ]] || { echo "FAIL: Chromium did not print: $(tail -3 "$tmp/log")"; exit 1; }
pdftotext "$tmp/r.pdf" "$tmp/r.txt" || fail "pdftotext"
pages=$(pdfinfo "$tmp/r.pdf" | awk '/^Pages:/ {print $2}')
grep -q "Seite 1 von $pages" "$tmp/r.txt" || fail "no 'Seite 1 von $pages' in the printed report"
grep -q "Seite $pages von $pages" "$tmp/r.txt" || fail "no page number on the last page"
[[ $(grep -c "Stadt Musterhausen · Aktenzeichen AZ 10-2026/17 · Entwurf" "$tmp/r.txt") -eq $pages ]] ||
    fail "the running header is not on every page"

[[ $failures -eq 0 ]] && echo "report_html_print: all checks passed"
exit $((failures > 0))
