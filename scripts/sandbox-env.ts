// Starts the sandbox core and AMLYZE in this process and points the console at them, unless
// a real core or AMLYZE is configured through the environment. The sandbox AMLYZE's webhooks go
// to this console (its PORT) unless SANDBOX_AMLYZE_WEBHOOK_URL says otherwise. The sandbox core's
// credentials are not set here: the seed stores them as settings, so an admin can rotate them.
import pg from "pg";
import { startSandboxes } from "@/sandbox/main";

/**
 * The sandbox core forgets its customers when it stops, but the database remembers them: carry on
 * after the highest customer number the console knows, so a restart never hands out a number
 * that already belongs to another customer (AMLYZE's results are keyed by it).
 */
async function nextCustomerNumber(databaseUrl: string | undefined): Promise<number | undefined> {
  if (!databaseUrl || process.env.SANDBOX_CORE_FIRST_CUSTOMER_NUMBER) return undefined;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ max: string | null }>("SELECT max(customer_number)::text AS max FROM enrollments");
    return rows[0]?.max ? Number(rows[0].max) + 1 : undefined;
  } finally {
    await client.end();
  }
}

export async function startSandboxesForConsole(env: NodeJS.ProcessEnv): Promise<{ stop: () => Promise<void> }> {
  if (env.CORE_BASE_URL && env.AMLYZE_BASE_URL) return { stop: async () => {} };
  const webhookUrl = env.SANDBOX_AMLYZE_WEBHOOK_URL === undefined ? `http://127.0.0.1:${env.PORT ?? "3000"}/api/v1/amlyze/events` : undefined;
  const sandbox = await startSandboxes({ webhookUrl, coreFirstCustomerNumber: await nextCustomerNumber(env.DATABASE_URL) });
  if (!env.CORE_BASE_URL) {
    env.CORE_BASE_URL = sandbox.coreUrl;
  }
  if (!env.AMLYZE_BASE_URL) {
    env.AMLYZE_BASE_URL = sandbox.amlyzeUrl;
    env.AMLYZE_PATH ??= sandbox.amlyzeEndpoint.slice(sandbox.amlyzeUrl.length);
    env.AMLYZE_AUTH ??= "bearer";
    env.AMLYZE_TOKEN ??= process.env.SANDBOX_AMLYZE_TOKEN ?? "sandbox-amlyze-token";
    env.AMLYZE_WEBHOOK_SECRET ??= process.env.SANDBOX_AMLYZE_WEBHOOK_SECRET ?? "sandbox-webhook-secret";
    // The sandbox takes every optional field, so a demo shows them.
    env.AMLYZE_SEND_OPTIONAL ??= "birthDate,nationality,document";
  }
  console.log(`sandbox core at ${sandbox.coreUrl}, sandbox AMLYZE at ${sandbox.amlyzeUrl}`);
  return { stop: async () => sandbox.stop() };
}
