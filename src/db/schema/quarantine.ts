/**
 * Prices the integrity gate held back: a jump of 10x or more against the offering's
 * previous value or against other sources. Kept with their run, never applied, until a
 * reviewed override releases them or another source confirms them.
 */
import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { offerings } from "./catalogue.ts";
import { scrapeRuns, sources } from "./runs.ts";
import type { PriceValue } from "../../domain/prices/price-value.ts";

export const quarantineStatus = pgEnum("quarantine_status", ["held", "released", "confirmed", "superseded"]);

export const priceQuarantine = pgTable(
  "price_quarantine",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    scrapeRunId: bigint({ mode: "number" }).references(() => scrapeRuns.id, { onDelete: "set null" }),
    sourceId: text()
      .notNull()
      .references(() => sources.id),
    offeringId: integer()
      .notNull()
      .references(() => offerings.id),
    rawName: text().notNull(),
    observedAt: timestamp({ withTimezone: true }).notNull(),
    /** The price held back, and the value it jumped from. */
    value: jsonb().$type<PriceValue>().notNull(),
    previous: jsonb().$type<PriceValue>(),
    reason: text().notNull(),
    status: quarantineStatus().notNull().default("held"),
    resolvedAt: timestamp({ withTimezone: true }),
    /** What released or confirmed it: an override note or the confirming source. */
    resolvedBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the same held price is recorded once, however often its payload is ingested
    uniqueIndex("price_quarantine_once_key").on(t.offeringId, t.sourceId, t.observedAt),
    // sources.quarantine: what is held now
    index("price_quarantine_held_idx").on(t.sourceId).where(sql`${t.status} = 'held'`),
  ],
);
