// Starts the sandbox core and AMLYZE in this process and points the console at them, unless
// a real core or AMLYZE is configured through the environment.
import { startSandboxes } from "@/sandbox/main";

export async function startSandboxesForConsole(env: NodeJS.ProcessEnv): Promise<{ stop: () => Promise<void> }> {
  if (env.CORE_BASE_URL && env.AMLYZE_BASE_URL) return { stop: async () => {} };
  const sandbox = await startSandboxes({});
  env.CORE_BASE_URL ??= sandbox.coreUrl;
  env.CORE_USERNAME ??= process.env.SANDBOX_CORE_USERNAME ?? "console";
  env.CORE_PASSWORD ??= process.env.SANDBOX_CORE_PASSWORD ?? "sandbox-core-secret";
  env.AMLYZE_BASE_URL ??= sandbox.amlyzeUrl;
  env.AMLYZE_TOKEN ??= process.env.SANDBOX_AMLYZE_TOKEN ?? "sandbox-amlyze-token";
  env.AMLYZE_WEBHOOK_SECRET ??= process.env.SANDBOX_AMLYZE_WEBHOOK_SECRET ?? "sandbox-webhook-secret";
  console.log(`sandbox core at ${sandbox.coreUrl}, sandbox AMLYZE at ${sandbox.amlyzeUrl}`);
  return { stop: async () => sandbox.stop() };
}
