/**
 * Replay mode (PRICEWAR_REPLAY_DIR): which recorded files stand for each source's
 * payload. A source's replayPaths (relative to the snapshots root) are read in one of
 * three layouts:
 *
 * - payload: all the paths together are one payload (one file per URL, or a folder that
 *   is one payload); the first start ingests it, every tick replays it;
 * - dated-files: each path is one dated version of the same page; the first start
 *   ingests them oldest first, ticks replay the newest;
 * - dated-folder: a folder whose entries (files or folders) are dated payloads; the first
 *   start backfills all of them in date order, ticks replay the newest.
 *
 * Layouts are data here rather than guessed from the file tree: a folder of dated files
 * can be one payload (LMArena reads all its CSVs at once) or a history (OpenRouter's
 * parser takes one model list per run), and only the parser knows which.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { PayloadDocument, SourceDefinition } from "../../scrapers/source.ts";
import { planBackfill, type DatedEntry } from "./backfill-plan.ts";
import { readReplayDocuments } from "./fetch/replay.ts";
import { payloadLimitOf } from "./fetch/payload-limit.ts";
import type { DocumentLoader } from "./run-source.ts";

export type ReplayLayout = { kind: "payload" } | { kind: "dated-files" } | { kind: "dated-folder"; dir: string };

/**
 * Sources whose snapshots are not one payload. A dated folder may be wider than the
 * source's replayPaths (LiteLLM names its newest file, the folder holds 17 versions):
 * its newest entry must then be what replayPaths names (checked by the tests).
 */
const LAYOUTS: Readonly<Record<string, ReplayLayout>> = {
  openrouter: { kind: "dated-folder", dir: "prices/openrouter" },
  modelsdev: { kind: "dated-folder", dir: "prices/modelsdev/api-json" },
  litellm: { kind: "dated-folder", dir: "prices/litellm" },
  langfuse: { kind: "dated-folder", dir: "prices/langfuse" },
  "llm-prices": { kind: "dated-folder", dir: "prices/llm-prices" },
  "genai-prices": { kind: "dated-folder", dir: "prices/genai-prices" },
  portkey: { kind: "dated-folder", dir: "prices/portkey" },
  "swe-bench": { kind: "dated-folder", dir: "benchmarks/swe-bench" },
  "artificial-analysis": { kind: "dated-folder", dir: "benchmarks/artificial-analysis" },
  "epoch-ai-hub": { kind: "dated-folder", dir: "benchmarks/epoch-ai-hub" },
  "lmarena-2026": { kind: "dated-files" },
  "anthropic-docs": { kind: "dated-files" },
  "openai-pricing": { kind: "dated-files" },
};

export function replayLayout(source: Pick<SourceDefinition, "id">): ReplayLayout {
  return LAYOUTS[source.id] ?? { kind: "payload" };
}

export interface ReplayPlan {
  sourceId: string;
  layout: ReplayLayout;
  /** Dated payloads, oldest first, ingested when the source has never run; empty for "payload". */
  history: DatedEntry[];
  /** Paths (relative to the snapshots root) whose files make the payload each tick replays. */
  latest: string[];
}

export async function planReplay(root: string, source: SourceDefinition): Promise<ReplayPlan> {
  const layout = replayLayout(source);
  const paths = [...(source.replayPaths ?? [])];
  if (paths.length === 0) throw new Error(`${source.id}: no replayPaths in its definition`);
  if (layout.kind === "payload") return { sourceId: source.id, layout, history: [], latest: paths };

  const history =
    layout.kind === "dated-files"
      ? datedOrThrow(source.id, paths)
      : planBackfill(await readdir(join(root, layout.dir))).dated.map((entry) => ({ ...entry, name: `${layout.dir}/${entry.name}` }));
  const newest = history.at(-1);
  if (!newest) throw new Error(`${source.id}: no dated payload in ${layout.kind === "dated-folder" ? layout.dir : paths.join(", ")}`);
  return { sourceId: source.id, layout, history, latest: [newest.name] };
}

function datedOrThrow(sourceId: string, paths: readonly string[]): DatedEntry[] {
  const plan = planBackfill(paths);
  if (plan.undated.length > 0) throw new Error(`${sourceId}: replay path(s) without a date in the name: ${plan.undated.join(", ")}`);
  return plan.dated;
}

/** Reads every path of a payload (relative to `root`) into one list of documents, in order. */
export function replayPathsLoader(root: string, paths: readonly string[]): DocumentLoader {
  return async (source) => {
    const documents: PayloadDocument[] = [];
    for (const path of paths) documents.push(...(await readReplayDocuments(join(root, path), payloadLimitOf(source))));
    return documents;
  };
}

/** The README table: what each source reads in replay mode (regenerate with the test that checks it). */
export function replayTableMarkdown(plans: readonly ReplayPlan[]): string {
  const code = (path: string) => `\`${path}\``;
  const rows = plans.map((plan) => {
    const tick = plan.latest.map(code).join("<br>");
    const first =
      plan.layout.kind === "payload"
        ? "the same payload, once"
        : plan.layout.kind === "dated-files"
          ? `${plan.history.length} dated versions, oldest first`
          : `${plan.history.length} dated payloads of ${code(`${plan.layout.dir}/`)} (backfill, date order)`;
    return `| \`${plan.sourceId}\` | ${plan.layout.kind} | ${tick} | ${first} |`;
  });
  return ["| source | layout | each tick replays | first start (source never run) ingests |", "|---|---|---|---|", ...rows].join("\n");
}

