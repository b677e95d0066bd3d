#!/usr/bin/env bash
# Command-line contract of new / validate / generate / --version: exit codes, the one-line error
# format "lernraum: FILE: error: MESSAGE", files never modified by validate, no overwriting.
# Usage: session_commands.sh LERNRAUM_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
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

# --version
expect_rc 0 "$bin" --version
grep -qE '^lernraum [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out" || fail "--version printed '$(cat "$tmp/out")'"

# new: creates a valid file, refuses to overwrite, --force overwrites
expect_rc 0 "$bin" new -o "$tmp/a.lernraum" --title "Kick-off Lernraum"
expect_rc 0 "$bin" validate "$tmp/a.lernraum"
grep -q '"title": "Kick-off Lernraum"' "$tmp/a.lernraum" || fail "new did not write the title"
cp "$tmp/a.lernraum" "$tmp/a.copy"
expect_rc 1 "$bin" new -o "$tmp/a.lernraum"
grep -q "^lernraum: $tmp/a.lernraum: error: .*--force" "$tmp/err" || fail "overwrite refusal message: $(cat "$tmp/err")"
cmp -s "$tmp/a.lernraum" "$tmp/a.copy" || fail "new without --force modified an existing file"
expect_rc 0 "$bin" new -o "$tmp/a.lernraum" --force
expect_rc 2 "$bin" new
expect_rc 2 "$bin" new -o "$tmp/b.lernraum" --template nonsense
expect_rc 1 "$bin" new -o "$tmp/no/such/dir/c.lernraum"
grep -q "^lernraum: .*error: " "$tmp/err" || fail "save failure not reported in the error format"

# The shipped demo session is exactly what the demo template produces (kept in sync).
expect_rc 0 "$bin" new --template demo -o "$tmp/demo.lernraum"
cmp -s "$tmp/demo.lernraum" "$src/sessions/demo-fuehrung-auf-distanz.lernraum" ||
    fail "sessions/demo-fuehrung-auf-distanz.lernraum differs from 'lernraum new --template demo' (regenerate it)"
expect_rc 0 "$bin" validate "$src/sessions/demo-fuehrung-auf-distanz.lernraum"

# new with every workshop field: the file holds them, validates, and the research export takes it
expect_rc 0 "$bin" new -o "$tmp/ws.lernraum" --title "Auftakt Digitale Akte" --date 03.12.2026 --start 9:00 \
    --kind kick_off --lernraum "Digitale Akte" --org-unit "Amt 32" --facilitator "M. Muster" --goal "Ein Bild" \
    --next-review 2027-01-14 --language de --research-consent \
    --participants "fuehrungskraft=3,beschaeftigte=6,personalrat=2"
expect_rc 0 "$bin" validate "$tmp/ws.lernraum"
for want in '"date": "2026-12-03"' '"start_time": "09:00"' '"kind": "kick_off"' '"lernraum": "Digitale Akte"' \
    '"org_unit": "Amt 32"' '"facilitator": "M. Muster"' '"goal": "Ein Bild"' '"next_review": "2027-01-14"' \
    '"research_consent": true'; do
    grep -qF "$want" "$tmp/ws.lernraum" || fail "new did not write $want"
done
[[ $(grep -c '"role": "staff_council"' "$tmp/ws.lernraum") -eq 2 ]] || fail "new --participants: not 2 staff council"
[[ $(grep -c '"role": ' "$tmp/ws.lernraum") -eq 11 ]] || fail "new --participants: not 11 participants"
expect_rc 0 "$bin" export-research "$tmp/ws.lernraum" -o "$tmp/ws-export" --key-file "$tmp/ws.key"
[[ $(wc -l <"$tmp/ws-export/sessions.csv") -eq 2 ]] || fail "the research export refused the new file (consent)"
# bad values: usage errors, nothing written
expect_rc 2 "$bin" new -o "$tmp/bad1.lernraum" --date 31.02.2026
expect_rc 2 "$bin" new -o "$tmp/bad2.lernraum" --start 25:00
expect_rc 2 "$bin" new -o "$tmp/bad3.lernraum" --participants "drei personalrat"
grep -q "drei personalrat" "$tmp/err" || fail "the bad --participants part is not named: $(cat "$tmp/err")"
for f in bad1 bad2 bad3; do [[ ! -e "$tmp/$f.lernraum" ]] || fail "new wrote $f despite a bad option"; done

# validate: every corpus file -> exactly one line on stderr in the error format, exit 1, file unchanged
count=0
for f in "$src"/tests/fixtures/bad/*.lernraum; do
    count=$((count + 1))
    before=$(sha256sum "$f")
    expect_rc 1 "$bin" validate "$f"
    lines=$(wc -l <"$tmp/err")
    [[ $lines -eq 1 ]] || fail "validate $f printed $lines lines on stderr"
    grep -q "^lernraum: $f: error: ." "$tmp/err" || fail "validate $f: not in the error format: $(cat "$tmp/err")"
    [[ "$(sha256sum "$f")" == "$before" ]] || fail "validate modified $f"
done
[[ $count -ge 25 ]] || fail "only $count corpus files"
# several files: exit 1 when one is bad, and the good one is still reported
expect_rc 1 "$bin" validate "$tmp/a.lernraum" "$src/tests/fixtures/bad/corrupt-truncated.lernraum"
grep -q "a.lernraum: ok" "$tmp/out" || fail "validate of several files did not report the good one"
expect_rc 1 "$bin" validate "$tmp/missing.lernraum"
expect_rc 2 "$bin" validate
expect_rc 1 "$bin" validate --all "$src/tests/fixtures/bad/invalid-several-problems.lernraum"
[[ $(wc -l <"$tmp/err") -ge 4 ]] || fail "validate --all did not list every problem"

# generate: deterministic, valid, 10,000 cards
expect_rc 0 "$bin" generate -o "$tmp/g1.lernraum" --cards 200 --retro-items 50 --experiments 7 --seed 9
expect_rc 0 "$bin" generate -o "$tmp/g2.lernraum" --cards 200 --retro-items 50 --experiments 7 --seed 9
cmp -s "$tmp/g1.lernraum" "$tmp/g2.lernraum" || fail "generate with the same seed wrote different files"
expect_rc 0 "$bin" generate -o "$tmp/g3.lernraum" --cards 200 --seed 10
cmp -s "$tmp/g1.lernraum" "$tmp/g3.lernraum" && fail "generate with another seed wrote the same file"
expect_rc 2 "$bin" generate -o "$tmp/g4.lernraum" --cards -5
expect_rc 0 "$bin" generate --cards 10000 -o "$tmp/big.lernraum"
expect_rc 0 "$bin" validate "$tmp/big.lernraum"
grep -q "10000 cards" "$tmp/out" || fail "validate of the generated big session: $(cat "$tmp/out")"

# usage errors
expect_rc 2 "$bin" --no-such-flag
expect_rc 2 "$bin" validate --no-such-flag x

if [[ $failures -gt 0 ]]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "session commands: all checks passed"
