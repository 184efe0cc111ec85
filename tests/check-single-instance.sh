#!/bin/sh
# One instance: with a first `rasd` running, a second `rasd FILE` hands FILE to it over D-Bus and
# exits; the first imports it into its database.  Needs a session bus (dbus-run-session) and a
# display (xvfb-run): run as `dbus-run-session -- xvfb-run -a check-single-instance.sh RASD RASD_CLI DEMO`.
set -u
rasd="$1"
rasd_cli="$2"
article="$3"
tmp=$(mktemp -d)
export XDG_DATA_HOME="$tmp/data" HOME="$tmp" GSETTINGS_BACKEND=memory GTK_A11Y=none
unset RASD_NON_UNIQUE
db="$XDG_DATA_HOME/rasd/rasd.db"
n=0
status=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; status=1; }

"$rasd" >"$tmp/first.log" 2>&1 &
first=$!
trap 'kill $first 2>/dev/null; wait $first 2>/dev/null; rm -rf "$tmp"' EXIT

# The first instance is up once its database exists.
i=0
while [ ! -s "$db" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
if [ -s "$db" ]; then ok "the first rasd opened $db"; else not_ok "the first rasd opened $db"; fi

if timeout 30 "$rasd" "$article" >"$tmp/second.log" 2>&1; then
  ok "the second rasd handed its file over and exited"
else
  not_ok "the second rasd handed its file over and exited"; sed 's/^/# /' "$tmp/second.log"
fi
if kill -0 $first 2>/dev/null; then ok "the first rasd is still running"; else not_ok "the first rasd is still running"; fi

# The first instance imports it (in its worker thread).
i=0
count=0
while [ $i -lt 300 ]; do
  count=$("$rasd_cli" --db "$db" stats --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])' 2>/dev/null || echo 0)
  [ "$count" = 1 ] && break
  sleep 0.1; i=$((i + 1))
done
if [ "$count" = 1 ]; then ok "the first rasd imported the file"; else not_ok "the first rasd imported the file ($count articles)"; sed 's/^/# /' "$tmp/first.log"; fi

echo "1..$n"
exit $status
