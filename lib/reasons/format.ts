// A stored reason in the reader's language: the console's own words from the "reasons" message
// namespace, the outside systems' words verbatim. Pure, so the server components, the browser,
// the CSV export and the tests all render a reason the same way.
import type { TReason } from "./reason";

/** What is needed of a next-intl translator for the "reasons" namespace. */
export type TReasonTranslator = {
  (key: string, values?: Record<string, string | number>): string;
  has: (key: string) => boolean;
};

const plural = (count: number) => ({ count });

// Numbers that are codes or counts of a unit (HTTP 500, 30000 ms) go in as text: ICU would group
// their digits by locale.

/** One reason as text; lists (several products, several AMLYZE errors) come one per line. */
export function formatReason(t: TReasonTranslator, reason: TReason): string {
  const cause = (inner: TReason) => formatReason(t, inner);
  switch (reason.code) {
    // The outside systems' words, exactly as they came.
    case "text":
      return reason.text;
    case "core.message":
      return reason.message;
    case "core.accounts":
      return reason.accounts.map((account) => (account.message === null ? account.product : `${account.product}: ${account.message}`)).join("\n");
    case "amlyze.errors":
      return reason.errors.map((error) => (error.code ? `${error.code}: ${error.message}` : error.message)).join("\n");
    case "net.errno":
      return t.has(`errno.${reason.errno}`) ? t("net.errno", { label: t(`errno.${reason.errno}`), errno: reason.errno }) : t("net.error", { detail: reason.errno });
    case "net.error":
      return t("net.error", { detail: reason.detail });
    case "net.timeout":
      return t("net.timeout", { ms: String(reason.ms) });
    case "net.body_lost":
      return t("net.body_lost", { status: String(reason.status), cause: cause(reason.cause) });
    case "request.unsupported_scheme":
      return t("request.unsupported_scheme", { scheme: reason.scheme });
    case "request.invalid":
      return t("request.invalid", { detail: reason.detail });
    case "call.not_sent":
      return t("call.not_sent", { cause: cause(reason.cause) });
    case "call.no_answer":
      return t("call.no_answer", { cause: cause(reason.cause) });
    case "call.worker_stopped":
      return t(`call.worker_stopped.${reason.target}`);
    case "http.status":
    case "http.empty_body":
      return t(reason.code, { status: String(reason.status) });
    case "http.instead_of":
      return t("http.instead_of", { status: String(reason.status), expected: String(reason.expected) });
    case "http.no_customer_number":
    case "http.no_accounts":
    case "http.not_accepted":
      return t(reason.code, { status: String(reason.status), body: t(`body.${reason.body}`) });
    case "http.amlyze_error":
      return reason.detail === null ? t("http.amlyze_not_json", { status: String(reason.status) }) : t("http.amlyze_error", { status: String(reason.status), detail: reason.detail });
    case "push.customer_failed":
      return t("push.customer_failed", { cause: cause(reason.cause), ...plural(reason.attempts) });
    case "push.identity_conflict":
      return t("push.identity_conflict");
    case "push.unknown_outcome":
      return t("push.unknown_outcome", { products: reason.products.join(", ") });
    case "push.products":
      return reason.items.map((item) => t("push.product_line", { product: item.product, reason: cause(item.reason) })).join("\n");
    case "push.products_not_opened":
      // A person's "not created" needs no second line: the first says it all.
      return [
        t("push.products_not_opened", { products: reason.items.map((item) => item.product).join(", "), ...plural(reason.items.length) }),
        ...reason.items
          .filter((item) => item.reason.code !== "product.confirmed_not_created")
          .map((item) => t("push.product_line", { product: item.product, reason: cause(item.reason) })),
      ].join("\n");
    case "aml.circuit_open":
      return t("aml.circuit_open", { until: reason.until });
    case "aml.attempt_failed":
      return t("aml.attempt_failed", { attempt: String(reason.attempt), cause: cause(reason.cause) });
    case "aml.failed_after":
      return t("aml.failed_after", { cause: cause(reason.cause), ...plural(reason.attempts) });
    case "net.aborted":
    case "net.port_blocked":
    case "net.unknown_scheme":
    case "request.invalid_url":
    case "request.url_credentials":
    case "request.basic_colon":
    case "request.header_chars":
    case "product.not_sent_yet":
    case "product.refused":
    case "product.partly_opened":
    case "product.confirmed_not_created":
    case "aml.no_answer":
    case "aml.stored_body_not_json":
      return t(reason.code);
  }
}
