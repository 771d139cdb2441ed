/**
 * Which CSVs of Epoch's benchmark download are read, and how. Epoch-run tables (one row
 * per run on Epoch's own harness: mean_score, stderr, Started at) and a few external
 * leaderboard copies with their own columns. Each table is one benchmark on a fixed
 * question set, so it keeps one id across downloads (a re-download adds runs). A table
 * that mixes versions keeps only the stated version's rows (Terminal-Bench 2.0). Tables
 * not listed are skipped as whole files with the reason in UNREAD_TABLES or a default.
 */
import type { BenchmarkDefinition } from "../source.ts";

export interface HubTable {
  /** CSV file name without ".csv". */
  file: string;
  scoreColumn: string;
  stderrColumn?: string;
  /** Run date column; without one the score is dated by the download. */
  dateColumn?: string;
  /** USD column, with the unit the benchmark entry states. */
  costColumn?: string;
  /** Agent or scaffold column: part of the setting (the model ran inside that system). */
  agentColumn?: string;
  /** Only rows whose column equals the value are this benchmark's version. */
  versionFilter?: { column: string; value: string; version: string };
  definition: BenchmarkDefinition;
}

const HUB = "https://epoch.ai/benchmarks";

const fraction = (id: string, name: string, description: string, url = HUB): BenchmarkDefinition => ({
  id,
  name,
  scale: "fraction",
  higherIsBetter: true,
  description: `${description} Score: a fraction 0-1.`,
  url,
});

const epochRun = (file: string, id: string, name: string, about: string): HubTable => ({
  file,
  scoreColumn: "mean_score",
  stderrColumn: "stderr",
  dateColumn: "Started at",
  definition: fraction(id, name, `${about} Run by Epoch AI on its own harness (mean over samples, with its standard error); dated by the run's start; one id across downloads (a fixed question set; a new download adds runs). No cost.`),
});

export const HUB_TABLES: readonly HubTable[] = [
  epochRun("gpqa_diamond", "epoch-gpqa-diamond", "GPQA Diamond (Epoch)", "GPQA Diamond graduate-level science multiple choice."),
  epochRun("frontiermath", "epoch-frontiermath", "FrontierMath tiers 1-3 (Epoch)", "FrontierMath research-level mathematics, tiers 1-3."),
  epochRun("frontiermath_tier_4", "epoch-frontiermath-tier-4", "FrontierMath tier 4 (Epoch)", "FrontierMath tier 4, the hardest problems (a separate problem set)."),
  epochRun("otis_mock_aime_2024_2025", "epoch-otis-mock-aime-2024-2025", "OTIS Mock AIME 2024-2025 (Epoch)", "OTIS mock AIME competition mathematics, 2024-2025 exams."),
  epochRun("math_level_5", "epoch-math-level-5", "MATH level 5 (Epoch)", "The hardest level of the MATH competition dataset."),
  epochRun("swe_bench_verified", "epoch-swe-bench-verified", "SWE-bench Verified (Epoch run)", "SWE-bench Verified, 500 human-validated GitHub issues, on Epoch's own agent harness."),
  epochRun("simpleqa_verified", "epoch-simpleqa-verified", "SimpleQA Verified (Epoch)", "SimpleQA Verified short factual questions (closed-book factuality)."),
  epochRun("chess_puzzles", "epoch-chess-puzzles", "Chess puzzles (Epoch)", "Chess puzzles solved in text."),
  {
    file: "hle_external",
    scoreColumn: "Accuracy",
    stderrColumn: "Accuracy Standard Error",
    definition: fraction("epoch-hle", "Humanity's Last Exam (via Epoch)", "Humanity's Last Exam accuracy, as copied by Epoch from the official leaderboard; dated by the download.", "https://lastexam.ai"),
  },
  {
    file: "fictionlivebench_external",
    scoreColumn: "120k token score",
    definition: fraction(
      "epoch-fiction-livebench-120k",
      "Fiction.LiveBench at 120k tokens (via Epoch)",
      "Fiction.LiveBench (2025-03-14 edition) long-context story comprehension at a 120k-token context, as copied by Epoch; dated by the download.",
      "https://fiction.live/stories/Fiction-liveBench-Mar-14-2025/oQdzQvKHw8JyXbN87/home",
    ),
  },
  {
    file: "swe_bench_bash",
    scoreColumn: "% Resolved",
    dateColumn: "Date run",
    costColumn: "Avg. Cost ($)",
    definition: fraction(
      "epoch-swe-bench-bash-only",
      "SWE-bench Verified bash only (via Epoch)",
      "SWE-bench Verified resolved share with the minimal bash-only agent, as copied by Epoch from swebench.com (\"% Resolved\" holds a fraction). costUsd is the average USD per task instance.",
      "https://www.swebench.com/",
    ),
  },
  {
    file: "simplebench_external",
    scoreColumn: "Score (AVG@5)",
    definition: fraction("epoch-simplebench", "SimpleBench (via Epoch)", "SimpleBench trick questions (average of 5 runs), as copied by Epoch; dated by the download.", "https://simple-bench.com"),
  },
  {
    file: "weirdml_external",
    scoreColumn: "Accuracy",
    stderrColumn: "Accuracy SE",
    costColumn: "Cost per run",
    definition: fraction("epoch-weirdml", "WeirdML (via Epoch)", "WeirdML unusual machine-learning coding tasks, as copied by Epoch; dated by the download. costUsd is the USD cost of one whole run.", "https://htihle.github.io/weirdml.html"),
  },
  {
    file: "terminalbench_external",
    scoreColumn: "Accuracy mean",
    stderrColumn: "Accuracy SE",
    dateColumn: "Run date",
    agentColumn: "Agent",
    versionFilter: { column: "Source", value: "Terminal-Bench v2 Leaderboard", version: "Terminal-Bench 2.0" },
    definition: fraction(
      "epoch-terminal-bench-2",
      "Terminal-Bench 2.0 (via Epoch)",
      "Terminal-Bench 2.0 command-line tasks; each result is a model inside an agent (the agent is part of the setting). Rows without a stated version are not read.",
      "https://www.tbench.ai/leaderboard/terminal-bench/2.0",
    ),
  },
  {
    file: "gdpval_external",
    scoreColumn: "Win Rate (%)",
    definition: fraction("epoch-gdpval", "GDPval win rate (via Epoch)", "GDPval professional work tasks: win rate against industry experts (\"%\" column holds a fraction), as copied by Epoch; dated by the download.", "https://openai.com/index/gdpval/"),
  },
  {
    file: "lech_mazur_writing_external",
    scoreColumn: "Mean score",
    definition: {
      id: "epoch-lech-mazur-writing",
      name: "Lech Mazur creative writing (via Epoch)",
      scale: "index",
      higherIsBetter: true,
      description: "Lech Mazur's short-story creative-writing benchmark, mean grader score on a 0-10 scale (index), as copied by Epoch; dated by the download.",
      url: "https://github.com/lechmazur/writing",
    },
  },
];

/** Why a table of the download is not read (a default reason covers the legacy ones). */
export const UNREAD_TABLES: Readonly<Record<string, string>> = {
  aider_polyglot_external: "a copy of Aider's leaderboard, which the aider source reads first-hand",
  arc_agi_external: "a copy of ARC Prize's leaderboard, which the arc-agi source reads first-hand",
  arc_agi_2_external: "a copy of ARC Prize's leaderboard, which the arc-agi source reads first-hand",
  live_bench_external: "pools several LiveBench releases in one column (the livebench source keeps them apart)",
  webdev_arena_external: "an Elo board re-fitted at every update, copied without its fit date (LMArena sources read it dated)",
  metr_time_horizons_external: "a time horizon in minutes across METR versions, not a score on one task set",
  epoch_capabilities_index: "read as the ECI fit of this download (epoch-eci-<date>)",
};

export const DEFAULT_UNREAD_REASON = "not in the catalogue (legacy, agent-system or multimodal table)";
