# Sourced by run.sh and test.sh: compile through ccache when it is installed, so that a rebuild of unchanged
# sources (a second clone, CI on the same machine, the sanitizer pass after a branch switch) is nearly free.
# Paths are hashed relative to the checkout, so clones in other folders share the cache.
cmake_cache_args=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
  export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-include_file_mtime,include_file_ctime,time_macros}"
  cmake_cache_args=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
