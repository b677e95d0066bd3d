#!/usr/bin/env bash
# End-to-end: Ctrl+P (File > Export > Open / print report) in the real window under Xvfb writes the
# HTML report to a private file under $XDG_CACHE_HOME/lernraum and hands it to the desktop's opener
# as a child process. The opener is replaced through LERNRAUM_OPEN_COMMAND by a script that records
# its argument and then waits until the test releases it (at most 30 s): the window must go on
# reacting (F2 rename) while it runs, and no opener process may be left behind.
# Usage: gui_open_report.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"

e2e_require xvfb-run xdotool

e2e_workdir
export XDG_CACHE_HOME="$work/cache"
session="$work/e2e-report.lernraum"
"$bin" new -o "$session" --template demo >/dev/null

cat >"$work/opener.sh" <<'OPENER'
#!/usr/bin/env bash
echo "$1" >>"${0%/*}/opened.txt"
echo $$ >"${0%/*}/opener.pid"
for _ in $(seq 300); do [[ -e "${0%/*}/release" ]] && exit 0; sleep 0.1; done
OPENER
chmod +x "$work/opener.sh"
export LERNRAUM_OPEN_COMMAND="$work/opener.sh"
# Reports opened by earlier runs: more than a day old (removed), and recent (kept).
mkdir -p "$XDG_CACHE_HOME/lernraum"
touch -d '2 days ago' "$XDG_CACHE_HOME/lernraum/transferbericht-1.html"
touch "$XDG_CACHE_HOME/lernraum/transferbericht-2.html" "$XDG_CACHE_HOME/lernraum/notes.html"
touch -d '2 days ago' "$XDG_CACHE_HOME/lernraum/notes.html"

cat >"$work/drive.sh" <<'DRIVE'
#!/usr/bin/env bash
set -euo pipefail
bin=$1 session=$2 log=$3 work=$4
source "$E2E_LIB"
"$bin" "$session" 2>"$log" &
pid=$!
wid=$(e2e_window 'e2e-report.lernraum') || fail "no window appeared"
sleep 1
title() { xdotool getwindowname "$wid"; }

step key ctrl+p
for _ in $(seq 30); do [[ -s "$work/opened.txt" ]] && break; sleep 0.1; done
[[ -s "$work/opened.txt" ]] || fail "Ctrl+P did not start the opener"
# The opener still sleeps: the window must react meanwhile.
step key F2
step type --delay 30 'Nach dem Drucken'
step key Return
[[ $(title) == \** ]] || fail "the window did not react while the opener was running: $(title)"
opener=$(cat "$work/opener.pid")
kill -0 "$opener" 2>/dev/null || fail "the opener ended too early for this test to mean anything"
touch "$work/release"
step key ctrl+s
step key ctrl+q
e2e_exited "$pid" || { kill "$pid"; fail "Ctrl+Q did not quit"; }
wait "$pid" || fail "exit code $? after quit"
echo "PASS"
DRIVE
e2e_drive "$work/drive.sh" "$bin" "$session" "$work/lernraum.log" "$work"

report=$(head -1 "$work/opened.txt")
[[ "$report" == "$XDG_CACHE_HOME/lernraum/"*.html ]] || fail "the report is not in the cache directory: $report"
[[ -f "$report" ]] || fail "the report handed to the opener does not exist"
grep -q '<h1>Transferbericht: ' "$report" || fail "the opened file is not the German HTML report"
grep -q 'Friederike Adam' "$report" && fail "the opened report names the facilitator"
[[ $(stat -c %a "$report") == 600 ]] || fail "the report file is readable by others: $(stat -c %a "$report")"
[[ $(stat -c %a "$XDG_CACHE_HOME/lernraum") == 700 ]] || fail "the cache directory is readable by others"
[[ -e "$XDG_CACHE_HOME/lernraum/transferbericht-1.html" ]] && fail "a report older than a day was not removed"
[[ -e "$XDG_CACHE_HOME/lernraum/transferbericht-2.html" ]] || fail "a recent report of another run was removed"
[[ -e "$XDG_CACHE_HOME/lernraum/notes.html" ]] || fail "a file not written by Lernraum was removed"
# The opener was a child of the window; once it ends nothing is left over.
opener=$(cat "$work/opener.pid")
for _ in $(seq 50); do kill -0 "$opener" 2>/dev/null || break; sleep 0.1; done
kill -0 "$opener" 2>/dev/null && { kill "$opener"; fail "the opener is still running"; }
echo "gui_open_report: all checks passed"
