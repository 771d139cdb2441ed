/**
 * The figures issue 14 asks for, read through the API and the market view it answers from
 * (never the reference SQL path) on a filled database (PGLITE_DIR or DATABASE_URL; with
 * PRICEWAR_REPLAY_DIR, sources that never ran replay first): every class's default answer
 * (best with no parameters) with its interval, seller and price; legal, coding and chat
 * quality of the named models; and the founding scenario (20% hard legal, 80% easy chat and
 * extraction) against an all-Claude-Opus-5 baseline and against the default baseline.
 * `node --import tsx bench/quality-report.ts`
 */
import { pino } from "pino";
import { SOURCES } from "../scrapers/registry.ts";
import { createCaller } from "../src/api/router.ts";
import { Scheduler } from "../src/jobs/scheduler/scheduler.ts";
import { resolveSchedules } from "../src/jobs/scheduler/schedules.ts";
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { TASK_CLASSES } from "../src/domain/tasks/catalogue.ts";
import { constraintsInput } from "../src/api/routers/ranking.ts";
import { rankBest } from "../src/domain/ranking/best.ts";
import { simulateWorkload, type Simulation } from "../src/domain/ranking/simulate.ts";
import { taskCandidatesIn } from "../src/market/priced-offers.ts";
import { requestView } from "../src/market/request-view.ts";

const NAMED = ["anthropic/claude-opus-5", "openai/gpt-5.5", "zai/glm-5.1", "deepseek/deepseek-v4-flash", "openai/gpt-5.4-mini"];
if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR) {
  process.stderr.write("set DATABASE_URL or PGLITE_DIR to a filled database\n");
  process.exit(2);
}
const connection = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR ?? "memory://" });
// A database filled by an older checkout gets this one's migrations first.
await migrateDatabase(connection);
// With PRICEWAR_REPLAY_DIR, every source (prices and benchmarks) that never ran replays its payloads first, as a replay-mode first start does.
if (process.env.PRICEWAR_REPLAY_DIR) {
  const filling = performance.now();
  const scheduler = new Scheduler({ connection, schedules: resolveSchedules(SOURCES, {}), logger: pino({ level: "warn" }), env: { HTTP_TIMEOUT_MS: 30_000 }, replayDir: process.env.PRICEWAR_REPLAY_DIR });
  const runs = await scheduler.runFirstStart();
  await scheduler.stop();
  process.stdout.write(`replayed ${runs.size} sources in ${((performance.now() - filling) / 1000).toFixed(0)} s\n`);
}
const api = createCaller({ db: connection.db, connection });
const out = (line: string) => process.stdout.write(`${line}\n`);
const interval = (q: { quality: number; low: number; high: number }) => `${q.quality.toFixed(1)} [${q.low.toFixed(1)}, ${q.high.toFixed(1)}]`;

// The first answer pays for loading the data and fitting the ability model; the next ones reuse the fit.
const started = performance.now();
await api.best({ task: "chat", limit: 1 });
const first = performance.now() - started;
const again = performance.now();
await api.best({ task: "chat", limit: 1 });
out(`first best ${first.toFixed(0)} ms (load + fit), next ${(performance.now() - again).toFixed(0)} ms\n`);

out("## Default answer per class (best with no parameters)");
for (const task of TASK_CLASSES) {
  const result = await api.best({ task: task.id as never, limit: 1 });
  const pick = result.candidates[0];
  out(
    pick
      ? `${task.id}: ${pick.model} ${interval(pick)} via ${pick.offering.provider} $${Number(pick.callCost).toPrecision(3)}/call ($${Number(pick.blendedPerMillion).toPrecision(4)}/1M); best ${result.best?.model} ${result.best ? interval(result.best) : ""}; class scores ${pick.components.length}; ${result.eligible} eligible; cost basis ${pick.costBasis?.kind ?? "profile"}${pick.costBasis?.kind === "measured" ? ` (${pick.costBasis.outputTokens} output tokens)` : ""}`
      : `${task.id}: no pick (${result.rule})`,
  );
  if (pick) out(`  reason: ${pick.reason}`);
}

out("\n## Cost per task from measured runs (the scored setting's measured output size; domain/ranking/measured-output.ts)");
// The candidates best reads: the market view's, under the API's default constraints.
const view = await requestView({ db: connection.db });
const defaults = constraintsInput.parse({});
for (const task of TASK_CLASSES) {
  const set = taskCandidatesIn(view, task, { ...defaults, asOf: undefined });
  const measured = set.candidates.filter((candidate) => candidate.costBasis?.kind === "measured");
  const pick = rankBest(set.candidates, { objective: "cost", limit: 1 }).candidates[0];
  const factors = measured.map((candidate) => candidate.costBasis!.factor).sort((a, b) => a - b);
  const runs = measured.flatMap((candidate) => candidate.costBasis!.runs);
  const dated = runs.filter((run) => run.priceAt === "run date").length;
  out(
    `${task.id}: ${measured.length} of ${set.candidates.length} candidates priced on measured output` +
      (factors.length ? ` (factor ${factors[0]!.toFixed(2)}..${factors.at(-1)!.toFixed(2)}; ${dated} of ${runs.length} runs read at the price in force at the run's date, the rest at today's)` : "") +
      `; default pick ${pick ? `${pick.model} ${interval(pick)} $${Number(pick.callCost).toPrecision(3)}/call, basis ${pick.costBasis?.kind}${pick.costBasis?.kind === "measured" ? ` ${pick.costBasis.outputTokens} out` : ""}` : "none"}`,
  );
}

out("\n## Named models: quality with 95% interval (class scores)");
for (const task of ["legal", "coding", "chat"] as const) {
  const all = await api.tasks.quality({ task, limit: 1000 });
  for (const model of NAMED) {
    // Scores of an undated name count under its dated snapshot (snapshot identity).
    const entry = all.models.find((m) => m.model === model) ?? all.models.find((m) => m.model.startsWith(`${model}-20`));
    const rank = entry ? all.models.indexOf(entry) + 1 : null;
    out(`${task} ${model}${entry && entry.model !== model ? ` (scored as ${entry.model})` : ""}: ${entry ? `${interval(entry)} (${entry.classScores} class scores, rank ${rank} of ${all.models.length})` : "not in the fit"}`);
  }
}

out("\n## Founding scenario: 20% hard legal, 80% easy chat and extraction, 1M calls a month");
const OPUS = "anthropic/claude-opus-5";
const MIX = [
  { task: "legal", share: 20 },
  { task: "chat", share: 40 },
  { task: "extraction", share: 40 },
] as const;
function printScenario(title: string, scenario: Simulation): void {
  out(`\n### ${title}`);
  for (const line of scenario.lines) {
    out(
      `${line.task}: ${line.calls} calls, routed ${line.routed?.model ?? "-"} ${line.routed ? interval(line.routed) : "-"} $${line.routedMonthly}; ` +
        `baseline ${line.baseline.model} ${line.baseline.quality ? interval(line.baseline.quality) : "-"} $${line.baselineMonthly}; ` +
        `difference ${line.qualityDifference}, within baseline ${line.withinBaseline}`,
    );
  }
  out(`routed $${scenario.routedMonthly} vs baseline $${scenario.baselineMonthly} a month: savings x${scenario.savingsFactor}; all within baseline: ${scenario.allWithinBaseline}`);
}

// The bars of the last note: legal within 2 points of the best, chat and extraction within 10.
printScenario(
  "vs all Claude Opus 5: legal within 2 points of the best, chat and extraction within 10",
  await api.simulate({ monthlyCalls: 1_000_000, baseline: OPUS, workload: [{ ...MIX[0], withinOfBest: 2 }, { ...MIX[1], withinOfBest: 10 }, { ...MIX[2], withinOfBest: 10 }] }),
);

// Each class at best's default answer (within 5 points of the best, low end within 10): best's pick per class, priced over the mix against Opus 5 from the same view.
const opusOnTask = await api.simulate({ monthlyCalls: 1_000_000, baseline: OPUS, workload: MIX.map((item) => ({ ...item, withinOfBest: 100 })) });
const defaultLines = [];
for (const [index, item] of MIX.entries()) {
  const pick = (await api.best({ task: item.task, limit: 1 })).candidates[0] ?? null;
  const line = opusOnTask.lines[index]!;
  defaultLines.push({ task: item.task, calls: line.calls, routed: pick && { model: pick.model, callCost: pick.callCost, quality: pick.quality, low: pick.low, high: pick.high }, baseline: line.baseline });
}
printScenario("vs all Claude Opus 5: each class at best's default answer", simulateWorkload(defaultLines));

// No bar per item: simulate routes each class to its cheapest model not significantly worse than the baseline there (notWorseThan).
printScenario("vs all Claude Opus 5: no bars (notWorseThan Opus 5 in each class)", await api.simulate({ monthlyCalls: 1_000_000, baseline: OPUS, workload: [...MIX] }));

const defaultBaseline = await api.simulate({ monthlyCalls: 1_000_000, workload: [...MIX] });
printScenario(`vs the default baseline (${defaultBaseline.baseline.model}, ${defaultBaseline.baseline.chosen}): no bars (notWorseThan it in each class)`, defaultBaseline);
printScenario(
  `vs the default baseline (${defaultBaseline.baseline.model}): legal within 2, chat and extraction within 10`,
  await api.simulate({ monthlyCalls: 1_000_000, workload: [{ ...MIX[0], withinOfBest: 2 }, { ...MIX[1], withinOfBest: 10 }, { ...MIX[2], withinOfBest: 10 }] }),
);
await connection.close();
