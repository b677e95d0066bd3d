#!/usr/bin/env bash
# End-to-end: the retrospective at the speed of a live room, in the real lernraum window under
# Xvfb, driven with xdotool:
#   three quick clicks on the same "+" of a card give three dots (the button does not move when
#   the first dot appears), and two cards typed with Enter in between, without a click, are two
#   cards. Saved with Ctrl+S and checked in the file.
# Widgets are found by label through LERNRAUM_E2E_ITEMS (see ui::dumpItemsForEndToEndTests).
# Usage: retro_live_room.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"

e2e_require xvfb-run xdotool jq

e2e_workdir
session="$work/e2e-retro.lernraum"
"$bin" new -o "$session" >/dev/null
# Voting is open in "generate insights"; one revealed card under the first question.
jq '.session.retrospectives[0] |= (.phase = "generate_insights" | .voting.open = true
      | .items = [{"cereal_class_version": 1, "id": "item-e2e-1", "prompt": .prompts[0].id,
                   "text": "Zu viele Mails", "author": "", "hidden": false, "group": "", "votes": 0,
                   "created_at": "2026-11-18T08:47:00Z"}])' "$session" >"$work/tmp.json"
mv "$work/tmp.json" "$session"
"$bin" validate "$session" >/dev/null || fail "the prepared session does not validate"
prompt=$(jq -r '.session.retrospectives[0].prompts[0].text' "$session")

cat >"$work/drive.sh" <<'DRIVE'
#!/usr/bin/env bash
set -euo pipefail
bin=$1 session=$2 log=$3 items=$4 prompt=$5
source "$E2E_LIB"

LERNRAUM_E2E_ITEMS="$items" "$bin" --view retro --lang en "$session" 2>"$log" &
pid=$!
wid=$(e2e_window 'e2e-retro.lernraum') || fail "no window appeared or it could not be focused"
sleep 1
# The centre of the widget with this label, in window pixels ("X Y").
at() {
    for _ in $(seq 50); do
        if [[ -f $items ]]; then
            local line; line=$(grep -m1 -F -- " $1" "$items" | awk -v l="$1" '{ x=$1; y=$2; $1=""; $2=""; sub(/^  /, ""); if ($0 == l) { print x, y; exit } }')
            [[ -n $line ]] && { echo "$line"; return 0; }
        fi
        sleep 0.1
    done
    return 1
}
plus=$(at "Vote: Zu viele Mails") || fail "no vote button for the card"
read -r x y <<<"$plus"
xdotool mousemove --window "$wid" "$x" "$y"
sleep 0.5
xdotool click --repeat 3 --delay 120 1 # quick clicks: the second one is a double click
sleep 0.8

field=$(at "New card: $prompt") || fail "no card field under '$prompt'"
read -r x y <<<"$field"
step mousemove --window "$wid" "$x" "$y" click 1
step type --delay 40 "Erste Karte"
step key Return
step type --delay 40 "Zweite Karte"
step key Return
step key ctrl+s
[[ $(xdotool getwindowname "$wid") != \** ]] || fail "unsaved mark still shown after Ctrl+S"
step key ctrl+q
# Quitting joins the hyphenation loader; on a loaded machine that can take longer than the
# 5 s of e2e_exited, and a slow quit is not what this test is about: wait up to 60 s.
for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && { kill "$pid"; fail "Ctrl+Q after saving did not quit"; }
wait "$pid" || fail "exit code $? after a clean quit"
echo "driven"
DRIVE
e2e_drive "$work/drive.sh" "$bin" "$session" "$work/lernraum.log" "$work/items.txt" "$prompt"

votes=$(jq '.session.retrospectives[0].items[] | select(.id == "item-e2e-1") | .votes' "$session")
[[ $votes == 3 ]] || fail "three clicks on the same + gave $votes dots, not 3"
texts=$(jq -r '.session.retrospectives[0].items[] | select(.id != "item-e2e-1") | .text' "$session")
[[ $texts == $'Erste Karte\nZweite Karte' ]] || fail "expected the cards 'Erste Karte' and 'Zweite Karte', got: $texts"
echo "PASS: three clicks gave three dots; two cards typed with Enter between them were both saved"
