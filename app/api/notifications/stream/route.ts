import { requireApiPermission } from "@/lib/auth/guard";
import { notificationHub } from "@/lib/notifications/listener";

export const dynamic = "force-dynamic";

/** A comment line now and then keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 25_000;

// GET /api/notifications/stream — Server-Sent Events: "changed" whenever the reader's notifications
// may have changed (a new one committed, or read on another tab). It carries no data: the bell
// reads GET /api/notifications again, through the session like any other read.
export async function GET(request: Request) {
  const auth = await requireApiPermission("notifications:read");
  if (auth.response) return auth.response;
  const userId = auth.user.id;
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const { unsubscribe, listening } = notificationHub().subscribe(userId, () => send("event: changed\ndata: {}\n\n"));
      const keepalive = setInterval(() => send(": keepalive\n\n"), KEEPALIVE_MS);
      stop = () => {
        clearInterval(keepalive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      request.signal.addEventListener("abort", () => stop(), { once: true });
      // "ready" once the process listens: from then on nothing committed for this reader is missed.
      // retry: how soon the browser reconnects when the stream breaks.
      void listening.then(() => send("retry: 2000\nevent: ready\ndata: {}\n\n"));
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
