#!/bin/sh
# Scores `rasd-cli extract --format jsonl` against gold events with ../shared/eval/score_events.py,
# one TAP line per gold set, and fails when strict F1, date accuracy or place accuracy falls below
# the set's floor, when extraction or the scorer fails, or when the scorer's output cannot be read.
#   seeds, snn-dev:   the shared gold (../shared/eval/gold), floors 0.85 / 0.90 / 0.90
#   snn-dev-new:      the project's dev gold (tests/gold), floors a little under today's scores
#   snn-dev-heldout:  the project's held-out gold, scored and reported only: no rule is written
#                     looking at it, so its figure is the honest one for unseen text
#   own-dev, own-heldout: articles written for Rasd (tests/corpus/own) in the manner of many
#                     agencies, annotated before extraction; the held-out part is never read
# A set whose gold or corpus is absent is skipped, saying so; all absent is a skip (exit 77).
# Usage: check-gold.sh RASD-CLI SHARED-DIR SOURCE-DIR
set -u
cli=$1
shared=$2
source=$3
scorer="$shared/eval/score_events.py"

# name, gold, entities, corpus, floors for strict F1, date and place accuracy ("-": reported only)
sets="seeds $shared/eval/gold/seeds.json $shared/eval/entities.json $shared/corpus/seeds 0.85 0.90 0.90
snn-dev $shared/eval/gold/snn-dev.json $shared/eval/entities.json $shared/corpus/snn-dev 0.85 0.90 0.90
snn-dev-new $source/tests/gold/snn-dev-new.json $source/tests/gold/entities.json $shared/corpus/snn-dev 0.82 0.88 0.85
snn-dev-heldout $source/tests/gold/snn-dev-heldout.json $source/tests/gold/entities.json $shared/corpus/snn-dev - - -
own-dev $source/tests/gold/own-dev.json $source/tests/gold/own-entities.json $source/tests/corpus/own - - -
own-heldout $source/tests/gold/own-heldout.json $source/tests/gold/own-entities.json $source/tests/corpus/own - - -"

if [ ! -f "$scorer" ] || [ ! -d "$shared/corpus" ]; then
  echo "1..0 # SKIP $shared/corpus or $scorer is absent"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
n=0
echo "1..$(echo "$sets" | wc -l)"
echo "$sets" | while read -r name gold entities corpus f1 date place; do
  n=$((n + 1))
  if [ ! -f "$gold" ] || [ ! -f "$entities" ] || [ ! -d "$corpus" ]; then
    echo "ok $n - $name # SKIP $gold, $entities or $corpus is absent"
    continue
  fi
  # only the articles the gold lists: the scorer ignores the others
  python3 -c 'import json, sys; print("\n".join(sorted(json.load(open(sys.argv[1]))["articles"])))' \
    "$gold" > "$tmp/$name.list" 2> "$tmp/$name.err" || {
    echo "not ok $n - $name: cannot read the articles of $gold: $(cat "$tmp/$name.err")"
    echo fail > "$tmp/failed"
    continue
  }
  sed "s|^|$corpus/|" "$tmp/$name.list" | tr '\n' '\0' |
    xargs -0 "$cli" extract --format jsonl > "$tmp/$name.jsonl" 2> "$tmp/$name.err" || {
    echo "not ok $n - $name: rasd-cli extract failed: $(head -c 2000 "$tmp/$name.err")"
    echo fail > "$tmp/failed"
    continue
  }
  python3 "$scorer" --gold "$gold" --entities "$entities" --system "$tmp/$name.jsonl" --json \
    > "$tmp/$name.score" 2> "$tmp/$name.err" || {
    echo "not ok $n - $name: the scorer failed: $(head -c 2000 "$tmp/$name.err")"
    echo fail > "$tmp/failed"
    continue
  }
  # prints the line; exits 1 below a floor, 2 when the scorer's output cannot be read
  python3 - "$tmp/$name.score" "$n" "$name" "$f1" "$date" "$place" <<'PY' || echo fail > "$tmp/failed"
import json, sys
path, n, name, floors = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:7]
try:
    r = json.load(open(path))
    s = r["strict"]
    figures = [float(s["p"]), float(s["r"]), float(s["f1"])]
    date, place, unparsed = r["date_accuracy"], r["place_accuracy"], int(r["unparsed_lines"])
except (OSError, ValueError, KeyError, TypeError) as e:
    print("not ok %s - %s: the scorer's output cannot be read (%s)" % (n, name, e))
    sys.exit(2)
fmt = lambda v: "n/a" if v is None else "%.2f" % v
low = []
for what, value, floor in (("strict F1", figures[2], floors[0]), ("date accuracy", date, floors[1]),
                           ("place accuracy", place, floors[2])):
    if floor != "-" and (value is None or value < float(floor)):
        low.append("%s %s < %s" % (what, fmt(value), floor))
if unparsed:
    low.append("%d system lines the scorer could not parse" % unparsed)
enforced = floors != ["-", "-", "-"]
print("%s %s - %s: strict P=%.2f R=%.2f F1=%.2f, date accuracy %s, place accuracy %s (%s)%s" % (
    "not ok" if low and enforced else "ok", n, name, *figures, fmt(date), fmt(place),
    "floors %s" % "/".join(floors) if enforced else "reported, not enforced",
    ": " + "; ".join(low) if low else ""))
sys.exit(1 if low and enforced else 0)
PY
done
[ -f "$tmp/failed" ] && status=1
exit $status
