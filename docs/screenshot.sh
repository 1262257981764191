#!/usr/bin/env bash
# Regenerates the README's pictures of the TUI from the real binary:
# docs/tokenscope.png (120x32, list and detail) and docs/tokenscope-80x24.png.
#
#   docs/screenshot.sh
#
# It builds tokenscope, makes four tokens in a throw-away offline state (a
# visa, an insufficient_funds card declined by a charge, a bank account, an
# id number), runs the TUI in a private tmux server, captures the screen with
# its colours (tmux capture-pane -e -p) and renders it with charmbracelet/
# freeze (run with `go run`, never added to go.mod) and rsvg-convert.
# Needs: go, tmux, rsvg-convert (librsvg2-bin), the DejaVu Sans Mono font
# (fonts-dejavu-core). Everything shown comes from the offline emulator:
# no key, no network, card numbers masked as everywhere in tokenscope.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
sock="$work/tmux.sock"
cleanup() {
	tmux -S "$sock" kill-server 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

(cd "$root" && go build -o "$work/tokenscope" .)
export TOKENSCOPE_STATE_DIR="$work/state"
unset STRIPE_API_KEY NO_COLOR CI
ts() { "$work/tokenscope" "$@"; }

ts create pii --preset id_match >/dev/null
ts create bank --preset bank_ok >/dev/null
declined=$(ts create card --preset insufficient_funds --json | sed -n 's/^  "id": "\(tok_[A-Za-z0-9]*\)",$/\1/p')
ts use "$declined" --charge 1000 >/dev/null 2>&1 && { echo "the insufficient_funds charge succeeded?" >&2; exit 1; }
ts create card --preset visa >/dev/null

# wait_for REGEX: poll the screen (up to 10 s) until a line matches.
wait_for() {
	for _ in $(seq 200); do
		tmux -S "$sock" capture-pane -p | grep -q -- "$1" && return 0
		sleep 0.05
	done
	echo "not on screen: $1" >&2
	tmux -S "$sock" capture-pane -p >&2
	return 1
}

# shot COLS ROWS OUT.png: the TUI at that size with the declined card
# selected, rendered to OUT.png.
shot() {
	tmux -S "$sock" -f /dev/null new-session -d -x "$1" -y "$2" "$work/tokenscope"
	wait_for "4 tokens"
	tmux -S "$sock" send-keys j
	wait_for "› tok_[A-Za-z0-9]* *card *● used"
	# freeze reads SGR 39/49 (default colours) as "keep the last colour";
	# spell the default foreground out and drop the default background.
	tmux -S "$sock" capture-pane -e -p |
		sed -e 's/\x1b\[39m/\x1b[38;2;196;196;196m/g' -e 's/\x1b\[49m//g' >"$work/screen.ansi"
	tmux -S "$sock" kill-server
	# freeze's own PNG path (resvg-go on wazero) crashes under Go 1.26:
	# write SVG, then rasterise with rsvg-convert at 2x.
	(cd "$work" && GOFLAGS=-mod=mod go run github.com/charmbracelet/freeze@v0.2.2 \
		screen.ansi -l ansi --font.family "DejaVu Sans Mono" -o screen.svg >/dev/null)
	rsvg-convert -z 2 "$work/screen.svg" -o "$3"
	echo "wrote $3"
}

shot 120 32 "$root/docs/tokenscope.png"
shot 80 24 "$root/docs/tokenscope-80x24.png"
