#!/bin/sh
# check-leftovers.sh snapshot|check SOURCE_ROOT BUILD_ROOT
#
# A test run writes only to its temporary folders and to screenshots/: the first test of a run
# (snapshot) lists what the source and build trees hold, the last one (check) lists what
# appeared since and fails on anything else ("file:" from a URI taken for a path, a database
# left in the tree).
set -eu

mode=$1
src=$(cd "$2" && pwd -P)
build=$(cd "$3" && pwd -P)
snapshot="$build/meson-private/rasd-tree-before-tests"

# Everything but what a run may write: meson's logs and state, the screenshots the GUI tests
# render on purpose, and git's files.  Temporary folders inside the tree (the hardening tests'
# scratch folders) count: they must be gone when their test passed.
tree () {
  {
    find "$src" \( -path "$src/.git" -o -path "$build" \) -prune -o -print
    find "$build" \( -path "$build/meson-logs" -o -path "$build/meson-private" \
                     -o -path "$build/screenshots" -o -path "$build/tests/screenshots" \) -prune \
      -o -path "$build/.ninja_log" -prune -o -path "$build/.ninja_deps" -prune -o -print
  } | LC_ALL=C sort
}

case "$mode" in
  snapshot)
    tree > "$snapshot"
    echo "ok 1 - listed $(wc -l < "$snapshot") paths before the tests"
    echo "1..1"
    ;;
  check)
    if [ ! -f "$snapshot" ]; then
      echo "1..0 # SKIP no snapshot: run the whole suite (meson test) to check for leftovers"
      exit 0
    fi
    new=$(tree | LC_ALL=C comm -13 "$snapshot" -)
    rm -f "$snapshot"
    if [ -z "$new" ]; then
      echo "ok 1 - the tests left nothing outside their temporary folders"
    else
      echo "not ok 1 - the tests left files behind"
      printf '%s\n' "$new" | sed -e 's/^/# left: /'
    fi
    echo "1..1"
    ;;
  *)
    echo "usage: $0 snapshot|check SOURCE_ROOT BUILD_ROOT" >&2
    exit 2
    ;;
esac
