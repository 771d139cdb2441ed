/**
 * Lifecycle stages the price sources state for their offerings (issue 13): OpenRouter's
 * expiration_date, models.dev's status. Keyed by the name as the source wrote it (the
 * alias key), so re-resolution never has to move these rows: reads join aliases to reach
 * the model. Reviewed dates (domain/lifecycle/lifecycle.yaml) are not stored here.
 */
import { index, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sources } from "./runs.ts";

export const lifecycleSignalStage = pgEnum("lifecycle_signal_stage", ["preview", "deprecated", "retired"]);

export const lifecycleSignals = pgTable(
  "lifecycle_signals",
  {
    sourceId: text()
      .notNull()
      .references(() => sources.id),
    /** The seller whose offering the source describes. */
    providerId: text().notNull(),
    /** The model name exactly as the source writes it (aliases.raw_name). */
    rawName: text().notNull(),
    stage: lifecycleSignalStage().notNull(),
    /** The date the source gives for the stage (an expiration), else null: the stage counts from firstSeenAt. */
    effectiveAt: timestamp({ withTimezone: true }),
    /** The first and latest payloads (their own dates) that carried this stage. */
    firstSeenAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    note: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.providerId, t.rawName, t.stage] }),
    // lifecycle reads: a source's signals joined to aliases by (source, raw name)
    index("lifecycle_signals_by_name_idx").on(t.sourceId, t.rawName),
  ],
);
