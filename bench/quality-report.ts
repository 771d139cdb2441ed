/**
 * The figures issue 14 asks for, read through the API on a filled database (PGLITE_DIR or
 * DATABASE_URL): every class's default answer (best with no parameters) with its interval,
 * seller and price; legal, coding and chat quality of the named models; and the founding
 * scenario (20% hard legal, 80% easy chat and extraction) against an all-Claude-Opus-5
 * baseline. `node --import tsx bench/quality-report.ts`
 */
import { createCaller } from "../src/api/router.ts";
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { TASK_CLASSES } from "../src/domain/tasks/catalogue.ts";
import { taskCandidates } from "../src/db/queries/ranking.ts";
import { rankBest } from "../src/domain/ranking/best.ts";
import { callsFromShares, simulateWorkload } from "../src/domain/ranking/simulate.ts";

const NAMED = ["anthropic/claude-opus-5", "openai/gpt-5.5", "zai/glm-5.1", "deepseek/deepseek-v4-flash", "openai/gpt-5.4-mini"];
if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR) {
  process.stderr.write("set DATABASE_URL or PGLITE_DIR to a filled database\n");
  process.exit(2);
}
const connection = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR ?? "memory://" });
// A database filled by an older checkout gets this one's migrations first.
await migrateDatabase(connection);
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
}

out("\n## Cost per task from measured runs (the scored setting's measured output size; domain/ranking/measured-output.ts)");
for (const task of TASK_CLASSES) {
  const set = await taskCandidates(connection.db, task, { minCoverage: 0 });
  const measured = set.candidates.filter((candidate) => candidate.costBasis?.kind === "measured");
  const pick = rankBest(set.candidates, { objective: "cost", limit: 1 }).candidates[0];
  const factors = measured.map((candidate) => candidate.costBasis!.factor).sort((a, b) => a - b);
  out(
    `${task.id}: ${measured.length} of ${set.candidates.length} candidates priced on measured output` +
      (factors.length ? ` (factor ${factors[0]!.toFixed(2)}..${factors.at(-1)!.toFixed(2)})` : "") +
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

out("\n## Founding scenario: 20% hard legal, 80% easy chat and extraction, baseline all Claude Opus 5");
const scenario = await api.simulate({
  monthlyCalls: 1_000_000,
  baseline: "anthropic/claude-opus-5",
  workload: [
    { task: "legal", share: 20, indistinguishable: true, maxWidth: 15 },
    { task: "chat", share: 40, withinOfBest: 10 },
    { task: "extraction", share: 40, withinOfBest: 10 },
  ],
});
for (const line of scenario.lines) {
  out(
    `${line.task}: ${line.calls} calls, routed ${line.routed?.model} ${line.routed ? interval(line.routed) : "-"} $${line.routedMonthly}; ` +
      `baseline ${line.baseline.model} ${line.baseline.quality ? interval(line.baseline.quality) : "-"} $${line.baselineMonthly}; ` +
      `difference ${line.qualityDifference}, within baseline ${line.withinBaseline}`,
  );
}
out(`routed $${scenario.routedMonthly} vs baseline $${scenario.baselineMonthly} a month: savings x${scenario.savingsFactor}; all within baseline: ${scenario.allWithinBaseline}`);
const opusDefaults = await api.simulate({
  monthlyCalls: 1_000_000,
  baseline: "anthropic/claude-opus-5",
  workload: [
    { task: "legal", share: 20, indistinguishable: true, maxWidth: 15 },
    { task: "chat", share: 40 },
    { task: "extraction", share: 40 },
  ],
});
out("\nSame scenario, chat and extraction at the default bar (within 5 points of the best, low end within 10):");
for (const line of opusDefaults.lines) {
  out(`${line.task}: routed ${line.routed?.model} ${line.routed ? interval(line.routed) : "-"}; baseline ${line.baseline.quality ? interval(line.baseline.quality) : "-"}; difference ${line.qualityDifference}, within baseline ${line.withinBaseline}`);
}
out(`routed $${opusDefaults.routedMonthly} vs baseline $${opusDefaults.baselineMonthly}: savings x${opusDefaults.savingsFactor}; all within baseline: ${opusDefaults.allWithinBaseline}`);
// Each class routed to its cheapest model not significantly worse than Opus 5 there (best's notWorseThan bar).
const founding = [
  { task: "legal", share: 20 },
  { task: "chat", share: 40 },
  { task: "extraction", share: 40 },
] as const;
const foundingCalls = callsFromShares(founding, 1_000_000);
const foundingLines = [];
for (const [index, item] of founding.entries()) {
  const set = await taskCandidates(connection.db, TASK_CLASSES.find((task) => task.id === item.task)!, { minCoverage: 0 });
  const opus = set.candidates.find((candidate) => candidate.model === "anthropic/claude-opus-5")!;
  const routed = rankBest(set.candidates, { objective: "cost", limit: 1, notWorseThan: opus }).candidates[0] ?? null;
  foundingLines.push({
    task: item.task,
    calls: foundingCalls[index]!,
    routed: routed && { model: routed.model, callCost: routed.callCost, quality: routed.quality, low: routed.low, high: routed.high },
    baseline: { model: opus.model, callCost: opus.callCost, quality: { quality: opus.quality, low: opus.low, high: opus.high } },
  });
}
const notWorse = simulateWorkload(foundingLines);
out("\nSame scenario, each class at the notWorseThan bar (cheapest model not significantly worse than Opus 5 in that class):");
for (const line of notWorse.lines) {
  out(`${line.task}: routed ${line.routed?.model} ${line.routed ? interval(line.routed) : "-"} $${line.routedMonthly}; baseline ${line.baseline.quality ? interval(line.baseline.quality) : "-"} $${line.baselineMonthly}; difference ${line.qualityDifference}, within baseline ${line.withinBaseline}`);
}
out(`routed $${notWorse.routedMonthly} vs baseline $${notWorse.baselineMonthly}: savings x${notWorse.savingsFactor}; all within baseline: ${notWorse.allWithinBaseline}`);
const defaults = await api.simulate({
  monthlyCalls: 1_000_000,
  workload: [
    { task: "legal", share: 20 },
    { task: "chat", share: 40 },
    { task: "extraction", share: 40 },
  ],
});
out(`\nSame mix, default answers and the default baseline (${defaults.baseline.model}, ${defaults.baseline.chosen}):`);
for (const line of defaults.lines) {
  out(`${line.task}: routed ${line.routed?.model} ${line.routed ? interval(line.routed) : "-"}; baseline ${line.baseline.quality ? interval(line.baseline.quality) : "-"}; within baseline ${line.withinBaseline}`);
}
out(`routed $${defaults.routedMonthly} vs baseline $${defaults.baselineMonthly}: savings x${defaults.savingsFactor}; all within baseline: ${defaults.allWithinBaseline}`);
await connection.close();
