#!/bin/sh
# Runs one libFuzzer target for SECONDS from its committed seed corpus, with leak detection.
# New inputs go to BUILDDIR/found/TARGET (the committed seeds are never written to); a crash,
# leak or sanitizer report fails the test and leaves the input in BUILDDIR/artifacts.
# Usage: run-fuzzer.sh EXE SEEDS BUILDDIR SECONDS
set -eu
exe=$1 seeds=$2 builddir=$3 seconds=$4
name=$(basename "$exe")
mkdir -p "$builddir/found/$name" "$builddir/artifacts"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# libFuzzer exits 77 on a finding by default, which meson reads as "skipped": make it a failure.
exec "$exe" -max_total_time="$seconds" -detect_leaks=1 -timeout=30 -rss_limit_mb=2048 \
  -error_exitcode=1 -timeout_exitcode=1 \
  -print_final_stats=1 -artifact_prefix="$builddir/artifacts/$name-" \
  "$builddir/found/$name" "$seeds"
