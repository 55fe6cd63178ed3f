// Shape check of an intake body, shared by the API route and the OpenAPI document. Field rules
// are not checked here: an enrollment with missing or wrong fields is still accepted and its
// issues are counted, because fixing it is the reviewer's job.
import { z } from "zod";
import { findUnstorableJson } from "@/lib/json/unstorable-json";

export const MAX_INTAKE_BYTES = 1024 * 1024;

export const ZRequestedProduct = z
  .object({
    product_code: z.string().min(1).max(4).meta({ description: "Product code as configured by an admin" }),
    open_date: z.iso.date().optional().meta({ description: "YYYY-MM-DD; defaults to the push date" }),
    related_client_info: z.array(z.looseObject({})).optional(),
  })
  .meta({ id: "RequestedProduct" });

export const ZIntakeBody = z
  .looseObject({
    client_info: z.looseObject({}).meta({ description: "Personal data; see CONTRACTS.md §1" }),
    client_documents: z.unknown().optional(),
    client_location: z.unknown().optional(),
    client_contact: z.unknown().optional(),
    client_job_info: z.unknown().optional(),
    client_references: z.unknown().optional(),
    client_transactionality: z.unknown().optional(),
    client_entity_branch: z.unknown().optional(),
    requested_products: z.array(ZRequestedProduct).max(20).optional(),
  })
  .meta({ id: "IntakeEnrollment", description: "The core_customer body, optionally with requested_products" });

export type TIntakeBody = z.infer<typeof ZIntakeBody>;
export type TRequestedProduct = z.infer<typeof ZRequestedProduct>;
export type TFieldError = { path: string; message: string };

export type TParsedIntake =
  | { ok: true; body: Record<string, unknown>; payload: Record<string, unknown>; requestedProducts: TRequestedProduct[] }
  | { ok: false; errors: TFieldError[] };

/** Parses the raw request text into the stored body, the core payload and the products. */
export function parseIntake(text: string): TParsedIntake {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: "", message: `Body is not valid JSON: ${(error as Error).message}` }] };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, errors: [{ path: "", message: "Body must be a JSON object" }] };
  }
  // Text PostgreSQL cannot keep, or nesting deep enough to overflow a recursive walk: refused
  // with each field's path before anything else reads the body.
  const unstorable = findUnstorableJson(json);
  if (unstorable.length > 0) return { ok: false, errors: unstorable.map((problem) => ({ path: problem.path.join("."), message: problem.message })) };
  const parsed = ZIntakeBody.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.join("."),
        message: issue.path[0] === "client_info" && issue.path.length === 1 ? "client_info must be an object" : issue.message,
      })),
    };
  }
  const body = json as Record<string, unknown>;
  const { requested_products: _products, ...payload } = body;
  return { ok: true, body, payload, requestedProducts: parsed.data.requested_products ?? [] };
}

/** JSON with object keys sorted, so that the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
