/**
 * `npm run eval:quality`: leave-one-benchmark-out validation of task quality, per class.
 * For each catalogue component whose reference release has scores, every release of that
 * component's boards is removed from the data, quality is recomputed from the rest, and the
 * held-out release's own ranking of the models is compared with the prediction:
 * - new: the IRT ability model (domain/quality), refitted without the benchmark;
 * - percentile: the previous method (domain/tasks/quality.ts), the class's other
 *   components' percentile ranks.
 * Models compared are those scored on the held-out release that both methods can place
 * (the percentile method needs another score in the class). Spearman and pairwise-order
 * accuracy per benchmark, then per class and overall (domain/quality/eval-summary.ts): wins,
 * median Spearman and median pairwise accuracy of both methods; a win is a higher Spearman. Goal: the new method wins on >= 80%
 * of benchmarks, median Spearman >= 0.8.
 *
 * Database: DATABASE_URL, else PGLITE_DIR (a replay-filled database; see README).
 */
import { openDatabase } from "../src/db/client.ts";
import { catalogueItems } from "../src/db/queries/quality.ts";
import { fitQualityModel } from "../src/domain/quality/class-quality.ts";
import { pairwiseAccuracy, spearman } from "../src/domain/quality/rank-agreement.ts";
import { summariseByClass } from "../src/domain/quality/eval-summary.ts";
import { boardOf } from "../src/domain/quality/observations.ts";
import { TASK_CLASSES, type TaskClass } from "../src/domain/tasks/catalogue.ts";
import { qualityForTask, rankBenchmark, type BenchmarkCohort, type ScoreAtDate } from "../src/domain/tasks/quality.ts";

const MIN_MODELS = 8;
const pglite = process.env.PGLITE_DIR;
if (!process.env.DATABASE_URL && !pglite) {
  process.stderr.write("eval:quality needs a filled database: set DATABASE_URL or PGLITE_DIR (e.g. PGLITE_DIR=/tmp/h9-replay)\n");
  process.exit(2);
}
const connection = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: pglite ?? "memory://" });
const { infos, rows, set } = await catalogueItems(connection.db);

// The percentile method reads the scores valid now, each benchmark id as it is stored.
const current: ScoreAtDate[] = rows.filter((row) => row.current);
const cohorts = new Map<string, BenchmarkCohort>(infos.map((info) => [info.id, rankBenchmark(info, current)]));

interface Row {
  task: string;
  component: string;
  item: string;
  models: number;
  newSpearman: number;
  oldSpearman: number;
  newPairs: number;
  oldPairs: number;
}
const results: Row[] = [];

for (const task of TASK_CLASSES) {
  for (const component of task.components) {
    const boards = new Set(component.benchmarks.map((id) => boardOf(id).board));
    const full = fitQualityModel(set, [task], { sweeps: 0 }).classes.get(task.id)!;
    const reference = full.scale.references.find((r) => r.component === component.key)?.item;
    if (!reference) continue;
    const truth = set.scores.get(reference)!;

    const refit = fitQualityModel(set, [task], { exclude: (item) => boards.has(item.board) }).classes.get(task.id)!;
    const predictedNew = new Map(refit.models.map((m) => [m.model, m.quality]));
    const others: TaskClass = { ...task, components: task.components.filter((c) => c !== component) };
    const predictedOld = new Map(qualityForTask(others, cohorts).map((m) => [m.model, m.quality]));

    const models = [...truth.keys()].filter((model) => predictedNew.has(model) && predictedOld.has(model)).sort();
    if (models.length < MIN_MODELS) continue;
    const observed = models.map((model) => truth.get(model)!.value);
    const fresh = models.map((model) => predictedNew.get(model)!);
    const old = models.map((model) => predictedOld.get(model)!);
    results.push({
      task: task.id,
      component: component.key,
      item: reference,
      models: models.length,
      newSpearman: spearman(fresh, observed),
      oldSpearman: spearman(old, observed),
      newPairs: pairwiseAccuracy(fresh, observed),
      oldPairs: pairwiseAccuracy(old, observed),
    });
  }
}

const f = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : "  -  ");
process.stdout.write(`${"class".padEnd(22)} ${"held-out release".padEnd(58)} ${"n".padStart(4)}  spearman new / pct   pairs new / pct   win\n`);
for (const r of results) {
  const win = r.newSpearman > r.oldSpearman ? "new" : r.newSpearman < r.oldSpearman ? "pct" : "tie";
  process.stdout.write(`${r.task.padEnd(22)} ${r.item.padEnd(58)} ${String(r.models).padStart(4)}  ${f(r.newSpearman)} / ${f(r.oldSpearman)}      ${f(r.newPairs)} / ${f(r.oldPairs)}    ${win}\n`);
}
const summaries = summariseByClass(results);
process.stdout.write(`\nper class: new vs percentile (a win is a higher Spearman on the held-out benchmark)\n`);
process.stdout.write(`${"class".padEnd(22)} ${"held out".padStart(8)}  ${"wins new / pct / tie".padEnd(20)}  median spearman new / pct   median pairs new / pct\n`);
for (const summary of summaries) {
  const wins = `${summary.newWins} / ${summary.percentileWins} / ${summary.ties}`;
  process.stdout.write(
    `${summary.scope.padEnd(22)} ${String(summary.benchmarks).padStart(8)}  ${wins.padEnd(20)}  ${f(summary.medianSpearman.new)} / ${f(summary.medianSpearman.percentile)}               ${f(summary.medianPairs.new)} / ${f(summary.medianPairs.percentile)}\n`,
  );
}
const overall = summaries.at(-1)!;
process.stdout.write(
  `\n${overall.benchmarks} held-out benchmarks: new wins ${overall.newWins} (${((100 * overall.newWins) / overall.benchmarks).toFixed(0)}%, goal >= 80%); ` +
    `median Spearman new ${overall.medianSpearman.new.toFixed(3)} (goal >= 0.8), percentile ${overall.medianSpearman.percentile.toFixed(3)}; ` +
    `median pairwise accuracy new ${overall.medianPairs.new.toFixed(3)}, percentile ${overall.medianPairs.percentile.toFixed(3)}\n`,
);
await connection.close();
