// AMLYZE simplified-customer wire format (docs/CONTRACTS.md §4): request and the response forms.
import { z } from "zod";
import { ZRealDate } from "../core/schemas";

export const AMLYZE_DEFAULT_PATH = "/amlyze-ws-rest/simplified-customer";
export const AMLYZE_ENTITY_TYPES = ["INDIVIDUAL", "ORGANIZATION"] as const;
export const AMLYZE_CUSTOMER_STATUSES = ["PENDING", "ACTIVE", "REJECTED", "SUSPENDED", "CLOSED"] as const;
export const AMLYZE_RISK_LEVELS = ["NONE", "LOW", "MEDIUM", "HIGH", "EXTREME"] as const;

export type TAmlyzeCustomerStatus = (typeof AMLYZE_CUSTOMER_STATUSES)[number];

// No transforms (e.g. trim): the client sends the object it was given, so what passes the
// schema must already be exactly what goes on the wire.
const ZText = (max?: number) => {
  const base = max === undefined ? z.string() : z.string().max(max, `at most ${max} characters`);
  return base.refine((s) => s.trim() !== "", "required");
};

/**
 * Strict: every key is one AMLYZE is known to take. The optional extras beyond `riskLevel`
 * (CONTRACTS §4) are named as in AMLYZE's public REST reference for INDIVIDUAL customers
 * (github.com/Amlyze/api-integration-documentation): `birthDate`, `citizenshipCountry`,
 * `nationalCode`. They are not confirmed for simplified-customer, hence opt-in.
 */
export const ZSimplifiedCustomerRequest = z.strictObject({
  communicationNumber: ZText(255),
  requester: ZText(100),
  riskManagementCategory: ZText(),
  entityType: z.enum(AMLYZE_ENTITY_TYPES),
  customerExtId: ZText(),
  firstName: ZText(),
  lastName: ZText(),
  customerStatus: z.enum(AMLYZE_CUSTOMER_STATUSES),
  riskLevel: z.enum(AMLYZE_RISK_LEVELS).optional(),
  birthDate: ZRealDate.optional(),
  citizenshipCountry: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code").optional(),
  nationalCode: ZText().optional(),
});
export type TSimplifiedCustomerRequest = z.infer<typeof ZSimplifiedCustomerRequest>;

// ---- responses ---------------------------------------------------------------------------

/** 200 */
export const ZAccepted = z.looseObject({ resultType: z.literal("REQUEST_ACCEPTED") });
/** 404 / 500 (and our sandbox's 401): {"resultType":"REQUEST_REJECTED","status":N,"error":"..."} */
export const ZRejectedForm = z.looseObject({
  resultType: z.literal("REQUEST_REJECTED"),
  status: z.number().optional(),
  error: z.string().optional(),
});
/** 400, the seed's form: {"errors":["CommunicationNumber is mandatory"]}; objects tolerated. */
export const ZErrorsForm = z.looseObject({ errors: z.array(z.unknown()) });
/** 4XX, the public reference's form: {"errorCode":"C002","errorDescription":"..."} */
export const ZErrorCodeForm = z.looseObject({ errorCode: z.union([z.string(), z.number()]), errorDescription: z.string().optional() });
