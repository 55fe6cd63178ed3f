#!/usr/bin/env bash
# Runs inside scripts/with-db.ts, so DATABASE_URL points at a migrated, seeded database.
set -euo pipefail
npx tsx scripts/check-vulnerable.ts
# `next build` (scripts/test.sh) has type-checked every file tsconfig.json includes, tests and e2e too
npx vitest run --project unit

# Playwright drives one browser against one console, which leaves the second core idle most of the
# time: the integration suite runs beside it, on a database of its own next to this one (migrated
# and seeded the same way), and its output follows Playwright's. When the database's owner cannot
# make that database, the two run one after the other here.
sibling=$(npx tsx scripts/sibling-database.ts integration)
if [ -z "$sibling" ]; then
  npx vitest run --project integration
  exec npx playwright test
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
DATABASE_URL="$sibling" MIGRATION_DATABASE_URL="" \
  npx tsx --conditions=react-server scripts/with-db.ts --test --seed -- npx vitest run --project integration >"$log" 2>&1 &
integration_pid=$!
e2e=0
npx playwright test || e2e=$?
integration=0
wait "$integration_pid" || integration=$?
echo
echo "── integration suite (ran beside Playwright, on ${sibling##*/}) ──"
cat "$log"
[ "$integration" -eq 0 ] || echo "integration suite failed (exit $integration)"
[ "$e2e" -eq 0 ] || echo "Playwright failed (exit $e2e)"
[ "$integration" -eq 0 ] && [ "$e2e" -eq 0 ]
