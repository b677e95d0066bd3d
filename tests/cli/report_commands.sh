#!/usr/bin/env bash
# Command-line contract of report / export-research: exit codes, error format, outputs.
# The export runs over a directory tree with a good file, a broken file and a file without
# research consent: the broken one is reported and skipped, the non-consent one listed as skipped.
# Usage: report_commands.sh LERNRAUM_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" # never touch the real key
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_rc() { # expected command...
    local expected=$1; shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    [[ $rc -eq $expected ]] || fail "'$*' exited $rc, expected $expected; stderr: $(head -c 300 "$tmp/err")"
}

"$bin" new --template demo -o "$tmp/demo.lernraum" >/dev/null 2>&1 || fail "cannot create the demo session"

# report ---------------------------------------------------------------------------------------
expect_rc 0 "$bin" report "$tmp/demo.lernraum"
head -1 "$tmp/out" | grep -q '^# Transferbericht: ' || fail "Markdown report to stdout: $(head -1 "$tmp/out")"
cmp -s "$tmp/out" "$src/tests/fixtures/report/demo_de.md" || fail "CLI Markdown report differs from the golden file"
expect_rc 0 "$bin" report "$tmp/demo.lernraum" --format html --lang en -o "$tmp/r.html"
[[ -s "$tmp/out" ]] && fail "report -o also wrote to stdout"
cmp -s "$tmp/r.html" "$src/tests/fixtures/report/demo_en.html" || fail "CLI HTML report differs from the golden file"
grep -qi '<script' "$tmp/r.html" && fail "HTML report contains a script tag"
expect_rc 0 "$bin" report "$tmp/demo.lernraum" "$tmp/demo.lernraum" --lang en
grep -q '^# Transfer report for the Lernraum series' "$tmp/out" || fail "several files do not give a series report"
expect_rc 1 "$bin" report "$tmp/missing.lernraum"
grep -q "^lernraum: $tmp/missing.lernraum: error: " "$tmp/err" || fail "missing file message: $(cat "$tmp/err")"
printf '{"format": "lernraum-session", "schema_version": 1, "session": [' >"$tmp/broken.lernraum"
expect_rc 1 "$bin" report "$tmp/demo.lernraum" "$tmp/broken.lernraum"
[[ -s "$tmp/out" ]] && fail "a report was written although an input file is broken"
expect_rc 2 "$bin" report "$tmp/demo.lernraum" --format pdf
expect_rc 2 "$bin" report "$tmp/demo.lernraum" --lang fr
expect_rc 2 "$bin" report

# export-research --------------------------------------------------------------------------------
mkdir -p "$tmp/in/sub/deeper" "$tmp/in/other"
cp "$tmp/demo.lernraum" "$tmp/in/sub/deeper/good.lernraum"
cp "$tmp/broken.lernraum" "$tmp/in/other/broken.lernraum"
sed 's/"research_consent": true/"research_consent": false/' "$tmp/demo.lernraum" |
    sed 's/"id": "session-/"id": "session-x/' >"$tmp/in/no-consent.lernraum"
grep -q '"research_consent": false' "$tmp/in/no-consent.lernraum" || fail "test setup: consent flag not found"
echo "not a session" >"$tmp/in/notes.txt" # ignored: not *.lernraum

expect_rc 0 "$bin" export-research "$tmp/in" -o "$tmp/export"
grep -q "^lernraum: $tmp/in/other/broken.lernraum: error: .*(skipped)" "$tmp/err" || fail "broken file not reported: $(cat "$tmp/err")"
grep -q "^lernraum: $tmp/in/no-consent.lernraum: skipped: no research consent" "$tmp/err" || fail "non-consent file not listed: $(cat "$tmp/err")"
grep -q "created a new pseudonym key" "$tmp/err" || fail "the new key file was not announced"
grep -q "notes.txt" "$tmp/err" && fail "a non-session file was read"
grep -q "exported 1 session" "$tmp/out" || fail "summary: $(cat "$tmp/out")"
key="$tmp/config/lernraum/research-export.key"
[[ -f "$key" ]] || fail "no key file created"
[[ $(stat -c %a "$key") == 600 ]] || fail "key file permissions are $(stat -c %a "$key")"
[[ $(stat -c %s "$key") == 32 ]] || fail "key file is not 32 bytes"
# A relative XDG_CONFIG_HOME is ignored (XDG spec): the key goes under $HOME/.config, not the cwd.
mkdir -p "$tmp/home" "$tmp/cwd"
(cd "$tmp/cwd" && HOME="$tmp/home" XDG_CONFIG_HOME=relative-config "$bin" export-research "$tmp/in" -o "$tmp/export-rel" \
    >/dev/null 2>&1)
[[ -e "$tmp/cwd/relative-config" ]] && fail "a relative XDG_CONFIG_HOME was used for the research key"
[[ -f "$tmp/home/.config/lernraum/research-export.key" ]] || fail "no key under \$HOME/.config with a relative XDG_CONFIG_HOME"
for f in sessions participation retro_items votes actions experiments experiment_observations board_flow; do
    [[ -s "$tmp/export/$f.csv" ]] || fail "missing table $f.csv"
done
[[ -s "$tmp/export/codebook.md" ]] || fail "missing codebook.md"
grep -q '"exported": 1, "skipped": 1, "unreadable_files": 1' "$tmp/export/manifest.json" || fail "manifest counts: $(cat "$tmp/export/manifest.json")"
[[ $(wc -l <"$tmp/export/sessions.csv") == 2 ]] || fail "sessions.csv should have one header and one row"
# Hashes in the manifest are the files' SHA-256.
for f in "$tmp"/export/*.csv "$tmp/export/codebook.md"; do
    sum=$(sha256sum "$f" | cut -d' ' -f1)
    grep -q "\"name\": \"$(basename "$f")\".*\"sha256\": \"$sum\"" "$tmp/export/manifest.json" || fail "manifest hash of $(basename "$f")"
done
# Names, org unit and ids of the demo session never reach the export.
for canary in "Friederike" "Lindenfeld" "Zentrale Dienste" "Führung auf Distanz" "session-"; do
    grep -rqi -- "$canary" "$tmp/export" && fail "export contains '$canary'"
done
# Same key => same bytes; another key => other pseudonyms.
expect_rc 0 "$bin" export-research "$tmp/in/sub" -o "$tmp/export2"
cmp -s "$tmp/export/sessions.csv" "$tmp/export2/sessions.csv" || fail "same key gave different sessions.csv"
head -c 32 /dev/urandom >"$tmp/other.key"
chmod 644 "$tmp/other.key"
expect_rc 0 "$bin" export-research "$tmp/in/sub" -o "$tmp/export3" --key-file "$tmp/other.key" --k 3 --include-text
grep -q "^lernraum: $tmp/other.key: warning: the key file is readable by others" "$tmp/err" || fail "no warning for a world-readable key"
cmp -s "$tmp/export/sessions.csv" "$tmp/export3/sessions.csv" && fail "another key gave the same pseudonyms"
grep -q '"k": 3' "$tmp/export3/manifest.json" || fail "--k not recorded"
head -1 "$tmp/export3/retro_items.csv" | grep -q ',text,' || fail "--include-text did not add text columns"
grep -rqi "Friederike" "$tmp/export3" && fail "--include-text export contains the facilitator's name"

# Errors
expect_rc 1 "$bin" export-research "$tmp/in/no-consent.lernraum" -o "$tmp/export4"
grep -q "nothing exported" "$tmp/err" || fail "no-consent-only export message: $(cat "$tmp/err")"
[[ -e "$tmp/export4" ]] && fail "an empty export directory was created"
echo "short" >"$tmp/bad.key"
expect_rc 1 "$bin" export-research "$tmp/in" -o "$tmp/export5" --key-file "$tmp/bad.key"
grep -q "^lernraum: $tmp/bad.key: error: not a key file" "$tmp/err" || fail "bad key message: $(cat "$tmp/err")"
expect_rc 2 "$bin" export-research "$tmp/in" -o "$tmp/export6" --key-file "$tmp/export6/k.key"
expect_rc 2 "$bin" export-research "$tmp/in" -o "$tmp/export7" --k 0
# The thread count never changes the output (files loaded and exported in parallel): a series of
# consenting sessions, exported with 1 and with 3 threads, gives the same bytes.
mkdir -p "$tmp/series"
for seed in 1 2 3 4 5 6 7; do
    "$bin" generate -o "$tmp/series/s$seed.lernraum" --cards 30 --retro-items 20 --experiments 3 --seed $seed >/dev/null 2>&1 ||
        fail "cannot generate session $seed"
    sed -i 's/"research_consent": false/"research_consent": true/' "$tmp/series/s$seed.lernraum"
done
cp "$tmp/broken.lernraum" "$tmp/series/broken.lernraum"
expect_rc 0 "$bin" export-research "$tmp/series" -o "$tmp/export-t1" --include-text --threads 1
cp "$tmp/out" "$tmp/out-t1"
expect_rc 0 "$bin" export-research "$tmp/series" -o "$tmp/export-t3" --include-text --threads 3
diff -r "$tmp/export-t1" "$tmp/export-t3" >/dev/null || fail "export with 3 threads differs from 1 thread"
[[ "$(sed 's/export-t3/export-t1/' "$tmp/out")" == "$(cat "$tmp/out-t1")" ]] || fail "messages with 3 threads differ from 1 thread"
grep -q "exported 7 session" "$tmp/out" || fail "series export: $(cat "$tmp/out")"
LERNRAUM_THREADS=2 expect_rc 0 "$bin" export-research "$tmp/series" -o "$tmp/export-t2" --include-text
diff -r "$tmp/export-t1" "$tmp/export-t2" >/dev/null || fail "export with LERNRAUM_THREADS=2 differs"
LERNRAUM_THREADS=many expect_rc 2 "$bin" export-research "$tmp/series" -o "$tmp/export-tx"
grep -q "^lernraum: LERNRAUM_THREADS: error: must be a whole number" "$tmp/err" || fail "bad LERNRAUM_THREADS: $(cat "$tmp/err")"
expect_rc 2 "$bin" export-research "$tmp/series" -o "$tmp/export-tx" --threads 0
expect_rc 2 "$bin" export-research "$tmp/in"

# A failed export changes nothing: an earlier export stays as it was (not mixed with new files),
# no temporary folder is left. The write fails by a file size limit (SIGXFSZ ignored: EFBIG).
snapshot() { (cd "$1" && sha256sum -- * | sha256sum); }
before=$(snapshot "$tmp/export")
(trap '' XFSZ; ulimit -f 2; exec "$bin" export-research "$tmp/in/sub" -o "$tmp/export" --include-text) >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc -eq 1 ]] || fail "export with a failing write exited $rc, expected 1; stderr: $(cat "$tmp/err")"
grep -q "^lernraum: $tmp/export: error: .*nothing was changed" "$tmp/err" || fail "failed write message: $(cat "$tmp/err")"
[[ "$(snapshot "$tmp/export")" == "$before" ]] || fail "a failed export changed the earlier export"
head -1 "$tmp/export/retro_items.csv" | grep -q ',text,' && fail "a failed export left text columns behind"
(trap '' XFSZ; ulimit -f 2; exec "$bin" export-research "$tmp/in/sub" -o "$tmp/export8" --include-text) >"$tmp/out" 2>"$tmp/err"
[[ -e "$tmp/export8" ]] && fail "a failed first export left an output folder"
ls -A "$tmp" | grep -q '\.export-' && fail "a temporary export folder was left: $(ls -A "$tmp")"
# A successful export replaces an earlier one completely; an unrelated folder is refused.
expect_rc 0 "$bin" export-research "$tmp/in/sub" -o "$tmp/export" --include-text
head -1 "$tmp/export/retro_items.csv" | grep -q ',text,' || fail "the new export did not replace the earlier one"
mkdir -p "$tmp/mine" && echo "keep me" >"$tmp/mine/notes.txt"
expect_rc 1 "$bin" export-research "$tmp/in/sub" -o "$tmp/mine"
grep -q "not an earlier research export" "$tmp/err" || fail "unrelated folder message: $(cat "$tmp/err")"
[[ "$(cat "$tmp/mine/notes.txt")" == "keep me" && ! -e "$tmp/mine/manifest.json" ]] || fail "an unrelated folder was changed"

# Terminal control characters from a file or a file name never reach the terminal.
sed 's/"kind": "review"/"kind": "\\u001b[2J\\u009b31mevil"/' "$tmp/demo.lernraum" >"$tmp/evil.lernraum"
grep -q 'evil' "$tmp/evil.lernraum" || fail "test setup: kind not replaced"
cp "$tmp/evil.lernraum" "$tmp/$(printf 'name\033]0;x\007')".lernraum
for f in "$tmp/evil.lernraum" "$tmp/$(printf 'name\033]0;x\007')".lernraum; do
    for cmd in report validate export-research; do
        args=("$bin" "$cmd" "$f")
        [[ $cmd == export-research ]] && args+=(-o "$tmp/export9")
        "${args[@]}" >"$tmp/out" 2>"$tmp/err"
        LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]' "$tmp/err" && fail "$cmd: a control character reached stderr: $(od -c "$tmp/err" | head -3)"
        grep -q 'evil\|name' "$tmp/err" || fail "$cmd: the error does not name the problem: $(cat "$tmp/err")"
    done
done
grep -q '\\x1b' "$tmp/err" || fail "escaped control character not shown: $(cat "$tmp/err")"

if [[ $failures -gt 0 ]]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "ok"
