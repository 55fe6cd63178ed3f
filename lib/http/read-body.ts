import { NextResponse } from "next/server";

const NO_STORE = { "Cache-Control": "no-store" };

/** Reads a request body as bytes, stopping as soon as it passes `limit` bytes. */
export async function readBytesLimited(request: Request, limit: number): Promise<{ bytes: Buffer } | { tooLarge: true }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return { tooLarge: true };
  if (!request.body) return { bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  return { bytes: Buffer.concat(chunks) };
}

/** Reads a request body as text, stopping as soon as it passes `limit` bytes. */
export async function readBodyLimited(request: Request, limit: number): Promise<{ text: string } | { tooLarge: true }> {
  const read = await readBytesLimited(request, limit);
  return "tooLarge" in read ? read : { text: read.bytes.toString("utf8") };
}

/**
 * The JSON body of a POST the console's own pages send: 415 unless it is declared JSON (a
 * cross-site form cannot send that without the browser asking first), 413 past `limit` bytes.
 * `body` is null and `parsed` false when the text is not JSON.
 */
export async function readJsonBody(request: Request, limit: number): Promise<{ response: NextResponse } | { response?: never; body: unknown; parsed: boolean }> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return { response: NextResponse.json({ error: "send JSON" }, { status: 415, headers: NO_STORE }) };
  }
  const read = await readBodyLimited(request, limit);
  if ("tooLarge" in read) return { response: NextResponse.json({ error: "too large" }, { status: 413, headers: NO_STORE }) };
  try {
    return { body: JSON.parse(read.text), parsed: true };
  } catch {
    return { body: null, parsed: false };
  }
}
