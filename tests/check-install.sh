#!/bin/sh
# `meson install` into a temporary prefix puts every part of Rasd in place, and the installed programs
# run from there alone: the build directory is deleted before they run, so they cannot fall back on
# it.  Slow (a second build of the programs): suite "install".
set -u
top="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"
build="$tmp/build"
n=0
status=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; status=1; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check () { desc="$1"; shift; if "$@" >"$tmp/out" 2>&1; then ok "$desc"; else not_ok "$desc"; sed 's/^/# /' "$tmp/out"; fi; }

if ! meson setup "$build" "$top" --prefix="$prefix" -Dbuildtype=debugoptimized >"$tmp/setup.log" 2>&1; then
  not_ok "meson setup --prefix"; sed 's/^/# /' "$tmp/setup.log"; echo "1..$n"; exit 1
fi
ok "meson setup --prefix=$prefix"

# Only what is installed is built (the tests and benchmarks are not needed here).
targets=$(meson introspect --targets "$build" | python3 -c '
import json, sys, os
build = sys.argv[1]
for t in json.load(sys.stdin):
    if t.get("installed"):
        for f in t["filename"]:
            print(os.path.relpath(f, build))
' "$build")
# shellcheck disable=SC2086
if ninja -C "$build" -j2 $targets >"$tmp/build.log" 2>&1 \
   && meson install -C "$build" --no-rebuild >"$tmp/install.log" 2>&1; then
  ok "meson install"
else
  not_ok "meson install"; tail -30 "$tmp/build.log" "$tmp/install.log" | sed 's/^/# /'; echo "1..$n"; exit 1
fi

share="$prefix/share"
for f in bin/rasd bin/rasd-cli \
         share/rasd/gazetteer/places.tsv share/rasd/people/people.tsv share/rasd/events/triggers.tsv \
         share/rasd/ner/name-tagger.model share/rasd/ner/cues.tsv share/rasd/ner/actor-words.tsv \
         share/locale/ar/LC_MESSAGES/rasd.mo \
         share/glib-2.0/schemas/io.github.rasd.Rasd.gschema.xml share/glib-2.0/schemas/gschemas.compiled \
         share/applications/io.github.rasd.Rasd.desktop share/metainfo/io.github.rasd.Rasd.metainfo.xml \
         share/icons/hicolor/scalable/apps/io.github.rasd.Rasd.svg \
         share/icons/hicolor/symbolic/apps/io.github.rasd.Rasd-symbolic.svg; do
  if [ -s "$prefix/$f" ]; then ok "installed $f"; else not_ok "installed $f"; fi
done
if grep -q '^Name\[ar\]=' "$share/applications/io.github.rasd.Rasd.desktop"; then
  ok "the desktop file is translated"
else
  not_ok "the desktop file is translated (no Name[ar])"
fi
if grep -q 'xml:lang="ar"' "$share/metainfo/io.github.rasd.Rasd.metainfo.xml"; then
  ok "the metainfo is translated"
else
  not_ok "the metainfo is translated (no xml:lang=\"ar\")"
fi

# From here on only the prefix is there.
rm -rf "$build"
unset RASD_DATADIR RASD_LOCALEDIR GSETTINGS_SCHEMA_DIR LANGUAGE
export GSETTINGS_BACKEND=memory HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data"
# A prefix outside the system's data folders is added to them, as a user of such a prefix would.
export XDG_DATA_DIRS="$share:/usr/share"
mkdir -p "$HOME"

version=$(LC_ALL=C.UTF-8 "$prefix/bin/rasd-cli" --version 2>&1)
case "$version" in
  rasd*[0-9].[0-9]*) ok "rasd-cli --version: $version" ;;
  *) not_ok "rasd-cli --version: $version" ;;
esac

if locale -a 2>/dev/null | grep -qi '^ar_EG\.utf-\?8$'; then
  help=$(LC_ALL=ar_EG.UTF-8 "$prefix/bin/rasd-cli" --help 2>&1)
  case "$help" in
    *"استكشف الأحداث"*) ok "LANG=ar_EG.UTF-8 rasd-cli --help is in Arabic" ;;
    *) not_ok "LANG=ar_EG.UTF-8 rasd-cli --help is in Arabic"; echo "$help" | sed 's/^/# /' ;;
  esac
else
  skip "rasd-cli --help in Arabic" "locale ar_EG.UTF-8 is not installed"
fi

if command -v xvfb-run >/dev/null; then
  if LC_ALL=C.UTF-8 xvfb-run -a "$prefix/bin/rasd" --db "$tmp/self-test.db" --self-test >"$tmp/self" 2>&1; then
    ok "xvfb-run rasd --self-test"
  else
    not_ok "xvfb-run rasd --self-test"
  fi
  sed 's/^/# /' "$tmp/self"
  # It used the installed files, not the source tree's.
  if grep -q "^ok   data: $share/rasd" "$tmp/self" \
     && grep -q "^ok   translations: $share/locale/" "$tmp/self"; then
    ok "rasd found its installed data and translations"
  else
    not_ok "rasd found its installed data and translations"
  fi
else
  skip "xvfb-run rasd --self-test" "xvfb-run is not installed"
fi

echo "1..$n"
exit $status
