/** Bytes to text the way a browser would: the Content-Type charset, else UTF-8, BOM dropped. */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? "")?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? "utf-8");
  } catch {
    // An unknown charset label: UTF-8 covers nearly every source, and the parser judges the rest.
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(bytes);
}
