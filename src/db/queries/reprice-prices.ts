/**
 * The price lookup behind repricing: which price period was in force for a logged
 * request. Names resolve with models.resolve's logic (once per name and day: a floating
 * name may point elsewhere on another day); each model's whole price history is read
 * once and kept (it is small), so a million lines cost a handful of queries. With no
 * seller named, the model's own lab is preferred, then the consolidation's authority
 * order (first-party pages, aggregators, community tables). Today's best route is not
 * ranked here: the caller injects the product's `best` answer (api/best-route.ts), and
 * this module prices the offering it names at its current period.
 */
import type { Executor } from "../client.ts";
import { resolveModelReference, type ModelResolution } from "./models.ts";
import { offeringHistory, type PriceRow } from "./prices.ts";
import { authorityRank } from "../../domain/prices/consolidate.ts";
import type { RankedOffering } from "../../domain/ranking/best.ts";
import type { PriceAnswer, PriceLookup, PriceUsed } from "../../domain/reprice/reprice-log.ts";
import type { UsageLine } from "../../domain/reprice/usage-line.ts";

type PeriodRow = PriceRow;

/** Preference among periods in force at once: the global region, the lab itself, then source authority. */
function preference(a: PeriodRow, b: PeriodRow): number {
  return (
    Number(a.region !== "") - Number(b.region !== "") ||
    Number(a.providerKind !== "lab") - Number(b.providerKind !== "lab") ||
    authorityRank(a.authority) - authorityRank(b.authority) ||
    a.provider.localeCompare(b.provider) ||
    a.source.localeCompare(b.source)
  );
}

function priceUsed(row: PeriodRow): PriceUsed {
  return {
    model: row.model,
    seller: row.provider,
    variant: row.variant,
    source: row.source,
    periodId: row.periodId,
    validFrom: row.validFrom.toISOString(),
    validTo: row.validTo?.toISOString() ?? null,
    price: { input: row.input, output: row.output, cacheRead: row.cacheRead, cacheWrite: row.cacheWrite, tiers: row.tiers },
  };
}

const inForceAt = (at: number) => (row: PeriodRow) => row.validFrom.getTime() <= at && (row.validTo === null || at < row.validTo.getTime());

/** The model and offering today's `best` answer names for a task class, or why there is none. */
export type BestRoute = { model: string; offering: RankedOffering } | { reason: string };

export interface RepriceLookupOptions {
  /** "Today" for --compare now (tests pin it); default the time of each call. */
  now?: () => Date;
  /** Today's best route of a task class (--compare best): the product's `best` answer. */
  bestRoute: (taskId: string) => Promise<BestRoute>;
}

export function createRepriceLookup(db: Executor, options: RepriceLookupOptions): PriceLookup {
  const now = options.now ?? (() => new Date());
  const resolutions = new Map<string, Promise<ModelResolution>>();
  const histories = new Map<string, Promise<PeriodRow[]>>();
  const bestRoutes = new Map<string, Promise<PriceAnswer>>();

  const history = (modelId: string) => {
    let rows = histories.get(modelId);
    if (!rows) histories.set(modelId, (rows = offeringHistory(db, { modelIds: [modelId], currency: "USD" })));
    return rows;
  };
  const resolve = (name: string, day: string) => {
    const key = `${name}\u0000${day}`;
    let resolution = resolutions.get(key);
    if (!resolution) resolutions.set(key, (resolution = resolveModelReference(db, name, { at: new Date(`${day}T12:00:00Z`) })));
    return resolution;
  };

  const pick = (rows: PeriodRow[], line: Pick<UsageLine, "seller" | "variant">, at: number) =>
    rows.filter((row) => row.variant === line.variant && (!line.seller || row.provider === line.seller) && inForceAt(at)(row)).sort(preference)[0];

  async function priceAt(line: UsageLine): Promise<PriceAnswer> {
    const at = line.timestamp.getTime();
    const resolution = await resolve(line.model, line.timestamp.toISOString().slice(0, 10));
    if (!resolution.model) return { reason: `unknown model "${line.model}": ${resolution.reason}` };
    // The name's own prices first (what sources list for gpt-4o), then the snapshot it pointed to that day.
    const ids = [resolution.model.id, ...(resolution.pinnedTo && resolution.pinnedTo !== resolution.model.id ? [resolution.pinnedTo] : [])];
    let known: PeriodRow[] = [];
    for (const id of ids) {
      const rows = await history(id);
      const row = pick(rows, line, at);
      if (row) return { price: priceUsed(row) };
      known = known.concat(rows);
    }
    const model = resolution.model.id;
    if (known.length === 0) return { reason: `no USD price recorded for ${model}`, model };
    const offered = known.filter((row) => row.variant === line.variant && (!line.seller || row.provider === line.seller));
    if (offered.length === 0) {
      const sellers = [...new Set(known.filter((row) => row.variant === line.variant).map((row) => row.provider))].sort();
      if (line.seller) return { reason: `no ${line.variant} price of ${model} from seller "${line.seller}" (sellers: ${sellers.join(", ") || "none"})`, model };
      return { reason: `no ${line.variant} price recorded for ${model}`, model };
    }
    const first = offered.reduce((a, b) => (a.validFrom <= b.validFrom ? a : b)).validFrom.toISOString();
    return { reason: `no price of ${model}${line.seller ? ` from ${line.seller}` : ""} in force at ${line.timestamp.toISOString()} (recorded from ${first})`, model };
  }

  async function priceNow(used: PriceUsed): Promise<PriceAnswer> {
    const row = pick(await history(used.model), { seller: used.seller, variant: used.variant as UsageLine["variant"] }, now().getTime());
    return row ? { price: priceUsed(row) } : { reason: `${used.seller} has no current ${used.variant} price of ${used.model}` };
  }

  async function findBest(taskId: string): Promise<PriceAnswer> {
    const route = await options.bestRoute(taskId);
    if ("reason" in route) return route;
    const { model, offering } = route;
    // The current period of the named offering, as the market view consolidated it (open-ended).
    const row = (await history(model)).find(
      (candidate) =>
        candidate.provider === offering.provider && candidate.variant === offering.variant && candidate.region === offering.region && candidate.source === offering.source && candidate.validTo === null,
    );
    return row ? { price: priceUsed(row) } : { reason: `the best route for ${taskId} (${model} on ${offering.provider}) has no current USD price` };
  }

  function bestNow(taskId: string): Promise<PriceAnswer> {
    let answer = bestRoutes.get(taskId);
    if (!answer) bestRoutes.set(taskId, (answer = findBest(taskId)));
    return answer;
  }

  return { priceAt, priceNow, bestNow };
}
