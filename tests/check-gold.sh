#!/bin/sh
# Scores `rasd-cli extract --format jsonl` against the shared gold events (../shared/eval) and
# fails when strict F1 falls below the floor (0.85; both sets score above 0.9), so that
# regressions show.  Skips (exit 77) when the shared corpus is absent.
# Usage: check-gold.sh RASD-CLI SHARED-DIR
set -u
cli=$1
shared=$2
floor=${RASD_GOLD_FLOOR:-0.85}

if [ ! -d "$shared/corpus/seeds" ] || [ ! -f "$shared/eval/score_events.py" ]; then
  echo "1..0 # SKIP $shared/corpus or $shared/eval is absent"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
n=0
echo "1..2"
for set in seeds snn-dev; do
  n=$((n + 1))
  "$cli" extract --format jsonl "$shared/corpus/$set"/*.txt > "$tmp/$set.jsonl" 2> "$tmp/$set.err" || {
    echo "not ok $n - $set: rasd-cli extract failed: $(cat "$tmp/$set.err")"
    status=1
    continue
  }
  python3 "$shared/eval/score_events.py" --gold "$shared/eval/gold/$set.json" \
    --system "$tmp/$set.jsonl" --json > "$tmp/$set.score" || {
    echo "not ok $n - $set: the scorer failed"
    status=1
    continue
  }
  line=$(python3 - "$tmp/$set.score" "$floor" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["strict"]
ok = s["f1"] >= float(sys.argv[2]) and r["unparsed_lines"] == 0
fmt = lambda v: "n/a" if v is None else "%.2f" % v
print("%s strict P=%.2f R=%.2f F1=%.2f, date accuracy %s, place accuracy %s (floor %s)" % (
    "ok" if ok else "not ok", s["p"], s["r"], s["f1"], fmt(r["date_accuracy"]),
    fmt(r["place_accuracy"]), sys.argv[2]))
PY
)
  case $line in
    "not ok"*) status=1 ;;
  esac
  set -- "$line"
  echo "${line%% strict*} $n - $set:${line#*ok}"
done
exit $status
