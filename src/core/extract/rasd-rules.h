#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rules of the extractor, counted where they decide something.  Each rule site says
 * RASD_RULE (ID); while a thread counts (rasd_rules_count()), every passage adds one to the
 * rule's hits, otherwise it costs one thread-local read.  `rasd-cli extract --format rules`
 * prints in how many articles each rule fires: a rule that fires in one article only is a
 * special case until sentences written for a test show it general.
 *
 * X (ID, "name", "what it decides") */
#define RASD_RULE_LIST(X) \
  /* names */ \
  X (NER_ORG, "ner.org", "a known organisation or a head noun with its definite complements") \
  X (NER_BUILDING_NAME, "ner.building-name", "the name after مطار، جامعة... is the building's, no person") \
  X (NER_TITLE_PERSON, "ner.title-person", "a lexicon person after a title chain") \
  X (NER_TITLE_NAME, "ner.title-name", "an unknown name of two words or a first name after a title chain") \
  X (NER_TITLE_TO_OTHER, "ner.title-to-other", "a title with ل or ب after a role begins someone else (الرئيس لصاحب السمو، المسؤول برئيس الوزراء)") \
  X (NER_TITLE_ROLE, "ner.title-role", "a title with no name: a role to resolve to someone named elsewhere") \
  X (NER_INDEFINITE_ROLE, "ner.indefinite-role", "a title and its nationality with no article are any such man, no role (برئيس أمريكي)") \
  X (NER_RANK_NO_ROLE, "ner.rank-no-role", "a military rank alone is a common noun (الفريق the team, اللواء the brigade), no role") \
  X (NER_TITLE_AND_TITLE, "ner.title-and-title", "a lone title of a rank, then a title joined by و, are two men (البابا وشيخ الأزهر)") \
  X (NER_TITLE_AND_OTHER, "ner.title-and-other", "after a nationality, a title joined by و or of another nationality begins someone else (الرئيس المصري والوزير الأردني)") \
  X (NER_TITLE_IN_NAME, "ner.title-in-name", "a title word after بن/ولد is the ancestor's name, no title (محمد ولد الشيخ سالم)") \
  X (NER_TITLE_WORD_NAME, "ner.title-word-name", "a title word right before بن is the first name (الدكتور مساعد بن محمد)") \
  X (NER_TITLE_WORD, "ner.title-word", "one unknown word after a title is no name unless a first name") \
  X (NER_ROLE_KNOWN, "ner.role-known", "the words after a role already resolved are not a new name") \
  X (NER_SPOKES_PRINCIPAL, "ner.spokesperson-principal", "whom a spokesperson speaks for is no party") \
  X (NER_ENVOY_PRINCIPAL, "ner.envoy-principal", "whom an envoy acts for (ممثلا للرئيس) is no party") \
  X (NER_NAMED_FOR, "ner.named-for", "whom greetings, a message or a regime are of is no party (تحيات الملك)") \
  X (NER_POSTING_PLACES, "ner.posting-places", "the places of سفير/قنصل/مندوب are the post, not where one is") \
  X (NER_TITLE_PLACE, "ner.title-place", "a place right after a title is the title's (أمير قطر)") \
  X (NER_COUNTERPART, "ner.counterpart", "نظيره + adjective: a role pointing at someone named elsewhere") \
  X (NER_COUNTERPART_OFFICE, "ner.counterpart-office", "نظيره + adjective is the one of that country who holds the office of the man it points from (وزير الخارجية ... نظيره الجزائري: the Algerian foreign minister)") \
  X (NER_COUNTERPART_TITLE, "ner.counterpart-title", "the person named after نظيره + adjective holds the office of the one he is the counterpart of") \
  X (NER_DUAL_ROLE, "ner.dual-role", "a title in the dual with two adjectives stands for two people") \
  X (NER_APPOSITION, "ner.apposition", "an unknown name followed by its title") \
  X (NER_DERIVED_PLACE, "ner.derived-place", "a name of the derived people lexicon that the gazetteer has is a place") \
  X (NER_LEXICON_PERSON, "ner.lexicon-person", "a person of the lexicon") \
  X (NER_SPELLING_VARIANT, "ner.spelling-variant", "a lexicon name written another way (ال، غ/ج، عبد joined or split)") \
  X (NER_NATIONALITY_SURNAME, "ner.nationality-surname", "a family name that is a nationality (السوداني) names the person after a verb, not after a noun") \
  X (NER_PLACE_NOT_NAME, "ner.place-not-name", "a place of two words is no first name and a word (إسلام أباد)") \
  X (NER_FIRST_NAME, "ner.first-name", "a known first name and the name-like words after it") \
  X (NER_UNTAGGED_NOT_NAME, "ner.untagged-not-name", "words the trained tagger reads as no person's name are no unknown name") \
  X (NER_WAW_IN_NAME, "ner.waw-in-name", "a word in و that neither the dictionary nor the lexicon knows, with or without و, goes on a foreign name (جوكو ويدودو)") \
  X (NER_TITLE_WITHOUT_HONORIFIC, "ner.title-without-honorific", "a listed title that begins with an honorific (جلالة الملك) is, as an office, the title after it, so الملك alone later is that man") \
  X (NER_NAMED_BY_FATHER, "ner.named-by-father", "after a title, a word of every day before a known first name and a family name is the first name of a name with no بن (مرزوق علي الغانم)") \
  X (NER_HAMZA_ALIF_LAM, "ner.hamza-alif-lam", "a word written with أل or إل is no family name with the article (أليكسيس تسيبراس goes on)") \
  X (NER_ROLE_AT_HOME, "ner.role-at-home", "a role of no country that two men fit equally is the one of the country the news is filed from (جلالة الملك told from Manama)") \
  X (NER_ROLE_NAMED_BEFORE, "ner.role-named-before", "after the first sentence or a name, a role of no country points back at one named before it, not at one named only later") \
  X (NER_PREPOSITION_ON_NOTHING, "ner.preposition-on-nothing", "a word past the tagger's end that begins with ب or ل is a family name when the rest is no word (خالد محفوظ بحاح), though the dictionary's affixes take it") \
  X (NER_CUE_FIRST_NAME, "ner.cue-first-name", "a foreign first name of the tagger's cue words is a first name for the rules too (كريستينا)") \
  X (NER_FIRST_OF_DESCENT, "ner.first-of-descent", "a word no dictionary knows, then ولد or بن and a known first name, begins a name (إسلكو ولد أحمد)") \
  X (NER_POSTED_AS_WRITTEN, "ner.posted-as-written", "after where a diplomat serves, a word no dictionary or lexicon knows with or without its first letter is his name as written (لورينس is no ل + ورينس)") \
  X (NER_HONORIFIC_BEGINS_OTHER, "ner.honorific-begins-other", "after a title, an honorific and titles that no name follows begin someone else (ورافق خادم الحرمين الشريفين سمو أمير الكويت)") \
  X (NER_STATE_NOUN_ADJECTIVE, "ner.state-noun-adjective", "a state's noun and a nationality adjective in a title chain give its country (وزير الخارجية بالمملكة الأردنية الهاشمية)") \
  X (NER_ROLE_AT_HOME_FIRST, "ner.role-at-home-first", "a role of no country that a man of the dateline's country holds is his, though another is named more") \
  X (NER_HOME_OF_NO_COUNTRY, "ner.home-of-no-country", "with no man of the dateline's country holding a role, the one of no country who does is the man at home") \
  X (NER_OFFICE_AFTER_NAME_ALONE, "ner.office-after-name-alone", "a minister's office of no country right after a name of no title, and no name after it, is his (حضر اللقاء X وزير الخارجية)") \
  X (NER_CITY_AFTER_NOUN, "ner.city-after-noun", "a name of the gazetteer after a building noun such as مدينة is the place, not a building named after someone (في مدينة شرم الشيخ)") \
  X (NER_CUE_NOT_IN_WORD, "ner.cue-not-in-word", "a cue first name read after a proclitic is none where the word as written is one of the dictionary (وسام is no و + سام)") \
  X (NER_QUOTED_NOT_PERSON, "ner.quoted-not-person", "what the tagger alone reads as a person is none when a quotation holds it all («وسام زايد»)") \
  X (NER_TITLED_ALIAS_SHORT, "ner.titled-alias-short", "a lexicon alias with its title that stops short of the full name written after the title takes the full name (الشيخ مشعل الأحمد الجابر الصباح)") \
  X (NER_REFERENCE_OFFICE, "ner.reference-office", "a reference title (الوزير العراقي) prefers the man whose office holds its word (وزير الخارجية), not the head of the ministers") \
  X (NER_SENTENCE_AND_VERB, "ner.sentence-and-verb", "a sentence's first word that is a first name only without its و or ف begins no name: it is a verb (وشهد حمدوك)") \
  X (NER_HYPHENED_FIRST_NAME, "ner.hyphened-first-name", "a hyphen alone after a first name joins a compound first name (جان-نويل بارو)") \
  X (NER_OFFICE_OF_OWN_COUNTRY, "ner.office-of-own-country", "an office of a named man's own country right after his name is his title (أيمن الصفدي وزير الخارجية ... الأردنية)") \
  X (NER_OFFICE_IN_APPOSITION, "ner.office-in-apposition", "an office of no country after a name and a comma is his other title, for a bare role of it later (أحمد الطيب، شيخ الأزهر)") \
  X (NER_SHEIKH_OF_BODY, "ner.sheikh-of-body", "الشيخ or الإمام alone is no head of a body: شيخ الأزهر is not a sheikh of a ruling house") \
  X (NER_HEAD_OF_BODY, "ner.head-of-body", "رئيس with no article, country or complement read heads a body named after it (رئيس حزب ...), no one named as president") \
  X (NER_DATELINE_CITY, "ner.dateline-city", "a dateline names a city, not a country of the same letters (عمان - بترا is Amman), and so does the word again") \
  X (NER_HELD_TITLE_THEN_OTHER, "ner.held-title-then-other", "a title the article has named a man of another country with, then a title with its nationality, are two men (استقبل الملك رئيس الوزراء الباكستاني X)") \
  X (NER_THAT_NOT_SPEAKER, "ner.that-not-speaker", "a name right after أن that follows a verb of speech is the report's subject, not its speaker (وأضاف أن شكري سيتوجه)") \
  X (NER_OFFICE_SPEAKS, "ner.office-speaks", "whose office a statement came from (عن مكتب رئيس الوزراء) speaks, no party of the deed told") \
  X (NER_FAMILY_IN_TA, "ner.family-in-ta", "a third word in ة that the tagger reads in the name, at its end, is the family name (محمد مختار جمعة)") \
  X (NER_FOREIGN_AFTER_PLACE, "ner.foreign-after-place", "two words after a title and its country or organisation, one unknown to the dictionary, are the name the tagger missed (وزيرة خارجية ألمانيا أنالينا بيربوك)") \
  X (NER_PLACE_AFTER_DEFINITE, "ner.place-after-definite", "a place after a title ending in a word with ال is no complement of the title (ويزور المبعوث الأممي الرياض)") \
  X (NER_ROLE_THEN_OTHER, "ner.role-then-other", "after an honorific, a role of a man named and its complement, another role begins someone else (استقبل سمو أمير القصيم مدير الشرطة)") \
  X (NER_FIRST_NAME_WHOLE, "ner.first-name-whole", "in a chain of titles, a known first name is read as written, not as a proclitic and a word (فيصل is no ف + يصل)") \
  X (NER_ROLE_OF_REGION, "ner.role-of-region", "a role of a city or region (أمير منطقة الرياض), with no one of its country named, is the man titled so") \
  X (NER_COUNTERPART_COUNTRY, "ner.counterpart-country", "a person named right after نظيره + adjective is of that country (نظيره الكيني X), for a later نظيره الكيني") \
  X (NER_RETURN_NOT_DESTINATION, "ner.return-not-destination", "إلى after a word of going back (عاد، يعود، عائدا) names where one returns, no visit's destination") \
  X (NER_WRITTEN_SHADDA, "ner.written-shadda", "a place written with a shadda is one whose name has it (عمّان is Amman, not Oman)") \
  X (NER_PRONOUN_NOT_PLACE, "ner.pronoun-not-place", "a small town's name in ة written with ه is a noun and its pronoun (في بيانه is no بيانة)") \
  X (NER_COMMON_BEFORE_PLACE, "ner.common-before-place", "a place name that is also a common word, right before a place, is a noun of that place (في ديربي الرياض)") \
  X (NER_NAME_ALI, "ner.name-ali", "علي written with ي before a first name or بن is the name, not the preposition على") \
  X (NER_OTHER_GRANDFATHER, "ner.other-grandfather", "a lexicon man of a family, named on with a grandfather his names do not hold, is another man (محمد بن عبدالرحمن بن عبدالعزيز)") \
  X (NER_OTHER_FAMILY, "ner.other-family", "a lexicon man and father followed by a family name he does not bear, read by the tagger in the name, is another man (محمد بن عبدالرحمن العمر)") \
  X (NER_NAMED_BY_DESCENT, "ner.named-by-descent", "X بن + a known first name is a name though X is unknown or reads as a preposition and a word (الدكتور بدران بن عبدالرحمن)") \
  X (NER_COMMON_FAMILY_NAME, "ner.common-family-name", "after بن and the father, a word of every day with ال that the tagger reads in the name is the family name (العمر)") \
  X (NER_FAMILY_GOES_ON, "ner.family-goes-on", "after a family name with ال, another that the tagger reads inside the same name goes on (جابر المبارك الحمد الصباح)") \
  X (NER_FAMILY_AFTER_FATHER, "ner.family-after-father", "after a link of descent and the father's name, a word with ال that ends in ة is the family name (بن محمد العطية)") \
  X (NER_NAME_LETTER_KEPT, "ner.name-letter-kept", "a ب or ل before a word that is no first name is the name's own letter (باربرا)") \
  X (NER_FOREIGN_SPELLINGS, "ner.foreign-spellings", "two names of one skeleton whose differing words are foreign (بيتر ويليامز، بيتر وليامز) are one person") \
  X (NER_TITLED_SURNAME, "ner.titled-surname", "one word after a title (الرئيس عباس) is the man of that family name the article names in full, before or after") \
  X (NER_HEADED_BY, "ner.headed-by", "a known first name and the words after it, after برئاسة (headed by), are a name without the tagger's word") \
  X (NER_TAGGED_LONGER, "ner.tagged-longer", "where the rules stop an unknown name after a title at a word that reads like a noun, the tagger's longer name goes on (موسكات)") \
  X (NER_TAGGED_END, "ner.tagged-end", "past the tagger's end, an unknown name ends at a word of every day with a prefix no name has (بمسرحية، يتابع)") \
  X (NER_TAGGED_PERSON, "ner.tagged-person", "a person the trained tagger reads (two words or more) that no rule read is a name the lexicon lacks") \
  X (NER_NEAR_SPELLING, "ner.near-spelling", "a name the lexicon lacks that spells a listed person another way (long vowels, a father's name) is that person") \
  X (NER_DATE_NOT_NAME, "ner.date-not-name", "a name the lexicon lacks runs over no date (شعبان المقبل)") \
  X (NER_MONTH_NOT_NAME, "ner.month-not-name", "the word after شهر is a month's name, no person's (شهر رمضان المبارك)") \
  X (NER_COMMON_NOT_NAME, "ner.common-not-name", "a word of every day or a verb in ت begins or continues no unknown name") \
  X (NER_ABD_COMPOUND, "ner.abd-compound", "the word after عبد is the rest of one name") \
  X (NER_VERB_NOT_NAME, "ner.verb-not-name", "a word beginning like a present-tense verb starts no name") \
  X (NER_HAMZA_PROCLITIC, "ner.hamza-proclitic", "ب/ل/و before a hamza is a proclitic, not a name's letter") \
  X (NER_MEDIAL_HAMZA, "ner.medial-hamza", "a word with a hamza inside is not the first name it normalises to") \
  X (NER_FIRST_NAME_OF, "ner.first-name-of", "a first name alone after a title names the one person of the article with it") \
  X (NER_LAST_NAME_OF, "ner.last-name-of", "a family name alone after a title names the one person of the article with it (الوزير شكري)") \
  X (NER_SHORT_FORM_NAMED_LATER, "ner.short-form-named-later", "a lexicon person named only by one word of his short form is the one other man the article names in full with that family name (والأسد before حافظ الأسد)") \
  X (NER_MERGED_FORGOTTEN, "ner.merged-forgotten", "a spelling or part of a name merged into another person is no person of its own for roles to resolve to (كما تلقى الملك سلمان after خادم الحرمين الشريفين الملك سلمان)") \
  X (NER_SHORT_FORM_NAMED, "ner.short-form-named", "a lexicon short form (كرزاي) is the person the article named in full with that family name") \
  X (NER_SAME_PERSON, "ner.same-person", "an unknown name spelled otherwise, or the first words of a full name, is that person") \
  X (NER_SURNAME, "ner.surname", "the last word of a name named in full names that person again") \
  X (NER_NOT_SURNAME, "ner.not-surname", "the rest of عبد, الله, a king's number (الثاني) and a nationality (العربي) are no family name to find alone") \
  X (NER_ROLE_RESOLVED, "ner.role-resolved", "a role resolved to the person of the article with it") \
  X (NER_OFFICE_AFTER_NAME, "ner.office-after-name", "a role right after a prince's or sheikh's name is his office (الأمير X ولي ولي العهد), for a later bare ولي ولي العهد") \
  X (NER_ROLE_COUNTRY_AFTER_NAME, "ner.role-country-after-name", "a role of a country right after a name of no known country, of the office his title named, makes him of that country (الرئيس جوكو ويدودو رئيس جمهورية إندونيسيا)") \
  X (NER_ROLE_AFTER_NAME, "ner.role-after-name", "a role right after a name is that name's (X، أمير قطر)") \
  X (NER_ROLE_COMMA_NAME, "ner.role-comma-name", "a role followed by a comma and a name is that name's") \
  X (NER_SPEAKER, "ner.speaker", "the subject of a verb of saying speaks; he is not a party") \
  X (NER_COLON_SPEAKER, "ner.colon-speaker", "a name before a colon speaks, as in a headline") \
  /* places */ \
  X (NER_PLACE, "ner.place", "a name of the gazetteer") \
  X (NER_COMMON_PLACE, "ner.common-place", "a place name that is also a word, read after a preposition") \
  X (NER_SMALL_PLACE, "ner.small-place", "a town neither listed nor large, read after a preposition or cue") \
  X (NER_PLACE_NOUN_ADJECTIVE, "ner.place-noun-adjective", "a place noun and one definite adjective before a gazetteer word are its evidence (في العاصمة المؤقتة عدن)") \
  X (NER_NO_PLACE_EVIDENCE, "ner.no-place-evidence", "a town or common word with nothing saying it is a place") \
  X (NER_NOT_A_PLACE, "ner.not-a-place", "a word or phrase never a place (بلد، مسقط رأس)") \
  X (NER_SURNAME_NOT_PLACE, "ner.surname-not-place", "a town named like the surname of a person named before") \
  X (NER_BUILDING_NOUN, "ner.building-noun", "a definite building noun is the building, no town (القصر)") \
  X (NER_PLACE_WITH_PROCLITIC, "ner.place-with-proclitic", "a word that is a larger place with its first letter is that place (وبريدة: Buraidah, not ب + ريدة)") \
  X (NER_KAF, "ner.kaf", "ك is no preposition of place: كبار is not ك + بار") \
  X (NER_LISTED_COUNTRY, "ner.listed-country", "a name that may be a country is one in a list of countries (والبحرين وعمان)") \
  X (NER_TO_NOT_DESTINATION, "ner.to-not-destination", "إلى after إضافة، إشارة، نظرا، مشيرا... adds or points, it names no destination (بالإضافة إلى إيران)") \
  X (NER_KINGDOM_DATELINE, "ner.kingdom-dateline", "the dateline's kingdom counts as four of the article's places and people in reading المملكة") \
  X (NER_KINGDOM, "ner.kingdom", "المملكة alone is the Arab kingdom the article's places and people belong to most") \
  X (NER_ADJECTIVE, "ner.adjective", "a nationality adjective names its country for the roles") \
  /* events */ \
  X (DATE_HIJRI_DATELINE, "date.hijri-dateline", "a dateline of the Hijri calendar alone one or two days before the publication date is the day اليوم counts from, as a Gregorian one is (جدة 6 شوال 1436 هـ واس)") \
  X (DATE_DATELINE_NO_YEAR, "date.dateline-no-year", "a day and month with no year after a line's place and في in the first lines is the dateline, of the publication's year (واشنطن في 13 أكتوبر / وام /)") \
  X (DATE_DATELINE_BEFORE_PRINT, "date.dateline-before-print", "a dateline one or two days before the publication date is the day اليوم and أمس count from (the agency's story printed the next day)") \
  X (EV_ATTENDANCE, "ev.attendance", "who attended (بحضور) is no party") \
  X (EV_PARTY_LIST, "ev.party-list", "the parties listed after بين or a trigger noun are the parties (بين X وY، مباحثات X وY)") \
  X (EV_SPEAKER_RECEIVED, "ev.speaker-received", "a speaker whose deed's noun له follows (نقل X تحيات ... خلال استقبال الملك له) is received: a party") \
  X (EV_SPEAKER_GREETINGS, "ev.speaker-greetings", "who conveys greetings or a message (نقل X تحيات Y إلى Z) is a party of the deed of his sentence") \
  X (EV_THAT_HE_REPORTED, "ev.that-he-reported", "the speaker إنه stands for takes part in the deed of a clause after the report's verb that names its other party (وقال X إن ...، مشيرا إلى أنه سيلتقي Y)") \
  X (EV_REPORTED_OWN_VISIT, "ev.reported-own-visit", "a visit with his pronoun right after a report's أن is the speaker's, and so is a deed told as during it (أكد X أن زيارته ... حيث التقى خلالها Y)") \
  X (EV_SPEAKER_BOTH_SIDES, "ev.speaker-both-sides", "the speaker of a sentence that tells a deed بين الجانبين in a clause after his report's verb is one of the two sides") \
  X (EV_SPEAKER_OWN_DEED_FAR, "ev.speaker-own-deed-far", "a speaker during his own reception or meeting (وذلك خلال استقباله) further than three words on, no one else named between, takes part") \
  X (EV_SPEAKER_THAT_HE, "ev.speaker-that-he", "he who says that he will meet (قال X إنه سيلتقي Y) is a party of it, and the one نظيره there points to") \
  X (EV_SPEAKER_WISH, "ev.speaker-wish", "a speaker who tells his wish for a deed (أعرب عن تطلعه لاستقبال X) takes part in it") \
  X (EV_SPEAKER_OWN_DEED, "ev.speaker-own-deed", "who speaks خلال لقائه takes part in his meeting (وقال X خلال لقائه Y)") \
  X (EV_RELATION_PAIR, "ev.relation-pair", "who a relation is between (العلاقات بين X وY، التنسيق بين) is no party") \
  X (EV_HONORIFIC_BEFORE_NAME, "ev.honorific-before-name", "one named after an honorific pronoun of his honorific in his own sentence (وكان في وداع سموه الأمير Y) is not whom a later one stands for") \
  X (EV_HONORIFIC_NOT_ATTENDEE, "ev.honorific-not-attendee", "an honorific pronoun (سموه) is not one named as attending (بحضور) when another has the honorific") \
  X (EV_HONORIFIC_PRONOUN, "ev.honorific-pronoun", "سموه، جلالته، فخامته، معاليه after the verb or after مع: the last person whose title has that honorific (كما استقبل سموه)") \
  X (EV_PRONOUN_SUBJECT, "ev.pronoun-subject", "a verb of one man going straight on to إلى, with no one named, is the article's man's, or after إنه the speaker's (وفي ختام الزيارة سيتوجه إلى الرياض)") \
  X (EV_IMPLICIT_SUBJECT, "ev.implicit-subject", "التقى مع X: the subject is named elsewhere") \
  X (EV_DECEASED, "ev.deceased", "someone named with رحمه الله takes part only in the past") \
  X (EV_PLACE_BETWEEN, "ev.place-between", "بين X وY relates two places, it is not where") \
  X (EV_PLACE_OF_PROCESS, "ev.place-of-process", "a place right after the noun of a process or an accord is its name, not where anything happened (مسار أستانا، اتفاق الرياض)") \
  X (EV_PLACE_OF_NEXT, "ev.place-of-next", "a place after the next one of something is where that one will be, not where the deed of the sentence is (قمتهم المقبلة في روسيا)") \
  X (EV_PLACE_TOPIC, "ev.place-topic", "a place that talks were about (الأوضاع في X، حول X) is not where") \
  X (EV_PLACE_OTHER_DEED, "ev.place-other-deed", "a place after بعد/قبل/غداة + another deed is that deed's (بعد زيارته X)") \
  X (EV_PLACE_OF_INSTITUTION, "ev.place-of-institution", "في X after a body (الحكومة، السفارة) is where it sits, not where the deed was") \
  X (EV_PLACE_PRESIDENCY, "ev.place-presidency", "a placeless event at a presidency's seat (في قصر الرئاسة التونسية) was in that country's capital") \
  X (EV_PLACE_NEXT, "ev.place-next", "إلى X after a trigger that is no going is where one goes next") \
  X (EV_VISIT_OBJECT, "ev.visit-object", "the object of زار is where the visit went") \
  X (EV_PLACE_LEFT_AFTER, "ev.place-left-after", "a deed before قبل أن يغادر X happened in X") \
  X (EV_PLACE_HOME, "ev.place-home", "where one goes back to (عاد إلى الرياض) is no place of the deed; where one comes back from is") \
  X (EV_PLACE_FROM, "ev.place-from", "a place after من is where one came from") \
  X (EV_CALL_NO_PLACE, "ev.call-no-place", "a call has no place") \
  X (EV_DATE_SINCE, "ev.date-since", "a date after منذ and another deed dates that deed") \
  X (EV_WEEKDAY_TENSE, "ev.weekday-tense", "a bare weekday takes its trigger's tense: the next one, or the last after a verb in the past") \
  X (EV_SAID_DAY, "ev.said-day", "a relative day in reported words counts from when they were said") \
  X (EV_BY_INVITATION, "ev.by-invitation", "a deed done بدعوة or تلبية لدعوة is done at an invitation, not announced (ألقى كلمة أمام القمة بدعوة من المملكة)") \
  X (EV_NEXT_OF_OTHER, "ev.next-of-other", "المقبل or القادم after a noun that is no time and no deed tells nothing of when the clause's deed is (ويبحثان المرحلة المقبلة)") \
  X (EV_ROLE_MARKER, "ev.role-marker", "future or past words make the event planned or background") \
  X (EV_ROLE_BY_DATE, "ev.role-by-date", "a stated date before or after the publication sets the role") \
  X (EV_HABIT, "ev.habit", "an undated habit (عدة مرات) is no event") \
  X (EV_PLURAL_SERIES, "ev.plural-series", "a noun joined to a plural trigger tells a series") \
  X (EV_RECEIVES_THINGS, "ev.receives-things", "a reception verb whose object is a thing or an unnamed crowd receives no one (تستقبل المساعدات، يستقبل الحجاج)") \
  X (EV_HOSPITALITY, "ev.hospitality", "a reception's noun after a word of praise for it (أشاد بحفاوة استقباله) is the hospitality praised, no event") \
  X (EV_INVITED_TO, "ev.invited-to", "a visit someone is invited to (وجه الدعوة له للقيام بزيارة) is an invitation, not one made at an invitation (تلبية لدعوة)") \
  X (EV_DENIED, "ev.denied", "a deed after a denial and أن يكون (نفى أن يكون قد التقى) did not happen") \
  X (EV_SPORTS_MATCH, "ev.sports-match", "a meeting's noun in a sentence of sport is a match (هدف اللقاء الوحيد في الدقيقة 80)") \
  X (EV_CALL_WITH_PRESS, "ev.call-with-press", "a call with a paper or a channel (في اتصال هاتفي مع الصحيفة) is an interview, no call") \
  X (EV_NEGATED, "ev.negated", "a trigger after لم، لن، لا، عدم did not or will not happen") \
  X (EV_IN_TOUCH, "ev.in-touch", "a call noun after على or with an adjective of lasting is being in touch (على اتصال وثيق)") \
  X (EV_WITH_PRONOUN, "ev.with-pronoun", "معه near a trigger of one party: the last person told of before is the other (وأجرى معه X محادثات)") \
  X (EV_OBJECT_PRONOUN, "ev.object-pronoun", "a verb with an object pronoun (استقبله، التقاها، زاره) takes the last person named before it as its object") \
  X (EV_BY_PHONE, "ev.by-phone", "talks or a meeting told with a word of the telephone or video (بحث هاتفيا، محادثات هاتفية) are a call") \
  X (EV_ATTENDEES_ONLY, "ev.attendees-only", "the proceedings (أعمال) of a meeting no one named holds are of those named after بحضور") \
  X (EV_DURING_IT, "ev.during-it", "a deed done during the one told before (بحثا خلاله) is part of it") \
  X (EV_END_OF_TOLD, "ev.end-of-told", "a definite trigger noun after ختام/نهاية (في ختام الاستقبال) is the end of the deed told before, no deed of its own") \
  X (EV_SPEAKER_BEFORE, "ev.speaker-before", "after وأضاف أنه with no speaker in the sentence, the verb is the last speaker's of the two sentences before") \
  X (EV_LIST_COUNTERPART, "ev.list-counterpart", "ونظيره + adjective + a name goes on a list of parties (مباحثات بين X ونظيره الأمريكي Y)") \
  X (EV_DUAL_OFFICE, "ev.dual-office", "التقى الرئيسان: the last two told of of whom one holds that office and none another, not the last two") \
  X (EV_DUAL_PAIR, "ev.dual-pair", "a title in the dual naming no one (التقى الرئيسان) is the pair the article told of last") \
  X (EV_TO_POWER, "ev.to-power", "arriving إلى power or an office (الحكم، الرئاسة) is no visit") \
  X (EV_EARLIER_TIME, "ev.earlier-time", "a background deed whose sentence tells of another time (سبق أن، عندما كان، سابقا) is no recall of the news") \
  X (EV_MERGE_RECALLED, "ev.merge-recalled", "a background deed with no date of its own, of the news event's people and place, is that event") \
  X (EV_TALKS_OF_CALL, "ev.talks-of-call", "talks of a call's two people told after it with no time of their own are what was said on the call (وقال إنه بحث مع نظيره)") \
  X (EV_DEED_IT_FOLLOWED, "ev.deed-it-followed", "after a deed told before (a definite noun), the deed it came after or before is the one the clause's names took part in (وجاء الاتصال بعد يوم من لقاء X Y)") \
  X (EV_SAME_SUMMIT, "ev.same-summit", "summits told in one city on agreeing days are one summit, whoever each sentence names of its many") \
  X (EV_MERGE_STAY, "ev.merge-stay", "visits of the same people to one city a day or two apart are one stay, dated by the arrival") \
  X (EV_MOTION, "ev.motion", "a noun of going is a visit only towards a place") \
  X (EV_CLAUSE_REPORTED, "ev.clause-reported", "أن after a reporting verb opens a clause") \
  X (EV_CLAUSE_WHERE, "ev.clause-where", "حيث opens a clause with the same subject, place and time") \
  X (EV_CLAUSE_OTHER, "ev.clause-other", "فيما، بينما، من المتوقع open a clause about something else") \
  X (EV_CLAUSE_PREPOSITION, "ev.clause-preposition", "after a comma, a preposition joined by و before a trigger noun tells the same man's next deed (، وعلى فحوى الاتصال)") \
  X (EV_CLAUSE_DAY, "ev.clause-day", "after a comma, غداة or عشية and a trigger tell the same man's deed of the day before or after") \
  X (EV_CLAUSE_CONTINUE, "ev.clause-continue", "ثم، كما، بعد أن، a dated و, a verb after a comma go on") \
  X (EV_CLAUSE_PLAN, "ev.clause-plan", "after a comma, على أن opens the same man's next deed (، على أن يزور البحرين)") \
  X (EV_LATER_STEP, "ev.later-step", "a clause that goes on with بعد ذلك or لاحقا shares only the month of the one before") \
  X (EV_DUAL_OF_CLAUSE, "ev.dual-of-clause", "الجانبان or الطرفان after the verb of a clause that goes on are the two of the deed the clause before told (، وبحث الجانبان)") \
  X (EV_DUAL_PRONOUN, "ev.dual-pronoun", "a deed's noun with the pronoun of two (قمتهما، لقاؤهما) is of the two the article told of last") \
  X (EV_SIDELINES_FRAME, "ev.sidelines-frame", "a summit after على هامش is where the deed told happened, no deed of its own") \
  X (EV_INVITER_HOSTS, "ev.inviter-hosts", "who a deed is done بدعوة من hosts it, a party (not the sender of an invitation received)") \
  X (EV_RESULTS_OF, "ev.results-of", "a deed's noun after نتائج or مخرجات is spoken of, no deed of the clause's people (رحب X بنتائج لقاء باريس)") \
  X (EV_GUEST, "ev.guest", "الضيف (الوزير الضيف، الضيف الأردني) is whom the news's reception received, or who made its visit") \
  X (EV_FUTURE_OF_OTHER_DEED, "ev.future-of-other-deed", "a word of the future after another deed's word than the trigger is that deed's (للقمة المقرر عقدها)") \
  X (EV_INSTITUTION_OVER_NAME, "ev.institution-over-name", "a body's place after في is read back over the name of the body it belongs to and its purpose (بعثة الأمم المتحدة للدعم في ليبيا)") \
  X (EV_CLAUSE_SUBJECT, "ev.clause-subject", "a clause that goes on takes the subject of the one before") \
  X (EV_SENTENCE_TIME, "ev.sentence-time", "a clause of something else with no time of its own takes its sentence's, not the publication's") \
  X (EV_CLAUSE_TIME, "ev.clause-time", "a clause that goes on shares the time of the one before") \
  X (EV_RELATIVE_PLACE, "ev.relative-place", "a place followed by التي/الذي and a verb of a deed opens a clause that happens there (من بيروت التي زارها أمس)") \
  X (EV_WHERE_PLACE, "ev.where-place", "a حيث clause right after a place happens there (قادما من عمّان، حيث التقى)") \
  X (EV_CLAUSE_PLACE, "ev.clause-place", "a حيث clause happens where the clause before it did") \
  X (EV_TOPIC_PERSON, "ev.topic-person", "نظيره or a pronoun on the trigger: the article's person is a party") \
  X (EV_TWO_DAYS, "ev.two-days", "two dates after يومي are the days of one deed, not a list of deeds (يومي السبت والأحد)") \
  X (EV_DATE_LIST, "ev.date-list", "a visit with several dates is one event per date") \
  X (EV_TOUR, "ev.tour", "a visit to several places listed together is one visit per place") \
  X (EV_DATE_ARRIVAL, "ev.date-arrival", "an undated reception told right after an arrival happened on the arrival's day (وكان في استقباله)") \
  X (EV_DUAL_CALLS, "ev.dual-calls", "two calls (اتصالين هاتفيين من X وY) are one call with each") \
  X (EV_EACH_APART, "ev.each-apart", "parties met one by one (كل على حدة): one event of the subject with each") \
  X (EV_PARTY_ARRIVAL, "ev.party-arrival", "a meeting of one party told after an arrival in a city, where it may have happened, is with the one who arrived") \
  X (EV_SENTENCE_MATE_PLACE, "ev.sentence-mate-place", "an event with no place happened in the city of the same day's other event of its sentence that shares a party") \
  X (EV_PLACE_ARRIVAL, "ev.place-arrival", "a placeless meeting happened where its party had just arrived") \
  X (EV_PLACE_AT_HOME, "ev.place-at-home", "في قصره: in the host's capital") \
  X (EV_CITY_OF_OTHER_TIME, "ev.city-of-other-time", "the one city of a country is no place of the news there when an event recalled, of another month, happened there") \
  X (EV_CITY_OF_COUNTRY, "ev.city-of-country", "an event placed in a country is in the one city of it the article names") \
  X (EV_BYLINE, "ev.byline", "the city of a byline given apart from the text (a page's author line) for the news when no sentence gives one") \
  X (EV_DATELINE_DATE, "ev.dateline-date", "a place at a line's start followed by a date is a dateline (جدة 02 ذو القعدة 1436 هـ ... واس)") \
  X (EV_DATELINE_IN, "ev.dateline-in", "a place at a line's start followed by في and a date is a dateline (المنامة في 13 مارس / بنا /)") \
  X (EV_DATELINE, "ev.dateline", "the dateline's place for the news when no sentence gives one") \
  X (EV_MERGE, "ev.merge", "a candidate that agrees with an event is more evidence of it") \
  X (EV_MERGE_WHERE, "ev.merge-where", "a حيث clause tells more of the event before it") \
  X (EV_JOURNEY_ON, "ev.journey-on", "a planned step to another country than the dateline's is no step of the news whose place is untold (وسيتوجه بعد ذلك إلى بيروت)") \
  X (EV_MERGE_PLANNED, "ev.merge-planned", "a planned step without a date of its own is part of the news") \
  X (EV_DAY_IN_VISIT, "ev.day-in-visit", "talks on a day of their own within a visit's month are apart") \
  X (EV_RECEPTION_ON_ARRIVAL, "ev.reception-on-arrival", "a reception on an arrival the text does not tell (لدى وصوله) is on the day and at the place the text named last") \
  X (EV_DURING_VISIT, "ev.during-visit", "a deed with no date or other place of its own during the visit (خلال الزيارة) of one of its people is where and when that visit is") \
  X (EV_VISIT_END, "ev.visit-end", "a visit with a pronoun that a word of ending governs (يختتم زيارته غدا) is the visit told before, ending on the date written") \
  X (EV_PLACE_BEFORE_VISIT_END, "ev.place-before-visit-end", "a deed told before with no place, of the party of a visit told as ended (فور انتهاء زيارته إلى البحرين), happened in that visit's place") \
  X (EV_LEFT_AFTER_VISIT, "ev.left-after-visit", "the place one leaves right before بعد and a visit's noun (غادر روسيا بعد زيارة) is where that visit was") \
  X (EV_DURING_OWN_VISIT, "ev.during-own-visit", "a deed told as during a visit with its pronoun before it in the sentence happened where the visit was (أن زيارته للمملكة ... حيث التقى خلالها Y)") \
  X (EV_VISIT_ADJECTIVE, "ev.visit-adjective", "an adjective may stand between a visit's noun with its pronoun and its place (خلال زيارته الأخيرة للمملكة)") \
  X (EV_PLACE_OF_ALSO, "ev.place-of-also", "a deed of a sentence opening with كما, with no place, of a party of the deed told before it on the same day, happened where that one did") \
  X (EV_SET_IN_VISIT, "ev.set-in-visit", "a deed whose sentence is set in a visit before its trigger (في ختام زيارته إلى روسيا، التقى) happened where the visit was") \
  X (EV_OWN_VISIT, "ev.own-visit", "a visit's noun with a pronoun and no date of its own (في زيارته) is the visit told before of one of its people") \
  X (EV_REFERS_BACK, "ev.refers-back", "a definite trigger noun with nothing of its own is the news") \
  X (EV_POINTS_BACK, "ev.points-back", "a trigger noun after هذه/هذا with no date of its own is an event already told") \
  X (EV_KIND_FROM_VERB, "ev.kind-from-verb", "a verb says more of the kind than a noun") \
  X (EV_NEWS_DAY, "ev.news-day", "when every dated deed of the news is of the day before publication, its undated deeds are of that day too (استقبل X أمس Y ... كما استقبل سموه Z)") \
  X (EV_PUBLICATION_DATE, "ev.publication-date", "the news with no date happened when published")

typedef enum
{
#define RASD_RULE_ID(id, name, what) RASD_RULE_##id,
  RASD_RULE_LIST (RASD_RULE_ID)
#undef RASD_RULE_ID
  RASD_N_RULES
} RasdRule;

/* The counts of the calling thread, or NULL while it does not count. */
extern _Thread_local guint *rasd_rule_hits;

#define RASD_RULE(id) \
  G_STMT_START { \
    if (G_UNLIKELY (rasd_rule_hits != NULL)) \
      rasd_rule_hits[RASD_RULE_##id]++; \
  } G_STMT_END

/* RASD_RULE as an expression worth @value: "return RASD_RULE_IS (ID, TRUE);". */
#define RASD_RULE_IS(id, value) \
  (G_UNLIKELY (rasd_rule_hits != NULL) ? (rasd_rule_hits[RASD_RULE_##id]++, (value)) : (value))

/* Counts the rules the calling thread passes into @hits (RASD_N_RULES counters) until called
 * again with NULL. */
void        rasd_rules_count       (guint    *hits);
const char *rasd_rule_name         (RasdRule  rule);
const char *rasd_rule_description  (RasdRule  rule);

G_END_DECLS
