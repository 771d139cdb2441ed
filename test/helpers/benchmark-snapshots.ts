/**
 * The newest recorded payload of every benchmark source, as tests ingest them (through
 * runSource, replayed): shared by the quality and ranking suites.
 */
import { aiderSource } from "../../scrapers/aider/index.ts";
import { artificialAnalysisSource } from "../../scrapers/artificial-analysis/index.ts";
import { bfclSource } from "../../scrapers/bfcl/index.ts";
import { livebenchSource } from "../../scrapers/livebench/index.ts";
import { lmarenaSource } from "../../scrapers/lmarena/index.ts";
import type { BenchmarkSource, PayloadDocument } from "../../scrapers/source.ts";
import { sweBenchSource } from "../../scrapers/swe-bench/index.ts";
import { tau2BenchSource } from "../../scrapers/tau2-bench/index.ts";
import type { Db } from "../../src/db/client.ts";
import { readReplayDocuments } from "../../src/jobs/fetch/replay.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { snapshotPath } from "./snapshots.ts";

export interface Ingest {
  source: BenchmarkSource;
  /** The observation time: the payload's own date (AA dates its scores by it). */
  at: string;
  /** Below benchmarks/<source>/. */
  files: string[];
}

export const INGESTS: Ingest[] = [
  {
    source: aiderSource,
    at: "2025-10-05",
    files: ["polyglot_leaderboard.2025-10-04.cb6a152.yml", "edit_leaderboard.2024-12-22.c895e99.yml", "refactor_leaderboard.2024-10-22.1efb0ba.yml"],
  },
  {
    source: lmarenaSource,
    at: "2026-07-05",
    files: [
      "arena-catalog.leaderboard-text-style-control.2025-12-17.3b12b7f.json",
      "arena-catalog.leaderboard-text.2025-12-11.ea8297b.json",
      "arena-catalog.scatterplot-data.2025-12-17.a7ae862.json",
      "nirvaxstiel.arena_text.2026-07-04.a499f62.json",
      "nirvaxstiel.arena_code.2026-07-04.a499f62.json",
    ],
  },
  { source: sweBenchSource, at: "2025-12-11", files: ["leaderboards.2025-12-10.f1176b6.json"] },
  {
    source: livebenchSource,
    at: "2026-06-26",
    files: ["new-livebench.table_2026_06_25.5b4fdee.csv", "new-livebench.categories_2026_06_25.5b4fdee.json", "new-livebench.cost_2026_06_25.5b4fdee.csv"],
  },
  { source: artificialAnalysisSource, at: "2026-07-31", files: ["aa_api_v2_data_llms_models.2026-07-31.a1a2548.json"] },
  {
    source: bfclSource,
    at: "2025-12-17",
    files: ["overall", "non_live", "live", "multi_turn", "agentic"].map((table) => `data_${table}.2025-12-16.ea03bc8.csv`),
  },
  // The folder is one payload: the manifest and every submission it lists.
  { source: tau2BenchSource, at: "2026-08-19", files: ["."] },
];

export async function documentsOf(ingest: Ingest): Promise<PayloadDocument[]> {
  const documents: PayloadDocument[] = [];
  for (const file of ingest.files) documents.push(...(await readReplayDocuments(snapshotPath("benchmarks", ingest.source.id, file))));
  return documents;
}


/** Ingests the newest payload of every benchmark source (or of those named), each replayed at its own date. */
export async function ingestBenchmarkSnapshots(db: Db, only?: ReadonlySet<string>): Promise<void> {
  for (const ingest of INGESTS.filter((entry) => !only || only.has(entry.source.id))) {
    const documents = await documentsOf(ingest);
    await runSource(db, ingest.source, { trigger: "replay", at: new Date(`${ingest.at}T00:00:00Z`), load: async () => documents });
  }
}
