import { expect, test } from "@playwright/test";
import pg from "pg";

// The console's own processes (the web server's workers, the push worker) connect to PostgreSQL as
// the application's role, which owns nothing and is no superuser, never as the owner that migrated
// (scripts/with-db.ts gives the test run that one as MIGRATION_DATABASE_URL); and the push worker
// has recorded the audit chain's head.
test("[OPS] the web server and the push worker connect as the application's role, not as the tables' owner", async ({ request }) => {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL;
  expect(ownerUrl, "run the e2e tests through scripts/with-db.ts (npm test), which gives the owner's connection").toBeTruthy();
  const owner = new pg.Client({ connectionString: ownerUrl });
  const app = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await Promise.all([owner.connect(), app.connect()]);
  try {
    const appRole = (await app.query<{ me: string }>("SELECT current_user AS me")).rows[0]!.me;
    const tableOwner = (await owner.query<{ o: string }>("SELECT tableowner AS o FROM pg_tables WHERE tablename = 'audit_events'")).rows[0]!.o;
    expect(appRole).not.toBe(tableOwner);
    // A request that reads the database: the web worker's pool keeps the connection for a while after it.
    expect((await request.get("/api/health")).ok()).toBe(true);
    const { rows } = await owner.query<{ service: string; role: string; superuser: boolean }>(
      `SELECT DISTINCT a.application_name AS service, a.usename AS role, r.rolsuper AS superuser
       FROM pg_stat_activity a JOIN pg_roles r ON r.rolname = a.usename
       WHERE a.datname = current_database() AND a.application_name LIKE 'enrollment-console %' ORDER BY 1`,
    );
    expect(rows).toEqual([
      { service: "enrollment-console web", role: appRole, superuser: false },
      { service: "enrollment-console worker", role: appRole, superuser: false },
    ]);
    const checkpoints = await owner.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_checkpoints");
    expect(checkpoints.rows[0]!.n).toBeGreaterThan(0);
  } finally {
    await Promise.all([owner.end(), app.end()]);
  }
});
