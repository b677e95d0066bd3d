#!/usr/bin/env bash
# lernraum follow-up: a chain of three follow-ups of the demo session; every file validates,
# carried experiments keep their ids, each file links to the previous one by id; what is not
# carried (finished experiments, done actions, consent) stays behind; overwrite rules, error format
# and exit codes.
# Usage: follow_up.sh LERNRAUM_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
demo="$src/sessions/demo-fuehrung-auf-distanz.lernraum"
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
# Prints facts about a session file, one per line, for comparing with grep/diff.
facts() { # FILE
    python3 - "$1" <<'PY'
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))["session"]
print("id", s["id"])
print("previous", s["previous_session"])
print("consent", json.dumps(s["research_consent"]))
print("date", s["date"])
print("kind", s["kind"])
for e in s["experiments"]:
    print("experiment", e["id"], e["status"])
for r in s["retrospectives"]:
    print("items", len(r["items"]))
    for a in r["actions"]:
        print("action", a["id"], a["status"], a["carried_from_session"])
ids = [c["id"] for b in s["boards"] for c in b["cards"]]
print("cards", len(ids))
PY
}

expect_rc 0 "$bin" validate "$demo"
facts "$demo" >"$tmp/f0" || fail "cannot read the demo session's JSON"
grep -q '^experiment .* \(evaluated\|transferred\)$' "$tmp/f0" || fail "the demo has no finished experiment to leave behind"

# A chain of three follow-ups.
prev="$demo"
for i in 1 2 3; do
    next="$tmp/s$i.lernraum"
    expect_rc 0 "$bin" follow-up "$prev" -o "$next"
    grep -q "^$next: created" "$tmp/out" || fail "follow-up $i printed '$(cat "$tmp/out")'"
    expect_rc 0 "$bin" validate "$next"
    facts "$next" >"$tmp/f$i" || fail "cannot read follow-up $i"
    prev_id=$(sed -n 's/^id //p' "$tmp/f$((i - 1))")
    grep -qx "previous $prev_id" "$tmp/f$i" || fail "follow-up $i: previous_session is not '$prev_id'"
    grep -qx "id $prev_id" "$tmp/f$i" && fail "follow-up $i has the previous file's id"
    grep -qx "consent false" "$tmp/f$i" || fail "follow-up $i carried research consent"
    # every action is carried from the previous file and still open
    while read -r _ id status from; do
        [[ $from == "$prev_id" ]] || fail "follow-up $i: action $id carried_from_session is '$from'"
        [[ $status == open || $status == in_progress ]] || fail "follow-up $i: finished action $id carried"
    done < <(grep '^action ' "$tmp/f$i")
    grep -qx "items 0" "$tmp/f$i" || fail "follow-up $i: retrospective items were carried"
    prev="$next"
done

# Experiment ids: the open experiments of the demo, the same in every file of the chain.
grep -E '^experiment .* (idea|planned|running)$' "$tmp/f0" >"$tmp/open0"
[[ -s "$tmp/open0" ]] || fail "the demo has no open experiments"
for i in 1 2 3; do
    grep '^experiment ' "$tmp/f$i" | diff -q "$tmp/open0" - >/dev/null ||
        fail "follow-up $i: experiments differ from the demo's open ones: $(grep '^experiment ' "$tmp/f$i" | tr '\n' ';')"
done
grep -qE '^experiment .* (evaluated|transferred|stopped)$' "$tmp/f1" && fail "a finished experiment was carried"
# Open actions keep their ids along the chain.
grep -E '^action [^ ]+ (open|in_progress) ' "$tmp/f0" | cut -d' ' -f2 >"$tmp/actions0"
[[ -s "$tmp/actions0" ]] || fail "the demo has no open actions"
for i in 1 2 3; do
    grep '^action ' "$tmp/f$i" | cut -d' ' -f2 | diff -q "$tmp/actions0" - >/dev/null || fail "follow-up $i: action ids changed"
done
# Cards are carried (same count along the chain).
for i in 1 2 3; do
    [[ "$(grep '^cards ' "$tmp/f$i")" == "$(grep '^cards ' "$tmp/f0")" ]] || fail "follow-up $i: card count changed"
done
# Session ids are unique along the chain.
[[ $(cat "$tmp"/f[0-3] | grep -c '^id ') -eq 4 ]] || fail "facts incomplete"
[[ $(cat "$tmp"/f[0-3] | grep '^id ' | sort -u | wc -l) -eq 4 ]] || fail "session ids repeat along the chain"
# Default date: the demo's next review; default kind after a review: planning.
next_review=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["session"]["next_review"])' "$demo")
grep -qx "date $next_review" "$tmp/f1" || fail "follow-up date is not the demo's next review ($next_review)"
grep -qx "kind planning" "$tmp/f1" || fail "follow-up of a review is not a planning session"
grep -qx "kind review" "$tmp/f2" || fail "follow-up of a planning session is not a review"

# Options.
expect_rc 0 "$bin" follow-up "$demo" -o "$tmp/opt.lernraum" --date 2027-01-13 --title "Evaluationssitzung" --kind evaluation
facts "$tmp/opt.lernraum" >"$tmp/fopt"
grep -qx "date 2027-01-13" "$tmp/fopt" || fail "--date not used"
grep -qx "kind evaluation" "$tmp/fopt" || fail "--kind not used"
grep -q '"title": "Evaluationssitzung"' "$tmp/opt.lernraum" || fail "--title not used"
expect_rc 0 "$bin" follow-up "$demo" -o "$tmp/noideas.lernraum" --no-ideas
grep -q '"status": "idea"' "$tmp/noideas.lernraum" && fail "--no-ideas carried an idea"
expect_rc 0 "$bin" validate "$tmp/noideas.lernraum"

# Overwriting: refused without --force (file untouched), allowed with it; never over the input.
cp "$tmp/s1.lernraum" "$tmp/s1.copy"
expect_rc 1 "$bin" follow-up "$demo" -o "$tmp/s1.lernraum"
grep -q "^lernraum: $tmp/s1.lernraum: error: .*--force" "$tmp/err" || fail "overwrite refusal: $(cat "$tmp/err")"
cmp -s "$tmp/s1.lernraum" "$tmp/s1.copy" || fail "follow-up without --force modified an existing file"
expect_rc 0 "$bin" follow-up "$demo" -o "$tmp/s1.lernraum" --force
cmp -s "$tmp/s1.lernraum" "$tmp/s1.copy" && fail "--force did not write a new file"
cp "$tmp/s2.lernraum" "$tmp/s2.copy"
expect_rc 1 "$bin" follow-up "$tmp/s2.lernraum" -o "$tmp/s2.lernraum" --force
cmp -s "$tmp/s2.lernraum" "$tmp/s2.copy" || fail "follow-up overwrote its own input"

# Errors: one line in the error format, exit 1 for bad input, 2 for usage.
expect_rc 1 "$bin" follow-up "$tmp/missing.lernraum" -o "$tmp/x.lernraum"
grep -q "^lernraum: $tmp/missing.lernraum: error: " "$tmp/err" || fail "missing input: $(cat "$tmp/err")"
[[ -e "$tmp/x.lernraum" ]] && fail "a failed follow-up created its output"
bad="$src/tests/fixtures/bad/corrupt-truncated.lernraum"
if [[ -f "$bad" ]]; then
    expect_rc 1 "$bin" follow-up "$bad" -o "$tmp/x.lernraum"
    [[ $(wc -l <"$tmp/err") -eq 1 ]] || fail "corrupt input: more than one line on stderr"
    grep -q "^lernraum: $bad: error: " "$tmp/err" || fail "corrupt input: $(cat "$tmp/err")"
fi
expect_rc 1 "$bin" follow-up "$demo" -o "$tmp/no/such/dir/x.lernraum"
grep -q "^lernraum: .*error: " "$tmp/err" || fail "save failure not in the error format"
expect_rc 2 "$bin" follow-up "$demo"
expect_rc 2 "$bin" follow-up -o "$tmp/x.lernraum"
expect_rc 2 "$bin" follow-up "$demo" -o "$tmp/x.lernraum" --date 2026-02-30
expect_rc 2 "$bin" follow-up "$demo" -o "$tmp/x.lernraum" --kind sprint
[[ -e "$tmp/x.lernraum" ]] && fail "a refused follow-up created its output"

if [[ $failures -gt 0 ]]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "follow-up: all checks passed"
