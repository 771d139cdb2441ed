/**
 * Aliases are seen per run (db/queries/alias-seen.ts): an unchanged re-run writes no alias
 * row (nor any other catalogue or history row), yet every name's last-seen time moves with
 * its source's sighting; a name a run no longer shows keeps the last run that showed it;
 * a history run only widens first seen.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/migrate.ts";
import { aliasLastSeen } from "../../src/db/queries/alias-seen.ts";
import { syncSources } from "../../src/db/queries/catalogue.ts";
import { aliases } from "../../src/db/schema/index.ts";
import { ingestScores } from "../../src/jobs/ingest-scores.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { aiderSource } from "../../scrapers/aider/index.ts";
import { aiderObservation, prepareAiderAt, T1, T2, T3 } from "./aider-run.ts";

const database = useTestDatabase();

const observation = aiderObservation;
const GPT = observation("gpt-4o-2024-08-06", 18.2);
const UNKNOWN = observation("totally-unknown-model-xyz", 3.1);
const T0 = new Date("2025-12-01T00:00:00Z");
const T4 = new Date("2026-04-01T00:00:00Z");

const run = (at: Date, observations: ReturnType<typeof observation>[]) =>
  database().db.transaction((tx) =>
    ingestScores(tx, prepareAiderAt(at, observations), null),
  );

const seen = async () =>
  Object.fromEntries(
    (await database().db.select({ rawName: aliases.rawName, first: aliases.firstSeenAt, last: aliasLastSeen }).from(aliases).orderBy(aliases.rawName)).map(
      (row) => [row.rawName, [row.first.toISOString(), row.last.toISOString()]],
    ),
  );

/** Every row's version (xmin) in the catalogue and history tables: an update or insert changes it. */
const TABLES = ["aliases", "models", "offerings", "score_periods", "price_periods", "change_events", "price_quarantine", "lifecycle_signals"];
const versions = async () => {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = rowsOf<{ v: string }>(await database().db.execute(sql.raw(`select xmin::text || ':' || ctid::text as v from ${table} order by 1`)));
    out[table] = rows.map((row) => row.v);
  }
  return out;
};

beforeAll(async () => {
  await database().db.execute(sql`insert into sources (id, kind, authority, description) values ('aider', 'benchmark', null, 'Aider')`);
  await database().db.execute(sql`insert into benchmarks (id, name, source_id, scale, description, url)
    values ('aider-polyglot', 'Aider polyglot', 'aider', 'percent', 'aider', 'https://aider.chat')`);
});

describe("aliases seen per run", () => {
  it("an unchanged re-run writes no row, and moves every name's last sighting", async () => {
    await run(T1, [GPT, UNKNOWN]);
    expect(await seen()).toEqual({
      "gpt-4o-2024-08-06": [T1.toISOString(), T1.toISOString()],
      "totally-unknown-model-xyz": [T1.toISOString(), T1.toISOString()],
    });
    const before = await versions();
    expect(before.aliases).toHaveLength(2);
    await run(T2, [GPT, UNKNOWN]);
    expect(await versions()).toEqual(before);
    expect(await seen()).toEqual({
      "gpt-4o-2024-08-06": [T1.toISOString(), T2.toISOString()],
      "totally-unknown-model-xyz": [T1.toISOString(), T2.toISOString()],
    });
  });

  it("a name the latest run no longer shows keeps the last run that showed it", async () => {
    await run(T3, [GPT]);
    expect(await seen()).toEqual({
      "gpt-4o-2024-08-06": [T1.toISOString(), T3.toISOString()],
      "totally-unknown-model-xyz": [T1.toISOString(), T2.toISOString()],
    });
  });

  it("a history run widens first seen only; a name shown again is seen with its source", async () => {
    await run(T0, [UNKNOWN]);
    expect(await seen()).toEqual({
      "gpt-4o-2024-08-06": [T1.toISOString(), T3.toISOString()],
      "totally-unknown-model-xyz": [T0.toISOString(), T2.toISOString()],
    });
    await run(T4, [GPT, UNKNOWN]);
    expect(await seen()).toEqual({
      "gpt-4o-2024-08-06": [T1.toISOString(), T4.toISOString()],
      "totally-unknown-model-xyz": [T0.toISOString(), T4.toISOString()],
    });
  });
});

describe("source definitions synced at every start", () => {
  it("an unchanged definition writes no source row; a changed one is written", async () => {
    const { db } = database();
    const sourceVersion = async () => rowsOf<{ v: string; description: string }>(await db.execute(sql`select xmin::text as v, description from sources where id = 'aider'`))[0]!;
    await syncSources(db, [aiderSource]);
    const synced = await sourceVersion();
    await syncSources(db, [aiderSource]);
    expect(await sourceVersion()).toEqual(synced);
    await syncSources(db, [{ ...aiderSource, description: "changed" }]);
    expect((await sourceVersion()).description).toBe("changed");
  });
});
