/**
 * vals.ai benchmarks read from the dot-mike scrape. Each (benchmark, task) block is one
 * vals.ai leaderboard; only the "overall" task of the three catalogued benchmarks is
 * ingested. vals.ai runs a fixed item set per benchmark and adds models to it over time
 * (`benchmark_updated` is the newest run of the block), so one id per benchmark: a
 * re-run of an old model replaces its row rather than re-fitting everybody.
 * accuracy is a percent (0-100); cost_per_test is USD per test item.
 */
import type { BenchmarkDefinition } from "../source.ts";

export interface ValsBenchmark {
  /** `benchmark` column of scores.csv. */
  key: string;
  definition: BenchmarkDefinition;
}

const COST_UNIT = "costUsd is vals.ai's measured cost per test item (USD per question), not per run; empty means unknown.";

const vals = (key: string, id: string, name: string, about: string): ValsBenchmark => ({
  key,
  definition: {
    id,
    name,
    scale: "percent",
    higherIsBetter: true,
    description: `${about} Score: vals.ai's overall accuracy in percent (0-100), with its standard error. ${COST_UNIT} One id across updates: vals.ai keeps a fixed item set and adds models (no re-fit).`,
    url: `https://www.vals.ai/benchmarks/${key}`,
  },
});

export const VALS_BENCHMARKS: readonly ValsBenchmark[] = [
  vals("legal_bench", "vals-legalbench", "LegalBench (vals.ai)", "vals.ai's own run of the public LegalBench tasks (issue, rule, conclusion, interpretation, rhetoric); not HELM Lite's 5-subset LegalBench."),
  vals("case_law_v2", "vals-caselaw-v2", "CaseLaw v2 (vals.ai)", "vals.ai's private case-law questions (legal reasoning over court opinions), version 2."),
  vals("lcb", "vals-livecodebench", "LiveCodeBench (vals.ai)", "vals.ai's run of LiveCodeBench code generation problems (overall of easy, medium, hard)."),
];
