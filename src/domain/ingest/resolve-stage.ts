/**
 * The resolve stage of a run, pure: turns parsed (validated) observations into resolved
 * ones (canonical model id and how it was matched) using resolveModelName and the
 * reviewed overrides. The writers receive only resolved observations; the database side
 * only persists what this stage decided (aliases and new models, catalogue.ts).
 *
 * Observations keep every field they came with (a seller-native id, ...), so later
 * stages see what the parser saw.
 */
import { providerEntry } from "../providers.ts";
import type { ModelHints, PriceObservation, ScoreObservation, SkippedEntry } from "../observation.ts";
import type { Override } from "../resolve/overrides.ts";
import { resolveModelName, type Resolution } from "../resolve/resolve.ts";
import { combineSettings, splitSetting } from "../resolve/settings.ts";

export interface ResolveOptions {
  /** Names are "<author>/<model>": an unknown author is the model's creator. */
  namesHaveAuthors: boolean;
  /** The payload's date: dated labels and floating names are read at this date. */
  at: Date;
}

/** One raw name of the run and the resolver's answer, as the alias to persist. */
export interface ResolvedName {
  raw: string;
  resolution: Resolution;
  /** The hints of the first observation carrying the name: they fill a new model's facts. */
  hints: ModelHints;
}

export type Matched<O> = O & { modelId: string; resolution: Resolution };

export interface ResolvedRun<O> {
  matched: Matched<O>[];
  /** Observations whose name no model matched (kept as unmatched aliases). */
  unmatched: O[];
  /** Every distinct raw name with its resolution, in first-seen order. */
  names: ResolvedName[];
}

/** The setting a resolver answer carries, where the resolver gives one. */
function resolverSetting(resolution: Resolution & { setting?: string | null }): string | null {
  return resolution.setting || null;
}

function resolveAll<O>(
  sourceId: string,
  entries: ReadonlyArray<{ observation: O; raw: string; hints: ModelHints; seller?: string }>,
  overrides: readonly Override[],
  options: ResolveOptions,
): { resolved: Array<{ observation: O; raw: string; resolution: Resolution }>; names: ResolvedName[] } {
  const byRaw = new Map<string, ResolvedName>();
  const resolved = entries.map(({ observation, raw, hints, seller }) => {
    let name = byRaw.get(raw);
    if (!name) {
      // A lab selling a name no rule knows is taken as its creator.
      const fallbackCreator = seller && providerEntry(seller)?.kind === "lab" ? seller : undefined;
      const resolution = resolveModelName(sourceId, raw, overrides, { orgIsAuthor: options.namesHaveAuthors, fallbackCreator, at: options.at });
      name = { raw, resolution, hints };
      byRaw.set(raw, name);
    }
    return { observation, raw, resolution: name.resolution };
  });
  return { resolved, names: [...byRaw.values()] };
}

export function resolvePriceObservations<O extends PriceObservation>(
  sourceId: string,
  observations: readonly O[],
  overrides: readonly Override[],
  options: ResolveOptions,
): ResolvedRun<O> {
  const { resolved, names } = resolveAll(
    sourceId,
    observations.map((observation) => ({ observation, raw: observation.model, hints: observation.hints, seller: observation.provider })),
    overrides,
    options,
  );
  const run: ResolvedRun<O> = { matched: [], unmatched: [], names };
  for (const { observation, resolution } of resolved) {
    if (resolution.modelId) run.matched.push({ ...observation, modelId: resolution.modelId, resolution });
    else run.unmatched.push(observation);
  }
  return run;
}

/**
 * A score observation resolved: the setting written into the name ("o3 (high)") is split
 * off first, so the score belongs to the priced base model; the alias is the base name.
 */
export type ResolvedScoreFields = { base: string; setting: string };

export function resolveScoreObservations<O extends ScoreObservation>(
  sourceId: string,
  observations: readonly O[],
  overrides: readonly Override[],
  options: ResolveOptions,
): ResolvedRun<O & ResolvedScoreFields> {
  const entries = observations.map((observation) => {
    const { base, setting } = splitSetting(observation.model);
    const split: O & ResolvedScoreFields = { ...observation, base, setting: combineSettings(setting, observation.setting) };
    return { observation: split, raw: base, hints: observation.hints };
  });
  const { resolved, names } = resolveAll(sourceId, entries, overrides, options);
  const run: ResolvedRun<O & ResolvedScoreFields> = { matched: [], unmatched: [], names };
  for (const { observation, resolution } of resolved) {
    if (!resolution.modelId) {
      run.unmatched.push(observation);
      continue;
    }
    const setting = combineSettings(observation.setting || null, resolverSetting(resolution));
    run.matched.push({ ...observation, setting, modelId: resolution.modelId, resolution });
  }
  return run;
}

/**
 * The models the parser skipped entries of (a negative placeholder price, a value it
 * could not read): a full snapshot that skipped an entry still lists its model, so
 * those offerings must not be delisted.
 */
const VARIANT_QUALIFIER = /\s*[[(][^\])]*[\])]\s*$/;

export function skippedModelIds(
  sourceId: string,
  skipped: readonly SkippedEntry[],
  overrides: readonly Override[],
  options: ResolveOptions,
): Set<string> {
  const ids = new Set<string>();
  for (const entry of skipped) {
    // Parsers name a skipped variant "<model> [batch]" or "<model> (batch)": the model is the name without it.
    for (const name of new Set([entry.name, entry.name.replace(VARIANT_QUALIFIER, "")])) {
      const resolution = resolveModelName(sourceId, name, overrides, { orgIsAuthor: options.namesHaveAuthors, at: options.at });
      if (resolution.modelId) {
        ids.add(resolution.modelId);
        break;
      }
    }
  }
  return ids;
}
