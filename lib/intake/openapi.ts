// The intake API's OpenAPI 3.1 document, generated from the zod schemas the route uses.
import { z } from "zod";
import { ZApiErrors, ZEnrollmentOutcome, ZIntakeAccepted } from "@/lib/intake/api-schemas";
import { ZIntakeBody } from "@/lib/intake/parse-intake";

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { "application/json": { schema: ref(id) } } });

export function buildOpenApiDocument() {
  const registry = z.registry<{ id: string }>();
  for (const schema of [ZIntakeBody, ZIntakeAccepted, ZApiErrors, ZEnrollmentOutcome]) {
    registry.add(schema, { id: String(z.globalRegistry.get(schema)?.id) });
  }
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  for (const schema of Object.values(schemas)) delete (schema as { $schema?: string }).$schema;

  return {
    openapi: "3.1.0",
    info: {
      title: "Enrollment Console intake API",
      version: "1.0.0",
      description: "How the onboarding app hands enrollments to the console and follows their outcome.",
    },
    components: {
      schemas,
      securitySchemes: { intakeKey: { type: "http", scheme: "bearer", description: "An intake API key" } },
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
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: {
            "200": json("EnrollmentOutcome", "Status, customer number, accounts and AML status"),
            "401": json("ApiErrors", "Missing or invalid intake key"),
            "404": json("ApiErrors", "No enrollment with this id"),
          },
        },
      },
    },
  };
}
