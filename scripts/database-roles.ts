// Which connection migrates and which one the application's processes use (docs/SECURITY.md, "Database
// roles"), for scripts/with-db.ts:
// - MIGRATION_DATABASE_URL and DATABASE_URL (a deployment): the owner's and the application's, as
//   given; their roles are the DBA's to make.
// - one superuser's URL (CI, the embedded database, a developer's own server): it migrates, and the
//   application gets a role of its own, `<database>_app`, made here (LOGIN, nothing else) with a
//   random password kept with the run's other secrets.
// - one URL of any other role: it does both, with a warning, since it owns the tables.
import crypto from "node:crypto";
import pg from "pg";
import { roleOf } from "@/lib/db/app-role";
import { underMigrationLock } from "@/lib/db/migrate";

export type TDatabaseConnections = {
  /** Migrates, seals old rows, and owns every table. */
  ownerUrl: string;
  /** What the web server, the push worker and the other services connect with. */
  appUrl: string;
  /** The application's role, granted after every migration run; null when one role does both. */
  appRole: string | null;
};

/** Everything a role could do beyond logging in, denied. */
const APP_ROLE_ATTRIBUTES = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT";

/** `<database>_app`, within PostgreSQL's 63-byte names. */
export function appRoleName(database: string): string {
  return `${database.slice(0, 59)}_app`;
}

/**
 * PostgreSQL's SCRAM-SHA-256 verifier of `password` (RFC 7677, as `\password` sends it): the server
 * stores it as it is, so the password itself never reaches the server, nor a statement log.
 */
export function scramVerifier(password: string, salt = crypto.randomBytes(16), iterations = 4096): string {
  const salted = crypto.pbkdf2Sync(password, salt, iterations, 32, "sha256");
  const storedKey = crypto.createHash("sha256").update(crypto.createHmac("sha256", salted).update("Client Key").digest()).digest();
  const serverKey = crypto.createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

function withUser(url: string, user: string, password: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(user);
  next.password = encodeURIComponent(password);
  return next.toString();
}

async function whoIs(url: string): Promise<{ superuser: boolean; database: string; me: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ superuser: boolean; database: string; me: string }>(
      "SELECT rolsuper AS superuser, current_database() AS database, current_user AS me FROM pg_roles WHERE rolname = current_user",
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

/** Creates the application's role, or resets an existing one to LOGIN only with `password`. */
async function ensureAppRole(ownerUrl: string, role: string, password: string): Promise<void> {
  await underMigrationLock(ownerUrl, async (client) => {
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const verb = exists.rowCount === 0 ? "CREATE" : "ALTER";
    await client.query(`${verb} ROLE ${client.escapeIdentifier(role)} ${APP_ROLE_ATTRIBUTES} PASSWORD ${client.escapeLiteral(scramVerifier(password))}`);
  });
}

const SHARED_ROLE_WARNING =
  "one role migrates and runs the application, and owns every table: it could disable the audit log's append-only trigger. Give the application a role of its own (docs/DATABASE-ROLES.md)";

/**
 * Decides the two connections; makes the application's role when given only a superuser's.
 * `password` is asked for only then.
 */
export async function databaseConnections(options: { databaseUrl: string; migrationUrl?: string; password: () => Promise<string> }): Promise<TDatabaseConnections> {
  if (options.migrationUrl) {
    const [owner, app] = await Promise.all([whoIs(options.migrationUrl), whoIs(options.databaseUrl)]);
    if (owner.me === app.me) {
      console.warn(`database roles: MIGRATION_DATABASE_URL and DATABASE_URL are both ${app.me}: ${SHARED_ROLE_WARNING}`);
      return { ownerUrl: options.migrationUrl, appUrl: options.databaseUrl, appRole: null };
    }
    if (app.superuser) console.warn(`database roles: DATABASE_URL connects as ${app.me}, a superuser, which nothing stops from rewriting the audit log`);
    console.log(`database roles: ${owner.me} migrates, the application connects as ${app.me}`);
    return { ownerUrl: options.migrationUrl, appUrl: options.databaseUrl, appRole: app.me };
  }
  const given = await whoIs(options.databaseUrl);
  if (!given.superuser) {
    console.warn(`database roles: DATABASE_URL's ${given.me} is not a superuser and MIGRATION_DATABASE_URL is unset: ${SHARED_ROLE_WARNING}`);
    return { ownerUrl: options.databaseUrl, appUrl: options.databaseUrl, appRole: null };
  }
  const role = appRoleName(given.database);
  const password = await options.password();
  await ensureAppRole(options.databaseUrl, role, password);
  const appUrl = withUser(options.databaseUrl, role, password);
  // The role is what it says it is: a login that works, as a role that is not the owner.
  if ((await roleOf(appUrl)) !== role) throw new Error(`database roles: could not connect as ${role}`);
  console.log(`database roles: ${given.me} migrates, the application connects as ${role} (made here, LOGIN only)`);
  return { ownerUrl: options.databaseUrl, appUrl, appRole: role };
}
