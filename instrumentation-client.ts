// Runs in the browser before any of the app's modules (and so before any zod schema is built).
// zod 4 probes once whether it may compile validators with `new Function`; under our CSP (no
// 'unsafe-eval') the probe fails quietly but the browser still reports a policy violation. Going
// jitless skips the probe; the forms' validation is just as exact, interpreted.
// zod keeps its configuration on this global (so `z.config` reaches every copy of zod); setting
// it here rather than importing `z.config` keeps zod out of the bootstrap bundle (1.5 kB on every
// page). lib/security/zod-config.test.ts fails if a zod upgrade stops reading it.
import { ZOD_GLOBAL_CONFIG } from "@/lib/security/zod-config";

const holder = globalThis as unknown as Record<string, Record<string, unknown> | undefined>;
holder[ZOD_GLOBAL_CONFIG] = { ...holder[ZOD_GLOBAL_CONFIG], jitless: true };
