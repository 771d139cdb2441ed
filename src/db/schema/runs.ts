/** Sources, each run of a source, and the raw payloads it read (content-addressed). */
import { relations, sql } from "drizzle-orm";
import { bigint, bigserial, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const sourceKind = pgEnum("source_kind", ["price", "benchmark"]);
export const sourceAuthority = pgEnum("source_authority", ["first-party", "aggregator", "community"]);
export const runStatus = pgEnum("run_status", ["running", "succeeded", "failed", "disabled"]);
export const runTrigger = pgEnum("run_trigger", ["schedule", "manual", "replay", "backfill", "startup"]);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

export const sources = pgTable("sources", {
  id: text().primaryKey(),
  kind: sourceKind().notNull(),
  /** Benchmark sources have no authority over prices. */
  authority: sourceAuthority(),
  description: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const rawPayloads = pgTable("raw_payloads", {
  /** sha256 of the body: an unchanged payload is stored once. */
  sha256: text().primaryKey(),
  body: bytea().notNull(),
  bytes: integer().notNull(),
  contentType: text(),
  firstSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const scrapeRuns = pgTable(
  "scrape_runs",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    sourceId: text()
      .notNull()
      .references(() => sources.id),
    trigger: runTrigger().notNull(),
    status: runStatus().notNull().default("running"),
    /** The time the observations describe (now, or --at for backfills). */
    observedAt: timestamp({ withTimezone: true }).notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    parsed: integer().notNull().default(0),
    changed: integer().notNull().default(0),
    unmatched: integer().notNull().default(0),
    rejected: integer().notNull().default(0),
    skipped: integer().notNull().default(0),
    error: text(),
    /** The process that holds the run (host:pid:random), for leases across instances. */
    instanceId: text(),
    /** Renewed while the run is alive; a running run whose heartbeat is stale is a dead process's. */
    heartbeatAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // sources.status and /healthz: the latest run per source
    index("scrape_runs_latest_by_source_idx").on(t.sourceId, t.startedAt.desc()),
    // two runs of one source never overlap, across instances
    uniqueIndex("scrape_runs_one_running_per_source_key").on(t.sourceId).where(sql`${t.status} = 'running'`),
  ],
);

/**
 * "Seen" per run, not per period: each source's latest sighting, the newest succeeded run
 * that is not history. A period with seenInLatestRun was last seen then.
 */
export const sourceSightings = pgTable("source_sightings", {
  sourceId: text()
    .primaryKey()
    .references(() => sources.id),
  runId: bigint({ mode: "number" }).references(() => scrapeRuns.id, { onDelete: "set null" }),
  seenAt: timestamp({ withTimezone: true }).notNull(),
});

/** Which payload documents a run read, under which name (URL or replay path). */
export const scrapeRunDocuments = pgTable(
  "scrape_run_documents",
  {
    runId: bigint({ mode: "number" })
      .notNull()
      .references(() => scrapeRuns.id, { onDelete: "cascade" }),
    name: text().notNull(),
    sha256: text()
      .notNull()
      .references(() => rawPayloads.sha256),
  },
  (t) => [primaryKey({ name: "scrape_run_documents_pk", columns: [t.runId, t.name] })],
);

export const scrapeRunsRelations = relations(scrapeRuns, ({ one, many }) => ({
  source: one(sources, { fields: [scrapeRuns.sourceId], references: [sources.id] }),
  documents: many(scrapeRunDocuments),
}));

/** Validators of the last good response per URL, for conditional requests (ETag / Last-Modified). */
export const httpValidators = pgTable("http_validators", {
  url: text().primaryKey(),
  etag: text(),
  lastModified: text(),
  /** The archived body the validators describe, reused on 304 Not Modified. */
  sha256: text()
    .notNull()
    .references(() => rawPayloads.sha256),
  checkedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
