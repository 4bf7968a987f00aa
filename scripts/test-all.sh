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

# LibreOffice: the Word round trip's tests import a copy saved by it (they fail without it when CI=true).
if ! command -v soffice >/dev/null 2>&1; then
  echo "安裝 LibreOffice Writer（自評表往返測試使用）…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-writer-nogui >/dev/null
fi

npx tsc --noEmit
npm run -s lint
npm run -s format:check
npx vitest run
# The database tests again on PostgreSQL (127.0.0.1:5432, trust auth): started here if installed but down.
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
PG=""
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  PG=1
  SECREQ_TEST_DB=postgres npx vitest run tests/integration
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL 未在 127.0.0.1:5432 執行，CI 須在 PostgreSQL 上執行資料庫測試" >&2
  exit 1
else
  echo "⚠ PostgreSQL 未在 127.0.0.1:5432 執行：略過 PostgreSQL 上的資料庫測試" >&2
fi
npx next build
# The built app twice (ports 3301, 3302) on one PostgreSQL database: shared sessions, lockout, conflicts.
if [ -n "$PG" ]; then npx vitest run --config vitest.instances.config.ts; fi
rm -f var/e2e.db
npx playwright test
# A fresh database without the demo: the first agency from the CLI, as the README describes.
npx playwright test --config playwright.onboard.config.ts
