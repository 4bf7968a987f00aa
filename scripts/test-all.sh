#!/usr/bin/env bash
# Every test: unit and integration (Vitest; the integration tests on SQLite and on PostgreSQL), then the
# browser tests (Playwright on Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "安裝 Debian chromium（Playwright 使用）…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

npx tsc --noEmit
npx vitest run
# The database tests again on PostgreSQL (127.0.0.1:5432, trust auth; .ci/run starts the server).
SECREQ_TEST_DB=postgres npx vitest run tests/integration
npx next build
rm -f var/e2e.db
npx playwright test
