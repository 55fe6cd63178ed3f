// PostgreSQL session advisory locks on one pooled connection, by text key (hashtextextended). A
// session lock outlives transactions and is released by the database itself when the connection
// dies, which is what a worker that may be killed mid-call needs.
import type pg from "pg";

/** Takes `key` if it is free; false when another session holds it. */
export async function trySessionLock(client: pg.PoolClient, key: string): Promise<boolean> {
  const result = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok", [key]);
  return result.rows[0]?.ok === true;
}

/** Releases `key`; false when that failed (the connection must then not go back to the pool). */
export async function releaseSessionLock(client: pg.PoolClient, key: string): Promise<boolean> {
  return client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key]).then(
    () => true,
    () => false,
  );
}

/** Runs `fn` holding `key`, waiting for it as long as another session holds it. */
export async function withSessionLock<T>(client: pg.PoolClient, key: string, fn: () => Promise<T>): Promise<T> {
  await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key]);
  try {
    return await fn();
  } finally {
    if (!(await releaseSessionLock(client, key))) throw new Error(`advisory lock ${key} could not be released`);
  }
}
