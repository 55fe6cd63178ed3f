// The console's API as an OpenAPI 3.1 document: the intake (hand over an enrollment, follow its
// outcome) and AMLYZE's results webhook. Request and response shapes come from the zod schemas
// the routes use; the eight sections from the field table (lib/enrollment/json-schema.ts).
import { z } from "zod";
import { BATCH_CONTENT_TYPE, MAX_BATCH_EVENTS, ZCloudEvent } from "@/lib/aml/cloud-event";
import { SIGNATURE_HEADER, SIGNED_HEADERS, SIGNING_STRING_VERSION } from "@/lib/aml/webhook-signing";
import { sectionJsonSchemas, sectionProperties, type TJsonSchema } from "@/lib/enrollment/json-schema";
import { ZRelatedClientInfo } from "@/lib/integrations/core/schemas";
import { ZApiErrors, ZEnrollmentOutcome, ZIntakeAccepted } from "@/lib/intake/api-schemas";
import { ZIntakeBody, ZRequestedProduct } from "@/lib/intake/parse-intake";

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { "application/json": { schema: ref(id) } } });

const ZWebhookStored = z.object({
  stored: z.number().int().meta({ description: "Events stored by this delivery" }),
  duplicates: z.number().int().meta({ description: "Events already received (same id): ignored" }),
});
const ZWebhookError = z.object({
  error: z.string().meta({ description: "Why, naming each problem (paths or headers, never values)" }),
  stored: z.number().int().optional().meta({ description: "A batch with bad events: the good ones were stored all the same" }),
  duplicates: z.number().int().optional(),
});

/** The zod-described schemas, by component name. */
const ZOD_SCHEMAS: [string, z.ZodType][] = [
  ["IntakeEnrollment", ZIntakeBody],
  ["RequestedProduct", ZRequestedProduct],
  ["RelatedClientInfo", ZRelatedClientInfo],
  ["IntakeAccepted", ZIntakeAccepted],
  ["ApiErrors", ZApiErrors],
  ["EnrollmentOutcome", ZEnrollmentOutcome],
  ["CloudEvent", ZCloudEvent],
  ["WebhookStored", ZWebhookStored],
  ["WebhookError", ZWebhookError],
];

function zodSchemas(): Record<string, TJsonSchema> {
  // Every schema with an id is in this registry, so each reference points at a component.
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of ZOD_SCHEMAS) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  for (const schema of Object.values(schemas)) delete (schema as { $schema?: string }).$schema;
  return schemas as Record<string, TJsonSchema>;
}

type TObjectSchema = { properties: Record<string, TJsonSchema>; additionalProperties?: unknown };

function buildSchemas(): Record<string, TJsonSchema> {
  const schemas = { ...zodSchemas(), ...sectionJsonSchemas(ref) };
  // The intake checks only the body's shape; the document says what each section holds.
  const intake = schemas.IntakeEnrollment as TObjectSchema;
  for (const [key, schema] of Object.entries(sectionProperties(ref))) {
    if (!(key in intake.properties)) throw new Error(`openapi: ZIntakeBody has no ${key}`);
    intake.properties[key] = schema;
  }
  const product = schemas.RequestedProduct as TObjectSchema;
  product.properties.related_client_info = {
    type: "array",
    items: ref("RelatedClientInfo"),
    description: "Joint holders or beneficiaries, as core_product takes them; they prefill the push form",
  };
  // Strict where the console builds the core's body; intake keeps what it is sent.
  delete (schemas.RelatedClientInfo as TObjectSchema).additionalProperties;
  return schemas;
}

const CE_HEADERS = ["specversion", "id", "source", "type", "subject", "time"] as const;
const CE_REQUIRED = new Set<string>(["specversion", "id", "source", "type"]);

const WEBHOOK_DESCRIPTION = [
  "AMLYZE's results as CloudEvents 1.0 in the HTTP binding's three modes: structured (one event, `application/cloudevents+json`, or `application/json` without ce-* headers),",
  `batch (\`${BATCH_CONTENT_TYPE}\`, 1 to ${MAX_BATCH_EVENTS} events, each checked alone) and binary (the attributes in ce-* headers, the body is the event's data of the type Content-Type says).`,
  "Idempotent by event id, in any order. `time` must not be more than the allowed clock skew ahead of the console's clock.",
  "",
  `Authentication: \`${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256>\` with the webhook secret, over the signing string:`,
  "",
  "```",
  SIGNING_STRING_VERSION,
  ...SIGNED_HEADERS.map((name) => `${name}:<value as sent, empty when absent>`),
  "",
  "<raw body>",
  "```",
  "",
  "every line ended by a line feed. A signature of the raw body alone is accepted in structured mode only. With `AMLYZE_WEBHOOK_AUTH=bearer`: `Authorization: Bearer <secret>` instead.",
].join("\n");

const webhookError = (description: string) => json("WebhookError", description);

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Enrollment Console API",
      version: "1.0.0",
      description:
        "How the onboarding app hands enrollments to the console and follows their outcome, and how AMLYZE delivers its results. " +
        "Intake accepts an enrollment with missing or wrong fields (the reviewers fix them); the schemas say what passes the field rules, " +
        "and `x-required-for-push: true` marks what must be present and non-empty before a push (inside an optional object: whenever that object is present). " +
        "A field without it may be missing, null or \"\": all three mean no value. Unknown keys are kept and sent on unchanged.",
    },
    components: {
      schemas: buildSchemas(),
      securitySchemes: {
        intakeKey: { type: "http", scheme: "bearer", description: "An intake API key" },
        amlyzeSignature: { type: "apiKey", in: "header", name: SIGNATURE_HEADER, description: "sha256=<hex HMAC-SHA256 of the signing string, with the webhook secret>" },
        amlyzeBearer: { type: "http", scheme: "bearer", description: "The webhook secret, when AMLYZE_WEBHOOK_AUTH=bearer" },
      },
    },
    security: [{ intakeKey: [] }],
    paths: {
      "/api/v1/enrollments": {
        post: {
          summary: "Hand over one enrollment",
          requestBody: { required: true, content: { "application/json": { schema: ref("IntakeEnrollment") } } },
          responses: {
            "201": json("IntakeAccepted", "Stored; `issues` counts the field-rule violations to fix in review"),
            "200": json("IntakeAccepted", "The same content was received before: the existing enrollment"),
            "400": json("ApiErrors", "Not JSON, not an object, no client_info object, or bad requested_products"),
            "401": json("ApiErrors", "Missing or invalid intake key"),
            "409": json("ApiErrors", "This wisenroll_code was received before with different content"),
            "413": json("ApiErrors", "Body over 1 MiB"),
          },
        },
      },
      "/api/v1/enrollments/{id}": {
        get: {
          summary: "Follow an enrollment's outcome",
          description: "Only for the key that sent it: another key gets 404, as for an unknown id.",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: {
            "200": json("EnrollmentOutcome", "Status, customer number, accounts and AML status"),
            "401": json("ApiErrors", "Missing or invalid intake key"),
            "404": json("ApiErrors", "No enrollment with this id"),
          },
        },
      },
      "/api/v1/amlyze/events": {
        post: {
          summary: "AMLYZE delivers its results (CloudEvents 1.0 webhook)",
          description: WEBHOOK_DESCRIPTION,
          security: [{ amlyzeSignature: [] }, { amlyzeBearer: [] }],
          parameters: CE_HEADERS.map((name) => ({
            name: `ce-${name}`,
            in: "header",
            required: false,
            description: `Binary mode: the event's \`${name}\` attribute, percent-encoded${CE_REQUIRED.has(name) ? " (required in binary mode)" : ""}`,
            schema: { type: "string" },
          })),
          requestBody: {
            required: true,
            description: "One event, a batch, or (binary mode) the event's data",
            content: {
              "application/cloudevents+json": { schema: ref("CloudEvent") },
              "application/json": { schema: ref("CloudEvent") },
              [BATCH_CONTENT_TYPE]: { schema: { type: "array", minItems: 1, maxItems: MAX_BATCH_EVENTS, items: ref("CloudEvent") } },
              "*/*": { schema: { description: "Binary mode: the event's data, of the type Content-Type says" } },
            },
          },
          responses: {
            "200": json("WebhookStored", "Stored (or already received)"),
            "400": webhookError("Malformed: each problem named; in a batch the good events are stored all the same"),
            "401": webhookError("Missing or wrong signature or secret"),
            "413": webhookError("Body larger than the limit (256 KiB by default)"),
            "415": webhookError("Neither a JSON or CloudEvents media type nor binary mode"),
            "500": webhookError("Could not store the events (nothing was stored): deliver again"),
            "503": webhookError("No webhook secret is configured"),
          },
        },
      },
    },
  };
}
