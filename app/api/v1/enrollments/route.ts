import { NextResponse } from "next/server";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readBodyLimited } from "@/lib/http/read-body";
import { authenticateIntakeKey } from "@/lib/intake/api-keys";
import { intakeEnrollment } from "@/lib/intake/intake-enrollment";
import { MAX_INTAKE_BYTES, parseIntake } from "@/lib/intake/parse-intake";

const unauthorized = () =>
  NextResponse.json(
    { errors: [{ path: "", message: "A valid intake API key is required (Authorization: Bearer <key>)" }] },
    { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="intake"' } },
  );

// POST /api/v1/enrollments — the onboarding app hands over one enrollment.
export async function POST(request: Request) {
  const actor = await authenticateIntakeKey(prisma, request.headers.get("authorization"), env().INTAKE_API_KEYS);
  if (!actor) return unauthorized();

  const read = await readBodyLimited(request, MAX_INTAKE_BYTES);
  if ("tooLarge" in read) {
    return NextResponse.json({ errors: [{ path: "", message: "Body is larger than 1 MiB" }] }, { status: 413 });
  }
  const parsed = parseIntake(read.text);
  if (!parsed.ok) return NextResponse.json({ errors: parsed.errors }, { status: 400 });

  const result = await intakeEnrollment(prisma, { ...parsed, actor });
  if (result.kind === "conflict") {
    return NextResponse.json(
      {
        errors: [
          {
            path: "client_info.wisenroll_code",
            message: "An enrollment with this wisenroll_code was already received with different content",
          },
        ],
        existing_id: result.existingId,
      },
      { status: 409 },
    );
  }
  return NextResponse.json(result.enrollment, {
    status: result.kind === "created" ? 201 : 200,
    headers: { Location: `/api/v1/enrollments/${result.enrollment.id}` },
  });
}
