import "server-only";
import { headers } from "next/headers";

/** The caller's address as the proxy in front reports it, for the audit log. */
export async function clientIp(): Promise<string | null> {
  const list = await headers();
  return list.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
}
