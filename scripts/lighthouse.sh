#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12, Debian's Chromium, headless) on the seed site's index page.
# Run by hand: scripts/lighthouse.sh   -> prints the four category scores; report in /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
site=$(mktemp -d)/site
.venv/bin/dateline build --out "$site" >/dev/null
.venv/bin/python -m http.server 8765 --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@12 http://127.0.0.1:8765/index.html \
  --quiet --output=json --output-path=/tmp/lighthouse-seed.json \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu"
python3 - <<'PY'
import json
report = json.load(open("/tmp/lighthouse-seed.json"))
for key, category in report["categories"].items():
    print(f"{category['title']}: {round(category['score'] * 100)}")
PY
