#!/usr/bin/env python3
"""Article extraction measured on qari's Arabic HTML fixtures (tests/fixtures/html): for each
page, the share of its article kept and the share of its site's text dropped, for qari's
`--list text`, trafilatura (pip) and `w3m -dump`, in the same run.

Usage: python3 bench/extraction_fixtures.py
Env:   QARI  the qari binary (default: target/release/qari, built if missing)

What each page is known to hold comes from tests/common/html_pages.rs, which the tests check
qari against: the article's first and last body sentences, and the visible text of the site
around it (menus, sidebars, footers: `chrome`, `chrome_headings`) and the text no reader sees
(scripts, styles, hidden nodes: `never`).
- Article kept: the page's article body is its visible text (the page read whole, `--whole`)
  from the first sentence's line to the last sentence's line, less the lines holding site
  text; kept is the share of its 4-word shingles (the benchmark's measure, evaluate.py's
  tokens) found in the tool's output.
- Site text dropped: the share of the page's listed site strings absent from the output, and
  apart from them the share of its never-seen strings; compared as words (so line wrapping
  and list marks do not count).
"""

import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction import ROOT, install, qari_binary, run  # noqa: E402

PAGES = ROOT / "tests/common/html_pages.rs"
FIXTURES = ROOT / "tests/fixtures/html"


def pages():
    """Each fixture's expectations as tests/common/html_pages.rs states them."""
    source = PAGES.read_text(encoding="utf-8").split("pub const PAGES")[1]
    out = []
    for block in source.split("Page {")[1:]:
        fields = {}
        for name, value in re.findall(r"(\w+): (&\[.*?\]|\".*?\")", block, re.S):
            strings = re.findall(r'"(.*?)"', value, re.S)
            fields[name] = strings if value.startswith("&[") else strings[0]
        out.append(fields)
    return out


def words(text):
    """The text's words, as the benchmark's evaluate.py takes them."""
    return re.findall(r"\w+", text or "")


def shingles(text, n=4):
    w = words(text)
    return Counter(tuple(w[i:i + n]) for i in range(max(1, len(w) - n + 1)))


def kept(article, output):
    """The share of the article's shingles found in the output."""
    want, got = shingles(article), shingles(output)
    total = sum(want.values())
    return sum(min(c, got[s]) for s, c in want.items()) / total if total else 1.0


def contains(output, s):
    """Whether `s` is in the output, word for word."""
    return f" {' '.join(words(s))} " in f" {' '.join(words(output))} "


def dropped(output, strings):
    """The share of `strings` not in the output."""
    return sum(not contains(output, s) for s in strings) / len(strings) if strings else 1.0


def article_of(page, whole):
    """The article body of the page: its visible text from the first sentence's line to the
    last's, less the lines holding the site's text."""
    lines = whole.splitlines()
    start = next(i for i, l in enumerate(lines) if page["first"] in l)
    end = next(i for i, l in enumerate(lines) if page["last"] in l)
    site = page["chrome"] + page["chrome_headings"]
    return "\n".join(l for l in lines[start:end + 1] if not any(contains(l, s) for s in site))


def main():
    install()
    qari = qari_binary()
    import trafilatura
    tools = {
        "qari": lambda p: run([qari, "--list", "text", str(p)])[0],
        f"trafilatura {trafilatura.__version__}": lambda p: trafilatura.extract(p.read_bytes()) or "",
        "w3m -dump": lambda p: run(["w3m", "-dump", "-T", "text/html", "-O", "UTF-8", str(p)])[0],
    }
    rows = {name: [] for name in tools}
    print("article kept, site text dropped, unseen text dropped:")
    print(f"{'page':<20}" + "".join(f"{name:>20}" for name in tools))
    for page in pages():
        path = FIXTURES / page["file"]
        whole = run([qari, "--whole", "--list", "text", str(path)])[0]
        article = article_of(page, whole)
        site = page["chrome"] + page["chrome_headings"]
        cells = []
        for name, tool in tools.items():
            out = tool(path)
            k = kept(article, out)
            d = dropped(out, site)
            h = dropped(out, page["never"])
            rows[name].append((k, d, h))
            cells.append(f"{k:.0%} {d:.0%} {h:.0%}")
        print(f"{page['file']:<20}" + "".join(f"{c:>20}" for c in cells))
    print()
    print("| extractor | article text kept | site text dropped | text no reader sees dropped |")
    print("|---|---|---|---|")
    for name, r in rows.items():
        mean = [sum(x[i] for x in r) / len(r) for i in range(3)]
        print(f"| {name} | " + " | ".join(f"{m:.0%}" for m in mean) + " |")


if __name__ == "__main__":
    main()
