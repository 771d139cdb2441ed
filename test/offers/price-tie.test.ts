/**
 * Ties between equal prices (issue 13): among offerings of one model at the same price,
 * the model's maker wins, then the most trusted seller kind (lab, cloud, host, router,
 * reseller). Fixture: one source lists Gemini 2.5 Flash at $0.3/$2.5 from a reseller, the
 * lab, a cloud and a host; the reseller comes first in every ordering the query uses, so
 * keeping the first offering seen would pick it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { PriceSource } from "../../scrapers/source.ts";
import { pricedModels, type OfferingConstraints } from "../../src/db/queries/priced-models.ts";
import { priceObservationSchema } from "../../src/domain/observation.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";

const database = useTestDatabase();
const MODEL = "google/gemini-2.5-flash";
const SELLERS = ["aihubmix", "google", "together", "vertex"];
const PROFILE = { inputTokens: 1000, outputTokens: 500, cachedShare: 0 };

const tieSource: PriceSource = {
  id: "tie-fixture",
  kind: "price",
  authority: "community",
  fullSnapshot: false,
  description: "fixture: one model at one price from four sellers",
  urls: ["https://example.invalid/tie.json"],
  format: "json",
  schedule: { cron: "17 3 * * *", tz: "UTC", timeoutMs: 10_000, retries: 0 },
  parse: () => ({
    observations: SELLERS.map((provider) => priceObservationSchema.parse({ provider, model: "gemini-2.5-flash", input: "0.3", output: "2.5" })),
    skipped: [],
  }),
};

beforeAll(async () => {
  const run = await runSource(database().db, tieSource, { trigger: "replay", at: new Date("2026-08-01T00:00:00Z"), load: async () => [{ name: "tie.json", body: "{}" }] });
  expect(run.status).toBe("succeeded");
});

async function winner(constraints: OfferingConstraints): Promise<string | undefined> {
  const priced = await pricedModels(database().db, PROFILE, constraints);
  return priced.get(MODEL)?.offering.provider;
}

describe("equal prices", () => {
  it("all four sellers price the model the same", async () => {
    const priced = await pricedModels(database().db, PROFILE, { sellers: "all" });
    expect(priced.get(MODEL)).toMatchObject({ offerings: 4, offering: { input: "0.3", output: "2.5" } });
  });

  it("go to the model's maker first", async () => {
    const priced = await pricedModels(database().db, PROFILE, { sellers: "all" });
    expect(priced.get(MODEL)!.offering).toMatchObject({ provider: "google", firstParty: true, sellerKind: "lab" });
  });

  it("then to the most trusted seller kind: cloud over host over reseller", async () => {
    expect(await winner({ sellers: "all", excludeProviders: ["google"] })).toBe("vertex");
    expect(await winner({ sellers: "all", excludeProviders: ["google", "vertex"] })).toBe("together");
    expect(await winner({ providers: ["aihubmix", "together"] })).toBe("together");
    expect(await winner({ providers: ["aihubmix"] })).toBe("aihubmix");
  });
});
