#!/bin/sh
# Every catalogue in po/LINGUAS is valid and complete: no fuzzy or untranslated messages.
set -eu
po_dir="$1"
status=0
for lang in $(grep -v '^#' "$po_dir/LINGUAS"); do
  stats=$(msgfmt --check --statistics -o /dev/null "$po_dir/$lang.po" 2>&1)
  echo "$lang: $stats"
  case "$stats" in
    *fuzzy*|*untranslated*) echo "$lang.po is incomplete"; status=1 ;;
  esac
done
exit $status
