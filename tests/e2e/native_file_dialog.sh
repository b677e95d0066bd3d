#!/usr/bin/env bash
# End-to-end: the desktop's file dialog does not freeze the window. A stand-in `zenity` first in
# PATH records its arguments, waits a few seconds and prints the path in $work/answer (nothing:
# Cancel). Under Xvfb:
#   Ctrl+Shift+S starts it once; while it waits, the window keeps drawing (its waiting popup
#   appears, and a resize is redrawn), a second Ctrl+Shift+S or Ctrl+O starts no second dialog;
#   when it ends the session is saved to its answer without any further input (the waiting thread
#   wakes the idle loop); the arguments carry the German title, the filter and the suggestion.
#   Ctrl+O starts inside the session's folder ("--filename=DIR/"); Cancel changes nothing.
#   Without zenity and kdialog in PATH, Ctrl+O opens the built-in dialog.
# Usage: native_file_dialog.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"

e2e_require xvfb-run xdotool

e2e_workdir
mkdir -p "$work/sessions" "$work/bin" "$work/calls"
session="$work/sessions/dialog-workshop.lernraum"
"$bin" new -o "$session" --template demo >/dev/null
cat >"$work/bin/zenity" <<'FAKE'
#!/usr/bin/env bash
# Stand-in for zenity (tests/e2e/native_file_dialog.sh): one file of arguments per call.
n=$(ls "$FAKE_DIALOG_DIR/calls" | wc -l)
printf '%s\n' "$@" >"$FAKE_DIALOG_DIR/calls/$n"
sleep "$(cat "$FAKE_DIALOG_DIR/sleep")"
answer=$(cat "$FAKE_DIALOG_DIR/answer")
[[ -n "$answer" ]] || exit 1
printf '%s\n' "$answer"
FAKE
chmod +x "$work/bin/zenity"
export FAKE_DIALOG_DIR="$work"

cat >"$work/drive.sh" <<'DRIVE'
#!/usr/bin/env bash
set -euo pipefail
bin=$1 session=$2 log=$3
source "$E2E_LIB"
work=$FAKE_DIALOG_DIR
items="$work/items"
calls() { ls "$work/calls" | wc -l; }
wait_for() { # SECONDS COMMAND...: true once COMMAND succeeds
    local end=$((SECONDS + $1)); shift
    until "$@"; do ((SECONDS < end)) || return 1; sleep 0.2; done
}
# Widgets by label (ui::dumpItemsForEndToEndTests, written while the retrospective tab is shown).
has_item() { grep -q " $1\$" "$items" 2>/dev/null; }

PATH="$work/bin:$PATH" LERNRAUM_E2E_ITEMS="$items" "$bin" --view retro "$session" 2>"$log" &
pid=$!
wid=$(e2e_window 'dialog-workshop.lernraum') || fail "no window appeared"
sleep 1

# 1. Save as: the dialog takes 5 s; the window is not frozen meanwhile.
echo 5 >"$work/sleep"
echo "$work/sessions/kopie.lernraum" >"$work/answer"
step key ctrl+shift+s
wait_for 5 test -e "$work/calls/0" || fail "Ctrl+Shift+S started no dialog"
wait_for 3 has_item Abbrechen || { cat "$items" >&2; fail "no frame with the waiting popup while the dialog is open"; }
before=$(cat "$items")
xdotool windowsize "$wid" 1200 700
wait_for 3 bash -c '[[ "$(cat "$1")" != "$2" ]]' _ "$items" "$before" || fail "a resize was not redrawn while the dialog is open"
step key ctrl+shift+s
step key ctrl+o
[[ -e "$work/sessions/kopie.lernraum" ]] && fail "saved before the dialog answered"
# No input from here on: the dialog's end alone must wake the window.
wait_for 10 test -e "$work/sessions/kopie.lernraum" || fail "the answer of the dialog was not used (or not without input)"
[[ $(calls) -eq 1 ]] || fail "$(calls) dialogs started; a second one while the first was open"
grep -qx -- "--save" "$work/calls/0" || fail "Save as without --save: $(cat "$work/calls/0")"
grep -qx -- "--filename=$session" "$work/calls/0" || fail "Save as does not suggest the session's file: $(cat "$work/calls/0")"
grep -qx -- "--title=Sitzung speichern unter" "$work/calls/0" || fail "Save as title: $(cat "$work/calls/0")"
grep -qx -- "--file-filter=.* | \*.lernraum" "$work/calls/0" || fail "Save as filter: $(cat "$work/calls/0")"
wait_for 3 bash -c '[[ $(xdotool getwindowname "$1") == *kopie.lernraum* ]]' _ "$wid" || fail "title after Save as: $(xdotool getwindowname "$wid")"

# 2. Open starts inside the session's folder; Cancel leaves everything as it was.
echo 1 >"$work/sleep"
: >"$work/answer"
step key ctrl+o
wait_for 5 test -e "$work/calls/1" || fail "Ctrl+O started no dialog"
grep -qx -- "--filename=$work/sessions/" "$work/calls/1" || fail "Open does not start inside the folder: $(cat "$work/calls/1")"
grep -qx -- "--save" "$work/calls/1" && fail "Open with --save"
grep -qx -- "--title=Sitzung öffnen" "$work/calls/1" || fail "Open title: $(cat "$work/calls/1")"
wait_for 5 bash -c '! grep -q " Abbrechen$" "$1"' _ "$items" || fail "the waiting popup stayed after Cancel"
[[ $(xdotool getwindowname "$wid") == *kopie.lernraum* ]] || fail "Cancel changed the session: $(xdotool getwindowname "$wid")"
step key ctrl+q
e2e_exited "$pid" || { kill "$pid"; fail "did not quit"; }

# 3. Without zenity and kdialog: the built-in dialog.
rm -f "$items"
PATH=/usr/bin:/bin LERNRAUM_E2E_ITEMS="$items" "$bin" --view retro "$session" 2>>"$log" &
pid=$!
wid=$(e2e_window 'dialog-workshop.lernraum') || fail "no window appeared (3rd run)"
sleep 1
step key ctrl+o
wait_for 5 has_item "Nach oben" || fail "the built-in dialog did not open"
[[ $(calls) -eq 2 ]] || fail "a dialog program ran although none is in PATH"
step key Escape
step key ctrl+q
e2e_exited "$pid" || { kill "$pid"; fail "did not quit (3rd run)"; }
echo "PASS"
DRIVE
e2e_drive "$work/drive.sh" "$bin" "$session" "$work/lernraum.log"
