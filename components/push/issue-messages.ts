// The push schemas (lib/push/push-input.ts) and the push action speak English; the forms show
// their messages in the user's language by mapping each known message to a key under
// `push.issues`. An unknown message (a new rule, a server text) is shown as it came.
import type { TIssueMessage } from "@/components/enrollment/section-form/issue-messages";

const FIXED: Record<string, string> = {
  required: "required",
  "must be a whole number": "wholeNumber",
  "must be a positive number": "positive",
  "must be an ISO 3166-1 alpha-2 code": "country",
  "give the customer number or the wisenroll code of the related client": "customerOrCode",
  "choose a product": "chooseProduct",
  "must be a real date YYYY-MM-DD": "date",
  "not an active product code": "inactive",
  "enter the account number the core shows": "accountNumber",
  "no enrollment has this wisenroll code": "unknownWisenrollCode",
  "this is the enrollment being pushed": "relatedSelf",
  "no enrollment of this console has this customer number: confirm that the core knows it": "unknownCustomerNumber",
  "must be digits only": "digitsOnly",
  "must be letters and digits only": "lettersDigitsOnly",
};

export function pushIssueMessage(message: string): TIssueMessage | null {
  const fixed = FIXED[message];
  if (fixed) return { key: fixed };
  if (/^Invalid input: expected number/.test(message)) return { key: "wholeNumber" };
  const max = /^at most (\d+) characters$/.exec(message);
  if (max) return { key: "maxLength", values: { max: Number(max[1]) } };
  const length = /^must be (\d+) characters$/.exec(message);
  if (length) return { key: "length", values: { length: Number(length[1]) } };
  const digits = /^must be (\d+) digits$/.exec(message);
  if (digits) return { key: "digits", values: { length: Number(digits[1]) } };
  const range = /^must be (\d+) to (\d+) (digits|characters)$/.exec(message);
  if (range) return { key: range[3] === "digits" ? "digitsRange" : "lengthRange", values: { min: Number(range[1]), max: Number(range[2]) } };
  const items = /^at most (\d+) (related clients|products per push)$/.exec(message);
  if (items) return { key: items[2] === "related clients" ? "maxRelated" : "maxProducts", values: { max: Number(items[1]) } };
  // the server's check of the code, after the one in the browser
  const inactive = /^(\S+) is not an active product code$/.exec(message);
  if (inactive?.[1]) return { key: "inactiveCode", values: { code: inactive[1] } };
  const otherCustomer = /^the enrollment with this wisenroll code is customer (\d+)$/.exec(message);
  if (otherCustomer?.[1]) return { key: "codeOfCustomer", values: { number: otherCustomer[1] } };
  return null;
}

type TTranslate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

/** `message` in the user's language when it is one the push schemas are known to produce. */
export function translatePushIssue(t: TTranslate, message: string): string {
  const known = pushIssueMessage(message);
  return known && t.has(`issues.${known.key}`) ? t(`issues.${known.key}`, known.values) : message;
}
