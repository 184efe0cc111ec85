#!/bin/sh
# Scores `rasd-cli tag --conll` on the development split of ANERcorp (the last tenth of the
# sentences of ../shared/eval/ner/anercorp_train.conll, which train-ner holds back) with the
# shared scorer, and fails when entity-level micro F1 over PERS, LOC and ORG falls below the
# floor (0.70; RASD_NER_FLOOR changes it).  Skips (exit 77) when ../shared is absent.
# Usage: check-ner.sh RASD-CLI SHARED-DIR
set -u
cli=$1
shared=$2
floor=${RASD_NER_FLOOR:-0.70}
train="$shared/eval/ner/anercorp_train.conll"

if [ ! -f "$train" ] || [ ! -f "$shared/eval/score_ner.py" ]; then
  echo "skipped: $train or $shared/eval/score_ner.py is absent"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$train" "$tmp/dev.conll" <<'PY'
import sys
sents = open(sys.argv[1], encoding="utf-8").read().strip("\n").split("\n\n")
open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join(sents[len(sents) * 9 // 10:]) + "\n")
PY
if ! "$cli" tag --conll "$tmp/dev.conll" > "$tmp/dev.tag" 2> "$tmp/err"; then
  echo "rasd-cli tag --conll failed: $(cat "$tmp/err")"
  exit 1
fi
if ! python3 "$shared/eval/score_ner.py" --gold "$tmp/dev.conll" --system "$tmp/dev.tag" > "$tmp/score"; then
  echo "the scorer failed"
  exit 1
fi
cat "$tmp/score"
python3 - "$tmp/score" "$floor" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r"micro PERS\+LOC\+ORG: P=\S+ R=\S+ F1=([0-9.]+)", text)
if not m:
    print("cannot read the micro F1 in the scorer's output")
    sys.exit(1)
f1 = float(m.group(1))
print("micro F1 %.3f, floor %s: %s" % (f1, sys.argv[2], "ok" if f1 >= float(sys.argv[2]) else "BELOW THE FLOOR"))
sys.exit(0 if f1 >= float(sys.argv[2]) else 1)
PY
