#!/usr/bin/env bash
# Installs what the studio needs on a fresh clone and is quick when nothing is
# missing: npm packages, the generated Prisma client, Redis (checked, started
# if installed), and with --with-browser what the tests need from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	# `npm install`, not `npm ci`: with this machine kind's npm setting
	# omit-lockfile-registry-resolved, the lock leaves out optional packages
	# for other platforms and `npm ci` refuses it as out of sync.
	echo "▶ npm install"
	npm install --no-audit --no-fund
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

# The tests drive Debian's Chromium, and run the xfade transition path against
# Debian's newer ffmpeg (the bundled 4.1 has no xfade); both come from apt.
if [ "${1:-}" = "--with-browser" ]; then
	missing=()
	[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
	[ -x /usr/bin/ffmpeg ] || missing+=(ffmpeg)
	if [ ${#missing[@]} -gt 0 ]; then
		echo "▶ installing Debian packages for the tests: ${missing[*]}"
		sudo_if_needed=""
		[ "$(id -u)" = 0 ] || sudo_if_needed="sudo"
		$sudo_if_needed apt-get update -qq && $sudo_if_needed apt-get install -y -qq "${missing[@]}" > /dev/null
	fi
fi
