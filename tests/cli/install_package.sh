#!/usr/bin/env bash
# Packaging: `cmake --install` of the current build dir into a temporary prefix puts the binary,
# the catalogue, the assets, the participant page and the desktop files (launcher, MIME type,
# icons, AppStream metadata, man page) into place; the installed copy, moved elsewhere, runs on the
# demo session from its own share/ and never falls back to the source or build tree; the desktop
# files pass desktop-file-validate and appstreamcli; *.lernraum files are detected as
# application/x-lernraum with the installed MIME XML; `cpack -G DEB` builds a .deb whose metadata,
# contents and unpacked binary are checked.
# Usage: install_package.sh LERNRAUM_BINARY SOURCE_DIR (the build dir is the binary's directory)
set -uo pipefail
bin=$1
src=$2
build=$(cd "$(dirname "$bin")" && pwd)
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
for tool in cmake cpack dpkg-deb desktop-file-validate appstreamcli update-mime-database xdg-mime gio; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/install-deps.sh installs it)"; exit 1; }
done
[[ -f "$build/CMakeCache.txt" ]] || { echo "FAIL: $build is not a CMake build dir"; exit 1; }
# The variables lernraum reads must not point it at the source tree during this test.
unset LERNRAUM_ASSETSDIR LERNRAUM_LOCALEDIR

# --- 1. install into a temporary prefix and check the tree
prefix="$tmp/prefix"
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; echo "FAIL: cmake --install"; exit 1; }
appstream_id=$(sed -n 's/^LERNRAUM_APPSTREAM_ID:STRING=//p' "$build/CMakeCache.txt")
[[ -n "$appstream_id" ]] || fail "LERNRAUM_APPSTREAM_ID not in the CMake cache"
expected=(
    bin/lernraum
    share/locale/de/LC_MESSAGES/lernraum.mo
    share/lernraum/assets/activities.json
    share/lernraum/assets/formats/01-start-stop-continue.json
    share/lernraum/assets/room/index.html
    share/lernraum/assets/room/room.css
    share/lernraum/assets/room/room.js
    share/applications/$appstream_id.desktop
    share/mime/packages/lernraum.xml
    share/icons/hicolor/scalable/apps/lernraum.svg
    share/icons/hicolor/48x48/apps/lernraum.png
    share/icons/hicolor/256x256/apps/lernraum.png
    "share/metainfo/$appstream_id.metainfo.xml"
    share/man/man1/lernraum.1.gz
)
for f in "${expected[@]}"; do
    [[ -s "$prefix/$f" ]] || fail "installed tree lacks $f"
done
[[ -x "$prefix/bin/lernraum" ]] || fail "bin/lernraum is not executable"
# Every format of the source tree is installed.
for f in "$src"/assets/formats/*.json; do
    [[ -f "$prefix/share/lernraum/assets/formats/$(basename "$f")" ]] || fail "format $(basename "$f") not installed"
done
# The PNG icons have the size their directory names.
png_size=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' \
    "$prefix/share/icons/hicolor/48x48/apps/lernraum.png" 2>/dev/null)
[[ "$png_size" == "48x48" ]] || fail "48x48 icon is $png_size"
# The man page renders without warnings.
if command -v man >/dev/null; then
    man_warnings=$(MANWIDTH=80 man --warnings -l "$prefix/share/man/man1/lernraum.1.gz" 2>&1 >/dev/null)
    [[ -z "$man_warnings" ]] || fail "man page warnings: $man_warnings"
fi

# --- 2. the installed copy, moved to another place, runs from its own files
moved="$tmp/elsewhere/lernraum-copy"
mkdir -p "$(dirname "$moved")"
cp -a "$prefix" "$moved"
rm -rf "$prefix"
run="$moved/bin/lernraum"
cp "$demo" "$tmp/demo.lernraum"
expect_rc 0 "$run" --version
grep -qx "lernraum [0-9.]*" "$tmp/out" || fail "--version printed '$(cat "$tmp/out")'"
expect_rc 0 "$run" validate "$tmp/demo.lernraum"
expect_rc 0 "$run" report "$tmp/demo.lernraum" --format md --lang de -o "$tmp/with-assets.md"
[[ -s "$tmp/with-assets.md" ]] || fail "report wrote nothing"
expect_rc 0 "$run" report "$tmp/demo.lernraum" --format md --lang en -o "$tmp/with-assets-en.md"
# Without its assets the copy must not find any (no fallback to the source or build tree): the
# room refuses to start, and the report shows format ids instead of names.
mv "$moved/share/lernraum/assets" "$tmp/assets-away"
expect_rc 1 "$run" room "$tmp/demo.lernraum" --bind 127.0.0.1 --port 0
grep -q "participant page" "$tmp/err" || fail "room without assets: stderr '$(head -c 300 "$tmp/err")'"
expect_rc 0 "$run" report "$tmp/demo.lernraum" --format md --lang en -o "$tmp/without-assets-en.md"
cmp -s "$tmp/with-assets-en.md" "$tmp/without-assets-en.md" && fail "the report is the same without the installed assets: they came from elsewhere"
mv "$tmp/assets-away" "$moved/share/lernraum/assets"
expect_rc 0 "$run" report "$tmp/demo.lernraum" --format md --lang en -o "$tmp/again-en.md"
cmp -s "$tmp/with-assets-en.md" "$tmp/again-en.md" || fail "the report differs after putting the assets back"
# The installed binary holds no path of the build tree it may use; the copy found its catalogue.
[[ -s "$moved/share/locale/de/LC_MESSAGES/lernraum.mo" ]] || fail "catalogue lost in the copy"

# --- 3. the desktop files validate
expect_rc 0 desktop-file-validate "$moved/share/applications/$appstream_id.desktop"
[[ -s "$tmp/out" || -s "$tmp/err" ]] && fail "desktop-file-validate: $(cat "$tmp/out" "$tmp/err" | head -c 300)"
grep -qx "StartupWMClass=lernraum" "$moved/share/applications/$appstream_id.desktop" || fail "StartupWMClass is not lernraum"
grep -q 'glfwWindowHintString(GLFW_X11_CLASS_NAME, "lernraum")' "$src/src/app/runner.cpp" || fail "the runner does not set the window class lernraum"
metainfo="$moved/share/metainfo/$appstream_id.metainfo.xml"
expect_rc 0 appstreamcli validate --no-net --pedantic "$metainfo"
grep -E "^[EW]:" "$tmp/out" && fail "appstreamcli reports errors or warnings"
# A real id, not a placeholder; the desktop id is the component id; the screenshot is the one in
# docs/screenshots/, at a web address (AppStream allows no local file).
[[ "$appstream_id" =~ ^[a-z0-9]+(\.[a-z0-9_-]+){2,}$ && "$appstream_id" != *example* ]] || fail "AppStream id '$appstream_id'"
grep -q "<launchable type=\"desktop-id\">$appstream_id.desktop</launchable>" "$metainfo" || fail "launchable is not $appstream_id.desktop"
shot=$(sed -n 's:.*<image>\(.*\)</image>.*:\1:p' "$metainfo")
[[ "$shot" == https://* && "$shot" != *example* ]] || fail "screenshot address '$shot'"
[[ -f "$src/docs/screenshots/$(basename "$shot")" ]] || fail "screenshot $(basename "$shot") is not in docs/screenshots"

# --- 4. MIME detection with the installed XML (a temporary XDG_DATA_HOME; gio via xdg-mime)
query() { # XDG_DATA_HOME FILE
    XDG_DATA_HOME=$1 XDG_DATA_DIRS=/usr/share XDG_CURRENT_DESKTOP=GNOME timeout 20 xdg-mime query filetype "$2" 2>/dev/null
}
cp "$demo" "$tmp/sitzung" # no extension: the magic rule decides
mkdir -p "$tmp/xdg-empty" "$tmp/xdg/mime/packages"
before=$(query "$tmp/xdg-empty" "$tmp/demo.lernraum")
[[ "$before" != "application/x-lernraum" ]] || fail "application/x-lernraum known before installing the MIME XML"
cp "$moved/share/mime/packages/lernraum.xml" "$tmp/xdg/mime/packages/"
update-mime-database "$tmp/xdg/mime" >/dev/null 2>&1 || fail "update-mime-database"
got=$(query "$tmp/xdg" "$tmp/demo.lernraum")
[[ "$got" == "application/x-lernraum" ]] || fail "demo.lernraum detected as '$got'"
got=$(query "$tmp/xdg" "$tmp/sitzung")
[[ "$got" == "application/x-lernraum" ]] || fail "session without extension detected as '$got'"
echo '{"format": "something-else"}' >"$tmp/other.json"
got=$(query "$tmp/xdg" "$tmp/other.json")
[[ "$got" != "application/x-lernraum" ]] || fail "other JSON detected as application/x-lernraum"

# --- 5. the Debian package
expect_rc 0 cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/deb"
debs=("$tmp"/deb/lernraum_*.deb)
if [[ ${#debs[@]} -ne 1 || ! -f "${debs[0]}" ]]; then
    fail "cpack wrote no lernraum_*.deb: $(head -c 500 "$tmp/out")"
else
    deb=${debs[0]}
    dpkg-deb -I "$deb" >"$tmp/info" || fail "dpkg-deb -I"
    grep -q "^ Package: lernraum$" "$tmp/info" || fail "package name: $(grep Package: "$tmp/info")"
    grep -q "^ Version: 0\.1\.0" "$tmp/info" || fail "version: $(grep Version: "$tmp/info")"
    grep -q "^ Maintainer: ." "$tmp/info" || fail "no maintainer"
    grep -q "^ Recommends: .*hyphen-de" "$tmp/info" || fail "hyphen-de not recommended"
    depends=$(sed -n 's/^ Depends: //p' "$tmp/info")
    for lib in libc6 libglfw3 libmicrohttpd12 libsodium23 fonts-dejavu-core; do
        [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib: '$depends'"
    done
    dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/contents"
    for f in "${expected[@]}"; do
        grep -qx "./usr/$f" "$tmp/contents" || fail ".deb lacks /usr/$f"
    done
    grep -q "^./usr/local" "$tmp/contents" && fail ".deb installs into /usr/local"
    # Unpacked into a scratch root, the packaged binary runs on the demo (install_deb.sh: dpkg -i).
    dpkg-deb -x "$deb" "$tmp/root" || fail "dpkg-deb -x"
    expect_rc 0 "$tmp/root/usr/bin/lernraum" --version
    expect_rc 0 "$tmp/root/usr/bin/lernraum" validate "$tmp/demo.lernraum"
    expect_rc 0 "$tmp/root/usr/bin/lernraum" report "$tmp/demo.lernraum" --format md --lang en -o "$tmp/deb-en.md"
    cmp -s "$tmp/with-assets-en.md" "$tmp/deb-en.md" || fail "the packaged binary's report differs from the installed one's"
fi

if [[ $failures -gt 0 ]]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "install_package: ok"
