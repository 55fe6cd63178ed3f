import { expect, it, vi } from "vitest";
import { ZOD_GLOBAL_CONFIG } from "./zod-config";

it("zod, loaded after instrumentation-client.ts set the global, runs with that configuration", async () => {
  const holder = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
  const previous = holder[ZOD_GLOBAL_CONFIG];
  const mine = { jitless: true };
  holder[ZOD_GLOBAL_CONFIG] = mine;
  try {
    vi.resetModules();
    const { z } = await import("zod");
    expect(z.config()).toBe(mine);
    expect(z.config().jitless).toBe(true);
  } finally {
    holder[ZOD_GLOBAL_CONFIG] = previous;
    vi.resetModules();
  }
});
