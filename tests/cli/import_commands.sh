#!/usr/bin/env bash
# lernraum import trello|csv and export-csv: new session files and --into, the summary, refusals
# with a clear message and no output file, exit codes 0 / 1 / 2, no personal data from a Trello
# export in the saved file, and the Excel (German) export reading back through the importer.
# Usage: import_commands.sh LERNRAUM_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
fx="$src/tests/fixtures/import"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_rc() { # expected command...
    local expected=$1; shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    [[ $rc -eq $expected ]] || fail "'$*' exited $rc, expected $expected; stderr: $(head -c 300 "$tmp/err")"
}
# "columns:cards-per-column,..." of the board TITLE in FILE
counts() { # FILE TITLE
    python3 - "$1" "$2" <<'PY'
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))["session"]
b = [b for b in s["boards"] if b["title"] == sys.argv[2]][0]
print(",".join("%s=%d" % (c["title"], sum(1 for k in b["cards"] if k["column"] == c["id"])) for c in b["columns"]))
PY
}

# --- import trello: a new session -------------------------------------------------------------
expect_rc 0 "$bin" import trello "$fx/trello-modern.json" -o "$tmp/t.lernraum"
grep -q "board 'Projekt Bürgerservice' created" "$tmp/out" || fail "no summary line: $(cat "$tmp/out")"
grep -q "1 archived lists left out (with 2 cards)" "$tmp/out" || fail "archived list not in the summary"
grep -q "Not imported: members" "$tmp/out" || fail "the summary does not say that members are not imported"
expect_rc 0 "$bin" validate "$tmp/t.lernraum"
[[ "$(counts "$tmp/t.lernraum" "Projekt Bürgerservice")" == "Ideen=2,In Arbeit=2,Erledigt ✅=1" ]] ||
    fail "cards per column: $(counts "$tmp/t.lernraum" "Projekt Bürgerservice")"
for personal in "Erika" "Mustermann" "Beispielmann" "example.org" "avatar" "Kommentar"; do
    grep -q "$personal" "$tmp/t.lernraum" && fail "'$personal' from the export is in the session file"
done

# An existing file is not overwritten without --force; --into adds a board to it.
expect_rc 1 "$bin" import trello "$fx/trello-old-schema.json" -o "$tmp/t.lernraum"
grep -q "already exists" "$tmp/err" || fail "no 'already exists' message"
expect_rc 0 "$bin" import trello "$fx/trello-old-schema.json" -o "$tmp/t.lernraum" --into --board "Altes Board"
grep -q "board 'Altes Board' added" "$tmp/out" || fail "--into summary: $(cat "$tmp/out")"
[[ "$(counts "$tmp/t.lernraum" "Altes Board")" == "Backlog=1,To Do=1,Doing=1" ]] || fail "old schema counts"
[[ "$(counts "$tmp/t.lernraum" "Projekt Bürgerservice")" == "Ideen=2,In Arbeit=2,Erledigt ✅=1" ]] || fail "--into lost the first board"
expect_rc 1 "$bin" import trello "$fx/trello-old-schema.json" -o "$tmp/none.lernraum" --into
grep -q "does not exist" "$tmp/err" || fail "--into a missing file: no clear message"
[[ -e "$tmp/none.lernraum" ]] && fail "--into created a file"

# Refusals: clear message in the usual format, exit 1, no output file.
for f in trello-single-card.json:"single card" trello-truncated.json:"cut off" not-trello.json:"not a Trello board export"; do
    name=${f%%:*}; message=${f#*:}
    expect_rc 1 "$bin" import trello "$fx/$name" -o "$tmp/refused.lernraum"
    grep -q "^lernraum: .*$name: error: .*$message" "$tmp/err" || fail "$name: message is '$(cat "$tmp/err")'"
    [[ -e "$tmp/refused.lernraum" ]] && fail "$name: an output file was written"
done
expect_rc 1 "$bin" import trello "$tmp/missing.json" -o "$tmp/refused.lernraum"
grep -q "error: Could not read the file" "$tmp/err" || fail "missing input: $(cat "$tmp/err")"
# A refused --into leaves the existing file as it was.
cp "$tmp/t.lernraum" "$tmp/before.lernraum"
expect_rc 1 "$bin" import trello "$fx/trello-truncated.json" -o "$tmp/t.lernraum" --into
cmp -s "$tmp/t.lernraum" "$tmp/before.lernraum" || fail "a refused --into changed the file"

# Usage errors: exit 2.
expect_rc 2 "$bin" import
expect_rc 2 "$bin" import trello "$fx/trello-modern.json"
expect_rc 2 "$bin" import xml "$fx/trello-modern.json" -o "$tmp/x.lernraum"
expect_rc 2 "$bin" import trello "$fx/trello-modern.json" -o "$tmp/y.lernraum" --bogus
[[ -e "$tmp/x.lernraum" || -e "$tmp/y.lernraum" ]] && fail "a usage error wrote a file"
expect_rc 0 "$bin" import --help
grep -q "trello" "$tmp/out" && grep -q "csv" "$tmp/out" || fail "import --help does not list trello and csv"

# --- import csv: German Excel file (Windows-1252, ';', German headers and dates) ----------------
printf 'Titel;Spalte;F\xe4llig;Verantwortlich;Schlagw\xf6rter\r\nB\xfcrgeramt;Offen;24.12.2026;Personalrat;a\r\nZweite;Erledigt;2026-12-31;;\r\nOhne Titel?;;31.02.2026;;\r\n' >"$tmp/excel.csv"
expect_rc 0 "$bin" import csv "$tmp/excel.csv" -o "$tmp/c.lernraum" --board "Aus Excel"
grep -q "Read as Windows-1252, separated by ';'" "$tmp/out" || fail "encoding not in the summary: $(cat "$tmp/out")"
grep -q "warning: line 4: invalid due date '31.02.2026'" "$tmp/err" || fail "line problem not reported: $(cat "$tmp/err")"
[[ "$(counts "$tmp/c.lernraum" "Aus Excel")" == "Offen=1,Erledigt=1" ]] || fail "csv counts: $(counts "$tmp/c.lernraum" "Aus Excel")"
grep -q "Bürgeramt" "$tmp/c.lernraum" || fail "umlaut not converted"
python3 - "$tmp/c.lernraum" <<'PY' || fail "csv card fields"
import json, sys
b = json.load(open(sys.argv[1], encoding="utf-8"))["session"]["boards"][0]
c = [c for c in b["cards"] if c["title"] == "Bürgeramt"][0]
assert c["due"] == "2026-12-24", c
assert c["owner_role"] == "staff_council", c
PY
expect_rc 1 "$bin" import csv "$tmp/excel.csv" -o "$tmp/c.lernraum"
printf 'Titel;Spalte\n' >"$tmp/empty.csv"
expect_rc 1 "$bin" import csv "$tmp/empty.csv" -o "$tmp/e.lernraum"
grep -q "error: The file has no cards" "$tmp/err" || fail "empty csv: $(cat "$tmp/err")"
[[ -e "$tmp/e.lernraum" ]] && fail "empty csv wrote a file"
printf 'a,"open\n' >"$tmp/broken.csv"
expect_rc 1 "$bin" import csv "$tmp/broken.csv" -o "$tmp/e.lernraum"
[[ -e "$tmp/e.lernraum" ]] && fail "broken csv wrote a file"

# --- export-csv --excel reads back through import csv -----------------------------------------
expect_rc 0 "$bin" export-csv "$tmp/t.lernraum" --board "Projekt Bürgerservice" --excel -o "$tmp/excel-de.csv"
head -c 3 "$tmp/excel-de.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "no BOM in the Excel export"
head -1 "$tmp/excel-de.csv" | grep -q "Karten-ID;Titel;Beschreibung;Spalte" || fail "no German header: $(head -1 "$tmp/excel-de.csv")"
grep -q ";24.12.2026;" "$tmp/excel-de.csv" || fail "no German date in the Excel export"
expect_rc 0 "$bin" import csv "$tmp/excel-de.csv" -o "$tmp/back.lernraum" --board "Zurück"
[[ "$(counts "$tmp/back.lernraum" "Zurück")" == "Ideen=2,In Arbeit=2,Erledigt ✅=1" ]] ||
    fail "round trip counts: $(counts "$tmp/back.lernraum" "Zurück")"
expect_rc 0 "$bin" export-csv "$tmp/t.lernraum"
head -1 "$tmp/out" | grep -q "^id,title,description" || fail "standard export header"
expect_rc 1 "$bin" export-csv "$tmp/t.lernraum" --board "Gibt es nicht"

[[ $failures -eq 0 ]] || { echo "$failures failure(s)"; exit 1; }
echo "import commands: ok"
