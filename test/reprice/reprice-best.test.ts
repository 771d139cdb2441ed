/**
 * --compare best is the product's `best` answer: on recorded prices (LiteLLM, OpenRouter)
 * and scores (Aider, LiveBench, SWE-bench), the route a repriced line is compared with is,
 * for every task class, the model and offering `GET /api/v1/best?task=X` ranks first, at
 * that offering's current price.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCES, sourceById } from "../../scrapers/registry.ts";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { syncTaskCatalogue } from "../../src/db/queries/benchmarks.ts";
import { lineCost } from "../../src/domain/reprice/line-cost.ts";
import { TASK_IDS } from "../../src/domain/tasks/catalogue.ts";
import { replayLoader } from "../../src/jobs/load-documents.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { ingestBenchmarkSnapshots } from "../helpers/benchmark-snapshots.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const database = useTestDatabase();
let http: RunningServer;
let base: string;

const PRICES: Array<[source: string, path: string, at: string]> = [
  ["litellm", "prices/litellm/model_prices_2026-07-24.json", "2026-07-24"],
  ["openrouter", "prices/openrouter/models-data_2026-08-08_from-sui414-0427e0eca0.json", "2026-08-08"],
];
const BENCHMARKS = new Set(["aider", "livebench", "swe-bench"]);

beforeAll(async () => {
  const { db } = database();
  await syncTaskCatalogue(db, SOURCES);
  for (const [id, path, at] of PRICES) await runSource(db, sourceById(id), { trigger: "replay", at: new Date(`${at}T00:00:00Z`), load: replayLoader(snapshotPath(path)) });
  await ingestBenchmarkSnapshots(db, BENCHMARKS);
  http = await startHttpServer({ db, connection: database() }, 0, "127.0.0.1");
  base = `http://127.0.0.1:${http.port}`;
}, 600_000);
afterAll(() => http?.close());

interface BestAnswer {
  candidates: Array<{ model: string; offering: { provider: string; variant: string; region: string; source: string } }>;
}

describe("--compare best", () => {
  it("compares each line with the model and offering GET /api/v1/best names for its task class, at its current price", async () => {
    const usage = { timestamp: "2026-08-10T12:00:00Z", model: "gpt-4o", input_tokens: 12_345, output_tokens: 678, cached_input_tokens: 1_000 };
    const log = TASK_IDS.map((task) => JSON.stringify({ ...usage, task })).join("\n");
    const response = await fetch(`${base}/api/v1/reprice?compare=best`, { method: "POST", body: log });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line)).filter((item) => item.type === "line");
    expect(lines).toHaveLength(TASK_IDS.length);

    let named = 0;
    for (const [index, task] of TASK_IDS.entries()) {
      const best = (await (await fetch(`${base}/api/v1/best?task=${task}`)).json()) as BestAnswer;
      const pick = best.candidates[0];
      const compare = lines[index].compare;
      if (!pick) {
        expect(compare, task).toMatchObject({ mode: "best", cost: null, price: null });
        expect(compare.reason, task).toMatch(new RegExp(`^best names no model for task class ${task}: `));
        continue;
      }
      named += 1;
      expect(compare.price, task).toMatchObject({ model: pick.model, seller: pick.offering.provider, variant: pick.offering.variant, source: pick.offering.source, validTo: null });
      // The comparison cost is the same usage at that period's prices, exactly.
      const expected = lineCost(compare.price.price, { input_tokens: usage.input_tokens, output_tokens: usage.output_tokens, cached_input_tokens: usage.cached_input_tokens, cache_write_tokens: 0 });
      if ("cost" in expected) expect(compare.cost, task).toEqual(expected.cost);
      else expect(compare.reason, task).toBe(expected.reason);
    }
    console.info(`reprice --compare best: ${named} of ${TASK_IDS.length} task classes have a best route, each the one GET /api/v1/best names`);
    // The recorded scores make best name a route for most classes.
    expect(named).toBeGreaterThanOrEqual(TASK_IDS.length / 2);
  }, 120_000);

  it("says why for an unknown task class", async () => {
    const log = JSON.stringify({ timestamp: "2025-03-01T12:00:00Z", model: "gpt-4o", input_tokens: 1, output_tokens: 1, task: "juggling" });
    const [line] = (await (await fetch(`${base}/api/v1/reprice?compare=best`, { method: "POST", body: log })).text()).trim().split("\n").map((item) => JSON.parse(item));
    expect(line.compare).toEqual({ mode: "best", cost: null, price: null, reason: 'unknown task class "juggling"' });
  });
});
