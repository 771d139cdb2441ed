/**
 * Re-resolution (`pricewar models reresolve`, and at every start after the migrations):
 * re-reads every stored name with the current resolver and merges the models whose ids
 * now coincide, so a database filled by an older resolver catches up without losing a
 * price or a score. In one transaction, under an advisory lock (instances starting
 * together take turns), and idempotent: a second run finds nothing to move.
 *
 * - aliases are re-pointed (with their setting);
 * - price periods move per source to the offering of the same seller, variant and region
 *   of the new model, joined with the periods already there (domain/identity/period-merge);
 *   change events and held prices follow their offering; exact duplicates are folded;
 * - score periods move to the new model, the setting split off the name kept on the score;
 * - model pointers follow their models; emptied offerings and orphaned models go.
 */
import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Logger } from "../../config/logger.ts";
import type { Executor } from "../client.ts";
import { rowsOf } from "../migrate.ts";
import { aliases, changeEvents, modelPointers, models, offerings, pricePeriods, scorePeriods } from "../schema/index.ts";
import { SOURCES } from "../../../scrapers/registry.ts";
import { providerEntry } from "../../domain/providers.ts";
import { loadOverrides } from "../../domain/resolve/overrides.ts";
import { combineSettings } from "../../domain/resolve/settings.ts";
import { mergeSeries, type MergePeriod, type PeriodMergePlan } from "../../domain/identity/period-merge.ts";
import { modelTargets, reresolveModelId, reresolveName, targetOf, type Reresolved, type SourceNaming } from "../../domain/identity/reresolve-plan.ts";
import { offeringKeyString, slices, type OfferingKey } from "./catalogue.ts";
import { derivePointersFromEqualPrices, syncReviewedPointers } from "./model-pointers.ts";
import { recordOpenRouterPointers } from "./source-pointers.ts";
import { aliasLastSeen } from "./alias-seen.ts";

const RERESOLVE_LOCK_KEY = 7_150_311;

export interface ReresolveSummary {
  aliases: number;
  aliasesChanged: number;
  modelsBefore: number;
  modelsAfter: number;
  modelsCreated: number;
  modelsDeleted: number;
  pricePeriodsMoved: number;
  /** Exact duplicates folded into an equal period of the merged series. */
  pricePeriodsJoined: number;
  /** Periods that could not be placed without cutting another short: left under their old model. */
  pricePeriodsLeft: number;
  changeEventsMoved: number;
  /** The same event recorded under both ids: one kept. */
  changeEventsFolded: number;
  scorePeriodsMoved: number;
  scorePeriodsJoined: number;
  scorePeriodsLeft: number;
  /** Old models whose names now point at several models: their data stays. */
  ambiguous: string[];
  /** Pointers of floating models written: reviewed (series.yaml), OpenRouter's `~` ids, and read from equal prices. */
  pointers: number;
  /** Which old ids each surviving model took in, largest first. */
  merges: Array<{ into: string; from: string[] }>;
}

type ModelRow = typeof models.$inferSelect;
type PriceRow = typeof pricePeriods.$inferSelect;
type ScoreRow = typeof scorePeriods.$inferSelect;

function namingOf(source: string): SourceNaming {
  const definition = SOURCES.find((candidate) => candidate.id === source);
  return { kind: definition?.kind ?? "price", namesHaveAuthors: definition?.namesHaveAuthors ?? false };
}

export async function reresolveCatalogue(db: Executor, options: { logger?: Logger; at?: Date } = {}): Promise<ReresolveSummary> {
  const summary = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${RERESOLVE_LOCK_KEY})`);
    return reresolveInTransaction(tx, options.at ?? new Date());
  });
  options.logger?.info({ ...summary, merges: summary.merges.slice(0, 5) }, "models re-resolved");
  return summary;
}

async function reresolveInTransaction(db: Executor, now: Date): Promise<ReresolveSummary> {
  const overrides = loadOverrides();
  const modelRows = await db.select().from(models);
  const byId = new Map(modelRows.map((row) => [row.id, row]));
  const aliasRows = await db.select({ ...getTableColumns(aliases), lastSeenAt: aliasLastSeen }).from(aliases);
  const summary: ReresolveSummary = {
    aliases: aliasRows.length,
    aliasesChanged: 0,
    modelsBefore: modelRows.length,
    modelsAfter: modelRows.length,
    modelsCreated: 0,
    modelsDeleted: 0,
    pricePeriodsMoved: 0,
    pricePeriodsJoined: 0,
    pricePeriodsLeft: 0,
    changeEventsMoved: 0,
    changeEventsFolded: 0,
    scorePeriodsMoved: 0,
    scorePeriodsJoined: 0,
    scorePeriodsLeft: 0,
    ambiguous: [],
    pointers: 0,
    merges: [],
  };

  // Models the resolver now names, to create where new: id -> its parts and the old model whose facts it inherits.
  const wanted = new Map<string, { creator: string; name: string; from: ModelRow | undefined }>();
  const want = (answer: Reresolved, from: ModelRow | undefined) => {
    if (!answer.modelId || byId.has(answer.modelId) || wanted.has(answer.modelId)) return;
    const [creator, ...rest] = answer.modelId.split("/");
    wanted.set(answer.modelId, { creator: answer.creator ?? creator!, name: answer.name ?? rest.join("/"), from });
  };

  const reresolvedAliases = aliasRows.map((alias) => {
    const old = alias.modelId ? byId.get(alias.modelId) : undefined;
    const fallbackCreator = old && providerEntry(old.creator)?.kind === "lab" ? old.creator : undefined;
    const answer = reresolveName(alias.source, alias.rawName, namingOf(alias.source), overrides, { at: alias.lastSeenAt, fallbackCreator });
    want(answer, old);
    return { alias, answer };
  });
  const targets = modelTargets(
    reresolvedAliases.filter(({ alias }) => alias.modelId !== null).map(({ alias, answer }) => ({ source: alias.source, oldModelId: alias.modelId!, newModelId: answer.modelId })),
    modelRows.map((row) => row.id),
    (id) => {
      const answer = reresolveModelId(id, overrides, now);
      want(answer, byId.get(id));
      return answer.modelId;
    },
  );
  for (const [id, entry] of targets) if (entry.model === null || [...entry.bySource.values()].includes(null)) summary.ambiguous.push(id);

  // Scores repeat their names across many periods: one reading per name, creator and day.
  const readings = new Map<string, Reresolved>();
  const scoreTargets = (await db.select().from(scorePeriods)).map((row) => {
    const fallbackCreator = byId.get(row.modelId)?.creator;
    const key = JSON.stringify([row.sourceId, row.rawName, fallbackCreator, row.validFrom.toISOString().slice(0, 10)]);
    let answer = readings.get(key);
    if (!answer) {
      answer = reresolveName(row.sourceId, row.rawName, namingOf(row.sourceId), overrides, { at: row.validFrom, fallbackCreator });
      readings.set(key, answer);
    }
    want(answer, byId.get(row.modelId));
    if (!answer.modelId) return { row, modelId: row.modelId, setting: row.setting };
    return { row, modelId: answer.modelId, setting: combineSettings(answer.setting || null, row.setting || null) };
  });

  await createModels(db, wanted);
  summary.modelsCreated = wanted.size;

  summary.aliasesChanged = await repointAliases(db, reresolvedAliases);
  const priceCounts = await movePrices(db, (modelId, source) => targetOf(targets, modelId, source));
  Object.assign(summary, priceCounts);
  Object.assign(summary, await moveScores(db, scoreTargets));

  const mergedAway = new Map<string, string>();
  for (const row of modelRows) {
    const into = targets.get(row.id)?.model;
    if (into && into !== row.id) mergedAway.set(row.id, into);
  }
  await repointPointers(db, mergedAway);
  await fillFacts(db, mergedAway, byId);
  const deleted = await deleteOrphans(db, [...new Set([...modelRows.map((row) => row.id), ...wanted.keys()])]);
  summary.pointers = await refreshModelPointers(db);
  summary.modelsDeleted = deleted.length;
  const mergesByTarget = new Map<string, string[]>();
  for (const id of deleted) {
    const into = mergedAway.get(id);
    if (into) mergesByTarget.set(into, [...(mergesByTarget.get(into) ?? []), id]);
  }
  summary.merges = [...mergesByTarget]
    .map(([into, from]) => ({ into, from: from.sort() }))
    .sort((a, b) => b.from.length - a.from.length || a.into.localeCompare(b.into));
  summary.modelsAfter = summary.modelsBefore + summary.modelsCreated - summary.modelsDeleted;
  return summary;
}

async function createModels(db: Executor, wanted: ReadonlyMap<string, { creator: string; name: string; from: ModelRow | undefined }>): Promise<void> {
  const rows = [...wanted].map(([id, { creator, name, from }]) => ({
    id,
    creator,
    name,
    displayName: from?.displayName ?? null,
    family: from?.family ?? null,
    releaseDate: from?.releaseDate ?? null,
    openWeights: from?.openWeights ?? null,
    parameters: from?.parameters ?? null,
    contextWindow: from?.contextWindow ?? null,
    maxOutputTokens: from?.maxOutputTokens ?? null,
    tier: from?.tier ?? null,
  }));
  for (const slice of slices(rows)) await db.insert(models).values(slice).onConflictDoNothing();
}

async function repointAliases(db: Executor, reresolved: ReadonlyArray<{ alias: typeof aliases.$inferSelect; answer: Reresolved }>): Promise<number> {
  const changed = reresolved.filter(
    ({ alias, answer }) => alias.modelId !== answer.modelId || alias.method !== answer.method || alias.note !== answer.note || alias.setting !== answer.setting,
  );
  for (const slice of slices(changed)) {
    const rows = sql.join(
      slice.map(({ alias, answer }) => sql`(${alias.id}::int, ${answer.modelId}::text, ${answer.method}::match_method, ${answer.note}::text, ${answer.setting}::text)`),
      sql`, `,
    );
    await db.execute(sql`update aliases set model_id = v.model_id, method = v.method, note = v.note, setting = v.setting
      from (values ${rows}) as v(id, model_id, method, note, setting) where aliases.id = v.id`);
  }
  return changed.length;
}

const priceValueKey = (row: PriceRow) =>
  JSON.stringify([row.currency, row.input, row.output, row.cacheRead, row.cacheWrite, row.cacheWrite1h, row.tiers]);
const scoreValueKey = (row: ScoreRow) => JSON.stringify([row.score, row.ciLower, row.ciUpper, row.votes, row.costUsd]);

interface AppliedMerge {
  moved: number;
  joined: number;
  left: number;
}

/**
 * Applies one series' merge plan. Drops first (the caller re-pointed what refers to
 * them), then every period whose range only shrinks, where it is; then the periods that
 * move in or grow. The exclusion constraint is checked per statement: nothing is placed
 * before what it meets has been cut back.
 */
async function applyMerge(
  db: Executor,
  table: typeof pricePeriods | typeof scorePeriods,
  plan: PeriodMergePlan,
  current: ReadonlyMap<number, { validFrom: Date; validTo: Date | null; lastSeenAt: Date; moves: boolean }>,
  target: Record<string, string | number>,
): Promise<AppliedMerge> {
  for (const slice of slices(plan.drop.map((drop) => drop.id))) await db.delete(table).where(inArray(table.id, slice));
  const end = (date: Date | null) => date?.getTime() ?? Number.POSITIVE_INFINITY;
  for (const kept of plan.keep) {
    const before = current.get(kept.id)!;
    const same = kept.validFrom.getTime() === before.validFrom.getTime() && end(kept.validTo) === end(before.validTo);
    const within = kept.validFrom.getTime() >= before.validFrom.getTime() && end(kept.validTo) <= end(before.validTo);
    if (!within || (same && kept.lastSeenAt.getTime() === before.lastSeenAt.getTime())) continue;
    await db.update(table).set({ validFrom: kept.validFrom, validTo: kept.validTo, lastSeenAt: kept.lastSeenAt }).where(eq(table.id, kept.id));
  }
  let moved = 0;
  for (const kept of plan.keep) {
    const before = current.get(kept.id)!;
    const grows = kept.validFrom.getTime() < before.validFrom.getTime() || end(kept.validTo) > end(before.validTo);
    if (!grows && !before.moves) continue;
    await db
      .update(table)
      .set({ validFrom: kept.validFrom, validTo: kept.validTo, lastSeenAt: kept.lastSeenAt, ...(before.moves ? target : {}) })
      .where(eq(table.id, kept.id));
    if (before.moves) moved++;
  }
  return { moved, joined: plan.drop.length, left: plan.leave.length };
}

async function ensureOfferingIds(db: Executor, keys: readonly OfferingKey[]): Promise<Map<string, number>> {
  for (const slice of slices(keys)) await db.insert(offerings).values([...slice]).onConflictDoNothing();
  const ids = new Map<string, number>();
  const modelIds = [...new Set(keys.map((key) => key.modelId))];
  for (const slice of slices(modelIds)) {
    for (const row of await db.select().from(offerings).where(inArray(offerings.modelId, slice))) ids.set(offeringKeyString(row), row.id);
  }
  return ids;
}

async function movePrices(db: Executor, targetOfSeries: (modelId: string, source: string) => string) {
  const counts = { pricePeriodsMoved: 0, pricePeriodsJoined: 0, pricePeriodsLeft: 0, changeEventsMoved: 0, changeEventsFolded: 0 };
  const sourcesByOffering = await db.selectDistinct({ offeringId: pricePeriods.offeringId, sourceId: pricePeriods.sourceId }).from(pricePeriods);
  const offeringRows = await db.select().from(offerings);
  const offeringById = new Map(offeringRows.map((row) => [row.id, row]));
  const moves: Array<{ from: (typeof offeringRows)[number]; source: string; key: OfferingKey }> = [];
  for (const { offeringId, sourceId } of sourcesByOffering) {
    const from = offeringById.get(offeringId)!;
    const target = targetOfSeries(from.modelId, sourceId);
    if (target !== from.modelId) moves.push({ from, source: sourceId, key: { providerId: from.providerId, modelId: target, variant: from.variant, region: from.region } });
  }
  if (moves.length === 0) return counts;
  const targetIds = await ensureOfferingIds(db, moves.map((move) => move.key));

  const groups = new Map<string, { targetId: number; source: string; fromIds: number[] }>();
  for (const move of moves) {
    const targetId = targetIds.get(offeringKeyString(move.key))!;
    const group = groups.get(`${targetId}|${move.source}`) ?? { targetId, source: move.source, fromIds: [] };
    group.fromIds.push(move.from.id);
    groups.set(`${targetId}|${move.source}`, group);
    // The target offering inherits the seller-native id where it has none.
    if (move.from.nativeId) {
      await db.execute(sql`update offerings set native_id = ${move.from.nativeId}, native_id_source = ${move.from.nativeIdSource}
        where id = ${targetId} and native_id is null`);
    }
  }

  for (const { targetId, source, fromIds } of groups.values()) {
    const rows = await db
      .select()
      .from(pricePeriods)
      .where(and(eq(pricePeriods.sourceId, source), inArray(pricePeriods.offeringId, [targetId, ...fromIds])));
    const period = (row: PriceRow): MergePeriod => ({ id: row.id, validFrom: row.validFrom, validTo: row.validTo, lastSeenAt: row.lastSeenAt, value: priceValueKey(row), resident: row.offeringId === targetId });
    const plan = mergeSeries(
      rows.filter((row) => row.offeringId === targetId).map(period),
      // One incoming series per old offering, in a fixed order: the largest first.
      fromIds
        .map((fromId) => rows.filter((row) => row.offeringId === fromId).map(period))
        .sort((a, b) => b.length - a.length || (a[0]?.id ?? 0) - (b[0]?.id ?? 0)),
    );
    for (const { id, into } of plan.drop) {
      await db.update(changeEvents).set({ oldPeriodId: into }).where(eq(changeEvents.oldPeriodId, id));
      await db.update(changeEvents).set({ newPeriodId: into }).where(eq(changeEvents.newPeriodId, id));
    }
    const current = new Map(rows.map((row) => [row.id, { validFrom: row.validFrom, validTo: row.validTo, lastSeenAt: row.lastSeenAt, moves: row.offeringId !== targetId }]));
    const applied = await applyMerge(db, pricePeriods, plan, current, { offeringId: targetId });
    counts.pricePeriodsMoved += applied.moved;
    counts.pricePeriodsJoined += applied.joined;
    counts.pricePeriodsLeft += applied.left;

    // Events and held prices follow their offering; one recorded under both ids is kept once.
    const left = new Set(plan.leave);
    const events = await db.select().from(changeEvents).where(and(eq(changeEvents.sourceId, source), inArray(changeEvents.offeringId, fromIds)));
    for (const event of events) {
      const refs = [event.oldPeriodId, event.newPeriodId].filter((id): id is number => id !== null);
      if (refs.length > 0 && refs.every((id) => left.has(id))) continue;
      const [twin] = await db
        .select({ id: changeEvents.id })
        .from(changeEvents)
        .where(and(eq(changeEvents.offeringId, targetId), eq(changeEvents.sourceId, source), eq(changeEvents.kind, event.kind), eq(changeEvents.effectiveAt, event.effectiveAt)));
      if (twin) {
        await db.delete(changeEvents).where(eq(changeEvents.id, event.id));
        counts.changeEventsFolded++;
      } else {
        await db.update(changeEvents).set({ offeringId: targetId }).where(eq(changeEvents.id, event.id));
        counts.changeEventsMoved++;
      }
    }
    await db.execute(sql`update price_quarantine set offering_id = ${targetId}
      where source_id = ${source} and offering_id in (${sql.join(fromIds.map((id) => sql`${id}::int`), sql`, `)})
        and not exists (select 1 from price_quarantine held where held.offering_id = ${targetId} and held.source_id = price_quarantine.source_id and held.observed_at = price_quarantine.observed_at)`);
  }

  // Offerings whose every period, event and held price moved are gone.
  const emptied = [...new Set(moves.map((move) => move.from.id))];
  for (const slice of slices(emptied)) {
    const ids = sql.join(slice.map((id) => sql`${id}::int`), sql`, `);
    await db.execute(sql`delete from offerings where id in (${ids})
      and not exists (select 1 from price_periods where offering_id = offerings.id)
      and not exists (select 1 from change_events where offering_id = offerings.id)
      and not exists (select 1 from price_quarantine where offering_id = offerings.id)`);
  }
  return counts;
}

async function moveScores(db: Executor, targets: ReadonlyArray<{ row: ScoreRow; modelId: string; setting: string }>) {
  const counts = { scorePeriodsMoved: 0, scorePeriodsJoined: 0, scorePeriodsLeft: 0 };
  const keyOf = (modelId: string, row: ScoreRow, setting: string) => JSON.stringify([modelId, row.benchmarkId, row.sourceId, setting]);
  const groups = new Map<string, { modelId: string; setting: string; rows: ScoreRow[]; moving: boolean }>();
  for (const { row, modelId, setting } of targets) {
    const key = keyOf(modelId, row, setting);
    const group = groups.get(key) ?? { modelId, setting, rows: [], moving: false };
    group.rows.push(row);
    group.moving ||= modelId !== row.modelId || setting !== row.setting;
    groups.set(key, group);
  }
  for (const { modelId, setting, rows, moving } of groups.values()) {
    if (!moving) continue;
    const moves = (row: ScoreRow) => row.modelId !== modelId || row.setting !== setting;
    const period = (row: ScoreRow): MergePeriod => ({ id: row.id, validFrom: row.validFrom, validTo: row.validTo, lastSeenAt: row.lastSeenAt, value: scoreValueKey(row), resident: !moves(row) });
    // One incoming series per old (model, setting), in a fixed order: the largest first.
    const incoming = new Map<string, MergePeriod[]>();
    for (const row of rows.filter(moves)) {
      const origin = JSON.stringify([row.modelId, row.setting]);
      incoming.set(origin, [...(incoming.get(origin) ?? []), period(row)]);
    }
    const ordered = [...incoming].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b)).map(([, series]) => series);
    const plan = mergeSeries(rows.filter((row) => !moves(row)).map(period), ordered);
    const current = new Map(rows.map((row) => [row.id, { validFrom: row.validFrom, validTo: row.validTo, lastSeenAt: row.lastSeenAt, moves: moves(row) }]));
    const applied = await applyMerge(db, scorePeriods, plan, current, { modelId, setting });
    counts.scorePeriodsMoved += applied.moved;
    counts.scorePeriodsJoined += applied.joined;
    counts.scorePeriodsLeft += applied.left;
  }
  return counts;
}

async function repointPointers(db: Executor, mergedAway: ReadonlyMap<string, string>): Promise<void> {
  for (const [from, into] of mergedAway) {
    await db.execute(sql`update model_pointers set snapshot_model_id = ${into} where snapshot_model_id = ${from}`);
    await db.execute(sql`update model_pointers set floating_model_id = ${into} where floating_model_id = ${from}
      and not exists (select 1 from model_pointers other where other.floating_model_id = ${into} and other.valid_from = model_pointers.valid_from)`);
    await db.execute(sql`update models set floating = true where id = ${into} and exists (select 1 from models old where old.id = ${from} and old.floating)`);
  }
  await db.delete(modelPointers).where(sql`${modelPointers.floatingModelId} = ${modelPointers.snapshotModelId}`);
}

/** The surviving model keeps its facts and takes the merged ones' where it has none. */
async function fillFacts(db: Executor, mergedAway: ReadonlyMap<string, string>, byId: ReadonlyMap<string, ModelRow>): Promise<void> {
  for (const [from, into] of mergedAway) {
    const old = byId.get(from);
    if (!old) continue;
    await db.execute(sql`update models set
      display_name = coalesce(display_name, ${old.displayName}), family = coalesce(family, ${old.family}),
      release_date = coalesce(release_date, ${old.releaseDate}::date), open_weights = coalesce(open_weights, ${old.openWeights}::boolean),
      parameters = coalesce(parameters, ${old.parameters}), context_window = coalesce(context_window, ${old.contextWindow}::int),
      max_output_tokens = coalesce(max_output_tokens, ${old.maxOutputTokens}::int)
      where id = ${into}`);
  }
}

/** Deletes the given models that nothing refers to any more; returns their ids. */
async function deleteOrphans(db: Executor, candidates: readonly string[]): Promise<string[]> {
  const deleted: string[] = [];
  for (const slice of slices(candidates)) {
    const ids = sql.join(slice.map((id) => sql`${id}`), sql`, `);
    const rows = await db.execute<{ id: string }>(sql`delete from models where id in (${ids})
      and not exists (select 1 from aliases where model_id = models.id)
      and not exists (select 1 from offerings where model_id = models.id)
      and not exists (select 1 from score_periods where model_id = models.id)
      and not exists (select 1 from model_pointers where floating_model_id = models.id or snapshot_model_id = models.id)
      returning id`);
    deleted.push(...rowsOf<{ id: string }>(rows).map((row) => row.id));
  }
  return deleted;
}

/**
 * The dated pointers of floating names, from every origin: the reviewed series table,
 * OpenRouter's ~ aliases in the archived payloads, and equal prices at the maker. Run at
 * start (with re-resolution) and once a first start has ingested the catalogue, since a
 * pointer needs both of its models in the catalogue. Returns the pointers written.
 */
export async function refreshModelPointers(db: Executor): Promise<number> {
  return (await syncReviewedPointers(db)) + (await recordOpenRouterPointers(db)) + (await derivePointersFromEqualPrices(db));
}
