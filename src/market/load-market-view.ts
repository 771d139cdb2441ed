/**
 * The market view's only I/O: read the version, the catalogue (models, offerings, pointers), the consolidated prices
 * (every currency together, and each currency alone as ranking consolidates them: a
 * ranking compares prices in one currency), the fitted quality model and the measured
 * benchmark-run costs with the price history of the models they priced, then hand them to the pure buildMarketView.
 */
import { and, isNotNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { providers, scorePeriods } from "../db/schema/index.ts";
import { catalogueRows } from "../db/queries/models.ts";
import { validAt } from "../db/queries/benchmarks.ts";
import { consolidatedPricesAt } from "../db/queries/prices.ts";
import { qualityModel } from "../db/queries/quality.ts";
import { measuredCostColumns } from "../db/queries/ranking.ts";
import { outputPriceHistory } from "../db/queries/output-price-history.ts";
import { scoringId, snapshotIdentity } from "../domain/tasks/snapshot-identity.ts";
import { TASK_CLASSES } from "../domain/tasks/catalogue.ts";
import { readDataVersion, type DataVersion } from "./data-version.ts";
import { buildMarketView, marketOffer, type MarketView } from "./market-view.ts";

export interface LoadOptions {
  asOf?: Date;
  /** The version the view is built under; read from the database when absent. */
  version?: DataVersion;
  builtAt?: Date;
}

export async function loadMarketView(db: Executor, options: LoadOptions = {}): Promise<MarketView> {
  const { asOf } = options;
  const version = options.version ?? (await readDataVersion(db));
  // One at a time: PGlite runs one query at a time anyway, and Postgres is spared a burst of big reads.
  const catalogue = await catalogueRows(db);
  const sellers = await db.select({ id: providers.id }).from(providers);
  const prices = await consolidatedPricesAt(db, {}, asOf);
  const rankable = [];
  for (const currency of RANKING_CURRENCIES) rankable.push(...(await consolidatedPricesAt(db, { currency }, asOf)));
  const quality = await qualityModel(db, asOf);
  const measuredCosts = await db
    .select(measuredCostColumns)
    .from(scorePeriods)
    .where(and(isNotNull(scorePeriods.costUsd), validAt(asOf)));
  // The price history of every model priced under a scored id with a measured run: a run is read at the price it paid.
  const measured = new Set(measuredCosts.map((row) => row.modelId));
  const identity = snapshotIdentity(catalogue.models.map((model) => model.id));
  const history = await outputPriceHistory(db, catalogue.models.map((model) => model.id).filter((id) => measured.has(scoringId(identity, id))), asOf);
  return buildMarketView({
    ...version,
    asOf: asOf ?? null,
    models: [...catalogue.models],
    catalogue,
    providerIds: sellers.map((row) => row.id),
    prices,
    offers: await inSlices(rankable, (price) => marketOffer(price, TASK_CLASSES)),
    quality,
    measuredCosts: measuredCosts.map(({ validFrom, costUsd, ...row }) => ({ ...row, costUsd: costUsd!, asOf: validFrom.toISOString().slice(0, 10) })),
    outputPriceHistory: history,
  }, options.builtAt);
}

/** Currencies a caller may rank in (eligibility's `currency`); each offering is ranked in its own, never converted. */
const RANKING_CURRENCIES = ["USD", "CNY", "EUR"] as const;

const SLICE = 500;

/** Maps in slices, yielding to the event loop between them: a rebuild computes about 150,000 call costs while requests are being answered. */
async function inSlices<T, U>(items: readonly T[], map: (item: T) => U): Promise<U[]> {
  const mapped: U[] = [];
  for (let start = 0; start < items.length; start += SLICE) {
    for (const item of items.slice(start, start + SLICE)) mapped.push(map(item));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return mapped;
}
