// From a reviewed enrollment (the core_customer body) and the core's customer number to the
// AMLYZE simplified-customer body. Personal data beyond the names is sent only when enabled.
import { v7 as uuidv7 } from "uuid";
import { z } from "zod";
import { describeIssues, IntegrationError } from "../http/errors";
import { ZSimplifiedCustomerRequest, type TAmlyzeCustomerStatus, type TSimplifiedCustomerRequest } from "./schemas";
import { AMLYZE_SERVICE } from "./client";
import { mainDocument } from "@/lib/enrollment/identity";

/** Our prefix keeps the console's messages recognisable in AMLYZE; v7 sorts by creation time. */
export const COMMUNICATION_NUMBER_PREFIX = "EC-";

export function generateCommunicationNumber(): string {
  return `${COMMUNICATION_NUMBER_PREFIX}${uuidv7()}`;
}

export type TBuildSimplifiedCustomerOptions = {
  customerNumber: number;
  communicationNumber: string;
  requester: string;
  riskManagementCategory: string;
  customerStatus: TAmlyzeCustomerStatus;
  includeOptional?: {
    /** client_info.birth_date → birthDate */
    birthDate?: boolean;
    /** client_info.nationality_code → citizenshipCountry (AMLYZE has no `nationality` field). */
    nationality?: boolean;
    /** the main document's number → nationalCode ("passport, SSN... when no national code"). */
    document?: boolean;
  };
};

const ZOptionalText = z.string().nullable().optional();

/** Only what this mapping reads; the rest of the enrollment is not AMLYZE's business. */
const ZEnrollmentForAmlyze = z.looseObject({
  client_info: z.looseObject({
    first_name: z.string(),
    middle_name: ZOptionalText,
    last_name: z.string(),
    middle_last_name: ZOptionalText,
    birth_date: ZOptionalText,
    nationality_code: ZOptionalText,
  }),
  client_documents: z.array(z.looseObject({ document_number: ZOptionalText, main: z.unknown() })).optional(),
});

/** null, "" and blanks mean "no value" (CONTRACTS §1), so they never leave a double space. */
function joinNames(...parts: Array<string | null | undefined>): string {
  return parts
    .map((part) => part?.trim() ?? "")
    .filter((part) => part !== "")
    .join(" ");
}

const present = (value: string | null | undefined): value is string => typeof value === "string" && value.trim() !== "";

function fail(message: string): never {
  throw new IntegrationError(`${AMLYZE_SERVICE}: ${message}`, { service: AMLYZE_SERVICE, kind: "invalid_request" });
}

export function buildSimplifiedCustomer(enrollment: unknown, options: TBuildSimplifiedCustomerOptions): TSimplifiedCustomerRequest {
  const parsed = ZEnrollmentForAmlyze.safeParse(enrollment);
  if (!parsed.success) fail(`enrollment cannot be mapped: ${describeIssues(parsed.error)}`);
  if (!Number.isInteger(options.customerNumber) || options.customerNumber <= 0) fail("customerNumber must be a positive integer");
  const info = parsed.data.client_info;
  const include = options.includeOptional ?? {};
  const main = mainDocument(parsed.data);

  const body: TSimplifiedCustomerRequest = {
    communicationNumber: options.communicationNumber,
    requester: options.requester,
    riskManagementCategory: options.riskManagementCategory,
    entityType: "INDIVIDUAL",
    customerExtId: String(options.customerNumber),
    firstName: joinNames(info.first_name, info.middle_name),
    lastName: joinNames(info.last_name, info.middle_last_name),
    customerStatus: options.customerStatus,
  };
  if (include.birthDate && present(info.birth_date)) body.birthDate = info.birth_date;
  if (include.nationality && present(info.nationality_code)) body.citizenshipCountry = info.nationality_code;
  if (include.document && present(main?.number)) body.nationalCode = main.number;

  // Same schema as the client: a body built here is one the client will send.
  const checked = ZSimplifiedCustomerRequest.safeParse(body);
  if (!checked.success) fail(`built request is invalid: ${describeIssues(checked.error)}`);
  return body;
}
