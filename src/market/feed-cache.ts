/**
 * A market view's feed files as bytes, built once per view (so once per data version)
 * and kept with it: the body as compact text, gzip and brotli. The cache is generic: a
 * feed is a key (its name plus a variant, e.g. "litellm.json" or
 * "litellm.json?complete=1") and a function of the view that returns its text; the
 * feed handlers (src/api/feeds/handlers.ts) name the builders.
 */
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { MarketView } from "./market-view.ts";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Brotli at quality 11 takes seconds on a 2 MB feed; 6 keeps most of the gain in tens of milliseconds. */
const BROTLI_QUALITY = 6;

export interface FeedBytes {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** A strong validator: the data version and the feed key, so it changes exactly when the bytes can. */
  etag: string;
}

export type FeedBuilder = (view: MarketView) => string | Promise<string>;

export async function encodeFeed(text: string, etag: string): Promise<FeedBytes> {
  const identity = Buffer.from(text, "utf8");
  const [gz, br] = await Promise.all([
    gzipAsync(identity),
    brotliAsync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
  ]);
  return { identity, gzip: gz, br, etag };
}

/** The ETag of anything answered from one data version: quoted, as HTTP wants. */
export function versionTag(version: string, key = ""): string {
  return `"${version}${key ? `:${key}` : ""}"`;
}

export class FeedCache {
  private readonly built = new Map<string, Promise<FeedBytes>>();

  constructor(private readonly view: MarketView) {}

  /** The feed's bytes, built on first use; concurrent first requests share one build. */
  bytes(key: string, build: FeedBuilder): Promise<FeedBytes> {
    let bytes = this.built.get(key);
    if (!bytes) {
      bytes = Promise.resolve(build(this.view)).then((text) => encodeFeed(text, versionTag(this.view.version, key)));
      // A failed build is tried again by the next request, not remembered.
      bytes.catch(() => this.built.delete(key));
      this.built.set(key, bytes);
    }
    return bytes;
  }
}
