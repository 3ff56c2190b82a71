#!/usr/bin/env python3
"""Article extraction measured on the article-extraction benchmark (181 real pages with their
article bodies): qari's `--list text` of each page beside `w3m -dump` and trafilatura (pip),
all scored in the same run by the benchmark's own `evaluate.py` (token-shingle F1).

Usage: python3 bench/extraction.py [--tools qari,w3m,trafilatura] [--keep DIR]
Env:   QARI_SHARED  the shared directory holding data/article-extraction-benchmark
                    (default ../shared, relative to the repository root)
       QARI         the qari binary (default: target/release/qari, built if missing)

Two qari rows are scored: its `--list text` as printed (the title line included), and its
body, which is the blocks of `--list text --json` other than the title (the benchmark's
ground truth is the article body; qari shows the title above it as the document's title).
w3m and trafilatura are installed when missing (apt-get, pip).
"""

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def install():
    """The peers, from Debian packages and PyPI, when they are missing."""
    if shutil.which("w3m") is None:
        subprocess.run(["apt-get", "install", "-y", "-q", "w3m"], check=True,
                       stdout=subprocess.DEVNULL)
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        # trafilatura's justext needs lxml's HTML cleaner, a separate package since lxml 5.2.
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "trafilatura",
                        "lxml_html_clean"], check=True)


def qari_binary():
    q = os.environ.get("QARI")
    if q:
        return q
    subprocess.run(["cargo", "build", "--release", "--locked", "-q"], cwd=ROOT, check=True)
    return str(ROOT / "target/release/qari")


def run(cmd, timeout=60):
    """stdout of `cmd` as text ('' when it fails or hangs), and its wall time."""
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout)
        out = p.stdout.decode("utf-8", "replace") if p.returncode == 0 else ""
    except subprocess.TimeoutExpired:
        out = ""
    return out, time.perf_counter() - t


def body_of(listing_json):
    """The text of every block of `--list text --json` but the title, one a line."""
    try:
        blocks = json.loads(listing_json)["blocks"]
    except (ValueError, KeyError):
        return ""
    return "\n".join(b["text"] for b in blocks if b["kind"] != "title")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tools", default="qari,w3m,trafilatura")
    ap.add_argument("--keep", type=Path, help="keep the outputs and scores in DIR")
    args = ap.parse_args()
    tools = args.tools.split(",")
    shared = Path(os.environ.get("QARI_SHARED", ROOT.parent / "shared")).resolve()
    bench = shared / "data/article-extraction-benchmark"
    if {"w3m", "trafilatura"} & set(tools):
        install()
    qari = qari_binary() if "qari" in tools else None

    work = Path(args.keep or tempfile.mkdtemp(prefix="extraction-"))
    (work / "output").mkdir(parents=True, exist_ok=True)
    pages = work / "pages"
    pages.mkdir(exist_ok=True)
    for f in ("evaluate.py", "ground-truth.json"):
        shutil.copy(bench / f, work / f)
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))

    outputs = {}
    seconds = {}

    def record(name, key, text, dt):
        outputs.setdefault(name, {})[key] = {"articleBody": text}
        seconds[name] = seconds.get(name, 0.0) + dt

    for key in sorted(truth):
        raw = gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes())
        page = pages / f"{key}.html"
        page.write_bytes(raw)
        if qari:
            out, dt = run([qari, "--list", "text", str(page)])
            record("qari", key, out, dt)
            out, dt = run([qari, "--list", "text", "--json", str(page)])
            record("qari_body", key, body_of(out), dt)
        if "w3m" in tools:
            out, dt = run(["w3m", "-dump", "-T", "text/html", "-O", "UTF-8", str(page)])
            record("w3m_dump", key, out, dt)
        if "trafilatura" in tools:
            import trafilatura
            t = time.perf_counter()
            out = trafilatura.extract(raw) or ""
            record("trafilatura", key, out, time.perf_counter() - t)

    versions = {"qari": "", "qari_body": ""}
    if "trafilatura" in tools:
        import trafilatura
        versions["trafilatura"] = trafilatura.__version__
    if "w3m" in tools:
        v = subprocess.run(["w3m", "-version"], capture_output=True, text=True).stdout
        versions["w3m_dump"] = v.split(",")[0].split("/")[-1].split("+")[0]
    for name, out in outputs.items():
        doc = {"version": versions.get(name, ""), "output": out}
        (work / "output" / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")

    subprocess.run([sys.executable, "evaluate.py", "--n-bootstrap", "300",
                    "--output", "scores.json"], cwd=work, check=True)
    print()
    for name in sorted(seconds):
        print(f"{name:<20} {seconds[name]:.1f} s for {len(truth)} pages")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
