import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { parseIntake } from "@/lib/intake/parse-intake";
import { createProductCode, deleteProductCode, listProductCodes, updateProductCode } from "@/lib/product-codes/manage-product-codes";
import { ZCreateProductCode } from "@/lib/product-codes/product-code-schemas";
import { listActiveProductCodes } from "@/lib/push/product-codes";
import { requestPush } from "@/lib/push/request-push";
import { prisma, uniqueCode } from "./db";

const ctx = { actor: { id: null, label: "products-test" }, ip: "10.0.0.7" };
const newCode = () => `Q${uniqueCode(3)}`;
const auditOf = (code: string) => prisma.auditEvent.findMany({ where: { targetType: "product_code", targetId: code }, orderBy: { id: "asc" } });

async function enrollment(): Promise<{ id: string; version: number }> {
  const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
  body.client_info.wisenroll_code = uniqueCode();
  // a person of its own: the seed's document under another test's name would be an identity conflict
  const main = (body.client_documents as Array<{ main: number; document_number: string }>).find((doc) => doc.main === 1)!;
  main.document_number = `PC${uniqueCode(10)}`;
  const parsed = parseIntake(JSON.stringify(body));
  if (!parsed.ok) throw new Error("fixture rejected");
  const result = await intakeEnrollment(prisma, { ...parsed, actor: ctx.actor });
  if (result.kind !== "created") throw new Error(result.kind);
  return { id: result.enrollment.id, version: 1 };
}

describe("product codes", () => {
  it("the code is 1–4 capital letters or digits, stored upper-case as the field shows it", () => {
    const parse = (code: string) => ZCreateProductCode.safeParse({ code, name: "N", description: "", active: true });
    expect(["A", "AH01", "9999", " CC1 ", "ah01"].map((c) => parse(c).data?.code)).toEqual(["A", "AH01", "9999", "CC1", "AH01"]);
    expect(["", "AH012", "AH-1", "ÁH01", "áh01"].map((c) => parse(c).success)).toEqual([false, false, false, false, false]);
  });

  it("creates, refuses a duplicate, edits and deactivates: an officer can request only an active code", async () => {
    const code = newCode();
    expect(await createProductCode(prisma, { code, name: "Cuenta nómina", description: "", active: true }, ctx)).toEqual({ kind: "done" });
    expect(await createProductCode(prisma, { code, name: "Again", description: "", active: true }, ctx)).toEqual({ kind: "taken" });
    expect((await listActiveProductCodes(prisma)).map((c) => c.code)).toContain(code);

    expect(await updateProductCode(prisma, { code, name: "Cuenta nómina", description: "Payroll account", active: true }, ctx)).toEqual({ kind: "done" });
    expect(await updateProductCode(prisma, { code, name: "Cuenta nómina", description: "Payroll account", active: false }, ctx)).toEqual({ kind: "done" });
    expect((await listActiveProductCodes(prisma)).map((c) => c.code)).not.toContain(code);
    const target = await enrollment();
    const refused = await requestPush(prisma, { enrollmentId: target.id, expectedVersion: target.version, products: [{ productCode: code, openDate: "2026-11-21", related: [] }], actor: ctx.actor });
    expect(refused).toEqual({ kind: "invalid", errors: [{ path: "products.0.productCode", message: `${code} is not an active product code` }] });
    expect(await prisma.productRequest.count({ where: { enrollmentId: target.id } })).toBe(0);

    expect((await auditOf(code)).map((e) => e.action)).toEqual(["product_code.created", "product_code.updated", "product_code.deactivated"]);
    expect(await updateProductCode(prisma, { code: "ZZZZ", name: "x", description: "", active: true }, ctx)).toEqual({ kind: "not_found" });
  });

  it("an admin sets how many digits the core's account numbers of a product have (4 to 40, or empty to learn them), audited", async () => {
    const parse = (accountNumberLength: unknown) => ZCreateProductCode.safeParse({ code: "AH01", name: "N", description: "", active: true, accountNumberLength });
    expect(["", null, undefined, "12", 4, 40].map((value) => parse(value).success)).toEqual([true, true, true, true, true, true]);
    expect(parse("12").data?.accountNumberLength).toBe(12);
    expect(parse("").data?.accountNumberLength).toBeNull();
    for (const bad of ["3", "41", "1.5", "twelve"]) expect(parse(bad).error?.issues[0]).toMatchObject({ path: ["accountNumberLength"], message: "accountNumberLength" });

    const code = newCode();
    await createProductCode(prisma, { code, name: "Cuenta", description: "", active: true, accountNumberLength: 12 }, ctx);
    expect((await listProductCodes(prisma)).find((row) => row.code === code)?.accountNumberLength).toBe(12);
    await updateProductCode(prisma, { code, name: "Cuenta", description: "", active: true, accountNumberLength: null }, ctx);
    expect((await prisma.productCode.findUniqueOrThrow({ where: { code } })).accountNumberLength).toBeNull();
    const audit = await auditOf(code);
    expect(audit.map((e) => [e.action, e.details])).toEqual([
      ["product_code.created", { active: true, accountNumberLength: 12 }],
      ["product_code.updated", { changed: ["accountNumberLength"], active: true, accountNumberLength: null }],
    ]);
  });

  it("deletes a code never requested; a requested one is only deactivated", async () => {
    const unused = newCode();
    await createProductCode(prisma, { code: unused, name: "Unused", description: "", active: true }, ctx);
    expect(await deleteProductCode(prisma, unused, ctx)).toEqual({ kind: "done" });
    expect(await prisma.productCode.findUnique({ where: { code: unused } })).toBeNull();
    expect((await auditOf(unused)).map((e) => e.action)).toEqual(["product_code.created", "product_code.deleted"]);

    const used = newCode();
    await createProductCode(prisma, { code: used, name: "Used", description: "", active: true }, ctx);
    const target = await enrollment();
    await prisma.productRequest.create({ data: { enrollmentId: target.id, position: 0, productCode: used, openDate: new Date("2026-11-21") } });
    expect(await deleteProductCode(prisma, used, ctx)).toEqual({ kind: "in_use" });
    expect((await listProductCodes(prisma)).find((row) => row.code === used)).toMatchObject({ requests: 1, active: true });
    expect(await deleteProductCode(prisma, "ZZZZ", ctx)).toEqual({ kind: "not_found" });
  });
});
