/**
 * /healthz and /metrics: `degraded` until a source succeeds within its staleness window,
 * the database location for the admin token only, per-procedure route labels with a
 * bounded label set, the database-derived gauges, and promtool's check of the output.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { createServiceMetrics } from "../../src/api/metrics.ts";
import { createRouteLabeller } from "../../src/api/route-label.ts";
import { appRouter } from "../../src/api/router.ts";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { scrapeRuns } from "../../src/db/schema/index.ts";
import { healthHttpStatus, isStale, overallStatus, stalenessWindowMs } from "../../src/domain/health.ts";
import { resolveSchedules } from "../../src/jobs/scheduler/schedules.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotDocument } from "../helpers/snapshots.ts";

const ADMIN_TOKEN = "health-test-token";
const database = useTestDatabase();
let http: RunningServer;
let base: string;
const metrics = createServiceMetrics();
const schedules = resolveSchedules([litellmSource]);

beforeAll(async () => {
  const connection = database();
  http = await startHttpServer({ db: connection.db, connection, schedules }, 0, "127.0.0.1", metrics, { adminToken: ADMIN_TOKEN });
  base = `http://127.0.0.1:${http.port}`;
});
afterAll(() => http?.close());

/** A fresh connection per request: in-process PGlite blocks the event loop while a run ingests, so a kept-alive socket may be closed under a request. */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { agent: false, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, text }));
    })
      .on("error", reject)
      .end();
  });
}

const getHealth = async (headers: Record<string, string> = {}) => {
  const response = await get("/healthz", headers);
  return { status: response.status, body: JSON.parse(response.text) as Record<string, any> };
};

describe("health status", () => {
  it("is ok while one enabled source is fresh, degraded when every judged source is stale, and ignores disabled ones", () => {
    expect(overallStatus(true, [{ stale: true }, { stale: false }])).toBe("ok");
    expect(overallStatus(true, [{ stale: true }, { stale: true }, { stale: null }])).toBe("degraded");
    expect(overallStatus(true, [{ stale: null }])).toBe("ok");
    expect(overallStatus(false, [{ stale: false }])).toBe("degraded");
  });

  it("answers 503 only when the database is down", () => {
    expect([healthHttpStatus("ok"), healthHttpStatus("degraded"), healthHttpStatus("down")]).toEqual([200, 200, 503]);
  });

  it("judges a daily source stale after 48 hours without a success", () => {
    const day = 24 * 3_600_000;
    expect(stalenessWindowMs(day)).toBe(2 * day);
    const now = new Date("2026-08-10T00:00:00Z");
    expect(isStale(new Date(now.getTime() - 47 * 3_600_000), day, now)).toBe(false);
    expect(isStale(new Date(now.getTime() - 49 * 3_600_000), day, now)).toBe(true);
    expect(isStale(null, day, now)).toBe(true);
  });
});

describe("/healthz", () => {
  it("is degraded (200) before any source has succeeded, and hides the database location from anonymous callers", async () => {
    const { status, body } = await getHealth();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "degraded", database: { kind: database().kind, reachable: true } });
    expect(body.database).not.toHaveProperty("location");
    expect(JSON.stringify(body)).not.toContain(database().location);
    expect(body.sources).toEqual([expect.objectContaining({ id: "litellm", stale: true, stalenessWindowSeconds: 2 * 24 * 3600 })]);
  });

  it("shows the location to the admin token only", async () => {
    expect((await getHealth({ authorization: "Bearer wrong" })).body.database).not.toHaveProperty("location");
    expect((await getHealth({ authorization: `Bearer ${ADMIN_TOKEN}` })).body.database.location).toBe(database().location);
  });

  it("is ok once a source has succeeded; the tRPC procedure never shows the location", async () => {
    const load = async () => [snapshotDocument("prices/litellm/model_prices_2024-11-11_f59cb46e71.json")];
    await runSource(database().db, litellmSource, { trigger: "replay", at: new Date("2024-11-11T00:00:00Z"), load });
    const { status, body } = await getHealth();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", sources: [{ id: "litellm", stale: false }] });
    const trpc = JSON.parse((await get("/trpc/health")).text) as { result: { data: { status: string; database: object } } };
    expect(trpc.result.data.status).toBe("ok");
    expect(trpc.result.data.database).not.toHaveProperty("location");
  });
});

describe("route labels", () => {
  const label = createRouteLabeller(appRouter);
  it("name the procedure over both interfaces, batches and unknown paths by a fixed word", () => {
    expect(label("/api/v1/", "/api/v1/best")).toBe("best");
    expect(label("/trpc/", "/trpc/best")).toBe("best");
    expect(label("/api/v1/", "/api/v1/prices/current/")).toBe("prices.current");
    expect(label("/api/v1/", "/api/v1/models")).toBe("models.list");
    expect(label("/trpc/", "/trpc/best,pareto")).toBe("trpc.batch");
    expect(label("/trpc/", "/trpc/best,nope")).toBe("unrouted");
    expect(label("/api/v1/", "/api/v1/openapi.json")).toBe("openapi.json");
    expect(label("/api/v1/", "/api/v1/wp-admin.php")).toBe("unrouted");
    expect(label("/", "/.env")).toBe("unrouted");
    expect(label("/", "/")).toBe("/");
    expect(label("/healthz", "/healthz")).toBe("/healthz");
    expect(label(undefined, "/x")).toBe("unrouted");
  });
});

describe("/metrics", () => {
  let text: string;
  beforeAll(async () => {
    for (const path of ["/api/v1/best?task=coding", "/trpc/tasks.list", "/trpc/tasks.list,benchmarks.list?batch=1&input={}", "/api/v1/no/such", "/random-1", "/random-2"]) {
      await get(path);
    }
    text = (await get("/metrics")).text;
  });

  it("labels request latency per procedure, with random paths under one label", () => {
    const routes = new Set([...text.matchAll(/^pricewar_http_request_duration_seconds_count\{method="GET",route="([^"]+)"/gm)].map((match) => match[1]));
    expect(routes).toEqual(new Set(["best", "tasks.list", "trpc.batch", "unrouted", "/healthz", "health"]));
  });

  it("reports each source's last success, the data version and the quarantined count", async () => {
    const seconds = Number(text.match(/^pricewar_source_last_success_timestamp_seconds\{source="litellm"\} (\S+)$/m)?.[1]);
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(600);
    const runs = await database().db.select({ id: scrapeRuns.id, changed: scrapeRuns.changed }).from(scrapeRuns);
    expect(runs).toEqual([{ id: expect.any(Number), changed: expect.any(Number) }]);
    expect(runs[0]!.changed).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`^pricewar_data_version ${runs[0]!.id}$`, "m"));
    expect(text).toMatch(/^pricewar_quarantined_prices 0$/m);
  });

  it("has none of prom-client's _total-named gauges", () => {
    expect(text).not.toMatch(/^nodejs_active_\w+_total/m);
  });

  const promtool = spawnSync("promtool", ["--version"]).status === 0;
  it.runIf(promtool)("passes promtool check metrics", () => {
    expect(execFileSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" }).trim()).toBe("");
  });
});
