/** `pricewar reprice` as a user runs it: one real LiteLLM map scraped into a fresh embedded database, then a small log. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const dir = mkdtempSync(join(tmpdir(), "pricewar-reprice-cli-"));
const env = { PGLITE_DIR: join(dir, "db"), DATABASE_URL: "", LOG_LEVEL: "silent" };
const log = join(dir, "usage.csv");

beforeAll(async () => {
  const scraped = await runCli(["scrape", "litellm", "--replay", snapshotPath("prices/litellm/model_prices_2024-11-13_e7543378b8.json"), "--at", "2024-11-13"], env);
  expect(scraped.code).toBe(0);
  writeFileSync(
    log,
    ["timestamp,model,seller,input_tokens,output_tokens", "2024-11-14T09:00:00Z,gpt-4o,openai,1000000,1000000", "2024-11-12T09:00:00Z,gpt-4o,,1000000,1000000", "2024-11-14T09:00:00Z,mystery-model-x,,10,10"].join("\n"),
  );
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pricewar reprice", () => {
  it("prints totals and the lines without a price with their reasons", async () => {
    const result = await runCli(["reprice", log], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^3 lines: 1 priced, 2 without a price, 0 invalid\. Cost USD 12\.5\n/);
    expect(result.stdout).toMatch(/\nopenai\/gpt-4o\s+2\s+1\s+2000000\s+2000000\s+12\.5\n/);
    expect(result.stdout).toMatch(/\n2024-11-12\s+1\s+1\s+1000000\s+1000000\s+0\n/);
    expect(result.stdout).toContain("line 3 (gpt-4o): no price of openai/gpt-4o in force at 2024-11-12T09:00:00.000Z (recorded from 2024-11-13");
    expect(result.stdout).toContain('line 4 (mystery-model-x): unknown model "mystery-model-x"');
    // Not a terminal: no progress bar.
    expect(result.stderr).toBe("");
  }, 180_000);

  it("--json writes NDJSON, one object per line then the totals", async () => {
    const result = await runCli(["reprice", log, "--json", "--compare", "now"], env);
    const items = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(items.map((item) => item.type)).toEqual(["line", "line", "line", "totals"]);
    expect(items[0]).toMatchObject({ line: 2, ok: true, cost: { total: "12.5" }, compare: { mode: "now", cost: { total: "12.5" } } });
    expect(items[3].totals).toMatchObject({ lines: 3, priced: 1, unpriced: 2, cost: "12.5" });
  }, 180_000);

  it("refuses a bad --compare or a missing file with exit code 2", async () => {
    expect(await runCli(["reprice", log, "--compare", "yesterday"], env)).toMatchObject({ code: 2, stderr: 'pricewar: reprice: --compare must be one of now, best, got "yesterday"\n' });
    const missing = await runCli(["reprice", join(dir, "nope.jsonl")], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^pricewar: reprice: cannot read .*nope\.jsonl/);
  }, 180_000);
});
