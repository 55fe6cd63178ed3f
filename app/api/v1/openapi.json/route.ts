import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/intake/openapi";

// GET /api/v1/openapi.json — public on purpose: it describes the API, it holds no data.
export function GET() {
  return NextResponse.json(buildOpenApiDocument());
}
