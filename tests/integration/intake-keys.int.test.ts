import { describe, expect, it } from "vitest";
import { authenticateIntakeKey } from "@/lib/intake/api-keys";
import { createIntakeKey, listIntakeKeys, revokeIntakeKey } from "@/lib/intake/manage-api-keys";
import { prisma, uniqueCode } from "./db";

describe("intake API keys managed by admins", () => {
  it("shows the key once, keeps only its hash, records use, and refuses it at once when revoked", async () => {
    const admin = await prisma.user.create({ data: { username: `keys-${uniqueCode(8).toLowerCase()}`, displayName: "K", role: "admin", passwordHash: "x" } });
    const ctx = { actor: { id: admin.id, label: admin.username }, ip: "10.0.0.5" };
    const name = `onboarding-${uniqueCode()}`;
    const created = await createIntakeKey(prisma, name, ctx);
    expect(created.key).toMatch(/^ec_[A-Za-z0-9_-]{43}$/);

    const stored = await prisma.intakeApiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.prefix).toBe(created.key.slice(0, 10));
    expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.key);

    expect(await authenticateIntakeKey(prisma, `Bearer ${created.key}`, undefined)).toEqual({ id: null, label: `intake-key:${name}`, keyHash: stored.keyHash });
    const listed = (await listIntakeKeys(prisma)).find((key) => key.id === created.id);
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(listed?.revokedAt).toBeNull();

    expect(await revokeIntakeKey(prisma, created.id, ctx)).toEqual({ kind: "revoked", name });
    expect(await authenticateIntakeKey(prisma, `Bearer ${created.key}`, undefined)).toBeNull();
    expect(await revokeIntakeKey(prisma, "0190e8d2-0000-7000-8000-000000000000", ctx)).toEqual({ kind: "not_found" });

    const events = await prisma.auditEvent.findMany({ where: { targetType: "intake_key", targetId: created.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["intake_key.created", "intake_key.revoked"]);
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain(created.key.slice(10));
    expect(events[0]!.details).toEqual({ name, prefix: stored.prefix });
  });
});
