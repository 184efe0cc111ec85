#!/usr/bin/env python3
"""Writes a folder of hostile and broken input for the hardening test, with a few valid
articles among them, and a manifest saying what importing each file must do.

Usage: make-bad-corpus.py OUTDIR

OUTDIR/corpus/...        the files (OUTDIR must not exist or be empty)
OUTDIR/manifest.json     [{"path": ABSOLUTE, "expect": WHAT, "reasons": [SUBSTRING, ...]}, ...]

expect is one of
  imported   stored as an article (its path in the database), no failure printed
  failed     not stored; a failure line on stderr names the path and says one of `reasons`
  skipped    not stored and not a failure
  refused    not read by the symlink policy: not stored, not a failure; a warning line on
             stderr names the path and says one of `reasons`
  rejected   not stored; either skipped or failed (then named, with one of `reasons`)
  either     stored, or failed with one of `reasons`; never half-stored
Entries with "root_only_skip": true are not checked when running as root (chmod 000 does not
stop root from reading).  A path that is not UTF-8 (JSON cannot hold it) is given as
"path_hex", the bytes in hexadecimal, beside a readable "path".

Everything here is written by this script; nothing is copied from any corpus.  The XXE files
and the links out of the folder point at /etc/passwd and /etc: the test asserts that nothing
of them reaches the database.  The sparse files (1 GiB of nothing) take no room on the disk.
"""

import json
import os
import random
import sys

ARTICLES = [
    "التقى وزير الخارجية نظيره في عمّان يوم الأحد وبحث الجانبان سبل تعزيز التعاون الثنائي "
    "والتطورات الإقليمية.\nوأكد الوزيران أهمية مواصلة التنسيق بين البلدين في المحافل الدولية.",
    "استقبل رئيس الوزراء في مكتبه بالرباط وفدا اقتصاديا زائرا وناقش معه فرص الاستثمار "
    "المشترك.\nوقال بيان رسمي إن اللقاء تناول مشاريع الطاقة المتجددة والنقل.",
    "وصل الرئيس إلى الجزائر في زيارة رسمية تستغرق يومين يلتقي خلالها كبار المسؤولين.\n"
    "ومن المنتظر توقيع عدد من الاتفاقيات في مجالات التعليم والصحة.",
    "أجرى وزير الدفاع اتصالا هاتفيا مع نظيره بحثا خلاله الأوضاع الأمنية في المنطقة.\n"
    "واتفق الجانبان على عقد اجتماع موسع الشهر المقبل في الدوحة.",
    "عقدت في تونس قمة ثلاثية ناقشت قضايا الهجرة والتنمية في حوض البحر المتوسط.\n"
    "وشدد المشاركون على ضرورة تنسيق الجهود لمواجهة التحديات المشتركة.",
]

manifest = []


def add(path, expect, reasons=(), **extra):
    if isinstance(path, bytes):
        raw = os.path.abspath(path)
        entry = {"path": raw.decode("utf-8", "replace"), "path_hex": raw.hex()}
    else:
        entry = {"path": os.path.abspath(path)}
    entry.update({"expect": expect, "reasons": list(reasons)})
    entry.update(extra)
    manifest.append(entry)


def write(path, data, expect, reasons=(), **extra):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    add(path, expect, reasons, **extra)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-bad-corpus.py OUTDIR")
    out = os.path.abspath(sys.argv[1])
    root = os.path.join(out, "corpus")
    os.makedirs(root, exist_ok=True)
    rnd = random.Random(7)  # the same bytes on every run

    # Valid articles, spread over the folders that also hold the bad files.
    write(os.path.join(root, "01-valid.txt"), ARTICLES[0], "imported")
    write(os.path.join(root, "html", "02-valid.html"),
          "<!DOCTYPE html><html lang=ar><head><meta charset=utf-8><title>زيارة رسمية</title></head>"
          "<body><nav><a href=/>الرئيسية</a></nav><article><p>" +
          ARTICLES[2].replace("\n", "</p><p>") + "</p></article></body></html>", "imported")
    write(os.path.join(root, "json", "03-valid.json"),
          json.dumps({"title": "اتصال هاتفي", "maintext": ARTICLES[3], "date_publish": "2021-03-04 09:00:00",
                      "url": "https://example.org/news/3", "source_domain": "example.org",
                      "language": "ar"}, ensure_ascii=False), "imported")
    # An Arabic file name with spaces, and its sidecar.
    spaced = os.path.join(root, "مجلد بمسافات", "لقاء في تونس اليوم.txt")
    write(spaced, ARTICLES[4], "imported")
    write(spaced[:-4] + ".meta.json",
          json.dumps({"title": "قمة في تونس", "date_publish": "2021-05-06"}, ensure_ascii=False), "skipped")

    # Empty, blank and binary files.
    write(os.path.join(root, "empty.txt"), b"", "failed", ["empty"])
    write(os.path.join(root, "blank.txt"), b" \n\t\r\n  \n", "failed", ["empty", "no text", "no article"])
    write(os.path.join(root, "empty.html"), b"", "failed", ["empty"])
    write(os.path.join(root, "empty.json"), b"", "failed", ["empty"])
    write(os.path.join(root, "binary.txt"), bytes(rnd.randrange(256) for _ in range(4096)), "failed",
          ["binary", "encoding"])
    write(os.path.join(root, "nul-in-middle.txt"),
          ARTICLES[1].encode() + b"\0\0\0\0" + ARTICLES[1].encode(), "rejected", ["binary", "encoding"])
    write(os.path.join(root, "picture.png"), b"\x89PNG\r\n\x1a\n" + bytes(64), "skipped")

    # Invalid UTF-8 in the middle of an otherwise good article: repaired (with a warning) or
    # refused, never stored as invalid UTF-8.
    good = ARTICLES[1].encode()
    write(os.path.join(root, "invalid-utf8-middle.txt"), good[:100] + b"\xff\xfe\xc3\x28\xa0" + good[100:],
          "either", ["encoding", "UTF-8", "invalid"])

    # 200 MB of text: refused for its size before it is read.
    line = ("هذا سطر طويل من نص عربي يتكرر كثيرا لصنع ملف كبير جدا. " * 8 + "\n").encode()
    big = os.path.join(root, "big", "huge-200mb.txt")
    os.makedirs(os.path.dirname(big), exist_ok=True)
    with open(big, "wb") as f:
        chunk = line * ((1 << 20) // len(line) + 1)
        written = 0
        while written < 200 * 1024 * 1024:
            f.write(chunk)
            written += len(chunk)
    add(big, "failed", ["too large"])

    # HTML nested 100,000 levels deep, with an article at the bottom.
    write(os.path.join(root, "html", "deep-100000.html"),
          "<html><body>" + "<div>" * 100000 + "<p>" + ARTICLES[0] + "</p>" + "</div>" * 100000 +
          "</body></html>", "failed", ["nested too deeply"])
    write(os.path.join(root, "html", "deep-unclosed.html"),
          "<html><body>" + "<span><b><i>" * 40000 + ARTICLES[2], "failed",
          ["nested too deeply"])

    # External entities and DOCTYPE tricks: nothing outside the file may be read.
    xxe_body = "<p>" + ARTICLES[3].replace("\n", "</p><p>") + " (صفحة محفوظة)</p>"
    write(os.path.join(root, "html", "xxe-entity.html"),
          '<?xml version="1.0"?>\n<!DOCTYPE html [\n  <!ENTITY x SYSTEM "file:///etc/passwd">\n'
          '  <!ENTITY % p SYSTEM "file:///etc/passwd">\n  %p;\n]>\n'
          "<html><head><title>&x;</title></head><body><p>&x;</p>" + xxe_body + "</body></html>",
          "either", ["HTML", "no article"])
    write(os.path.join(root, "html", "xxe-doctype.html"),
          '<!DOCTYPE html SYSTEM "file:///etc/passwd"><html><body>'
          '<iframe src="file:///etc/passwd"></iframe><object data="file:///etc/passwd"></object>'
          '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>'
          '<link rel="stylesheet" href="file:///etc/passwd">' + xxe_body.replace("محفوظة", "أخرى") +
          "</body></html>",
          "either", ["HTML", "no article"])
    laughs = ['<!ENTITY lol0 "lol">'] + [
        '<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10) for i in range(1, 10)]
    write(os.path.join(root, "html", "billion-laughs.html"),
          '<?xml version="1.0"?>\n<!DOCTYPE lolz [' + "".join(laughs) + "]>\n"
          "<html><body><p>&lol9;</p>" + xxe_body.replace("محفوظة", "ثانية") + "</body></html>",
          "either", ["HTML", "no article", "too large"])
    write(os.path.join(root, "xxe.xhtml"),
          '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', "rejected",
          ["no article", "not an article"])

    # JSON that is not news-please, and news-please with the wrong types.
    write(os.path.join(root, "json", "package.json"),
          json.dumps({"name": "some-package", "version": "1.0.0", "dependencies": {"x": "^2"}}),
          "rejected", ["news-please", "maintext", "not an article", "no article"])
    write(os.path.join(root, "json", "array-of-numbers.json"), "[1, 2, 3]", "rejected",
          ["news-please", "maintext", "not an article", "no article", "object"])
    write(os.path.join(root, "json", "truncated.json"), '{"title": "عنوان", "maintext": "نص', "failed",
          ["JSON", "parse", "unexpected", "end"])
    write(os.path.join(root, "json", "wrong-types.json"),
          json.dumps({"title": 42, "maintext": ["not", "a", "string"], "date_publish": {"y": 2020},
                      "authors": "x", "url": 7}), "rejected", ["maintext", "string", "type", "no article"])
    write(os.path.join(root, "json", "deep.json"), "[" * 100000 + "]" * 100000, "rejected",
          ["deep", "nested", "JSON", "news-please", "not an article"])
    write(os.path.join(root, "json", "mixed.jsonl"),
          json.dumps({"title": "قمة", "maintext": ARTICLES[4] + " (نسخة السطر)", "language": "ar"},
                     ensure_ascii=False) + "\n{broken\n" + json.dumps({"maintext": 5}) + "\n",
          "imported", [], partial_failures=True)

    # A sidecar with wrong types beside a good article: the article is imported (maybe with a
    # warning) or refused, but named either way.
    write(os.path.join(root, "sidecar", "article.txt"), ARTICLES[1], "either",
          ["meta.json", "sidecar", "title", "type"])
    write(os.path.join(root, "sidecar", "article.meta.json"),
          json.dumps({"title": ["x"], "date_publish": 12345, "url": {"a": 1}, "authors": 7,
                      "language": None}), "skipped")
    write(os.path.join(root, "sidecar", "broken.txt"), ARTICLES[1] + "\nفقرة إضافية للتمييز.", "either",
          ["meta.json", "sidecar", "JSON"])
    write(os.path.join(root, "sidecar", "broken.meta.json"), "{not json", "skipped")

    # Unreadable file and folder (root reads them anyway: those entries say so).
    locked_file = os.path.join(root, "locked", "unreadable.txt")
    write(locked_file, ARTICLES[0] + " نسخة مقفلة", "failed", ["Permission denied", "permission"],
          root_only_skip=True)
    os.chmod(locked_file, 0)
    locked_dir = os.path.join(root, "locked", "closed-folder")
    write(os.path.join(locked_dir, "inside.txt"), ARTICLES[2] + " نسخة داخل مجلد مقفل", "rejected",
          ["Permission denied", "permission"], root_only_skip=True)
    add(locked_dir, "failed", ["Permission denied", "permission"], root_only_skip=True)
    os.chmod(locked_dir, 0)

    # Symbolic links: loops, dangling links and links to themselves; a FIFO that must not hang.
    links = os.path.join(root, "links")
    os.makedirs(links, exist_ok=True)
    os.symlink(".", os.path.join(links, "loop-to-self"))
    os.symlink("..", os.path.join(links, "loop-to-parent"))
    os.symlink("nowhere.txt", os.path.join(links, "dangling.txt"))
    add(os.path.join(links, "dangling.txt"), "failed", ["does not exist", "no such file"])
    os.symlink("self.txt", os.path.join(links, "self.txt"))
    add(os.path.join(links, "self.txt"), "failed", ["symbolic links", "Too many levels", "loop"])
    os.mkfifo(os.path.join(links, "pipe.txt"))
    add(os.path.join(links, "pipe.txt"), "refused", ["named pipe", "FIFO"])

    # Links out of the folder: a file of the kernel that never ends, a system file, a system
    # folder.  None is read; a link that stays inside the folder is followed.
    os.symlink("/proc/self/pagemap", os.path.join(links, "procfs.txt"))
    add(os.path.join(links, "procfs.txt"), "refused", ["/proc"])
    os.symlink("/etc/passwd", os.path.join(links, "passwd.txt"))
    add(os.path.join(links, "passwd.txt"), "refused", ["outside the folder"])
    os.symlink("/etc", os.path.join(links, "etc"))
    add(os.path.join(links, "etc"), "refused", ["outside the folder"])
    target = os.path.join(root, "shared", "06-linked.txt")
    write(target, ARTICLES[0] + "\nفقرة تصل إليها وصلة داخل المجلد.", "skipped")  # stored once, by the link
    os.symlink("../shared/06-linked.txt", os.path.join(links, "06-link.txt"))
    add(os.path.join(links, "06-link.txt"), "imported")

    # Sparse files of 1 GiB: a sidecar beside a good article, a .jsonl that is one endless line,
    # and a .jsonl whose endless middle line sits between two good records.
    sparse = os.path.join(root, "sparse")
    write(os.path.join(sparse, "with-huge-sidecar.txt"), ARTICLES[3] + "\nنسخة بملف وصف ضخم.", "failed",
          ["too large"])
    with open(os.path.join(sparse, "with-huge-sidecar.meta.json"), "wb") as f:
        f.truncate(1 << 30)
    add(os.path.join(sparse, "with-huge-sidecar.meta.json"), "skipped")
    with open(os.path.join(sparse, "endless.jsonl"), "wb") as f:
        f.truncate(1 << 30)
    add(os.path.join(sparse, "endless.jsonl"), "failed", ["too large"])
    record = lambda n: (json.dumps({"title": "سجل %d" % n, "maintext": ARTICLES[n] + " (سجل حول فجوة)"},
                                   ensure_ascii=False) + "\n").encode("utf-8")
    with open(os.path.join(sparse, "records-around-a-hole.jsonl"), "wb") as f:
        f.write(record(1))
        f.seek(1 << 30)
        f.write(b"\n" + record(2))
    add(os.path.join(sparse, "records-around-a-hole.jsonl"), "imported", [], partial_failures=True)

    # File names with a line break, an escape sequence and bytes that are not UTF-8: stored so
    # that they name the file, printed escaped.
    names = os.path.join(root, "names")
    write(os.path.join(names, "line\nbreak.txt"), ARTICLES[2] + "\nملف باسم فيه سطر جديد.", "imported")
    write(os.path.join(names, "escape\x1b[31mred\x07.txt"), ARTICLES[2] + "\nملف باسم فيه رموز تحكم.",
          "imported")
    raw_dir = os.fsencode(names)
    invalid = os.path.join(raw_dir, b"bad-\xff\xfe-utf8.txt")
    with open(invalid, "wb") as f:
        f.write((ARTICLES[4] + "\nملف باسم ليس UTF-8.").encode("utf-8"))
    add(invalid, "imported")
    empty_invalid = os.path.join(raw_dir, b"empty-\xff\n\x1b[2J.txt")
    open(empty_invalid, "wb").close()
    add(empty_invalid, "failed", ["empty"])

    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
