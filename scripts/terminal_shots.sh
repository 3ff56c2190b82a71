#!/usr/bin/env bash
# Screenshots of qari's embedded article in every terminal of the README's table, each at 100×30
# on a virtual X display: the full-screen reader (auto mode) and `--plain --width 60 | cat`.
# xterm neither reorders nor joins, so its pictures show exactly the cells qari sent: every other
# terminal's pictures should show the same right-to-left rows.
#
# Usage: scripts/terminal_shots.sh [OUT_DIR] [TERMINAL...]
#   OUT_DIR    where the PNGs go (default /tmp/qari-shots), named TERMINAL-full.png, TERMINAL-plain.png
#   TERMINAL   xterm xfce4-terminal konsole kitty alacritty mlterm tmux (default: all of them;
#              tmux is the reader in tmux 3.3+ with allow-passthrough on, in xfce4-terminal)
# Env:  QARI         the binary (default target/release/qari, else target/debug/qari)
#       QARI_SHARED  the shared directory with tools/realterm/shot.sh (default ../shared)
#       WAIT=5       seconds each terminal gets before its picture is taken
# Needs (Debian): xvfb imagemagick fonts-dejavu-core fonts-noto-core and the terminals' packages:
#   apt-get install -y xvfb imagemagick fonts-dejavu-core fonts-noto-core xterm xfce4-terminal \
#       konsole kitty alacritty mlterm tmux
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$(cd "${QARI_SHARED:-$ROOT/../shared}" && pwd)
SHOT=$SHARED/tools/realterm/shot.sh
OUT=${1:-/tmp/qari-shots}
[ $# -gt 0 ] && shift
TERMINALS=("$@")
[ ${#TERMINALS[@]} -gt 0 ] || TERMINALS=(xterm xfce4-terminal konsole kitty alacritty mlterm tmux)
QARI=${QARI:-}
if [ -z "$QARI" ]; then
    QARI=$ROOT/target/release/qari
    [ -x "$QARI" ] || QARI=$ROOT/target/debug/qari
fi
QARI=$(cd "$(dirname "$QARI")" && pwd)/$(basename "$QARI")
[ -x "$QARI" ] || { echo "no qari binary at $QARI: cargo build --release first" >&2; exit 2; }
mkdir -p "$OUT"
for term in "${TERMINALS[@]}"; do
    command -v "$term" >/dev/null || { echo "$term is not installed; skipped" >&2; continue; }
    if [ "$term" = tmux ]; then
        # A tmux server of its own (its own socket), stopped after the picture.
        conf=$(mktemp)
        printf 'set -g allow-passthrough on\nset -g status off\n' >"$conf"
        # qari starts once tmux's client is attached, as when typed at a shell in tmux: a
        # command tmux starts at once can write before there is a terminal to pass to.
        "$SHOT" xfce4-terminal "$OUT/tmux-full.png" "${WAIT:-7}" -- \
            tmux -L qari-shots -f "$conf" new-session "sleep 1; exec '$QARI'"
        tmux -L qari-shots kill-server 2>/dev/null || true
        rm -f "$conf"
        continue
    fi
    "$SHOT" "$term" "$OUT/$term-full.png" "${WAIT:-5}" -- "$QARI"
    "$SHOT" "$term" "$OUT/$term-plain.png" "${WAIT:-5}" -- \
        sh -c '"$0" --plain --width 60 | cat' "$QARI"
done
