import { NextResponse } from "next/server";
import { requireEnrollmentApi } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { readJsonBody } from "@/lib/http/read-body";
import { ZRelatedSearch } from "@/lib/push/related-candidate";
import { searchRelatedCandidates } from "@/lib/push/related-candidates";

const NO_STORE = { "Cache-Control": "no-store" };
const MAX_BODY_BYTES = 1_024;

// POST /api/enrollments/{id}/related-candidates {"q": "..."} — other enrollments the push form may
// name as a related client of {id}'s products (session auth; only roles that may push). The
// search goes in the body, not the URL: it may be a full document number, which must not end up
// in access logs or the browser's history.
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const auth = await requireEnrollmentApi("enrollment:push", id);
  if (auth.response) return auth.response;
  const read = await readJsonBody(request, MAX_BODY_BYTES);
  if (read.response) return read.response;
  const body = read.body;
  const search = ZRelatedSearch.safeParse(body);
  if (!search.success) return NextResponse.json({ error: "q: 2 to 100 characters" }, { status: 400, headers: NO_STORE });
  const rows = await searchRelatedCandidates(prisma, { q: search.data.q, excludeId: id, scope: auth.scope });
  return NextResponse.json({ rows }, { headers: NO_STORE });
}
