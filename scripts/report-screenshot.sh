#!/usr/bin/env bash
# Optional visual check of the HTML transfer report (not part of CI): renders the demo session's
# report in German and English, prints it to PDF (A4, print stylesheet) and takes a screenshot,
# all with headless Chromium (Debian package `chromium`, not installed by install-deps).
# Usage: scripts/report-screenshot.sh LERNRAUM_BINARY [OUT_DIR]   (default OUT_DIR: report-shots)
set -euo pipefail
bin=$1
out=${2:-report-shots}
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
    echo "report-screenshot: chromium not found (apt-get install chromium)" >&2
    exit 1
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" new --template demo -o "$tmp/demo.lernraum" >/dev/null
flags=(--headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check
       --user-data-dir="$tmp/profile" --hide-scrollbars)
for lang in de en; do
    "$bin" report "$tmp/demo.lernraum" --format html --lang "$lang" -o "$out/demo_$lang.html"
    "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/demo_$lang.pdf" "file://$out/demo_$lang.html" 2>/dev/null
    "$browser" "${flags[@]}" --window-size=1100,3000 --screenshot="$out/demo_$lang.png" "file://$out/demo_$lang.html" 2>/dev/null
    echo "report-screenshot: $out/demo_$lang.{html,pdf,png}"
done
if command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 60 "$out/demo_de.pdf" "$out/demo_de_page"
    echo "report-screenshot: $out/demo_de_page-*.png (PDF pages)"
fi
