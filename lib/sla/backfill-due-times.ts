// Gives the enrollments received before due times existed their due time (data migration
// `sla_due_at`): the same business-time rule as at intake, with the settings then in force (the
// defaults on a new database). Batches by id; safe to run again (only rows without one).
import "server-only";
import type pg from "pg";
import { dueAtFor, toSlaConfig, type TSlaConfig } from "@/lib/sla/sla-settings";

const BATCH = 2_000;

async function configFromClient(client: pg.Client): Promise<TSlaConfig> {
  const calendar = await client.query<{ target_minutes: number; time_zone: string; hours: unknown }>("SELECT target_minutes, time_zone, hours FROM sla_calendar WHERE id = 1");
  const branches = await client.query<{ branch_code: string; target_minutes: number; time_zone: string | null }>("SELECT branch_code, target_minutes, time_zone FROM sla_branch_targets");
  const holidays = await client.query<{ id: string; day: string; name: string; branch_code: string | null }>("SELECT id::text, day::text, name, branch_code FROM sla_holidays");
  return toSlaConfig(calendar.rows[0] ?? null, branches.rows, holidays.rows);
}

export async function backfillDueTimes(client: pg.Client): Promise<{ enrollments: number }> {
  const config = await configFromClient(client);
  let after = "00000000-0000-0000-0000-000000000000";
  let count = 0;
  for (;;) {
    const { rows } = await client.query<{ id: string; branch_code: string | null; received_at: Date }>(
      "SELECT id::text, branch_code, received_at FROM enrollments WHERE due_at IS NULL AND id > $1::uuid ORDER BY id LIMIT $2",
      [after, BATCH],
    );
    if (rows.length === 0) return { enrollments: count };
    const due = rows.map((row) => dueAtFor(config, row.branch_code, row.received_at).toISOString());
    await client.query("UPDATE enrollments e SET due_at = v.due FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, due) WHERE e.id = v.id AND e.due_at IS NULL", [rows.map((row) => row.id), due]);
    count += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}
