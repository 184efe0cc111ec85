#!/usr/bin/env python3
# Scores the names the extractor finds (`rasd-cli extract --format mentions`: people, places,
# organisations, as an import stores them and the facets list them) against ANERcorp's gold
# names, entity by entity (exact spans), on text the extraction rules were never written from.
# The name tagger alone is scored by `tag --conll` (tests/check-ner.sh); this is what the
# extractor makes of its labels with the lexicons and the rules: a phrase read as a person, a
# word read as a place, shows here as a false positive.
#
#   score-mentions.py RASD-CLI ANERCORP_TRAIN [--part dev-a|dev-b|train] [-v]
#
# ANERcorp (CAMeL Lab's train split) has no article boundaries: its sentences are cut into
# pseudo-articles of 20, written to a temporary folder, one line a sentence.
#   dev-a  the first half of the development tenth (the tenth the tagger never trains on), read
#          while the rules of December 2026 (ner.tagged-end and the others of that commit) were
#          written;
#   dev-b  its second half, left unread: the honest figure;
#   train  every third pseudo-article of the nine tenths the tagger trains on (its labels
#          there are better than on unseen text, so compare changes, not levels).
# Role mentions that point back at a person named elsewhere (الرئيس، وزير الخارجية) count as
# false positives: ANERcorp tags no titles.  -v lists the commonest false positives and misses.

import collections
import json
import os
import subprocess
import sys
import tempfile

KINDS = {"person": "PERS", "place": "LOC", "organisation": "ORG"}
SENTENCES_PER_ARTICLE = 20


def pseudo_articles(path, part):
    sentences = open(path, encoding="utf-8").read().strip("\n").split("\n\n")
    cut = len(sentences) * 9 // 10
    if part == "train":
        chosen = sentences[:cut]
    else:
        dev = sentences[cut:]
        n_articles = (len(dev) + SENTENCES_PER_ARTICLE - 1) // SENTENCES_PER_ARTICLE
        half = n_articles // 2 * SENTENCES_PER_ARTICLE
        chosen = dev[:half] if part == "dev-a" else dev[half:]
    for a, start in enumerate(range(0, len(chosen), SENTENCES_PER_ARTICLE)):
        if part == "train" and a % 3:
            continue
        text, tokens = "", []
        for sentence in chosen[start:start + SENTENCES_PER_ARTICLE]:
            line = ""
            for row in sentence.split("\n"):
                fields = row.split()
                if not fields:
                    continue
                if line:
                    line += " "
                tokens.append((fields[0], fields[-1]))
                line += fields[0]
            text += line + "\n\n"
        yield text, tokens


def gold_spans(tokens):
    spans, current = set(), None
    for k, (_, tag) in enumerate(tokens):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if kind is not None and (tag.startswith("B-") or current is None or current[2] != kind):
            if current:
                spans.add(tuple(current))
            current = [k, k, kind]
        elif kind is not None:
            current[1] = k
        else:
            if current:
                spans.add(tuple(current))
            current = None
    if current:
        spans.add(tuple(current))
    return {s for s in spans if s[2] in KINDS.values()}


def run(cli, fmt, path):
    result = subprocess.run([cli, "extract", "--format", fmt, path], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"rasd-cli extract --format {fmt} {path} failed: {result.stderr.strip()}")
    return result.stdout


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv[1:]
    part = "dev-b"
    if "--part" in args:
        i = args.index("--part")
        part = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2 or part not in ("dev-a", "dev-b", "train"):
        sys.exit("usage: score-mentions.py RASD-CLI ANERCORP_TRAIN [--part dev-a|dev-b|train] [-v]")
    cli, corpus = args
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    fps, fns = collections.defaultdict(collections.Counter), collections.defaultdict(collections.Counter)
    n_articles = n_tokens = 0
    with tempfile.TemporaryDirectory() as tmp:
        for a, (text, tokens) in enumerate(pseudo_articles(corpus, part)):
            path = os.path.join(tmp, f"{a:04d}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            n_articles += 1
            n_tokens += len(tokens)
            # offsets count characters of the cleaned text: find each token in it, in order
            cleaned = run(cli, "text", path)
            offsets, at = [], 0
            for word, _ in tokens:
                i = cleaned.find(word, at)
                offsets.append((i, i + len(word)) if i >= 0 else None)
                if i >= 0:
                    at = i + len(word)
            found = set()
            for line in run(cli, "mentions", path).splitlines():
                fields = line.split("\t")
                if fields[0] not in KINDS:
                    continue
                start, end = int(fields[1]), int(fields[2])
                covered = [k for k, o in enumerate(offsets) if o and o[0] < end and o[1] > start]
                if covered:
                    found.add((covered[0], covered[-1], KINDS[fields[0]]))
            gold = gold_spans(tokens)
            words = lambda s: " ".join(tokens[k][0] for k in range(s[0], s[1] + 1))
            for s in found:
                if s in gold:
                    tp[s[2]] += 1
                else:
                    fp[s[2]] += 1
                    fps[s[2]][words(s)] += 1
            for s in gold - found:
                fn[s[2]] += 1
                fns[s[2]][words(s)] += 1
    print(f"ANERcorp {part}: {n_articles} pseudo-articles, {n_tokens} tokens")
    for kind in ("PERS", "LOC", "ORG"):
        p = tp[kind] / max(1, tp[kind] + fp[kind])
        r = tp[kind] / max(1, tp[kind] + fn[kind])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{kind}: P={p:.3f} R={r:.3f} F1={f1:.3f} (tp={tp[kind]} fp={fp[kind]} fn={fn[kind]})")
    if verbose:
        for kind in ("PERS", "LOC", "ORG"):
            print(f"false {kind}:", json.dumps(fps[kind].most_common(40), ensure_ascii=False))
            print(f"missed {kind}:", json.dumps(fns[kind].most_common(40), ensure_ascii=False))


if __name__ == "__main__":
    main()
