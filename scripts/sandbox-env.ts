// Starts the sandbox core and AMLYZE in this process for a demo console, unless a real core and
// AMLYZE are configured through the environment. What the console needs to reach them (URLs, the
// AMLYZE token and webhook secret, made at random) is stored as integration settings an admin can
// change (lib/settings/sandbox-settings.ts); the sandboxes then take the credentials the settings
// hold, so both sides agree. The sandbox AMLYZE's webhooks go to this console (its PORT) unless
// SANDBOX_AMLYZE_WEBHOOK_URL says otherwise.
import pg from "pg";
import { sandboxConfigFromEnv, startSandboxes } from "@/sandbox/main";

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
  const config = sandboxConfigFromEnv(env);
  if (config.corePort === 0 || config.amlyzePort === 0) throw new Error("the demo's sandboxes need fixed ports (SANDBOX_CORE_PORT, SANDBOX_AMLYZE_PORT): their URLs are stored as settings");
  const { prisma } = await import("@/lib/db/client");
  const { storeSandboxSettings } = await import("@/lib/settings/sandbox-settings");
  const { amlyzeSettings, coreSettings } = await import("@/lib/settings/integrations");
  const stored = await storeSandboxSettings(prisma, {
    coreUrl: `http://${config.host}:${config.corePort}`,
    amlyzeUrl: `http://${config.host}:${config.amlyzePort}`,
    amlyzePath: config.amlyzePath,
  }, env);
  const [core, amlyze] = await Promise.all([coreSettings(prisma, { env }), amlyzeSettings(prisma, { env })]);
  const webhookUrl = env.SANDBOX_AMLYZE_WEBHOOK_URL === undefined ? `http://127.0.0.1:${env.PORT ?? "3000"}/api/v1/amlyze/events` : undefined;
  const sandbox = await startSandboxes({
    webhookUrl,
    coreFirstCustomerNumber: await nextCustomerNumber(env.DATABASE_URL),
    ...(core.username && core.password ? { coreUsername: core.username, corePassword: core.password } : {}),
    ...(amlyze.token ? { amlyzeToken: amlyze.token } : {}),
    ...(amlyze.webhookSecret ? { webhookSecret: amlyze.webhookSecret } : {}),
  });
  console.log(
    `sandbox core at ${sandbox.coreUrl}, sandbox AMLYZE at ${sandbox.amlyzeUrl}` +
      (stored.length > 0 ? `; stored as integration settings (Admin → Integrations): ${stored.join(", ")}` : ""),
  );
  return { stop: async () => sandbox.stop() };
}
