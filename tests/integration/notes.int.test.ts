import fs from "node:fs";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { listPushHistory } from "@/lib/enrollment/get-history";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import { NOTE_MAX_LENGTH } from "@/lib/notes/note-input";
import { addNote, listNotes } from "@/lib/notes/notes";
import { ownerDatabaseUrl, prisma, uniqueCode } from "./db";

let enrollmentId: string;
const people: Record<"officer" | "compliance" | "admin" | "disabled", { id: string; username: string }> = {} as never;

async function user(role: "officer" | "compliance" | "admin", disabled = false) {
  const username = `note-${role}-${uniqueCode(8).toLowerCase()}`;
  return prisma.user.create({ data: { username, displayName: `Note ${role}`, role, passwordHash: "x", disabled }, select: { id: true, username: true } });
}

beforeAll(async () => {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  body.client_info.wisenroll_code = uniqueCode();
  const parsed = parseIntake(JSON.stringify(body));
  if (!parsed.ok) throw new Error("rejected");
  const result = await intakeEnrollment(prisma, { ...parsed, actor: { id: null, label: "test" } });
  if (result.kind !== "created") throw new Error(result.kind);
  enrollmentId = result.enrollment.id;
  people.officer = await user("officer");
  people.compliance = await user("compliance");
  people.admin = await user("admin");
  people.disabled = await user("compliance", true);
});

const author = () => ({ id: people.officer.id, label: people.officer.username });
const written = async () => ({
  notes: await prisma.enrollmentNote.count({ where: { enrollmentId } }),
  audit: await prisma.auditEvent.count({ where: { targetId: enrollmentId, action: "enrollment.note_added" } }),
});

describe("notes on an enrollment", () => {
  it("stores a note with its mentions, audits it without its text, and lists it newest first", async () => {
    const first = await addNote(prisma, { enrollmentId, body: "First look: fine.", author: author() });
    expect(first.kind).toBe("added");
    const body = `@${people.compliance.username} please check the address.\r\nThanks  `;
    const second = await addNote(prisma, { enrollmentId, body, author: author(), ip: "10.0.0.9" });
    expect(second).toMatchObject({ kind: "added", note: { body: `@${people.compliance.username} please check the address.\nThanks`, author: "Note officer", mentions: [{ username: people.compliance.username, name: "Note compliance" }] } });
    const notes = await listNotes(prisma, enrollmentId);
    expect(notes.map((note) => note.body)).toEqual([`@${people.compliance.username} please check the address.\nThanks`, "First look: fine."]);
    const audit = await prisma.auditEvent.findFirst({ where: { targetId: enrollmentId, action: "enrollment.note_added" }, orderBy: { id: "desc" } });
    const stored = `@${people.compliance.username} please check the address.\nThanks`;
    expect(audit).toMatchObject({ actorId: people.officer.id, ip: "10.0.0.9", details: { length: stored.length, mentions: [people.compliance.username] } });
    expect(JSON.stringify(audit?.details)).not.toContain("please check");
  });

  it("refuses an empty note, one too long, and a mention of nobody who can read it, writing nothing", async () => {
    const before = await written();
    expect(await addNote(prisma, { enrollmentId, body: " \n ", author: author() })).toEqual({ kind: "invalid", problem: { code: "empty" } });
    expect(await addNote(prisma, { enrollmentId, body: "x".repeat(NOTE_MAX_LENGTH + 1), author: author() })).toEqual({ kind: "invalid", problem: { code: "tooLong", max: NOTE_MAX_LENGTH } });
    // an admin cannot read enrollments, a disabled user cannot read anything, and nobody is called so
    const body = `cc @${people.admin.username} @${people.disabled.username} @nobody-here and @${people.compliance.username}`;
    expect(await addNote(prisma, { enrollmentId, body, author: author() })).toEqual({
      kind: "invalid",
      problem: { code: "unknownMention", names: [people.admin.username, people.disabled.username, "nobody-here"] },
    });
    expect(await addNote(prisma, { enrollmentId: "7d3c1f0e-1111-4222-8333-944455556666", body: "hello", author: author() })).toEqual({ kind: "notFound" });
    expect(await written()).toEqual(before);
  });

  it("is append-only: the database refuses to change or delete a note, whoever asks", async () => {
    const note = await prisma.enrollmentNote.findFirstOrThrow({ where: { enrollmentId } });
    // The application's role is not even granted it; the owner is stopped by the trigger.
    await expect(prisma.$executeRaw`UPDATE enrollment_notes SET body = 'rewritten' WHERE id = ${note.id}::uuid`).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRaw`DELETE FROM enrollment_notes WHERE id = ${note.id}::uuid`).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRaw`TRUNCATE enrollment_notes`).rejects.toThrow(/permission denied/);
    const owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
    await owner.connect();
    try {
      await expect(owner.query("UPDATE enrollment_notes SET body = 'rewritten' WHERE id = $1", [note.id])).rejects.toThrow(/append-only/);
      await expect(owner.query("DELETE FROM enrollment_notes WHERE id = $1", [note.id])).rejects.toThrow(/append-only/);
      await expect(owner.query("TRUNCATE enrollment_notes")).rejects.toThrow(/append-only|cannot truncate/);
    } finally {
      await owner.end();
    }
    expect((await prisma.enrollmentNote.findUniqueOrThrow({ where: { id: note.id } })).body).toBe(note.body);
  });

  it("the history lists pushes from the audit log: who asked, and the core's answer", async () => {
    await prisma.auditEvent.create({ data: { actorId: people.officer.id, actorLabel: people.officer.username, action: "enrollment.push_requested", targetType: "enrollment", targetId: enrollmentId, details: { pushSeq: 1, products: ["AH01"] } } });
    await prisma.auditEvent.create({ data: { actorLabel: "system:push-worker", action: "core.customer_rejected", targetType: "enrollment", targetId: enrollmentId, details: { pushSeq: 1, attempt: 1, status: 400 } } });
    const history = await listPushHistory(prisma, enrollmentId);
    expect(history.map(({ action, who, pushSeq, products, status }) => ({ action, who, pushSeq, products, status }))).toEqual([
      { action: "core.customer_rejected", who: null, pushSeq: 1, products: [], status: 400 },
      { action: "enrollment.push_requested", who: "Note officer", pushSeq: 1, products: ["AH01"], status: null },
    ]);
  });
});
