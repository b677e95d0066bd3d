#!/usr/bin/env bash
# End-to-end: autosave and recovery with the real window under Xvfb.
#   edit, wait for the 30 s recovery copy, kill -9 (a crash), restart: the copy is offered;
#   Enter restores it, Ctrl+S saves it and removes the copy. A second crash + Esc ("Not now")
#   keeps the copy aside (*.declined) and leaves the file untouched.
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
recovery="$XDG_CONFIG_HOME/lernraum/recovery"
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
echo "PASS"
DRIVE
e2e_drive "$work/drive.sh" "$bin" "$session" "$work/lernraum.log"
