/**
 * The pure half of re-resolution (db/queries/model-merge.ts): re-reads every stored
 * name with the current resolver, exactly as ingestion reads it (a benchmark's setting
 * split off first), and works out where each old model id's data goes.
 *
 * A model's data moves per source: the periods source S recorded under model M go where
 * S's names for M now resolve, when they agree on one model. Where a source's names for
 * M now disagree, nothing of S moves (reported as ambiguous). A model no stored name
 * points at is re-read from its own id.
 */
import type { Override } from "../resolve/overrides.ts";
import { resolveModelName, type Resolution, type ResolveOptions } from "../resolve/resolve.ts";
import { combineSettings, splitSetting } from "../resolve/settings.ts";

export interface SourceNaming {
  kind: "price" | "benchmark";
  namesHaveAuthors: boolean;
}

export interface Reresolved {
  modelId: string | null;
  method: Resolution["method"];
  note: string;
  setting: string;
  creator?: string | undefined;
  name?: string | undefined;
}

export function reresolveName(
  source: string,
  raw: string,
  naming: SourceNaming,
  overrides: readonly Override[],
  context: { at: Date; fallbackCreator?: string | undefined },
): Reresolved {
  const split = naming.kind === "benchmark" ? splitSetting(raw) : { base: raw, setting: null };
  const options: ResolveOptions = { orgIsAuthor: naming.namesHaveAuthors, fallbackCreator: context.fallbackCreator, at: context.at };
  const resolution: Resolution = resolveModelName(source, split.base, overrides, options);
  return {
    modelId: resolution.modelId,
    method: resolution.method,
    note: resolution.note,
    setting: combineSettings(split.setting, resolution.setting),
    creator: resolution.creator,
    name: resolution.name,
  };
}

/** A model id read as a name: "<creator>/<name>" with its creator as the author, a setting split off. */
export function reresolveModelId(id: string, overrides: readonly Override[], at: Date): Reresolved {
  return reresolveName("", id, { kind: "benchmark", namesHaveAuthors: true }, overrides, { at });
}

export interface AliasMove {
  source: string;
  oldModelId: string;
  newModelId: string | null;
}

export interface ModelTargets {
  /** Where source S's data of old model M goes: a model id, or null when S's names for M now disagree. */
  bySource: Map<string, string | null>;
  /** Where M's data goes for a source without names for M: the one model all its names now agree on. */
  model: string | null;
}

/** Every old model's targets. A name that no longer resolves keeps its data where it is. */
export function modelTargets(moves: readonly AliasMove[], modelIds: readonly string[], ownId: (id: string) => string | null): Map<string, ModelTargets> {
  const targets = new Map<string, { bySource: Map<string, Set<string>>; all: Set<string> }>();
  for (const id of modelIds) targets.set(id, { bySource: new Map(), all: new Set() });
  for (const move of moves) {
    const entry = targets.get(move.oldModelId);
    if (!entry) continue;
    const target = move.newModelId ?? move.oldModelId;
    entry.all.add(target);
    entry.bySource.set(move.source, new Set([...(entry.bySource.get(move.source) ?? []), target]));
  }
  const result = new Map<string, ModelTargets>();
  for (const [id, entry] of targets) {
    const bySource = new Map<string, string | null>();
    for (const [source, set] of entry.bySource) bySource.set(source, set.size === 1 ? [...set][0]! : null);
    const model = entry.all.size === 0 ? (ownId(id) ?? id) : entry.all.size === 1 ? [...entry.all][0]! : null;
    result.set(id, { bySource, model });
  }
  return result;
}

/** Where source S's data of old model M goes; M itself when it stays or the answer is ambiguous. */
export function targetOf(targets: ReadonlyMap<string, ModelTargets>, modelId: string, source: string): string {
  const entry = targets.get(modelId);
  if (!entry) return modelId;
  if (entry.bySource.has(source)) return entry.bySource.get(source) ?? modelId;
  return entry.model ?? modelId;
}
