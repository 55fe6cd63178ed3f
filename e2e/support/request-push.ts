// e2e support, run with tsx: asks for a push of one enrollment as the demo officer, through the
// same lib/push/request-push the push action uses (the push form is another issue's work).
// Usage: tsx --conditions=react-server e2e/support/request-push.ts <enrollmentId>
import { prisma } from "@/lib/db/client";
import { requestPush } from "@/lib/push/request-push";

async function main() {
  const enrollmentId = process.argv[2];
  if (!enrollmentId) throw new Error("enrollment id required");
  const officer = await prisma.user.findUniqueOrThrow({ where: { username: "officer" }, select: { id: true, username: true } });
  const { version } = await prisma.enrollment.findUniqueOrThrow({ where: { id: enrollmentId }, select: { version: true } });
  const result = await requestPush(prisma, { enrollmentId, expectedVersion: version, products: [], actor: { id: officer.id, label: officer.username } });
  if (result.kind !== "queued") throw new Error(`push not queued: ${JSON.stringify(result)}`);
}

main()
  .then(() => prisma.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await prisma.$disconnect();
    process.exit(1);
  });
