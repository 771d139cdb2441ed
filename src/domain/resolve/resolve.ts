/**
 * Maps one (source, raw name) to a canonical model id and the setting the name states,
 * or leaves it unmatched with a reason. One resolver for ingestion and the API. Order:
 * 1. a reviewed override for this source, then one for any source (on the name as written,
 *    then on it without its setting): nothing else can beat an override;
 * 2. the setting split off (reasoning effort, thinking budget, "(FC)") for every source;
 * 3. the normaliser (routes, cloud decorations, spelling, creator);
 * 4. the reviewed series table: a month-only or short date becomes the snapshot it names,
 *    a name that labels "whatever was served then" in this source becomes the snapshot at
 *    `options.at`, and an undated name with exactly one dated snapshot is that snapshot;
 * 5. floating: a moving name stays an alias, with the snapshot it served at `options.at`.
 * Pure apart from reading the reviewed series file once (pass `series` to avoid even that).
 */
import { normaliseModelName, type NormaliseOptions } from "./normalise.ts";
import type { Override } from "./overrides.ts";
import { isFloatingName, loadSeries, onlySnapshot, pinnedAt, seriesOf, snapshotOfMonth, type Series } from "./series.ts";
import { splitSetting } from "./settings.ts";

export type MatchMethod = "exact" | "normalised" | "override" | "unmatched";

export interface Resolution {
  modelId: string | null;
  method: MatchMethod;
  note: string;
  /** Set when matched: the parts of modelId, to create the model if it is new. */
  creator?: string;
  name?: string;
  /** The run setting the name states ("high", "thinking-16k", "FC"), never part of modelId. */
  setting: string | null;
  /** modelId is a moving name (an alias) rather than one released snapshot. */
  floating: boolean;
  /** For a floating modelId: the snapshot it served at `options.at`, where the reviewed table knows. */
  pinnedTo: string | null;
}

export interface ResolveOptions extends NormaliseOptions {
  /** The payload's date: dated labels and floating pointers are read at this date. */
  at?: Date;
  /** The reviewed series table; loaded from series.yaml when omitted. */
  series?: readonly Series[];
  /** The catalogue's ids, where known: an undated name with several dated snapshots among them is floating. */
  knownIds?: ReadonlySet<string>;
}

function overrideFor(overrides: readonly Override[], source: string, raw: string): Override | undefined {
  return overrides.find((entry) => entry.source === source && entry.raw === raw) ?? overrides.find((entry) => entry.source === undefined && entry.raw === raw);
}

function joinSettings(...parts: Array<string | null | undefined>): string | null {
  const kept = parts.filter((part): part is string => !!part);
  return kept.length > 0 ? kept.join(", ") : null;
}

export function resolveModelName(source: string, raw: string, overrides: readonly Override[], options: ResolveOptions = {}): Resolution {
  const series = options.series ?? loadSeries();
  const split = splitSetting(raw);
  const override = overrideFor(overrides, source, raw) ?? (split.setting ? overrideFor(overrides, source, split.base) : undefined);
  if (override) {
    const setting = override.setting ?? split.setting;
    if (override.model === null) return { modelId: null, method: "unmatched", note: `override: ${override.note}`, setting, floating: false, pinnedTo: null };
    const [creator, ...rest] = override.model.split("/");
    return { modelId: override.model, method: "override", note: override.note, creator: creator!, name: rest.join("/"), setting, ...floatingOf(series, override.model, options) };
  }

  const result = normaliseModelName(split.base, options);
  if (!result.ok) return { modelId: null, method: "unmatched", note: result.reason, setting: split.setting, floating: false, pinnedTo: null };
  const { creator } = result.value;
  let { name } = result.value;
  const steps = [...result.value.steps];
  const settings = [split.setting];
  if (split.setting) steps.push(`setting "${split.setting}" split off`);

  // Some settings show only once spelled canonically: "claude-4-sonnet-thinking" is claude-sonnet-4 + thinking.
  const late = splitSetting(name);
  if (late.setting) {
    name = late.base;
    settings.push(late.setting);
    steps.push(`setting "${late.setting}" split off`);
  }

  let modelId = `${creator}/${name}`;
  const dated = snapshotOfMonth(series, modelId) ?? snapshotOfShortDate(series, modelId, options.knownIds);
  if (dated) {
    steps.push(`date names the snapshot ${dated}`);
    modelId = dated;
  } else if (creator === "mistral" && /-20\d{2}(0[1-9]|1[0-2])$/.test(modelId)) {
    // Mistral names releases YYMM (mistral-large-2402): "Mistral Large (Feb '24)" is that release.
    modelId = modelId.replace(/-20(\d{2})(\d{2})$/, "-$1$2");
    steps.push("month date in Mistral's YYMM form");
  }
  const entry = seriesOf(series, modelId);
  const labelled = entry?.datedIn.includes(source) ? pinnedAt(entry, options.at) : null;
  const only = labelled ? null : onlySnapshot(series, modelId, options.knownIds);
  if (labelled) {
    steps.push(`"${name}" labels the snapshot served at ${options.at!.toISOString().slice(0, 10)}`);
    modelId = labelled;
  } else if (only) {
    steps.push(`the only dated snapshot of ${modelId}`);
    modelId = only;
  }

  const exact = steps.length === 0 && name === raw;
  return {
    modelId,
    method: exact ? "exact" : "normalised",
    note: steps.length > 0 ? steps.join("; ") : exact ? "as written" : "lower case",
    creator,
    name: modelId.slice(creator.length + 1),
    setting: joinSettings(...settings),
    ...floatingOf(series, modelId, options, raw.trim().startsWith("~")),
  };
}

function floatingOf(series: readonly Series[], modelId: string, options: ResolveOptions, marked = false): { floating: boolean; pinnedTo: string | null } {
  const floating = marked || isFloatingName(series, modelId, options.knownIds);
  return { floating, pinnedTo: floating ? pinnedAt(seriesOf(series, modelId), options.at) : null };
}

const SHORT_DATE = /^(.+)-(\d{2})-?(\d{2})$/;

/**
 * "xai/grok-2-08-13" -> "xai/grok-2-20240813", "deepseek/deepseek-v4-flash-0731" ->
 * "...-20260731": a month-day suffix on a series name, where exactly one snapshot of that
 * series was released on that day and the name is not itself a listed snapshot (deepseek-v3-0324 is).
 * Without a series entry, the catalogue's ids (where given) may hold the one full-date spelling.
 */
function snapshotOfShortDate(series: readonly Series[], id: string, knownIds?: ReadonlySet<string>): string | null {
  const match = SHORT_DATE.exec(id);
  if (!match) return null;
  const [, prefix, month, day] = match;
  const entry = seriesOf(series, prefix!);
  if (entry) {
    if (entry.snapshots.some((snapshot) => snapshot.id === id)) return null;
    const found = entry.snapshots.filter((snapshot) => snapshot.released.endsWith(`-${month}-${day}`));
    return found.length === 1 ? found[0]!.id : null;
  }
  if (!knownIds || knownIds.has(id)) return null;
  const full = new RegExp(`^${escapeRegExp(prefix!)}-20\\d{2}${month}${day}$`);
  const found = [...knownIds].filter((known) => full.test(known));
  return found.length === 1 ? found[0]! : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
