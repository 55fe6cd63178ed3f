import { NextResponse } from "next/server";
import { handleAmlyzeWebhook } from "@/lib/aml/handle-webhook";
import { webhookEventBatcher } from "@/lib/aml/webhook-batcher";
import { prisma } from "@/lib/db/client";
import { requestAddress } from "@/lib/http/request-address";
import { readBytesLimited } from "@/lib/http/read-body";

// POST /api/v1/amlyze/events — AMLYZE's results as CloudEvents 1.0 (lib/aml/handle-webhook.ts,
// shared with the standalone webhook service, scripts/webhook-server.ts).
export async function POST(request: Request) {
  const result = await handleAmlyzeWebhook(
    { db: prisma, events: webhookEventBatcher() },
    {
      headers: request.headers,
      readBody: async (limit) => {
        const read = await readBytesLimited(request, limit);
        return "tooLarge" in read ? null : read.bytes;
      },
      ip: requestAddress((name) => request.headers.get(name)),
    },
  );
  return NextResponse.json(result.body, { status: result.status });
}
