/** TanStack Query keys of the push pipeline, from one place. */
export const pushKeys = {
  all: ["push"] as const,
  pipeline: (enrollmentId: string) => ["push", "pipeline", enrollmentId] as const,
};
