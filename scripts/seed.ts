// Idempotent demo data: one user per role, product codes, the seed's three examples and a few
// hundred generated enrollments. Running it twice changes nothing (intake recognises resends).
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/client";
import { generateEnrollment, SEED_EXAMPLES } from "@/lib/enrollment/generate";
import type { Role } from "@/lib/generated/prisma/client";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";

/** Demo accounts; their passwords are printed in the README. Never use them in production. */
export const DEMO_USERS: Array<{ username: string; displayName: string; role: Role; password: string }> = [
  { username: "officer", displayName: "Olga Officer", role: "officer", password: "officer-demo-2026" },
  { username: "officer2", displayName: "Oscar Officer", role: "officer", password: "officer-demo-2026" },
  { username: "compliance", displayName: "Carla Compliance", role: "compliance", password: "compliance-demo-2026" },
  { username: "admin", displayName: "Adam Admin", role: "admin", password: "admin-demo-2026" },
];

const PRODUCT_CODES = [
  { code: "AH01", name: "Cuenta de ahorro", description: "Savings account" },
  { code: "CC01", name: "Cuenta corriente", description: "Current account" },
  { code: "DP01", name: "Depósito a plazo", description: "Term deposit" },
];

const GENERATED = Number(process.env.SEED_GENERATED ?? 300);

export async function seedDemoData(_databaseUrl?: string) {
  for (const user of DEMO_USERS) {
    const exists = await prisma.user.findUnique({ where: { username: user.username }, select: { id: true } });
    if (exists) continue;
    const { password, ...rest } = user;
    await prisma.user.create({ data: { ...rest, passwordHash: await hashPassword(password) } });
  }
  for (const product of PRODUCT_CODES) {
    await prisma.productCode.upsert({ where: { code: product.code }, create: product, update: {} });
  }
  const actor = { id: null, label: "seed" };
  const bodies = [
    ...SEED_EXAMPLES.map((example) => ({ ...example, requested_products: [{ product_code: "AH01" }] })),
    ...Array.from({ length: GENERATED }, (_, index) => generateEnrollment(index)),
  ];
  let created = 0;
  for (const [index, body] of bodies.entries()) {
    const parsed = parseIntake(JSON.stringify(body));
    if (!parsed.ok) throw new Error(`seed body ${index} rejected: ${JSON.stringify(parsed.errors)}`);
    const result = await intakeEnrollment(prisma, { ...parsed, actor });
    if (result.kind === "created") {
      created += 1;
      // Spread the demo queue over the last two weeks so relative times and date filters show.
      const receivedAt = new Date(Date.now() - (bodies.length - index) * 67 * 60_000);
      await prisma.enrollment.update({ where: { id: result.enrollment.id }, data: { receivedAt } });
    }
  }
  console.log(`seed: ${DEMO_USERS.length} demo users, ${PRODUCT_CODES.length} product codes, ${created} new enrollments`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seedDemoData()
    .then(() => prisma.$disconnect())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
