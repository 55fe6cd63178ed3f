import fs from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { EnrollmentNotFoundError, saveSection } from "@/lib/enrollment/save-section";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import { prisma, uniqueCode } from "./db";
import { loadOpenedEnrollment } from "./pii-helpers";

const actor = { id: null, label: "officer-test" };
let id: string;

async function intake(mutate: (body: Record<string, any>) => void) {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  body.client_info.wisenroll_code = uniqueCode();
  mutate(body);
  const parsed = parseIntake(JSON.stringify(body));
  if (!parsed.ok) throw new Error("rejected");
  const result = await intakeEnrollment(prisma, { ...parsed, actor });
  if (result.kind !== "created") throw new Error(result.kind);
  return result.enrollment.id;
}

const load = (enrollmentId: string) => loadOpenedEnrollment(prisma, enrollmentId);

describe("saveSection", () => {
  beforeEach(async () => {
    id = await intake((body) => {
      delete body.client_contact.email;
    });
  });

  it("refuses an invalid section with per-field errors and writes nothing", async () => {
    const before = await load(id);
    const contact = { ...(before.payload as any).client_contact, email: "not-an-email" };
    const result = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_contact", value: contact, actor });
    expect(result).toEqual({ kind: "invalid", errors: [{ path: "client_contact.email", message: "Not a valid email address" }] });
    const after = await load(id);
    expect(after.version).toBe(1);
    expect(after.payload).toEqual(before.payload);
    expect(await prisma.enrollmentRevision.count({ where: { enrollmentId: id } })).toBe(0);
  });

  it("saves a fixed section: new version, ready, revision with values, audit with paths only", async () => {
    const before = await load(id);
    expect(before.issueCount).toBe(1);
    const contact = { ...(before.payload as any).client_contact, email: "luis@example.com" };
    const result = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_contact", value: contact, actor });
    expect(result).toEqual({ kind: "saved", version: 2, issueCount: 0, status: "ready", changed: 1 });
    const after = await load(id);
    expect(after).toMatchObject({ version: 2, status: "ready", issueCount: 0 });
    expect((after.payload as any).client_contact.email).toBe("luis@example.com");
    expect(after.receivedPayload).toEqual(before.receivedPayload);
    const revision = await prisma.enrollmentRevision.findFirstOrThrow({ where: { enrollmentId: id } });
    expect(revision).toMatchObject({ version: 2, section: "client_contact", actorLabel: "officer-test" });
    expect(revision.changes).toEqual([{ path: "client_contact.email", old: null, new: "luis@example.com" }]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "enrollment.section_saved" } });
    expect(audit.details).toEqual({ section: "client_contact", version: 2, paths: ["client_contact.email"], issues: 0 });
    expect(JSON.stringify(audit.details)).not.toContain("luis@example.com");
  });

  it("refuses a save made against an older version, keeping the first save", async () => {
    const payload = (await load(id)).payload as any;
    const first = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_contact", value: { ...payload.client_contact, email: "a@example.com" }, actor });
    expect(first.kind).toBe("saved");
    const second = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_contact", value: { ...payload.client_contact, email: "b@example.com" }, actor });
    expect(second).toMatchObject({ kind: "conflict", sectionVersion: 2, editedBy: "officer-test", value: { email: "a@example.com" } });
    expect(second.kind === "conflict" && Date.now() - Date.parse(second.editedAt!)).toBeLessThan(60_000);
    expect(((await load(id)).payload as any).client_contact.email).toBe("a@example.com");
  });

  it("stores saves of two sections made from the same page, and names who saved a section it refuses", async () => {
    const payload = (await load(id)).payload as any;
    const olga = await prisma.user.upsert({ where: { username: "olga-save-test" }, create: { username: "olga-save-test", displayName: "Olga Test", role: "officer", passwordHash: "x" }, update: {} });
    const home = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_location", value: { ...payload.client_location, postal_code: "10101" }, actor: { id: olga.id, label: "olga-save-test" } });
    expect(home.kind).toBe("saved");
    // the Contact form was loaded before the Home save: its section did not change, so it lands
    const contact = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_contact", value: { ...payload.client_contact, email: "c@example.com" }, actor });
    expect(contact).toMatchObject({ kind: "saved", version: 3 });
    const stale = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_location", value: { ...payload.client_location, postal_code: "20202" }, actor });
    expect(stale).toMatchObject({ kind: "conflict", sectionVersion: 2, editedBy: "Olga Test", value: { postal_code: "10101" } });
    const after = (await load(id)).payload as any;
    expect([after.client_location.postal_code, after.client_contact.email]).toEqual(["10101", "c@example.com"]);
  });

  it("writes nothing for a save that changes nothing", async () => {
    const payload = (await load(id)).payload as any;
    const result = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_location", value: payload.client_location, actor });
    expect(result).toEqual({ kind: "unchanged", sectionVersion: 0 });
    expect((await load(id)).version).toBe(1);
    expect(await prisma.enrollmentRevision.count({ where: { enrollmentId: id } })).toBe(0);
  });

  it("stores both of two simultaneous saves of different sections", async () => {
    const payload = (await load(id)).payload as any;
    const results = await Promise.all([
      saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_contact", value: { ...payload.client_contact, email: "both@example.com" }, actor }),
      saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_location", value: { ...payload.client_location, postal_code: "30303" }, actor }),
    ]);
    expect(results.map((r) => r.kind)).toEqual(["saved", "saved"]);
    const after = await load(id);
    expect(after.version).toBe(3);
    expect([(after.payload as any).client_contact.email, (after.payload as any).client_location.postal_code]).toEqual(["both@example.com", "30303"]);
    expect(await prisma.enrollmentRevision.count({ where: { enrollmentId: id } })).toBe(2);
  });

  it("lets only one of two simultaneous saves of the same version win", async () => {
    const payload = (await load(id)).payload as any;
    const results = await Promise.all(
      ["x@example.com", "y@example.com"].map((email) =>
        saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_contact", value: { ...payload.client_contact, email }, actor }),
      ),
    );
    expect(results.map((r) => r.kind).sort()).toEqual(["conflict", "saved"]);
    expect((await load(id)).version).toBe(2);
    expect(await prisma.enrollmentRevision.count({ where: { enrollmentId: id } })).toBe(1);
  });

  it("keeps keys the schema does not know, and refuses edits once a push started", async () => {
    const payload = (await load(id)).payload as any;
    const info = { ...payload.client_info, future_field: { kept: true } };
    const saved = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_info", value: info, actor });
    expect(saved.kind).toBe("saved");
    expect(((await load(id)).payload as any).client_info.future_field).toEqual({ kept: true });
    expect(((await load(id)).payload as any).client_info.bonding_type).toBe("NI");
    await prisma.enrollment.update({ where: { id }, data: { status: "pushing" } });
    const locked = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 2, section: "client_info", value: info, actor });
    expect(locked).toEqual({ kind: "locked", status: "pushing" });
  });

  it("throws a not-found error for an unknown enrollment, writing nothing", async () => {
    const missing = "018f0000-0000-7000-8000-000000000000";
    const value = { ...((await load(id)).payload as any).client_contact, email: "valid@example.com" };
    await expect(
      saveSection(prisma, { enrollmentId: missing, expectedSectionVersion: 0, section: "client_contact", value, actor }),
    ).rejects.toBeInstanceOf(EnrollmentNotFoundError);
    expect(await prisma.enrollmentRevision.count({ where: { enrollmentId: missing } })).toBe(0);
  });
});
