/**
 * A sweep of generic faults over every JSON price source's recorded payload (unit errors
 * either way, shrinks, negative and overflowing values, truncation): whatever the run's
 * outcome, no price period or change event may differ from before. Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCES } from "../../scrapers/registry.ts";
import type { PayloadDocument, PriceSource } from "../../scrapers/source.ts";
import { planReplay, replayPathsLoader } from "../../src/jobs/replay-map.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { SNAPSHOTS_ROOT } from "../helpers/snapshots.ts";
import { historyFingerprint } from "../helpers/fingerprint.ts";
import { negateSomePrices, overflowSomePrices, scaleAllPrices, shrinkAll, truncateAll } from "./mutations.ts";

const database = useTestDatabase();

const JSON_SOURCES = ["litellm", "openrouter", "modelsdev", "genai-prices", "llm-prices", "portkey", "langfuse"];
const sources = SOURCES.filter((source): source is PriceSource => source.kind === "price" && JSON_SOURCES.includes(source.id));

/**
 * Parsers pass negative amounts on as written, so the gate rejects them; an offering with a
 * rejected name keeps its price even where the source lists it under another name too.
 */
const MUTATIONS: ReadonlyArray<[string, (documents: readonly PayloadDocument[]) => PayloadDocument[]]> = [
  ["every price x1000", (documents) => scaleAllPrices(documents, 1000)],
  ["every price /1000", (documents) => scaleAllPrices(documents, 0.001)],
  ["80% of entries removed", (documents) => shrinkAll(documents, 0.8)],
  ["50% of entries removed", (documents) => shrinkAll(documents, 0.5)],
  ["every tenth price negative", negateSomePrices],
  ["every tenth price 1e400", overflowSomePrices],
  ["cut at 60% of its length", (documents) => truncateAll(documents, 0.6)],
];

const T0 = new Date("2026-08-25T00:00:00Z");
let hour = 0;
const payloads = new Map<string, PayloadDocument[]>();
const outcomes: string[] = [];

beforeAll(async () => {
  for (const source of sources) {
    const plan = await planReplay(SNAPSHOTS_ROOT, source);
    const documents = await replayPathsLoader(SNAPSHOTS_ROOT, plan.latest)(source);
    payloads.set(source.id, documents);
    const baseline = await runSource(database().db, source, { trigger: "replay", at: T0, load: async () => documents });
    expect(baseline.status, `${source.id} baseline: ${baseline.error}`).toBe("succeeded");
  }
}, 300_000);

afterAll(() => {
  // The issue asks how many mutated payloads were tried, and with what outcome.
  console.info(`integrity sweep: ${outcomes.length} mutated payloads\n${outcomes.join("\n")}`);
});

describe.each(sources.map((source) => [source.id, source] as const))("%s", (_, source) => {
  it.each(MUTATIONS)("%s: changes no history", async (label, mutate) => {
    const fingerprint = () => historyFingerprint(database().db, { lastSeen: false });
    const before = await fingerprint();
    const at = new Date(T0.getTime() + ++hour * 3_600_000);
    const summary = await runSource(database().db, source, { trigger: "replay", at, load: async () => mutate(payloads.get(source.id)!) });
    outcomes.push(
      `${source.id}, ${label}: ${summary.status}` +
        (summary.status === "failed" ? ` (${summary.error?.slice(0, 90)})` : `, rejected ${summary.rejected}, quarantined ${summary.quarantined}, changed ${summary.changed}`),
    );
    expect(await fingerprint()).toEqual(before);
  });
});
