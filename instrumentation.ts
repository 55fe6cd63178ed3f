// Runs once when a server instance boots: a bad environment stops it there, with every
// problem named, instead of at the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  env();
}
