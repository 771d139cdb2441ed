/**
 * Benchmark stitching by item-response theory, as Epoch AI's Capabilities Index does
 * (a sigmoid per benchmark over one latent ability; see
 * ../shared/snapshots/benchmarks/epoch-ai/PROVENANCE.md). Pure and deterministic.
 *
 * Model: a model m with ability θ_m scores on benchmark j
 *   p_mj = σ(a_j (θ_m − d_j)),  σ(x) = 1 / (1 + e^−x)
 * where a_j is the benchmark's slope (how sharply it separates abilities) and d_j its
 * difficulty (the ability scoring half). Observed scores y_mj ∈ (0, 1) (observations.ts
 * puts percentages, fractions and Elo win probabilities on that range) are fitted by
 * weighted least squares, each benchmark with its own residual variance s_j² (a noisy
 * board counts less). Missing scores are simply absent terms: nothing is imputed.
 *
 * Priors make the fit identified and keep thin data honest: θ ~ N(prior mean, prior sd²)
 * (N(0, 1) in the joint fit), a ~ N(1, 1) kept ≥ 0.05, d ~ N(0, 3²). A model with one
 * score stays near its prior with a wide standard error instead of being excluded.
 *
 * Fitting: alternating Gauss-Newton steps, every model's θ with the benchmarks fixed,
 * then every benchmark's (a, d) with the abilities fixed, a fixed number of sweeps in id
 * order: the same data give the same numbers. A standard error is 1/√(Fisher
 * information): the Gauss-Newton Hessian of the model's own terms plus its prior's.
 * A few hundred models × ~100 benchmarks fit in well under a second; no numeric library
 * is needed for 1-D and 2-D Newton steps.
 */

export interface Observation {
  model: string;
  item: string;
  /** The score on (0, 1), higher is better. */
  value: number;
  /** How much the observation counts (1 = a current score; less when superseded). */
  weight: number;
}

export interface ItemParameters {
  slope: number;
  difficulty: number;
  /** Residual variance of the benchmark's scores around the fit. */
  variance: number;
  /** Models with a score on it. */
  models: number;
}

export interface Ability {
  theta: number;
  se: number;
  /** Observations that informed it, and their total weight. */
  observations: number;
  weight: number;
}

export interface Fit {
  items: ReadonlyMap<string, ItemParameters>;
  abilities: ReadonlyMap<string, Ability>;
}

export interface FitOptions {
  sweeps?: number;
  /** Prior on each model's ability; default N(0, 1). */
  prior?: (model: string) => { mean: number; sd: number };
  /** Benchmark parameters held fixed (the class fits reuse the joint fit's). */
  fixedItems?: ReadonlyMap<string, ItemParameters>;
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/** A floor on a benchmark's residual variance: a 3-point standard deviation. */
const MIN_VARIANCE = 0.03 ** 2;
/** Pseudo-observations at a 10-point residual sd that keep a small board's variance from collapsing. */
const VARIANCE_PRIOR_WEIGHT = 3;
const VARIANCE_PRIOR = 0.1 ** 2;
const SLOPE_PRIOR = { mean: 1, sd: 1 };
const DIFFICULTY_SD = 3;
const MIN_SLOPE = 0.05;

function groupBy(observations: readonly Observation[], key: (o: Observation) => string): Map<string, Observation[]> {
  const groups = new Map<string, Observation[]>();
  for (const observation of observations) {
    const id = key(observation);
    const group = groups.get(id);
    if (group) group.push(observation);
    else groups.set(id, [observation]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One Gauss-Newton step on a model's ability; returns the new θ and its information. */
function abilityStep(theta: number, rows: readonly Observation[], items: ReadonlyMap<string, ItemParameters>, prior: { mean: number; sd: number }) {
  const priorPrecision = 1 / prior.sd ** 2;
  let gradient = (theta - prior.mean) * priorPrecision;
  let information = priorPrecision;
  for (const row of rows) {
    const item = items.get(row.item)!;
    const p = sigmoid(item.slope * (theta - item.difficulty));
    const dp = item.slope * p * (1 - p);
    gradient -= (row.weight * (row.value - p) * dp) / item.variance;
    information += (row.weight * dp * dp) / item.variance;
  }
  // A damped step: far from the data the sigmoid is flat and a full step can overshoot.
  const step = Math.max(-1, Math.min(1, gradient / information));
  return { theta: theta - step, information };
}

function itemStep(item: ItemParameters, rows: readonly Observation[], abilities: ReadonlyMap<string, { theta: number }>): ItemParameters {
  const { slope: a, difficulty: d } = item;
  // Gradient and Gauss-Newton Hessian of ½Σ w (y − p)² / s² + priors in (a, d).
  let ga = (a - SLOPE_PRIOR.mean) / SLOPE_PRIOR.sd ** 2;
  let gd = d / DIFFICULTY_SD ** 2;
  let haa = 1 / SLOPE_PRIOR.sd ** 2;
  let hdd = 1 / DIFFICULTY_SD ** 2;
  let had = 0;
  for (const row of rows) {
    const theta = abilities.get(row.model)!.theta;
    const p = sigmoid(a * (theta - d));
    const slope = p * (1 - p);
    const da = slope * (theta - d);
    const dd = -a * slope;
    const residual = row.value - p;
    const w = row.weight / item.variance;
    ga -= w * residual * da;
    gd -= w * residual * dd;
    haa += w * da * da;
    hdd += w * dd * dd;
    had += w * da * dd;
  }
  const determinant = haa * hdd - had * had;
  if (!(determinant > 0)) return item;
  const stepA = Math.max(-0.5, Math.min(0.5, (hdd * ga - had * gd) / determinant));
  const stepD = Math.max(-1, Math.min(1, (haa * gd - had * ga) / determinant));
  return { ...item, slope: Math.max(MIN_SLOPE, a - stepA), difficulty: d - stepD };
}

function residualVariance(item: ItemParameters, rows: readonly Observation[], abilities: ReadonlyMap<string, { theta: number }>): number {
  let sum = VARIANCE_PRIOR_WEIGHT * VARIANCE_PRIOR;
  let weight = VARIANCE_PRIOR_WEIGHT;
  for (const row of rows) {
    const p = sigmoid(item.slope * (abilities.get(row.model)!.theta - item.difficulty));
    sum += row.weight * (row.value - p) ** 2;
    weight += row.weight;
  }
  return Math.max(MIN_VARIANCE, sum / weight);
}

const DEFAULT_PRIOR = () => ({ mean: 0, sd: 1 });

/** Fits abilities (and, unless fixed, benchmark parameters) to the observations. */
export function fitAbilities(observations: readonly Observation[], options: FitOptions = {}): Fit {
  const sweeps = options.sweeps ?? 60;
  const priorOf = options.prior ?? DEFAULT_PRIOR;
  const usable = observations.filter((o) => o.weight > 0 && Number.isFinite(o.value) && (!options.fixedItems || options.fixedItems.has(o.item)));
  const byModel = groupBy(usable, (o) => o.model);
  const byItem = groupBy(usable, (o) => o.item);

  // Start: each model's mean logit score relative to the benchmark's mean logit.
  const items = new Map<string, ItemParameters>();
  const itemMean = new Map<string, number>();
  for (const [id, rows] of byItem) {
    const mean = rows.reduce((sum, row) => sum + logit(row.value), 0) / rows.length;
    itemMean.set(id, mean);
    items.set(id, options.fixedItems?.get(id) ?? { slope: 1, difficulty: -mean, variance: VARIANCE_PRIOR, models: rows.length });
  }
  const abilities = new Map<string, { theta: number; information: number }>();
  for (const [model, rows] of byModel) {
    const prior = priorOf(model);
    const start = rows.reduce((sum, row) => sum + logit(row.value) - itemMean.get(row.item)!, 0) / rows.length;
    abilities.set(model, { theta: options.fixedItems ? prior.mean : Math.max(-3, Math.min(3, start)), information: 1 / prior.sd ** 2 });
  }

  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (const [model, rows] of byModel) {
      const current = abilities.get(model)!;
      abilities.set(model, abilityStep(current.theta, rows, items, priorOf(model)));
    }
    if (options.fixedItems) continue;
    for (const [id, rows] of byItem) {
      const stepped = itemStep(items.get(id)!, rows, abilities);
      items.set(id, { ...stepped, variance: residualVariance(stepped, rows, abilities) });
    }
  }

  const result = new Map<string, Ability>();
  for (const [model, rows] of byModel) {
    // The information at the final θ, so the standard error matches the estimate reported.
    const { theta } = abilities.get(model)!;
    const { information } = abilityStep(theta, rows, items, priorOf(model));
    result.set(model, {
      theta,
      se: 1 / Math.sqrt(information),
      observations: rows.length,
      weight: rows.reduce((sum, row) => sum + row.weight, 0),
    });
  }
  return { items, abilities: result };
}

/** Expected score (0..1) of an ability on a benchmark. */
export function expectedScore(item: ItemParameters, theta: number): number {
  return sigmoid(item.slope * (theta - item.difficulty));
}
