#!/usr/bin/env bash
# Runs inside scripts/with-db.ts, so DATABASE_URL points at a migrated, seeded database.
set -euo pipefail
npx tsx scripts/check-vulnerable.ts
npx tsc --noEmit
npx vitest run --project unit
npx vitest run --project integration
npx playwright test
