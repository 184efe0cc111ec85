#!/bin/sh
# The word lists derived from ANERcorp are what build-aux/derive-common-words.py makes of it today,
# and data/ner/actor-words.tsv what build-aux/derive-actor-words.py makes of UniversalPetrarch's
# actor dictionary (../shared/resources), so that they are never edited by hand.  Skips (exit 77) without ../shared/eval/ner or geonames.mo.
# Usage: check-derived-words.sh SOURCE-DIR SHARED-DIR
set -u
source=$1
shared=$2
corpus="$shared/eval/ner/anercorp_train.conll"
mo=/usr/share/locale/ar/LC_MESSAGES/geonames.mo
if [ ! -f "$corpus" ] || [ ! -f "$mo" ]; then
  echo "1..0 # SKIP $corpus or $mo is absent"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "1..3"
python3 "$source/build-aux/derive-common-words.py" places "$corpus" "$mo" > "$tmp/places" &&
  cmp -s "$tmp/places" "$source/data/gazetteer/common-words-derived.txt" &&
  echo "ok 1 - data/gazetteer/common-words-derived.txt" ||
  { echo "not ok 1 - data/gazetteer/common-words-derived.txt differs from what the script derives"; failed=1; }
python3 "$source/build-aux/derive-common-words.py" names "$corpus" "$source/data/people/first-names.txt" > "$tmp/names" &&
  cmp -s "$tmp/names" "$source/data/people/common-words-derived.txt" &&
  echo "ok 2 - data/people/common-words-derived.txt" ||
  { echo "not ok 2 - data/people/common-words-derived.txt differs from what the script derives"; failed=1; }
actors="$shared/resources/universalpetrarch-arabic/actor_dict_ar_v4.txt"
if [ ! -f "$actors" ]; then
  echo "ok 3 # SKIP $actors is absent"
elif python3 "$source/build-aux/derive-actor-words.py" "$actors" "$source/data/people/first-names.txt" > "$tmp/actors" &&
  cmp -s "$tmp/actors" "$source/data/ner/actor-words.tsv"; then
  echo "ok 3 - data/ner/actor-words.tsv"
else
  echo "not ok 3 - data/ner/actor-words.tsv differs from what the script derives"; failed=1
fi
exit ${failed:-0}
