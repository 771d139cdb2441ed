/**
 * HAL (Holistic Agent Leaderboard) benchmarks, one per HAL board (GAIA also per level).
 * They are small fixed subsets (SWE-bench Verified Mini, TAU-bench Airline only), so
 * none is pooled with the full benchmarks of other sources. Scores are fractions (0-1).
 * Every HAL result is a model run inside an agent scaffold: the scaffold is part of the
 * observation's setting ("agent HAL Generalist Agent"), never dropped, because the same
 * model scores differently per scaffold. costUsd is HAL's total_cost_usd: the measured
 * USD of the whole benchmark run (all tasks), not per task.
 */
import type { BenchmarkDefinition } from "../source.ts";

export interface HalBenchmark {
  /** evaluation_name in the EvalEval file. */
  evaluationName: string;
  definition: BenchmarkDefinition;
}

const COST = "costUsd is the measured total USD of the whole run (HAL total_cost_usd), not per task.";

const hal = (evaluationName: string, id: string, slug: string, about: string): HalBenchmark => ({
  evaluationName,
  definition: {
    id,
    name: `HAL: ${evaluationName}`,
    scale: "fraction",
    higherIsBetter: true,
    description: `${about} Score: share of tasks solved (0-1) by the model inside the agent scaffold named in the setting. ${COST}`,
    url: `https://hal.cs.princeton.edu/${slug}`,
  },
});

export const HAL_BENCHMARKS: readonly HalBenchmark[] = [
  hal("AssistantBench", "hal-assistantbench", "assistantbench", "Realistic time-consuming web tasks (web assistance)."),
  hal("CORE-Bench Hard", "hal-corebench-hard", "corebench_hard", "Reproducing scientific papers' results from their code (hard level)."),
  hal("GAIA", "hal-gaia", "gaia", "GAIA general-assistant questions needing tools and the web, all levels."),
  hal("GAIA - GAIA Level 1", "hal-gaia-level-1", "gaia", "GAIA level 1 (simplest) questions."),
  hal("GAIA - GAIA Level 2", "hal-gaia-level-2", "gaia", "GAIA level 2 (moderate) questions."),
  hal("GAIA - GAIA Level 3", "hal-gaia-level-3", "gaia", "GAIA level 3 (hardest) questions."),
  hal("Online Mind2Web", "hal-online-mind2web", "online_mind2web", "Live website navigation tasks."),
  hal("Scicode", "hal-scicode", "scicode", "Scientific coding problems."),
  hal("ScienceAgentBench", "hal-scienceagentbench", "scienceagentbench", "Data-driven scientific discovery tasks."),
  hal("SWE-bench Verified Mini", "hal-swebench-verified-mini", "swebench_verified_mini", "A 50-task subset of SWE-bench Verified (agentic coding)."),
  hal("TAU-bench Airline", "hal-taubench-airline", "taubench_airline", "TAU-bench airline customer-service tool use."),
  hal("USACO", "hal-usaco", "usaco", "USA Computing Olympiad problems (competitive programming)."),
];
