"use client";

import { useEffect, useRef, useTransition } from "react";
import { useRouter } from "next/navigation";

/**
 * Renders the page again while its server parts are `behind` what a live query reads, and keeps
 * asking every 2 s until they agree. Comparing with the render (not with the state seen before)
 * repairs a render that raced a worker and came back older than the state it was asked for;
 * asking again repairs a refresh that was lost (a server action's answer landing after it, a
 * render that failed). A render still on its way is not asked for again (for up to 15 s): on a
 * slow server a new refresh every 2 s would cancel the one before it, and none would ever land.
 * `live` names the state read: a new one starts over.
 */
export function useRenderCatchUp(behind: boolean, live: string): void {
  const router = useRouter();
  const [rendering, startRender] = useTransition();
  const renderingNow = useRef(rendering);
  renderingNow.current = rendering;
  const askedAt = useRef(0);
  useEffect(() => {
    if (!behind) return;
    const ask = () => {
      if (renderingNow.current && Date.now() - askedAt.current < 15_000) return;
      askedAt.current = Date.now();
      startRender(() => router.refresh());
    };
    ask();
    const timer = setInterval(ask, 2_000);
    return () => clearInterval(timer);
  }, [behind, live, router]);
}
