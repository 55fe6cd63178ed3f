// Idempotent demo data: one user per role, product codes, the seed's three examples and a few
// hundred generated enrollments. Running it twice changes nothing (intake recognises resends).
import { dueAtFor, readSlaConfig } from "@/lib/sla/sla-settings";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/client";
import { generateEnrollment, SEED_EXAMPLES } from "@/lib/enrollment/generate";
import type { Role } from "@/lib/generated/prisma/client";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import { CORE_FIELDS } from "@/lib/settings/integration-fields";
import { saveIntegrationSettings } from "@/lib/settings/save-integration-settings";

/**
 * Demo accounts; their passwords are printed in the README. Never use them in production. The
 * seed's enrollments are of branches 01–06 (the three examples of 01): Olga leads 01–03 with
 * Oscar, Nora works 04–06, so each sees a queue and none sees the other's.
 */
export const DEMO_USERS: Array<{ username: string; displayName: string; role: Role; password: string; branches?: string[]; deskLead?: boolean }> = [
  { username: "officer", displayName: "Olga Officer", role: "officer", password: "officer-demo-2026", branches: ["01", "02", "03"], deskLead: true },
  { username: "officer2", displayName: "Oscar Officer", role: "officer", password: "officer-demo-2026", branches: ["01", "02", "03"] },
  { username: "officer3", displayName: "Nora Officer", role: "officer", password: "officer-demo-2026", branches: ["04", "05", "06"] },
  { username: "compliance", displayName: "Carla Compliance", role: "compliance", password: "compliance-demo-2026" },
  { username: "admin", displayName: "Adam Admin", role: "admin", password: "admin-demo-2026" },
];

const PRODUCT_CODES = [
  { code: "AH01", name: "Cuenta de ahorro", description: "Savings account" },
  { code: "CC01", name: "Cuenta corriente", description: "Current account" },
  { code: "DP01", name: "Depósito a plazo", description: "Term deposit" },
];

const GENERATED = Number(process.env.SEED_GENERATED ?? 300);

/**
 * The sandbox core's Basic credentials, stored as an admin would store them, so the demo and the
 * e2e can rotate them in Admin → Integrations. Never over a stored value, and not when CORE_*
 * sets them (the environment would win). The base URL stays with the environment (the sandbox's
 * port is decided when it starts).
 */
async function seedCoreCredentials(): Promise<string[]> {
  const values: Record<string, string> = {};
  const demo = { username: process.env.SANDBOX_CORE_USERNAME ?? "console", password: process.env.SANDBOX_CORE_PASSWORD ?? "sandbox-core-secret" };
  for (const name of ["username", "password"] as const) {
    const f = CORE_FIELDS[name];
    if (process.env[f.env]) continue;
    const stored = await prisma.integrationSetting.findUnique({ where: { key: f.key }, select: { key: true } });
    if (!stored) values[name] = demo[name];
  }
  if (Object.keys(values).length === 0) return [];
  const { changed } = await saveIntegrationSettings(prisma, { integration: "core", values, clear: [], actor: { id: null, label: "seed" } });
  return changed;
}

export async function seedDemoData() {
  for (const user of DEMO_USERS) {
    const exists = await prisma.user.findUnique({ where: { username: user.username }, select: { id: true, branches: true } });
    if (exists) {
      // a demo database from before branches: give the demo officers theirs, never over an admin's choice
      if (exists.branches.length === 0 && user.branches) await prisma.user.update({ where: { id: exists.id }, data: { branches: user.branches, deskLead: user.deskLead ?? false } });
      continue;
    }
    const { password, ...rest } = user;
    await prisma.user.create({ data: { ...rest, passwordHash: await hashPassword(password) } });
  }
  for (const product of PRODUCT_CODES) {
    await prisma.productCode.upsert({ where: { code: product.code }, create: product, update: {} });
  }
  const credentials = await seedCoreCredentials();
  const actor = { id: null, label: "seed" };
  const bodies = [
    ...SEED_EXAMPLES.map((example) => ({ ...example, requested_products: [{ product_code: "AH01" }] })),
    ...Array.from({ length: GENERATED }, (_, index) => generateEnrollment(index)),
  ];
  let created = 0;
  const sla = await readSlaConfig(prisma);
  for (const [index, body] of bodies.entries()) {
    const parsed = parseIntake(JSON.stringify(body));
    if (!parsed.ok) throw new Error(`seed body ${index} rejected: ${JSON.stringify(parsed.errors)}`);
    const result = await intakeEnrollment(prisma, { ...parsed, actor });
    if (result.kind === "created") {
      created += 1;
      // Spread the demo queue over the last two weeks so relative times and date filters show.
      const receivedAt = new Date(Date.now() - (bodies.length - index) * 67 * 60_000);
      // due in business time from that moment, as the intake does from its own (lib/sla/)
      const { branchCode } = await prisma.enrollment.findUniqueOrThrow({ where: { id: result.enrollment.id }, select: { branchCode: true } });
      await prisma.enrollment.update({ where: { id: result.enrollment.id }, data: { receivedAt, dueAt: dueAtFor(sla, branchCode, receivedAt) } });
    }
  }
  console.log(
    `seed: ${DEMO_USERS.length} demo users, ${PRODUCT_CODES.length} product codes, ${created} new enrollments` +
      (credentials.length > 0 ? `, sandbox core credentials stored (${credentials.join(", ")})` : ""),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seedDemoData()
    .then(() => prisma.$disconnect())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
