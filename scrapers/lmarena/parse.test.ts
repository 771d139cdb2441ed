import { beforeAll, describe, expect, it } from "vitest";
import { scoreObservationSchema, type ScoreObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import type { ParseResult } from "../source.ts";
import { parseLmarena } from "./parse.ts";

const FOLDER = ["benchmarks", "lmarena"] as const;
const context = { observedAt: new Date("2026-08-01T12:00:00Z") };

/** Every recorded file, with the observations and skipped entries it yields on its own. */
const EXPECTED_COUNTS: Record<string, { observations: number; skipped: number }> = {
  "arena-catalog.leaderboard-text-style-control.2025-03-17.a8eed0c.json": { observations: 1671, skipped: 0 },
  "arena-catalog.leaderboard-text-style-control.2025-05-24.209556b.json": { observations: 4436, skipped: 0 },
  "arena-catalog.leaderboard-text-style-control.2025-12-17.3b12b7f.json": { observations: 7462, skipped: 0 },
  "arena-catalog.leaderboard-text.2025-12-11.ea8297b.json": { observations: 7461, skipped: 0 },
  "arena-catalog.scatterplot-data.2025-12-17.a7ae862.json": { observations: 0, skipped: 141 },
  "fboulnois.lmarena_text.v2025.08.04.e964e25.csv": { observations: 265, skipped: 1 },
  "fboulnois.lmsys.2024-06-19.3792cf0.csv": { observations: 109, skipped: 0 },
  "fboulnois.lmsys.v2024.08.14.907d196.csv": { observations: 128, skipped: 0 },
  "fboulnois.lmsys.v2025.01.16.4fcabce.csv": { observations: 187, skipped: 0 },
  "fboulnois.lmsys.v2025.04.24.20e2eef.csv": { observations: 191, skipped: 0 },
  "jasontrigg0.alltime.2025-03-26.8862846.csv": { observations: 13338, skipped: 96 },
  "jasontrigg0.key_to_model.8862846.csv": { observations: 0, skipped: 13 },
  "nirvaxstiel.arena_code.2026-07-04.a499f62.json": { observations: 44, skipped: 6 },
  "nirvaxstiel.arena_text.2026-07-04.a499f62.json": { observations: 30, skipped: 0 },
};

const results = new Map<string, ParseResult<ScoreObservation>>();

beforeAll(() => {
  for (const file of Object.keys(EXPECTED_COUNTS)) {
    results.set(file, parseLmarena([snapshotDocument(...FOLDER, file)], context));
  }
});

function resultOf(file: string): ParseResult<ScoreObservation> {
  const result = results.get(file);
  if (!result) throw new Error(`${file} was not parsed`);
  return result;
}

function find(file: string, benchmark: string, model: string, asOf?: string): ScoreObservation {
  const matches = resultOf(file).observations.filter(
    (observation) => observation.benchmark === benchmark && observation.model === model && (asOf === undefined || observation.asOf === asOf),
  );
  expect(matches, `${benchmark} ${model} ${asOf ?? ""} in ${file}`).toHaveLength(1);
  return matches[0] as ScoreObservation;
}

describe("every recorded LMArena file", () => {
  it.each(Object.entries(EXPECTED_COUNTS))("%s parses with the expected counts", (file, expected) => {
    const result = resultOf(file);
    expect(result.observations).toHaveLength(expected.observations);
    expect(result.skipped).toHaveLength(expected.skipped);
    for (const observation of result.observations) expect(scoreObservationSchema.parse(observation)).toEqual(observation);
  });
});

describe("fboulnois CSVs (raw rating, date from the file name)", () => {
  it("reads the 2025-04-24 rating of Claude 3.5 Sonnet (20241022) with its +3/-2 interval, votes and hints", () => {
    expect(find("fboulnois.lmsys.v2025.04.24.20e2eef.csv", "lmarena-text", "Claude 3.5 Sonnet (20241022)")).toEqual({
      benchmark: "lmarena-text",
      model: "Claude 3.5 Sonnet (20241022)",
      setting: null,
      score: 1283,
      scale: "elo",
      ciLower: 1281,
      ciUpper: 1286,
      votes: 65174,
      asOf: "2025-04-24",
      costUsd: null,
      hints: { displayName: "Claude 3.5 Sonnet (20241022)", creator: "Anthropic", openWeights: false },
    });
  });

  it("reads the 2024-06-19 file, whose score column is still arena_elo", () => {
    const gpt4o = find("fboulnois.lmsys.2024-06-19.3792cf0.csv", "lmarena-text", "GPT-4o-2024-05-13");
    expect([gpt4o.score, gpt4o.ciLower, gpt4o.ciUpper, gpt4o.votes, gpt4o.asOf]).toEqual([1287, 1284, 1290, 42046, "2024-06-19"]);
  });

  it("reads the lmarena_text v2025.08.04 file and keeps open-weight licences as hints", () => {
    const glm = find("fboulnois.lmarena_text.v2025.08.04.e964e25.csv", "lmarena-text", "GLM-4.5");
    expect([glm.score, glm.ciLower, glm.ciUpper, glm.votes, glm.asOf]).toEqual([1434, 1425, 1443, 4112, "2025-08-04"]);
    expect(glm.hints).toEqual({ displayName: "GLM-4.5", creator: "Z.ai", openWeights: true });
  });

  it("skips the repeated Yi-34B-Chat row of 2025-08-04 and keeps one", () => {
    const result = resultOf("fboulnois.lmarena_text.v2025.08.04.e964e25.csv");
    expect(result.skipped).toEqual([{ name: "Yi-34B-Chat", reason: expect.stringContaining("repeated row") }]);
    expect(find("fboulnois.lmarena_text.v2025.08.04.e964e25.csv", "lmarena-text", "Yi-34B-Chat").score).toBe(1134);
  });
});

describe("arena-catalog JSON (per-category ratings with 95% quantiles)", () => {
  const styleControl = "arena-catalog.leaderboard-text-style-control.2025-12-17.3b12b7f.json";
  const raw = "arena-catalog.leaderboard-text.2025-12-11.ea8297b.json";

  it("reads a coding rating from the style-control file", () => {
    const opus = find(styleControl, "lmarena-text-style-control-coding", "claude-opus-4-5-20251101-thinking-32k");
    expect(opus).toMatchObject({ score: 1538.2049212548282, ciLower: 1524.4694481939966, ciUpper: 1551.9403943156597, votes: null, asOf: "2025-12-17" });
  });

  it("reads the legal and medical industry categories", () => {
    expect(find(styleControl, "lmarena-text-style-control-legal", "claude-opus-4-5-20251101-thinking-32k").score).toBe(1478.8403681465975);
    expect(find(raw, "lmarena-text-legal", "gemini-3-pro")).toMatchObject({
      score: 1492.805813397903,
      ciLower: 1473.8113749720465,
      ciUpper: 1511.8002518237595,
      asOf: "2025-12-11",
    });
    expect(find(styleControl, "lmarena-text-style-control-medical", "gemini-3-pro").score).toBe(1529.3258972450556);
  });

  it("tells the raw board from style control by the file name", () => {
    expect(find(raw, "lmarena-text", "claude-3-5-sonnet-20241022").score).toBe(1298.4713263412832);
    expect(find(raw, "lmarena-text-coding", "gemini-3-pro").score).toBe(1486.391701071574);
    expect(resultOf(raw).observations.some((observation) => observation.benchmark.startsWith("lmarena-text-style-control"))).toBe(false);
  });

  it("shows the documented scale drift of one model across style-control snapshots", () => {
    const ratings = [
      ["arena-catalog.leaderboard-text-style-control.2025-03-17.a8eed0c.json", "2025-03-17"],
      ["arena-catalog.leaderboard-text-style-control.2025-05-24.209556b.json", "2025-05-24"],
      [styleControl, "2025-12-17"],
    ].map(([file = "", asOf]) => Math.round(find(file, "lmarena-text-style-control", "claude-3-5-sonnet-20241022", asOf).score * 10) / 10);
    expect(ratings).toEqual([1285.4, 1345.5, 1372.7]);
  });

  it("maps all 29 categories of 2025-12 to benchmark ids, and only 8 in 2025-03", () => {
    const benchmarksOf = (file: string) => new Set(resultOf(file).observations.map((observation) => observation.benchmark));
    expect(benchmarksOf(styleControl).size).toBe(29);
    expect(benchmarksOf("arena-catalog.leaderboard-text-style-control.2025-03-17.a8eed0c.json")).toEqual(
      new Set(["coding", "creative-writing", "", "hard-prompts", "instruction-following", "long-query", "math", "multi-turn"].map((suffix) =>
        suffix === "" ? "lmarena-text-style-control" : `lmarena-text-style-control-${suffix}`,
      )),
    );
  });

  it("lists the scatterplot-data entries as skipped name metadata", () => {
    const skipped = resultOf("arena-catalog.scatterplot-data.2025-12-17.a7ae862.json").skipped;
    expect(skipped[0]).toEqual({ name: "chatgpt-4o-latest-20241120", reason: expect.stringContaining("no rating") });
  });
});

describe("jasontrigg0 alltime time series", () => {
  const alltime = "jasontrigg0.alltime.2025-03-26.8862846.csv";

  it("gives every dated rating its own asOf, named by the LMArena key", () => {
    const series = resultOf(alltime).observations.filter((observation) => observation.model === "gemini-exp-1206");
    expect(series).toHaveLength(29);
    expect(series[0]).toMatchObject({ asOf: "2024-12-05", score: 1379.38160842967 });
    expect(series.at(-1)).toMatchObject({ asOf: "2025-03-26", score: 1373.3251607053444 });
    expect(find(alltime, "lmarena-text", "gemini-exp-1206", "2025-01-15")).toMatchObject({
      score: 1373.7231773717144,
      ciLower: null,
      votes: null,
      hints: { displayName: "Gemini-Exp-1206", creator: "Google", openWeights: false },
    });
  });

  it("covers 105 dates from 2023-05-08 to 2025-03-26", () => {
    const dates = [...new Set(resultOf(alltime).observations.map((observation) => observation.asOf))].sort();
    expect([dates.length, dates[0], dates.at(-1)]).toEqual([105, "2023-05-08", "2025-03-26"]);
  });

  it("keeps the display name as a hint, and none for keys that never had one", () => {
    expect(find(alltime, "lmarena-text", "late-june-chatbot").hints.displayName).toBe("Gemma 2 (testing)");
    expect(find(alltime, "lmarena-text", "o1-mini", "2024-09-17").hints.displayName).toBeNull();
  });

  it("skips the 96 repeated Yi-34B-Chat rows", () => {
    const names = new Set(resultOf(alltime).skipped.map((entry) => entry.name));
    expect(names).toEqual(new Set(["yi-34b-chat"]));
  });
});

describe("third-party top-N JSON (arena.ai text and code, 2026-07)", () => {
  it("reads the text board as style control, dated by fetched_at", () => {
    expect(find("nirvaxstiel.arena_text.2026-07-04.a499f62.json", "lmarena-text-style-control", "claude-opus-4-6-thinking")).toMatchObject({
      score: 1504,
      ciLower: 1500,
      ciUpper: 1508,
      votes: 55102,
      asOf: "2026-07-04",
      hints: { creator: "Anthropic", openWeights: false },
    });
  });

  it("reads the code board dated by last_updated and skips harness runs", () => {
    const file = "nirvaxstiel.arena_code.2026-07-04.a499f62.json";
    expect(find(file, "lmarena-code", "glm-5.2 (max)")).toMatchObject({ score: 1584, ciLower: 1572, ciUpper: 1596, votes: 3015, asOf: "2026-07-01" });
    expect(find(file, "lmarena-code", "glm-5.2 (max)").hints.openWeights).toBe(true);
    expect(resultOf(file).skipped.map((entry) => entry.name)).toContain("gpt-5.5-xhigh (codex-harness)");
  });
});
