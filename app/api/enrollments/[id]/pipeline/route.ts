import { NextResponse } from "next/server";
import { requireEnrollmentApi } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { readSnapshot } from "@/lib/db/snapshot";
import { getPipeline } from "@/lib/push/get-pipeline";
import { maskPipeline } from "@/lib/push/mask-pipeline";

// GET /api/enrollments/{id}/pipeline — the live push pipeline of one enrollment (session auth).
// A role that may not edit enrollments reads the document numbers masked, as on the page.
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const auth = await requireEnrollmentApi("enrollment:read", id);
  if (auth.response) return auth.response;
  // one snapshot: the status and the steps agree even while the worker commits (polling stops on a final status)
  const pipeline = await readSnapshot((db) => getPipeline(db, id));
  if (!pipeline) return NextResponse.json({ error: "not found" }, { status: 404 });
  const shown = can(auth.user.role, "enrollment:edit") ? pipeline : maskPipeline(pipeline);
  return NextResponse.json(shown, { headers: { "Cache-Control": "no-store" } });
}
