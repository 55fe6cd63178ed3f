import { NextResponse } from "next/server";
import { requireEnrollmentApi } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { notePresence, prunePresence } from "@/lib/enrollment/presence";
import { ZPresenceInput } from "@/lib/enrollment/presence-input";
import { readJsonBody } from "@/lib/http/read-body";

const NO_STORE = { "Cache-Control": "no-store" };
const MAX_BODY_BYTES = 1_024;

// POST /api/enrollments/{id}/presence {"editing": ["client_contact"], "leaving"?: true} — an open
// enrollment page says its reader is there (session auth, roles that read enrollments) and learns
// who else is: [{"name": "Olga Officer", "editing": ["client_contact"]}].
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const auth = await requireEnrollmentApi("enrollment:read", id);
  if (auth.response) return auth.response;
  const read = await readJsonBody(request, MAX_BODY_BYTES);
  if (read.response) return read.response;
  if (!read.parsed) return NextResponse.json({ error: "body: not JSON" }, { status: 400, headers: NO_STORE });
  const body = read.body;
  const parsed = ZPresenceInput.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return NextResponse.json({ error: `${issue.path.join(".") || "body"}: ${issue.message}` }, { status: 400, headers: NO_STORE });
  }
  const others = await notePresence(prisma, { ...parsed.data, enrollmentId: id, userId: auth.user.id });
  if (Math.random() < 0.01) void prunePresence(prisma).catch(() => undefined);
  return NextResponse.json({ others }, { headers: NO_STORE });
}
