// Shared by the push integration tests: an enrollment from a seed example with its own main
// document (the sandbox core keys customers by it), a push request, and the pipeline's deps.
import fs from "node:fs";
import pg from "pg";
import type { TAmlMessageSettings } from "@/lib/aml/settings";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import { createCoreClient, type TCoreClient } from "@/lib/integrations/core/client";
import type { TPushDeps } from "@/lib/push/pipeline";
import type { TProductInput } from "@/lib/push/push-input";
import { requestPush } from "@/lib/push/request-push";
import { createCoreSandbox, type TCoreSandbox } from "@/sandbox/core-server";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma as sharedPrisma, scratchDatabase, uniqueCode } from "./db";
import { openBodies, openRelated, readEnrollment } from "./pii-helpers";

/**
 * The push tests get a database of their own: a push worker of another run (the e2e worker, a
 * developer's console) sweeps every `pushing` enrollment of the database it serves.
 */
export async function pushDatabase(prefix: string) {
  const scratch = await scratchDatabase(prefix, { migrate: true });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.appUrl, max: 6 }) });
  return {
    db,
    /** The application role's connection, as the worker's. */
    url: scratch.appUrl,
    async drop() {
      await db.$disconnect();
      await scratch.drop();
    },
  };
}

/** The shared test database, unless the test file chose its own (usePushDatabase in beforeAll). */
export let prisma: PrismaClient = sharedPrisma;
export function usePushDatabase(db: PrismaClient): void {
  prisma = db;
}

export const CORE_USER = "console";
/** The defaults of lib/aml/settings.ts, with every optional field on (the sandbox accepts them). */
export const AML_MESSAGE: TAmlMessageSettings = {
  requester: "financial_institution",
  riskManagementCategory: "FAST",
  customerStatus: "ACTIVE",
  includeOptional: { birthDate: true, nationality: true, document: true },
};
export const CORE_PASSWORD = "push-test-secret";
export const actor = { id: null, label: "officer-test" };
/** The intake key the helpers' enrollments are sent with, so the outcome lookup may read them. */
export const TEST_INTAKE_KEY_HASH = "a".repeat(64);

export async function ensureProductCodes(): Promise<void> {
  for (const [code, name] of [["AH01", "Savings account"], ["CC01", "Current account"], ["DP01", "Term deposit"]] as const) {
    await prisma.productCode.upsert({ where: { code }, create: { code, name }, update: { active: true } });
  }
}

/** A seed example with a fresh wisenroll code and main document number; returns its id. */
export async function intakeFixture(example: 1 | 2 | 3 = 1, mutate?: (body: Record<string, unknown>) => void): Promise<string> {
  const body = JSON.parse(fs.readFileSync(`fixtures/enrollments/seed-example-${example}.json`, "utf8"));
  mutate?.(body);
  body.client_info.wisenroll_code = uniqueCode();
  const main = body.client_documents.find((d: { main: number }) => d.main === 1);
  main.document_number = `T${uniqueCode(10)}`;
  const parsed = parseIntake(JSON.stringify(body));
  if (!parsed.ok) throw new Error("fixture rejected by intake");
  const result = await intakeEnrollment(prisma, { ...parsed, actor, keyHash: TEST_INTAKE_KEY_HASH });
  if (result.kind !== "created") throw new Error(`intake: ${result.kind}`);
  return result.enrollment.id;
}

export const product = (productCode: string, openDate = "2026-11-21"): TProductInput => ({ productCode, openDate, related: [] });

/** Requests a push as an officer would and returns the enrollment id; throws unless queued. */
export async function queuePush(enrollmentId: string, products: TProductInput[]): Promise<number> {
  const { version } = await prisma.enrollment.findUniqueOrThrow({ where: { id: enrollmentId }, select: { version: true } });
  const result = await requestPush(prisma, { enrollmentId, expectedVersion: version, products, actor });
  if (result.kind !== "queued") throw new Error(`push not queued: ${JSON.stringify(result)}`);
  return result.pushSeq;
}

export type TCoreHarness = { sandbox: TCoreSandbox; url: string; core: TCoreClient; stop: () => Promise<void> };

export async function startCore(timeoutMs = 1500, firstCustomerNumber = 1_000_000_000 + Math.floor(Math.random() * 8_000_000) * 1_000_000): Promise<TCoreHarness> {
  // Its own range of customer numbers by default: the AML view is keyed by them, and the database
  // outlives every sandbox (which would start at 100001 each time).
  const sandbox = createCoreSandbox({ username: CORE_USER, password: CORE_PASSWORD, firstCustomerNumber });
  const url = await sandbox.listen(0, "127.0.0.1");
  const core = createCoreClient({ baseUrl: url, username: CORE_USER, password: CORE_PASSWORD, timeoutMs });
  return { sandbox, url, core, stop: () => sandbox.close() };
}

export function pushDeps(harness: { url: string; core: TCoreClient }, lockPool: pg.Pool, overrides: Partial<TPushDeps> = {}): TPushDeps {
  return {
    db: prisma,
    lockPool,
    core: harness.core,
    coreBaseUrl: harness.url,
    customerAttempts: 3,
    productNotSentAttempts: 2,
    retryBaseMs: 0,
    retryMaxMs: 0,
    amlMessage: AML_MESSAGE,
    sleep: async () => {},
    ...overrides,
  };
}


/** The enrollment row, its push error read as the English UI shows it. */
export const loadEnrollment = async (id: string) => readEnrollment(await prisma.enrollment.findUniqueOrThrow({ where: { id } }));
/** Product requests and outbound calls with what is stored sealed opened. */
export const loadProducts = async (id: string) => openRelated(await prisma.productRequest.findMany({ where: { enrollmentId: id }, orderBy: { position: "asc" } }));
export const loadCalls = async (id: string) => openBodies(await prisma.outboundCall.findMany({ where: { enrollmentId: id }, orderBy: [{ startedAt: "asc" }, { attempt: "asc" }] }));

/**
 * Jobs a test enqueued on the shared database must not be picked up by the e2e worker later in
 * the same run; this includes the locked jobs of killed workers (kept for 4 hours).
 */
export async function removeJobs(enrollmentIds: readonly string[]): Promise<void> {
  if (enrollmentIds.length === 0) return;
  await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE payload->>'enrollmentId' = ANY(${[...enrollmentIds]}::text[])`;
}
