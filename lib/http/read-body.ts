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
