/**
 * How well a predicted order matches an observed one, for the leave-one-benchmark-out
 * validation (bench/eval-quality.ts). Pure.
 */

/** Ranks 1..n, ties sharing their mean rank. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    for (let k = start; k <= end; k++) result[order[k]!.index] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return result;
}

/** Spearman's rank correlation (Pearson on tie-averaged ranks); NaN when either side is constant. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (ra.length + 1) / 2;
  let covariance = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < ra.length; i++) {
    covariance += (ra[i]! - mean) * (rb[i]! - mean);
    va += (ra[i]! - mean) ** 2;
    vb += (rb[i]! - mean) ** 2;
  }
  return covariance / Math.sqrt(va * vb);
}

/** Share of the pairs with different observed values that the prediction orders the same way (a predicted tie counts half). */
export function pairwiseAccuracy(predicted: readonly number[], observed: readonly number[]): number {
  let agree = 0;
  let pairs = 0;
  for (let i = 0; i < observed.length; i++) {
    for (let j = i + 1; j < observed.length; j++) {
      const truth = Math.sign(observed[i]! - observed[j]!);
      if (truth === 0) continue;
      pairs += 1;
      const guess = Math.sign(predicted[i]! - predicted[j]!);
      agree += guess === truth ? 1 : guess === 0 ? 0.5 : 0;
    }
  }
  return pairs === 0 ? Number.NaN : agree / pairs;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
