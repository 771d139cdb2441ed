/** Schedules as data plus PRICEWAR_SCHEDULES overrides, cron intervals, staleness, the run limiter and deadline. */
import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { SOURCES, sourceById } from "../../scrapers/registry.ts";
import { ConfigError, loadEnv } from "../../src/config/env.ts";
import { isStale } from "../../src/domain/health.ts";
import { createLimiter } from "../../src/jobs/scheduler/limiter.ts";
import { abortable, RunTimeoutError } from "../../src/jobs/scheduler/run-deadline.ts";
import { cronIntervalMs, resolveSchedules } from "../../src/jobs/scheduler/schedules.ts";

const HOUR = 3_600_000;

describe("effective schedules", () => {
  it("keeps each source's own schedule without overrides", () => {
    const schedules = resolveSchedules(SOURCES);
    expect(schedules.map(({ source }) => source.id)).toEqual(SOURCES.map((source) => source.id));
    const openrouter = schedules.find(({ source }) => source.id === "openrouter")!;
    expect(openrouter).toMatchObject({ enabled: true, intervalMs: HOUR, source: { schedule: { cron: "7 * * * *", tz: "UTC", timeoutMs: 60_000, retries: 3 } } });
    expect(schedules.find(({ source }) => source.id === "lmarena")).toMatchObject({ enabled: true, intervalMs: 24 * HOUR });
  });

  it('applies "*" to every source and each source\'s own entry on top', () => {
    const { PRICEWAR_SCHEDULES } = loadEnv({
      PRICEWAR_SCHEDULES: JSON.stringify({ "*": { enabled: false, timeoutMs: 5_000 }, openrouter: { enabled: true, cron: "*/30 * * * *" }, lmarena: { tz: "Europe/Paris" } }),
    });
    const schedules = resolveSchedules(SOURCES, PRICEWAR_SCHEDULES);
    expect(schedules.filter(({ enabled }) => enabled).map(({ source }) => source.id)).toEqual(["openrouter"]);
    expect(schedules.find(({ source }) => source.id === "openrouter")).toMatchObject({
      intervalMs: HOUR / 2,
      source: { schedule: { cron: "*/30 * * * *", tz: "UTC", timeoutMs: 5_000, retries: 3 } },
    });
    expect(schedules.find(({ source }) => source.id === "lmarena")?.source.schedule).toEqual({ cron: "17 3 * * *", tz: "Europe/Paris", timeoutMs: 5_000, retries: 3 });
    // The definitions themselves are untouched.
    expect(SOURCES.find((source) => source.id === "openrouter")?.schedule.cron).toBe("7 * * * *");
  });

  it("names an unknown source id", () => {
    expect(() => resolveSchedules(SOURCES, { openruter: { enabled: false } })).toThrow(ConfigError);
    expect(() => resolveSchedules(SOURCES, { openruter: { enabled: false } })).toThrow(/PRICEWAR_SCHEDULES: unknown source "openruter" \(known sources: openrouter, litellm/);
  });

  it.each([
    ["not JSON", "{openrouter:", /PRICEWAR_SCHEDULES: not valid JSON/],
    ["a bad cron expression", '{"openrouter":{"cron":"61 * * * *"}}', /PRICEWAR_SCHEDULES: openrouter\.cron: not a valid cron expression: 61 is a invalid expression for minute/],
    ["an unknown time zone", '{"lmarena":{"tz":"Mars/Olympus"}}', /PRICEWAR_SCHEDULES: lmarena\.tz: not a known IANA time zone/],
    ["a misspelt field", '{"lmarena":{"enable":false}}', /PRICEWAR_SCHEDULES: lmarena: Unrecognized key: "enable"/],
    ["a negative timeout", '{"aider":{"timeoutMs":-1}}', /PRICEWAR_SCHEDULES: aider\.timeoutMs: /],
    ["a string where a boolean belongs", '{"aider":{"enabled":"no"}}', /PRICEWAR_SCHEDULES: aider\.enabled: /],
  ])("rejects %s in PRICEWAR_SCHEDULES, naming the source and field", (_case, value, message) => {
    expect(() => loadEnv({ PRICEWAR_SCHEDULES: value })).toThrow(message);
  });

  it("treats an empty PRICEWAR_SCHEDULES as unset", () => {
    expect(loadEnv({ PRICEWAR_SCHEDULES: " " }).PRICEWAR_SCHEDULES).toBeUndefined();
  });
});

describe("cron intervals and staleness", () => {
  it("measures the longest gap between runs", () => {
    expect(cronIntervalMs("17 3 * * *", "UTC")).toBe(24 * HOUR);
    expect(cronIntervalMs("*/30 * * * *", "UTC")).toBe(HOUR / 2);
    expect(cronIntervalMs("* * * * * *", "UTC")).toBe(1_000);
    expect(cronIntervalMs("0 9 * * 1-5", "Europe/Berlin")).toBe(72 * HOUR);
  });

  it("calls a source stale past twice its interval, or before any success", () => {
    const now = new Date("2026-01-10T12:00:00Z");
    expect(isStale(new Date("2026-01-09T12:00:00Z"), 24 * HOUR, now)).toBe(false);
    expect(isStale(new Date("2026-01-08T12:00:00Z"), 24 * HOUR, now)).toBe(false);
    expect(isStale(new Date("2026-01-08T11:59:59Z"), 24 * HOUR, now)).toBe(true);
    expect(isStale(null, 24 * HOUR, now)).toBe(true);
  });
});

describe("run limiter", () => {
  it("runs at most N tasks at once, in arrival order, and frees a slot on failure", async () => {
    const limiter = createLimiter(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      most = Math.max(most, ++running);
      await delay(20);
      running--;
      if (n === 1) throw new Error("boom");
      return n;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => limiter.run(task(n))));
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
  });
});

describe("run deadline", () => {
  it("rejects with the deadline's reason even when the loader ignores the signal", async () => {
    const controller = new AbortController();
    const never = abortable(() => new Promise(() => {}), controller.signal);
    setTimeout(() => controller.abort(new RunTimeoutError("aider", 50)), 50);
    await expect(never(sourceById("aider"))).rejects.toThrow("aider: run timed out after 50 ms (the source's timeoutMs)");
  });

  it("passes the documents through when loading is in time", async () => {
    const documents = [{ name: "a.json", body: "{}" }];
    await expect(abortable(async () => documents, new AbortController().signal)(sourceById("aider"))).resolves.toBe(documents);
  });
});
