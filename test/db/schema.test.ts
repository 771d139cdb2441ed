import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "../../src/db/client.ts";
import { aliases, models, offerings, pricePeriods, providers, scorePeriods, benchmarks, sources } from "../../src/db/schema/index.ts";
import { useTestDatabase, withRollback } from "../helpers/database.ts";

const database = useTestDatabase();

async function seedOffering(tx: Transaction) {
  await tx.insert(sources).values({ id: "litellm", kind: "price", authority: "community", description: "test" });
  await tx.insert(providers).values({ id: "openai", name: "OpenAI", kind: "lab" });
  await tx.insert(models).values({ id: "openai/gpt-4o", creator: "openai", name: "gpt-4o" });
  const [offering] = await tx.insert(offerings).values({ providerId: "openai", modelId: "openai/gpt-4o" }).returning();
  return offering!;
}

function period(offeringId: number, validFrom: string, validTo: string | null, input = "2.5") {
  return {
    offeringId,
    sourceId: "litellm",
    input,
    output: "10",
    validFrom: new Date(validFrom),
    validTo: validTo ? new Date(validTo) : null,
    lastSeenAt: new Date(validFrom),
  };
}

/** The database error behind drizzle's wrapper, as postgres.js and PGlite both report it. */
async function databaseError(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message: string } }).cause;
    return cause ?? (error as { code?: string; message: string });
  }
  throw new Error("expected the statement to be rejected");
}

describe(`schema guarantees (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("keeps numerics exact through a round trip", async () => {
    await withRollback(database().db, async (tx) => {
      const offering = await seedOffering(tx);
      const values = ["0.08333333333333334", "0.0000001", "1234.5"];
      for (const [index, value] of values.entries()) {
        await tx.insert(pricePeriods).values(period(offering.id, `2024-0${index + 1}-01`, `2024-0${index + 2}-01`, value));
      }
      const rows = await tx.select({ input: pricePeriods.input }).from(pricePeriods).orderBy(pricePeriods.validFrom);
      expect(rows.map((row) => row.input)).toEqual(values);
    });
  });

  it("rejects a duplicate alias for the same source and raw name", async () => {
    await withRollback(database().db, async (tx) => {
      await seedOffering(tx);
      const alias = { source: "litellm", rawName: "gpt-4o", modelId: "openai/gpt-4o", method: "exact" as const };
      await tx.insert(aliases).values(alias);
      const error = await databaseError(tx.insert(aliases).values(alias));
      expect(error.code).toBe("23505");
      expect(error.message).toMatch(/aliases_source_raw_name_key/);
    });
  });

  it("rejects a matched alias without a model and an unmatched one with a model", async () => {
    await withRollback(database().db, async (tx) => {
      await seedOffering(tx);
      const error = await databaseError(tx.insert(aliases).values({ source: "litellm", rawName: "x", method: "exact" }));
      expect(error.message).toMatch(/aliases_match_has_model/);
    });
  });

  it("rejects a duplicate offering", async () => {
    await withRollback(database().db, async (tx) => {
      await seedOffering(tx);
      const error = await databaseError(tx.insert(offerings).values({ providerId: "openai", modelId: "openai/gpt-4o" }));
      expect(error.message).toMatch(/offerings_identity_key/);
    });
  });

  it("rejects overlapping price periods of one offering and source", async () => {
    await withRollback(database().db, async (tx) => {
      const offering = await seedOffering(tx);
      await tx.insert(pricePeriods).values(period(offering.id, "2024-01-01", "2024-03-01"));
      const error = await databaseError(tx.insert(pricePeriods).values(period(offering.id, "2024-02-01", "2024-04-01")));
      expect(error.message).toMatch(/price_periods_no_overlap/);
    });
  });

  it("accepts adjacent periods: [a, b) then [b, c)", async () => {
    await withRollback(database().db, async (tx) => {
      const offering = await seedOffering(tx);
      await tx.insert(pricePeriods).values(period(offering.id, "2024-01-01", "2024-03-01"));
      await tx.insert(pricePeriods).values(period(offering.id, "2024-03-01", null, "2"));
      const rows = await tx.select().from(pricePeriods).where(eq(pricePeriods.offeringId, offering.id));
      expect(rows).toHaveLength(2);
    });
  });

  it("rejects two open (current) periods", async () => {
    await withRollback(database().db, async (tx) => {
      const offering = await seedOffering(tx);
      await tx.insert(pricePeriods).values(period(offering.id, "2024-01-01", null));
      const error = await databaseError(tx.insert(pricePeriods).values(period(offering.id, "2024-06-01", null)));
      expect(error.message).toMatch(/price_periods_current_key|price_periods_no_overlap/);
    });
  });

  it("rejects an empty or inverted period and a negative price", async () => {
    await withRollback(database().db, async (tx) => {
      const offering = await seedOffering(tx);
      const inverted = await databaseError(tx.insert(pricePeriods).values(period(offering.id, "2024-03-01", "2024-01-01")));
      expect(inverted.message).toMatch(/price_periods_valid_range/);
    });
    await withRollback(database().db, async (tx) => {
      const offering = await seedOffering(tx);
      const negative = await databaseError(tx.insert(pricePeriods).values(period(offering.id, "2024-01-01", null, "-1")));
      expect(negative.message).toMatch(/price_periods_non_negative/);
    });
  });

  it("rejects overlapping score periods of one model, benchmark, source and setting", async () => {
    await withRollback(database().db, async (tx) => {
      await seedOffering(tx);
      await tx.insert(sources).values({ id: "aider", kind: "benchmark", description: "test" });
      await tx.insert(benchmarks).values({ id: "aider-polyglot", name: "Aider polyglot", sourceId: "aider", scale: "percent", description: "d", url: "u" });
      const score = {
        modelId: "openai/gpt-4o",
        benchmarkId: "aider-polyglot",
        sourceId: "aider",
        score: "18.2",
        rawName: "gpt-4o",
        lastSeenAt: new Date("2025-01-01"),
      };
      await tx.insert(scorePeriods).values({ ...score, validFrom: new Date("2025-01-01") });
      await tx.insert(scorePeriods).values({ ...score, setting: "high", validFrom: new Date("2025-01-01") });
      const error = await databaseError(tx.insert(scorePeriods).values({ ...score, validFrom: new Date("2025-02-01") }));
      expect(error.message).toMatch(/score_periods_current_key|score_periods_no_overlap/);
    });
  });

  it("stores timestamps with their time zone", async () => {
    const result = await database().db.execute<{ type: string }>(
      sql`select data_type as type from information_schema.columns where table_name = 'price_periods' and column_name = 'valid_from'`,
    );
    const rows = Array.isArray(result) ? result : (result as { rows: { type: string }[] }).rows;
    expect(rows[0]?.type).toBe("timestamp with time zone");
  });
});
