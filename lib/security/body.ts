// Request bodies read with a running limit: a chunked body has no Content-Length to check first,
// and one that never ends must not fill the memory.

/** The request body, or "too-large" as soon as it passes `limit` bytes (the rest is not read). */
export async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | "too-large"> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return "too-large";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
