#!/usr/bin/env bash
# The ODT transfer report: a valid OpenDocument package (mimetype first and stored, well-formed
# XML, headings with outline levels, the charts as PNG images listed in the manifest), no names
# of the demo session unless asked, and LibreOffice (headless, private profile, bounded by a
# timeout) converts it to a PDF whose text holds the headings, the head fields, the page numbers
# and the chart captions, with the charts as images.
# Usage: report_odt.sh LERNRAUM_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
soffice_pid=
cleanup() {
    [[ -n "$soffice_pid" ]] && kill "$soffice_pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
py=/usr/bin/python3

"$bin" new --template demo -o "$tmp/demo.lernraum" >/dev/null 2>&1 || fail "cannot create the demo session"
"$bin" report "$tmp/demo.lernraum" --format odt -o "$tmp/r.odt" --org "Stadt Musterhausen" \
    --file-number "AZ 10-2026/17" --author "M. Muster" --status Entwurf 2>"$tmp/err" || fail "report --format odt failed: $(cat "$tmp/err")"
[[ -s "$tmp/r.odt" ]] || { echo "FAIL: no ODT written"; exit 1; }

# The same input gives the same bytes (no clock in the package).
"$bin" report "$tmp/demo.lernraum" --format odt -o "$tmp/again.odt" --org "Stadt Musterhausen" \
    --file-number "AZ 10-2026/17" --author "M. Muster" --status Entwurf 2>/dev/null
cmp -s "$tmp/r.odt" "$tmp/again.odt" || fail "two ODT reports of the same session differ"

# To a pipe the ODT is written (to a terminal it is refused: binary).
"$bin" report "$tmp/demo.lernraum" --format odt | cat >"$tmp/pipe.odt"
[[ "$(head -c 2 "$tmp/pipe.odt")" == PK ]] || fail "ODT to a pipe is not a zip"

# Package structure, checked with Python's zipfile and xml modules.
"$py" - "$tmp/r.odt" <<'EOF' || fail "ODT package structure"
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
infos = z.infolist()
first = infos[0]
assert first.filename == "mimetype", first.filename
assert first.compress_type == zipfile.ZIP_STORED, "mimetype is compressed"
assert first.extra == b"", "mimetype has an extra field"
assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
assert z.testzip() is None, "CRC error"
docs = {}
for name in ("content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"):
    docs[name] = xml.dom.minidom.parseString(z.read(name))  # raises when not well-formed
content = docs["content.xml"]
levels = sorted({h.getAttribute("text:outline-level") for h in content.getElementsByTagName("text:h")})
assert levels == ["1", "2", "3"] or levels == ["1", "2", "3", "4"], levels
assert len(content.getElementsByTagName("table:table")) >= 5, "tables missing"
images = [i.getAttribute("xlink:href") for i in content.getElementsByTagName("draw:image")]
assert len(images) >= 3, images
manifest = {e.getAttribute("manifest:full-path"): e.getAttribute("manifest:media-type")
            for e in docs["META-INF/manifest.xml"].getElementsByTagName("manifest:file-entry")}
for image in images:
    assert manifest.get(image) == "image/png", image
    assert z.read(image).startswith(b"\x89PNG\r\n\x1a\n"), image
footer = docs["styles.xml"].getElementsByTagName("text:page-number")
assert footer, "no page number in the footer"
assert "M. Muster" in z.read("meta.xml").decode(), "author not in meta.xml"
EOF

# Privacy: names of the demo session only with --include-names.
unzip -p "$tmp/r.odt" content.xml styles.xml meta.xml >"$tmp/xml" 2>/dev/null
grep -q "Friederike Adam" "$tmp/xml" && fail "the facilitator's name is in the ODT report without --include-names"
grep -q "Aktenzeichen" "$tmp/xml" || fail "the file number label is missing"

# LibreOffice: a private profile in the temporary directory, bounded in time.
soffice=$(command -v soffice || command -v libreoffice)
if [[ -z "$soffice" ]]; then
    echo "FAIL: soffice not installed (scripts/install-deps.sh installs libreoffice-writer-nogui)"
    exit 1
fi
timeout -k 5 150 "$soffice" -env:UserInstallation="file://$tmp/lo-profile" --headless --norestore \
    --convert-to pdf --outdir "$tmp" "$tmp/r.odt" >"$tmp/lo.log" 2>&1 &
soffice_pid=$!
wait "$soffice_pid"
soffice_pid=
[[ -s "$tmp/r.pdf" ]] || { echo "FAIL: LibreOffice did not convert the ODT: $(tail -3 "$tmp/lo.log")"; exit 1; }
pdftotext -layout "$tmp/r.pdf" "$tmp/r.txt" || fail "pdftotext"
for text in "Transferbericht: Auswertungssitzung" "Kontext" "Ziel und Ablauf" "Retrospektive" "Praxisexperimente" \
    "Praxisexperimente nach Status" "Kumulatives Flussdiagramm" "Stimmen je Gruppe" "Datenschutz" \
    "Aktenzeichen: AZ 10-2026/17" "Status: Entwurf" "Seite 1 von" "Stadt Musterhausen"; do
    grep -qF "$text" "$tmp/r.txt" || fail "the PDF text lacks \"$text\""
done
images=$(pdfimages -list "$tmp/r.pdf" 2>/dev/null | awk 'NR > 2' | wc -l)
[[ $images -ge 3 ]] || fail "the PDF has $images images, expected the charts (at least 3)"

[[ $failures -eq 0 ]] && echo "report_odt: all checks passed"
exit $((failures > 0))
