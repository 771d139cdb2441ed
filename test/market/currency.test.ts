/**
 * Ranking in another currency, on request only: DeepSeek's English page (USD) and its
 * Chinese page (CNY, the China storefront) price the same models. By default only the USD
 * offering counts; with `currency: "CNY"` and the cn region only the CNY one, priced in
 * CNY, never converted; the market view and the SQL path agree, and prices.current reads
 * each currency consolidated on its own.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sourceById } from "../../scrapers/registry.ts";
import { pricedModels } from "../../src/db/queries/priced-models.ts";
import { taskClassById } from "../../src/domain/tasks/catalogue.ts";
import { replayLoader } from "../../src/jobs/load-documents.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { loadMarketView } from "../../src/market/load-market-view.ts";
import type { MarketView } from "../../src/market/market-view.ts";
import { pricesIn } from "../../src/market/price-lookup.ts";
import { pricedModelsIn } from "../../src/market/priced-offers.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const chat = taskClassById("chat")!;
const FLASH = "deepseek/deepseek-v4-flash";
let view: MarketView;

beforeAll(async () => {
  const { db } = database();
  // One run over both pages, as the source's replay reads them (its replayPaths).
  const deepseek = sourceById("deepseek-pricing");
  const pages = (deepseek.replayPaths ?? []).map((path) => replayLoader(snapshotPath(path)));
  const load = async () => (await Promise.all(pages.map((page) => page(deepseek)))).flat();
  const summary = await runSource(db, deepseek, { trigger: "replay", at: new Date("2026-07-17T00:00:00Z"), load });
  expect(summary.status, summary.error ?? "").toBe("succeeded");
  view = await loadMarketView(db);
}, 240_000);

describe("currency of a ranking", () => {
  it("ranks USD offerings by default and leaves the CNY ones out", () => {
    const flash = pricedModelsIn(view, chat, {}).get(FLASH);
    expect(flash?.offering.currency).toBe("USD");
  });

  it("ranks the CNY offerings in CNY when asked, with DeepSeek's own CNY prices", () => {
    // DeepSeek's CNY list is its China storefront: the region must be asked for too.
    expect(pricedModelsIn(view, chat, { currency: "CNY" }).get(FLASH)).toBeUndefined();
    const flash = pricedModelsIn(view, chat, { currency: "CNY", regions: ["cn"] }).get(FLASH);
    expect(flash?.offering).toMatchObject({ currency: "CNY", provider: "deepseek", input: "1", output: "2" });
    const everyCny = [...pricedModelsIn(view, chat, { currency: "CNY", regions: ["cn"] }).values()].every((model) => model.offering.currency === "CNY");
    expect(everyCny).toBe(true);
  });

  it("gives the same priced models from the view as from the SQL path, in each currency", async () => {
    for (const currency of ["USD", "CNY"] as const) {
      const constraints = { currency, regions: ["cn"] };
      const fromSql = await pricedModels(database().db, chat.profile, constraints);
      expect(fromSql.size, currency).toBeGreaterThan(0);
      expect(pricedModelsIn(view, chat, constraints), currency).toEqual(fromSql);
    }
  });

  it("answers prices.current per currency from offers consolidated in that currency", () => {
    expect(pricesIn(view, { modelIds: [FLASH], currency: "CNY" }).map((price) => price.currency)).toEqual(["CNY"]);
    expect(pricesIn(view, { modelIds: [FLASH], currency: "USD" }).every((price) => price.currency === "USD")).toBe(true);
    expect(new Set(pricesIn(view, { modelIds: [FLASH] }).map((price) => price.currency)).size).toBeGreaterThanOrEqual(1);
  });
});
