#!/usr/bin/env bash
# Quick start (1): install what is missing, build Release, and open Napkin on a bundled example.
#   scripts/run.sh [FILE.napkin]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
. "$root/scripts/compiler-cache.sh"
cmake -S "$root" -B "$root/build/release" -G Ninja "${cmake_cache_args[@]}" -DCMAKE_BUILD_TYPE=Release -DNAPKIN_BUILD_TESTS=OFF
cmake --build "$root/build/release" --target napkin
exec "$root/build/release/app/napkin" "${1:-$root/resources/examples/tiny-url.napkin}"
