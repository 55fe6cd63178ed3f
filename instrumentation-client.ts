// Runs in the browser before any of the app's modules (and so before any zod schema is built).
// zod 4 probes once whether it may compile validators with `new Function`; under our CSP (no
// 'unsafe-eval') the probe fails quietly but the browser still reports a policy violation. Going
// jitless skips the probe; the forms' validation is just as exact, interpreted.
import { config } from "zod/v4/core";

config({ jitless: true });
