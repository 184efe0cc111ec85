#!/usr/bin/env python3
# Derives person names for data/people/people.tsv from the UniversalPetrarch Arabic actor
# dictionary (actor_dict_ar_v4.txt, MIT, Open Event Data Alliance; see
# data/people/NOTICE-universalpetrarch.txt).
#
# Usage: derive-people-lexicon.py ACTOR_DICT PEOPLE_TSV [FIRST_NAMES]
#
# PEOPLE_TSV keeps everything up to the "# --- derived" marker (the hand-written section) and the
# derived section after it is rewritten.  Names already in the hand-written section (as a name or
# an alias) are not repeated.
#
# The dictionary's names are lemmatised, words joined by '_' with a trailing '_', each followed by
# CAMEO codes ([SYRGOV 20001106-18000101]), inline or on the next tab-indented lines.  An entry is
# kept when, after its role prefix (رئيس_روسي_، وزير_خارجية_سوري_سابق_...) is stripped, two to five
# words remain and none looks like an organisation, place or common noun.  The country is the first
# three letters of the first code, mapped from ISO alpha-3 to alpha-2 (iso-codes), none for IGOs.

import json
import os
import re
import sys

ORG_WORDS = set('''
حركة منظمة مجلس قوة قوات جيش وزارة حزب حكومة جامعة وكالة منطقة عاصمة محكمة اتحاد مدينة دولة
سلطة شرطة شركة برلمان إدارة ادارة جمهورية ولاية صحيفة جهاز بنك هيئة محافظة شعب جبهة سلاح وسيلة لجنة
رئاسة جماعة مخابرات جندي جنود مسلح مسلحون معارضة تنظيم كتيبة لواء فرقة ميليشيا مليشيا ميليشيات
حرس أمن جمعية مؤسسة مركز مكتب مصرف سفارة قنصلية مطار ميناء قاعدة مستشفى مدرسة معهد كلية أكاديمية
نقابة رابطة تحالف ائتلاف مجموعة مجلس_ ديوان الديوان مفوضية بعثة صندوق برنامج اللجنة المجلس الحكومة
قناة تلفزيون إذاعة اذاعة موقع نظام النظام عصابة خلية شبكة طالبان داعش القاعدة حماس فتح حزب_الله
اسرائيل إسرائيل مواطن مواطنين لاجئ لاجئين مهاجر طالب طلاب عامل عمال متظاهر متظاهرين محتج سكان
مجتمع قبيلة عشيرة طائفة أقلية كنيسة مسجد أسطول بحرية قيادة سجن مخيم مستوطنة مستوطن
'''.split())

# Words of role prefixes, stripped from the start of an entry.
ROLE_WORDS = set('''
رئيس رئيسة وزير وزيرة أمير أميرة ملك ملكة شيخ شيخة سفير سفيرة نائب جنرال أمين دكتور دكتورة قائد
مسؤول مبعوث مبعوثة مستشار مستشارة زعيم متحدث ناطق مساعد مدير محافظ حاكم عاهل سلطان إمام امام
مفتي بطريرك بابا كاردينال مطران لواء عميد عقيد فريق مشير أدميرال ركن بحري جوي سيد سيدة عضو
وزير_ خارجية دفاع داخلية مالية اقتصاد طاقة نفط ماء إعلام اعلام عدل صحة تجارة اتصال دولة شأن
شؤون بلدي والقروية عام خاص أعلى أول ثاني سابق أسبق حالي مؤقت جديد عسكري سياسي أركان مجلس وزراء
وزير حكومة جمهورية برلمان سلطة مكتب كتلة حزب هيئة لجنة استخبارات مخابرات أمن قومي وطني مكلف
نواب شعب شورى أمة سيادة ديوان ملكي تنفيذي منتخب رسمي بالوكالة بالنيابة حصري سواء ل و ب في من
عهد ولي مجلس_ الأعلى عربي أممي دولي الركن
'''.split())

COMMON_NOUNS = set('''
إقليم اقليم سوق ورق بترول إسكان اسكان استخبار استثمار بيئة زراعة صناعة سياحة نقل تعليم ثقافة شباب
رياضة عمل تموين كهرباء إسكان أوقاف اوقاف مواصلات تخطيط تنمية إنقاذ انقاذ العسكريون كبير
بولندا روسيا فرنسا ألمانيا المانيا بريطانيا أمريكا أميركا امريكا ايران إيران تركيا سوريا مصر العراق
لبنان الأردن الاردن الكويت قطر السعودية البحرين عمان اليمن ليبيا تونس الجزائر المغرب السودان الصين
اليابان الهند باكستان أفغانستان كردستان سودان
'''.split())

TRAILING_ROLES = set('''
وزير وزيرة رئيس رئيسة سفير سفيرة نائب أمين مبعوث مستشار متحدث ناطق مساعد مدير قائد زعيم سابق أسبق
'''.split())

NATIONALITIES = set('''
فلسطيني سوري لبناني مصري عراقي أردني اردني سعودي إيراني ايراني تركي روسي أميركي أمريكي امريكي
بريطاني فرنسي ألماني الماني إسرائيلي اسرائيلي يمني ليبي تونسي جزائري مغربي سوداني كويتي قطري
إماراتي اماراتي بحريني عماني صومالي أفغاني افغاني باكستاني صيني ياباني هندي إيطالي ايطالي إسباني
اسباني أوكراني اوكراني موريتاني
'''.split())

JUNK_WORDS = set('''
النواب نواب لدى اسم سواء ك والتعري وفينوس بسليمان
'''.split())

SKIP_TOKENS = set('ل و ب في من على عن إلى الى مع'.split())

# Common first names kept even though they end in ي (not nationality adjectives).
NAME_ENDING_YA = set('''
علي سامي فادي رامي شادي مجدي حمدي فتحي فوزي صبري خيري لطفي حلمي شكري فهمي يسري هاني ناجي غازي
هادي عوني بدري نصري مهدي زكي تركي وصفي جودي عدلي عزمي صبحي وجدي
'''.split())


def load_iso():
    path = '/usr/share/iso-codes/json/iso_3166-1.json'
    try:
        with open(path, encoding='utf-8') as f:
            data = json.load(f)
        return {c['alpha_3']: c['alpha_2'] for c in data['3166-1']}
    except OSError:
        return {}


def load_first_names(path):
    names = set()
    if path and os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith('#'):
                    names.add(line)
    return names


def parse_dict(path):
    """Yields (name words, first code) pairs."""
    entry = None
    codes = []
    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            if line[0] in '\t' or line.lstrip().startswith('['):
                codes += re.findall(r'\[([^\]\s]+)', line)
                continue
            if entry is not None:
                yield entry, codes
            m = re.match(r'\s*(\S+)(.*)', line)
            entry = m.group(1)
            codes = re.findall(r'\[([^\]\s]+)', m.group(2))
    if entry is not None:
        yield entry, codes


def strip_role(words, first_names):
    i = 0
    while i < len(words):
        w = words[i]
        if i > 0 and w in NATIONALITIES:
            i += 1
            continue
        if w in first_names:
            break
        if w in ROLE_WORDS or w in JUNK_WORDS or w in SKIP_TOKENS:
            i += 1
            continue
        # Nationality or relational adjective after a role (روسي، أميركي، العاجي).
        if i > 0 and (w.endswith('ي') or w.endswith('يا')) and w not in NAME_ENDING_YA:
            i += 1
            continue
        break
    return words[i:], i > 0


def is_person(words, had_role, first_names):
    if not 2 <= len(words) <= 5:
        return False
    for w in words:
        if w in ORG_WORDS or w in SKIP_TOKENS or not re.fullmatch(r'[\u0621-\u064A\u0670\u0671]+', w):
            return False
    if words[0] in ROLE_WORDS:
        return False
    # Without a role prefix, the entry itself must start like a personal name: a known first
    # name, a kunya (ابو/أبو) or a compound عبد.
    if words[0] in ('ال', 'آل') or words[-1] in ('ظبي',):
        return False
    # عبد العزيز alone is a first name, not a person.
    if len(words) == 2 and words[0] == 'عبد':
        return False
    starts_like_name = words[0] in first_names or words[0] in ('ابو', 'أبو', 'عبد', 'أم')
    if not had_role and not starts_like_name:
        return False
    # After a stripped role, a name that does not start with a known first name (a foreign
    # name: غيوم سورو) must not look like a lemmatised noun phrase: no word ending in ة, no
    # adjective in ي, and no word that is a country or common noun of the dictionary.
    if had_role and not starts_like_name:
        for w in words:
            if w.endswith('ة') or (w.endswith('ي') and w not in NAME_ENDING_YA) or w in COMMON_NOUNS:
                return False
    # Lemmatised generic noun phrases end with an adjective in ي (سياسي، عسكري): not names.
    if words[-1] in ('سابق', 'أسبق', 'حالي'):
        return False
    return True


def norm(text):
    """A close approximation of rasd_arabic_normalize() for duplicate detection."""
    text = re.sub(r'[\u064B-\u065F\u0670\u0640]', '', text)
    text = re.sub(r'[\u0622\u0623\u0625\u0671]', '\u0627', text)
    text = text.replace('\u0649', '\u064A').replace('\u0629', '\u0647')
    text = text.replace('\u0624', '\u0648').replace('\u0626', '\u064A')
    text = re.sub(r'\b(عبد|ابو) ', r'\1', text)
    return ' '.join(text.split())


def distance(a, b, limit):
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def near_hand_name(name, country, hand_names):
    limit = 1 if len(name) < 12 else 2
    for hand, key, hand_country in hand_names:
        if country and hand_country and country != hand_country:
            continue
        if len(hand) < 8:
            continue
        if distance(name, hand, limit) > limit:
            continue
        # In a short name only a long vowel may differ (كلنتون/كلينتون), not a consonant
        # (كيلي/كيري are two people).
        if limit == 1 and re.sub('[اوي]', '', name) != re.sub('[اوي]', '', hand):
            continue
        return key
    return None


def without_nasab(name, hand_by_name):
    """The key of the hand-written person "FIRST FAMILY" (an ال family name) when @name is that
    name with a father's name, with or without بن, between the two (عادل بن أحمد الجبير), and the
    father is no hand-written person of that family (حافظ بشار الأسد is not حافظ الأسد); as
    rasd_people_lookup_near() reads names in text."""
    words = name.split()
    if len(words) not in (3, 4) or words[0] in ('عبد', 'ابو', 'بن', 'ابن') or words[-2] in ('بن', 'ابن'):
        return None
    if len(words) == 4 and words[1] not in ('بن', 'ابن'):
        return None
    if not words[-1].startswith('ال'):
        return None
    if words[-2] + ' ' + words[-1] in hand_by_name:
        return None
    return hand_by_name.get(words[0] + ' ' + words[-1])


def key_for(words):
    return 'up:' + '-'.join(words)


def main():
    actor_dict, people_tsv = sys.argv[1], sys.argv[2]
    first_path = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(people_tsv), 'first-names.txt')
    first_names = load_first_names(first_path)
    # Dictionary forms of عبدالله etc. are split (عبد_الله).
    iso = load_iso()

    hand = []
    with open(people_tsv, encoding='utf-8') as f:
        for line in f:
            if line.startswith('# --- derived'):
                break
            hand.append(line)
    known = set()
    hand_names = []   # (normalised name, key, country)
    hand_by_name = {}  # normalised name or alias → key
    for line in hand:
        if line.startswith('#') or not line.strip():
            continue
        cols = line.rstrip('\n').split('\t')
        names = [cols[1]] + ([a for a in cols[2].split('|') if a] if len(cols) > 2 else [])
        for n in names:
            known.add(norm(n))
            hand_by_name.setdefault(norm(n), cols[0])
            if ' ' in n:
                hand_names.append((norm(n), cols[0], cols[4] if len(cols) > 4 else ''))

    rows = {}
    for entry, codes in parse_dict(actor_dict):
        words = [w for w in entry.strip('_').split('_') if w]
        words, had_role = strip_role(words, first_names)
        # A role after the name (جون_هاتون_وزير_دفاع_بريطاني_) ends it, and so does a
        # nationality adjective (ابو_زبيدة_فلسطيني_).
        for i, w in enumerate(words):
            if i > 0 and (w in TRAILING_ROLES or w in NATIONALITIES):
                words = words[:i]
                break
        if any(w in JUNK_WORDS for w in words):
            continue
        if not is_person(words, had_role, first_names):
            continue
        name = ' '.join(words)
        if norm(name) in known:
            continue
        known.add(norm(name))
        country = ''
        if codes:
            country = iso.get(codes[0][:3], '')
        # A spelling variant of a hand-written person (بنجامين نتنياهو، بيل كلنتون) becomes
        # an alias of it: a row with the same key, merged by the loader.
        same = near_hand_name(norm(name), country, hand_names) or without_nasab(norm(name), hand_by_name)
        if same is not None:
            rows[name] = (same, name, '', '', '', '')
            continue
        rows[name] = (key_for(words), name, '', '', country, '')

    with open(people_tsv, 'w', encoding='utf-8') as f:
        f.writelines(hand)
        f.write('# --- derived from UniversalPetrarch actor_dict_ar_v4.txt (MIT); regenerate with '
                'build-aux/derive-people-lexicon.py\n')
        for name in sorted(rows):
            f.write('\t'.join(rows[name]) + '\n')
    print(f'{len(rows)} derived people', file=sys.stderr)


if __name__ == '__main__':
    main()
