#!/bin/sh
# Trains the name tagger again as data/ner/README.md says and fails when the result differs
# from the shipped model, byte for byte (training is deterministic).  Skips (exit 77) when
# ../shared is absent.
# Usage: check-ner-model.sh RASD-CLI SHARED-DIR MODEL
set -u
cli=$1
shared=$2
model=$3
train="$shared/eval/ner/anercorp_train.conll"

if [ ! -f "$train" ]; then
  echo "skipped: $train is absent"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! "$cli" train-ner --conll "$train" -o "$tmp/name-tagger.model"; then
  echo "rasd-cli train-ner failed"
  exit 1
fi
if ! cmp "$tmp/name-tagger.model" "$model"; then
  echo "$model is not what training gives now (were the lexicons, the cue words or the features"
  echo "changed?): rebuild it with"
  echo "  rasd-cli train-ner --conll $train -o $model"
  exit 1
fi
echo "$model is what training gives"
