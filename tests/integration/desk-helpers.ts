// Fixtures of the desk's tests: branches of their own, officers of them, enrollments in them.
import fs from "node:fs";
import type { TCurrentUser } from "@/lib/auth/current-user";
import type { TRole } from "@/lib/auth/roles";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import { prisma, uniqueCode } from "./db";

/** A branch code no other test or the demo data uses. */
export const uniqueBranch = () => `B${uniqueCode(6)}`;

/** A user row and the TCurrentUser a request of theirs would carry. */
export async function deskUser(options: { role?: TRole; branches: string[]; deskLead?: boolean; name?: string }): Promise<TCurrentUser> {
  const username = `desk-${uniqueCode(8).toLowerCase()}`;
  const role = options.role ?? "officer";
  const row = await prisma.user.create({
    data: { username, displayName: options.name ?? username, role, passwordHash: "x", branches: options.branches, deskLead: options.deskLead ?? false },
    select: { id: true },
  });
  return { id: row.id, username, displayName: options.name ?? username, role, branches: options.branches, deskLead: options.deskLead ?? false, locale: "en", totpEnabled: false, pending: null };
}

/** An enrollment of `branch` through intake (seed example 1), with its wisenroll code. */
export async function enrollmentOf(branch: string, edit: (body: Record<string, Record<string, unknown>>) => void = () => undefined): Promise<{ id: string; code: string }> {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  const code = uniqueCode();
  body.client_info.wisenroll_code = code;
  body.client_entity_branch = { branch_code: branch, branch_name: `Branch ${branch}` };
  edit(body);
  const parsed = parseIntake(JSON.stringify(body));
  if (!parsed.ok) throw new Error("fixture rejected");
  const result = await intakeEnrollment(prisma, { ...parsed, actor: { id: null, label: "test" } });
  if (result.kind !== "created") throw new Error(result.kind);
  return { id: result.enrollment.id, code };
}

/** Everything of an enrollment a call could change: its row, notes, presence, products, calls, audit events. */
export async function enrollmentFingerprint(id: string): Promise<string> {
  const [row] = await prisma.$queryRaw<Array<{ digest: string }>>`
    SELECT concat_ws('|',
      (SELECT ctid::text || xmin::text FROM enrollments WHERE id = ${id}::uuid),
      (SELECT count(*) FROM enrollment_notes WHERE enrollment_id = ${id}::uuid),
      (SELECT count(*) FROM enrollment_presence WHERE enrollment_id = ${id}::uuid),
      (SELECT count(*) FROM product_requests WHERE enrollment_id = ${id}::uuid),
      (SELECT count(*) FROM enrollment_revisions WHERE enrollment_id = ${id}::uuid),
      (SELECT count(*) FROM audit_events WHERE target_id = ${id})) AS digest`;
  return row!.digest;
}
