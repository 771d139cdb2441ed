/**
 * Time-of-day pricing as two offerings: the dearer price is "standard", the cheaper one
 * "off-peak", the variant name deepseek-pricing gives the same discount, so that both sources
 * price one offering. The variant does not carry the window: for DeepSeek the default entry is
 * the off-peak price (UTC 16:30-00:30) and its 00:30-16:30 window the standard price.
 */
import { compareDecimal, type DecimalString } from "../../src/domain/money.ts";
import type { PriceSet } from "./price-set.ts";

export interface VariantPrice {
  variant: string;
  set: PriceSet;
}

/** -1 when `a` costs less than `b` on input and output alike, 1 for the reverse, 0 when neither is cheaper. */
function cheaperOf(a: PriceSet, b: PriceSet): number {
  const pairs: Array<[DecimalString | null, DecimalString | null]> = [
    [a.input, b.input],
    [a.output, b.output],
  ];
  const signs = pairs.map(([x, y]) => (x === null || y === null ? Number.NaN : compareDecimal(x, y)));
  if (signs.every((sign) => sign <= 0) && signs.some((sign) => sign < 0)) return -1;
  if (signs.every((sign) => sign >= 0) && signs.some((sign) => sign > 0)) return 1;
  return 0;
}

export function offPeakVariants(outsideWindow: PriceSet, insideWindow: PriceSet): VariantPrice[] | { reason: string } {
  const order = cheaperOf(outsideWindow, insideWindow);
  if (order === 0) return { reason: "time-of-day prices where neither period is cheaper on both input and output" };
  const [offPeak, standard] = order < 0 ? [outsideWindow, insideWindow] : [insideWindow, outsideWindow];
  return [
    { variant: "standard", set: standard },
    { variant: "off-peak", set: offPeak },
  ];
}
