#!/usr/bin/env python3
"""A large Arabic web page for measuring qari's HTML path: a real news page of the
article-extraction benchmark (Al Jazeera's, with its menus, share buttons, related stories and
footer) whose article body is replaced by the paragraphs of an Arabic article, repeated until
the page reaches SIZE bytes. Its title is "HTML-BENCH" and an Arabic title; its last paragraph
holds the unique marker END-OF-PAGE.

Usage: python3 bench/make_html_page.py BENCHMARK_DIR ARTICLE_TXT OUT [SIZE]
       (SIZE defaults to 2,000,000; ARTICLE_TXT is make_corpus.sh's article.txt)
"""

import gzip
import html
import re
import sys
from pathlib import Path

# The Al Jazeera page of the benchmark, and the element holding its article's paragraphs.
PAGE = "7916ecca969ffdd8f6fc32d171fbe0dd63db40fe4c1d2ade02b1dec5929a162f"
BODY_OPEN = '<div class="article-p-wrapper"'
TITLE = "HTML-BENCH مقال طويل عن الناتو والمغرب"


def main():
    bench, article, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    size = int(sys.argv[4]) if len(sys.argv) > 4 else 2_000_000
    name = bench / "html" / f"{PAGE}.html.gz"
    page = gzip.decompress(name.read_bytes()).decode("utf-8")
    paras = [p.strip() for p in article.read_text(encoding="utf-8").split("\n") if p.strip()]
    paras = [f"<p>{html.escape(p)}</p>\n" for p in paras[2:]]

    # The article body: from the wrapper's start to the end of its last paragraph.
    start = page.index(BODY_OPEN)
    start = page.index(">", start) + 1
    end = page.rindex("</p>", start, page.index("</article>", start)) + len("</p>")
    head, tail = page[:start], page[end:]
    head = head.replace("<html", '<html lang="ar" dir="rtl"', 1)
    old_title = "US service members killed in Afghanistan helicopter crash"
    head, tail = head.replace(old_title, TITLE), tail.replace(old_title, TITLE)
    head = re.sub(r"<title>.*?</title>", f"<title>{TITLE} | Al Jazeera</title>", head, 1, re.S)
    room = size - len((head + tail).encode()) - 200
    body, n, i = [], 0, 0
    while n < room:
        p = paras[i % len(paras)]
        body.append(p)
        n += len(p.encode())
        i += 1
    body.append("<p>خاتمة الصفحة END-OF-PAGE</p>\n")
    out.write_text(head + "\n" + "".join(body) + tail, encoding="utf-8")


if __name__ == "__main__":
    main()
