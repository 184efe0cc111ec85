#!/bin/sh
# The tree shows the pipeline and keeps files readable (src/DESIGN.md):
# 1. a file in a folder of src/core includes only headers of its own folder and of the folders
#    before it in the pipeline (each folder is a static library linking only those);
# 2. no file under src/ is over 2,000 lines.
set -eu
# Arguments: the source folder, then the stages in pipeline order (src/core/meson.build).
top="$1"
shift
stages="$*"
cd "$top/src/core"
n=0
status=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; status=1; }

# The stage number of a folder (1 for base); 0 when it is no stage.
rank_of () {
  i=1
  for s in $stages; do
    [ "$s" = "$1" ] && { echo $i; return; }
    i=$((i + 1))
  done
  echo 0
}

# Every folder of src/core is a stage, so a new one cannot escape the rule unnoticed.
strays=""
for d in */; do
  d=${d%/}
  [ "$(rank_of "$d")" -gt 0 ] || strays="$strays $d"
done
for f in *.c *.h; do
  [ -e "$f" ] && strays="$strays $f"
done
if [ -z "$strays" ]; then
  ok "every folder of src/core is a stage of the pipeline ($stages)"
else
  not_ok "src/core holds what is in no stage:$strays (files go into a stage's folder; a new stage into core_stages in src/core/meson.build)"
fi

# Headers of src/core by folder; a header found in no folder (config.h, generated ones) is
# not ours to rank.
upward=""
checked=0
for dir in $stages; do
  rank=$(rank_of "$dir")
  for f in "$dir"/*.c "$dir"/*.h; do
    [ -e "$f" ] || continue
    checked=$((checked + 1))
    for h in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
      for found in */"$h"; do
        [ -e "$found" ] || continue
        if [ "$(rank_of "${found%%/*}")" -gt "$rank" ]; then
          upward="$upward
#   $f includes $found"
        fi
      done
    done
  done
done
if [ -z "$upward" ]; then
  ok "no file of src/core includes a header of a later stage ($checked files)"
else
  not_ok "files of src/core include headers of a later stage:$upward"
fi

cd "$top"
long=$(find src -type f -exec wc -l {} + | awk '$2 != "total" && $1 > 2000 { printf "\n#   %s: %d lines", $2, $1 }')
if [ -z "$long" ]; then
  ok "no file under src/ is over 2,000 lines"
else
  not_ok "files under src/ over 2,000 lines (split them along a seam):$long"
fi

echo "1..$n"
exit $status
