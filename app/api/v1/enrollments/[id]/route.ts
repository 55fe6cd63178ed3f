import { NextResponse } from "next/server";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { authenticateIntakeKey } from "@/lib/intake/api-keys";
import { getEnrollmentOutcome } from "@/lib/intake/enrollment-outcome";

// GET /api/v1/enrollments/{id} — the onboarding app follows an enrollment's outcome; a key reads
// only what it sent (the same 404 as an unknown id, so a key learns nothing of another's ids).
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const actor = await authenticateIntakeKey(prisma, request.headers.get("authorization"), env().INTAKE_API_KEYS);
  if (!actor) {
    return NextResponse.json({ errors: [{ path: "", message: "A valid intake API key is required" }] }, { status: 401 });
  }
  const { id } = await context.params;
  const outcome = await getEnrollmentOutcome(prisma, { id, keyHash: actor.keyHash });
  if (!outcome) return NextResponse.json({ errors: [{ path: "id", message: "No enrollment with this id" }] }, { status: 404 });
  return NextResponse.json(outcome);
}
