import "server-only";
import crypto from "node:crypto";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import { normalizeEnrollment } from "@/lib/enrollment/normalize";
import { validateEnrollment } from "@/lib/enrollment/validate";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { extractQueueColumns } from "@/lib/intake/extract-columns";
import { canonicalJson, type TRequestedProduct } from "@/lib/intake/parse-intake";

export type TIntakeInput = {
  body: Record<string, unknown>;
  payload: Record<string, unknown>;
  requestedProducts: TRequestedProduct[];
  actor: TAuditActor;
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
  const select = { id: true, status: true, issueCount: true, contentHash: true } as const;
  const same = await db.enrollment.findUnique({ where: { contentHash }, select });
  if (same) return { kind: "existing", enrollment: summary(same) };
  if (wisenrollCode) {
    const other = await db.enrollment.findUnique({ where: { wisenrollCode }, select });
    if (other) return { kind: "conflict", existingId: other.id };
  }
  return null;
}

/**
 * Stores a new enrollment exactly as received, or recognises a resend. Two identical
 * requests racing each other still produce one row: the unique content hash decides.
 */
export async function intakeEnrollment(db: PrismaClient, input: TIntakeInput): Promise<TIntakeResult> {
  const contentHash = crypto.createHash("sha256").update(canonicalJson(input.body)).digest("hex");
  const payload = normalizeEnrollment(input.payload);
  const columns = extractQueueColumns(payload);
  const earlier = await findExisting(db, contentHash, columns.wisenrollCode);
  if (earlier) return earlier;

  const issueCount = validateEnrollment(payload).length;
  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.enrollment.create({
        data: {
          receivedPayload: input.body as Prisma.InputJsonObject,
          payload: payload as Prisma.InputJsonObject,
          requestedProducts: input.requestedProducts as Prisma.InputJsonArray,
          contentHash,
          issueCount,
          ...columns,
        },
        select: { id: true, status: true, issueCount: true },
      });
      await recordAudit(tx, {
        actor: input.actor,
        action: "enrollment.received",
        targetType: "enrollment",
        targetId: row.id,
        details: { issues: issueCount, products: input.requestedProducts.length },
      });
      return row;
    });
    return { kind: "created", enrollment: summary(created) };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findExisting(db, contentHash, columns.wisenrollCode);
      if (winner) return winner;
    }
    throw error;
  }
}
