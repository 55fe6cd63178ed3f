// AMLYZE simplified-customer validation. Two error forms on purpose: the seed's `errors[]`
// and the public API's `errorCode` form (CONTRACTS §4), so the console must handle both.
import { isPlainObject } from "../http";

export const AMLYZE_RISK_MANAGEMENT_CATEGORIES = ["FAST", "STANDARD"] as const;
export const AMLYZE_ENTITY_TYPES = ["INDIVIDUAL", "ORGANIZATION"] as const;
export const AMLYZE_CUSTOMER_STATUSES = ["PENDING", "ACTIVE", "REJECTED", "SUSPENDED", "CLOSED"] as const;
export const AMLYZE_RISK_LEVELS = ["NONE", "LOW", "MEDIUM", "HIGH", "EXTREME"] as const;

export type TRiskLevel = (typeof AMLYZE_RISK_LEVELS)[number];

export type TAmlyzeSubmission = {
  communicationNumber: string;
  requester: string;
  riskManagementCategory: string;
  entityType: (typeof AMLYZE_ENTITY_TYPES)[number];
  customerExtId: string;
  firstName: string;
  lastName: string;
  customerStatus: (typeof AMLYZE_CUSTOMER_STATUSES)[number];
  riskLevel?: TRiskLevel;
};

export type TAmlyzeValidation =
  | { ok: true; submission: TAmlyzeSubmission }
  | { ok: false; body: { errors: string[] } | { errorCode: string; errorDescription: string } };

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value : undefined);
const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === "string" && (list as readonly string[]).includes(value);

export function validateSubmission(
  value: unknown,
  categories: readonly string[] = AMLYZE_RISK_MANAGEMENT_CATEGORIES,
): TAmlyzeValidation {
  if (!isPlainObject(value)) return { ok: false, body: { errors: ["Malformed JSON request"] } };
  const errors: string[] = [];
  const communicationNumber = text(value.communicationNumber);
  const requester = text(value.requester);
  const entityType = oneOf(AMLYZE_ENTITY_TYPES, value.entityType) ? value.entityType : undefined;
  const customerStatus = oneOf(AMLYZE_CUSTOMER_STATUSES, value.customerStatus) ? value.customerStatus : undefined;
  const firstName = text(value.firstName);
  const lastName = text(value.lastName);
  // Wording and capitalisation follow the seed's own sample: "CommunicationNumber is mandatory".
  if (!communicationNumber) errors.push("CommunicationNumber is mandatory");
  else if (communicationNumber.length > 255) errors.push("CommunicationNumber must not exceed 255 characters");
  if (!requester) errors.push("Requester is mandatory");
  else if (requester.length > 100) errors.push("Requester must not exceed 100 characters");
  if (!text(value.riskManagementCategory)) errors.push("RiskManagementCategory is mandatory");
  if (!entityType) errors.push(`EntityType must be one of ${AMLYZE_ENTITY_TYPES.join(", ")}`);
  if (!firstName) errors.push("FirstName is mandatory");
  if (!lastName) errors.push("LastName is mandatory");
  if (!customerStatus) errors.push(`CustomerStatus must be one of ${AMLYZE_CUSTOMER_STATUSES.join(", ")}`);
  if (value.riskLevel !== undefined && value.riskLevel !== null && !oneOf(AMLYZE_RISK_LEVELS, value.riskLevel)) {
    errors.push(`RiskLevel must be one of ${AMLYZE_RISK_LEVELS.join(", ")}`);
  }
  const extId = value.customerExtId;
  if (extId !== undefined && extId !== null && typeof extId !== "string") errors.push("CustomerExtId must be a string");
  if (errors.length > 0 || !communicationNumber || !requester || !entityType || !customerStatus || !firstName || !lastName) {
    return { ok: false, body: { errors } };
  }

  const customerExtId = text(value.customerExtId);
  if (!customerExtId) return { ok: false, body: { errorCode: "C002", errorDescription: "customerExtId is mandatory" } };
  const category = String(value.riskManagementCategory);
  if (!categories.includes(category)) {
    return { ok: false, body: { errorCode: "C007", errorDescription: `riskManagementCategory ${category} does not exist` } };
  }
  return {
    ok: true,
    submission: {
      communicationNumber,
      requester,
      riskManagementCategory: category,
      entityType,
      customerExtId,
      firstName,
      lastName,
      customerStatus,
      riskLevel: oneOf(AMLYZE_RISK_LEVELS, value.riskLevel) ? value.riskLevel : undefined,
    },
  };
}
