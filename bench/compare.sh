#!/usr/bin/env bash
# qari against the tools people use today, measured side by side in one run, as one markdown
# table: plain layout throughput against fribidi, and the full-screen reader's first frame,
# `G`, a scroll keystroke and peak memory against less.
#
# Usage: bench/compare.sh            (from the repository root or anywhere)
# Env:   QARI_SHARED  the shared directory with bench/make_corpus.sh and bench/ttff.py
#                     (default ../shared, relative to the repository root)
#        RUNS=10      hyperfine runs per command and round;  ROUNDS=3  rounds of turns
#        REPEAT=7     fresh runs of each ttff.py measure
#        CORPUS=/tmp/bench_corpus
# Ratios compare medians taken in this one run; absolute times move with the machine's load.
# It measures the release build people run. To see where the time goes, build the same code with
# line tables (`cargo build --profile profiling`, binary in target/profiling/qari) and run that
# under perf or `valgrind --tool=callgrind`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SHARED=${QARI_SHARED:-../shared}
SHARED=$(cd "$SHARED" && pwd)
CORPUS=${CORPUS:-/tmp/bench_corpus}
RUNS=${RUNS:-10}
ROUNDS=${ROUNDS:-3}
REPEAT=${REPEAT:-7}
export LC_ALL=C.UTF-8

# Peers and tools, from Debian packages.
need=()
for t in fribidi:libfribidi-bin hyperfine:hyperfine less:less bidiv:bidiv w3m:w3m; do
    command -v "${t%%:*}" >/dev/null || need+=("${t#*:}")
done
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    apt-get install -y "${need[@]}" >/dev/null
fi
python3 -c 'import pyte' 2>/dev/null || pip install -q pyte 2>/dev/null || true

[ -f "$CORPUS/big_50mb.txt" ] || bash "$SHARED/bench/make_corpus.sh" >/dev/null
cargo build --release --locked -q
QARI=$ROOT/target/release/qari
TTFF=$SHARED/bench/ttff.py
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
ROWS=()
# row WHAT QARI PEER RATIO TARGET MET
row() { ROWS+=("| $DATE | $MACHINE | $1 | $2 | $3 | $4 | $5 | $6 |"); }

# Median wall time (s) of each command, in order, one a line.
# The commands take turns in ROUNDS rounds of RUNS runs each, so that a slow spell of the shared
# machine falls on all of them alike; the median is over every run of a command.
medians() {
    for r in $(seq "$ROUNDS"); do
        hyperfine -N --style none --warmup 2 --runs "$RUNS" --export-json "$TMP/h$r.json" "$@" >/dev/null 2>&1
    done
    python3 -c '
import json, statistics, sys
runs = [json.load(open(f))["results"] for f in sys.argv[1:]]
for k in range(len(runs[0])):
    print(statistics.median(t for r in runs for t in r[k]["times"]))' "$TMP"/h*.json
    rm -f "$TMP"/h*.json
}

# Throughput, plain layout at 80 columns, against fribidi (which reorders and shapes).
BIG=$CORPUS/big_10mb.txt
MB=$(python3 -c "import os; print(os.path.getsize('$BIG') / 1e6)")
for shape in never always; do
    mapfile -t m < <(medians "$QARI --plain --width 80 --shape $shape $BIG" "fribidi --width 80 --nopad $BIG")
    read -r q f ratio <<<"$(python3 -c "q=$MB/${m[0]}; f=$MB/${m[1]}; print(f'{q:.1f} {f:.1f} {q/f:.2f}')")"
    want=$([ $shape = never ] && echo 3 || echo 2)
    met=$(python3 -c "print('yes' if $ratio >= $want else 'no')")
    row "\`--plain --width 80 --shape $shape\`, big_10mb, MB/s (wall median)" "$q" "$f (fribidi)" "$ratio×" "≥ ${want}× fribidi" "$met"
done

# The full-screen reader in a 100×30 pseudo-terminal: first frame, G, one scroll keystroke.
# ttff.py prints "first_frame_ms median X" and "key 'K' median X ms" lines.
screen() {
    python3 "$TTFF" --cols 100 --rows 30 --repeat "$REPEAT" --quit-keys q "$@" 2>/dev/null
}
field() { # field FILE PATTERN: the median on the first line matching PATTERN
    grep -m1 -- "$2" "$1" | sed -E 's/.*median ([0-9.]+).*/\1/'
}
BIG50=$CORPUS/big_50mb.txt
keys=(--expect 'شراكة خاصة' --keys G --key-expect END-OF-CORPUS --keys g --key-expect 'شراكة خاصة'
    --keys j --keys j --keys '<PgDn>')
screen "${keys[@]}" -- "$QARI" "$BIG50" >"$TMP/q.ttff"
screen "${keys[@]}" -- less "$BIG50" >"$TMP/l.ttff"
qf=$(field "$TMP/q.ttff" first_frame_ms)
lf=$(field "$TMP/l.ttff" first_frame_ms)
r=$(python3 -c "print(f'{$qf/$lf:.2f}')")
row "time to first frame, big_50mb, 100×30, ms" "$qf" "$lf (less)" "$r×" "≤ 2× less" \
    "$(python3 -c "print('yes' if $qf <= 2 * $lf else 'no')")"
qg=$(field "$TMP/q.ttff" "key 'G'")
lg=$(field "$TMP/l.ttff" "key 'G'")
r=$(python3 -c "print(f'{$qg/$lg:.2f}')")
row "\`G\` to the last line, big_50mb, ms" "$qg" "$lg (less)" "$r×" "≤ 2× less and ≤ 100 ms" \
    "$(python3 -c "print('yes' if $qg <= 2 * $lg and $qg <= 100 else 'no')")"
# Scroll keystrokes from the top: j, j, PgDn; the median of the three medians.
scroll() { grep -E "key '(j|<PgDn>)'" "$1" | sed -E 's/.*median ([0-9.]+).*/\1/' | sort -n | sed -n 2p; }
qs=$(scroll "$TMP/q.ttff")
ls=$(scroll "$TMP/l.ttff")
row "scroll keystroke to frame (j, PgDn), big_50mb, ms" "$qs" "$ls (less)" \
    "$(python3 -c "print(f'{$qs/$ls:.2f}')")×" "≤ 5 ms" "$(python3 -c "print('yes' if $qs <= 5 else 'no')")"

# The shipped article, no arguments.
screen --expect 'شراكة خاصة' -- "$QARI" >"$TMP/a.ttff"
af=$(field "$TMP/a.ttff" first_frame_ms)
row "time to first frame, shipped article (no args), ms" "$af" "—" "—" "≤ 20 ms" \
    "$(python3 -c "print('yes' if $af <= 20 else 'no')")"

# A 5 MB Markdown post (front matter, headings, emphasis, fenced code, tables) made from the
# start of big_10mb: its first frame against the same bytes opened as plain text, and its plain
# output's throughput.
MD=$TMP/post_5mb.md
python3 - "$BIG" "$MD" <<'PY'
import sys
src = open(sys.argv[1], encoding='utf-8').read().split('\n')
out, size, n = [], 0, 0
for s in src:
    if size > 5_000_000:
        break
    if s.strip():
        n += 1
        if n % 12 == 1:
            s = '## ' + s[:60]
        elif n % 5 == 0 and len(s.split(' ')) > 6:
            w = s.split(' ')
            w[2], w[5] = '**' + w[2] + '**', '*' + w[5] + '*'
            s = ' '.join(w)
        if n % 40 == 0:
            s += '\n\n```js\n// تعليق\nfunction f(x) { return "نص" + x; }\n```'
        if n % 60 == 0:
            s += '\n\n| العمود | القيمة |\n|---|---|\n| أ | 1 |\n| b | 2 |'
    out.append(s)
    size += len(s.encode()) + 1
head = '---\ntitle: "MARKDOWN-BENCH مجموعة مقالات"\nlayout: post\n---\n\n'
open(sys.argv[2], 'w').write(head + '\n'.join(out) + '\n')
PY
cp "$MD" "$TMP/post_5mb.txt"
MDMB=$(python3 -c "import os; print(os.path.getsize('$MD') / 1e6)")
screen --expect MARKDOWN-BENCH -- "$QARI" "$MD" >"$TMP/md.ttff"
screen --expect MARKDOWN-BENCH -- "$QARI" "$TMP/post_5mb.txt" >"$TMP/txt.ttff"
mf=$(field "$TMP/md.ttff" first_frame_ms)
tf=$(field "$TMP/txt.ttff" first_frame_ms)
row "time to first frame, 5 MB Markdown post, 100×30, ms" "$mf" "$tf (same bytes as text)" \
    "$(python3 -c "print(f'{$mf/$tf:.2f}')")×" "≤ 2× as text" "$(python3 -c "print('yes' if $mf <= 2 * $tf else 'no')")"
mapfile -t m < <(medians "$QARI --plain --width 80 --shape never $MD")
q=$(python3 -c "print(f'{$MDMB/${m[0]}:.1f}')")
row "\`--plain --width 80\`, 5 MB Markdown post, MB/s (wall median)" "$q" "—" "—" "≥ 30 MB/s" \
    "$(python3 -c "print('yes' if $q >= 30 else 'no')")"

# A 2 MB Arabic web page: an article inside a real news site's menus, share buttons, related
# stories and footer (bench/make_html_page.py). Its article as text (the page parsed, the
# article found and written as blocks) against `w3m -dump` of the same page, and the reader's
# first frame on it.
PAGE=$TMP/page_2mb.html
python3 bench/make_html_page.py "$SHARED/data/article-extraction-benchmark" "$CORPUS/article.txt" "$PAGE"
mapfile -t m < <(medians "$QARI --list text $PAGE" "w3m -dump -T text/html -O UTF-8 $PAGE")
read -r q w ratio <<<"$(python3 -c "print(f'{${m[0]}*1000:.0f} {${m[1]}*1000:.0f} {${m[0]}/${m[1]}:.2f}')")"
row "\`--list text\`, 2 MB Arabic web page (article found), ms (wall median)" "$q" "$w (w3m -dump)" \
    "$ratio×" "faster than w3m" "$(python3 -c "print('yes' if $ratio < 1 else 'no')")"
# The first frame shows the page's title (HTML-BENCH) while the article is found; the article's
# first paragraph (المراهنة) replaces it once it is.
screen --expect HTML-BENCH -- "$QARI" "$PAGE" >"$TMP/h.ttff"
hf=$(field "$TMP/h.ttff" first_frame_ms)
row "time to first frame (the page's title), 2 MB Arabic web page, 100×30, ms" "$hf" "—" "—" "≤ 150 ms" \
    "$(python3 -c "print('yes' if $hf <= 150 else 'no')")"
screen --expect المراهنة -- "$QARI" "$PAGE" >"$TMP/ha.ttff"
ha=$(field "$TMP/ha.ttff" first_frame_ms)
row "time to the article on screen, 2 MB Arabic web page, 100×30, ms" "$ha" "—" "—" "—" "—"

# Search to the file's only match on its last line, typed as one step, against less's search.
skeys=(--expect 'شراكة خاصة' --keys '/END-OF-CORPUS\r' --key-expect END-OF-CORPUS)
screen "${skeys[@]}" -- "$QARI" "$BIG50" >"$TMP/qs.ttff"
screen "${skeys[@]}" -- less "$BIG50" >"$TMP/ls.ttff"
qq=$(field "$TMP/qs.ttff" "key '/")
lq=$(field "$TMP/ls.ttff" "key '/")
r=$(python3 -c "print(f'{$qq/$lq:.2f}')")
row "search to the last line, big_50mb, ms" "$qq" "$lq (less)" "$r×" "≤ ¼ of less" \
    "$(python3 -c "print('yes' if $qq <= $lq / 4 else 'no')")"

# Incremental search on the shipped article: each typed letter re-searches and redraws.
screen --expect 'شراكة خاصة' --keys / --keys ا --keys ل --keys ن --keys ا --keys ت --keys و -- "$QARI" >"$TMP/i.ttff"
ik=$(grep -E "key '[^/]'" "$TMP/i.ttff" | sed -E 's/.*median ([0-9.]+).*/\1/' | sort -n | python3 -c "import sys,statistics; print(f'{statistics.median(float(x) for x in sys.stdin):.1f}')")
row "incremental search keystroke to frame, shipped article, ms (median of 6 letters)" "$ik" "—" "—" "< 16 ms" \
    "$(python3 -c "print('yes' if $ik < 16 else 'no')")"

# Peak memory of the reader on big_50mb full screen, against the file's size, once its
# background work is done: after `G`, the reader is left alone until its screen has been still
# for 8 s (the whole file is read, then its structure found, which redraws the navigator). Then
# the same after a search for the last line, which keeps a folded copy of the text for searching.
peak() { # peak KEYS: peak resident MiB of one such run
    python3 "$TTFF" --cols 100 --rows 30 --quiet-ms 8000 --expect 'شراكة خاصة' \
        --keys "$1" --key-expect END-OF-CORPUS --quit-keys q -- \
        /usr/bin/time -f %M -o "$TMP/rss" "$QARI" "$BIG50" >/dev/null 2>&1 || true
    sleep 0.5
    python3 -c "print(f'{int(open(\"$TMP/rss\").read().split()[-1]) / 1024:.1f}')"
}
lrss=$(python3 -c "import os; print(f'{os.path.getsize(\"$BIG50\") / 2**20:.1f}')")
for what in "G|full screen, whole file read and structure found" "/END-OF-CORPUS\r|the same after a search"; do
    rss=$(peak "${what%%|*}")
    row "peak memory, big_50mb, ${what#*|}, MiB" "$rss" "$lrss (file size)" \
        "$(python3 -c "print(f'{$rss/$lrss:.2f}')")×" "≤ 2× file size" \
        "$(python3 -c "print('yes' if $rss <= 2 * $lrss else 'no')")"
done

# The entities of big_50mb, as `--list entities --json` finds them: median wall time of three
# runs, and their median CPU time (user + sys, which a busy machine moves less), and the peak
# memory of each, against the file's size; and the recogniser's speed in tokens a second (words
# and punctuation marks, counted as the recogniser cuts them, near enough).
for i in 1 2 3; do
    /usr/bin/time -f "%e %M %U %S" -o "$TMP/ent$i" "$QARI" --list entities --json "$BIG50" >/dev/null
done
et=$(cat "$TMP"/ent[123] | cut -d' ' -f1 | sort -n | sed -n 2p)
ecpu=$(cat "$TMP"/ent[123] | awk '{printf "%.1f\n", $3 + $4}' | sort -n | sed -n 2p)
erss=$(cat "$TMP"/ent[123] | cut -d' ' -f2 | sort -n | sed -n 2p | python3 -c "import sys; print(f'{int(sys.stdin.read()) / 1024:.1f}')")
row "entities of big_50mb (\`--list entities --json\`), s (wall median of 3; CPU median $ecpu s)" "$et" "—" "—" "≤ 8 s on 2 cores" \
    "$(python3 -c "print('yes' if $et <= 8 else 'no')")"
row "entities of big_50mb, peak memory, MiB (median of 3)" "$erss" "$lrss (file size)" \
    "$(python3 -c "print(f'{$erss/$lrss:.2f}')")×" "≤ 2× file size" \
    "$(python3 -c "print('yes' if $erss <= 2 * $lrss else 'no')")"
tokens=$(python3 -c "import re,sys; print(len(re.findall(r'[^\W_]+|[^\w\s]', open(sys.argv[1], encoding='utf-8').read())))" "$BIG50")
row "entities of big_50mb, tokens a second (wall median)" "$(python3 -c "print(f'{$tokens/$et:,.0f}')")" "—" "—" "—" "—"

echo "qari $(git rev-parse --short HEAD); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| date | machine | what | qari | peer | ratio | target | met? |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
