/**
 * Price history: per offering and source, periods [validFrom, validTo) of exact prices
 * (USD or the source's currency per 1M tokens). An open period (validTo null) is the
 * current price; a database exclusion constraint (migration 0001) forbids overlaps.
 */
import { relations, sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { offerings } from "./catalogue.ts";
import { scrapeRuns, sources } from "./runs.ts";
import type { ContextTier } from "../../domain/observation.ts";

export const currency = pgEnum("currency", ["USD", "CNY", "EUR"]);
export const changeKind = pgEnum("change_kind", ["listed", "delisted", "price"]);
export const changeDirection = pgEnum("change_direction", ["cut", "hike", "mixed", "none"]);

export const pricePeriods = pgTable(
  "price_periods",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    offeringId: integer()
      .notNull()
      .references(() => offerings.id),
    sourceId: text()
      .notNull()
      .references(() => sources.id),
    currency: currency().notNull().default("USD"),
    input: numeric(),
    output: numeric(),
    cacheRead: numeric(),
    cacheWrite: numeric(),
    cacheWrite1h: numeric(),
    /** Long-context tiers, decimals as strings (exact). */
    tiers: jsonb().$type<ContextTier[]>().notNull().default([]),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validTo: timestamp({ withTimezone: true }),
    /**
     * When a run last saw this price, unless seenInLatestRun: then every run of the source
     * since saw it too, and it was last seen at the source's latest sighting
     * (source_sightings). Read it through periodLastSeen (queries/period-seen.ts).
     */
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    /** Seen by the source's latest run: an unchanged re-scrape then writes no period row. */
    seenInLatestRun: boolean().notNull().default(false),
    scrapeRunId: bigint({ mode: "number" }).references(() => scrapeRuns.id, { onDelete: "set null" }),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // current price of an offering from a source: at most one open period
    uniqueIndex("price_periods_current_key").on(t.offeringId, t.sourceId).where(sql`${t.validTo} is null`),
    // price at a date / an offering's history, ordered; id breaks ties for the keyset pages of prices.history
    index("price_periods_history_idx").on(t.offeringId, t.validFrom, t.id),
    // prices.current over all offerings
    index("price_periods_current_by_source_idx").on(t.sourceId).where(sql`${t.validTo} is null`),
    check("price_periods_valid_range", sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
    check(
      "price_periods_non_negative",
      sql`coalesce(${t.input}, 0) >= 0 and coalesce(${t.output}, 0) >= 0 and coalesce(${t.cacheRead}, 0) >= 0 and coalesce(${t.cacheWrite}, 0) >= 0 and coalesce(${t.cacheWrite1h}, 0) >= 0`,
    ),
  ],
);

export const changeEvents = pgTable(
  "change_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    offeringId: integer()
      .notNull()
      .references(() => offerings.id),
    sourceId: text()
      .notNull()
      .references(() => sources.id),
    kind: changeKind().notNull(),
    effectiveAt: timestamp({ withTimezone: true }).notNull(),
    oldPeriodId: bigint({ mode: "number" }).references(() => pricePeriods.id),
    newPeriodId: bigint({ mode: "number" }).references(() => pricePeriods.id),
    /** Blended price (task-neutral 3:1 input:output) before and after, and the relative change. */
    oldBlended: numeric(),
    newBlended: numeric(),
    changeRatio: numeric(),
    direction: changeDirection().notNull().default("none"),
    scrapeRunId: bigint({ mode: "number" }).references(() => scrapeRuns.id, { onDelete: "set null" }),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the same change is recorded once, however often it is ingested
    uniqueIndex("change_events_once_key").on(t.offeringId, t.sourceId, t.kind, t.effectiveAt),
    // pricewar.changes: newest first (ties by id), filtered by date; a page is read off the index
    index("change_events_by_date_idx").on(t.effectiveAt.desc(), t.id),
    // pricewar.changes of a model: each offering's newest events, read off the index
    index("change_events_by_offering_idx").on(t.offeringId, t.effectiveAt.desc(), t.id),
  ],
);

export const pricePeriodsRelations = relations(pricePeriods, ({ one }) => ({
  offering: one(offerings, { fields: [pricePeriods.offeringId], references: [offerings.id] }),
  source: one(sources, { fields: [pricePeriods.sourceId], references: [sources.id] }),
}));

export const changeEventsRelations = relations(changeEvents, ({ one }) => ({
  offering: one(offerings, { fields: [changeEvents.offeringId], references: [offerings.id] }),
}));
