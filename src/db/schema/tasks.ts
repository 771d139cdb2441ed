/**
 * Task classes (coding, reasoning, chat, ...): which benchmarks inform each and with what
 * weight, and the token profile used to price a typical call. Seeded from the reviewed
 * catalogue in src/domain/tasks.
 */
import { relations } from "drizzle-orm";
import { integer, numeric, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { benchmarks } from "./benchmarks.ts";

export const taskClasses = pgTable("task_classes", {
  id: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull(),
  /** Typical call: input and output tokens, and the share of input served from cache. */
  inputTokens: integer().notNull(),
  outputTokens: integer().notNull(),
  cachedShare: numeric().notNull().default("0"),
  rationale: text().notNull(),
});

export const taskBenchmarkWeights = pgTable(
  "task_benchmark_weights",
  {
    taskId: text()
      .notNull()
      .references(() => taskClasses.id, { onDelete: "cascade" }),
    benchmarkId: text()
      .notNull()
      .references(() => benchmarks.id),
    weight: numeric().notNull(),
  },
  (t) => [primaryKey({ name: "task_benchmark_weights_pk", columns: [t.taskId, t.benchmarkId] })],
);

export const taskClassesRelations = relations(taskClasses, ({ many }) => ({
  weights: many(taskBenchmarkWeights),
}));

export const taskBenchmarkWeightsRelations = relations(taskBenchmarkWeights, ({ one }) => ({
  task: one(taskClasses, { fields: [taskBenchmarkWeights.taskId], references: [taskClasses.id] }),
  benchmark: one(benchmarks, { fields: [taskBenchmarkWeights.benchmarkId], references: [benchmarks.id] }),
}));
