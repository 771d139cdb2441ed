/**
 * Rank-1 sellers over every task class x bar (default, withinOfBest 2 / 5 / 10 points),
 * and a database filled the way a replay fills it: every price source's newest recorded
 * payload observed at its own date, and the newest payload of every benchmark source.
 * Shared by the rank-one test and the report's table.
 */
import { join } from "node:path";
import { SOURCES } from "../../scrapers/registry.ts";
import type { createCaller } from "../../src/api/router.ts";
import type { Db } from "../../src/db/client.ts";
import { syncTaskCatalogue } from "../../src/db/queries/benchmarks.ts";
import { sellerEntry } from "../../src/domain/sellers/catalogue.ts";
import { TASK_IDS } from "../../src/domain/tasks/catalogue.ts";
import { dateInName } from "../../src/jobs/backfill-plan.ts";
import { replayLoader } from "../../src/jobs/load-documents.ts";
import { planReplay } from "../../src/jobs/replay-map.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { INGESTS, documentsOf } from "../helpers/benchmark-snapshots.ts";
import { SNAPSHOTS_ROOT } from "../helpers/snapshots.ts";

// The bars (2%, 5%, 10% below the best) in the quality scale's points (0..100).
export const BARS = [{ label: "default" }, { label: "withinOfBest 2", withinOfBest: 2 }, { label: "withinOfBest 5", withinOfBest: 5 }, { label: "withinOfBest 10", withinOfBest: 10 }] as const;

/** Every price source's newest payload at the date its name carries (never the time of reading). */
export async function fillLikeReplay(db: Db): Promise<void> {
  await syncTaskCatalogue(db, SOURCES);
  for (const source of SOURCES) {
    if (source.kind !== "price") continue;
    const plan = await planReplay(SNAPSHOTS_ROOT, source);
    const dates = plan.latest.map(dateInName).filter((date): date is string => date !== null).sort();
    const at = new Date(`${dates.at(-1) ?? "2026-08-21"}T00:00:00Z`);
    const documents = (await Promise.all(plan.latest.map((path) => replayLoader(join(SNAPSHOTS_ROOT, path))(source)))).flat();
    await runSource(db, source, { trigger: "replay", at, load: async () => documents });
  }
  for (const ingest of INGESTS) {
    const documents = await documentsOf(ingest);
    await runSource(db, ingest.source, { trigger: "replay", at: new Date(`${ingest.at}T00:00:00Z`), load: async () => documents });
  }
}

export interface RankOneRow {
  task: string;
  bar: string;
  model: string | null;
  seller: string | null;
  sellerKind: string | null;
  source: string | null;
  observedAt: string | null;
  confidence: string | null;
  lifecycle: string | null;
}

type Caller = ReturnType<typeof createCaller>;

export async function rankOneTable(caller: Caller, extra: { sellers?: "default" | "all" } = {}): Promise<RankOneRow[]> {
  const rows: RankOneRow[] = [];
  for (const task of TASK_IDS) {
    for (const bar of BARS) {
      const { label, ...options } = bar;
      const answer = await caller.best({ task, limit: 1, ...options, ...extra });
      const top = answer.candidates[0];
      rows.push({
        task,
        bar: label,
        model: top?.model ?? null,
        seller: top?.offering.provider ?? null,
        sellerKind: top ? (sellerEntry(top.offering.provider)?.kind ?? "unknown") : null,
        source: top?.offering.source ?? null,
        observedAt: top?.offering.observedAt.slice(0, 10) ?? null,
        confidence: top?.offering.confidence ?? null,
        lifecycle: top?.lifecycle.stage ?? null,
      });
    }
  }
  return rows;
}
