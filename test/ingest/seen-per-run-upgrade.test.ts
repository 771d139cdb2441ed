/**
 * The upgrade to "seen per run" (migration 0006) on a database filled the way the previous
 * release filled it: every period's last-seen mark on its own row. After the migration
 * every price, score and event is still there and every period reads the same last-seen
 * time; then an unchanged re-run updates no period row and moves the last sighting.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseConnection } from "../../src/db/client.ts";
import { migrateDatabase, rowsOf } from "../../src/db/migrate.ts";
import { periodLastSeen } from "../../src/db/queries/period-seen.ts";
import { pricePeriods, scorePeriods, sourceSightings } from "../../src/db/schema/index.ts";
import { ingestScores } from "../../src/jobs/ingest-scores.ts";
import { openPreviousRelease } from "../helpers/previous-release.ts";
import { prepareAiderAt, T1, T2, T3 } from "./aider-run.ts";

const PREVIOUS_RELEASE_MIGRATIONS = 6; // 0000..0005

let connection: DatabaseConnection;
const execute = async <T,>(query: ReturnType<typeof sql>) => rowsOf<T>(await connection.db.execute(query));

/** Rows as the previous release wrote them: last_seen_at on every period. */
async function fillAsPreviousRelease(): Promise<void> {
  const [matched] = prepareAiderAt(T1).resolved.matched;
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
  connection = await openPreviousRelease(PREVIOUS_RELEASE_MIGRATIONS);
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
    await connection.db.transaction((tx) => ingestScores(tx, prepareAiderAt(T3), null));
    expect(await rows()).toEqual(stored);
    expect(iso(await lastSeenOfScores())).toEqual([[expect.any(Number), T3.toISOString()]]);
  });
});
