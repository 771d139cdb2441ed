import { describe, expect, it } from "vitest";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError } from "../source.ts";
import { epochAiSource } from "./index.ts";

const FILE = "benchmarks/epoch-ai/epoch_capabilities_index.2026-02-22.7ad858c.csv";
const context = { observedAt: new Date("2026-12-01T00:00:00Z") };
const parse = () => epochAiSource.parse([snapshotDocument(FILE)], context);

describe("epoch-ai (Epoch Capabilities Index)", () => {
  it("reads every scored row of the 513 and skips the 248 without a score, on one dated fit", () => {
    const { observations, skipped } = parse();
    expect(observations).toHaveLength(265);
    expect(skipped).toHaveLength(248);
    expect(skipped.every((entry) => /no ECI score in the fit of 2026-02-22/.test(entry.reason))).toBe(true);
    expect(new Set(observations.map((observation) => observation.benchmark))).toEqual(new Set(["epoch-eci-2026-02-22"]));
    expect(epochAiSource.benchmarks.map((benchmark) => benchmark.id)).toEqual(["epoch-eci-2026-02-22"]);
  });

  it("keeps the scores, names with their setting suffix, and the row's facts as read off the file", () => {
    const { observations } = parse();
    const byModel = new Map(observations.map((observation) => [observation.model, observation]));
    expect(byModel.get("gemini-3-pro-preview")).toMatchObject({ score: 154.2233541294733, scale: "index", asOf: "2026-02-22", hints: { releaseDate: "2025-11-18", creator: "Google DeepMind" } });
    expect(byModel.get("gpt-5.2-2025-12-11_high")).toMatchObject({ score: 152.86253512778333, hints: { displayName: "GPT-5.2 (high)" } });
    expect(Math.max(...observations.map((observation) => observation.score))).toBe(154.2233541294733);
    // Dirty keys are trimmed ("Llama-2-70b-hf " in the file).
    expect(observations.every((observation) => observation.model === observation.model.trim())).toBe(true);
  });

  it("fails a file that lost its score column, naming the file", () => {
    const broken = { name: "epoch_capabilities_index.csv", body: "Model version,Release date,Organization\ngpt-5,2025-08-07,OpenAI\n" };
    expect(() => epochAiSource.parse([broken], context)).toThrow(PayloadError);
    expect(() => epochAiSource.parse([broken], context)).toThrow(/missing expected columns: ECI Score/);
  });
});
