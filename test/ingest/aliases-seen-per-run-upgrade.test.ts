/**
 * The upgrade to aliases seen per run (migration 0010) on a database filled the way the
 * previous release filled it: every alias's last-seen time on its own row, moved by every
 * run. After the migration every alias reads the same last-seen time; the names the
 * source's latest run showed are flagged; an unchanged re-run writes no alias row and
 * moves their last sighting.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseConnection } from "../../src/db/client.ts";
import { migrateDatabase, rowsOf } from "../../src/db/migrate.ts";
import { aliasLastSeen } from "../../src/db/queries/alias-seen.ts";
import { aliases } from "../../src/db/schema/index.ts";
import { ingestScores } from "../../src/jobs/ingest-scores.ts";
import { openPreviousRelease } from "../helpers/previous-release.ts";
import { prepareAiderAt, T1, T2, T3 } from "./aider-run.ts";

const PREVIOUS_RELEASE_MIGRATIONS = 10; // 0000..0009

let connection: DatabaseConnection;
const execute = async <T,>(query: ReturnType<typeof sql>) => rowsOf<T>(await connection.db.execute(query));
const lastSeen = async () =>
  (await connection.db.select({ rawName: aliases.rawName, seen: aliasLastSeen }).from(aliases).orderBy(aliases.rawName)).map((row) => [row.rawName, row.seen.toISOString()]);
const storedAliases = () => execute(sql`select id::int, source, raw_name, model_id, method::text, note, setting, first_seen_at, last_seen_at from aliases order by id`);

/** Rows as the previous release wrote them: the latest run (T2) showed gpt-4o; an older one (T1) the other name. */
async function fillAsPreviousRelease(): Promise<void> {
  const { resolution } = prepareAiderAt(T1).resolved.names[0]!;
  const modelId = resolution.modelId!;
  const setting = (resolution as { setting?: string | null }).setting ?? "";
  const ts = (date: Date) => date.toISOString();
  await connection.db.execute(sql`insert into sources (id, kind, authority, description) values ('aider', 'benchmark', null, 'Aider')`);
  await connection.db.execute(sql`insert into benchmarks (id, name, source_id, scale, description, url)
    values ('aider-polyglot', 'Aider polyglot', 'aider', 'percent', 'aider', 'https://aider.chat')`);
  await connection.db.execute(sql`insert into models (id, creator, name) values (${modelId}, 'openai', 'GPT-4o')`);
  await connection.db.execute(sql`insert into scrape_runs (id, source_id, trigger, status, observed_at) values
    (1, 'aider', 'replay', 'succeeded', ${ts(T1)}), (2, 'aider', 'replay', 'succeeded', ${ts(T2)})`);
  await connection.db.execute(sql`insert into source_sightings (source_id, run_id, seen_at) values ('aider', 2, ${ts(T2)})`);
  await connection.db.execute(sql`insert into aliases (source, raw_name, model_id, method, note, setting, first_seen_at, last_seen_at) values
    ('aider', 'gpt-4o-2024-08-06', ${modelId}, ${resolution.method}, ${resolution.note}, ${setting}, ${ts(T1)}, ${ts(T2)}),
    ('aider', 'dropped-model', null, 'unmatched', 'no such model', '', ${ts(T1)}, ${ts(T1)})`);
}

let before: unknown[];

beforeAll(async () => {
  connection = await openPreviousRelease(PREVIOUS_RELEASE_MIGRATIONS);
  await fillAsPreviousRelease();
  before = await storedAliases();
  await migrateDatabase(connection);
});

afterAll(async () => {
  await connection?.close();
});

describe("aliases seen per run: upgrading a database filled by the previous release", () => {
  it("keeps every alias as it was, each one's last-seen time unchanged, and flags the names the latest run showed", async () => {
    expect(await storedAliases()).toEqual(before);
    expect(await lastSeen()).toEqual([
      ["dropped-model", T1.toISOString()],
      ["gpt-4o-2024-08-06", T2.toISOString()],
    ]);
    const flags = await connection.db.select({ rawName: aliases.rawName, seen: aliases.seenInLatestRun }).from(aliases).orderBy(aliases.rawName);
    expect(flags).toEqual([
      { rawName: "dropped-model", seen: false },
      { rawName: "gpt-4o-2024-08-06", seen: true },
    ]);
  });

  it("an unchanged re-run after the upgrade writes no alias row and moves the last sighting", async () => {
    const versions = () => execute(sql`select xmin::text as v from aliases order by id`);
    const stored = await versions();
    await connection.db.transaction((tx) => ingestScores(tx, prepareAiderAt(T3), null));
    expect(await versions()).toEqual(stored);
    expect(await lastSeen()).toEqual([
      ["dropped-model", T1.toISOString()],
      ["gpt-4o-2024-08-06", T3.toISOString()],
    ]);
  });
});
