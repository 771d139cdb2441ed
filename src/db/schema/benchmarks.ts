/**
 * Benchmarks and score history: per model, benchmark, source and setting, periods
 * [validFrom, validTo) of a score as of a date. Overlaps are forbidden by an exclusion
 * constraint (migration 0001), like price periods.
 */
import { relations, sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { models } from "./catalogue.ts";
import { scrapeRuns, sources } from "./runs.ts";

export const scoreScale = pgEnum("score_scale", ["percent", "fraction", "elo", "index"]);

export const benchmarks = pgTable("benchmarks", {
  id: text().primaryKey(),
  name: text().notNull(),
  sourceId: text()
    .notNull()
    .references(() => sources.id),
  scale: scoreScale().notNull(),
  higherIsBetter: boolean().notNull().default(true),
  description: text().notNull(),
  url: text().notNull(),
});

export const scorePeriods = pgTable(
  "score_periods",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    modelId: text()
      .notNull()
      .references(() => models.id),
    benchmarkId: text()
      .notNull()
      .references(() => benchmarks.id),
    sourceId: text()
      .notNull()
      .references(() => sources.id),
    /** Reasoning effort, edit format... "" when the source states none. */
    setting: text().notNull().default(""),
    score: numeric().notNull(),
    ciLower: numeric(),
    ciUpper: numeric(),
    votes: integer(),
    /** Measured cost of the benchmark run in USD; null = unknown. */
    costUsd: numeric(),
    /** The raw name the source used, for audit. */
    rawName: text().notNull(),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validTo: timestamp({ withTimezone: true }),
    /** As price_periods: read through periodLastSeen when seenInLatestRun. */
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    seenInLatestRun: boolean().notNull().default(false),
    scrapeRunId: bigint({ mode: "number" }).references(() => scrapeRuns.id, { onDelete: "set null" }),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // latest scores per task: the open period of each (model, benchmark, source, setting)
    uniqueIndex("score_periods_current_key")
      .on(t.modelId, t.benchmarkId, t.sourceId, t.setting)
      .where(sql`${t.validTo} is null`),
    // tasks.quality as of a date: every score of a benchmark valid at that date
    index("score_periods_benchmark_at_date_idx").on(t.benchmarkId, t.validFrom),
    // benchmarks.scores for one model
    index("score_periods_by_model_idx").on(t.modelId, t.benchmarkId),
    check("score_periods_valid_range", sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

export const benchmarksRelations = relations(benchmarks, ({ many }) => ({
  scores: many(scorePeriods),
}));

export const scorePeriodsRelations = relations(scorePeriods, ({ one }) => ({
  model: one(models, { fields: [scorePeriods.modelId], references: [models.id] }),
  benchmark: one(benchmarks, { fields: [scorePeriods.benchmarkId], references: [benchmarks.id] }),
}));

