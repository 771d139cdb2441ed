/**
 * The shape every scraper folder exports: where its payload lives, when to fetch it,
 * and a pure parse() from the fetched documents to observations. No I/O here.
 */
import type { z } from "zod";
import type { PriceObservation, ScoreObservation, SkippedEntry } from "../src/domain/observation.ts";
import { describeIssues } from "../src/domain/zod-issues.ts";
import type { IntegrityOverrides } from "../src/domain/integrity/thresholds.ts";

/** One fetched (or replayed) file: `name` is the URL or the path relative to the replay root. */
export interface PayloadDocument {
  name: string;
  body: string;
  contentType?: string;
}

export interface ParseContext {
  /** When the payload was observed (the run time, or --at for backfills). */
  observedAt: Date;
}

export interface ParseResult<O> {
  observations: O[];
  /** Entries recognised but not prices/scores (documentation keys, embeddings, agent systems...). */
  skipped: SkippedEntry[];
}

export interface Schedule {
  cron: string;
  tz: string;
  timeoutMs: number;
  retries: number;
}

interface SourceBase {
  /** kebab-case id used by the CLI and the replay folder mapping. */
  id: string;
  description: string;
  /** URLs fetched in order for one run. */
  urls: readonly string[];
  /** Expected body format: a JSON source that answers HTML is rejected before parse(). */
  format: "json" | "html" | "markdown" | "yaml" | "csv" | "text";
  schedule: Schedule;
  /** Environment variable holding an API key; the source is "disabled" without it. */
  apiKeyEnv?: string;
  /** Request header that carries the key (e.g. "x-api-key"); "authorization" sends "Bearer <key>". */
  apiKeyHeader?: string;
  /** Snapshot path(s) relative to the snapshots root, for replay mode. */
  replayPaths?: readonly string[];
  /** Names are "<author>/<model>" (OpenRouter, Hugging Face ids): an unknown author is the model's creator. */
  namesHaveAuthors?: boolean;
  /**
   * A second fetch round: URLs that depend on the first documents (OpenRouter's per-model
   * endpoints, tau2-bench's manifest-listed submissions). Their documents join the payload.
   */
  followUrls?(documents: readonly PayloadDocument[]): string[];
  /** Size limit of one payload document in bytes, where this source needs other than the default (DEFAULT_PAYLOAD_LIMIT_BYTES in jobs/fetch/payload-limit.ts). */
  maxPayloadBytes?: number;
  /** The integrity gate's thresholds where this source needs other than the defaults (domain/integrity/thresholds.ts). */
  integrity?: IntegrityOverrides;
}

export interface PriceSource extends SourceBase {
  kind: "price";
  /** How much the source outranks others for the same offering: first-party > aggregator > community. */
  authority: "first-party" | "aggregator" | "community";
  /** A full snapshot lists every offering it knows: an offering absent from it is delisted. */
  fullSnapshot: boolean;
  parse(documents: readonly PayloadDocument[], context: ParseContext): ParseResult<PriceObservation>;
}

/** A benchmark a source reports: scores of one id are comparable with each other. */
export interface BenchmarkDefinition {
  /** kebab-case, e.g. "aider-polyglot", "lmarena-text", "lmarena-text-coding". */
  id: string;
  name: string;
  scale: "percent" | "fraction" | "elo" | "index";
  higherIsBetter: boolean;
  description: string;
  url: string;
}

export interface BenchmarkSource extends SourceBase {
  kind: "benchmark";
  /** Every benchmark id this source's observations may carry. */
  benchmarks: readonly BenchmarkDefinition[];
  /**
   * Ids the source registers at run time: a new release or fit date of a board it defines
   * (each its own benchmark). Returns the definition of such an id, undefined for any other.
   */
  releaseDefinition?(benchmarkId: string): BenchmarkDefinition | undefined;
  parse(documents: readonly PayloadDocument[], context: ParseContext): ParseResult<ScoreObservation>;
}

export type SourceDefinition = PriceSource | BenchmarkSource;

/**
 * The payload is not what the parser expects (invalid JSON, bot challenge, layout change,
 * truncated body). The run fails with this message and writes nothing.
 */
export class PayloadError extends Error {
  constructor(
    readonly sourceId: string,
    message: string,
    readonly documentName?: string,
  ) {
    super(`${sourceId}: ${message}${documentName ? ` (in ${documentName})` : ""}`);
    this.name = "PayloadError";
  }
}

/** JSON.parse with a PayloadError that names the source, the file and the parser's complaint. */
export function parseJsonDocument(sourceId: string, document: PayloadDocument): unknown {
  try {
    return JSON.parse(document.body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PayloadError(sourceId, `invalid JSON: ${detail}`, document.name);
  }
}

/** JSON.parse, then a zod schema; a mismatch is a layout change, reported with its first few issues. */
export function readJsonDocument<T>(sourceId: string, document: PayloadDocument, schema: z.ZodType<T>): T {
  const result = schema.safeParse(parseJsonDocument(sourceId, document));
  if (result.success) return result.data;
  throw new PayloadError(sourceId, `unexpected layout: ${describeIssues(result.error, 3)}`, document.name);
}

export function singleDocument(sourceId: string, documents: readonly PayloadDocument[]): PayloadDocument {
  const [first] = documents;
  if (!first) throw new PayloadError(sourceId, "no payload document");
  return first;
}

export const DAILY_UTC: Schedule = { cron: "17 3 * * *", tz: "UTC", timeoutMs: 60_000, retries: 3 };
export const HOURLY: Schedule = { cron: "7 * * * *", tz: "UTC", timeoutMs: 60_000, retries: 3 };
