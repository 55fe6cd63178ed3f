import "server-only";
import crypto from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import type { TAuditActor } from "@/lib/audit/record-audit";
import { piiKeys, piiOwner } from "@/lib/crypto/pii";
import { normalizeEnrollment } from "@/lib/enrollment/normalize";
import { validateEnrollment } from "@/lib/enrollment/validate";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { extractQueueColumns } from "@/lib/intake/extract-columns";
import { canonicalJson, type TRequestedProduct } from "@/lib/intake/parse-intake";
import { sealIdentities } from "@/lib/pii/identities";
import { dueAtFor, readSlaConfigCached } from "@/lib/sla/sla-settings";

export type TIntakeInput = {
  body: Record<string, unknown>;
  payload: Record<string, unknown>;
  requestedProducts: TRequestedProduct[];
  actor: TAuditActor;
  /** The intake key that sent it (sha256); absent for the seed's and tests' own enrollments. */
  keyHash?: string;
};

type TIntakeSummary = { id: string; status: string; issues: number };

export type TIntakeResult =
  | { kind: "created"; enrollment: TIntakeSummary }
  | { kind: "existing"; enrollment: TIntakeSummary }
  | { kind: "conflict"; existingId: string };

const summary = (row: { id: string; status: string; issueCount: number }): TIntakeSummary => ({
  id: row.id,
  status: row.status,
  issues: row.issueCount,
});

async function findExisting(db: PrismaClient, contentHash: string, wisenrollCode: string | null): Promise<TIntakeResult | null> {
  const select = { id: true, status: true, issueCount: true } as const;
  const same = await db.enrollment.findUnique({ where: { contentHash }, select });
  if (same) return { kind: "existing", enrollment: summary(same) };
  if (wisenrollCode) {
    const other = await db.enrollment.findUnique({ where: { wisenrollCode }, select });
    if (other) return { kind: "conflict", existingId: other.id };
  }
  return null;
}

/**
 * Stores a new enrollment exactly as received (identity numbers sealed), or recognises a resend.
 * The row and its audit event are written by one statement (one round trip, atomic); two
 * identical requests racing each other still produce one row, because the unique content hash
 * decides. The hash is of the body in clear, which is never stored.
 */
export async function intakeEnrollment(db: PrismaClient, input: TIntakeInput): Promise<TIntakeResult> {
  const contentHash = crypto.createHash("sha256").update(canonicalJson(input.body)).digest("hex");
  const payload = normalizeEnrollment(input.payload);
  const keys = piiKeys();
  const columns = extractQueueColumns(payload, keys.indexKey);
  const issueCount = validateEnrollment(payload).length;
  // Time-ordered ids: new rows land at the end of the primary key index.
  const id = uuidv7();
  // Due in business time from the moment received, with the branch's target (lib/sla/).
  const receivedAt = new Date();
  const dueAt = dueAtFor(await readSlaConfigCached(db), columns.branchCode, receivedAt);
  const owner = piiOwner.enrollment(id);
  const seal = <T>(value: T) => JSON.stringify(sealIdentities(value, owner, keys.keyring));
  const details = JSON.stringify({ issues: issueCount, products: input.requestedProducts.length });
  const inserted = await db.$queryRaw<Array<{ id: string }>>`
    WITH created AS (
      INSERT INTO enrollments (id, received_payload, payload, requested_products, content_hash, issue_count,
        wisenroll_code, first_name, last_name, full_name, main_doc_type, main_doc_index, main_doc_last4, main_doc_country,
        branch_code, branch_name, identity_index, person_index, intake_key_hash, received_at, due_at, updated_at)
      VALUES (${id}::uuid, ${seal(input.body)}::jsonb, ${seal(payload)}::jsonb,
        ${seal(input.requestedProducts)}::jsonb, ${contentHash}, ${issueCount}, ${columns.wisenrollCode},
        ${columns.firstName}, ${columns.lastName}, ${columns.fullName}, ${columns.mainDocType}, ${columns.mainDocIndex},
        ${columns.mainDocLast4}, ${columns.mainDocCountry}, ${columns.branchCode}, ${columns.branchName},
        ${columns.identityIndex}, ${columns.personIndex}, ${input.keyHash ?? null}, ${receivedAt}, ${dueAt}, now())
      ON CONFLICT DO NOTHING
      RETURNING id
    ), audited AS (
      INSERT INTO audit_events (actor_id, actor_label, action, target_type, target_id, details)
      SELECT ${input.actor.id}::uuid, ${input.actor.label}, 'enrollment.received', 'enrollment', id::text, ${details}::jsonb
      FROM created
    )
    SELECT id::text FROM created`;
  if (inserted.length > 0) return { kind: "created", enrollment: { id, status: "received", issues: issueCount } };
  // Nothing inserted: a unique key was taken, by this same content or by its wisenroll_code.
  const earlier = await findExisting(db, contentHash, columns.wisenrollCode);
  if (earlier) return earlier;
  throw new Error("Intake insert conflicted, but no conflicting enrollment was found");
}
