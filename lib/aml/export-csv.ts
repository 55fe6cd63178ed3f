import "server-only";
import type pg from "pg";
import { piiKeys, piiOwner } from "@/lib/crypto/pii";
import { Prisma } from "@/lib/generated/prisma/client";
import { maskLastFour } from "@/lib/intake/extract-columns";
import { openReason } from "@/lib/pii/identities";
import type { TReason } from "@/lib/reasons/reason";
import { indexedNumber, maskReason } from "./mask";
import type { TAmlFilters } from "./aml-filters";
import { csvRow, type TCsvValue } from "./csv";
import { amlQueueClauses } from "./list-aml-customers";

/**
 * Rows per FETCH. Small batches keep little alive between the event-loop turns, so less of the
 * garbage outlives V8's young generation (measured: 500 rows beat 2,000 on both time and memory).
 */
export const EXPORT_BATCH = 500;

const iso = (column: string) => Prisma.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** CSV column name → SELECT expression, in file order. Names are stable identifiers for the tools that read the file, not UI text. */
const COLUMNS: ReadonlyArray<[string, Prisma.Sql]> = [
  ["customer_ext_id", Prisma.sql`c.customer_ext_id`],
  ["full_name", Prisma.sql`e.full_name`],
  ["wisenroll_code", Prisma.sql`e.wisenroll_code`],
  ["main_document_type", Prisma.sql`e.main_doc_type`],
  // Only the last four characters are stored; the mask is applied as rows are written.
  ["main_document_number_masked", Prisma.sql`e.main_doc_last4`],
  ["main_document_country", Prisma.sql`e.main_doc_country`],
  ["branch_code", Prisma.sql`e.branch_code`],
  ["branch_name", Prisma.sql`e.branch_name`],
  ["aml_state", Prisma.sql`c.state::text`],
  ["submission_status", Prisma.sql`c.submission_status::text`],
  ["communication_number", Prisma.sql`c.communication_number`],
  ["submitted_at", iso("c.submitted_at")],
  ["sanctions_hit", Prisma.sql`c.sanctions_hit`],
  ["pep_hit", Prisma.sql`c.pep_hit`],
  ["adverse_media_hit", Prisma.sql`c.adverse_media_hit`],
  ["internal_list_hit", Prisma.sql`c.internal_list_hit`],
  ["risk_level", Prisma.sql`c.risk_level`],
  ["initial_risk_level", Prisma.sql`c.initial_risk_level`],
  ["final_risk_level", Prisma.sql`c.final_risk_level`],
  ["decision_type", Prisma.sql`c.decision_type`],
  ["decision_ground_code", Prisma.sql`c.decision_ground_code`],
  ["event_count", Prisma.sql`c.event_count`],
  ["last_event_at", iso("c.last_event_at")],
  ["last_activity_at", iso("c.activity_at")],
  // Stored sealed (it may carry AMLYZE's words); opened and put in the reader's words as rows are written.
  ["submission_message", Prisma.sql`c.submission_message`],
];
const DOCUMENT_COLUMN = COLUMNS.findIndex(([name]) => name === "main_document_number_masked");
/** Read after the file's columns, not written: finds the main document where AMLYZE's words echo it. */
const INDEX_COLUMN = COLUMNS.length;
const CUSTOMER_COLUMN = COLUMNS.findIndex(([name]) => name === "customer_ext_id");
const MESSAGE_COLUMN = COLUMNS.findIndex(([name]) => name === "submission_message");

/** How the export writes a reason: the caller's words (the user's language). */
export type TExportOptions = { formatReason: (reason: TReason) => string };

/** The export's query: the queue's filters and order (never its page cursor), the file's columns. */
export function amlExportSql(filters: TAmlFilters): Prisma.Sql {
  const { where, order } = amlQueueClauses({ ...filters, cursor: undefined });
  return Prisma.sql`
    SELECT ${Prisma.join(COLUMNS.map(([, expression]) => expression), ", ")}, e.main_doc_index
    FROM aml_customers c LEFT JOIN enrollments e ON e.id = c.enrollment_id
    ${where}
    ORDER BY ${order}`;
}

function lines(rows: TCsvValue[][], options: TExportOptions): string {
  const { keyring } = piiKeys();
  let text = "";
  for (const row of rows) {
    row[DOCUMENT_COLUMN] = maskLastFour(row[DOCUMENT_COLUMN] as string | null);
    const opened = openReason(row[MESSAGE_COLUMN] as string | null, piiOwner.amlCustomer(row[CUSTOMER_COLUMN] as string), keyring);
    const reason = maskReason(opened, indexedNumber(row[INDEX_COLUMN] as string | null));
    row[MESSAGE_COLUMN] = reason === null ? null : options.formatReason(reason);
    text += csvRow(row.slice(0, INDEX_COLUMN));
  }
  return text;
}

/**
 * The filtered AML queue as a CSV byte stream, in the queue's order, read through a server-side
 * cursor in one read-only REPEATABLE READ transaction: one consistent snapshot (a customer whose
 * state changes mid-export is neither skipped nor written twice), and pull-based, so the next
 * batch is fetched only when the client took the previous one. Memory stays at one batch however
 * many rows there are; a client that goes away ends the transaction. The cursor is opened before
 * this resolves, so a database failure is an error response, not a truncated file.
 */
export async function openAmlQueueCsv(pool: pg.Pool, filters: TAmlFilters, options: TExportOptions): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const query = amlExportSql(filters);
  let client: pg.PoolClient | undefined = await pool.connect();
  const finish = async (sql: "COMMIT" | "ROLLBACK", error?: Error) => {
    const held = client;
    client = undefined;
    if (!held) return;
    await held.query(sql).catch(() => undefined);
    held.release(error);
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query(`DECLARE aml_export NO SCROLL CURSOR FOR ${query.text}`, query.values);
  } catch (error) {
    await finish("ROLLBACK", error as Error);
    throw error;
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // The BOM lets spreadsheet software read the UTF-8 names (PEÑA, JOSÉ) correctly.
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(COLUMNS.map(([name]) => name))}`));
    },
    async pull(controller) {
      if (!client) return;
      try {
        const { rows } = await client.query<TCsvValue[]>({ text: `FETCH ${EXPORT_BATCH} FROM aml_export`, rowMode: "array" });
        if (rows.length > 0) controller.enqueue(encoder.encode(lines(rows, options)));
        if (rows.length < EXPORT_BATCH) {
          await finish("COMMIT");
          controller.close();
        }
      } catch (error) {
        await finish("ROLLBACK", error as Error);
        controller.error(error);
      }
    },
    async cancel() {
      await finish("ROLLBACK");
    },
  });
}
