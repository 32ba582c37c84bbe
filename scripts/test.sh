#!/usr/bin/env bash
# The one command that runs every test: unit, integration (real Redis, SQLite,
# ffmpeg) and end-to-end (the built app in Debian's Chromium). It installs what
# a fresh clone lacks first, so CI and a new laptop behave the same.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh --with-browser

echo "▶ typecheck"
npx tsc --noEmit
echo "▶ build"
npm run -s build > /tmp/coop-studio-build.log 2>&1 || { cat /tmp/coop-studio-build.log; exit 1; }
echo "▶ unit"
npx vitest run --project unit
echo "▶ mutation (the unit tests notice changes to the pure core)"
npm run -s test:mutation
echo "▶ integration"
npx vitest run --project integration
echo "▶ end-to-end"
npx vitest run --project e2e
