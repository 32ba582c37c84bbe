#!/usr/bin/env bash
# Installs what the studio needs on a fresh clone and is quick when nothing is
# missing: npm packages, the generated Prisma client, Redis (checked, started
# if installed), and with --with-browser Debian's Chromium for the e2e tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "▶ npm ci"
	npm ci --no-audit --no-fund
fi
if [ ! -f app/generated/prisma/client.ts ] || [ -n "$(find prisma/schema -newer app/generated/prisma/client.ts -print -quit)" ]; then
	echo "▶ prisma generate"
	npx prisma generate > /dev/null
fi

redis_url="${REDIS_URL:-redis://127.0.0.1:6379}"
node -e "
const { Redis } = require('ioredis');
const r = new Redis(process.argv[1], { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
r.connect().then(() => r.ping()).then(() => process.exit(0), () => process.exit(1));
" "$redis_url" || {
	if command -v redis-server > /dev/null; then
		echo "▶ starting redis-server (nothing answered at $redis_url)"
		redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
		sleep 1
	else
		echo "✗ Redis is not running at $redis_url. Install it (Debian/Ubuntu: sudo apt-get install redis-server) or set REDIS_URL." >&2
		exit 1
	fi
}

if [ "${1:-}" = "--with-browser" ] && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
	echo "▶ installing Debian's chromium for the end-to-end tests"
	if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium > /dev/null
	else sudo apt-get update -qq && sudo apt-get install -y -qq chromium > /dev/null; fi
fi
