#!/usr/bin/env bash
# Installs the Debian 12 packages Napkin needs to build, test and run, and only those that are missing.
# Says what it installs; uses sudo when not run as root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-qpa-plugins libgl-dev
  nlohmann-json3-dev libboost-graph-dev libpugixml-dev zlib1g-dev
  libbenchmark-dev fonts-dejavu-core ccache
)
if [ "${1:-}" = "--with-fuzzer" ]; then
  packages+=(clang libclang-rt-dev)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "napkin: all build dependencies are installed"
  exit 0
fi

echo "napkin: installing missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "napkin: run as root or install sudo to install: ${missing[*]}" >&2
  exit 1
fi
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
