// Response shapes of the intake API; the OpenAPI document is generated from these and from
// the request schemas in parse-intake.ts.
import { z } from "zod";
import { ENROLLMENT_STATUSES } from "@/lib/queue/queue-filters";

export const ZApiErrors = z
  .object({
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
    existing_id: z.uuid().optional(),
  })
  .meta({ id: "ApiErrors", description: "Every problem found, each naming the field (dotted path)" });

export const ZIntakeAccepted = z
  .object({
    id: z.uuid(),
    status: z.string(),
    issues: z.number().int().meta({ description: "Number of field-rule violations the reviewers must fix" }),
  })
  .meta({ id: "IntakeAccepted" });

export const ZEnrollmentOutcome = z
  .object({
    id: z.uuid(),
    status: z.enum(ENROLLMENT_STATUSES),
    issues: z.number().int(),
    customer_number: z.number().int().nullable(),
    accounts: z.array(z.object({ account_product: z.string(), account_number: z.string() })),
    aml_status: z.string().nullable(),
  })
  .meta({ id: "EnrollmentOutcome" });

export type TEnrollmentOutcome = z.infer<typeof ZEnrollmentOutcome>;
