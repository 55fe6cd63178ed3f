// Reconciliation records what the core really shows (issue 13, item 6), against the sandbox core:
// an account number is checked against the product's format (set on the product code, or learnt
// from the core's earlier answers) before anything is recorded or told to the onboarding app, and
// "confirmed not created" leaves the customer saved, not the enrollment failed.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getEnrollmentOutcome } from "@/lib/intake/enrollment-outcome";
import { getPipeline } from "@/lib/push/get-pipeline";
import { runPush } from "@/lib/push/pipeline";
import { resolveProduct } from "@/lib/push/resolve-product";
import { createProductCode } from "@/lib/product-codes/manage-product-codes";
import type { TCoreFaults } from "@/sandbox/core-server";
import { reasonText } from "@/tests/reason-text";
import {
  actor,
  ensureProductCodes,
  intakeFixture,
  loadEnrollment,
  loadProducts,
  prisma,
  product,
  pushDatabase,
  pushDeps,
  queuePush,
  startCore,
  usePushDatabase,
  TEST_INTAKE_KEY_HASH,
  type TCoreHarness,
} from "./push-helpers";

let lockPool: pg.Pool;
let harness: TCoreHarness;
let database: Awaited<ReturnType<typeof pushDatabase>>;

beforeAll(async () => {
  database = await pushDatabase("reconcile");
  usePushDatabase(database.db);
  lockPool = new pg.Pool({ connectionString: database.url, max: 4 });
  await ensureProductCodes();
  harness = await startCore();
});
afterEach(() => harness.sandbox.setFaults({}));
afterAll(async () => {
  await harness.stop();
  await lockPool.end();
  await database.drop();
});

/** One enrollment pushed with `code` against the sandbox core with `faults`, run to the end. */
async function pushWith(faults: TCoreFaults, code = "AH01") {
  harness.sandbox.setFaults(faults);
  const id = await intakeFixture();
  await queuePush(id, [product(code)]);
  await runPush(pushDeps(harness, lockPool), id);
  harness.sandbox.setFaults({});
  const products = await loadProducts(id);
  const customerNumber = Number((await loadEnrollment(id)).customerNumber);
  const accounts = harness.sandbox.ledger.listAccounts().filter((a) => a.customerNumber === customerNumber);
  return { id, productId: products[0]!.id, accounts };
}

const outcome = (id: string) => getEnrollmentOutcome(prisma, { id, keyHash: TEST_INTAKE_KEY_HASH });

describe("reconciliation: the account number the core shows", () => {
  it("refuses `abc` and a number unlike the core's earlier accounts of the product, recording and reporting nothing", async () => {
    await pushWith({}); // an AH01 account the core opened and answered: 12 digits
    const { id, productId, accounts } = await pushWith({ core_product: { kind: "timeout", afterProcessing: true } });
    expect((await getPipeline(prisma, id))!.products[0]!.accountNumberFormat).toEqual({ minLength: 12, maxLength: 12, digitsOnly: true, source: "learnt" });

    for (const [accountNumber, message] of [
      ["abc", "must be digits only"],
      ["100200300", "must be 12 digits"],
    ] as const) {
      const refused = await resolveProduct(prisma, { productRequestId: productId, resolution: "opened", accountNumber, actor });
      expect(refused).toEqual({ kind: "invalid", errors: [{ path: "accountNumber", message }] });
    }
    expect((await loadProducts(id))[0]).toMatchObject({ status: "needs_reconciliation", resolution: null, resolvedAccountNumber: null });
    expect(await prisma.auditEvent.count({ where: { targetId: id, action: "product.reconciled" } })).toBe(0);
    expect(await outcome(id)).toMatchObject({ status: "needs_reconciliation", accounts: [] });

    // the number the core really shows is recorded, and only then reported
    const accountNumber = accounts[0]!.accountNumber;
    expect(await resolveProduct(prisma, { productRequestId: productId, resolution: "opened", accountNumber, actor })).toEqual({ kind: "resolved", status: "pushed", enrollmentId: id });
    expect(await outcome(id)).toMatchObject({ status: "pushed", accounts: [{ account_product: "AH01", account_number: accountNumber }] });
  });

  it("takes the number of digits an admin set on the product code over what the core answered before", async () => {
    const code = `R${Math.floor(Math.random() * 900 + 100)}`;
    expect(await createProductCode(prisma, { code, name: "Cuenta nueve", description: "", active: true, accountNumberLength: 9 }, { actor })).toEqual({ kind: "done" });
    await pushWith({}, code);
    const { id, productId } = await pushWith({ core_product: { kind: "timeout" } }, code);
    expect((await getPipeline(prisma, id))!.products[0]!.accountNumberFormat).toEqual({ minLength: 9, maxLength: 9, digitsOnly: true, source: "product_code" });
    expect(await resolveProduct(prisma, { productRequestId: productId, resolution: "opened", accountNumber: "000200000001", actor })).toEqual({
      kind: "invalid",
      errors: [{ path: "accountNumber", message: "must be 9 digits" }],
    });
    expect(await resolveProduct(prisma, { productRequestId: productId, resolution: "opened", accountNumber: "123456789", actor })).toMatchObject({ kind: "resolved", status: "pushed" });
  });
});

describe("reconciliation: confirmed not created", () => {
  it("leaves the customer saved with the product waiting for the next push, not the enrollment failed", async () => {
    const { id, productId } = await pushWith({ core_product: { kind: "timeout" } });
    expect(await resolveProduct(prisma, { productRequestId: productId, resolution: "not_created", actor })).toEqual({ kind: "resolved", status: "customer_saved", enrollmentId: id });
    const enrollment = await loadEnrollment(id);
    expect(enrollment.status).toBe("customer_saved");
    expect(enrollment.customerNumber).not.toBeNull();
    expect(enrollment.pushError).toBe("Customer saved; product AH01 not opened — push again to open it.");
    expect(reasonText((await getPipeline(prisma, id))!.pushError, "es")).toBe("Cliente guardado; producto AH01 sin abrir: vuelva a enviar para abrirlo.");
    expect(await outcome(id)).toMatchObject({ status: "customer_saved", accounts: [] });

    // pushed again, the product is opened once
    await queuePush(id, []);
    await runPush(pushDeps(harness, lockPool), id);
    expect((await loadEnrollment(id)).status).toBe("pushed");
    expect(harness.sandbox.ledger.accountCount(Number(enrollment.customerNumber), "AH01")).toBe(1);
  });
});
