#!/usr/bin/env bash
# Runs inside scripts/with-db.ts, so DATABASE_URL points at a migrated, seeded database.
set -euo pipefail
npx tsx scripts/check-vulnerable.ts
# `next build` (scripts/test.sh) has type-checked every file tsconfig.json includes, tests and e2e too
npx vitest run --project unit
npx vitest run --project integration
npx playwright test
