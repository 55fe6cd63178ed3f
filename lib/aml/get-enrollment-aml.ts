import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { submissionSelect, toSubmissionSummary, type TAmlSubmissionSummary } from "./get-aml-customer";

/** What the enrollment page shows of AML: its submissions (newest first) and where results live. */
export type TEnrollmentAml = { customerExtId: string | null; submissions: TAmlSubmissionSummary[] };

export async function getEnrollmentAml(db: PrismaClient, enrollmentId: string): Promise<TEnrollmentAml> {
  const submissions = await db.amlSubmission.findMany({
    where: { enrollmentId },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { ...submissionSelect, customerExtId: true },
  });
  return { customerExtId: submissions[0]?.customerExtId ?? null, submissions: submissions.map(({ customerExtId: _ext, ...row }) => toSubmissionSummary(row)) };
}
