import "server-only";
import { headers } from "next/headers";
import { requestAddress } from "@/lib/http/request-address";

/** The caller's address (proxies believed only when configured), for the audit log and throttles. */
export async function clientIp(): Promise<string | null> {
  const list = await headers();
  return requestAddress((name) => list.get(name));
}
