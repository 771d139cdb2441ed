/**
 * `pricewar best --task T [--json] [constraints]`: the cheapest model meeting a quality
 * bar for a task class (or the best under a price cap), through the same procedure as the API.
 * The bar is one of --min-quality, --within, --indistinguishable (statistically
 * indistinguishable from the best), or none (the default answer); --max-width drops models
 * whose 95% quality interval is wider than that many points.
 */
import { ZodError } from "zod";
import { createCaller } from "../../api/router.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { TASK_IDS } from "../../domain/tasks/catalogue.ts";
import { describeIssues } from "../../domain/zod-issues.ts";
import type { Runtime } from "../../runtime.ts";
import { parseCommandArgs } from "../args.ts";
import { percent, table } from "../format.ts";
import { UsageError } from "../usage-error.ts";

export const BEST_OPTIONS = {
  task: { type: "string" },
  json: { type: "boolean" },
  "min-quality": { type: "string" },
  within: { type: "string" },
  indistinguishable: { type: "boolean" },
  "max-width": { type: "string" },
  "max-price": { type: "string" },
  currency: { type: "string" },
  variants: { type: "string" },
  objective: { type: "string" },
  "open-weights": { type: "boolean" },
  providers: { type: "string" },
  "exclude-providers": { type: "string" },
  "min-context": { type: "string" },
  sellers: { type: "string" },
  regions: { type: "string" },
  "include-suspect": { type: "boolean" },
  "include-withdrawn": { type: "boolean" },
  "min-coverage": { type: "string" },
  "as-of": { type: "string" },
  limit: { type: "string" },
} as const;

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new UsageError(`best: --${name} must be a number, got "${value}"`);
  return parsed;
}

const list = (value: string | undefined) => value?.split(",").map((item) => item.trim()).filter(Boolean);

export async function bestCommand(args: string[], open: () => Promise<Runtime>): Promise<number> {
  const { values } = parseCommandArgs("best", args, BEST_OPTIONS);
  if (!values.task) throw new UsageError(`best: --task is required; one of ${TASK_IDS.join(", ")}`);
  const input = {
    task: values.task,
    minQuality: number("min-quality", values["min-quality"]),
    withinOfBest: number("within", values.within),
    indistinguishable: values.indistinguishable,
    maxWidth: number("max-width", values["max-width"]),
    maxPrice: number("max-price", values["max-price"]),
    currency: values.currency,
    variants: list(values.variants),
    objective: values.objective,
    openWeightsOnly: values["open-weights"],
    providers: list(values.providers),
    excludeProviders: list(values["exclude-providers"]),
    minContext: number("min-context", values["min-context"]),
    sellers: values.sellers,
    regions: list(values.regions),
    includeSuspect: values["include-suspect"],
    includeWithdrawn: values["include-withdrawn"],
    minCoverage: number("min-coverage", values["min-coverage"]),
    asOf: values["as-of"],
    limit: number("limit", values.limit),
  };
  const runtime = await open();
  await migrateDatabase(runtime.connection);
  const caller = createCaller({ db: runtime.connection.db, connection: runtime.connection, logger: runtime.logger });
  // Same validation as the API: zod and domain errors come back as messages naming the field.
  const result = await caller.best(input as Parameters<typeof caller.best>[0]).catch((error: unknown) => {
    const cause = error instanceof Error ? error.cause : undefined;
    throw new UsageError(`best: ${cause instanceof ZodError ? describeIssues(cause) : error instanceof Error ? error.message : String(error)}`);
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const bar = result.bar === null ? (result.rule ?? "no quality bar") : `quality bar ${result.bar.toFixed(1)} (best ${result.bestQuality?.toFixed(1)})`;
  process.stdout.write(
    `${result.task}: ${result.candidates.length} of ${result.eligible} priced and scored models, ${bar}; a typical call is ${result.profile.inputTokens} in / ${result.profile.outputTokens} out, ${percent(result.profile.cachedShare)} cached\n\n`,
  );
  const rows = result.candidates.map((candidate) => [
    candidate.rank,
    candidate.model,
    `${candidate.quality.toFixed(1)} [${candidate.low.toFixed(1)}, ${candidate.high.toFixed(1)}]`,
    percent(candidate.coverage),
    candidate.blendedPerMillion,
    candidate.callCost,
    `${candidate.offering.provider}${candidate.offering.variant === "standard" ? "" : ` ${candidate.offering.variant}`} (${candidate.offering.source})`,
  ]);
  process.stdout.write(table(["#", "model", "quality", "coverage", "$/1M", "$/call", "offering (source)"], rows));
  for (const candidate of result.candidates) process.stdout.write(`\n${candidate.rank}. ${candidate.reason}`);
  process.stdout.write("\n");
  return result.candidates.length > 0 ? 0 : 1;
}
