/**
 * Running totals of a repriced log per model, per seller and per day (UTC), in exact
 * decimals. Memory grows with the number of distinct models, sellers and days, never
 * with the number of lines. Lines without a price are counted apart, never as $0.
 */
import { canonical, toDecimal, type DecimalString } from "../money.ts";

type Exact = ReturnType<typeof toDecimal>;

interface Bucket {
  lines: number;
  unpriced: number;
  inputTokens: number;
  outputTokens: number;
  cost: Exact;
  compareCost: Exact | null;
  compareUnpriced: number;
}

export interface TotalRow {
  key: string;
  lines: number;
  /** Lines in this group without a price: their cost is not in `cost`. */
  unpriced: number;
  inputTokens: number;
  outputTokens: number;
  cost: DecimalString;
  /** The same usage at the comparison price (--compare), where asked. */
  compareCost?: DecimalString;
  compareUnpriced?: number;
}

export interface Totals {
  lines: number;
  priced: number;
  unpriced: number;
  /** Lines that were not valid records. */
  invalid: number;
  cost: DecimalString;
  compareCost?: DecimalString;
  byModel: TotalRow[];
  bySeller: TotalRow[];
  byDay: TotalRow[];
}

export interface TotalsEntry {
  model: string;
  seller: string;
  day: string;
  inputTokens: number;
  outputTokens: number;
  /** null when the line has no price. */
  cost: DecimalString | null;
  /** undefined when no comparison was asked; null when the comparison has no price. */
  compareCost?: DecimalString | null;
}

export class RepriceTotals {
  private readonly groups = { model: new Map<string, Bucket>(), seller: new Map<string, Bucket>(), day: new Map<string, Bucket>() };
  private readonly all = emptyBucket();
  private invalid = 0;
  private comparing = false;

  addInvalid(): void {
    this.invalid += 1;
  }

  add(entry: TotalsEntry): void {
    if (entry.compareCost !== undefined) this.comparing = true;
    addTo(this.all, entry);
    for (const [group, key] of [["model", entry.model], ["seller", entry.seller], ["day", entry.day]] as const) {
      const map = this.groups[group];
      let bucket = map.get(key);
      if (!bucket) map.set(key, (bucket = emptyBucket()));
      addTo(bucket, entry);
    }
  }

  summary(): Totals {
    const rows = (map: Map<string, Bucket>) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, bucket]) => this.row(key, bucket));
    const { key: _key, ...all } = this.row("", this.all);
    return {
      lines: this.all.lines + this.invalid,
      priced: this.all.lines - this.all.unpriced,
      unpriced: this.all.unpriced,
      invalid: this.invalid,
      cost: all.cost,
      ...(this.comparing ? { compareCost: all.compareCost } : {}),
      byModel: rows(this.groups.model),
      bySeller: rows(this.groups.seller),
      byDay: rows(this.groups.day),
    };
  }

  private row(key: string, bucket: Bucket): TotalRow {
    const row: TotalRow = { key, lines: bucket.lines, unpriced: bucket.unpriced, inputTokens: bucket.inputTokens, outputTokens: bucket.outputTokens, cost: canonical(bucket.cost) };
    if (this.comparing) {
      row.compareCost = canonical(bucket.compareCost ?? toDecimal(0));
      row.compareUnpriced = bucket.compareUnpriced;
    }
    return row;
  }
}

function emptyBucket(): Bucket {
  return { lines: 0, unpriced: 0, inputTokens: 0, outputTokens: 0, cost: toDecimal(0), compareCost: null, compareUnpriced: 0 };
}

function addTo(bucket: Bucket, entry: TotalsEntry): void {
  bucket.lines += 1;
  bucket.inputTokens += entry.inputTokens;
  bucket.outputTokens += entry.outputTokens;
  if (entry.cost === null) bucket.unpriced += 1;
  else bucket.cost = bucket.cost.plus(toDecimal(entry.cost));
  if (entry.compareCost === undefined) return;
  if (entry.compareCost === null) bucket.compareUnpriced += 1;
  else bucket.compareCost = (bucket.compareCost ?? toDecimal(0)).plus(toDecimal(entry.compareCost));
}

