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
 * then every benchmark's (a, d) with the abilities fixed, in id order, until no parameter
 * moves more than a tolerance: the same data (and start) give the same numbers. A standard error is 1/√(Fisher
 * information): the Gauss-Newton Hessian of the model's own terms plus its prior's.
 * ~800 models × ~150 benchmarks fit in well under a second on flat typed arrays; no
 * numeric library is needed for 1-D and 2-D Newton steps.
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
  /** Sweeps run before the parameters settled (or the cap). */
  sweeps?: number;
}

export interface FitOptions {
  /** Cap on the sweeps (default MAX_SWEEPS); 0 returns the starting values. */
  sweeps?: number;
  /** Stop once no parameter moves more than this in a sweep (default TOLERANCE). */
  tolerance?: number;
  /** Warm start: a previous fit's abilities and benchmark parameters, where they exist. */
  start?: Pick<Fit, "items" | "abilities">;
  /** Prior on each model's ability; default N(0, 1). */
  prior?: (model: string) => { mean: number; sd: number };
  /** Benchmark parameters held fixed (the class fits reuse the joint fit's). */
  fixedItems?: ReadonlyMap<string, ItemParameters>;
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const DEFAULT_PRIOR = () => ({ mean: 0, sd: 1 });
const logit = (p: number) => Math.log(p / (1 - p));

/** A floor on a benchmark's residual variance: a 3-point standard deviation. */
const MIN_VARIANCE = 0.03 ** 2;
/** Pseudo-observations at a 10-point residual sd that keep a small board's variance from collapsing. */
const VARIANCE_PRIOR_WEIGHT = 3;
const VARIANCE_PRIOR = 0.1 ** 2;
const SLOPE_PRIOR = { mean: 1, sd: 1 };
const DIFFICULTY_SD = 3;
const MIN_SLOPE = 0.05;
export const MAX_SWEEPS = 600;
/** Ability units; 1e-5 moves a 0..100 quality by well under 0.001 points. */
export const TOLERANCE = 1e-5;

/** Ids in code-unit order, and each id's index. */
function indexIds(ids: Iterable<string>): { ids: string[]; index: Map<string, number> } {
  const sorted = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { ids: sorted, index: new Map(sorted.map((id, position) => [id, position])) };
}

/** Compressed rows: the observations of group g are order[start[g] .. start[g+1]). */
function groupRows(groupOf: Int32Array, groups: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (const group of groupOf) start[group + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const next = start.slice(0, groups);
  const order = new Int32Array(groupOf.length);
  groupOf.forEach((group, row) => (order[next[group]!++] = row));
  return { start, order };
}

/**
 * Fits abilities (and, unless fixed, benchmark parameters) to the observations.
 * The data live in typed arrays indexed by model and benchmark (ids in code-unit order),
 * so a sweep is two passes over flat arrays. Sweeps stop when no ability moved more than
 * `tolerance` and no benchmark parameter more than `tolerance` in the last sweep, or after
 * `sweeps`. `start` warm-starts from a previous fit's parameters (the market view refits
 * from its last fit when data change): the same optimum is reached in fewer sweeps.
 */
export function fitAbilities(observations: readonly Observation[], options: FitOptions = {}): Fit {
  const maxSweeps = options.sweeps ?? MAX_SWEEPS;
  const tolerance = options.tolerance ?? TOLERANCE;
  const priorOf = options.prior ?? DEFAULT_PRIOR;
  const fixed = options.fixedItems;
  const usable = observations.filter((o) => o.weight > 0 && Number.isFinite(o.value) && (!fixed || fixed.has(o.item)));
  const models = indexIds(usable.map((o) => o.model));
  const items = indexIds(usable.map((o) => o.item));
  const n = usable.length;
  const M = models.ids.length;
  const I = items.ids.length;
  const modelOf = new Int32Array(n);
  const itemOf = new Int32Array(n);
  const value = new Float64Array(n);
  const weight = new Float64Array(n);
  usable.forEach((o, row) => {
    modelOf[row] = models.index.get(o.model)!;
    itemOf[row] = items.index.get(o.item)!;
    value[row] = o.value;
    weight[row] = o.weight;
  });
  const byModel = groupRows(modelOf, M);
  const byItem = groupRows(itemOf, I);

  // Start: each benchmark's mean logit; each model's mean logit relative to it (or the warm start).
  const slope = new Float64Array(I);
  const difficulty = new Float64Array(I);
  const variance = new Float64Array(I);
  const itemCount = new Int32Array(I);
  const itemMean = new Float64Array(I);
  for (let j = 0; j < I; j++) {
    let sum = 0;
    for (let k = byItem.start[j]!; k < byItem.start[j + 1]!; k++) sum += logit(value[byItem.order[k]!]!);
    const count = byItem.start[j + 1]! - byItem.start[j]!;
    itemMean[j] = sum / count;
    itemCount[j] = count;
    const given = fixed?.get(items.ids[j]!) ?? options.start?.items.get(items.ids[j]!);
    slope[j] = given?.slope ?? 1;
    difficulty[j] = given?.difficulty ?? -itemMean[j]!;
    variance[j] = given?.variance ?? VARIANCE_PRIOR;
  }
  const theta = new Float64Array(M);
  const priorMean = new Float64Array(M);
  const priorPrecision = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    const prior = priorOf(models.ids[m]!);
    priorMean[m] = prior.mean;
    priorPrecision[m] = 1 / prior.sd ** 2;
    let sum = 0;
    for (let k = byModel.start[m]!; k < byModel.start[m + 1]!; k++) sum += logit(value[byModel.order[k]!]!) - itemMean[itemOf[byModel.order[k]!]!]!;
    const warm = options.start?.abilities.get(models.ids[m]!)?.theta;
    theta[m] = warm ?? (fixed ? prior.mean : Math.max(-3, Math.min(3, sum / (byModel.start[m + 1]! - byModel.start[m]!))));
  }

  /** One damped Gauss-Newton step on model m's ability; returns the information at the old θ. */
  const abilityInformation = (m: number, step: boolean): number => {
    const t = theta[m]!;
    let gradient = (t - priorMean[m]!) * priorPrecision[m]!;
    let information = priorPrecision[m]!;
    for (let k = byModel.start[m]!; k < byModel.start[m + 1]!; k++) {
      const row = byModel.order[k]!;
      const j = itemOf[row]!;
      const a = slope[j]!;
      const p = 1 / (1 + Math.exp(-a * (t - difficulty[j]!)));
      const dp = a * p * (1 - p);
      const w = weight[row]! / variance[j]!;
      gradient -= w * (value[row]! - p) * dp;
      information += w * dp * dp;
    }
    // Far from the data the sigmoid is flat and a full step can overshoot.
    if (step) theta[m] = t - Math.max(-1, Math.min(1, gradient / information));
    return information;
  };

  /** One Gauss-Newton step on benchmark j's (slope, difficulty), then its residual variance; returns the largest change. */
  const itemUpdate = (j: number): number => {
    const a = slope[j]!;
    const d = difficulty[j]!;
    // Gradient and Gauss-Newton Hessian of ½Σ w (y − p)² / s² + priors in (a, d).
    let ga = (a - SLOPE_PRIOR.mean) / SLOPE_PRIOR.sd ** 2;
    let gd = d / DIFFICULTY_SD ** 2;
    let haa = 1 / SLOPE_PRIOR.sd ** 2;
    let hdd = 1 / DIFFICULTY_SD ** 2;
    let had = 0;
    const s2 = variance[j]!;
    for (let k = byItem.start[j]!; k < byItem.start[j + 1]!; k++) {
      const row = byItem.order[k]!;
      const x = theta[modelOf[row]!]! - d;
      const p = 1 / (1 + Math.exp(-a * x));
      const dSlope = p * (1 - p);
      const da = dSlope * x;
      const dd = -a * dSlope;
      const residual = value[row]! - p;
      const w = weight[row]! / s2;
      ga -= w * residual * da;
      gd -= w * residual * dd;
      haa += w * da * da;
      hdd += w * dd * dd;
      had += w * da * dd;
    }
    const determinant = haa * hdd - had * had;
    if (determinant > 0) {
      const stepA = Math.max(-0.5, Math.min(0.5, (hdd * ga - had * gd) / determinant));
      const stepD = Math.max(-1, Math.min(1, (haa * gd - had * ga) / determinant));
      slope[j] = Math.max(MIN_SLOPE, a - stepA);
      difficulty[j] = d - stepD;
    }
    let sum = VARIANCE_PRIOR_WEIGHT * VARIANCE_PRIOR;
    let total = VARIANCE_PRIOR_WEIGHT;
    for (let k = byItem.start[j]!; k < byItem.start[j + 1]!; k++) {
      const row = byItem.order[k]!;
      const p = 1 / (1 + Math.exp(-slope[j]! * (theta[modelOf[row]!]! - difficulty[j]!)));
      sum += weight[row]! * (value[row]! - p) ** 2;
      total += weight[row]!;
    }
    variance[j] = Math.max(MIN_VARIANCE, sum / total);
    return Math.max(Math.abs(slope[j]! - a), Math.abs(difficulty[j]! - d));
  };

  /** One sweep: every ability, then (unless fixed) every benchmark; returns the largest change. */
  const sweep = (): number => {
    let moved = 0;
    for (let m = 0; m < M; m++) {
      const before = theta[m]!;
      abilityInformation(m, true);
      moved = Math.max(moved, Math.abs(theta[m]! - before));
    }
    if (!fixed) for (let j = 0; j < I; j++) moved = Math.max(moved, itemUpdate(j));
    return moved;
  };

  /**
   * The likelihood only sees a(θ − d): θ → cθ + b, d → cd + b, a → a/c changes no expected
   * score, so only the priors pin the scale, and alternating sweeps crawl along it. This
   * step moves straight to the priors' best (c, b) (a few 2-D Newton steps), which removes
   * that slow direction without changing any prediction.
   */
  const rescale = () => {
    let c = 1;
    let b = 0;
    const pa = 1 / SLOPE_PRIOR.sd ** 2;
    const pd = 1 / DIFFICULTY_SD ** 2;
    for (let iteration = 0; iteration < 5; iteration++) {
      let gb = 0;
      let gc = 0;
      let hbb = 0;
      let hbc = 0;
      let hcc = 0;
      for (let m = 0; m < M; m++) {
        const residual = c * theta[m]! + b - priorMean[m]!;
        const precision = priorPrecision[m]!;
        gb += precision * residual;
        gc += precision * residual * theta[m]!;
        hbb += precision;
        hbc += precision * theta[m]!;
        hcc += precision * theta[m]! ** 2;
      }
      for (let j = 0; j < I; j++) {
        const a = slope[j]! / c;
        const d = c * difficulty[j]! + b;
        gb += pd * d;
        gc += pd * d * difficulty[j]! - (pa * (a - 1) * a) / c;
        hbb += pd;
        hbc += pd * difficulty[j]!;
        hcc += pd * difficulty[j]! ** 2 + (pa * (a * a + 2 * (a - 1) * a)) / (c * c);
      }
      const determinant = hbb * hcc - hbc * hbc;
      if (!(determinant > 0)) return;
      const stepB = (hcc * gb - hbc * gc) / determinant;
      const stepC = (hbb * gc - hbc * gb) / determinant;
      b -= stepB;
      c = Math.min(2, Math.max(0.5, c - stepC));
    }
    for (let m = 0; m < M; m++) theta[m] = c * theta[m]! + b;
    for (let j = 0; j < I; j++) {
      difficulty[j] = c * difficulty[j]! + b;
      slope[j] = Math.max(MIN_SLOPE, slope[j]! / c);
    }
  };

  let sweepsRun = 0;
  while (sweepsRun < maxSweeps) {
    sweepsRun++;
    const moved = sweep();
    if (!fixed) rescale();
    if (moved < tolerance) break;
  }

  const fittedItems = new Map<string, ItemParameters>();
  for (let j = 0; j < I; j++) {
    const id = items.ids[j]!;
    fittedItems.set(id, fixed?.get(id) ?? { slope: slope[j]!, difficulty: difficulty[j]!, variance: variance[j]!, models: itemCount[j]! });
  }
  const abilities = new Map<string, Ability>();
  for (let m = 0; m < M; m++) {
    // The information at the final θ, so the standard error matches the estimate reported.
    const information = abilityInformation(m, false);
    let total = 0;
    for (let k = byModel.start[m]!; k < byModel.start[m + 1]!; k++) total += weight[byModel.order[k]!]!;
    abilities.set(models.ids[m]!, { theta: theta[m]!, se: 1 / Math.sqrt(information), observations: byModel.start[m + 1]! - byModel.start[m]!, weight: total });
  }
  return { items: fittedItems, abilities, sweeps: sweepsRun };
}

/** Expected score (0..1) of an ability on a benchmark. */
export function expectedScore(item: ItemParameters, theta: number): number {
  return sigmoid(item.slope * (theta - item.difficulty));
}
