#!/usr/bin/env bash
# Installs the Debian bookworm packages Lernraum needs to build, test and run.
# Installs only what is missing, non-interactively; works as root without sudo.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libfreetype-dev
  libcereal-dev rapidjson-dev
  libcli11-dev libsodium-dev
  catch2
  libfontconfig-dev fonts-dejavu-core
  libhyphen-dev hyphen-de hyphen-en-us
  gettext
  xvfb xauth xdotool
  jq python3
  clang libclang-rt-14-dev
  libicu-dev wngerman
  # participants' room: HTTP server, QR code; real-browser tests and QR decoding
  libmicrohttpd-dev libqrencode-dev
  chromium chromium-driver python3-selenium zbar-tools
  # packaging: PNG icons from the SVG, .deb (cpack, dpkg-shlibdeps), checks of the desktop files
  librsvg2-bin dpkg-dev desktop-file-utils appstream shared-mime-info xdg-utils libglib2.0-bin man-db
  # audience window: two monitors for its end-to-end test (a real X server with the dummy driver, whose
  # RandR has outputs GLFW sees as monitors; Xvfb has only one), and xrandr to switch the second on and off
  xserver-xorg-core xserver-xorg-video-dummy x11-xserver-utils
  # ODT report (zip package, charts as PNG) and SPSS / Stata research files; their tests
  libzip-dev librsvg2-dev libcairo2-dev libreadstat-dev readstat
  libreoffice-writer-nogui poppler-utils python3-pandas
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "install-deps: error: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
