/**
 * Payload documents read from recorded files instead of the network (`--replay`,
 * PRICEWAR_REPLAY_DIR, backfills). A folder yields every file below it in a stable
 * order, named by its path relative to the folder, so parsers see the same names on
 * every machine. `.gz` files are gunzipped and named without the suffix. A file larger
 * than the payload limit (gunzipped size for `.gz`) is refused before it is read whole.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { PayloadDocument } from "../../../scrapers/source.ts";
import { decodeBody } from "./decode-body.ts";
import { DEFAULT_REPLAY_LIMIT, payloadTooLargeMessage, type PayloadLimit } from "./payload-limit.ts";

const gunzipAsync = promisify(gunzip);

/** Files that describe a snapshot folder rather than belong to the payload. */
const DOCUMENTATION_FILES = new Set(["provenance.md", "readme.md", "index.md", "naming.md", "symlinks.tsv"]);

const CONTENT_TYPES: Record<string, string> = {
  ".json": "application/json",
  ".html": "text/html",
  ".htm": "text/html",
  ".md": "text/markdown",
  ".yaml": "application/yaml",
  ".yml": "application/yaml",
  ".csv": "text/csv",
  ".tsv": "text/tab-separated-values",
  ".toml": "application/toml",
  ".txt": "text/plain",
};

export class ReplayError extends Error {
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`replay ${path}: ${message}`, options);
    this.name = "ReplayError";
  }
}

/** One document for a file; every payload file below a folder, sorted by relative path. `limit` applies to each file. */
export async function readReplayDocuments(path: string, limit: PayloadLimit = DEFAULT_REPLAY_LIMIT): Promise<PayloadDocument[]> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new ReplayError(path, "no such file or folder", { cause: error });
    throw error;
  });
  if (!info.isDirectory()) return [await readDocument(path, basename(path), limit)];

  const names = (await listPayloadFiles(path, "")).sort(byPathSegments);
  if (names.length === 0) throw new ReplayError(path, "the folder holds no payload files");
  // One file at a time: a snapshot folder can hold thousands, more than the open-file limit.
  const documents: PayloadDocument[] = [];
  for (const name of names) documents.push(await readDocument(join(path, name), name, limit));
  return documents;
}

/** Relative paths ("/"-separated) of the payload files below `root/relative`, symlinks followed. */
async function listPayloadFiles(root: string, relative: string): Promise<string[]> {
  const entries = await readdir(join(root, relative), { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith(".") && !DOCUMENTATION_FILES.has(entry.name.toLowerCase()))
      .map(async (entry) => {
        const name = relative ? `${relative}/${entry.name}` : entry.name;
        const isDirectory = entry.isSymbolicLink() ? (await stat(join(root, name))).isDirectory() : entry.isDirectory();
        return isDirectory ? listPayloadFiles(root, name) : [name];
      }),
  );
  return nested.flat();
}

/**
 * Folder by folder, code-unit order within each (as `readdir().sort()`): "a/b" sorts
 * before "a-c/b" although "-" < "/", so a folder's files stay together.
 */
function byPathSegments(a: string, b: string): number {
  const left = a.split("/");
  const right = b.split("/");
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const [x, y] = [left[i] as string, right[i] as string];
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

async function readDocument(file: string, name: string, limit: PayloadLimit): Promise<PayloadDocument> {
  const { size } = await stat(file);
  if (size > limit.bytes) throw new ReplayError(file, payloadTooLargeMessage(limit, size));
  let bytes: Uint8Array = await readFile(file);
  let documentName = name;
  if (name.endsWith(".gz")) {
    // zlib stops at maxOutputLength, so a gzip bomb never inflates past the limit.
    bytes = await gunzipAsync(bytes, { maxOutputLength: limit.bytes }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw new ReplayError(file, `gunzipped ${payloadTooLargeMessage(limit)}`, { cause: error });
      }
      throw new ReplayError(file, `cannot gunzip: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    documentName = name.slice(0, -".gz".length);
  }
  const contentType = CONTENT_TYPES[extname(documentName).toLowerCase()];
  return { name: documentName, body: decodeBody(bytes), ...(contentType ? { contentType } : {}) };
}
