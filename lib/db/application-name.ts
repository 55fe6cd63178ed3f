// Each service names its database connections (PostgreSQL's application_name, through libpq's
// PGAPPNAME, which `pg` reads), so pg_stat_activity tells an operator which service holds which
// connection, and as which role (e2e/ops/database-roles.spec.ts checks the application's).
// scripts/web-server.mjs, plain JavaScript, spells the same name for the web server.

/** Names this process's connections `enrollment-console <service>`, unless the environment names them. */
export function nameDatabaseConnections(service: "worker" | "intake" | "webhooks"): void {
  process.env.PGAPPNAME ||= `enrollment-console ${service}`;
}
