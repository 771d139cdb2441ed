/**
 * The upgrade path: a database filled the way the previous release filled it (duplicate
 * ids of one model, a seller taken as the maker, a setting stored as a model) is
 * re-resolved with the current resolver. Nothing is lost: every distinct price period,
 * score period and change event is still there afterwards, on the merged model.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../../src/db/client.ts";
import { rowsOf } from "../../src/db/migrate.ts";
import { reresolveCatalogue, type ReresolveSummary } from "../../src/db/queries/model-merge.ts";
import { aliases, benchmarks, changeEvents, models, offerings, pricePeriods, providers, scorePeriods, sources } from "../../src/db/schema/index.ts";
import { mergeSeries, mergeTimeline } from "../../src/domain/identity/period-merge.ts";
import { loadOverrides } from "../../src/domain/resolve/overrides.ts";
import { resolveModelName } from "../../src/domain/resolve/resolve.ts";
import { useTestDatabase } from "../helpers/database.ts";

const database = useTestDatabase();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const SEEN = day("2026-03-01");

/** Where the current resolver reads the old names: the ids the catalogue must end with. */
const current = (source: string, raw: string) => resolveModelName(source, raw, loadOverrides(), { at: SEEN }).modelId!;
const OPUS = current("litellm", "claude-opus-4-5");
const SONNET = current("lmarena", "claude-sonnet-4");
const OPUS_47 = current("litellm", "databricks/claude-opus-4.7");
const GPT_4O = current("litellm", "gpt-4o-2024-08-06");

async function seedPreviousRelease(db: Executor): Promise<void> {
  await db.insert(sources).values([
    { id: "litellm", kind: "price", authority: "community", description: "LiteLLM" },
    { id: "openrouter", kind: "price", authority: "aggregator", description: "OpenRouter" },
    { id: "anthropic-docs", kind: "price", authority: "first-party", description: "Anthropic docs" },
    { id: "lmarena", kind: "benchmark", authority: null, description: "LMArena" },
    { id: "aider", kind: "benchmark", authority: null, description: "Aider" },
  ]);
  await db.insert(benchmarks).values([
    { id: "lmarena-text", name: "LMArena text", sourceId: "lmarena", scale: "elo", description: "arena", url: "https://lmarena.ai" },
    { id: "aider-polyglot", name: "Aider polyglot", sourceId: "aider", scale: "percent", description: "aider", url: "https://aider.chat" },
  ]);
  await db.insert(providers).values([
    { id: "anthropic", name: "Anthropic", kind: "lab" },
    { id: "openrouter", name: "OpenRouter", kind: "aggregator" },
    { id: "bedrock", name: "AWS Bedrock", kind: "cloud" },
    { id: "databricks", name: "Databricks", kind: "cloud" },
    { id: "openai", name: "OpenAI", kind: "lab" },
  ]);
  const model = (id: string, displayName: string | null = null) => {
    const [creator, ...rest] = id.split("/");
    return { id, creator: creator!, name: rest.join("/"), displayName };
  };
  await db.insert(models).values([
    model("anthropic/claude-opus-4.5", "Claude Opus 4.5"),
    model("anthropic/claude-opus-45"),
    model("anthropic/claude-sonnet-4", "Claude Sonnet 4"),
    model("anthropic/claude-sonnet-4-thinking"),
    model("databricks/claude-opus-4.7", "Claude Opus 4.7"),
    model("openai/gpt-4o-20240806", "GPT-4o (2024-08-06)"),
  ]);
  const alias = (source: string, rawName: string, modelId: string) => ({ source, rawName, modelId, method: "normalised" as const, note: "old resolver", lastSeenAt: SEEN });
  await db.insert(aliases).values([
    alias("litellm", "claude-opus-4-5", "anthropic/claude-opus-4.5"),
    alias("litellm", "claude-opus-45", "anthropic/claude-opus-45"),
    alias("openrouter", "anthropic/claude-opus-4.5", "anthropic/claude-opus-4.5"),
    alias("anthropic-docs", "claude-opus-45", "anthropic/claude-opus-45"),
    alias("lmarena", "claude-opus-45", "anthropic/claude-opus-45"),
    alias("lmarena", "claude-opus-4-5", "anthropic/claude-opus-4.5"),
    alias("lmarena", "claude-sonnet-4", "anthropic/claude-sonnet-4"),
    alias("lmarena", "claude-sonnet-4-thinking", "anthropic/claude-sonnet-4-thinking"),
    alias("aider", "claude-sonnet-4-thinking", "anthropic/claude-sonnet-4-thinking"),
    alias("litellm", "databricks/claude-opus-4.7", "databricks/claude-opus-4.7"),
    alias("litellm", "gpt-4o-2024-08-06", "openai/gpt-4o-20240806"),
    { source: "litellm", rawName: "ft:gpt-4o:acme", modelId: null, method: "unmatched" as const, note: "fine-tuned model (per-customer)", lastSeenAt: SEEN },
  ]);

  const offering = async (providerId: string, modelId: string, region = "", nativeId: string | null = null) => {
    const [row] = await db.insert(offerings).values({ providerId, modelId, region, nativeId }).returning({ id: offerings.id });
    return row!.id;
  };
  const anthropicA = await offering("anthropic", "anthropic/claude-opus-4.5");
  const anthropicB = await offering("anthropic", "anthropic/claude-opus-45", "", "claude-opus-4-5-20251101");
  const openrouterB = await offering("openrouter", "anthropic/claude-opus-45");
  const bedrockA = await offering("bedrock", "anthropic/claude-opus-4.5", "us-east-1");
  const bedrockB = await offering("bedrock", "anthropic/claude-opus-45", "us-east-1");
  const databricks = await offering("databricks", "databricks/claude-opus-4.7");
  const openai = await offering("openai", "openai/gpt-4o-20240806");

  const period = async (offeringId: number, sourceId: string, from: string, to: string | null, input: string, output: string) => {
    const [row] = await db
      .insert(pricePeriods)
      .values({ offeringId, sourceId, input, output, validFrom: day(from), validTo: to ? day(to) : null, lastSeenAt: to ? day(to) : SEEN })
      .returning({ id: pricePeriods.id });
    return row!.id;
  };
  // LiteLLM priced both spellings: an exact duplicate first period, then an equal price overlapping.
  const a1 = await period(anthropicA, "litellm", "2025-11-24", "2026-01-01", "5", "25");
  const a2 = await period(anthropicA, "litellm", "2026-01-01", null, "4", "20");
  const b1 = await period(anthropicB, "litellm", "2025-11-24", "2026-01-01", "5", "25");
  const b2 = await period(anthropicB, "litellm", "2026-01-01", "2026-02-01", "4", "20");
  // Non-overlapping series from other sources, under the other id only.
  const docs = await period(anthropicB, "anthropic-docs", "2025-12-01", null, "5", "25");
  const router = await period(openrouterB, "openrouter", "2025-11-25", null, "5", "25");
  // Overlapping periods with different prices: the newer one stays open, the older is closed at its start.
  const bedrockOld = await period(bedrockA, "litellm", "2025-12-01", null, "5", "25");
  const bedrockNew = await period(bedrockB, "litellm", "2026-01-15", null, "4.5", "22.5");
  const dbx = await period(databricks, "litellm", "2026-03-01", null, "5", "25");
  const gpt = await period(openai, "litellm", "2024-08-06", null, "2.5", "10");

  const event = (offeringId: number, sourceId: string, kind: "listed" | "price", at: string, oldPeriodId: number | null, newPeriodId: number | null) => ({
    offeringId,
    sourceId,
    kind,
    effectiveAt: day(at),
    oldPeriodId,
    newPeriodId,
  });
  await db.insert(changeEvents).values([
    event(anthropicA, "litellm", "listed", "2025-11-24", null, a1),
    event(anthropicA, "litellm", "price", "2026-01-01", a1, a2),
    // The same two events, recorded again under the other id.
    event(anthropicB, "litellm", "listed", "2025-11-24", null, b1),
    event(anthropicB, "litellm", "price", "2026-01-01", b1, b2),
    event(anthropicB, "anthropic-docs", "listed", "2025-12-01", null, docs),
    event(openrouterB, "openrouter", "listed", "2025-11-25", null, router),
    event(bedrockA, "litellm", "listed", "2025-12-01", null, bedrockOld),
    event(bedrockB, "litellm", "listed", "2026-01-15", null, bedrockNew),
    event(databricks, "litellm", "listed", "2026-03-01", null, dbx),
    event(openai, "litellm", "listed", "2024-08-06", null, gpt),
  ]);

  const score = (modelId: string, benchmarkId: string, sourceId: string, rawName: string, setting: string, value: string, from: string, to: string | null) => ({
    modelId,
    benchmarkId,
    sourceId,
    rawName,
    setting,
    score: value,
    validFrom: day(from),
    validTo: to ? day(to) : null,
    lastSeenAt: to ? day(to) : SEEN,
  });
  await db.insert(scorePeriods).values([
    score("anthropic/claude-opus-45", "lmarena-text", "lmarena", "claude-opus-45", "", "1450", "2025-12-01", "2026-01-01"),
    score("anthropic/claude-opus-45", "lmarena-text", "lmarena", "claude-opus-45", "", "1460", "2026-01-01", null),
    score("anthropic/claude-opus-4.5", "lmarena-text", "lmarena", "claude-opus-4-5", "", "1460", "2026-01-01", null),
    score("anthropic/claude-sonnet-4", "lmarena-text", "lmarena", "claude-sonnet-4", "", "1380", "2025-06-01", null),
    score("anthropic/claude-sonnet-4-thinking", "lmarena-text", "lmarena", "claude-sonnet-4-thinking", "", "1400", "2025-06-01", null),
    score("anthropic/claude-sonnet-4-thinking", "aider-polyglot", "aider", "claude-sonnet-4-thinking", "diff", "61.3", "2025-06-01", null),
  ]);
}

interface Census {
  models: string[];
  /** Distinct price periods by what they say (seller, variant, region, source, start, prices), model left out. */
  prices: string[];
  priceRows: number;
  priceSum: number;
  events: string[];
  eventRows: number;
  /** Distinct score periods by what they say (benchmark, source, start, score): the raw name of a folded duplicate may go. */
  scores: string[];
  scoreRows: number;
  scoreSum: number;
}

async function census(db: Executor): Promise<Census> {
  const query = async <T>(statement: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(statement));
  const prices = await query<{ key: string; input: string; output: string }>(sql`
    select distinct o.provider_id || '|' || o.variant || '|' || o.region || '|' || p.source_id || '|' || p.valid_from::text || '|' || p.input || '|' || p.output as key, p.input, p.output
    from price_periods p join offerings o on o.id = p.offering_id`);
  const events = await query<{ key: string }>(sql`
    select distinct o.provider_id || '|' || e.source_id || '|' || e.kind || '|' || e.effective_at::text as key
    from change_events e join offerings o on o.id = e.offering_id`);
  const scores = await query<{ key: string; score: string }>(sql`
    select distinct benchmark_id || '|' || source_id || '|' || valid_from::text || '|' || score as key, score from score_periods`);
  const counts = (await query<{ prices: number; events: number; scores: number }>(sql`
    select (select count(*)::int from price_periods) as prices, (select count(*)::int from change_events) as events, (select count(*)::int from score_periods) as scores`))[0]!;
  const modelIds = await query<{ id: string }>(sql`select id from models order by id`);
  return {
    models: modelIds.map((row) => row.id),
    prices: prices.map((row) => row.key).sort(),
    priceRows: Number(counts.prices),
    priceSum: prices.reduce((sum, row) => sum + Number(row.input) + Number(row.output), 0),
    events: events.map((row) => row.key).sort(),
    eventRows: Number(counts.events),
    scores: scores.map((row) => row.key).sort(),
    scoreRows: Number(counts.scores),
    scoreSum: scores.reduce((sum, row) => sum + Number(row.score), 0),
  };
}

let before: Census;
let after: Census;
let summary: ReresolveSummary;
let again: ReresolveSummary;

beforeAll(async () => {
  const { db } = database();
  await seedPreviousRelease(db);
  before = await census(db);
  summary = await reresolveCatalogue(db, { at: day("2026-03-02") });
  after = await census(db);
  again = await reresolveCatalogue(db, { at: day("2026-03-02") });
});

describe("re-resolution of a database filled by the previous release", () => {
  it("merges the duplicate ids, the seller-as-maker id and the setting-as-model id", () => {
    // The premise: the current resolver reads both spellings, and the thinking name, as one model each.
    expect(current("litellm", "claude-opus-45")).toBe(OPUS);
    expect(current("lmarena", "claude-sonnet-4-thinking")).toBe(SONNET);
    expect(OPUS_47).toMatch(/^anthropic\//);
    expect(before.models).toHaveLength(6);
    expect(after.models).toEqual([...new Set([OPUS, OPUS_47, SONNET, GPT_4O])].sort());
    expect(summary).toMatchObject({ modelsBefore: 6, modelsAfter: after.models.length });
    expect(summary.merges.find((merge) => merge.into === OPUS)?.from).toContain("anthropic/claude-opus-45");
    expect(summary.merges.find((merge) => merge.into === SONNET)?.from).toContain("anthropic/claude-sonnet-4-thinking");
    expect(summary.merges.find((merge) => merge.into === OPUS_47)?.from).toEqual(["databricks/claude-opus-4.7"]);
  });

  it("loses no price period: every distinct period is still there, exact duplicates folded", () => {
    expect(after.prices).toEqual(before.prices);
    expect(after.priceSum).toBe(before.priceSum);
    expect(before.priceRows).toBe(10);
    expect(summary.pricePeriodsJoined).toBe(2);
    expect(summary.pricePeriodsLeft).toBe(0);
    expect(after.priceRows).toBe(before.priceRows - summary.pricePeriodsJoined);
  });

  it("keeps every change event, the ones recorded under both ids once", () => {
    expect(after.events).toEqual(before.events);
    expect(summary.changeEventsFolded).toBe(2);
    expect(after.eventRows).toBe(before.eventRows - summary.changeEventsFolded);
  });

  it("loses no score period: the setting moves off the model id onto the score", async () => {
    expect(after.scores).toEqual(before.scores);
    expect(after.scoreSum).toBe(before.scoreSum);
    expect(summary.scorePeriodsJoined).toBe(1);
    expect(after.scoreRows).toBe(before.scoreRows - summary.scorePeriodsJoined);
    const { db } = database();
    const sonnet = await db.select().from(scorePeriods).where(sql`${scorePeriods.modelId} = ${SONNET}`).orderBy(scorePeriods.benchmarkId, scorePeriods.setting);
    expect(sonnet.map((row) => [row.benchmarkId, row.setting, row.score])).toEqual([
      ["aider-polyglot", "thinking, diff", "61.3"],
      ["lmarena-text", "", "1380"],
      ["lmarena-text", "thinking", "1400"],
    ]);
  });

  it("joins the merged series without overlap: the newer price open, the older closed at its start", async () => {
    const { db } = database();
    const rows = rowsOf<{ provider: string; source: string; from: string; to: string | null; input: string }>(
      await db.execute(sql`select o.provider_id as provider, p.source_id as source, to_char(p.valid_from at time zone 'UTC', 'YYYY-MM-DD') as from,
        to_char(p.valid_to at time zone 'UTC', 'YYYY-MM-DD') as to, p.input
        from price_periods p join offerings o on o.id = p.offering_id where o.model_id = ${OPUS} order by 1, 2, 3`),
    );
    expect(rows).toEqual([
      { provider: "anthropic", source: "anthropic-docs", from: "2025-12-01", to: null, input: "5" },
      { provider: "anthropic", source: "litellm", from: "2025-11-24", to: "2026-01-01", input: "5" },
      { provider: "anthropic", source: "litellm", from: "2026-01-01", to: null, input: "4" },
      { provider: "bedrock", source: "litellm", from: "2025-12-01", to: "2026-01-15", input: "5" },
      { provider: "bedrock", source: "litellm", from: "2026-01-15", to: null, input: "4.5" },
      { provider: "openrouter", source: "openrouter", from: "2025-11-25", to: null, input: "5" },
    ]);
    // Every change event points at periods of its own offering.
    const stray = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from change_events e join price_periods p on p.id in (e.old_period_id, e.new_period_id) where p.offering_id <> e.offering_id`),
    );
    expect(Number(stray[0]!.n)).toBe(0);
  });

  it("re-points every alias, keeps the seller-native id, and leaves unmatched names unmatched", async () => {
    const { db } = database();
    const rows = await db.select().from(aliases).orderBy(aliases.source, aliases.rawName);
    expect(rows.filter((row) => row.modelId !== null).every((row) => after.models.includes(row.modelId!))).toBe(true);
    expect(rows.find((row) => row.source === "aider")).toMatchObject({ modelId: SONNET, setting: "thinking" });
    expect(rows.find((row) => row.rawName === "ft:gpt-4o:acme")).toMatchObject({ modelId: null, method: "unmatched" });
    const [anthropic] = await db.select().from(offerings).where(sql`${offerings.providerId} = 'anthropic'`);
    expect(anthropic).toMatchObject({ modelId: OPUS, nativeId: "claude-opus-4-5-20251101" });
    const [model] = await db.select().from(models).where(sql`${models.id} = ${OPUS_47}`);
    expect(model).toMatchObject({ creator: "anthropic", displayName: "Claude Opus 4.7" });
  });

  it("is idempotent: a second run moves nothing", () => {
    expect(again).toMatchObject({
      aliasesChanged: 0,
      modelsCreated: 0,
      modelsDeleted: 0,
      pricePeriodsMoved: 0,
      pricePeriodsJoined: 0,
      changeEventsMoved: 0,
      scorePeriodsMoved: 0,
      scorePeriodsJoined: 0,
    });
  });
});

describe("joining two series' periods", () => {
  const period = (id: number, from: string, to: string | null, value: string, resident: boolean, seen = to ?? "2026-03-01") => ({
    id,
    validFrom: day(from),
    validTo: to ? day(to) : null,
    lastSeenAt: day(seen),
    value,
    resident,
  });
  const kept = (id: number, from: string, to: string | null, seen = to ?? "2026-03-01") => ({ id, validFrom: day(from), validTo: to ? day(to) : null, lastSeenAt: day(seen) });

  it("leaves a moving period in place rather than cut a longer one short", () => {
    const plan = mergeTimeline([period(1, "2025-01-01", null, "a", true), period(2, "2025-02-01", "2025-03-01", "b", false)]);
    expect(plan).toEqual({ keep: [kept(1, "2025-01-01", null)], drop: [], leave: [2] });
  });

  it("never moves a period over one already recorded with the same start (a real genai-prices case)", () => {
    // Recorded: 0.25/0.75 from May to August, then 0.7 open. Moving in: 0.6 open from May.
    const plan = mergeTimeline([
      period(7325, "2026-05-19", "2026-08-21", "0.25/0.75", true),
      period(10007, "2026-08-21", null, "0.7", true),
      period(7319, "2026-05-19", null, "0.6", false, "2026-08-21"),
    ]);
    expect(plan).toEqual({ keep: [kept(7325, "2026-05-19", "2026-08-21"), kept(10007, "2026-08-21", null)], drop: [], leave: [7319] });
  });

  it("closes an older price at the start of a newer one moving in, and the reverse", () => {
    const newer = mergeTimeline([period(1, "2025-01-01", null, "a", true), period(2, "2025-02-01", null, "b", false)]);
    expect(newer.keep).toEqual([kept(1, "2025-01-01", "2025-02-01", "2026-03-01"), kept(2, "2025-02-01", null)]);
    const older = mergeTimeline([period(1, "2025-02-01", null, "a", true), period(2, "2025-01-01", "2025-03-01", "b", false)]);
    expect(older.keep).toEqual([kept(2, "2025-01-01", "2025-02-01", "2025-03-01"), kept(1, "2025-02-01", null)]);
  });

  it("joins an equal price it meets and keeps apart periods that do not meet", () => {
    const plan = mergeTimeline([period(1, "2025-01-01", "2025-02-01", "a", true), period(2, "2025-01-15", "2025-03-01", "a", false), period(3, "2025-06-01", null, "a", false)]);
    expect(plan).toEqual({ keep: [kept(1, "2025-01-01", "2025-03-01"), kept(3, "2025-06-01", null)], drop: [{ id: 2, into: 1 }], leave: [] });
  });

  it("places an incoming series whole or not at all, so a second run finds the same answer", () => {
    // Two spellings of one model in one source, each with its own daily series: the first is placed, the second conflicts and stays whole.
    const first = [period(1, "2025-01-01", "2025-01-03", "a", false), period(2, "2025-01-03", null, "b", false)];
    const second = [period(3, "2025-01-02", "2025-01-04", "c", false), period(4, "2025-01-04", null, "d", false)];
    const plan = mergeSeries([], [first, second]);
    expect(plan.keep.map((kept) => kept.id)).toEqual([1, 2]);
    expect(plan.leave).toEqual([3, 4]);
    const again = mergeSeries(first.map((p) => ({ ...p, resident: true })), [second]);
    expect(again.leave).toEqual([3, 4]);
  });
});
