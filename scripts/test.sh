#!/usr/bin/env bash
# Every test: unit, integration against real PostgreSQL, Playwright end to end. Uses
# DATABASE_URL when set, an embedded PostgreSQL otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
bash scripts/ensure-deps.sh
npm run build
exec npx tsx --conditions=react-server scripts/with-db.ts --test --seed -- bash scripts/test-all.sh
