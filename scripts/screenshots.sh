#!/usr/bin/env bash
# Screenshots of every bundled example in the light and the dark palette, for docs/screenshots/ (linked from
# the README). Each one is the editor's first window on a 1440 × 900 virtual screen, as a new user sees it:
# default dock layout, the design at its opening zoom.
#
#   scripts/screenshots.sh [BUILD_DIR]     (default build/test; needs xvfb, imagemagick)
#
# Every run uses fresh settings, so no saved layout or recent file leaks in. The PNGs are scaled to 1200 px
# wide and reduced to 64 colours so that they stay small in the repository.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/test}
napkin=$build/app/napkin
out=$root/docs/screenshots
[ -x "$napkin" ] || { echo "screenshots.sh: $napkin not built" >&2; exit 2; }
for tool in Xvfb import convert; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool missing: apt-get install -y xvfb imagemagick" >&2; exit 2; }
done
mkdir -p "$out"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

shoot() { # example theme
  local example=$1 theme=$2 display=:$((200 + RANDOM % 300))
  local home=$scratch/$theme-$(basename "$example" .napkin)
  mkdir -p "$home/config/Napkin" "$home/data"
  printf '[appearance]\ntheme=%s\n' "$theme" >"$home/config/Napkin/Napkin.conf"
  Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  DISPLAY=$display QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data \
    "$napkin" "$example" >"$home/log" 2>&1 &
  local app=$!
  sleep 4
  DISPLAY=$display import -window root "$home/shot.png"
  kill "$app" "$xvfb" 2>/dev/null || true
  wait "$app" "$xvfb" 2>/dev/null || true
  convert "$home/shot.png" -bordercolor black -border 1 -trim +repage -resize 1200x -colors 64 -strip "PNG8:$out/$(basename "$example" .napkin)-$theme.png"
  echo "docs/screenshots/$(basename "$example" .napkin)-$theme.png"
}

for example in "$root"/resources/examples/*.napkin; do
  for theme in light dark; do
    shoot "$example" "$theme"
  done
done
