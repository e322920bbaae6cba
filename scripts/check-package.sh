#!/usr/bin/env bash
# Builds the Debian package (Release, no tests), installs it with apt-get, and checks the installed program
# the way a user meets it: `napkin --version`, `napkin validate` on an installed example, the man page, the
# desktop entry (desktop-file-validate) and the AppStream file (appstreamcli validate --no-net). The package
# is removed again at the end. Needs root or sudo (apt-get).
#   scripts/check-package.sh [BUILD_DIR]      (default build/package)
# NAPKIN_PACKAGE_BUILD_TYPE=RelWithDebInfo reuses a test build's compiled objects through ccache (default Release).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/package}
jobs=$(nproc 2>/dev/null || echo 2)
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)

"$root/scripts/install-deps.sh"
. "$root/scripts/compiler-cache.sh"
checkers=()
command -v desktop-file-validate >/dev/null || checkers+=(desktop-file-utils)
command -v appstreamcli >/dev/null || checkers+=(appstream)
if [ ${#checkers[@]} -gt 0 ]; then
  echo "napkin: installing the package checkers: ${checkers[*]}"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${checkers[@]}"
fi

echo "napkin: building the Debian package in $build"
cmake -S "$root" -B "$build" -G Ninja "${cmake_cache_args[@]}" -DCMAKE_BUILD_TYPE=${NAPKIN_PACKAGE_BUILD_TYPE:-Release} \
  -DCMAKE_INSTALL_PREFIX=/usr -DNAPKIN_BUILD_TESTS=OFF
cmake --build "$build" --parallel "$jobs"
rm -f "$build"/napkin_*.deb
(cd "$build" && cpack -G DEB)
deb=$(ls "$build"/napkin_*.deb)

fail() { echo "check-package: $*" >&2; exit 1; }
echo "napkin: installing $deb"
trap 'DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get remove -y -qq napkin >/dev/null 2>&1 || true' EXIT
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "$deb"

installed=$(command -v napkin) || fail "napkin is not on PATH after installing"
[ "$installed" = /usr/bin/napkin ] || fail "napkin runs from $installed, not the package's /usr/bin/napkin"
version=$(napkin --version)
expected=$(sed -n 's/^project(Napkin VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[ "$version" = "napkin $expected" ] || fail "napkin --version says '$version', expected 'napkin $expected'"
echo "napkin: $version"

examples=(/usr/share/napkin/examples/*.napkin)
[ -f "${examples[0]}" ] || fail "no example installed in /usr/share/napkin/examples"
napkin validate "${examples[@]}" || fail "napkin validate failed on the installed examples"

dpkg -L napkin | grep -qx /usr/share/man/man1/napkin.1.gz || fail "the package has no man page"
zcat /usr/share/man/man1/napkin.1.gz | grep -q '^\.SS validate' || fail "the man page lacks the validate command"

desktop-file-validate /usr/share/applications/io.napkin.Napkin.desktop
appstreamcli validate --no-net /usr/share/metainfo/io.napkin.Napkin.metainfo.xml
echo "check-package: $(basename "$deb") installs and checks out"
