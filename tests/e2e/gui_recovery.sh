#!/usr/bin/env bash
# End-to-end: autosave and recovery with the real window under Xvfb.
#   edit, wait for the 30 s recovery copy, kill -9 (a crash), restart: the copy is offered;
#   Enter restores it, Ctrl+S saves it and removes the copy. A second crash + Esc ("Not now")
#   keeps the copy aside (*.declined) and leaves the file untouched.
#   The copies are in $XDG_STATE_HOME/lernraum/recovery, mode 0600, in a folder only the user can
#   open; no file under $XDG_CONFIG_HOME/lernraum holds anything of the session (the recent files
#   and the window layout are state too).
# Usage: gui_recovery.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"

e2e_require xvfb-run xdotool

e2e_workdir
session="$work/recovery-workshop.lernraum"
"$bin" new -o "$session" --template demo >/dev/null

cat >"$work/drive.sh" <<'DRIVE'
#!/usr/bin/env bash
set -euo pipefail
bin=$1 session=$2 log=$3
source "$E2E_LIB"
recovery="$XDG_STATE_HOME/lernraum/recovery"
# Nothing of the workshop under the config directory: not its edits, names, title or file name.
config_holds_no_session() {
    local hit
    hit=$(grep -rlE 'Absturz|Katrin Vogt|Friederike Adam|recovery-workshop' \
        "$XDG_CONFIG_HOME/lernraum" 2>/dev/null) && fail "session content under the config directory: $hit"
    return 0
}
private_copies() {
    local f mode
    [[ $(stat -c %a "$recovery") == 700 ]] || fail "recovery folder has mode $(stat -c %a "$recovery")"
    for f in "$recovery"/*; do
        mode=$(stat -c %a "$f")
        [[ $mode == 600 ]] || fail "recovery copy $f has mode $mode"
    done
}
window() { e2e_window 'recovery-workshop.lernraum'; }
crash_after_autosave() {
    for _ in $(seq 60); do
        compgen -G "$recovery/recovery-workshop-*.lernraum" >/dev/null && break
        # No input here: an idle window must still write its recovery copy.
        sleep 1
    done
    compgen -G "$recovery/recovery-workshop-*.lernraum" >/dev/null || fail "no recovery copy after 60 s"
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
}
original=$(sha256sum "$session")

# 1. Edit, autosave, crash.
"$bin" "$session" 2>"$log" &
pid=$!
wid=$(window) || fail "no window appeared"
sleep 1
step key F2
step type --delay 40 'Vor dem Absturz'
step key Return
crash_after_autosave
[[ $(sha256sum "$session") == "$original" ]] || fail "autosave wrote over the user's file"
grep -q 'Vor dem Absturz' "$recovery"/recovery-workshop-*.lernraum || fail "the copy lacks the edit"
private_copies
config_holds_no_session

# 2. Restart: the copy is offered; Enter restores, Ctrl+S saves and removes the copy.
"$bin" "$session" 2>>"$log" &
pid=$!
wid=$(window) || fail "no window appeared (restart)"
sleep 1.5
step key Return
[[ $(xdotool getwindowname "$wid") == \** ]] || fail "restored session is not marked unsaved: $(xdotool getwindowname "$wid")"
step key ctrl+s
grep -q '"title": "Vor dem Absturz"' "$session" || fail "the restored edit was not saved"
compgen -G "$recovery/recovery-workshop-*" >/dev/null && fail "recovery copy not removed after a clean save"

# 3. Another edit + crash; declining keeps the copy aside and the file as it is.
step key F2
step type --delay 40 'Zweiter Absturz'
step key Return
crash_after_autosave
saved=$(sha256sum "$session")
"$bin" "$session" 2>>"$log" &
pid=$!
wid=$(window) || fail "no window appeared (third start)"
sleep 1.5
step key Escape
[[ $(xdotool getwindowname "$wid") != \** ]] || fail "declining left the session marked unsaved"
step key ctrl+q
e2e_exited "$pid" || { kill "$pid"; fail "did not quit"; }
[[ $(sha256sum "$session") == "$saved" ]] || fail "declining changed the file"
compgen -G "$recovery/recovery-workshop-*.declined" >/dev/null || fail "declined copy was not kept"
private_copies
# After a clean quit: settings in the config directory, the recent file in the state directory.
[[ -f "$XDG_CONFIG_HOME/lernraum/settings.ini" ]] || fail "no settings.ini"
grep -q "recent = .*recovery-workshop.lernraum" "$XDG_STATE_HOME/lernraum/state.ini" || fail "recent file not in state.ini"
config_holds_no_session
echo "PASS"
DRIVE
e2e_drive "$work/drive.sh" "$bin" "$session" "$work/lernraum.log"
