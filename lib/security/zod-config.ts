/** Where zod 4 keeps the configuration `z.config()` sets (see instrumentation-client.ts). */
export const ZOD_GLOBAL_CONFIG = "__zod_globalConfig";
