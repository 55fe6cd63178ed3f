// `tsx sandbox/main.ts`: runs the sandbox core and AMLYZE until SIGINT/SIGTERM.
// `startSandboxes()` does the same in-process for scripts and tests.
import pino from "pino";
import { z } from "zod";
import { createAmlyzeSandbox, type TAmlyzeFault, type TAmlyzeSandbox } from "./amlyze-server";
import { createCoreSandbox, type TCoreFaults, type TCoreSandbox, type TDuplicateDocumentPolicy } from "./core-server";
import { ZCoreFaults } from "./faults";
import type { TSandboxLogger } from "./http";

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const ZSandboxEnv = z.object({
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  SANDBOX_CORE_PORT: port(4010),
  SANDBOX_AMLYZE_PORT: port(4020),
  SANDBOX_CORE_USERNAME: z.string().min(1).default("console"),
  SANDBOX_CORE_PASSWORD: z.string().min(1).default("sandbox-core-secret"),
  SANDBOX_CORE_FIRST_CUSTOMER_NUMBER: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).default(100001),
  SANDBOX_CORE_DUPLICATE_DOCUMENT: z.enum(["refuse", "flag"]).default("refuse"),
  SANDBOX_AMLYZE_TOKEN: z.string().min(1).default("sandbox-amlyze-token"),
  SANDBOX_AMLYZE_PATH: z.string().startsWith("/").default("/amlyze-ws-rest/simplified-customer"),
  // An empty value turns webhook delivery off.
  SANDBOX_AMLYZE_WEBHOOK_URL: z.string().default("http://127.0.0.1:3000/api/v1/amlyze/events"),
  SANDBOX_AMLYZE_WEBHOOK_SECRET: z.string().min(1).default("sandbox-webhook-secret"),
  SANDBOX_AMLYZE_DELIVERY_DELAY_MS: z.coerce.number().int().min(0).default(500),
  SANDBOX_AMLYZE_OUT_OF_ORDER: z.enum(["0", "1", "true", "false"]).default("0"),
  /** Faults from the start, as JSON in the shape POST /_sandbox/faults takes. */
  SANDBOX_CORE_FAULTS: z
    .string()
    .default("")
    .transform((text, ctx) => {
      if (text.trim() === "") return undefined;
      try {
        const parsed = ZCoreFaults.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: "custom", message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
      }
      return z.NEVER;
    }),
  SANDBOX_AMLYZE_BEFORE_RESPONSE: z.enum(["0", "1", "true", "false"]).default("0"),
  SANDBOX_AMLYZE_DUPLICATES: z.enum(["0", "1", "true", "false"]).default("0"),
  SANDBOX_AMLYZE_WEBHOOK_MODE: z.enum(["structured", "binary"]).default("structured"),
});

const flag = (value: string) => value === "1" || value === "true";

export type TSandboxConfig = {
  host: string;
  corePort: number;
  amlyzePort: number;
  coreUsername: string;
  corePassword: string;
  /** The number the core gives its first new customer (a restarted sandbox can carry on). */
  coreFirstCustomerNumber: number;
  /** A create for a main document the core already has: refused (409), or merged and flagged. */
  coreDuplicateDocument: TDuplicateDocumentPolicy;
  amlyzeToken: string;
  amlyzePath: string;
  webhookUrl: string | undefined;
  webhookSecret: string;
  deliveryDelayMs: number;
  outOfOrder: boolean;
  coreFaults: TCoreFaults | undefined;
  /** Deliver the events before answering 200. */
  beforeResponse: boolean;
  /** Deliver each event twice under the same id. */
  duplicates: boolean;
  /** CloudEvents HTTP content mode of the webhook deliveries. */
  webhookMode: "structured" | "binary";
};

export function sandboxConfigFromEnv(env: Record<string, string | undefined> = process.env): TSandboxConfig {
  const parsed = ZSandboxEnv.safeParse(env);
  if (!parsed.success) {
    // Issue paths only: values may be secrets.
    throw new Error(`Invalid sandbox environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  return {
    host: e.SANDBOX_HOST,
    corePort: e.SANDBOX_CORE_PORT,
    amlyzePort: e.SANDBOX_AMLYZE_PORT,
    coreUsername: e.SANDBOX_CORE_USERNAME,
    corePassword: e.SANDBOX_CORE_PASSWORD,
    coreFirstCustomerNumber: e.SANDBOX_CORE_FIRST_CUSTOMER_NUMBER,
    coreDuplicateDocument: e.SANDBOX_CORE_DUPLICATE_DOCUMENT,
    amlyzeToken: e.SANDBOX_AMLYZE_TOKEN,
    amlyzePath: e.SANDBOX_AMLYZE_PATH,
    webhookUrl: e.SANDBOX_AMLYZE_WEBHOOK_URL || undefined,
    webhookSecret: e.SANDBOX_AMLYZE_WEBHOOK_SECRET,
    deliveryDelayMs: e.SANDBOX_AMLYZE_DELIVERY_DELAY_MS,
    coreFaults: e.SANDBOX_CORE_FAULTS,
    outOfOrder: flag(e.SANDBOX_AMLYZE_OUT_OF_ORDER),
    beforeResponse: flag(e.SANDBOX_AMLYZE_BEFORE_RESPONSE),
    duplicates: flag(e.SANDBOX_AMLYZE_DUPLICATES),
    webhookMode: e.SANDBOX_AMLYZE_WEBHOOK_MODE,
  };
}

export type TStartSandboxesOptions = Partial<TSandboxConfig> & {
  coreFaults?: TCoreFaults;
  amlyzeFault?: TAmlyzeFault;
  logger?: TSandboxLogger;
};

export type TRunningSandboxes = {
  /** Base URL of the core: append `/core_customer`, `/core_product`. */
  coreUrl: string;
  /** Base URL of AMLYZE, without the endpoint path. */
  amlyzeUrl: string;
  /** Full simplified-customer URL. */
  amlyzeEndpoint: string;
  core: TCoreSandbox;
  amlyze: TAmlyzeSandbox;
  stop: () => Promise<void>;
};

/** Starts both sandboxes; every option not given comes from the SANDBOX_* environment. */
export async function startSandboxes(opts: TStartSandboxesOptions = {}): Promise<TRunningSandboxes> {
  const { coreFaults, amlyzeFault, logger, ...overrides } = opts;
  const config: TSandboxConfig = { ...sandboxConfigFromEnv(), ...definedOnly(overrides) };
  const core = createCoreSandbox({
    username: config.coreUsername,
    password: config.corePassword,
    firstCustomerNumber: config.coreFirstCustomerNumber,
    duplicateDocument: config.coreDuplicateDocument,
    faults: coreFaults ?? config.coreFaults,
    logger,
  });
  const amlyze = createAmlyzeSandbox({
    token: config.amlyzeToken,
    path: config.amlyzePath,
    webhookUrl: config.webhookUrl,
    webhookSecret: config.webhookSecret,
    delivery: { delayMs: config.deliveryDelayMs, outOfOrder: config.outOfOrder, beforeResponse: config.beforeResponse, duplicates: config.duplicates, mode: config.webhookMode },
    fault: amlyzeFault,
    logger,
  });
  const stop = async () => {
    await Promise.all([core.close(), amlyze.close()]);
  };
  try {
    const [coreUrl, amlyzeUrl] = await Promise.all([core.listen(config.corePort, config.host), amlyze.listen(config.amlyzePort, config.host)]);
    return { coreUrl, amlyzeUrl, amlyzeEndpoint: `${amlyzeUrl}${config.amlyzePath}`, core, amlyze, stop };
  } catch (error) {
    await stop(); // One port may have been free: do not leave that server behind.
    throw error;
  }
}

// `webhookUrl: undefined` in overrides must not erase the environment's value.
function definedOnly(overrides: Partial<TSandboxConfig>): Partial<TSandboxConfig> {
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
}

async function runCli(): Promise<void> {
  const logger = pino({
    name: "sandbox",
    level: process.env.LOG_LEVEL ?? "info",
    redact: { paths: ["authorization", "*.authorization", "password", "token", "secret"], censor: "[redacted]" },
  });
  const running = await startSandboxes({ logger });
  const config = sandboxConfigFromEnv();
  logger.info(
    {
      core: running.coreUrl,
      ledger: `${running.coreUrl}/_sandbox/ledger`,
      duplicateDocument: config.coreDuplicateDocument,
      amlyze: running.amlyzeEndpoint,
      submissions: `${running.amlyzeUrl}/_sandbox/amlyze/submissions`,
      webhook: config.webhookUrl ?? "disabled",
      deliveryDelayMs: config.deliveryDelayMs,
      outOfOrder: config.outOfOrder,
      beforeResponse: config.beforeResponse,
      duplicates: config.duplicates,
    },
    "sandboxes listening (credentials from SANDBOX_* environment, not logged)",
  );
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // Second signal: the operator wants out now.
    stopping = true;
    logger.info({ signal }, "stopping sandboxes");
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

// Only when run as a script, so importing startSandboxes has no side effects.
if (/(^|[\\/])sandbox[\\/]main\.ts$/.test(process.argv[1] ?? "")) {
  runCli().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
