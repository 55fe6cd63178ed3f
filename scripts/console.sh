#!/usr/bin/env bash
# The newcomer's one command: installs what is missing, builds, and starts the console with an
# embedded database (unless DATABASE_URL is set), demo data and the sandbox core and AMLYZE.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
bash scripts/ensure-deps.sh
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib i18n messages prisma proxy.ts next.config.js package-lock.json -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  npm run build
fi
export PORT="${PORT:-3000}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"
exec npm start
