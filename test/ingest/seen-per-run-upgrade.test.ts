/**
 * The upgrade to "seen per run" (migration 0006) on a database filled the way the previous
 * release filled it: every period's last-seen mark on its own row. After the migration
 * every price, score and event is still there and every period reads the same last-seen
 * time; then an unchanged re-run updates no period row and moves the last sighting.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseConnection } from "../../src/db/client.ts";
import { MIGRATIONS_FOLDER, migrateDatabase, rowsOf } from "../../src/db/migrate.ts";
import { periodLastSeen } from "../../src/db/queries/period-seen.ts";
import { pricePeriods, scorePeriods, sourceSightings } from "../../src/db/schema/index.ts";
import { scoreObservationSchema } from "../../src/domain/observation.ts";
import { ingestScores, prepareScores } from "../../src/jobs/ingest-scores.ts";
import { aiderSource } from "../../scrapers/aider/index.ts";
import { TEST_DATABASE_URL } from "../helpers/database.ts";

const PREVIOUS_RELEASE_MIGRATIONS = 6; // 0000..0005

const observation = scoreObservationSchema.parse({
  benchmark: "aider-polyglot",
  scale: "percent",
  model: "gpt-4o-2024-08-06",
  setting: "diff",
  score: 18.2,
  asOf: "2024-12-21",
});
const T1 = new Date("2026-01-01T00:00:00Z");
const T2 = new Date("2026-02-01T00:00:00Z");
const T3 = new Date("2026-03-01T00:00:00Z");
const prepareAt = (at: Date) =>
  prepareScores({ sourceId: "aider", at, benchmarks: aiderSource.benchmarks, namesHaveAuthors: false, observations: [observation] });

let connection: DatabaseConnection;
let dropDatabase = async () => {};
const execute = async <T,>(query: ReturnType<typeof sql>) => rowsOf<T>(await connection.db.execute(query));

/** A fresh database migrated as far as the previous release went. */
async function openPreviousRelease(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "pricewar-previous-release-"));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: unknown[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, PREVIOUS_RELEASE_MIGRATIONS) }));
  if (TEST_DATABASE_URL) {
    const name = `pricewar_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    connection = await openDatabase({ databaseUrl: url.toString(), maxConnections: 2 });
    await migratePostgres(connection.db as unknown as PostgresJsDatabase, { migrationsFolder: folder });
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  } else {
    connection = await openDatabase({ pgliteDir: "memory://" });
    await migratePglite(connection.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  }
  rmSync(folder, { recursive: true, force: true });
}

/** Rows as the previous release wrote them: last_seen_at on every period. */
async function fillAsPreviousRelease(): Promise<void> {
  const [matched] = prepareAt(T1).resolved.matched;
  const modelId = matched!.modelId;
  const ts = (date: Date) => date.toISOString();
  await connection.db.execute(sql`insert into sources (id, kind, authority, description) values
    ('litellm', 'price', 'community', 'LiteLLM'), ('aider', 'benchmark', null, 'Aider')`);
  await connection.db.execute(sql`insert into benchmarks (id, name, source_id, scale, description, url)
    values ('aider-polyglot', 'Aider polyglot', 'aider', 'percent', 'aider', 'https://aider.chat')`);
  await connection.db.execute(sql`insert into providers (id, name) values ('openai', 'OpenAI'), ('azure', 'Azure')`);
  await connection.db.execute(sql`insert into models (id, creator, name) values (${modelId}, 'openai', 'GPT-4o')`);
  await connection.db.execute(sql`insert into offerings (id, provider_id, model_id) values (1, 'openai', ${modelId}), (2, 'azure', ${modelId})`);
  await connection.db.execute(sql`insert into scrape_runs (id, source_id, trigger, status, observed_at) values
    (1, 'litellm', 'replay', 'succeeded', ${ts(T1)}), (2, 'litellm', 'replay', 'succeeded', ${ts(T2)}), (3, 'aider', 'replay', 'succeeded', ${ts(T2)})`);
  // openai: a closed period, then the open one seen by the latest run; azure: open, last seen by the run before.
  await connection.db.execute(sql`insert into price_periods (id, offering_id, source_id, input, output, valid_from, valid_to, last_seen_at, scrape_run_id) values
    (1, 1, 'litellm', '5', '15', ${ts(new Date("2025-01-01"))}, ${ts(T1)}, ${ts(T1)}, 1),
    (2, 1, 'litellm', '2.5', '10', ${ts(T1)}, null, ${ts(T2)}, 1),
    (3, 2, 'litellm', '2.5', '10', ${ts(T1)}, null, ${ts(T1)}, 1)`);
  await connection.db.execute(sql`insert into change_events (offering_id, source_id, kind, effective_at, old_period_id, new_period_id, direction)
    values (1, 'litellm', 'price', ${ts(T1)}, 1, 2, 'cut')`);
  await connection.db.execute(sql`insert into score_periods (model_id, benchmark_id, source_id, setting, score, raw_name, valid_from, last_seen_at, scrape_run_id)
    values (${modelId}, 'aider-polyglot', 'aider', ${matched!.setting}, '18.2', 'gpt-4o-2024-08-06', ${ts(new Date("2024-12-21"))}, ${ts(T2)}, 3)`);
}

type Seen = { id: number; lastSeenAt: Date };
const lastSeenOfPrices = () => connection.db.select({ id: pricePeriods.id, lastSeenAt: periodLastSeen(pricePeriods) }).from(pricePeriods).orderBy(pricePeriods.id);
const lastSeenOfScores = () => connection.db.select({ id: scorePeriods.id, lastSeenAt: periodLastSeen(scorePeriods) }).from(scorePeriods).orderBy(scorePeriods.id);
const iso = (rows: Seen[]) => rows.map((row) => [row.id, row.lastSeenAt.toISOString()]);

let before: { prices: unknown[]; scores: unknown[]; events: unknown[] };

beforeAll(async () => {
  await openPreviousRelease();
  await fillAsPreviousRelease();
  before = {
    prices: await execute(sql`select id::int, offering_id, input::text, output::text, valid_from, valid_to, last_seen_at from price_periods order by id`),
    scores: await execute(sql`select id::int, score::text, valid_from, valid_to, last_seen_at from score_periods order by id`),
    events: await execute(sql`select id::int, kind, old_period_id::int, new_period_id::int from change_events order by id`),
  };
  await migrateDatabase(connection);
});

afterAll(async () => {
  await connection?.close();
  await dropDatabase();
});

describe("seen per run: upgrading a database filled by the previous release", () => {
  it("keeps every price, score and event, each period's last-seen time unchanged", async () => {
    expect(await execute(sql`select id::int, offering_id, input::text, output::text, valid_from, valid_to, last_seen_at from price_periods order by id`)).toEqual(before.prices);
    expect(await execute(sql`select id::int, score::text, valid_from, valid_to, last_seen_at from score_periods order by id`)).toEqual(before.scores);
    expect(await execute(sql`select id::int, kind, old_period_id::int, new_period_id::int from change_events order by id`)).toEqual(before.events);
    expect(iso(await lastSeenOfPrices())).toEqual([
      [1, T1.toISOString()],
      [2, T2.toISOString()],
      [3, T1.toISOString()],
    ]);
    expect(iso(await lastSeenOfScores())).toEqual([[expect.any(Number), T2.toISOString()]]);
  });

  it("carries the sightings over: each source's latest one, and the open periods seen in it", async () => {
    const sightings = await connection.db.select().from(sourceSightings).orderBy(sourceSightings.sourceId);
    expect(sightings).toEqual([
      { sourceId: "aider", runId: 3, seenAt: T2 },
      { sourceId: "litellm", runId: 2, seenAt: T2 },
    ]);
    const flags = await connection.db.select({ id: pricePeriods.id, seen: pricePeriods.seenInLatestRun }).from(pricePeriods).orderBy(pricePeriods.id);
    expect(flags).toEqual([
      { id: 1, seen: false },
      { id: 2, seen: true },
      { id: 3, seen: false },
    ]);
  });

  it("an unchanged re-run after the upgrade updates no period row and moves the last sighting", async () => {
    const rows = () => execute(sql`select * from score_periods order by id`);
    const stored = await rows();
    await connection.db.transaction((tx) => ingestScores(tx, prepareAt(T3), null));
    expect(await rows()).toEqual(stored);
    expect(iso(await lastSeenOfScores())).toEqual([[expect.any(Number), T3.toISOString()]]);
  });
});
