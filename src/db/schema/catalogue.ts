/** Who sells (providers), what is sold (models), how sources name it (aliases), and what is on offer. */
import { relations, sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const providerKind = pgEnum("provider_kind", ["lab", "host", "cloud", "aggregator", "reference", "unknown"]);
export const modelTier = pgEnum("model_tier", ["frontier", "mid", "small"]);
export const matchMethod = pgEnum("match_method", ["exact", "normalised", "override", "unmatched"]);

export const providers = pgTable("providers", {
  id: text().primaryKey(),
  name: text().notNull(),
  kind: providerKind().notNull().default("unknown"),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const models = pgTable(
  "models",
  {
    /** Canonical id: "<creator>/<name>", e.g. "openai/gpt-4o-2024-08-06". */
    id: text().primaryKey(),
    creator: text().notNull(),
    name: text().notNull(),
    displayName: text(),
    family: text(),
    releaseDate: date(),
    openWeights: boolean(),
    parameters: text(),
    contextWindow: integer(),
    maxOutputTokens: integer(),
    tier: modelTier(),
    /** A moving name (gpt-4o, deepseek-chat, *-latest): an alias whose snapshots are in model_pointers. */
    floating: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // models.list filtered by creator or family
    index("models_by_creator_idx").on(t.creator, t.family),
  ],
);

export const aliases = pgTable(
  "aliases",
  {
    id: serial().primaryKey(),
    source: text().notNull(),
    rawName: text().notNull(),
    /** Null while the name is unmatched: kept and reported, never guessed. */
    modelId: text().references(() => models.id, { onDelete: "set null" }),
    method: matchMethod().notNull(),
    /** Why it matched (or not), e.g. "stripped provider prefix bedrock/". */
    note: text(),
    /** The setting the name carries (reasoning effort, thinking budget...), "" when none. */
    setting: text().notNull().default(""),
    firstSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * "Seen" per run, as for periods (source_sightings): while seenInLatestRun holds, the
     * name was last seen by its source's latest sighting; otherwise lastSeenAt says when.
     * Read it with aliasLastSeen (db/queries/alias-seen.ts).
     */
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    seenInLatestRun: boolean().notNull().default(false),
  },
  (t) => [
    // resolveModelName: one answer per (source, raw name); double ingestion cannot add a second
    uniqueIndex("aliases_source_raw_name_key").on(t.source, t.rawName),
    // models.resolve without a source, and `pricewar unmatched`
    index("aliases_raw_name_idx").on(t.rawName),
    index("aliases_unmatched_idx").on(t.source).where(sql`${t.modelId} is null`),
    check("aliases_match_has_model", sql`(${t.method} = 'unmatched') = (${t.modelId} is null)`),
  ],
);

export const offerings = pgTable(
  "offerings",
  {
    id: serial().primaryKey(),
    providerId: text()
      .notNull()
      .references(() => providers.id),
    modelId: text()
      .notNull()
      .references(() => models.id),
    /** standard | batch | flex | priority | free | ... */
    variant: text().notNull().default("standard"),
    /** Cloud region where prices are regional, else "". */
    region: text().notNull().default(""),
    /** The exact model id the seller's API expects (claude-sonnet-4-5-20250929, accounts/fireworks/models/...). */
    nativeId: text(),
    /** The source that stated nativeId: the seller's own source is never overwritten by another. */
    nativeIdSource: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one offering per seller x model x variant x region
    uniqueIndex("offerings_identity_key").on(t.providerId, t.modelId, t.variant, t.region),
    // a model's price history and every seller of a model (spreads)
    index("offerings_by_model_idx").on(t.modelId),
  ],
);

/**
 * Dated pointers of a floating model (gpt-4o, deepseek-chat) to the snapshot it served:
 * [validFrom, validTo) per pointer, from a source's metadata or a reviewed override.
 */
export const modelPointers = pgTable(
  "model_pointers",
  {
    id: serial().primaryKey(),
    floatingModelId: text()
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    snapshotModelId: text()
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validTo: timestamp({ withTimezone: true }),
    /** A source id, or "override". */
    origin: text().notNull(),
    note: text(),
  },
  (t) => [
    // models.resolve at a date: the pointer of a floating model valid then
    uniqueIndex("model_pointers_floating_from_key").on(t.floatingModelId, t.validFrom),
    check("model_pointers_valid_range", sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

export const modelsRelations = relations(models, ({ many }) => ({
  aliases: many(aliases),
  offerings: many(offerings),
}));

export const aliasesRelations = relations(aliases, ({ one }) => ({
  model: one(models, { fields: [aliases.modelId], references: [models.id] }),
}));

export const offeringsRelations = relations(offerings, ({ one }) => ({
  provider: one(providers, { fields: [offerings.providerId], references: [providers.id] }),
  model: one(models, { fields: [offerings.modelId], references: [models.id] }),
}));
