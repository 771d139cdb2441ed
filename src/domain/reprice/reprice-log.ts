/**
 * Re-prices a usage log line by line at the prices in force then. Prices come from an
 * injected lookup (the database in service, a table in unit tests), so this module stays
 * free of I/O. It yields one result per line as it goes, then the totals: memory stays
 * flat however long the log.
 */
import { z } from "zod";
import { describeIssues } from "../zod-issues.ts";
import { lineCost, type LineCost, type PeriodPrice } from "./line-cost.ts";
import type { LogRecord } from "./read-log.ts";
import { RepriceTotals, type Totals } from "./totals.ts";
import { usageLineSchema, type UsageLine } from "./usage-line.ts";

export const COMPARE_MODES = ["now", "best"] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** The price period a line was billed at, and where it came from. */
export interface PriceUsed {
  model: string;
  seller: string;
  variant: string;
  source: string;
  periodId: number;
  validFrom: string;
  /** null: still the current price. */
  validTo: string | null;
  price: PeriodPrice;
}

/** Without a price: the reason, and the canonical model where the name resolved (totals group by it). */
export type PriceAnswer = { price: PriceUsed } | { reason: string; model?: string };

export interface PriceLookup {
  /** The price in force for the line's model (and seller, variant) at its timestamp. */
  priceAt(line: UsageLine): Promise<PriceAnswer>;
  /** Today's price of the same offering. */
  priceNow(used: PriceUsed): Promise<PriceAnswer>;
  /** Today's best route for a task class. */
  bestNow(task: string): Promise<PriceAnswer>;
}

export interface Comparison {
  mode: CompareMode;
  cost: LineCost | null;
  price: PriceUsed | null;
  reason?: string;
}

export type RepricedLine =
  | { line: number; ok: true; timestamp: string; model: string; cost: LineCost; price: PriceUsed; compare?: Comparison }
  | { line: number; ok: false; model?: string; reason: string; compare?: Comparison };

export type RepriceOutput = ({ type: "line" } & RepricedLine) | { type: "totals"; totals: Totals };

export interface RepriceOptions {
  compare?: CompareMode;
}

async function comparison(lookup: PriceLookup, mode: CompareMode, usage: UsageLine, used: PriceUsed | null): Promise<Comparison> {
  let answer: PriceAnswer;
  if (mode === "best") answer = usage.task ? await lookup.bestNow(usage.task) : { reason: "no task class on this line" };
  else answer = used ? await lookup.priceNow(used) : { reason: "no price then, so no seller to compare with" };
  if ("reason" in answer) return { mode, cost: null, price: null, reason: answer.reason };
  const priced = lineCost(answer.price.price, usage);
  if ("reason" in priced) return { mode, cost: null, price: answer.price, reason: priced.reason };
  return { mode, cost: priced.cost, price: answer.price };
}

export async function* repriceLog(records: AsyncIterable<LogRecord>, lookup: PriceLookup, options: RepriceOptions = {}): AsyncGenerator<RepriceOutput> {
  const totals = new RepriceTotals();
  for await (const record of records) {
    if ("error" in record) {
      totals.addInvalid();
      yield { type: "line", line: record.line, ok: false, reason: record.error };
      continue;
    }
    const parsed = usageLineSchema.safeParse(record.record);
    if (!parsed.success) {
      totals.addInvalid();
      const model = z.object({ model: z.string() }).safeParse(record.record);
      yield { type: "line", line: record.line, ok: false, ...(model.success ? { model: model.data.model } : {}), reason: describeIssues(parsed.error, 3) };
      continue;
    }
    const usage = parsed.data;
    const answer = await lookup.priceAt(usage);
    const used = "price" in answer ? answer.price : null;
    const priced = used ? lineCost(used.price, usage) : null;
    const compare = options.compare ? await comparison(lookup, options.compare, usage, used) : undefined;
    const day = usage.timestamp.toISOString().slice(0, 10);
    totals.add({
      model: used?.model ?? ("model" in answer && answer.model ? answer.model : usage.model),
      seller: used?.seller ?? usage.seller ?? "(unknown)",
      day,
      inputTokens: usage.input_tokens + usage.cached_input_tokens + usage.cache_write_tokens,
      outputTokens: usage.output_tokens,
      cost: priced && "cost" in priced ? priced.cost.total : null,
      ...(compare ? { compareCost: compare.cost?.total ?? null } : {}),
    });
    const extra = compare ? { compare } : {};
    if ("reason" in answer) yield { type: "line", line: record.line, ok: false, model: usage.model, reason: answer.reason, ...extra };
    else if (priced && "reason" in priced) yield { type: "line", line: record.line, ok: false, model: usage.model, reason: `${priced.reason} (${used!.seller} ${used!.model}, ${used!.source})`, ...extra };
    else yield { type: "line", line: record.line, ok: true, timestamp: usage.timestamp.toISOString(), model: usage.model, cost: (priced as { cost: LineCost }).cost, price: used!, ...extra };
  }
  yield { type: "totals", totals: totals.summary() };
}
