// Usage: npm run db:new-migration -- <name> [--custom]
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the schema
// recorded at the last migration (prisma/migrated-schema.snapshot) to prisma/schema.prisma.
// --custom writes an empty migration for hand-written SQL (extensions, triggers, x_* indexes).
import fs from "node:fs";
import path from "node:path";
import { diffSchemas } from "@/lib/db/schema-engine";

const SNAPSHOT = path.join("prisma", "migrated-schema.snapshot");

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Give a migration name in snake_case");
  const custom = process.argv.includes("--custom");
  const current = fs.readFileSync(path.join("prisma", "schema.prisma"), "utf8");
  const previous = fs.existsSync(SNAPSHOT) ? fs.readFileSync(SNAPSHOT, "utf8") : null;
  const sql = custom
    ? "-- Hand-written migration\n"
    : await diffSchemas({
        from: previous,
        to: current,
        connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
      });
  if (!custom && sql.trim() === "") {
    console.log("schema.prisma has no change since the last migration");
    return;
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  if (!custom) fs.writeFileSync(SNAPSHOT, current);
  console.log(`wrote ${dir}/migration.sql`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
