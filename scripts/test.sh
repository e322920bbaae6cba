#!/usr/bin/env bash
# Quick start (2): install what is missing, build, and run the whole test suite through CTest — once in a
# normal build and once with AddressSanitizer + UndefinedBehaviorSanitizer.
#   scripts/test.sh [--no-sanitizers]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
"$root/scripts/install-deps.sh"
. "$root/scripts/compiler-cache.sh"

run_suite() {
  local dir=$1; shift
  echo "napkin: building and testing in $dir ($*)"
  cmake -S "$root" -B "$dir" -G Ninja "${cmake_cache_args[@]}" "$@"
  cmake --build "$dir" --parallel "$jobs"
  ctest --test-dir "$dir" --output-on-failure --parallel "$jobs"
}

# Shared libraries: each test program links napkin's code instead of carrying a copy (a third of the disk).
run_suite "$root/build/test" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNAPKIN_SHARED_LIBS=ON
if [ "${1:-}" != "--no-sanitizers" ]; then
  run_suite "$root/build/asan" -DCMAKE_BUILD_TYPE=Debug -DNAPKIN_SANITIZE=ON -DNAPKIN_SHARED_LIBS=ON
fi
