#!/usr/bin/env python3
"""Checks the repository's gold events (tests/gold) against their own rules.

Usage: check-gold-files.py SOURCE-DIR SHARED-DIR

What is checked, and why:
- every article named in a gold file exists in SHARED-DIR/corpus/snn-dev with its .meta.json sidecar,
  has no gold in the shared snn-dev.json, and sits in exactly one of the two files (dev or held-out);
  likewise the project's own articles (tests/corpus/own, written for Rasd) in own-dev.json and
  own-heldout.json, with tests/gold/own-entities.json, every article of the folder in one of them;
- every event has the fields of ../shared/eval/ANNOTATION.md and no others, an id unique in its file
  that starts with the article's number, a known kind, persons and a place that are keys of
  tests/gold/entities.json, and a date that is null or a real YYYY, YYYY-MM or YYYY-MM-DD;
- an event without a named participant is optional (ANNOTATION.md);
- every entity is used, entries shared with ../shared/eval/entities.json are identical to it, places
  carry coordinates, an ISO country and a kind; no alias names two persons or two places;
- notes on snn-dev quote at most three Arabic words in a row (the articles' text stays out of the
  repository; the own articles are the project's and may be quoted);
- the shared scorer reads both files: an empty system file gets recall 0 and no error, and the gold
  events read back as a system file (first alias of each entity) get every required event and no
  false positive, so that the aliases and places resolve as the scorer matches them.
Exit status 0 when all hold, 1 with one line per problem otherwise, 77 (skip) when SHARED-DIR is absent.
"""
import calendar
import json
import os
import re
import subprocess
import sys
import tempfile

KINDS = {"meeting", "visit", "talks", "reception", "call", "summit"}
FIELDS = {"id", "kind", "participants", "place", "date", "optional", "note"}
REQUIRED = {"id", "kind", "participants", "place", "date"}
PLACE_KINDS = {"city", "site", "country"}
GOLD_FILES = ("snn-dev-new.json", "snn-dev-heldout.json")
OWN_GOLD_FILES = ("own-dev.json", "own-heldout.json")
ARABIC_RUN = re.compile(r"[\u0600-\u06ff][\u0600-\u06ff0-9\s\-/]*")
MAX_QUOTED_WORDS = 3

problems = []


def problem(where, what):
    problems.append(f"{where}: {what}")


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        problem(path, f"cannot be read as JSON ({e})")
        return None


def date_ok(value):
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return False
    year, month, day = m.group(1), m.group(2), m.group(3)
    if not 1900 <= int(year) <= 2030:
        return False
    if month is None:
        return True
    if not 1 <= int(month) <= 12:
        return False
    if day is None:
        return True
    return 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]


def fold(text):
    """The scorer's Arabic folding, enough to find aliases that collide."""
    text = re.sub("[\u064b-\u065f\u0670\u0640]", "", text)
    return " ".join(text.translate(str.maketrans("أإآى", "اااي")).replace("ة", "ه").split())


def check_entities(path, shared_path):
    ents = load(path)
    shared = (load(shared_path) if shared_path else None) or {"persons": {}, "places": {}}
    if not ents:
        return {"persons": {}, "places": {}}
    for section in ("persons", "places"):
        if not isinstance(ents.get(section), dict):
            problem(path, f"no '{section}' object")
            ents[section] = {}
        owner = {}
        for key, entry in ents[section].items():
            where = f"{path}: {section}.{key}"
            if key in shared.get(section, {}) and entry != shared[section][key]:
                problem(where, "differs from the entry of the same key in ../shared/eval/entities.json")
            if not isinstance(entry.get("en"), str) or not entry["en"]:
                problem(where, "no English name")
            aliases = entry.get("aliases")
            if not isinstance(aliases, list) or not aliases or not all(isinstance(a, str) and a for a in aliases):
                problem(where, "aliases must be a non-empty list of strings")
                continue
            for alias in aliases:
                other = owner.setdefault(fold(alias), key)
                if other != key:
                    problem(where, f"alias '{alias}' also names {other}")
            if section == "places":
                lat, lon = entry.get("lat"), entry.get("lon")
                if not isinstance(lat, (int, float)) or not -90 <= lat <= 90:
                    problem(where, "latitude missing or out of range")
                if not isinstance(lon, (int, float)) or not -180 <= lon <= 180:
                    problem(where, "longitude missing or out of range")
                if not re.fullmatch(r"[A-Z]{2}", str(entry.get("country"))):
                    problem(where, "country is not an ISO 3166-1 alpha-2 code")
                if entry.get("kind") not in PLACE_KINDS:
                    problem(where, f"kind must be one of {sorted(PLACE_KINDS)}")
    return ents


def check_gold(path, corpus, shared_gold, ents, seen, used, quote_limit=MAX_QUOTED_WORDS):
    doc = load(path)
    if not doc:
        return
    articles = doc.get("articles")
    if not isinstance(articles, dict) or not articles:
        problem(path, "no 'articles' object")
        return
    ids = set()
    for art, data in articles.items():
        where = f"{path}: {art}"
        if art in seen:
            problem(where, f"also in {seen[art]}")
        seen[art] = os.path.basename(path)
        if art in shared_gold:
            problem(where, "already has gold in ../shared/eval/gold/snn-dev.json")
        if not os.path.isfile(os.path.join(corpus, art)):
            problem(where, f"no such article in {corpus}")
        elif not os.path.isfile(os.path.join(corpus, art[:-4] + ".meta.json")):
            problem(where, "the article has no .meta.json sidecar")
        m = re.match(r"(?:snn|own)_([a-z]?\d{2,3})_", art)
        events = data.get("events") if isinstance(data, dict) else None
        if not isinstance(events, list):
            problem(where, "no 'events' list")
            continue
        for ev in events:
            eid = ev.get("id", "?")
            w = f"{where} {eid}"
            if set(ev) - FIELDS:
                problem(w, f"unknown fields {sorted(set(ev) - FIELDS)}")
            if REQUIRED - set(ev):
                problem(w, f"missing fields {sorted(REQUIRED - set(ev))}")
                continue
            if eid in ids:
                problem(w, "id used twice in the file")
            ids.add(eid)
            if m and not str(eid).startswith(m.group(1) + "-"):
                problem(w, f"id does not start with the article's number {m.group(1)}")
            if ev["kind"] not in KINDS:
                problem(w, f"kind '{ev['kind']}' is not one of {sorted(KINDS)}")
            parts = ev["participants"]
            if not isinstance(parts, list) or len(set(parts)) != len(parts):
                problem(w, "participants must be a list of distinct keys")
                parts = []
            for p in parts:
                used["persons"].add(p)
                if p not in ents["persons"]:
                    problem(w, f"participant '{p}' is not a person of entities.json")
            if ev["place"] is not None:
                used["places"].add(ev["place"])
                if ev["place"] not in ents["places"]:
                    problem(w, f"place '{ev['place']}' is not a place of entities.json")
            if ev["date"] is not None and (not isinstance(ev["date"], str) or not date_ok(ev["date"])):
                problem(w, f"date {ev['date']!r} is not null, YYYY, YYYY-MM or YYYY-MM-DD")
            if "optional" in ev and not isinstance(ev["optional"], bool):
                problem(w, "optional must be true or false")
            if not parts and not ev.get("optional"):
                problem(w, "an event without a named participant must be optional")
            note = ev.get("note", "")
            if not isinstance(note, str):
                problem(w, "note must be a string")
                continue
            for run in ARABIC_RUN.findall(note):
                words = [t for t in run.split() if re.search("[\u0600-\u06ff]", t)]
                if quote_limit is not None and len(words) > quote_limit:
                    problem(w, f"note quotes {len(words)} Arabic words in a row (at most {quote_limit})")


def oracle_lines(gold, ents):
    """The gold's required events as a system file: first alias of each person, first alias and coordinates
    of the place.  Optional events are left out: one may take a required event's place in the scorer's
    matching (a Nairobi event fits a background visit to Kenya), which says nothing about the aliases."""
    for art, data in gold["articles"].items():
        for ev in data["events"]:
            if ev.get("optional"):
                continue
            place = ents["places"].get(ev["place"]) if ev["place"] else None
            yield json.dumps({
                "article": art, "kind": ev["kind"], "date": ev["date"],
                "participants": [{"name": ents["persons"][p]["aliases"][0]} for p in ev["participants"]],
                "place": place and {"name": place["aliases"][0], "lat": place["lat"], "lon": place["lon"],
                                    "country": place["country"]}}, ensure_ascii=False)


def score(scorer, gold_path, system_path, entities_path):
    run = subprocess.run([sys.executable, scorer, "--gold", gold_path, "--system", system_path,
                          "--entities", entities_path, "--json"], capture_output=True, text=True)
    if run.returncode != 0:
        problem(gold_path, f"the scorer failed: {run.stderr.strip()[-300:]}")
        return None
    try:
        return json.loads(run.stdout)
    except ValueError:
        problem(gold_path, "the scorer's output is not JSON")
        return None


def check_scorer(shared, entities_path, ents, gold_paths):
    """An empty system gets recall 0; the gold's required events read back as a system get P = R = 1."""
    scorer = os.path.join(shared, "eval", "score_events.py")
    if not os.path.isfile(scorer):
        problem(scorer, "absent: the gold files were not scored")
        return
    for gold_path in gold_paths:
        gold = load(gold_path)
        if not gold:
            continue
        n_required = sum(1 for a in gold["articles"].values() for e in a["events"] if not e.get("optional"))
        with tempfile.TemporaryDirectory() as tmp:
            empty, oracle = os.path.join(tmp, "empty.jsonl"), os.path.join(tmp, "oracle.jsonl")
            open(empty, "w").close()
            try:
                lines = list(oracle_lines(gold, ents))
            except (KeyError, TypeError):
                continue  # unknown keys, already reported
            with open(oracle, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            res = score(scorer, gold_path, empty, entities_path)
            if res and (res["strict"]["tp"] or res["strict"]["fp"] or res["strict"]["fn"] != n_required):
                problem(gold_path, f"an empty system scored {res['strict']}, expected recall 0, fn={n_required}")
            res = score(scorer, gold_path, oracle, entities_path)
            if res and (res["strict"]["tp"] != n_required or res["strict"]["fp"] or res["unparsed_lines"]):
                problem(gold_path, f"the gold read back as a system scored {res['strict']}, expected "
                        f"tp={n_required} and no false positive (an alias or place does not resolve)")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, shared = sys.argv[1], sys.argv[2]
    corpus = os.path.join(shared, "corpus", "snn-dev")
    if not os.path.isdir(corpus) or not os.path.isdir(os.path.join(shared, "eval")):
        print(f"SKIP: {corpus} or {shared}/eval is absent; the gold files are checked against it")
        return 77
    gold_dir = os.path.join(src, "tests", "gold")
    ents = check_entities(os.path.join(gold_dir, "entities.json"), os.path.join(shared, "eval", "entities.json"))
    shared_gold = (load(os.path.join(shared, "eval", "gold", "snn-dev.json")) or {}).get("articles", {})
    seen, used = {}, {"persons": set(), "places": set()}
    paths = [os.path.join(gold_dir, name) for name in GOLD_FILES]
    for path in paths:
        check_gold(path, corpus, shared_gold, ents, seen, used)
    for section in ("persons", "places"):
        for key in sorted(set(ents[section]) - used[section]):
            problem(f"entities.json: {section}.{key}", "not used by any event")
    check_scorer(shared, os.path.join(gold_dir, "entities.json"), ents, paths)

    # the project's own articles, their gold and entities
    own_corpus = os.path.join(src, "tests", "corpus", "own")
    own_ents_path = os.path.join(gold_dir, "own-entities.json")
    own_ents = check_entities(own_ents_path, None)
    own_seen, own_used = {}, {"persons": set(), "places": set()}
    own_paths = [os.path.join(gold_dir, name) for name in OWN_GOLD_FILES]
    for path in own_paths:
        check_gold(path, own_corpus, {}, own_ents, own_seen, own_used, quote_limit=None)
    for name in sorted(os.listdir(own_corpus)) if os.path.isdir(own_corpus) else []:
        if name.endswith(".txt") and name not in own_seen:
            problem(os.path.join(own_corpus, name), "in no gold file")
    for section in ("persons", "places"):
        for key in sorted(set(own_ents[section]) - own_used[section]):
            problem(f"own-entities.json: {section}.{key}", "not used by any event")
    check_scorer(shared, own_ents_path, own_ents, own_paths)
    seen.update(own_seen)
    paths += own_paths
    for line in problems:
        print(line)
    n_events = 0
    for path in paths:
        doc = load(path) or {"articles": {}}
        n_events += sum(len(a.get("events", [])) for a in doc["articles"].values())
    print(f"{len(seen)} articles, {n_events} events, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
