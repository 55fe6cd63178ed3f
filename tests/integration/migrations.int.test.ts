import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { diffSchemas } from "@/lib/db/schema-engine";
import { ownerDatabaseUrl, scratchDatabase } from "./db";

// What the catalog says about a database, in a form two databases can be compared by.
async function describeSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(`
      SELECT table_name, column_name, data_type, udt_name, character_maximum_length, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`);
    const enums = await client.query(`
      SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`);
    const indexes = await client.query(`
      SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
      ORDER BY indexname`);
    const constraints = await client.query(`
      SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY conname`);
    return { columns: columns.rows, enums: enums.rows, indexes: indexes.rows, constraints: constraints.rows };
  } finally {
    await client.end();
  }
}

describe("migrations and schema.prisma stay in step", () => {
  let fromMigrations: Awaited<ReturnType<typeof scratchDatabase>>;
  let fromSchema: Awaited<ReturnType<typeof scratchDatabase>>;

  beforeAll(async () => {
    fromMigrations = await scratchDatabase("drift_migrations");
    fromSchema = await scratchDatabase("drift_schema");
  });
  afterAll(async () => {
    await fromMigrations.drop();
    await fromSchema.drop();
  });

  it("the snapshot of the last migration is schema.prisma itself", () => {
    expect(fs.readFileSync("prisma/migrated-schema.snapshot", "utf8")).toBe(fs.readFileSync("prisma/schema.prisma", "utf8"));
  });

  it("applying the migrations gives the database schema.prisma describes", async () => {
    const applied = await applyMigrations(fromMigrations.url);
    expect(applied.length).toBeGreaterThan(0);
    const sql = await diffSchemas({ from: null, to: fs.readFileSync("prisma/schema.prisma", "utf8"), connectionString: fromSchema.url });
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();

    const a = await describeSchema(fromMigrations.url);
    const b = await describeSchema(fromSchema.url);
    expect(a.columns).toEqual(b.columns);
    expect(a.enums).toEqual(b.enums);
    expect(a.constraints).toEqual(b.constraints);
    // Hand-written indexes (x_*) exist only in the migrations; every other index must match.
    expect(a.indexes.filter((index) => !String(index.indexname).startsWith("x_"))).toEqual(b.indexes);
  });

  it("a second run applies nothing, and an edited migration is refused", async () => {
    expect(await applyMigrations(fromMigrations.url)).toEqual([]);
    const dir = fs.mkdtempSync("/tmp/migrations-");
    for (const name of fs.readdirSync("prisma/migrations")) {
      const source = `prisma/migrations/${name}`;
      if (!fs.statSync(source).isDirectory()) continue;
      fs.mkdirSync(`${dir}/${name}`);
      fs.copyFileSync(`${source}/migration.sql`, `${dir}/${name}/migration.sql`);
    }
    const first = fs.readdirSync(dir).sort()[0]!;
    fs.appendFileSync(`${dir}/${first}/migration.sql`, "\n-- edited\n");
    await expect(applyMigrations(fromMigrations.url, { dir })).rejects.toThrow(/edited after it was applied/);
  });
});

describe("the audit log is append-only", () => {
  // Even to its owner, by mistake: only a superuser or the owner disabling the trigger on purpose
  // gets past it (the application's role may not even try: database-roles.int.test.ts).
  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    const client = new pg.Client({ connectionString: ownerDatabaseUrl() });
    await client.connect();
    try {
      await client.query(`INSERT INTO audit_events (actor_label, action) VALUES ('test', 'test.append_only')`);
      await expect(client.query(`UPDATE audit_events SET action = 'x' WHERE action = 'test.append_only'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM audit_events WHERE action = 'test.append_only'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
