#!/usr/bin/env bash
# Screenshots of the demo contest's reports in Vietnamese, for the README: the dashboard and
# the entry page of E04 (a model copied from the corpus). Needs chromium; run from the
# repository root after `cargo build`.
set -euo pipefail
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Run where a council would (the index and reports in the current folder), at Vietnam's time.
# Exit code 1 is expected: the demo has planted problems.
(cd "$work" && TZ=Asia/Ho_Chi_Minh "$root/target/debug/soloai" screen \
  "$root/fixtures/demo-contest" --corpus "$root/corpus" --out out --quiet >/dev/null) ||
  [ $? -eq 1 ]
shot() {
  TZ=Asia/Ho_Chi_Minh chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chromium-$1" --hide-scrollbars --window-size="$2" \
    --screenshot="docs/$1.png" "file://$work/out/$3" 2>/dev/null
}
shot dashboard 1400,1500 index.html
shot entry-page 1200,2000 entries/E04.html
