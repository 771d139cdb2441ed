/**
 * A model's lifecycle at a date: preview, GA, deprecated (shutdown announced, still
 * served) or retired (shut down), with the date it entered that stage and where that was
 * read. Reviewed dates come from lifecycle.yaml (providers' pages); without one, an id
 * that says "preview" or "exp" is a preview, anything else is taken as GA. The sources'
 * own fields and delisting are merged on top in merge.ts.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

export const LIFECYCLE_STAGES = ["preview", "ga", "deprecated", "retired"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

const dateInput = z.union([z.date(), z.string()]).transform((value, context) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    context.addIssue({ code: "custom", message: `not a date: ${String(value)}` });
    return z.NEVER;
  }
  return date;
});

const eventSchema = z.strictObject({ stage: z.enum(LIFECYCLE_STAGES), from: dateInput, origin: z.string().min(1), note: z.string().min(1) });
const modelId = z.string().regex(/^[a-z0-9-]+\/\S+$/, "a canonical <creator>/<name> id");
const entrySchema = z.strictObject({ model: modelId, also: z.array(modelId).default([]), events: z.array(eventSchema).min(1) });

export type LifecycleEvent = z.infer<typeof eventSchema>;

export interface Lifecycle {
  stage: LifecycleStage;
  /** When the model entered the stage (null when inferred from its name or assumed). */
  since: string | null;
  /** Where the stage was read: a page and its date, a source's field and its payload date, "name", or "assumed". */
  origin: string;
  /** reviewed (lifecycle.yaml), source (a price source's own field), delisted (no source lists it), name, assumed. */
  basis: "reviewed" | "source" | "delisted" | "name" | "assumed";
  /** The seller the stage is about when only that seller's offering is affected (OpenRouter's expiration), null for the model everywhere. */
  seller: string | null;
  note: string | null;
  /** The next known stage change after the date, e.g. an announced shutdown. */
  next: { stage: LifecycleStage; from: string } | null;
}

/** Parses the reviewed file: each model once, its events in date order. */
export function parseLifecycleFile(text: string): Map<string, LifecycleEvent[]> {
  const entries = z.array(entrySchema).parse(parse(text));
  const byModel = new Map<string, LifecycleEvent[]>();
  for (const entry of entries) {
    const events = [...entry.events].sort((a, b) => a.from.getTime() - b.from.getTime());
    for (const id of [entry.model, ...entry.also]) {
      if (byModel.has(id)) throw new Error(`lifecycle.yaml: ${id} is listed twice`);
      byModel.set(id, events);
    }
  }
  return byModel;
}

let cached: Map<string, LifecycleEvent[]> | undefined;
export function reviewedLifecycle(): Map<string, LifecycleEvent[]> {
  cached ??= parseLifecycleFile(readFileSync(new URL("./lifecycle.yaml", import.meta.url), "utf8"));
  return cached;
}

const PREVIEW_NAME = /(?:^|[-_.:])(?:preview|exp|experimental)(?:$|[-_.:\d])/i;

export function lifecycleAt(modelId: string, at: Date = new Date(), reviewed = reviewedLifecycle()): Lifecycle {
  const events = reviewed.get(modelId) ?? [];
  const past = events.filter((event) => event.from <= at);
  const current = past.at(-1);
  const upcoming = events.find((event) => event.from > at);
  const next = upcoming ? { stage: upcoming.stage, from: upcoming.from.toISOString() } : null;
  if (current) return { stage: current.stage, since: current.from.toISOString(), origin: current.origin, basis: "reviewed", seller: null, note: current.note, next };
  const name = modelId.slice(modelId.indexOf("/") + 1);
  if (PREVIEW_NAME.test(name)) return { stage: "preview", since: null, origin: "name", basis: "name", seller: null, note: "the id names a preview or experimental release", next };
  return { stage: "ga", since: null, origin: "assumed", basis: "assumed", seller: null, note: null, next };
}

/** Ranking leaves these out unless the caller asks for them. */
export function isWithdrawn(lifecycle: Lifecycle): boolean {
  return lifecycle.stage === "deprecated" || lifecycle.stage === "retired";
}
