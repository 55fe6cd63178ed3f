// Simulated AMLYZE simplified-customer endpoint plus its asynchronous CloudEvents webhooks.
// Contract: docs/CONTRACTS.md §4 and docs/seeds/004_*.txt.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { buildEvents } from "./amlyze/events";
import { AMLYZE_RISK_MANAGEMENT_CATEGORIES, validateSubmission } from "./amlyze/validate";
import { WebhookDeliverer, type TDeliveryAttempt } from "./amlyze/webhook";
import { echoMessage, FaultSlot, failureIn, ZAmlyzeFault, type TAmlyzeFault, type TFailureKind } from "./faults";
import {
  BodyTooLargeError,
  checkBearerAuth,
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
import { describeIssues } from "./issues";

export type { TAmlyzeFault } from "./faults";
export { AMLYZE_DEMO_HITS } from "./amlyze/events";

export const AMLYZE_DEFAULT_PATH = "/amlyze-ws-rest/simplified-customer";

/** The seed's 500 sample, byte for byte, including its missing comma: it is not valid JSON. */
export const AMLYZE_MALFORMED_500_BODY = '{\n    "resultType": "REQUEST_REJECTED"\n    "status": 500,\n    "error": "Internal Server Error"\n}';

export type TAmlyzeSandboxOptions = {
  token: string;
  path?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  delivery?: {
    delayMs?: number;
    /** Completed events and the customer update arrive before "pending". */
    outOfOrder?: boolean;
    /** Deliver every event before answering 200: AMLYZE may be faster than its own response. */
    beforeResponse?: boolean;
    /** Each screening list also reports "pending" before "completed" (default true). */
    screeningPending?: boolean;
    /** Every event is delivered twice with the same id. */
    duplicates?: boolean;
    /** CloudEvents HTTP content mode (default structured). */
    mode?: "structured" | "binary";
    maxAttempts?: number;
    retryBaseMs?: number;
    attemptTimeoutMs?: number;
  };
  riskManagementCategories?: readonly string[];
  fault?: TAmlyzeFault;
  logger?: TSandboxLogger;
};

export type TAmlyzeSubmissionRecord = {
  receivedAt: string;
  communicationNumber: string | null;
  fault: TAmlyzeFault["kind"] | null;
  /** null when no HTTP answer was sent (timeout, reset). */
  status: number | null;
  response: unknown;
  body: unknown;
  eventIds: string[];
};

export type TAmlyzeSandbox = {
  server: Server;
  setFault: (fault: TAmlyzeFault | undefined) => void;
  submissions: () => TAmlyzeSubmissionRecord[];
  deliveries: () => TDeliveryAttempt[];
  /** Resolves when every queued webhook was delivered or given up. */
  idle: () => Promise<void>;
  reset: () => void;
  listen: (port?: number, host?: string) => Promise<string>;
  close: () => Promise<void>;
};

const rejected = (status: number, error: string) => ({ resultType: "REQUEST_REJECTED", status, error });

export function createAmlyzeSandbox(opts: TAmlyzeSandboxOptions): TAmlyzeSandbox {
  const path = opts.path ?? AMLYZE_DEFAULT_PATH;
  const categories = opts.riskManagementCategories ?? AMLYZE_RISK_MANAGEMENT_CATEGORIES;
  const slot = new FaultSlot<TAmlyzeFault>();
  slot.set(opts.fault);
  const timers = new TimerSet();
  const log = opts.logger;
  const submissions: TAmlyzeSubmissionRecord[] = [];
  const webhook = opts.webhookUrl
    ? new WebhookDeliverer({ ...opts.delivery, url: opts.webhookUrl, secret: opts.webhookSecret, timers, logger: log })
    : undefined;

  /** Answers (or not) as the failure says, and records the answer on the submission's record. */
  function fail(req: IncomingMessage, res: ServerResponse, kind: TFailureKind, record: TAmlyzeSubmissionRecord, message?: string): void {
    if (kind === "timeout") return; // Never answer; the client has to give up.
    if (kind === "reset") return resetConnection(req);
    if (kind === "status500") {
      const body = rejected(500, message ?? "Internal Server Error");
      Object.assign(record, { status: 500, response: body });
      return sendJson(res, 500, body);
    }
    const garbage = "<html><body>OK</body></html>";
    Object.assign(record, { status: 200, response: garbage });
    sendRaw(res, 200, garbage, "text/html; charset=utf-8");
  }

  // POST /amlyze-ws-rest/simplified-customer (or the configured path)
  async function simplifiedCustomer(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    if (!checkBearerAuth(req, opts.token)) return sendJson(res, 401, rejected(401, "Unauthorized"));
    const fault = slot.take();
    const parsed = parseJson(raw);
    const value = parsed.ok ? parsed.value : undefined;
    const record: TAmlyzeSubmissionRecord = {
      receivedAt: new Date().toISOString(),
      communicationNumber: isPlainObject(value) && typeof value.communicationNumber === "string" ? value.communicationNumber : null,
      fault: fault?.kind ?? null,
      status: null,
      response: null,
      body: parsed.ok ? value : raw,
      eventIds: [],
    };
    submissions.push(record);
    if (fault) log?.info({ sandbox: "amlyze", fault: fault.kind }, "fault applied");
    const answer = (status: number, body: unknown) => {
      Object.assign(record, { status, response: body });
      sendJson(res, status, body);
    };

    if (fault?.kind === "delay" && !(await timers.sleep(fault.ms))) return;
    // A fault message may echo the request's nationalCode, as a real AMLYZE may in an error.
    const echo = (template: string) => echoMessage(template, isPlainObject(value) && typeof value.nationalCode === "string" ? value.nationalCode : null);
    if (fault?.kind === "status404") return answer(404, rejected(404, "Not Found"));
    if (fault?.kind === "status400") {
      if (fault.raw) {
        Object.assign(record, { status: 400, response: echo(fault.message) });
        return sendRaw(res, 400, echo(fault.message), "text/plain; charset=utf-8");
      }
      return answer(400, { errors: [{ code: "SANDBOX", message: echo(fault.message) }] });
    }
    const failMessage = fault?.kind === "status500" && fault.message ? echo(fault.message) : undefined;
    if (fault?.kind === "malformed500") {
      Object.assign(record, { status: 500, response: AMLYZE_MALFORMED_500_BODY });
      return sendRaw(res, 500, AMLYZE_MALFORMED_500_BODY, "application/json");
    }
    const before = failureIn(fault, "before");
    if (before) return fail(req, res, before, record, failMessage);

    const result = validateSubmission(parsed.ok ? value : null, categories);
    if (!result.ok) return answer(400, result.body);
    if (webhook) {
      const events = buildEvents(result.submission, { outOfOrder: opts.delivery?.outOfOrder, screeningPending: opts.delivery?.screeningPending });
      record.eventIds = events.map((event) => event.id);
      const delivery = webhook.deliverAll(events);
      if (opts.delivery?.beforeResponse) await delivery;
    }
    const after = failureIn(fault, "after");
    if (after) return fail(req, res, after, record, failMessage);
    answer(200, { resultType: "REQUEST_ACCEPTED" });
  }

  // POST /_sandbox/amlyze/faults
  function putFault(res: ServerResponse, raw: string): void {
    const parsed = parseJson(raw);
    const fault = ZAmlyzeFault.safeParse(parsed.ok ? parsed.value : undefined);
    if (!fault.success) return sendJson(res, 400, { message: describeIssues(fault.error) });
    slot.set(fault.data);
    sendJson(res, 200, { fault: slot.describe() });
  }

  const reset = () => {
    submissions.length = 0;
    slot.set(undefined);
    webhook?.cancel();
    webhook?.clearLog();
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    logRequests(req, res, log, "amlyze");
    const pathname = new URL(req.url ?? "/", "http://sandbox").pathname;
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, rejected(413, error.message));
      throw error;
    }
    if (req.method === "POST" && pathname === path) return simplifiedCustomer(req, res, raw);
    switch (`${req.method ?? ""} ${pathname}`) {
      case "GET /_sandbox/amlyze/submissions": // GET /_sandbox/amlyze/submissions
        return sendJson(res, 200, { submissions, deliveries: webhook?.log ?? [] });
      case "GET /_sandbox/amlyze/faults": // GET /_sandbox/amlyze/faults
        return sendJson(res, 200, { fault: slot.describe() });
      case "POST /_sandbox/amlyze/faults":
        return putFault(res, raw);
      case "DELETE /_sandbox/amlyze/faults": // DELETE /_sandbox/amlyze/faults
        slot.set(undefined);
        return sendJson(res, 200, { fault: null });
      case "POST /_sandbox/amlyze/reset": // POST /_sandbox/amlyze/reset
        reset();
        return sendJson(res, 200, { reset: true });
      default:
        return sendJson(res, 404, rejected(404, "Not Found"));
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log?.warn({ sandbox: "amlyze", err: error instanceof Error ? error.message : String(error) }, "handler failed");
      sendJson(res, 500, rejected(500, "Internal Server Error"));
    });
  });

  return {
    server,
    setFault: (fault) => slot.set(fault),
    submissions: () => [...submissions],
    deliveries: () => [...(webhook?.log ?? [])],
    idle: () => webhook?.idle() ?? Promise.resolve(),
    reset,
    listen: (port, host) => listen(server, port, host),
    close: async () => {
      webhook?.cancel();
      timers.cancelAll();
      await closeServer(server);
    },
  };
}
