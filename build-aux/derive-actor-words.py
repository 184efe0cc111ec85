#!/usr/bin/env python3
# Derives data/ner/actor-words.tsv, words the name tagger reads as features (never as answers),
# from the UniversalPetrarch Arabic actor dictionary (actor_dict_ar_v4.txt, MIT, Open Event Data
# Alliance; see data/people/NOTICE-universalpetrarch.txt).  Deterministic (sorted).
#
# Usage: derive-actor-words.py ACTOR_DICT FIRST_NAMES > data/ner/actor-words.tsv
#
# Each line is a word, a tab and its kind:
#   person-first  the first word of a person's name (after the role prefix is stripped, as
#                 derive-people-lexicon.py strips it): first names the hand-written list lacks
#   person-other  a later word of a person's name (family names, بن, الدين)
#   org           a word of an organisation's name (an entry with a word such as حركة، منظمة)
# A word of several kinds is listed once per kind.

import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('people', os.path.join(here, 'derive-people-lexicon.py'))
people = importlib.util.module_from_spec(spec)
spec.loader.exec_module(people)


def main():
    actor_dict, first_path = sys.argv[1], sys.argv[2]
    first_names = people.load_first_names(first_path)
    rows = set()
    for entry, _codes in people.parse_dict(actor_dict):
        words = [w for w in entry.strip('_').split('_') if w]
        if any(w in people.ORG_WORDS for w in words):
            rows.update((w, 'org') for w in words
                        if w not in people.SKIP_TOKENS and len(w) > 1)
            continue
        name, had_role = people.strip_role(words, first_names)
        for i, w in enumerate(name):
            if i > 0 and (w in people.TRAILING_ROLES or w in people.NATIONALITIES):
                name = name[:i]
                break
        if not people.is_person(name, had_role, first_names):
            continue
        rows.add((name[0], 'person-first'))
        rows.update((w, 'person-other') for w in name[1:])
    print('# Derived by build-aux/derive-actor-words.py from UniversalPetrarch actor_dict_ar_v4.txt')
    print('# (MIT; data/people/NOTICE-universalpetrarch.txt).  Features of the name tagger.')
    for word, kind in sorted(rows):
        print(f'{word}\t{kind}')


if __name__ == '__main__':
    main()
