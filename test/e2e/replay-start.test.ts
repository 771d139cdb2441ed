/**
 * `pricewar start` in replay mode on an empty PGlite folder, restricted to two small
 * sources: Aider (one payload) and Langfuse (a folder of two dated payloads, backfilled).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { startService } from "../helpers/cli.ts";

const dataDir = mkdtempSync(join(tmpdir(), "pricewar-replay-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface HealthSource {
  id: string;
  enabled: boolean;
  lastRun: { status: string; trigger: string } | null;
  stale: boolean | null;
}

it("ingests the recorded payloads at first start and reports them on /healthz and /metrics", async () => {
  const service = await startService({
    DATABASE_URL: "",
    PGLITE_DIR: dataDir,
    PRICEWAR_REPLAY_DIR: "../shared/snapshots",
    PRICEWAR_SCHEDULER: "true",
    PRICEWAR_SCHEDULES: JSON.stringify({ "*": { enabled: false }, aider: { enabled: true }, langfuse: { enabled: true } }),
  });
  try {
    const sources = async () => {
      const body = (await (await fetch(`${service.baseUrl}/healthz`)).json()) as { sources: HealthSource[] };
      return Object.fromEntries(body.sources.map((source) => [source.id, source]));
    };
    await expect
      .poll(async () => {
        const { aider, langfuse } = await sources();
        return [aider?.lastRun?.status, langfuse?.lastRun?.status];
      }, { timeout: 30_000, interval: 250 })
      .toEqual(["succeeded", "succeeded"]);

    const health = await sources();
    expect(health.aider).toMatchObject({ enabled: true, lastRun: { trigger: "replay" }, stale: false });
    expect(health.langfuse).toMatchObject({ enabled: true, lastRun: { trigger: "backfill" }, stale: false });
    expect(health.openrouter).toMatchObject({ enabled: false, lastRun: null, stale: null });

    const metrics = await (await fetch(`${service.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^pricewar_scrape_runs_total\{source="aider",status="succeeded"\} 1$/m);
    expect(metrics).toMatch(/^pricewar_scrape_runs_total\{source="langfuse",status="succeeded"\} 2$/m);
    expect(metrics).toMatch(/^pricewar_scrape_rows_changed_total\{source="aider"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^pricewar_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} [1-9]\d*$/m);
    expect(metrics).not.toMatch(/source="openrouter"/);
  } finally {
    expect(await service.stop("SIGTERM")).toBe(0);
  }
  expect(service.output()).toMatch(/"msg":"first start finished"/);
});
