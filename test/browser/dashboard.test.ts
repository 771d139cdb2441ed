/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core against
 * the HTTP server, on a database holding a little real data (LiteLLM and OpenRouter
 * price snapshots two days apart, Aider polyglot and LMArena boards). Every chart must
 * draw points, every table rows, with no console error; a screenshot is saved to
 * test-results/dashboard.png. Without a launchable chromium the file fails, it never skips.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aiderSource } from "../../scrapers/aider/index.ts";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { lmarenaSource } from "../../scrapers/lmarena/index.ts";
import { openrouterSource } from "../../scrapers/openrouter/index.ts";
import { SOURCES } from "../../scrapers/registry.ts";
import type { SourceDefinition } from "../../scrapers/source.ts";
import { and, eq } from "drizzle-orm";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import type { Db } from "../../src/db/client.ts";
import { offerings, pricePeriods } from "../../src/db/schema/index.ts";
import { UNDATED_START } from "../../src/domain/pricewar/first-observation.ts";
import { syncTaskCatalogue } from "../../src/db/queries/benchmarks.ts";
import { replayLoader } from "../../src/jobs/load-documents.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { createTestDatabase, useTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SCREENSHOT = resolve("test-results/dashboard.png");
const CHART_PANELS = ["pareto", "index", "capability", "spread"] as const;
const TABLE_PANELS = ["changes", "sources"] as const;
const PANELS = [...TABLE_PANELS, ...CHART_PANELS];

const INGESTS: Array<{ source: SourceDefinition; at: string; files: string[] }> = [
  { source: litellmSource, at: "2024-11-11", files: ["prices/litellm/model_prices_2024-11-11_f59cb46e71.json"] },
  { source: litellmSource, at: "2024-11-13", files: ["prices/litellm/model_prices_2024-11-13_e7543378b8.json"] },
  { source: openrouterSource, at: "2026-03-03", files: ["prices/openrouter/models-data-sorted_2026-03-03_from-skissue-d04372e9da.json"] },
  { source: openrouterSource, at: "2026-03-04", files: ["prices/openrouter/models-data-sorted_2026-03-04_from-skissue-1b28d83d2b.json"] },
  { source: aiderSource, at: "2025-10-05", files: ["benchmarks/aider/polyglot_leaderboard.2025-10-04.cb6a152.yml"] },
  {
    source: lmarenaSource,
    at: "2025-12-17",
    files: ["benchmarks/lmarena/arena-catalog.leaderboard-text-style-control.2025-12-17.3b12b7f.json", "benchmarks/lmarena/arena-catalog.scatterplot-data.2025-12-17.a7ae862.json"],
  },
];

/** The data's first date: the first LiteLLM snapshot. */
const FIRST_DATE = "2024-11-11";

/**
 * An undated first period, as a dated source's "until" entry without a release date is
 * stored (from the placeholder start), that ended before the first snapshot: no chart may
 * start at its placeholder start.
 */
async function recordUndatedPeriod(db: Db): Promise<void> {
  const [offering] = await db
    .select({ id: offerings.id })
    .from(offerings)
    .where(and(eq(offerings.modelId, "openai/gpt-4o"), eq(offerings.providerId, "openai"), eq(offerings.variant, "standard")));
  expect(offering).toBeDefined();
  await db.insert(pricePeriods).values({
    offeringId: offering!.id,
    sourceId: "litellm",
    input: "5",
    output: "15",
    validFrom: UNDATED_START,
    validTo: new Date("2024-05-13T00:00:00Z"),
    lastSeenAt: new Date(`${FIRST_DATE}T00:00:00Z`),
  });
}

const database = useTestDatabase();
let http: RunningServer;
let base: string;
let browser: BrowserContext;
let userDataDir: string;
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

beforeAll(async () => {
  const { db } = database();
  await timed("ingest", async () => {
    await syncTaskCatalogue(db, SOURCES);
    for (const ingest of INGESTS) {
      const loaders = ingest.files.map((file) => replayLoader(snapshotPath(file)));
      const summary = await runSource(db, ingest.source, {
        trigger: "replay",
        at: new Date(`${ingest.at}T00:00:00Z`),
        load: async (source) => (await Promise.all(loaders.map((load) => load(source)))).flat(),
      });
      expect(summary, `${ingest.source.id} ${ingest.at}`).toMatchObject({ status: "succeeded", error: null });
    }
    await recordUndatedPeriod(db);
  });
  http = await startHttpServer({ db, connection: database() }, 0, "127.0.0.1");
  base = `http://127.0.0.1:${http.port}`;
  userDataDir = mkdtempSync(join(tmpdir(), "pricewar-chromium-"));
  // A chromium that cannot start fails the whole file here: no skip.
  browser = await timed("launch", () =>
    chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 } }),
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await http?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  console.info(`dashboard test timings (ms): ${JSON.stringify(timings)}`);
});

/** A page that records console errors, uncaught exceptions and failed requests. */
async function openPage(url: string, allowErrors: RegExp[] = []): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const record = (text: string) => {
    if (!allowErrors.some((pattern) => pattern.test(text))) errors.push(text);
  };
  page.on("console", (message) => {
    if (message.type() === "error") record(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => record(`pageerror: ${error.message}`));
  page.on("requestfailed", (request) => record(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15_000 });
  return { page, errors };
}

interface PanelReport {
  state: string | undefined;
  points: number;
  message: string | null;
  canvas: { width: number; height: number; visible: boolean; chartPoints: number; firstLabel: string | null } | null;
  rows: number;
}

/** What a panel shows, including what Chart.js itself reports for its canvas. */
function panelReport(page: Page, id: string): Promise<PanelReport> {
  return page.evaluate((panelId) => {
    const panel = document.getElementById(panelId)!;
    const canvas = panel.querySelector("canvas");
    const empty = panel.querySelector<HTMLElement>("[data-role=empty]");
    const chartJs = (window as unknown as { Chart: { getChart(canvas: HTMLCanvasElement): { data: { labels?: unknown[]; datasets: Array<{ data: unknown[] }> } } | undefined } }).Chart;
    const chart = canvas ? chartJs.getChart(canvas) : undefined;
    const box = canvas?.getBoundingClientRect();
    return {
      state: panel.dataset.state,
      points: Number(panel.dataset.points ?? "0"),
      message: empty && !empty.hidden ? empty.textContent : null,
      canvas:
        canvas && box
          ? {
              width: box.width,
              height: box.height,
              visible: canvas.checkVisibility(),
              chartPoints: chart ? chart.data.datasets.reduce((sum, set) => sum + set.data.filter((value) => value !== null).length, 0) : 0,
              firstLabel: chart?.data.labels?.length ? String(chart.data.labels[0]) : null,
            }
          : null,
      rows: panel.querySelectorAll("tbody tr").length,
    };
  }, id);
}

async function waitSettled(page: Page, id: string): Promise<PanelReport> {
  await page.waitForSelector(`#${id}:not([data-state=loading])`, { timeout: 10_000 });
  return panelReport(page, id);
}

describe("dashboard in chromium", () => {
  it("draws every chart and table from the API, with no console error, and saves a screenshot", async () => {
    const { page, errors } = await timed("page load", () => openPage(`${base}/`));
    expect(await page.title()).toMatch(/pricewar/);

    for (const id of CHART_PANELS) {
      const report = await panelReport(page, id);
      expect(report, id).toMatchObject({ state: "ready", message: null });
      expect(report.points, id).toBeGreaterThan(0);
      expect(report.canvas?.visible, id).toBe(true);
      expect(report.canvas?.width, id).toBeGreaterThan(100);
      expect(report.canvas?.height, id).toBeGreaterThan(100);
      expect(report.canvas?.chartPoints, id).toBe(report.points);
    }
    for (const id of TABLE_PANELS) {
      const report = await panelReport(page, id);
      expect(report, id).toMatchObject({ state: "ready", message: null });
      expect(report.rows, id).toBe(report.points);
      expect(report.rows, id).toBeGreaterThan(0);
    }
    // The newest changes come from the second OpenRouter payload; the source table shows the runs.
    const changes = await page.locator("#changes tbody tr").first().innerText();
    expect(changes).toContain("2026-03-04");
    expect(changes).toContain("openrouter");
    const litellm = await page.locator("#sources tbody tr", { hasText: "litellm" }).first().innerText();
    expect(litellm).toMatch(/succeeded/);
    expect(litellm).toContain("528");
    expect(await page.locator("#spread [data-role=caption]").innerText()).toContain("meta/llama-3.3-70b-instruct");

    // Every dated chart starts at the data's first date: the price index at the month-end of
    // the first snapshot (not at the undated period's placeholder start), the others no earlier.
    expect((await panelReport(page, "index")).canvas?.firstLabel).toBe("2024-11-30");
    expect(await page.locator("#index [data-role=caption]").innerText()).toContain("from 2024-11-30");
    for (const id of ["capability", "spread"] as const) {
      const first = (await panelReport(page, id)).canvas?.firstLabel;
      expect(first, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(first! >= FIRST_DATE, `${id} starts at ${first}`).toBe(true);
    }

    mkdirSync(resolve("test-results"), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("switches task, chart measure and model from the controls, and says 'no data yet' for an unknown model", async () => {
    // The spread of an unknown model answers 404: chromium logs that resource as a console error.
    const { page, errors } = await openPage(`${base}/`, [/status of 404/]);

    await page.selectOption("#pareto select[name=task]", "coding");
    const coding = await waitSettled(page, "pareto");
    // Only Aider scores coding here: the ability fit still places the priced models, with wide intervals
    // (the empty state is the next test's).
    expect(coding).toMatchObject({ state: "ready", message: null, canvas: { visible: true } });
    expect(coding.points).toBeGreaterThan(0);

    await page.selectOption("#pareto select[name=task]", "chat");
    expect(await waitSettled(page, "pareto")).toMatchObject({ state: "ready", message: null, canvas: { visible: true } });

    await page.selectOption("#index select[name=measure]", "chained");
    const chained = await waitSettled(page, "index");
    expect(chained.state).toBe("ready");
    expect(chained.points).toBeGreaterThan(0);

    await page.fill("#spread input[name=model]", "mystery-9000");
    await page.click("#spread button[type=submit]");
    const unknown = await waitSettled(page, "spread");
    expect(unknown).toMatchObject({ state: "empty", canvas: { visible: false } });
    expect(unknown.message).toBe('No data yet: model "mystery-9000" not found: creator cannot be told from the name');

    // A name a source uses resolves to the canonical model.
    await page.fill("#spread input[name=model]", "gpt-4o");
    await page.click("#spread button[type=submit]");
    await page.waitForFunction(() => document.querySelector("#spread [data-role=caption]")?.textContent?.startsWith("openai/gpt-4o"));
    expect(await waitSettled(page, "spread")).toMatchObject({ state: "ready", message: null, canvas: { visible: true } });

    await page.selectOption("#changes select[name=direction]", "hike");
    await waitSettled(page, "changes");
    const directions = await page.locator("#changes tbody tr td:nth-child(5)").allInnerTexts();
    expect(directions.length).toBeGreaterThan(0);
    expect(new Set(directions)).toEqual(new Set(["hike"]));

    expect(errors).toEqual([]);
    await page.close();
  });

  it("on an empty database every chart says 'no data yet'", async () => {
    let empty: TestDatabase | undefined;
    let server: RunningServer | undefined;
    try {
      empty = await createTestDatabase();
      server = await startHttpServer({ db: empty.db, connection: empty }, 0, "127.0.0.1");
      // The unknown benchmark and model answer 404, which chromium logs.
      const { page, errors } = await openPage(`http://127.0.0.1:${server.port}/`, [/status of 404/]);
      for (const id of [...CHART_PANELS, "changes"]) {
        const report = await panelReport(page, id);
        expect(report.state, id).toBe("empty");
        expect(report.message, id).toMatch(/^No data yet/);
        if (report.canvas) expect(report.canvas.visible, id).toBe(false);
      }
      // Every registered source is listed, none has run.
      const sources = await panelReport(page, "sources");
      expect(sources.rows).toBe(SOURCES.length);
      expect(await page.locator("#sources [data-role=caption]").innerText()).toBe(`0 of ${SOURCES.length} sources have run.`);
      await page.screenshot({ path: resolve("test-results/dashboard-empty.png"), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await server?.close();
      await empty?.close();
    }
  });
});

describe("dashboard routes", () => {
  it("serves the page, its script and Chart.js's bundle; other paths still 404", async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<option value="coding">Coding</option>');
    for (const asset of ["/dashboard/app.js", "/dashboard/dashboard.css", "/dashboard/vendor/chart.umd.min.js"]) {
      const response = await fetch(`${base}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(html, asset).toContain(asset);
      expect((await response.text()).length, asset).toBeGreaterThan(100);
    }
    expect((await fetch(`${base}/dashboard/vendor/chart.umd.min.js`)).headers.get("content-type")).toMatch(/^text\/javascript/);
    for (const path of ["/nope", "/dashboard/../package.json", "/dashboard/handler.ts"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
    }
    expect((await fetch(`${base}/`, { method: "POST" })).status).toBe(405);
  });
});
