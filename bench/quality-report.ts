/**
 * The figures issue 14 asks for, read through the API on a filled database (PGLITE_DIR or
 * DATABASE_URL): every class's default answer (best with no parameters) with its interval,
 * seller and price; legal, coding and chat quality of the named models; and the founding
 * scenario (20% hard legal, 80% easy chat and extraction) against an all-Claude-Opus-5
 * baseline. `node --import tsx bench/quality-report.ts`
 */
import { createCaller } from "../src/api/router.ts";
import { openDatabase } from "../src/db/client.ts";
import { TASK_CLASSES } from "../src/domain/tasks/catalogue.ts";

const NAMED = ["anthropic/claude-opus-5", "openai/gpt-5.5", "zai/glm-5.1", "deepseek/deepseek-v4-flash", "openai/gpt-5.4-mini"];
if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR) {
  process.stderr.write("set DATABASE_URL or PGLITE_DIR to a filled database\n");
  process.exit(2);
}
const connection = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR ?? "memory://" });
const api = createCaller({ db: connection.db, connection });
const out = (line: string) => process.stdout.write(`${line}\n`);
const interval = (q: { quality: number; low: number; high: number }) => `${q.quality.toFixed(1)} [${q.low.toFixed(1)}, ${q.high.toFixed(1)}]`;

out("## Default answer per class (best with no parameters)");
for (const task of TASK_CLASSES) {
  const result = await api.best({ task: task.id as never, limit: 1 });
  const pick = result.candidates[0];
  out(
    pick
      ? `${task.id}: ${pick.model} ${interval(pick)} via ${pick.offering.provider} $${Number(pick.callCost).toPrecision(3)}/call ($${Number(pick.blendedPerMillion).toPrecision(4)}/1M); best ${result.best?.model} ${result.best ? interval(result.best) : ""}; class scores ${pick.components.length}; ${result.eligible} eligible`
      : `${task.id}: no pick (${result.rule})`,
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
