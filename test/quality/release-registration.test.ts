/**
 * A live LMArena 2026 or Epoch ECI payload of a date no definition names yet is a new
 * release: its ids are registered as their own benchmarks (never pooled with the recorded
 * fits) and its scores stored, instead of rejected as unknown benchmarks.
 */
import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { definitionsForRun } from "../../scrapers/release-definitions.ts";
import { lmarena2026Source } from "../../scrapers/lmarena-2026/index.ts";
import { epochAiSource } from "../../scrapers/epoch-ai/index.ts";
import type { PayloadDocument } from "../../scrapers/source.ts";
import { benchmarks, scorePeriods } from "../../src/db/schema/index.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { catalogueItems } from "../../src/db/queries/quality.ts";
import { useTestDatabase } from "../helpers/database.ts";

const database = useTestDatabase();
const NEW_DATE = "2026-11-20";

const arenaBoard = (ratings: Record<string, number>): PayloadDocument => ({
  name: `https://raw.githubusercontent.com/SmallAi-API/LLM-Ranking/main/data/leaderboard-text-style-control.json`,
  body: JSON.stringify({
    full: Object.fromEntries(Object.entries(ratings).map(([model, rating]) => [model, { rating, rating_q025: rating - 5, rating_q975: rating + 5 }])),
    industry_legal_and_government: Object.fromEntries(Object.entries(ratings).map(([model, rating]) => [model, { rating: rating - 10 }])),
  }),
});

const eciCsv = (date: string): PayloadDocument => ({
  name: `epoch_capabilities_index.${date}.csv`,
  body: ["Model version,ECI Score,Release date,Organization,Display name", "gpt-4o-2024-11-20,130.5,2024-11-20,OpenAI,GPT-4o", "claude-3-5-sonnet-20241022,133.1,2024-10-22,Anthropic,Claude 3.5 Sonnet"].join("\n"),
});

describe("definitionsForRun", () => {
  it("adds a definition per new dated id the source recognises and nothing else", () => {
    const observations = [
      { benchmark: `lmarena-text-style-control-legal-${NEW_DATE}` },
      { benchmark: `lmarena-text-style-control-legal-${NEW_DATE}` },
      { benchmark: "lmarena-text-style-control-legal-2026-02-27" },
      { benchmark: "not-a-board-2026-11-20" },
      { benchmark: "lmarena-text-style-control-legal-2026-02-30" },
    ];
    const definitions = definitionsForRun(lmarena2026Source, observations);
    const added = definitions.slice(lmarena2026Source.benchmarks.length).map((definition) => definition.id);
    expect(added).toEqual([`lmarena-text-style-control-legal-${NEW_DATE}`]);
    expect(definitions[definitions.length - 1]!.scale).toBe("elo");
  });
});

describe("a payload of a new fit date", () => {
  it("registers LMArena 2026 categories of the new date as their own benchmarks and stores the scores", async () => {
    const { db } = database();
    const at = new Date(`${NEW_DATE}T06:00:00Z`);
    const summary = await runSource(db, lmarena2026Source, {
      trigger: "replay",
      at,
      now: at,
      load: async () => [arenaBoard({ "gpt-4o-2024-11-20": 1300, "claude-3-5-sonnet-20241022": 1310, "llama-3.1-405b-instruct": 1280 })],
    });
    expect(summary.error ?? summary.status).toBe("succeeded");
    expect(summary.rejectedSamples.filter((sample) => sample.reason.startsWith("unknown benchmark"))).toEqual([]);
    const registered = await db.select({ id: benchmarks.id, source: benchmarks.sourceId }).from(benchmarks).where(like(benchmarks.id, `%-${NEW_DATE}`));
    expect(registered.map((row) => row.id).sort()).toEqual([`lmarena-text-style-control-${NEW_DATE}`, `lmarena-text-style-control-legal-${NEW_DATE}`]);
    expect(new Set(registered.map((row) => row.source))).toEqual(new Set(["lmarena-2026"]));
    const stored = await db.select({ model: scorePeriods.modelId }).from(scorePeriods).where(eq(scorePeriods.benchmarkId, `lmarena-text-style-control-legal-${NEW_DATE}`));
    expect(stored.length).toBe(summary.parsed / 2);
  });

  it("registers a new ECI fit as its own benchmark, apart from the recorded fit", async () => {
    const { db } = database();
    const at = new Date("2026-11-21T00:00:00Z");
    const summary = await runSource(db, epochAiSource, { trigger: "replay", at, now: at, load: async () => [eciCsv("2026-11-21")] });
    expect(summary.error ?? summary.status).toBe("succeeded");
    expect(summary.rejectedSamples).toEqual([]);
    const ids = (await db.select({ id: benchmarks.id }).from(benchmarks).where(like(benchmarks.id, "epoch-eci-%"))).map((row) => row.id);
    expect(ids).toContain("epoch-eci-2026-11-21");
    const stored = await db.select({ benchmark: scorePeriods.benchmarkId }).from(scorePeriods).where(like(scorePeriods.benchmarkId, "epoch-eci-%"));
    expect(new Set(stored.map((row) => row.benchmark))).toEqual(new Set(["epoch-eci-2026-11-21"]));
    expect(stored.length).toBe(summary.parsed);
    // The catalogue links ECI by naming one fit: every fit, the new one too, joins the ability fit as its own item.
    const { infos } = await catalogueItems(db);
    expect(infos.map((info) => info.id)).toEqual(expect.arrayContaining(["epoch-eci-2026-11-21", "epoch-eci-2026-02-22"]));
  });
});
