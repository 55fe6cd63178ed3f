import { NextResponse } from "next/server";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readBodyLimited } from "@/lib/http/read-body";
import { authenticateIntake, handleIntakeBody, INTAKE_TOO_LARGE, INTAKE_UNAUTHORIZED, type TIntakeHttpResult } from "@/lib/intake/handle-intake";
import { MAX_INTAKE_BYTES } from "@/lib/intake/parse-intake";

const respond = (result: TIntakeHttpResult) => NextResponse.json(result.body, { status: result.status, headers: result.headers });

// POST /api/v1/enrollments — the onboarding app hands over one enrollment.
export async function POST(request: Request) {
  const actor = await authenticateIntake(prisma, request.headers.get("authorization"), env().INTAKE_API_KEYS);
  if (!actor) return respond(INTAKE_UNAUTHORIZED);
  const read = await readBodyLimited(request, MAX_INTAKE_BYTES);
  if ("tooLarge" in read) return respond(INTAKE_TOO_LARGE);
  return respond(await handleIntakeBody(prisma, actor, read.text));
}
