import "server-only";
import { headers } from "next/headers";
import { forwardedFor } from "@/lib/http/forwarded-for";

/** The caller's address as the proxy in front reports it, for the audit log (server actions, pages). */
export async function clientIp(): Promise<string | null> {
  return forwardedFor((await headers()).get("x-forwarded-for"));
}
