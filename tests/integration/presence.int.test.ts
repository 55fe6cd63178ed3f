import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { notePresence } from "@/lib/enrollment/presence";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import { prisma, uniqueCode } from "./db";

async function intake() {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  body.client_info.wisenroll_code = uniqueCode();
  const parsed = parseIntake(JSON.stringify(body));
  if (!parsed.ok) throw new Error("rejected");
  const result = await intakeEnrollment(prisma, { ...parsed, actor: { id: null, label: "test" } });
  if (result.kind !== "created") throw new Error(result.kind);
  return result.enrollment.id;
}

const person = (displayName: string) =>
  prisma.user.create({ data: { username: `presence-${uniqueCode(8).toLowerCase()}`, displayName, role: "officer", passwordHash: "x" }, select: { id: true } });

let clock = Date.now();
/** The page's clock when it says something: each word later than the last. */
const at = () => (clock += 1_000);

describe("presence on an enrollment", () => {
  it("tells each reader who else is there and what they are editing; a reader gone quiet or leaving is not", async () => {
    const enrollmentId = await intake();
    const [olga, oscar, quiet] = [await person("Olga P"), await person("Oscar P"), await person("Quiet P")];
    expect(await notePresence(prisma, { enrollmentId, userId: olga.id, editing: [], at: at() })).toEqual([]);
    expect(await notePresence(prisma, { enrollmentId, userId: oscar.id, editing: ["client_contact", "client_contact"], at: at() })).toEqual([{ name: "Olga P", editing: [] }]);
    // a reader whose last word is older than the window is gone
    await notePresence(prisma, { enrollmentId, userId: quiet.id, editing: ["client_info"], at: at() });
    await prisma.$executeRaw`UPDATE enrollment_presence SET seen_at = now() - interval '31 seconds' WHERE user_id = ${quiet.id}::uuid`;
    expect(await notePresence(prisma, { enrollmentId, userId: olga.id, editing: [], at: at() })).toEqual([{ name: "Oscar P", editing: ["client_contact"] }]);
    // leaving forgets at once
    expect(await notePresence(prisma, { enrollmentId, userId: oscar.id, editing: [], at: at(), leaving: true })).toEqual([]);
    expect(await notePresence(prisma, { enrollmentId, userId: olga.id, editing: [], at: at() })).toEqual([]);
  });

  it("a heartbeat overtaken by the page's goodbye does not bring the reader back; a later word does", async () => {
    const enrollmentId = await intake();
    const [olga, oscar] = [await person("Olga Q"), await person("Oscar Q")];
    const heartbeat = at();
    const goodbye = at();
    await notePresence(prisma, { enrollmentId, userId: oscar.id, editing: ["client_contact"], at: heartbeat - 5_000 });
    // Oscar closes the page: the goodbye arrives before the heartbeat sent just before it.
    await notePresence(prisma, { enrollmentId, userId: oscar.id, editing: [], leaving: true, at: goodbye });
    await notePresence(prisma, { enrollmentId, userId: oscar.id, editing: ["client_contact"], at: heartbeat });
    expect(await notePresence(prisma, { enrollmentId, userId: olga.id, editing: [], at: at() })).toEqual([]);
    // Another of Oscar's pages, still open, speaks later: he is there again.
    await notePresence(prisma, { enrollmentId, userId: oscar.id, editing: [], at: at() });
    expect(await notePresence(prisma, { enrollmentId, userId: olga.id, editing: [], at: at() })).toEqual([{ name: "Oscar Q", editing: [] }]);
  });
});
