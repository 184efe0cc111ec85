#!/bin/sh
# Translations are complete at the source: every file under src/ and data/ with translatable strings
# is listed in po/POTFILES.in, every listed file exists, and po/rasd.pot holds exactly the messages
# xgettext finds in them now (run `ninja -C _build rasd-pot rasd-update-po` after changing strings).
set -eu
top="$1"
potfiles="$top/po/POTFILES.in"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
status=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; status=1; }

grep -v '^#' "$potfiles" | sed '/^$/d' > "$tmp/listed"

# 1. Files with translatable strings are listed.
cd "$top"
{
  grep -rlE '(^|[^A-Za-z0-9_])(N_|C_|NC_|_)\(|ngettext ?\(' --include='*.c' src || true
  grep -rl 'translatable="yes"' --include='*.ui' src || true
  ls data/*.desktop.in data/*.metainfo.xml.in 2>/dev/null || true
} | sort -u > "$tmp/found"
missing=$(comm -23 "$tmp/found" "$(sort "$tmp/listed" > "$tmp/listed.sorted"; echo "$tmp/listed.sorted")")
if [ -z "$missing" ]; then
  ok "every file with translatable strings is in POTFILES.in ($(wc -l < "$tmp/found") files)"
else
  not_ok "files with translatable strings missing from po/POTFILES.in: $(echo $missing)"
fi

# 2. Every listed file exists.
absent=""
while read -r f; do
  [ -f "$f" ] || absent="$absent $f"
done < "$tmp/listed"
if [ -z "$absent" ]; then ok "every file in POTFILES.in exists"; else not_ok "listed but absent:$absent"; fi

# 3. The template is current.
xgettext --files-from="$tmp/listed" --directory="$top" --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
  --keyword=ngettext:1,2 --output="$tmp/fresh.pot" 2> "$tmp/xgettext.log" || {
  not_ok "xgettext failed: $(cat "$tmp/xgettext.log")"; echo "1..$n"; exit 1; }
python3 - "$tmp/fresh.pot" "$top/po/rasd.pot" > "$tmp/diff" <<'PY'
import sys

def messages(path):
    keys, entry, field = set(), {}, None
    def flush():
        if entry.get("msgid"):
            keys.add((entry.get("msgctxt", ""), entry["msgid"]))
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            if entry:
                flush(); entry.clear()
            continue
        if line.startswith('"'):
            entry[field] = entry.get(field, "") + line[1:-1]
            continue
        name, _, value = line.partition(" ")
        if name == "msgctxt" or (name == "msgid" and "msgid" in entry):
            flush(); entry.clear()
        field = name
        entry[field] = value[1:-1]
    flush()
    return keys

fresh, template = messages(sys.argv[1]), messages(sys.argv[2])
for ctxt, msgid in sorted(fresh - template):
    print("missing from po/rasd.pot: %s%s" % (ctxt + "|" if ctxt else "", msgid))
for ctxt, msgid in sorted(template - fresh):
    print("stale in po/rasd.pot: %s%s" % (ctxt + "|" if ctxt else "", msgid))
PY
if [ -s "$tmp/diff" ]; then
  not_ok "po/rasd.pot is out of date (ninja -C _build rasd-pot rasd-update-po)"
  sed 's/^/# /' "$tmp/diff"
else
  ok "po/rasd.pot holds every message of the sources and no other"
fi

echo "1..$n"
exit $status
