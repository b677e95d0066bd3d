#!/usr/bin/env bash
# End-to-end: the real lernraum window under Xvfb, driven with xdotool.
#   rename the workshop twice (F2), undo once (Ctrl+Z), save (Ctrl+S), quit (Ctrl+Q);
#   then an unsaved edit + Ctrl+Q must ask, and Enter (= Save) saves and quits.
# Checks the saved file after each step. Usage: gui_edit_undo_save.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"

e2e_require xvfb-run xdotool

e2e_workdir
session="$work/e2e-workshop.lernraum"
"$bin" new -o "$session" --template demo >/dev/null

cat >"$work/drive.sh" <<'DRIVE'
#!/usr/bin/env bash
set -euo pipefail
bin=$1 session=$2 log=$3
source "$E2E_LIB"
window() { e2e_window 'e2e-workshop.lernraum'; }

"$bin" "$session" 2>"$log" &
pid=$!
wid=$(window) || fail "no window appeared"
sleep 1
title() { xdotool getwindowname "$wid"; }

step key F2
step type --delay 40 'Erster Titel'
step key Return
step key F2
step type --delay 40 'Zweiter Titel'
step key Return
[[ $(title) == \** ]] || fail "no unsaved mark in the title after editing: $(title)"
step key ctrl+z
step key ctrl+s
[[ $(title) != \** ]] || fail "unsaved mark still shown after Ctrl+S: $(title)"
grep -q '"title": "Erster Titel"' "$session" || fail "saved file lacks the title that undo kept"
grep -q 'Zweiter Titel' "$session" && fail "saved file contains the undone title"
[[ -f "$session.bak" ]] || fail "no backup of the previous version"

step key ctrl+q
e2e_exited "$pid" || fail "Ctrl+Q without unsaved changes did not quit"
wait "$pid" || fail "exit code $? after a clean quit"

# Second run: an unsaved edit, then Ctrl+Q asks; Enter picks Save.
"$bin" "$session" 2>>"$log" &
pid=$!
wid=$(window) || fail "no window appeared (2nd run)"
sleep 1
step key F2
step type --delay 40 'Dritter Titel'
step key Return
step key ctrl+q
sleep 1
kill -0 "$pid" 2>/dev/null || fail "quit with unsaved changes without asking"
step key Return
e2e_exited "$pid" || { kill "$pid"; fail "Save in the unsaved-changes prompt did not quit"; }
wait "$pid" || fail "exit code $? after save and quit"
grep -q '"title": "Dritter Titel"' "$session" || fail "Save in the prompt did not write the file"
[[ -f "$XDG_CONFIG_HOME/lernraum/settings.ini" ]] || fail "settings were not written to XDG_CONFIG_HOME"
echo "PASS"
DRIVE
e2e_drive "$work/drive.sh" "$bin" "$session" "$work/lernraum.log"
