// AMLYZE simplified-customer validation. Two error forms on purpose: the seed's `errors[]`
// and the public API's `errorCode` form (CONTRACTS §4), so the console must handle both.
import { isPlainObject } from "../http";

export const AMLYZE_RISK_MANAGEMENT_CATEGORIES = ["FAST", "STANDARD"] as const;
export const AMLYZE_ENTITY_TYPES = ["INDIVIDUAL", "ORGANIZATION"] as const;
export const AMLYZE_CUSTOMER_STATUSES = ["PENDING", "ACTIVE", "REJECTED", "SUSPENDED", "CLOSED"] as const;
export const AMLYZE_RISK_LEVELS = ["NONE", "LOW", "MEDIUM", "HIGH", "EXTREME"] as const;

export type TRiskLevel = (typeof AMLYZE_RISK_LEVELS)[number];

const MANDATORY_FIELDS = ["communicationNumber", "requester", "riskManagementCategory", "entityType", "customerExtId", "firstName", "lastName", "customerStatus"];
/** Optional fields this sandbox knows; only INDIVIDUAL customers have a birth date or citizenship. */
const ANY_ENTITY_FIELDS = ["riskLevel"];
export const AMLYZE_INDIVIDUAL_ONLY_FIELDS = ["birthDate", "citizenshipCountry", "nationalCode"];

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
  if (value.birthDate !== undefined && (typeof value.birthDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value.birthDate) || Number.isNaN(Date.parse(value.birthDate)))) {
    errors.push("BirthDate must be a date (YYYY-MM-DD)");
  }
  if (value.citizenshipCountry !== undefined && (typeof value.citizenshipCountry !== "string" || !/^[A-Z]{2}$/.test(value.citizenshipCountry))) {
    errors.push("CitizenshipCountry must be an ISO 3166-1 alpha-2 code");
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
  // The reference's codes: C014 a field not allowed for INDIVIDUAL, C015 for ORGANIZATION.
  const allowed = new Set([...MANDATORY_FIELDS, ...ANY_ENTITY_FIELDS, ...(entityType === "INDIVIDUAL" ? AMLYZE_INDIVIDUAL_ONLY_FIELDS : [])]);
  const extra = Object.keys(value).find((key) => !allowed.has(key));
  if (extra !== undefined) {
    const code = entityType === "INDIVIDUAL" ? "C014" : "C015";
    return { ok: false, body: { errorCode: code, errorDescription: `Field ${extra} is not allowed for ${entityType}` } };
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
