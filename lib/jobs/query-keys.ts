/** TanStack Query keys of the worker's liveness, from one place. */
export const workerKeys = {
  all: ["worker"] as const,
  liveness: () => ["worker", "liveness"] as const,
};
