#!/usr/bin/env bash
# End-to-end: the real lernraum window under Xvfb, driven with xdotool.
#   rename the workshop twice (F2), undo once (Ctrl+Z), save (Ctrl+S), quit (Ctrl+Q);
#   then an unsaved edit + Ctrl+Q must ask, and Enter (= Save) saves and quits.
# Checks the saved file after each step. Usage: gui_edit_undo_save.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")

for tool in xvfb-run xdotool; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool not installed (scripts/install-deps.sh installs it)"; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" # never touch the user's settings
session="$work/e2e-workshop.lernraum"
"$bin" new -o "$session" --template demo >/dev/null

cat >"$work/drive.sh" <<'DRIVE'
#!/usr/bin/env bash
set -euo pipefail
bin=$1 session=$2 log=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
# The window id once it is mapped, focused for keyboard input (there is no window manager).
window() {
    local id
    id=$(timeout 30 xdotool search --sync --onlyvisible --name 'e2e-workshop.lernraum' | head -n1) || return 1
    for _ in 1 2 3 4 5; do
        xdotool windowfocus --sync "$id" 2>/dev/null && { echo "$id"; return 0; }
        sleep 0.5
    done
    return 1
}

"$bin" "$session" 2>"$log" &
pid=$!
wid=$(window) || fail "no window appeared"
sleep 1
step() { xdotool "$@"; sleep 0.6; }
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
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "Ctrl+Q without unsaved changes did not quit"
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
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && { kill "$pid"; fail "Save in the unsaved-changes prompt did not quit"; }
wait "$pid" || fail "exit code $? after save and quit"
grep -q '"title": "Dritter Titel"' "$session" || fail "Save in the prompt did not write the file"
[[ -f "$XDG_CONFIG_HOME/lernraum/settings.ini" ]] || fail "settings were not written to XDG_CONFIG_HOME"
echo "PASS"
DRIVE
chmod +x "$work/drive.sh"

# Start the display search at a random number: parallel test runs must not share a server.
if ! xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1600x900x24" "$work/drive.sh" "$bin" "$session" "$work/lernraum.log"; then
    echo "--- lernraum stderr ---" >&2
    cat "$work/lernraum.log" >&2 || true
    exit 1
fi
