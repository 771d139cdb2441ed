/**
 * Quality per task class on the class's own units: the expected score (0..100) on the
 * class's benchmarks, with a 95% interval. Pure.
 *
 * 1. Joint fit: every catalogue benchmark release is one item of one IRT fit (irt.ts), so
 *    benchmark parameters are shared by all classes and a release is linked to the rest
 *    through the models it shares with them.
 * 2. Class fit: each model's ability in the class is fitted on the class's items alone,
 *    with the joint fit's benchmark parameters held fixed and the model's joint ability as
 *    its prior: θ_class ~ N(θ_joint, se_joint² + CLASS_SPREAD²). A model with many class
 *    scores is placed by them; one with few stays near its general ability with a wide
 *    interval; one with none gets its general ability and the widest interval, and
 *    `classScores` says 0. Nobody is excluded for missing scores.
 * 3. Units: for each catalogue component the reference item is the newest release of its
 *    first-listed benchmark that has one (for an Elo board, the expected score is the win
 *    rate against that fit's median model). Quality(θ) = 100 × Σ weight × p_ref(θ) / Σ weight
 *    over components with a reference item. It is increasing in θ, so the interval is
 *    Quality(θ ± 1.96 se).
 */
import type { TaskClass, TaskComponent } from "../tasks/catalogue.ts";
import { expectedScore, fitAbilities, type Ability, type Fit, type ItemParameters } from "./irt.ts";
import { boardOf, toObservations, type Item, type ItemScore, type ItemSet } from "./observations.ts";

/** Prior sd of a model's class ability around its general ability (in ability units). */
export const CLASS_SPREAD = 0.5;
export const Z95 = 1.96;

export interface QualityComponentScore {
  component: string;
  /** The release item the score belongs to (board@date for a release). */
  item: string;
  benchmark: string;
  source: string;
  scale: string;
  rawScore: string;
  /** The score on 0..100 as fitted (percent, or win rate against the release's median). */
  normalised: number;
  /** 1 for a current score, less when a newer release supersedes it. */
  weight: number;
  setting: string;
  rawName: string;
  asOf: string;
}

export interface ClassQuality {
  model: string;
  /** Expected score on the class's benchmarks, 0..100. */
  quality: number;
  low: number;
  high: number;
  /** Ability on the joint scale and its standard error. */
  ability: number;
  abilitySe: number;
  /** Scores of the class that informed it. */
  classScores: number;
  /** Share of the class's weight carried by components the model has a score on. */
  coverage: number;
  components: QualityComponentScore[];
  missing: string[];
}

export interface ClassScale {
  task: string;
  /** Per component: the reference item its units come from, or null when no release has data. */
  references: Array<{ component: string; item: string | null; weight: number }>;
}

export interface QualityModel {
  set: ItemSet;
  joint: Fit;
  classes: ReadonlyMap<string, { scale: ClassScale; models: ClassQuality[] }>;
}

/** Items of a component: every release of every board it lists. */
function componentItems(component: TaskComponent, items: Iterable<Item>): Item[] {
  const boards = new Set(component.benchmarks.map((id) => boardOf(id).board));
  return [...items].filter((item) => boards.has(item.board));
}

function referenceItem(component: TaskComponent, items: readonly Item[], fitted: ReadonlyMap<string, ItemParameters>): Item | null {
  for (const benchmark of component.benchmarks) {
    const board = boardOf(benchmark).board;
    const releases = items.filter((item) => item.board === board && fitted.has(item.id)).sort((a, b) => (b.release ?? "").localeCompare(a.release ?? ""));
    if (releases.length > 0) return releases[0]!;
  }
  return null;
}

export function classScale(task: TaskClass, set: ItemSet, fitted: ReadonlyMap<string, ItemParameters>): ClassScale {
  const all = [...set.items.values()];
  return {
    task: task.id,
    references: task.components.map((component) => ({
      component: component.key,
      item: referenceItem(component, componentItems(component, all), fitted)?.id ?? null,
      weight: component.weight,
    })),
  };
}

/** Expected score (0..100) of an ability on the class's scale. */
export function qualityAt(scale: ClassScale, items: ReadonlyMap<string, ItemParameters>, theta: number): number {
  let sum = 0;
  let weight = 0;
  for (const reference of scale.references) {
    if (!reference.item) continue;
    sum += reference.weight * expectedScore(items.get(reference.item)!, theta);
    weight += reference.weight;
  }
  return weight === 0 ? Number.NaN : (100 * sum) / weight;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface QualityModelOptions {
  /** Leave these items out of every fit (leave-one-benchmark-out validation). */
  exclude?: (item: Item) => boolean;
  sweeps?: number;
  /** Warm start from an earlier fit (e.g. before the data changed): same optimum, fewer sweeps. */
  previous?: QualityModel;
}

/** The joint fit and every class's qualities. */
export function fitQualityModel(set: ItemSet, classes: readonly TaskClass[], options: QualityModelOptions = {}): QualityModel {
  const keep = (item: Item) => !options.exclude?.(item);
  const joint = fitAbilities(toObservations(set, keep), { sweeps: options.sweeps, start: options.previous?.joint });
  const result = new Map<string, { scale: ClassScale; models: ClassQuality[] }>();
  for (const task of classes) result.set(task.id, classQuality(task, set, joint, keep, options.previous?.classes.get(task.id)?.models));
  return { set, joint, classes: result };
}

function classQuality(task: TaskClass, set: ItemSet, joint: Fit, keep: (item: Item) => boolean, previous?: readonly ClassQuality[]) {
  const scale = classScale(task, set, joint.items);
  const totalWeight = task.components.reduce((sum, component) => sum + component.weight, 0);
  const all = [...set.items.values()].filter(keep);
  const itemsByComponent = task.components.map((component) => ({ component, items: componentItems(component, all) }));
  const classItems = new Set(itemsByComponent.flatMap(({ items }) => items.map((item) => item.id)));
  const priorOf = (model: string) => {
    const general = joint.abilities.get(model);
    return general ? { mean: general.theta, sd: Math.hypot(general.se, CLASS_SPREAD) } : { mean: 0, sd: 1 };
  };
  const fitted = fitAbilities(
    toObservations(set, (item) => classItems.has(item.id)),
    { fixedItems: joint.items, prior: priorOf, start: previous && { items: new Map(), abilities: new Map(previous.map((entry) => [entry.model, { theta: entry.ability, se: entry.abilitySe, observations: 0, weight: 0 }])) } },
  );

  // Per component, each model's scores: read item by item (the items' own score maps), not model by item.
  const scoresByComponent = itemsByComponent.map(({ component, items }) => {
    const byModel = new Map<string, QualityComponentScore[]>();
    for (const item of items) {
      for (const [model, score] of set.scores.get(item.id) ?? []) {
        const list = byModel.get(model);
        if (list) list.push(componentScore(component.key, item, score));
        else byModel.set(model, [componentScore(component.key, item, score)]);
      }
    }
    return { component, byModel };
  });

  const models: ClassQuality[] = [];
  for (const [model, general] of joint.abilities) {
    const own: Ability = fitted.abilities.get(model) ?? { theta: general.theta, se: priorOf(model).sd, observations: 0, weight: 0 };
    const components: QualityComponentScore[] = [];
    const missing: string[] = [];
    let covered = 0;
    for (const { component, byModel } of scoresByComponent) {
      const scores = byModel.get(model);
      if (!scores) missing.push(component.key);
      else {
        covered += component.weight;
        components.push(...scores);
      }
    }
    const quality = qualityAt(scale, joint.items, own.theta);
    if (!Number.isFinite(quality)) continue;
    models.push({
      model,
      quality: round(quality),
      low: round(qualityAt(scale, joint.items, own.theta - Z95 * own.se)),
      high: round(qualityAt(scale, joint.items, own.theta + Z95 * own.se)),
      ability: round(own.theta, 4),
      abilitySe: round(own.se, 4),
      classScores: own.observations,
      coverage: round(covered / totalWeight, 4),
      components,
      missing,
    });
  }
  models.sort((a, b) => b.quality - a.quality || a.high - a.low - (b.high - b.low) || (a.model < b.model ? -1 : 1));
  return { scale, models };
}

function componentScore(component: string, item: Item, score: ItemScore): QualityComponentScore {
  return {
    component,
    item: item.id,
    benchmark: item.benchmark,
    source: score.row.sourceId,
    scale: item.info.scale,
    rawScore: score.row.score,
    normalised: round(score.value * 100),
    weight: score.weight,
    setting: score.row.setting,
    rawName: score.row.rawName,
    asOf: score.row.validFrom.toISOString().slice(0, 10),
  };
}
