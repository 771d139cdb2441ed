/**
 * The Berkeley Function Calling Leaderboard publishes one overall CSV and one CSV per
 * category. Each benchmark id comes from a named column (never a position: the header
 * changes between versions). The overall table repeats the non-live, live and
 * multi-turn headline columns of the category tables (identical values in every
 * recorded version); the agentic score only exists in its own table.
 */
import type { BenchmarkDefinition } from "../source.ts";

export const BFCL_SOURCE_ID = "bfcl";

const DATA_URL = "https://raw.githubusercontent.com/ShishirPatil/gorilla/gh-pages";
const LEADERBOARD_PAGE = "https://gorilla.cs.berkeley.edu/leaderboard.html";

function benchmark(id: string, name: string, description: string): BenchmarkDefinition {
  return { id, name, scale: "percent", higherIsBetter: true, description, url: LEADERBOARD_PAGE };
}

export const bfclBenchmarks: readonly BenchmarkDefinition[] = [
  benchmark("bfcl-overall", "BFCL overall", "Berkeley Function Calling Leaderboard overall accuracy across its categories (percent)."),
  benchmark("bfcl-non-live", "BFCL non-live (AST)", "Single-turn function calls on curated prompts (simple, multiple, parallel; Python, Java, JavaScript), checked by AST (percent)."),
  benchmark("bfcl-live", "BFCL live", "Single-turn function calls on user-contributed real-world prompts, checked by AST (percent)."),
  benchmark("bfcl-multi-turn", "BFCL multi-turn", "Multi-turn, multi-step tool use with missing functions, missing parameters and long context (percent)."),
  benchmark("bfcl-agentic", "BFCL agentic", "Agentic tasks: web search and memory management (percent)."),
];

export interface BfclTable {
  /** File name stem: data_overall.csv, data_live.csv, ... */
  fileStem: string;
  url: string;
  /** Score column -> benchmark id; every one must be in the header. */
  scoreColumns: Readonly<Record<string, string>>;
}

/** In reading order: the overall table first, so its organisation and license hints win. */
export const bfclTables: readonly BfclTable[] = [
  {
    fileStem: "data_overall",
    url: `${DATA_URL}/data_overall.csv`,
    scoreColumns: { "Overall Acc": "bfcl-overall", "Non-Live AST Acc": "bfcl-non-live", "Live Acc": "bfcl-live", "Multi Turn Acc": "bfcl-multi-turn" },
  },
  { fileStem: "data_non_live", url: `${DATA_URL}/data_non_live.csv`, scoreColumns: { "Non-Live Overall Acc": "bfcl-non-live" } },
  { fileStem: "data_live", url: `${DATA_URL}/data_live.csv`, scoreColumns: { "Live Overall Acc": "bfcl-live" } },
  { fileStem: "data_multi_turn", url: `${DATA_URL}/data_multi_turn.csv`, scoreColumns: { "Multi Turn Overall Acc": "bfcl-multi-turn" } },
  { fileStem: "data_agentic", url: `${DATA_URL}/data_agentic.csv`, scoreColumns: { "Agentic Overall Acc": "bfcl-agentic" } },
];

/** The table a document holds, from its file name (a URL or a dated snapshot name), or null. */
export function tableOfDocument(documentName: string): BfclTable | null {
  const fileName = documentName.split(/[?#]/)[0]?.split("/").pop() ?? "";
  return bfclTables.find((table) => fileName.startsWith(`${table.fileStem}.`)) ?? null;
}
