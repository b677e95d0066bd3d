#!/usr/bin/env bash
# End-to-end: the real lernraum window under Xvfb, driven with xdotool, no mouse.
#   open the demo workshop on the Board tab, select the first card with an arrow key, move it one
#   column to the right with Ctrl+Right, save with Ctrl+S, quit with Ctrl+Q;
#   then check in the saved file that exactly that card changed column and got a history entry.
# Usage: board_keyboard.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"

e2e_require xvfb-run xdotool jq

e2e_workdir
session="$work/e2e-board.lernraum"
"$bin" new -o "$session" --template demo >/dev/null
cp "$session" "$work/before.lernraum"

cat >"$work/drive.sh" <<'DRIVE'
#!/usr/bin/env bash
set -euo pipefail
bin=$1 session=$2 log=$3
source "$E2E_LIB"

"$bin" --view board --lang de "$session" 2>"$log" &
pid=$!
window() { e2e_window 'e2e-board.lernraum'; }
wid=$(window) || fail "no window appeared or it could not be focused"
sleep 1
title() { xdotool getwindowname "$wid"; }

step key Right       # selects the first card of the first column
step key ctrl+Right  # moves it into the next column
[[ $(title) == \** ]] || fail "no unsaved mark after the keyboard move: $(title)"
step key ctrl+s
[[ $(title) != \** ]] || fail "unsaved mark still shown after Ctrl+S: $(title)"
step key ctrl+q
e2e_exited "$pid" || { kill "$pid"; fail "Ctrl+Q after saving did not quit"; }
wait "$pid" || fail "exit code $? after a clean quit"
echo "driven"
DRIVE
e2e_drive "$work/drive.sh" "$bin" "$session" "$work/lernraum.log"

# Exactly one card changed: from the first column into the second, with a new history entry there.
cards() { jq -c '.session.boards[0].cards[] | {id, column, n: (.history | length), last: .history[-1].column}' "$1"; }
changed=$(diff <(cards "$work/before.lernraum") <(cards "$session") | grep '^>' | sed 's/^> //' || true)
count=$(printf '%s\n' "$changed" | grep -c . || true)
[[ $count == 1 ]] || { echo "FAIL: expected one changed card, got $count:"; printf '%s\n' "$changed"; exit 1; }
first=$(jq -r '.session.boards[0].columns[0].id' "$session")
second=$(jq -r '.session.boards[0].columns[1].id' "$session")
id=$(jq -r '.id' <<<"$changed")
was=$(jq -r --arg id "$id" '.session.boards[0].cards[] | select(.id == $id) | .column' "$work/before.lernraum")
[[ $was == "$first" ]] || { echo "FAIL: the moved card $id was in $was, not in the first column $first"; exit 1; }
[[ $(jq -r '.column' <<<"$changed") == "$second" ]] || { echo "FAIL: card $id is not in $second: $changed"; exit 1; }
[[ $(jq -r '.last' <<<"$changed") == "$second" ]] || { echo "FAIL: no history entry for $second: $changed"; exit 1; }
echo "PASS: card $id moved from $first to $second and saved"
