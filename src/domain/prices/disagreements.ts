/**
 * Sources that price the same offering differently. Disagreements are data (DESIGN.md):
 * an aggregator late with a cut, a community table with a typo, a promotion one source
 * shows and another does not. Two sources disagree when their input or output price
 * (same currency) differs by more than `threshold`, relative to the larger value.
 */
import { toDecimal, type DecimalString } from "../money.ts";
import { authorityRank } from "./consolidate.ts";

export interface SourcedOfferingPrice {
  offeringId: number;
  provider: string;
  model: string;
  variant: string;
  region: string;
  source: string;
  authority: string | null;
  currency: string;
  input: DecimalString | null;
  output: DecimalString | null;
  validFrom: Date;
  lastSeenAt: Date;
}

type Side = Pick<SourcedOfferingPrice, "source" | "authority" | "input" | "output" | "validFrom" | "lastSeenAt">;

export interface Disagreement {
  offeringId: number;
  provider: string;
  model: string;
  variant: string;
  region: string;
  currency: string;
  /** The fields that differ beyond the threshold. */
  fields: Array<"input" | "output">;
  /** Largest relative difference among those fields, rounded to 4 places. */
  difference: number;
  a: Side;
  b: Side;
}

export function relativeDifference(a: DecimalString, b: DecimalString): number {
  const x = toDecimal(a);
  const y = toDecimal(b);
  const larger = x.greaterThan(y) ? x : y;
  if (larger.isZero()) return 0;
  return x.minus(y).abs().dividedBy(larger).toNumber();
}

export function findDisagreements(rows: readonly SourcedOfferingPrice[], threshold = 0.01): Disagreement[] {
  const byOffering = new Map<string, SourcedOfferingPrice[]>();
  for (const row of rows) {
    const key = `${row.offeringId}|${row.currency}`;
    byOffering.set(key, [...(byOffering.get(key) ?? []), row]);
  }
  const found: Disagreement[] = [];
  for (const group of byOffering.values()) {
    // The most authoritative source first, so `a` is the one a reader should believe.
    const sorted = [...group].sort((x, y) => authorityRank(x.authority) - authorityRank(y.authority) || x.source.localeCompare(y.source));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        const fields: Disagreement["fields"] = [];
        let difference = 0;
        for (const field of ["input", "output"] as const) {
          const x = a[field];
          const y = b[field];
          if (x === null || y === null) continue;
          const d = relativeDifference(x, y);
          if (d > threshold) {
            fields.push(field);
            difference = Math.max(difference, d);
          }
        }
        if (fields.length === 0) continue;
        const side = ({ source, authority, input, output, validFrom, lastSeenAt }: SourcedOfferingPrice): Side => ({ source, authority, input, output, validFrom, lastSeenAt });
        found.push({
          offeringId: a.offeringId,
          provider: a.provider,
          model: a.model,
          variant: a.variant,
          region: a.region,
          currency: a.currency,
          fields,
          difference: Math.round(difference * 10_000) / 10_000,
          a: side(a),
          b: side(b),
        });
      }
    }
  }
  return found.sort((x, y) => y.difference - x.difference || x.model.localeCompare(y.model));
}
