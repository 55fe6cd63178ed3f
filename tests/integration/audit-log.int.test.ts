import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/lib/audit/list-audit-events";
import { prisma, uniqueCode } from "./db";

describe("audit log viewer query", () => {
  it("filters by actor, action prefix, target and day, newest first, page by page by id", async () => {
    const actor = { id: null, label: `auditor-${uniqueCode()}` };
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i += 1) {
      await recordAudit(prisma, { actor, action: i % 2 === 0 ? "user.role_changed" : "login.failed", targetType: "user", targetId: `u${i % 3}` });
    }
    const first = await listAuditEvents(prisma, { actor: actor.label });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.rows.map((r) => BigInt(r.id))).toEqual([...first.rows.map((r) => BigInt(r.id))].sort((a, b) => (a > b ? -1 : 1)));
    const second = await listAuditEvents(prisma, { actor: actor.label, before: first.nextBefore! });
    expect(second.rows).toHaveLength(5);
    expect(second.nextBefore).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(AUDIT_PAGE_SIZE + 5);

    const logins = await listAuditEvents(prisma, { actor: actor.label, action: "login." });
    expect(logins.rows.every((r) => r.action === "login.failed")).toBe(true);
    expect(logins.rows).toHaveLength(27);
    const target = await listAuditEvents(prisma, { actor: actor.label, targetType: "user", targetId: "u1" });
    expect(target.rows.every((r) => r.targetId === "u1")).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(prisma, { actor: actor.label, from: today, to: today })).rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect((await listAuditEvents(prisma, { actor: actor.label, to: "2000-01-01" })).rows).toHaveLength(0);
  });
});
