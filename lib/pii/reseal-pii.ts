// Brings every stored identity number, and every text the core and AMLYZE sent back, under the
// current PII key: seals clear values (rows written before sealing existed), re-seals values under
// an older key, and recomputes the blind index (so a new PII_INDEX_KEY takes effect). Clear text in
// a reason column (written before reasons were codes) becomes a `text` reason, shown as it is.
// The upgrades run it once each as a data migration; `npm run pii:rotate` runs it after a new key
// is put first in PII_ENCRYPTION_KEYS.
// Batches of rows, each read FOR UPDATE and rewritten in its own transaction: a concurrent save
// waits for the batch instead of being overwritten, and a run stopped half-way is simply run
// again (it finds only what is left). A value that cannot be opened stops the run, naming the row.
import "server-only";
import type pg from "pg";
import { piiOwner, type TPiiKeys } from "@/lib/crypto/pii";
import { SecretDecryptionError } from "@/lib/crypto/secrets";
import type { TChange } from "@/lib/enrollment/diff";
import { extractQueueColumns } from "@/lib/intake/extract-columns";
import {
  openChanges,
  openIdentities,
  openJson,
  openText,
  resealReason,
  scanChanges,
  scanIdentities,
  scanJson,
  scanText,
  sealChanges,
  sealIdentities,
  sealJson,
  sealText,
  type TPiiScan,
} from "./identities";

/** Rows read, rows rewritten. */
export type TResealCount = { rows: number; updated: number };

export type TResealReport = {
  keyVersion: number;
  /** Identity numbers and outside text found in clear and sealed now. */
  sealedValues: number;
  /** Values found under an older key and sealed again with the current one. */
  resealedValues: number;
  /** Enrollments whose blind index or last four characters changed. */
  reindexed: number;
  tables: Record<string, TResealCount>;
};

const BATCH = 500;
const FIRST_ID = "00000000-0000-0000-0000-000000000000";

type TRow = Record<string, unknown> & { id: string };

/** One table's rule: what to read, and for a row either null (nothing to do) or the new values. */
type TTableRule = {
  table: string;
  /** The primary key, read as `id` (default: the uuid column `id`). */
  key?: { column: string; type: "uuid" | "text"; first: string };
  columns: string;
  /** Column name → postgres array type, for the batched UPDATE ... FROM unnest(...). */
  writes: Record<string, string>;
  reseal: (row: TRow, tally: TPiiScan & { reindexed: number }) => Record<string, unknown> | null;
};

const asJson = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

function rules(keys: TPiiKeys): TTableRule[] {
  const { keyring, indexKey } = keys;
  const add = (tally: TPiiScan, scan: TPiiScan) => {
    tally.clear += scan.clear;
    tally.stale += scan.stale;
    return scan.clear + scan.stale > 0;
  };
  const json = (value: unknown, owner: string) => sealIdentities(openIdentities(value, owner, keyring), owner, keyring);
  const text = (value: string | null, owner: string) => sealText(openText(value, owner, keyring), owner, keyring);
  const whole = (value: unknown, owner: string) => sealJson(openJson(value, owner, keyring), owner, keyring);
  const reason = (value: unknown, owner: string) => resealReason(value as string | null, owner, keyring);
  const scanReason = (value: unknown) => scanText(value as string | null, keyring);
  return [
    {
      table: "enrollments",
      columns: "id::text, received_payload, payload, requested_products, main_doc_index, main_doc_last4, identity_index, person_index, push_error",
      writes: {
        received_payload: "jsonb",
        payload: "jsonb",
        requested_products: "jsonb",
        main_doc_index: "text",
        main_doc_last4: "text",
        identity_index: "text",
        person_index: "text",
        push_error: "text",
      },
      reseal(row, tally) {
        const owner = piiOwner.enrollment(row.id);
        const payload = openIdentities(row.payload, owner, keyring) as Record<string, unknown>;
        // Indexed exactly as the intake and a save index it.
        const { mainDocIndex: index, mainDocLast4: last4, identityIndex, personIndex } = extractQueueColumns(payload, indexKey);
        const reindex = index !== row.main_doc_index || last4 !== row.main_doc_last4 || identityIndex !== row.identity_index || personIndex !== row.person_index;
        const stale = [
          add(tally, scanIdentities(row.received_payload, keyring)),
          add(tally, scanIdentities(row.payload, keyring)),
          add(tally, scanIdentities(row.requested_products, keyring)),
          add(tally, scanReason(row.push_error)),
        ].some(Boolean);
        if (reindex) tally.reindexed += 1;
        if (!stale && !reindex) return null;
        return {
          received_payload: asJson(json(row.received_payload, owner)),
          payload: asJson(sealIdentities(payload, owner, keyring)),
          requested_products: asJson(json(row.requested_products, owner)),
          main_doc_index: index,
          main_doc_last4: last4,
          identity_index: identityIndex,
          person_index: personIndex,
          push_error: reason(row.push_error, piiOwner.enrollmentBody(row.id)),
        };
      },
    },
    {
      table: "enrollment_revisions",
      columns: "id::text, enrollment_id::text, changes",
      writes: { changes: "jsonb" },
      reseal(row, tally) {
        const changes = (Array.isArray(row.changes) ? row.changes : []) as TChange[];
        if (!add(tally, scanChanges(changes, keyring))) return null;
        const owner = piiOwner.enrollment(row.enrollment_id as string);
        return { changes: asJson(sealChanges(openChanges(changes, owner, keyring), owner, keyring)) };
      },
    },
    {
      table: "product_requests",
      columns: "id::text, enrollment_id::text, related_client_info, message, accounts",
      writes: { related_client_info: "jsonb", message: "text", accounts: "jsonb" },
      reseal(row, tally) {
        const stale = [add(tally, scanIdentities(row.related_client_info, keyring)), add(tally, scanReason(row.message)), add(tally, scanJson(row.accounts, keyring))].some(Boolean);
        if (!stale) return null;
        const body = piiOwner.enrollmentBody(row.enrollment_id as string);
        return {
          related_client_info: asJson(json(row.related_client_info, piiOwner.enrollment(row.enrollment_id as string))),
          message: reason(row.message, body),
          accounts: asJson(whole(row.accounts, body)),
        };
      },
    },
    {
      table: "outbound_calls",
      columns: "id::text, enrollment_id::text, request_body, response_body, error, parsed",
      writes: { request_body: "text", response_body: "text", error: "text", parsed: "jsonb" },
      reseal(row, tally) {
        const [request, response] = [row.request_body as string, row.response_body as string | null];
        const stale = [add(tally, scanText(request, keyring)), add(tally, scanText(response, keyring)), add(tally, scanReason(row.error)), add(tally, scanJson(row.parsed, keyring))].some(Boolean);
        if (!stale) return null;
        const owner = piiOwner.enrollmentBody(row.enrollment_id as string);
        return { request_body: text(request, owner), response_body: text(response, owner), error: reason(row.error, owner), parsed: asJson(whole(row.parsed, owner)) };
      },
    },
    {
      table: "aml_submissions",
      columns: "id::text, enrollment_id::text, request_body, message, errors",
      writes: { request_body: "text", message: "text", errors: "jsonb" },
      reseal(row, tally) {
        const stale = [add(tally, scanText(row.request_body as string, keyring)), add(tally, scanReason(row.message)), add(tally, scanJson(row.errors, keyring))].some(Boolean);
        if (!stale) return null;
        const owner = piiOwner.enrollmentBody(row.enrollment_id as string);
        // errors is NOT NULL: an empty list stays an empty list.
        return { request_body: text(row.request_body as string, owner), message: reason(row.message, owner), errors: asJson(whole(row.errors, owner) ?? []) };
      },
    },
    {
      table: "aml_events",
      columns: "id::text, event_id, raw_body, data, raw_headers",
      writes: { raw_body: "text", data: "jsonb", raw_headers: "jsonb" },
      reseal(row, tally) {
        const stale = [add(tally, scanText(row.raw_body as string, keyring)), add(tally, scanIdentities(row.data, keyring)), add(tally, scanJson(row.raw_headers, keyring))].some(Boolean);
        if (!stale) return null;
        const owner = piiOwner.amlEvent(row.event_id as string);
        return { raw_body: text(row.raw_body as string, owner), data: asJson(json(row.data, owner)), raw_headers: asJson(whole(row.raw_headers, owner)) };
      },
    },
    {
      table: "aml_customers",
      key: { column: "customer_ext_id", type: "text", first: "" },
      columns: "customer_ext_id AS id, submission_message",
      writes: { submission_message: "text" },
      reseal(row, tally) {
        if (!add(tally, scanReason(row.submission_message))) return null;
        return { submission_message: reason(row.submission_message, piiOwner.amlCustomer(row.id)) };
      },
    },
  ];
}

async function resealTable(client: pg.ClientBase, rule: TTableRule, tally: TPiiScan & { reindexed: number }): Promise<TResealCount> {
  const count: TResealCount = { rows: 0, updated: 0 };
  const targets = Object.keys(rule.writes);
  const key = rule.key ?? { column: "id", type: "uuid", first: FIRST_ID };
  let after = key.first;
  for (;;) {
    await client.query("BEGIN");
    try {
      const { rows } = await client.query<TRow>(
        `SELECT ${rule.columns} FROM ${rule.table} WHERE ${key.column} > $1::${key.type} ORDER BY ${key.column} LIMIT ${BATCH} FOR UPDATE`,
        [after],
      );
      const updates: Array<{ id: string; values: Record<string, unknown> }> = [];
      for (const row of rows) {
        let values: Record<string, unknown> | null;
        try {
          values = rule.reseal(row, tally);
        } catch (error) {
          if (error instanceof SecretDecryptionError) throw new SecretDecryptionError(`${rule.table} ${row.id}: ${error.message}`);
          throw error;
        }
        if (values) updates.push({ id: row.id, values });
      }
      if (updates.length > 0) {
        const sets = targets.map((column) => `${column} = u.${column}`).join(", ");
        const arrays = targets.map((column, i) => `$${i + 2}::${rule.writes[column]}[]`).join(", ");
        await client.query(
          `UPDATE ${rule.table} t SET ${sets} FROM unnest($1::${key.type}[], ${arrays}) AS u(id, ${targets.join(", ")}) WHERE t.${key.column} = u.id`,
          [updates.map((u) => u.id), ...targets.map((column) => updates.map((u) => u.values[column] ?? null))],
        );
      }
      await client.query("COMMIT");
      count.rows += rows.length;
      count.updated += updates.length;
      if (rows.length < BATCH) return count;
      after = rows.at(-1)!.id;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }
}

/** Seals, re-seals and re-indexes every stored identity number and outside text; returns counts, never values. */
export async function resealPii(client: pg.ClientBase, keys: TPiiKeys): Promise<TResealReport> {
  const tally = { clear: 0, stale: 0, reindexed: 0 };
  const tables: Record<string, TResealCount> = {};
  for (const rule of rules(keys)) tables[rule.table] = await resealTable(client, rule, tally);
  return { keyVersion: keys.keyring.current, sealedValues: tally.clear, resealedValues: tally.stale, reindexed: tally.reindexed, tables };
}

/** `npm run pii:rotate`: the same pass, and an audit event (counts only) when it changed anything. */
export async function rotatePiiKey(client: pg.ClientBase, keys: TPiiKeys): Promise<TResealReport> {
  const report = await resealPii(client, keys);
  const updated = Object.values(report.tables).reduce((sum, table) => sum + table.updated, 0);
  if (updated > 0) {
    const details = { keyVersion: report.keyVersion, sealed: report.sealedValues, resealed: report.resealedValues, reindexed: report.reindexed, rows: updated };
    await client.query("INSERT INTO audit_events (actor_label, action, details) VALUES ('pii:rotate', 'pii.key_rotated', $1::jsonb)", [JSON.stringify(details)]);
  }
  return report;
}
