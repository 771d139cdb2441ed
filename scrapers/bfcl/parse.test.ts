import { describe, expect, it } from "vitest";
import { scoreObservationSchema, type ScoreObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { bfclSource } from "./index.ts";
import { parseBfclTables } from "./parse.ts";
import { dateInDocumentName } from "./payload-date.ts";

const snapshot = (file: string): PayloadDocument => snapshotDocument("benchmarks", "bfcl", file);
const context = { observedAt: new Date("2026-02-01T10:00:00Z") };
const DECEMBER = ["data_overall", "data_non_live", "data_live", "data_multi_turn", "data_agentic"].map((stem) => snapshot(`${stem}.2025-12-16.ea03bc8.csv`));
const december = parseBfclTables(DECEMBER, context);

function score(observations: ScoreObservation[], benchmark: string, model: string): ScoreObservation {
  const matches = observations.filter((o) => o.benchmark === benchmark && o.model === model);
  expect(matches).toHaveLength(1);
  return matches[0]!;
}

describe("bfcl snapshots", () => {
  it.each([
    ["data_overall.2025-12-16.ea03bc8.csv", 436],
    ["data_overall.2025-06-14.a53acce.csv", 436],
    ["data_non_live.2025-12-16.ea03bc8.csv", 109],
    ["data_live.2025-12-16.ea03bc8.csv", 109],
    ["data_multi_turn.2025-12-16.ea03bc8.csv", 109],
    ["data_agentic.2025-12-16.ea03bc8.csv", 109],
  ])("%s alone: %i scores, none skipped", (file, count) => {
    const result = parseBfclTables([snapshot(file)], context);
    expect(result.observations).toHaveLength(count);
    expect(result.skipped).toEqual([]);
  });

  it("all five 2025-12-16 tables: each of the 109 models once per benchmark", () => {
    expect(december.observations).toHaveLength(5 * 109);
    expect(december.skipped).toEqual([]);
    for (const benchmark of bfclSource.benchmarks) {
      expect(december.observations.filter((o) => o.benchmark === benchmark.id)).toHaveLength(109);
    }
    for (const observation of december.observations) expect(scoreObservationSchema.parse(observation)).toEqual(observation);
  });

  it("reads accuracies, the evaluation mode, run cost, maker and license", () => {
    const opusFc = "Claude-Opus-4-5-20251101 (FC)";
    expect(score(december.observations, "bfcl-overall", opusFc)).toEqual({
      benchmark: "bfcl-overall",
      model: opusFc,
      setting: "FC",
      score: 77.47,
      scale: "percent",
      ciLower: null,
      ciUpper: null,
      votes: null,
      asOf: "2025-12-16",
      costUsd: "86.55",
      hints: { creator: "Anthropic", openWeights: false },
    });
    expect(score(december.observations, "bfcl-non-live", opusFc)).toMatchObject({ score: 88.58, costUsd: null });
    expect(score(december.observations, "bfcl-live", opusFc).score).toBe(79.79);
    expect(score(december.observations, "bfcl-multi-turn", opusFc).score).toBe(68.38);
    expect(score(december.observations, "bfcl-agentic", opusFc).score).toBe(79.13);
    expect(score(december.observations, "bfcl-overall", "Claude-Opus-4-5-20251101 (Prompt)")).toMatchObject({ setting: "Prompt", score: 33.47, costUsd: "88.33" });
    expect(score(december.observations, "bfcl-overall", "GLM-4.6 (FC thinking)")).toMatchObject({ setting: "FC thinking", score: 72.38, hints: { creator: "Zhipu AI", openWeights: true } });
    expect(score(december.observations, "bfcl-overall", "DeepSeek-V3.2-Exp (Prompt + Thinking)")).toMatchObject({ setting: "Prompt + Thinking", score: 56.73 });
    expect(score(december.observations, "bfcl-agentic", "o3-2025-04-16 (FC)").score).toBe(62.16);
  });

  it("keeps names without an evaluation mode, with no setting", () => {
    expect(score(december.observations, "bfcl-live", "BitAgent-Bounty-8B")).toMatchObject({ setting: null, score: 93.12 });
    expect(score(december.observations, "bfcl-agentic", "BitAgent-Bounty-8B").score).toBe(0.75);
  });

  it("reads the 2025-06-14 header by name and ignores its per-1k-calls cost", () => {
    const { observations } = parseBfclTables([snapshot("data_overall.2025-06-14.a53acce.csv")], context);
    expect(score(observations, "bfcl-overall", "xLAM-2-70b-fc-r (FC)")).toMatchObject({ score: 78.45, asOf: "2025-06-14", costUsd: null });
    expect(score(observations, "bfcl-overall", "GPT-4o-2024-11-20 (FC)")).toMatchObject({ score: 71.71, costUsd: null });
    expect(score(observations, "bfcl-multi-turn", "CoALM-405B")).toMatchObject({ setting: null, score: 28.88 });
  });

  it("dates a live fetch by the run, a recorded file by its name", () => {
    const live = bfclSource.parse([{ name: bfclSource.urls[2]!, body: DECEMBER[2]!.body }], context);
    expect(live.observations[0]).toMatchObject({ benchmark: "bfcl-live", asOf: "2026-02-01" });
    expect(dateInDocumentName("benchmarks/bfcl/data_overall.2025-12-16.ea03bc8.csv")).toBe("2025-12-16");
    expect(dateInDocumentName("https://raw.githubusercontent.com/ShishirPatil/gorilla/gh-pages/data_overall.csv")).toBeNull();
    expect(dateInDocumentName("data_overall.2025-02-30.csv")).toBeNull();
  });
});

describe("bfcl payloads", () => {
  const overall = (body: string): PayloadDocument => ({ name: "data_overall.csv", body });
  const live = (body: string): PayloadDocument => ({ name: "data_live.csv", body });
  const header = "Rank,Overall Acc,Model,Non-Live AST Acc,Live Acc,Multi Turn Acc,Organization,License";
  const row = "1,50.00%,Some-Model (FC),60.00%,70.00%,N/A,Acme,Proprietary";

  it("skips a headline score written N/A", () => {
    const result = parseBfclTables([overall(`${header}\n${row}\n`)], context);
    expect(result.observations.map((o) => [o.benchmark, o.score])).toEqual([
      ["bfcl-overall", 50],
      ["bfcl-non-live", 60],
      ["bfcl-live", 70],
    ]);
    expect(result.skipped).toEqual([{ name: "Some-Model (FC) [bfcl-multi-turn]", reason: "no score (Multi Turn Acc is N/A)" }]);
  });

  it("rejects tables that disagree on a score they share", () => {
    const liveTable = live("Rank,Model,Live Overall Acc\n1,Some-Model (FC),71.00%\n");
    expect(() => parseBfclTables([liveTable, overall(`${header}\n${row}\n`)], context)).toThrow(
      /Some-Model \(FC\): bfcl-live is 70 in data_overall but 71 in data_live/,
    );
  });

  it.each([
    ["invalid CSV", `${header}\n1,"50.00%,Some-Model\n`, /invalid CSV/],
    ["an empty file", "", /empty file/],
    ["a header with no rows", `${header}\n`, /header but no rows/],
    ["a renamed column", `${header.replace("Overall Acc", "Overall Accuracy")}\n${row}\n`, /missing column "Overall Acc"/],
    ["an HTML page", "<!DOCTYPE html>\n<html><body>Checking your browser</body></html>\n", /missing column/],
    ["an accuracy without its percent sign", `${header}\n${row.replace("50.00%", "50.00")}\n`, /row 1, column "Overall Acc": expected a percentage such as 77.47% or N\/A, found "50.00"/],
  ])("rejects %s", (_, body, message) => {
    expect(() => parseBfclTables([overall(body)], context)).toThrow(PayloadError);
    expect(() => parseBfclTables([overall(body)], context)).toThrow(message);
  });

  it("needs at least one BFCL table, and one version of each", () => {
    expect(() => parseBfclTables([{ name: "PROVENANCE.md", body: "" }], context)).toThrow(/no BFCL table/);
    expect(() => parseBfclTables([snapshot("data_overall.2025-12-16.ea03bc8.csv"), snapshot("data_overall.2025-06-14.a53acce.csv")], context)).toThrow(
      /two data_overall tables/,
    );
  });
});
