// Simulated bank core: core_customer (create or update; a resend is safe, a second create for a
// known main document is refused or flagged) and core_product (NOT idempotent),
// with a ledger and per-endpoint fault injection. Contract: docs/CONTRACTS.md §2–3.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { z } from "zod";
import { CoreLedger, type TDuplicateDocumentPolicy } from "./core/ledger";
import { processCustomer, processProduct, type TReply } from "./core/process";
import {
  echoMessage,
  FaultSlot,
  failureIn,
  ZCoreFaults,
  type TCoreCustomerFault,
  type TCoreFaults,
  type TCoreProductFault,
  type TFailureKind,
} from "./faults";
import { describeIssues } from "./issues";
import {
  BodyTooLargeError,
  checkBasicAuth,
  closeServer,
  isPlainObject,
  listen,
  logRequests,
  parseJson,
  readBody,
  resetConnection,
  sendJson,
  sendRaw,
  TimerSet,
  type TSandboxLogger,
} from "./http";

export type { TCoreFaults, TCoreCustomerFault, TCoreProductFault } from "./faults";
export type { TDuplicateDocumentPolicy } from "./core/ledger";

export type TCoreSandboxOptions = {
  username: string;
  password: string;
  faults?: TCoreFaults;
  firstCustomerNumber?: number;
  /** A create for a main document the core already has (default `refuse`, as a strict core). */
  duplicateDocument?: TDuplicateDocumentPolicy;
  logger?: TSandboxLogger;
};

export type TCoreSandbox = {
  server: Server;
  ledger: CoreLedger;
  setFaults: (faults: TCoreFaults) => void;
  /** Current faults with the uses left, as `GET /_sandbox/faults` shows them. */
  faults: () => Record<TEndpoint, unknown>;
  reset: () => void;
  /** Changes the Basic credentials the core accepts from now on (a password rotation on its side). */
  setCredentials: (credentials: TCoreCredentials) => void;
  listen: (port?: number, host?: string) => Promise<string>;
  close: () => Promise<void>;
};

type TEndpoint = "core_customer" | "core_product";

export const ZCoreCredentials = z.strictObject({
  username: z.string().min(1).max(200).refine((value) => !value.includes(":"), { error: "must not contain ':'" }),
  password: z.string().min(1).max(1000),
});
export type TCoreCredentials = z.infer<typeof ZCoreCredentials>;

/** Body of the `garbage` fault: what a misconfigured proxy in front of a core tends to return. */
export const CORE_GARBAGE_BODY = "<html><body><h1>OK</h1><p>Request processed</p></body></html>";

export function createCoreSandbox(opts: TCoreSandboxOptions): TCoreSandbox {
  const ledger = new CoreLedger(opts.firstCustomerNumber, opts.duplicateDocument);
  const slots = { core_customer: new FaultSlot<TCoreCustomerFault>(), core_product: new FaultSlot<TCoreProductFault>() };
  const timers = new TimerSet();
  const log = opts.logger;
  let credentials: TCoreCredentials = { username: opts.username, password: opts.password };

  const setFaults = (faults: TCoreFaults) => {
    slots.core_customer.set(faults.core_customer);
    slots.core_product.set(faults.core_product);
  };
  const describeFaults = () => ({ core_customer: slots.core_customer.describe(), core_product: slots.core_product.describe() });
  const reset = () => {
    ledger.reset();
    setFaults({});
  };
  setFaults(opts.faults ?? {});

  function fail(req: IncomingMessage, res: ServerResponse, kind: TFailureKind, message?: string): void {
    if (kind === "timeout") return; // Never answer; the socket stays open until the client gives up.
    if (kind === "reset") return resetConnection(req);
    if (kind === "status500") return sendJson(res, 500, { message: message ?? "SANDBOX: internal server error" });
    sendRaw(res, 201, CORE_GARBAGE_BODY, "text/html; charset=utf-8");
  }

  /** The document number a request carries, for a fault message that echoes it. */
  function documentNumberOf(endpoint: TEndpoint, value: unknown): string | null {
    const number = (document: unknown) => (isPlainObject(document) && typeof document.document_number === "string" ? document.document_number : null);
    if (!isPlainObject(value)) return null;
    if (endpoint === "core_customer") {
      const documents = Array.isArray(value.client_documents) ? value.client_documents : [];
      return number(documents.find((document) => isPlainObject(document) && document.main === 1));
    }
    const related = Array.isArray(value.related_client_info) ? value.related_client_info : [];
    for (const item of related) if (isPlainObject(item) && number(item.main_document)) return number(item.main_document);
    return null;
  }

  function fault400(endpoint: TEndpoint, message: string, value: unknown): TReply {
    if (endpoint === "core_customer") return { status: 400, body: { message } };
    const code = isPlainObject(value) && typeof value.product_code === "string" ? value.product_code : null;
    return { status: 400, body: { accounts_info: [{ action: "ERROR", account_product: code, message }] } };
  }

  // POST /core_customer and POST /core_product share auth and fault handling.
  async function endpoint(req: IncomingMessage, res: ServerResponse, raw: string, name: TEndpoint): Promise<void> {
    if (!checkBasicAuth(req, credentials.username, credentials.password)) {
      res.setHeader("WWW-Authenticate", 'Basic realm="core sandbox"');
      return sendJson(res, 401, { message: "Unauthorized: missing or invalid Basic credentials" });
    }
    const fault: TCoreProductFault | undefined = name === "core_customer" ? slots.core_customer.take() : slots.core_product.take();
    if (fault) log?.info({ sandbox: "core", endpoint: name, fault: fault.kind }, "fault applied");
    const parsed = parseJson(raw);
    const value = parsed.ok ? parsed.value : undefined;
    if (fault?.kind === "delay" && !(await timers.sleep(fault.ms))) return;
    const echo = (template: string) => echoMessage(template, documentNumberOf(name, value));
    if (fault?.kind === "status400") {
      // raw: a core that answers its refusal as plain text (the console keeps the raw body as the message).
      if (fault.raw) return sendRaw(res, 400, echo(fault.message), "text/plain; charset=utf-8");
      const reply = fault400(name, echo(fault.message), value);
      return sendJson(res, reply.status, reply.body);
    }
    const failMessage = fault?.kind === "status500" && fault.message ? echo(fault.message) : undefined;
    const before = failureIn(fault, "before");
    if (before) return fail(req, res, before, failMessage);

    let reply: TReply;
    if (!isPlainObject(value)) reply = fault400(name, "body: must be a JSON object", value);
    else if (name === "core_customer") reply = processCustomer(ledger, value);
    else reply = processProduct(ledger, value, fault?.kind === "partial" ? { message: fault.message ? echo(fault.message) : undefined } : false);

    // The dangerous case: the core did the work, the caller never learns the outcome.
    const after = failureIn(fault, "after");
    if (after) return fail(req, res, after, failMessage);
    sendJson(res, reply.status, reply.body);
  }

  // POST /_sandbox/faults
  function putFaults(res: ServerResponse, raw: string): void {
    const parsed = parseJson(raw);
    const faults = ZCoreFaults.safeParse(parsed.ok ? parsed.value : undefined);
    if (!faults.success) return sendJson(res, 400, { message: describeIssues(faults.error) });
    setFaults(faults.data);
    sendJson(res, 200, describeFaults());
  }

  // POST /_sandbox/credentials
  function putCredentials(res: ServerResponse, raw: string): void {
    const parsed = parseJson(raw);
    const next = ZCoreCredentials.safeParse(parsed.ok ? parsed.value : undefined);
    if (!next.success) return sendJson(res, 400, { message: describeIssues(next.error) });
    credentials = next.data;
    log?.info({ sandbox: "core" }, "credentials changed");
    // The password is never echoed back.
    sendJson(res, 200, { username: credentials.username });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    logRequests(req, res, log, "core");
    const route = `${req.method ?? ""} ${new URL(req.url ?? "/", "http://sandbox").pathname}`;
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { message: error.message });
      throw error;
    }
    switch (route) {
      case "POST /core_customer":
        return endpoint(req, res, raw, "core_customer");
      case "POST /core_product":
        return endpoint(req, res, raw, "core_product");
      case "GET /_sandbox/ledger": // GET /_sandbox/ledger
        return sendJson(res, 200, ledger.snapshot());
      case "GET /_sandbox/faults": // GET /_sandbox/faults
        return sendJson(res, 200, describeFaults());
      case "POST /_sandbox/faults":
        return putFaults(res, raw);
      case "DELETE /_sandbox/faults": // DELETE /_sandbox/faults
        setFaults({});
        return sendJson(res, 200, describeFaults());
      case "POST /_sandbox/credentials":
        return putCredentials(res, raw);
      case "POST /_sandbox/reset": // POST /_sandbox/reset
        reset();
        return sendJson(res, 200, { reset: true });
      default:
        return sendJson(res, 404, { message: `SANDBOX: no route for ${route}` });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log?.warn({ sandbox: "core", err: error instanceof Error ? error.message : String(error) }, "handler failed");
      sendJson(res, 500, { message: "SANDBOX: unexpected error" });
    });
  });

  return {
    server,
    ledger,
    setFaults,
    faults: describeFaults,
    reset,
    setCredentials: (next) => {
      credentials = ZCoreCredentials.parse(next);
    },
    listen: (port, host) => listen(server, port, host),
    close: async () => {
      timers.cancelAll();
      await closeServer(server);
    },
  };
}
