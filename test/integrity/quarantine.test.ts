/**
 * The life of a held price, on both databases: held by the gate with its reason, listed
 * by sources.quarantine (tRPC and /api/v1/sources/quarantine), then released by a
 * reviewed entry, confirmed by another source, or superseded by a believable value.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { modelsdevSource } from "../../scrapers/modelsdev/index.ts";
import { openrouterSource } from "../../scrapers/openrouter/index.ts";
import type { PriceSource } from "../../scrapers/source.ts";
import { appRouter, createCaller } from "../../src/api/router.ts";
import { createRestHandler } from "../../src/api/rest/handler.ts";
import type { Executor, Transaction } from "../../src/db/client.ts";
import { syncSources } from "../../src/db/queries/catalogue.ts";
import { offerings, pricePeriods, priceQuarantine } from "../../src/db/schema/index.ts";
import { priceObservationSchema, type PriceObservationInput } from "../../src/domain/observation.ts";
import type { Release } from "../../src/domain/integrity/releases.ts";
import { DEFAULT_INTEGRITY } from "../../src/domain/integrity/thresholds.ts";
import { ingestPrices, preparePrices } from "../../src/jobs/ingest-prices.ts";
import { useTestDatabase, withRollback } from "../helpers/database.ts";

const database = useTestDatabase();

const gpt4o = (input: string, output: string, extra: Partial<PriceObservationInput> = {}) =>
  priceObservationSchema.parse({ provider: "openai", model: "gpt-4o", input, output, ...extra });

/** One run of `source` with these observations, as run-source does it, with a run id for the held rows. */
async function ingest(tx: Executor, source: PriceSource, at: string, observations: ReturnType<typeof gpt4o>[], releases: Release[] = [], runId: number | null = null) {
  const prepared = preparePrices({
    sourceId: source.id,
    at: new Date(at),
    fullSnapshot: false,
    namesHaveAuthors: false,
    thresholds: DEFAULT_INTEGRITY,
    observations,
    skipped: [],
  });
  return ingestPrices(tx, prepared, runId, { prices: releases, shrinks: [] });
}

async function currentOf(tx: Executor, sourceId: string) {
  return tx
    .select({ input: pricePeriods.input, output: pricePeriods.output })
    .from(pricePeriods)
    .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
    .where(and(eq(pricePeriods.sourceId, sourceId), isNull(pricePeriods.validTo), eq(offerings.modelId, "openai/gpt-4o")));
}

const statuses = (tx: Transaction) => tx.select({ source: priceQuarantine.sourceId, status: priceQuarantine.status, by: priceQuarantine.resolvedBy }).from(priceQuarantine);

describe("quarantine", () => {
  it("writes a held price once a reviewed release names it, and records who released it", async () => {
    await withRollback(database().db, async (tx) => {
      await syncSources(tx, [litellmSource]);
      await ingest(tx, litellmSource, "2026-08-01T00:00:00Z", [gpt4o("2.5", "10")]);
      await ingest(tx, litellmSource, "2026-08-02T00:00:00Z", [gpt4o("25", "100")]);
      const release: Release = { source: "litellm", raw: "gpt-4o", input: "25", output: "100", reason: "reviewed: OpenAI raised it" };
      const counts = await ingest(tx, litellmSource, "2026-08-03T00:00:00Z", [gpt4o("25", "100")], [release], null);
      expect(counts).toMatchObject({ quarantined: 0, changed: 1 });
      expect(await currentOf(tx, "litellm")).toEqual([{ input: "25", output: "100" }]);
      expect(await statuses(tx)).toEqual([{ source: "litellm", status: "released", by: "release: reviewed: OpenAI raised it" }]);
    });
  });

  it("confirms a held price when another source writes the same price, and then lets it through", async () => {
    await withRollback(database().db, async (tx) => {
      await syncSources(tx, [litellmSource, openrouterSource]);
      await ingest(tx, litellmSource, "2026-08-01T00:00:00Z", [gpt4o("2.5", "10")]);
      await ingest(tx, litellmSource, "2026-08-02T00:00:00Z", [gpt4o("25", "100")]);
      await ingest(tx, openrouterSource, "2026-08-02T01:00:00Z", [gpt4o("25", "100")]);
      expect(await statuses(tx)).toEqual([{ source: "litellm", status: "confirmed", by: "openrouter" }]);
      const counts = await ingest(tx, litellmSource, "2026-08-03T00:00:00Z", [gpt4o("25", "100")]);
      expect(counts).toMatchObject({ quarantined: 0, changed: 1 });
      expect(await currentOf(tx, "litellm")).toEqual([{ input: "25", output: "100" }]);
    });
  });

  it("marks a held price superseded when the source reports a believable one", async () => {
    await withRollback(database().db, async (tx) => {
      await syncSources(tx, [litellmSource]);
      await ingest(tx, litellmSource, "2026-08-01T00:00:00Z", [gpt4o("2.5", "10")]);
      await ingest(tx, litellmSource, "2026-08-02T00:00:00Z", [gpt4o("2500", "10000")]);
      await ingest(tx, litellmSource, "2026-08-03T00:00:00Z", [gpt4o("2", "8")]);
      expect(await statuses(tx)).toEqual([{ source: "litellm", status: "superseded", by: "litellm" }]);
      expect(await currentOf(tx, "litellm")).toEqual([{ input: "2", output: "8" }]);
    });
  });

  it("holds a new offering's price 10x away from two other sources", async () => {
    await withRollback(database().db, async (tx) => {
      await syncSources(tx, [litellmSource, openrouterSource, modelsdevSource]);
      await ingest(tx, openrouterSource, "2026-08-01T00:00:00Z", [gpt4o("2.5", "10")]);
      await ingest(tx, modelsdevSource, "2026-08-01T00:00:00Z", [gpt4o("2.5", "10")]);
      const counts = await ingest(tx, litellmSource, "2026-08-02T00:00:00Z", [gpt4o("0.0025", "0.01")]);
      expect(counts).toMatchObject({ quarantined: 1, changed: 0 });
      expect(await currentOf(tx, "litellm")).toEqual([]);
      const [held] = await tx.select({ reason: priceQuarantine.reason, previous: priceQuarantine.previous }).from(priceQuarantine);
      expect(held).toEqual({ reason: "input 2.5 -> 0.0025 (1000x) against 2 other sources (modelsdev, openrouter)", previous: null });
    });
  });

  // Last, and committed (the API reads through its own connection): the listing over tRPC and REST.
  it("holds a 10x jump, lists it with its reason over tRPC and REST, and leaves the current price", async () => {
    const { db } = database();
    await syncSources(db, [litellmSource]);
    await db.transaction((tx) => ingest(tx, litellmSource, "2026-08-01T00:00:00Z", [gpt4o("2.5", "10")]));
    const counts = await db.transaction((tx) => ingest(tx, litellmSource, "2026-08-02T00:00:00Z", [gpt4o("25", "100")]));
    expect(counts).toMatchObject({ quarantined: 1, changed: 0 });
    expect(await currentOf(db, "litellm")).toEqual([{ input: "2.5", output: "10" }]);

    const held = await createCaller({ db, connection: database() }).sources.quarantine({ source: "litellm" });
    expect(held).toEqual([
      expect.objectContaining({
        source: "litellm",
        rawName: "gpt-4o",
        model: "openai/gpt-4o",
        reason: "input 2.5 -> 25 (10x) against the previous value",
        status: "held",
        value: expect.objectContaining({ input: "25", output: "100" }),
      }),
    ]);

    const handler = createRestHandler(appRouter, () => ({ db, connection: database() }));
    const server = createServer((request, response) => void handler(request, response, new URL(request.url ?? "/", "http://localhost")));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/sources/quarantine?source=litellm`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(JSON.parse(JSON.stringify(held)));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
