#!/usr/bin/env bash
# End-to-end, installed copy: `cmake --install` of the current build dir into a temporary prefix,
# moved elsewhere; under Xvfb its `--screenshot` of the demo equals the build tree's (so it found
# its German catalogue and assets in its own share/), differs once the catalogue is removed (no
# fallback to the build tree), and its window carries the class "lernraum" that the .desktop file
# names in StartupWMClass.
# Usage: installed_window.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"
src=$2
build=$(dirname "$bin")
appstream_id=$(sed -n 's/^LERNRAUM_APPSTREAM_ID:STRING=//p' "$build/CMakeCache.txt") # the .desktop file's name

e2e_require xvfb-run xdotool cmake cmp
e2e_workdir
unset LERNRAUM_ASSETSDIR LERNRAUM_LOCALEDIR

cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "cmake --install"; }
mkdir -p "$work/moved"
mv "$work/prefix" "$work/moved/lernraum"
installed="$work/moved/lernraum/bin/lernraum"
cp "$src/sessions/demo-fuehrung-auf-distanz.lernraum" "$work/demo.lernraum"
grep -qx "StartupWMClass=lernraum" "$work/moved/lernraum/share/applications/$appstream_id.desktop" || fail "StartupWMClass is not lernraum"

shot() { # BINARY OUT.png
    xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1280x720x24" "$1" --screenshot "$2" --size 1280x720 \
        --view retro "$work/demo.lernraum" 2>>"$work/lernraum.log"
}
shot "$bin" "$work/build-tree.png"
shot "$installed" "$work/installed.png"
cmp -s "$work/build-tree.png" "$work/installed.png" || fail "the installed copy draws a different picture than the build tree's binary"
mv "$work/moved/lernraum/share/locale" "$work/locale-away"
shot "$installed" "$work/no-catalogue.png"
cmp -s "$work/installed.png" "$work/no-catalogue.png" && fail "same picture without the installed catalogue: it came from elsewhere"
mv "$work/locale-away" "$work/moved/lernraum/share/locale"

# The window class, looked up in a real (interactive) window of the installed copy.
cat >"$work/drive.sh" <<'DRIVE'
#!/usr/bin/env bash
set -euo pipefail
source "$E2E_LIB"
"$1" "$2" 2>>"$3" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
id=$(timeout 30 xdotool search --sync --onlyvisible --classname '^lernraum$' | head -n1) || fail "no window with the class lernraum"
[[ -n "$id" ]] || fail "no window with the class lernraum"
kill "$pid"
e2e_exited "$pid" || { kill -9 "$pid"; fail "the window did not close on SIGTERM"; }
DRIVE
e2e_drive "$work/drive.sh" "$installed" "$work/demo.lernraum" "$work/lernraum.log"
echo "installed_window: ok"
