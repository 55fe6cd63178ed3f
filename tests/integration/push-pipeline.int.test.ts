// The push pipeline against the sandbox core: every fault on each endpoint, with the final
// state expected, and the sandbox's own ledger showing no duplicate customer or account.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TCoreFaults } from "@/sandbox/core-server";
import { customerCallKey, runPush, STALE_ATTEMPT_REASON } from "@/lib/push/pipeline";
import { reasonText } from "@/tests/reason-text";
import { requestPush } from "@/lib/push/request-push";
import { resolveProduct } from "@/lib/push/resolve-product";
import { saveSection } from "@/lib/enrollment/save-section";
import { createCoreClient } from "@/lib/integrations/core/client";
import { getEnrollmentOutcome } from "@/lib/intake/enrollment-outcome";
import {
  actor,
  ensureProductCodes,
  intakeFixture,
  loadCalls,
  loadEnrollment,
  loadProducts,
  product,
  pushDeps,
  queuePush,
  prisma,
  pushDatabase,
  startCore,
  usePushDatabase,
  CORE_PASSWORD,
  CORE_USER,
  TEST_INTAKE_KEY_HASH,
  type TCoreHarness,
} from "./push-helpers";

let lockPool: pg.Pool;
let harness: TCoreHarness;
let database: Awaited<ReturnType<typeof pushDatabase>>;

beforeAll(async () => {
  database = await pushDatabase("push_pipeline");
  usePushDatabase(database.db);
  lockPool = new pg.Pool({ connectionString: database.url, max: 4 });
  await ensureProductCodes();
});
afterEach(async () => {
  // A test that started no core of its own leaves the previous (already stopped) one here.
  await harness?.stop().catch(() => undefined);
});
afterAll(async () => {
  await lockPool.end();
  await database.drop();
});

/** One enrollment, one fresh sandbox core with the given faults, one push of `codes`, run to the end. */
async function pushWith(faults: TCoreFaults, codes: string[] = ["AH01"]) {
  const core = await startCore();
  harness = core;
  core.sandbox.setFaults(faults);
  const id = await intakeFixture();
  await queuePush(id, codes.map((code) => product(code)));
  const result = await runPush(pushDeps(core, lockPool), id);
  const ledger = core.sandbox.ledger.snapshot();
  return { id, result, enrollment: await loadEnrollment(id), products: await loadProducts(id), calls: await loadCalls(id), ledger };
}

function expectNoDuplicates(ledger: { customers: unknown[]; duplicates: unknown[] }) {
  expect(ledger.customers.length).toBeLessThanOrEqual(1);
  expect(ledger.duplicates).toEqual([]);
}

describe("push pipeline: the happy path", () => {
  it("creates the customer, opens the product, and records both calls with exact bytes", async () => {
    const { enrollment, products, calls, ledger, result } = await pushWith({});
    expect(result).toEqual({ kind: "settled", status: "pushed" });
    expect(enrollment.status).toBe("pushed");
    expect(enrollment.customerNumber).not.toBeNull();
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({ status: "opened", sentInPush: 1 });
    const accounts = products[0]!.accounts as { action: string; accountNumber: string }[];
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.action).toBe("CREATE");
    expect(ledger.accounts.map((a) => a.accountNumber)).toEqual([accounts[0]!.accountNumber]);

    expect(calls.map((c) => [c.step, c.attempt, c.outcome, c.httpStatus])).toEqual([
      ["core_customer", 1, "success", 201],
      ["core_product", 1, "success", 201],
    ]);
    const customerBody = JSON.parse(calls[0]!.requestBody);
    expect(customerBody.client_info.customer_number).toBeNull();
    expect(JSON.parse(calls[1]!.requestBody)).toEqual({ product_code: "AH01", customer_number: Number(enrollment.customerNumber), open_date: "2026-11-21" });
    for (const call of calls) {
      expect(call.durationMs).not.toBeNull();
      expect(call.requestBody).not.toContain(CORE_PASSWORD);
      expect(call.url).not.toContain(CORE_PASSWORD);
    }
    expectNoDuplicates(ledger);
  });

  it("the onboarding app's outcome lookup shows the customer number and the account", async () => {
    const { id, enrollment, products } = await pushWith({});
    const outcome = await getEnrollmentOutcome(prisma, { id, keyHash: TEST_INTAKE_KEY_HASH });
    const account = (products[0]!.accounts as { accountNumber: string }[])[0]!.accountNumber;
    expect(outcome).toMatchObject({ status: "pushed", customer_number: Number(enrollment.customerNumber), accounts: [{ account_product: "AH01", account_number: account }] });
  });
});

describe("push pipeline: core_customer faults", () => {
  for (const kind of ["timeout", "status500", "reset", "garbage"] as const) {
    it(`${kind} once: retried (the core upserts), then pushed with one customer`, async () => {
      const { enrollment, calls, ledger, products } = await pushWith({ core_customer: { kind, times: 1, afterProcessing: true } });
      expect(enrollment.status).toBe("pushed");
      const customerCalls = calls.filter((c) => c.step === "core_customer");
      expect(customerCalls.map((c) => c.outcome)).toEqual(["unknown", "success"]);
      expect(products[0]!.status).toBe("opened");
      expect(ledger.customers).toHaveLength(1);
      expectNoDuplicates(ledger);
    });

    it(`${kind} every time: failed with the reason after the bounded attempts, no product sent`, async () => {
      const { enrollment, calls, ledger, products } = await pushWith({ core_customer: { kind } });
      expect(enrollment.status).toBe("failed");
      expect(enrollment.pushError).toMatch(/^core_customer: .*\(after 3 attempts\)$/);
      expect(calls.map((c) => c.step)).toEqual(["core_customer", "core_customer", "core_customer"]);
      expect(calls.every((c) => c.outcome === "unknown")).toBe(true);
      expect(products[0]!.status).toBe("queued");
      expect(ledger.accounts).toEqual([]);
    });
  }

  it("400: the core's message verbatim on the enrollment, back to in review, no retry, no product", async () => {
    const message = "El campo client_info.birth_date no es válido";
    const { enrollment, calls, ledger, products } = await pushWith({ core_customer: { kind: "status400", message } });
    expect(enrollment.status).toBe("in_review");
    expect(enrollment.pushError).toBe(message);
    expect(calls.map((c) => [c.step, c.outcome, c.httpStatus])).toEqual([["core_customer", "rejected", 400]]);
    expect(JSON.parse(calls[0]!.responseBody!)).toEqual({ message });
    expect(products[0]!.status).toBe("queued");
    expect(ledger.customers).toEqual([]);
  });
});

describe("push pipeline: core_product faults", () => {
  for (const kind of ["timeout", "status500", "reset", "garbage"] as const) {
    for (const afterProcessing of [false, true]) {
      it(`${kind} (${afterProcessing ? "after" : "before"} the core opened it): needs reconciliation, sent exactly once`, async () => {
        const { enrollment, calls, ledger, products } = await pushWith({ core_product: { kind, afterProcessing } });
        expect(enrollment.status).toBe("needs_reconciliation");
        expect(products[0]!.status).toBe("needs_reconciliation");
        expect(products[0]!.message).toBeTruthy();
        const productCalls = calls.filter((c) => c.step === "core_product");
        expect(productCalls).toHaveLength(1);
        expect(productCalls[0]!.outcome).toBe("unknown");
        expect(ledger.accounts).toHaveLength(afterProcessing ? 1 : 0);
        expectNoDuplicates(ledger);
      });
    }
  }

  it("400: refused with the core's message, enrollment failed, not retried", async () => {
    const message = "Producto no disponible para este cliente";
    const { enrollment, calls, ledger, products } = await pushWith({ core_product: { kind: "status400", message } });
    expect(products[0]).toMatchObject({ status: "refused" });
    expect(products[0]!.message).toContain(message);
    expect(enrollment.status).toBe("failed");
    expect(enrollment.pushError).toContain(message);
    expect(calls.filter((c) => c.step === "core_product").map((c) => [c.outcome, c.httpStatus])).toEqual([["rejected", 400]]);
    expect(ledger.accounts).toEqual([]);
  });

  it("partial accounts_info: both entries stored, the product partly opened, never resent", async () => {
    const { enrollment, calls, ledger, products } = await pushWith({ core_product: { kind: "partial" } });
    expect(products[0]!.status).toBe("partial");
    const accounts = products[0]!.accounts as { action: string; accountNumber: string | null; message: string | null }[];
    expect(accounts.map((a) => a.action).sort()).toEqual(["CREATE", "ERROR"]);
    expect(accounts.find((a) => a.action === "CREATE")!.accountNumber).toBeTruthy();
    expect(accounts.find((a) => a.action === "ERROR")!.message).toBeTruthy();
    expect(enrollment.status).toBe("pushed");
    // Pushed, yet the refused account is said on the enrollment, not only inside the product.
    expect(enrollment.pushError).toContain("AH01: ");
    expect(calls.filter((c) => c.step === "core_product")).toHaveLength(1);
    expectNoDuplicates(ledger);
  });

  it("connection refused: certainly not sent, so sent again; opened once", async () => {
    harness = await startCore();
    const id = await intakeFixture();
    await queuePush(id, [product("AH01")]);
    // core_product goes first to a port nobody listens on (refused), then to the real core.
    const dead = createCoreClient({ baseUrl: "http://127.0.0.1:9", username: CORE_USER, password: CORE_PASSWORD, timeoutMs: 1500 });
    let productCalls = 0;
    const core = {
      pushCustomer: harness.core.pushCustomer,
      openProduct: (body: Parameters<typeof harness.core.openProduct>[0]) => (++productCalls === 1 ? dead.openProduct(body) : harness.core.openProduct(body)),
    };
    await runPush(pushDeps({ url: harness.url, core }, lockPool), id);
    const calls = (await loadCalls(id)).filter((c) => c.step === "core_product");
    expect(calls.map((c) => [c.attempt, c.outcome])).toEqual([
      [1, "not_sent"],
      [2, "success"],
    ]);
    expect((await loadProducts(id))[0]!.status).toBe("opened");
    expect((await loadEnrollment(id)).status).toBe("pushed");
    expect(harness.sandbox.ledger.snapshot().accounts).toHaveLength(1);
  });

  it("each product is its own call: one refused, one opened", async () => {
    harness = await startCore();
    const id = await intakeFixture();
    await queuePush(id, [product("AH01"), product("CC01")]);
    harness.sandbox.setFaults({ core_product: { kind: "status400", message: "no", times: 1 } });
    await runPush(pushDeps(harness, lockPool), id);
    const products = await loadProducts(id);
    expect(products.map((p) => [p.productCode, p.status])).toEqual([
      ["AH01", "refused"],
      ["CC01", "opened"],
    ]);
    expect((await loadEnrollment(id)).status).toBe("failed");
  });
});

describe("push requests and reconciliation", () => {
  it("one push at a time: a concurrent second request gets in_progress, a second worker run gets busy", async () => {
    harness = await startCore();
    harness.sandbox.setFaults({ core_customer: { kind: "delay", ms: 300, times: 1 } });
    const id = await intakeFixture();
    const { version } = await loadEnrollment(id);
    const [a, b] = await Promise.all([
      requestPush(prisma, { enrollmentId: id, expectedVersion: version, products: [product("AH01")], actor }),
      requestPush(prisma, { enrollmentId: id, expectedVersion: version, products: [product("AH01")], actor }),
    ]);
    expect([a.kind, b.kind].sort()).toEqual(["in_progress", "queued"]);
    expect(await prisma.productRequest.count({ where: { enrollmentId: id } })).toBe(1);
    const deps = pushDeps(harness, lockPool);
    const [r1, r2] = await Promise.all([runPush(deps, id), new Promise((r) => setTimeout(r, 50)).then(() => runPush(deps, id))]);
    expect([r1.kind, r2.kind].sort()).toEqual(["busy", "settled"]);
    expect(harness.sandbox.ledger.snapshot().accounts).toHaveLength(1);
    expect(await runPush(deps, id)).toEqual({ kind: "idle" });
  });

  it("refuses a joint holder given by a wisenroll code no enrollment has, writing and sending nothing", async () => {
    const id = await intakeFixture();
    const { version } = await loadEnrollment(id);
    const unknown = { customerNumber: null, relatedWisenrollCode: "ZZZZZZ", accountLinkTypeCode: "Y", authorizedSignature: 1 as const, mainDocument: null };
    const result = await requestPush(prisma, { enrollmentId: id, expectedVersion: version, products: [{ ...product("AH01"), related: [unknown] }], actor });
    expect(result).toEqual({ kind: "invalid", errors: [{ path: "products.0.related.0.relatedWisenrollCode", message: "no enrollment has this wisenroll code" }] });
    const after = await loadEnrollment(id);
    expect([after.status, after.pushSeq]).toEqual(["received", 0]);
    expect(await prisma.productRequest.count({ where: { enrollmentId: id } })).toBe(0);
    expect(await prisma.outboundCall.count({ where: { enrollmentId: id } })).toBe(0);
  });

  it("refuses a stale version, an enrollment with issues, and unknown product codes, writing nothing", async () => {
    const id = await intakeFixture();
    const { version } = await loadEnrollment(id);
    expect(await requestPush(prisma, { enrollmentId: id, expectedVersion: version + 1, products: [], actor })).toEqual({ kind: "stale", currentVersion: version });
    const bad = await requestPush(prisma, { enrollmentId: id, expectedVersion: version, products: [product("ZZ99")], actor });
    expect(bad).toEqual({ kind: "invalid", errors: [{ path: "products.0.productCode", message: "ZZ99 is not an active product code" }] });
    const after = await loadEnrollment(id);
    expect(after.status).toBe("received");
    expect(after.pushSeq).toBe(0);
    expect(await prisma.productRequest.count({ where: { enrollmentId: id } })).toBe(0);
  });

  it("four-eyes: the last editor is refused (and audited), another officer may push", async () => {
    const [editor, approver] = await Promise.all(
      ["fe-editor", "fe-approver"].map((username) =>
        prisma.user.upsert({ where: { username }, create: { username, displayName: username, role: "officer", passwordHash: "x" }, update: {} }),
      ),
    );
    const id = await intakeFixture();
    const before = await loadEnrollment(id);
    const contact = { ...(before.payload as { client_contact: object }).client_contact, email: "edited@example.com" };
    const saved = await saveSection(prisma, { enrollmentId: id, expectedSectionVersion: 0, section: "client_contact", value: contact, actor: { id: editor!.id, label: "fe-editor" } });
    expect(saved.kind).toBe("saved");
    process.env.FOUR_EYES = "on";
    try {
      const refused = await requestPush(prisma, { enrollmentId: id, expectedVersion: 2, products: [], actor: { id: editor!.id, label: "fe-editor" } });
      expect(refused).toEqual({ kind: "four_eyes" });
      expect(await prisma.auditEvent.count({ where: { targetId: id, action: "enrollment.push_refused" } })).toBe(1);
      const allowed = await requestPush(prisma, { enrollmentId: id, expectedVersion: 2, products: [], actor: { id: approver!.id, label: "fe-approver" } });
      expect(allowed).toEqual({ kind: "queued", pushSeq: 1 });
    } finally {
      delete process.env.FOUR_EYES;
    }
  });

  it("a later push updates the customer with its number and does not resend an opened product", async () => {
    const first = await pushWith({});
    const customerNumber = Number(first.enrollment.customerNumber);
    await queuePush(first.id, [product("CC01")]);
    await runPush(pushDeps(harness, lockPool), first.id);
    const calls = await loadCalls(first.id);
    const second = calls.find((c) => c.callKey === customerCallKey(first.id, 2))!;
    expect(JSON.parse(second.requestBody).client_info.customer_number).toBe(customerNumber);
    expect(calls.filter((c) => c.step === "core_product").map((c) => JSON.parse(c.requestBody).product_code)).toEqual(["AH01", "CC01"]);
    const ledger = harness.sandbox.ledger.snapshot();
    expect(ledger.customers).toHaveLength(1);
    expect(ledger.accounts).toHaveLength(2);
    expect((await loadEnrollment(first.id)).status).toBe("pushed");
  });

  it("reconciliation: entering the account number settles to pushed, audited", async () => {
    const { id, products, ledger } = await pushWith({ core_product: { kind: "timeout", afterProcessing: true } });
    // what the core shows: the account it opened although its answer was lost
    const accountNumber = ledger.accounts[0]!.accountNumber;
    const result = await resolveProduct(prisma, { productRequestId: products[0]!.id, resolution: "opened", accountNumber, actor });
    expect(result).toEqual({ kind: "resolved", status: "pushed", enrollmentId: id });
    expect((await loadProducts(id))[0]).toMatchObject({ status: "opened", resolution: "opened", resolvedAccountNumber: accountNumber });
    expect(await prisma.auditEvent.count({ where: { targetId: id, action: "product.reconciled" } })).toBe(1);
    // Only a product still waiting for a person can be resolved.
    expect(await resolveProduct(prisma, { productRequestId: products[0]!.id, resolution: "not_created", actor })).toEqual({ kind: "not_pending" });
  });

  it("reconciliation: confirmed not created, then the next push sends it again under a new call key", async () => {
    const { id, products } = await pushWith({ core_product: { kind: "status500", times: 1 } });
    expect(products[0]!.status).toBe("needs_reconciliation");
    const resolved = await resolveProduct(prisma, { productRequestId: products[0]!.id, resolution: "not_created", actor });
    expect(resolved).toEqual({ kind: "resolved", status: "customer_saved", enrollmentId: id });
    await queuePush(id, []);
    await runPush(pushDeps(harness, lockPool), id);
    const after = await loadProducts(id);
    expect(after[0]).toMatchObject({ status: "opened", sendCount: 1 });
    const productCalls = (await loadCalls(id)).filter((c) => c.step === "core_product");
    expect(productCalls.map((c) => c.callKey)).toEqual([`core_product:${after[0]!.id}:0`, `core_product:${after[0]!.id}:1`]);
    expect((await loadEnrollment(id)).status).toBe("pushed");
    expect(harness.sandbox.ledger.snapshot().accounts).toHaveLength(1);
  });

  /** Deps whose `n`-th arrival at `at` throws, as if the worker died right there. */
  const dyingAt = (at: string, n: number) => {
    let seen = 0;
    return pushDeps(harness, lockPool, {
      crashpoint: (point) => {
        if (point === at && ++seen === n) throw new Error("simulated crash");
      },
    });
  };

  it("a core_customer attempt left in flight by a dead worker is closed as unknown and sent again", async () => {
    harness = await startCore();
    const id = await intakeFixture();
    await queuePush(id, [product("AH01")]);
    await expect(runPush(dyingAt("before_send", 1), id)).rejects.toThrow("simulated crash");
    expect(await runPush(pushDeps(harness, lockPool), id)).toEqual({ kind: "settled", status: "pushed" });
    const customerCalls = (await loadCalls(id)).filter((c) => c.step === "core_customer");
    expect(customerCalls.map((c) => [c.outcome, c.error])).toEqual([
      ["unknown", reasonText(STALE_ATTEMPT_REASON)],
      ["success", null],
    ]);
  });

  it("a core_product attempt left in flight by a dead worker goes to reconciliation, never back to the core", async () => {
    harness = await startCore();
    const id = await intakeFixture();
    await queuePush(id, [product("AH01")]);
    await expect(runPush(dyingAt("after_response", 2), id)).rejects.toThrow("simulated crash");
    // The core opened the account; the worker died before recording the answer.
    expect(harness.sandbox.ledger.snapshot().accounts).toHaveLength(1);
    expect(await runPush(pushDeps(harness, lockPool), id)).toEqual({ kind: "settled", status: "needs_reconciliation" });
    const [only] = await loadProducts(id);
    expect(only).toMatchObject({ status: "needs_reconciliation", message: reasonText(STALE_ATTEMPT_REASON) });
    const productCalls = (await loadCalls(id)).filter((c) => c.step === "core_product");
    expect(productCalls.map((c) => c.outcome)).toEqual(["unknown"]);
    expect(harness.sandbox.ledger.snapshot().accounts).toHaveLength(1);
  });
});
