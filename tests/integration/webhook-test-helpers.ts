// Shared by the webhook's integration tests: deliveries to the console's route signed with the
// body-only signature (the form structured mode accepts), and a customer's events from the
// sandbox's generator for a customer number no enrollment has (events for an unknown customer
// are stored and build its view, so no push is needed).
import { POST } from "@/app/api/v1/amlyze/events/route";
import { signWebhookBody } from "@/lib/aml/webhook-signing";
import { buildEvents } from "@/sandbox/amlyze/events";
import { prisma } from "./db";
import { openEvents } from "./pii-helpers";

export const WEBHOOK_URL = "http://console.test/api/v1/amlyze/events";

export function postWebhook(body: string, headers: Record<string, string>) {
  return POST(new Request(WEBHOOK_URL, { method: "POST", headers, body }));
}

/** A structured (or, with its Content-Type, batch) delivery signed over the body. */
export function deliverSigned(secret: string, body: string, headers: Record<string, string> = {}) {
  return postWebhook(body, { "Content-Type": "application/cloudevents+json", "X-Amlyze-Signature": signWebhookBody(secret, body), ...headers });
}

export function customerEvents(lastName = "MARTINEZ", now?: Date) {
  const customerExtId = String(700_000_000 + Math.floor(Math.random() * 99_999_999));
  const events = buildEvents(
    {
      communicationNumber: `EC-test-${customerExtId}`,
      requester: "financial_institution",
      riskManagementCategory: "FAST",
      entityType: "INDIVIDUAL",
      customerExtId,
      firstName: "ANA",
      lastName,
      customerStatus: "ACTIVE",
    },
    { now },
  );
  return { customerExtId, events };
}

export const viewOf = (customerExtId: string) => prisma.amlCustomer.findUnique({ where: { customerExtId } });

/** The stored events, raw body and data opened (they are stored sealed). */
export const storedEvents = async (customerExtId: string) =>
  openEvents(await prisma.amlEvent.findMany({ where: { customerExtId }, orderBy: { receivedAt: "asc" } }));

export const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;
