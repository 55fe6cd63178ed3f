import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiPermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { getPipeline } from "@/lib/push/get-pipeline";

// GET /api/enrollments/{id}/pipeline — the live push pipeline of one enrollment (session auth).
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const auth = await requireApiPermission("enrollment:read");
  if (auth.response) return auth.response;
  const { id } = await context.params;
  if (!z.uuid().safeParse(id).success) return NextResponse.json({ error: "not found" }, { status: 404 });
  const pipeline = await getPipeline(prisma, id);
  if (!pipeline) return NextResponse.json({ error: "not found" }, { status: 404 });
  return NextResponse.json(pipeline, { headers: { "Cache-Control": "no-store" } });
}
