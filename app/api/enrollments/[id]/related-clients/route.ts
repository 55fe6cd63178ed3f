import { NextResponse } from "next/server";
import { requireEnrollmentApi } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { readJsonBody } from "@/lib/http/read-body";
import { ZRelatedClientLookup } from "@/lib/push/related-client";
import { resolveRelatedClients } from "@/lib/push/related-clients";

const NO_STORE = { "Cache-Control": "no-store" };
const MAX_BODY_BYTES = 16_384;

// POST /api/enrollments/{id}/related-clients {"clients": [{"customerNumber", "relatedWisenrollCode"}]}
// — what the console knows of each related client the push form names for {id}'s products (session
// auth; only roles that may push): the enrollment it is (masked, as in the queue), or that no
// enrollment has the code or the customer number. The push request applies the same rule.
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const auth = await requireEnrollmentApi("enrollment:push", id);
  if (auth.response) return auth.response;
  const read = await readJsonBody(request, MAX_BODY_BYTES);
  if (read.response) return read.response;
  const body = read.body;
  const lookup = ZRelatedClientLookup.safeParse(body);
  if (!lookup.success) return NextResponse.json({ error: "clients: 1 to 100 of {customerNumber, relatedWisenrollCode}" }, { status: 400, headers: NO_STORE });
  const clients = await resolveRelatedClients(prisma, { enrollmentId: id, clients: lookup.data.clients, scope: auth.scope });
  return NextResponse.json({ clients }, { headers: NO_STORE });
}
