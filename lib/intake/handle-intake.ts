// POST /api/v1/enrollments, independent of the HTTP framework: the console's Next.js route and
// the standalone intake service (scripts/intake-server.ts) both answer through this function,
// so the two can never disagree on a status code or an error message.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticateIntakeKey, type TIntakeActor } from "./api-keys";
import { intakeEnrollment } from "./intake-enrollment";
import { parseIntake } from "./parse-intake";

export type TIntakeHttpResult = { status: number; body: unknown; headers?: Record<string, string> };

export const INTAKE_UNAUTHORIZED: TIntakeHttpResult = {
  status: 401,
  body: { errors: [{ path: "", message: "A valid intake API key is required (Authorization: Bearer <key>)" }] },
  headers: { "WWW-Authenticate": 'Bearer realm="intake"' },
};

export const INTAKE_TOO_LARGE: TIntakeHttpResult = { status: 413, body: { errors: [{ path: "", message: "Body is larger than 1 MiB" }] } };

/** Authenticates first (nothing of the body is read before), then the body's text. */
export async function authenticateIntake(db: PrismaClient, authorization: string | null, envKeys: string | undefined) {
  return authenticateIntakeKey(db, authorization, envKeys);
}

export async function handleIntakeBody(db: PrismaClient, actor: TIntakeActor, text: string): Promise<TIntakeHttpResult> {
  const parsed = parseIntake(text);
  if (!parsed.ok) return { status: 400, body: { errors: parsed.errors } };
  const result = await intakeEnrollment(db, { ...parsed, actor: { id: actor.id, label: actor.label }, keyHash: actor.keyHash });
  if (result.kind === "conflict") {
    return {
      status: 409,
      body: {
        errors: [{ path: "client_info.wisenroll_code", message: "An enrollment with this wisenroll_code was already received with different content" }],
        existing_id: result.existingId,
      },
    };
  }
  return {
    status: result.kind === "created" ? 201 : 200,
    body: result.enrollment,
    headers: { Location: `/api/v1/enrollments/${result.enrollment.id}` },
  };
}
