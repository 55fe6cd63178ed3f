"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { notificationKeys } from "@/lib/notifications/query-keys";

/**
 * Follows GET /api/notifications/stream: each "changed" makes every notification query read again,
 * so the count moves within moments of the event, without a reload. The stream's "ready" (at
 * first, and after the browser reconnected a broken stream) reads again too: whatever happened
 * between the page's render, or the break, and the stream listening is not missed.
 */
export function useLiveNotifications(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource("/api/notifications/stream");
    const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    source.addEventListener("changed", refresh);
    source.addEventListener("ready", refresh);
    return () => source.close();
  }, [queryClient]);
}
