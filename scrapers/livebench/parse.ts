/**
 * LiveBench release tables -> category and global scores (percent), dated by the release.
 * The release date is the question-set version, not when a row was added: tables keep
 * gaining models for months, so every row of table_2024_11_25 is "as of" 2024-11-25.
 * Where the release has a cost table, each score carries the total measured USD cost of
 * the run over the same tasks (all tasks for the global score, the category's tasks for a
 * category score), the way LiveBench scopes its $/task figures.
 */
import type { ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import type { ParseResult, PayloadDocument } from "../source.ts";
import { GLOBAL_BENCHMARK_ID } from "./benchmarks.ts";
import { readCategoryMap, type Category } from "./category-map.ts";
import { categoryScores } from "./category-scores.ts";
import { readCostTable, totalCost, type TaskCosts } from "./cost-table.ts";
import { settingFromModelKey } from "./model-setting.ts";
import { groupByRelease, type ReleaseDocuments } from "./release-documents.ts";
import { readScoreTable } from "./score-table.ts";

function parseRelease({ release, table, categories: categoriesDocument, cost }: ReleaseDocuments): ParseResult<ScoreObservation> {
  const categories: Category[] = readCategoryMap(categoriesDocument);
  const allTasks = [...new Set(categories.flatMap((category) => category.tasks))];
  const scoreTable = readScoreTable(table, allTasks);
  const scoredModels = new Set(scoreTable.models.map((entry) => entry.model));
  const costTable = cost ? readCostTable(cost, allTasks, scoredModels) : { costs: new Map<string, TaskCosts>(), skipped: [] };

  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [...scoreTable.skipped, ...costTable.skipped];
  for (const { model, scores } of scoreTable.models) {
    const computed = categoryScores(scores, categories);
    if (computed.categories.size === 0) {
      skipped.push({ name: model, reason: `${table.name}: no task scored` });
      continue;
    }
    const costs = costTable.costs.get(model);
    const observe = (benchmark: string, score: number, tasks: readonly string[]): ScoreObservation => ({
      benchmark,
      model,
      setting: settingFromModelKey(model),
      score,
      scale: "percent",
      ciLower: null,
      ciUpper: null,
      votes: null,
      asOf: release,
      costUsd: totalCost(costs, tasks),
      hints: {},
    });
    if (computed.global !== null) observations.push(observe(GLOBAL_BENCHMARK_ID, computed.global, allTasks));
    for (const category of categories) {
      const score = computed.categories.get(category.benchmark);
      if (score !== undefined) observations.push(observe(category.benchmark, score, category.tasks));
    }
  }
  return { observations, skipped };
}

export function parseLivebench(documents: readonly PayloadDocument[]): ParseResult<ScoreObservation> {
  const results = groupByRelease(documents).map(parseRelease);
  return {
    observations: results.flatMap((result) => result.observations),
    skipped: results.flatMap((result) => result.skipped),
  };
}
