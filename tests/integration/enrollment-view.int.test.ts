import fs from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { readEnrollmentView } from "@/lib/enrollment/enrollment-view";
import { ALL_BRANCHES } from "@/lib/enrollment/identity-matches";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import { prisma, uniqueCode } from "./db";

// The push worker commits whenever it likes: here it commits between the page's read of the
// enrollment and its read of the pipeline.
const between = vi.hoisted(() => ({ commit: null as null | (() => Promise<unknown>) }));
vi.mock("@/lib/push/get-pipeline", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/push/get-pipeline")>();
  return {
    ...original,
    getPipeline: async (...args: Parameters<typeof original.getPipeline>) => {
      await between.commit?.();
      return original.getPipeline(...args);
    },
  };
});

async function intake() {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  body.client_info.wisenroll_code = uniqueCode();
  const parsed = parseIntake(JSON.stringify(body));
  if (!parsed.ok) throw new Error("rejected");
  const result = await intakeEnrollment(prisma, { ...parsed, actor: { id: null, label: "test" } });
  if (result.kind !== "created") throw new Error(result.kind);
  return result.enrollment.id;
}

describe("readEnrollmentView", () => {
  it("reads the header's status and the pipeline's from one snapshot, whatever commits between them", async () => {
    const id = await intake();
    await prisma.enrollment.update({ where: { id }, data: { status: "pushing", pushSeq: 1 } });
    // the worker finishes the push (rejected by the core) on another connection, mid-read
    between.commit = () => prisma.enrollment.update({ where: { id }, data: { status: "in_review", pushFinishedAt: new Date() } });
    const view = await readEnrollmentView(id, ALL_BRANCHES);
    between.commit = null;
    expect(view?.enrollment.status).toBe("pushing");
    expect(view?.pipeline.status).toBe(view?.enrollment.status);
    // the next read sees what the worker committed, everywhere
    const next = await readEnrollmentView(id, ALL_BRANCHES);
    expect([next?.enrollment.status, next?.pipeline.status]).toEqual(["in_review", "in_review"]);
  });

  it("is null for an enrollment that does not exist or an id that is not one", async () => {
    expect(await readEnrollmentView("7d3c1f0e-1111-4222-8333-944455556666", ALL_BRANCHES)).toBeNull();
    expect(await readEnrollmentView("not-a-uuid", ALL_BRANCHES)).toBeNull();
  });
});
