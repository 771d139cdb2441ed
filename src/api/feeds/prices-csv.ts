/** Current prices as CSV, one row per offering, per 1M tokens in the row's currency; empty cell = unknown. */
import type { FeedPrice } from "./litellm-feed.ts";

export type CsvPrice = Omit<FeedPrice, "tiers" | "contextWindow" | "maxOutputTokens"> & {
  source: string;
  validFrom: Date;
  lastSeenAt: Date;
};

const COLUMNS = [
  ["provider", (p: CsvPrice) => p.provider],
  ["model", (p: CsvPrice) => p.model],
  ["variant", (p: CsvPrice) => p.variant],
  ["region", (p: CsvPrice) => p.region],
  ["currency", (p: CsvPrice) => p.currency],
  ["input_per_1m", (p: CsvPrice) => p.input],
  ["output_per_1m", (p: CsvPrice) => p.output],
  ["cache_read_per_1m", (p: CsvPrice) => p.cacheRead],
  ["cache_write_per_1m", (p: CsvPrice) => p.cacheWrite],
  ["cache_write_1h_per_1m", (p: CsvPrice) => p.cacheWrite1h],
  ["source", (p: CsvPrice) => p.source],
  ["valid_from", (p: CsvPrice) => p.validFrom.toISOString()],
  ["last_seen_at", (p: CsvPrice) => p.lastSeenAt.toISOString()],
] as const;

function cell(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function buildPricesCsv(prices: readonly CsvPrice[]): string {
  const header = COLUMNS.map(([name]) => name).join(",");
  const rows = prices.map((price) => COLUMNS.map(([, read]) => cell(read(price))).join(","));
  return [header, ...rows].join("\r\n") + "\r\n";
}
