/**
 * ARC Prize datasets, one benchmark each. ARC-AGI-1, -2 and -3 are different task sets,
 * and within a version the public, semi-private and private sets are different tasks too,
 * so none is pooled. Task sets are fixed (scores are runs, not re-fitted), so a dataset
 * keeps its id across leaderboard dates. Scores are fractions (0-1). costUsd is USD per
 * task on ARC-AGI-1/2 (`costPerTask`) and the run's total USD on ARC-AGI-3 (`cost`).
 */
import type { BenchmarkDefinition } from "../source.ts";

export interface ArcDataset {
  /** `datasetId` in evaluations.json. */
  key: string;
  costUnit: "per-task" | "per-run";
  definition: BenchmarkDefinition;
}

const COST = {
  "per-task": "costUsd is ARC Prize's measured cost per task in USD (costPerTask).",
  "per-run": "costUsd is the measured total cost of the whole run in USD (ARC-AGI-3 reports `cost`, not per task).",
} as const;

const dataset = (key: string, id: string, name: string, about: string, costUnit: ArcDataset["costUnit"] = "per-task"): ArcDataset => ({
  key,
  costUnit,
  definition: {
    id,
    name,
    scale: "fraction",
    higherIsBetter: true,
    description: `${about} Score: share of tasks solved (0-1). ${COST[costUnit]} A fixed task set: one id across leaderboard dates (runs are not re-fitted).`,
    url: "https://arcprize.org/leaderboard",
  },
});

export const ARC_DATASETS: readonly ArcDataset[] = [
  dataset("v1_Semi_Private", "arc-agi-1-semi-private", "ARC-AGI-1 (semi-private)", "ARC-AGI-1 semi-private evaluation set, the headline ARC-AGI-1 leaderboard."),
  dataset("v1_Public_Eval", "arc-agi-1-public-eval", "ARC-AGI-1 (public eval)", "ARC-AGI-1 public evaluation set (tasks are public: contamination possible)."),
  dataset("v1_Private_Eval", "arc-agi-1-private-eval", "ARC-AGI-1 (private eval)", "ARC-AGI-1 private evaluation set (Kaggle competition set)."),
  dataset("v2_Semi_Private", "arc-agi-2-semi-private", "ARC-AGI-2 (semi-private)", "ARC-AGI-2 semi-private evaluation set, the headline ARC-AGI-2 leaderboard."),
  dataset("v2_Public_Eval", "arc-agi-2-public-eval", "ARC-AGI-2 (public eval)", "ARC-AGI-2 public evaluation set."),
  dataset("v2_Private_Eval", "arc-agi-2-private-eval", "ARC-AGI-2 (private eval)", "ARC-AGI-2 private evaluation set (Kaggle competition set)."),
  dataset("v3_Semi_Private", "arc-agi-3-semi-private", "ARC-AGI-3 (semi-private)", "ARC-AGI-3 interactive games, semi-private set.", "per-run"),
  dataset("v3_Public_Demo", "arc-agi-3-public-demo", "ARC-AGI-3 (public demo)", "ARC-AGI-3 public demo games.", "per-run"),
];
