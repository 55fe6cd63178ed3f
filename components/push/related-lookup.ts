"use client";

import { useEffect, useState } from "react";
import { customerNumberOf, wisenrollCodeOf, type TRelatedClientMatch, type TRelatedClientRef } from "@/lib/push/related-client";

/** How long typing must pause before a related client is looked up. */
export const RELATED_LOOKUP_DEBOUNCE_MS = 300;

// POST /api/enrollments/{id}/related-clients: what the console knows of each related client, in order.
export async function fetchRelatedClients(enrollmentId: string, clients: TRelatedClientRef[], signal?: AbortSignal): Promise<TRelatedClientMatch[]> {
  const response = await fetch(`/api/enrollments/${enrollmentId}/related-clients`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ clients }),
    cache: "no-store",
    signal,
  });
  if (!response.ok) throw new Error(`Related client check failed (${response.status})`);
  return ((await response.json()) as { clients: TRelatedClientMatch[] }).clients;
}

type TLookup = { key: string; match: TRelatedClientMatch | "error" };

/**
 * What the console knows of one related client row, looked up as the officer types or picks it
 * (after a pause; a newer value aborts the older lookup). Null while there is nothing to look up
 * or the answer is on its way; "error" when the lookup failed (the push checks again anyway).
 */
export function useRelatedLookup(enrollmentId: string, customerNumber: unknown, relatedWisenrollCode: unknown): TRelatedClientMatch | "error" | null {
  const ref: TRelatedClientRef = {
    customerNumber: customerNumberOf(typeof customerNumber === "string" || typeof customerNumber === "number" ? customerNumber : null),
    relatedWisenrollCode: wisenrollCodeOf(typeof relatedWisenrollCode === "string" ? relatedWisenrollCode : null),
  };
  const key = ref.customerNumber === null && ref.relatedWisenrollCode === null ? "" : JSON.stringify(ref);
  const [lookup, setLookup] = useState<TLookup | null>(null);
  useEffect(() => {
    if (key === "") return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchRelatedClients(enrollmentId, [JSON.parse(key) as TRelatedClientRef], controller.signal).then(
        ([match]) => setLookup({ key, match: match ?? "error" }),
        () => {
          if (!controller.signal.aborted) setLookup({ key, match: "error" });
        },
      );
    }, RELATED_LOOKUP_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [enrollmentId, key]);
  // an answer about an earlier value is not this one's
  return lookup !== null && lookup.key === key && key !== "" ? lookup.match : null;
}
