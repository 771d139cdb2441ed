import { describe, expect, it } from "vitest";
import { scoreObservationSchema, type ScoreObservation } from "../../src/domain/observation.ts";
import { snapshotFolderDocuments } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { tau2BenchSource } from "./index.ts";
import { SUBMISSIONS_URL } from "./benchmarks.ts";
import { MANIFEST_URL, submissionUrls } from "./manifest.ts";
import { parseTau2Submissions } from "./parse.ts";

const folder = snapshotFolderDocuments("benchmarks", "tau2-bench");
const parsed = parseTau2Submissions(folder);

function scores(benchmark: string, model: string): ScoreObservation[] {
  return parsed.observations.filter((o) => o.benchmark === benchmark && o.model === model);
}

function only(benchmark: string, model: string): ScoreObservation {
  const matches = scores(benchmark, model);
  expect(matches).toHaveLength(1);
  return matches[0]!;
}

describe("tau2-bench snapshot folder", () => {
  it("67 submission folders: 128 scores from 54 submissions, 13 skipped", () => {
    expect(parsed.observations).toHaveLength(128);
    expect(parsed.skipped).toHaveLength(13);
    const counts: Record<string, number> = {};
    for (const { benchmark } of parsed.observations) counts[benchmark] = (counts[benchmark] ?? 0) + 1;
    expect(counts).toEqual({
      "tau2-retail": 8,
      "tau2-airline": 8,
      "tau2-telecom": 8,
      "tau2-banking-knowledge": 27,
      "tau2-voice-retail": 12,
      "tau2-voice-airline": 12,
      "tau2-voice-telecom": 12,
      "tau2-legacy-retail": 15,
      "tau2-legacy-airline": 15,
      "tau2-legacy-telecom": 11,
    });
    for (const observation of parsed.observations) expect(scoreObservationSchema.parse(observation)).toEqual(observation);
  });

  it("reads pass^1 per domain with the reasoning effort, and retrieval for banking, as setting", () => {
    expect(only("tau2-airline", "Claude Opus 4.5")).toEqual({
      benchmark: "tau2-airline",
      model: "Claude Opus 4.5",
      setting: "high",
      score: 84,
      scale: "percent",
      ciLower: null,
      ciUpper: null,
      votes: null,
      asOf: "2026-02-26",
      costUsd: null,
      hints: { creator: "Anthropic", releaseDate: "2025-11-24" },
    });
    expect(only("tau2-retail", "Claude Opus 4.5").score).toBe(79.61);
    expect(only("tau2-banking-knowledge", "Claude Opus 4.5")).toMatchObject({ setting: "high, retrieval: alltools", score: 24.74 });
    expect(only("tau2-banking-knowledge", "Qwen 3.8 Max")).toMatchObject({ setting: "xhigh, retrieval: alltools", score: 55.154639175257735, asOf: "2026-08-04" });
    expect(only("tau2-banking-knowledge", "GLM-5")).toMatchObject({ setting: "enabled, retrieval: text-emb-3-large", score: 9.79, hints: { creator: "Zhipu AI" } });
  });

  it("tells apart two submissions of one model by reasoning effort", () => {
    expect(scores("tau2-retail", "GPT-5.2").map((o) => [o.setting, o.score])).toEqual([
      ["none", 75],
      ["high", 81.58],
    ]);
  });

  it("keeps legacy v1 and voice results on their own benchmarks", () => {
    expect(only("tau2-legacy-retail", "Claude-Sonnet-4.5")).toMatchObject({ setting: null, score: 86.2, asOf: "2025-09-29" });
    expect(only("tau2-retail", "Claude Sonnet 4.5")).toMatchObject({ setting: "enabled", score: 72.37 });
    expect(only("tau2-voice-retail", "gpt-realtime-1.5")).toMatchObject({ setting: null, score: 44.7, asOf: "2026-03-03" });
    expect(scores("tau2-voice-airline", "gpt-realtime-2").map((o) => [o.setting, o.score])).toEqual([
      ["minimal", 56.00000000000001],
      ["xhigh", 57.99999999999999],
    ]);
  });

  it("emits nothing for a domain reported as null", () => {
    expect(scores("tau2-legacy-telecom", "Claude Opus 4.1")).toEqual([]);
    expect(only("tau2-legacy-retail", "Claude Opus 4.1").score).toBe(82.4);
  });

  it("never dates a score before the model's release", () => {
    expect(only("tau2-legacy-retail", "Qwen3-Max")).toMatchObject({ score: 72.2, asOf: "2025-09-23" });
  });

  it("skips examples, unlisted folders, custom agent systems and cascaded pipelines", () => {
    const reasons = new Map(parsed.skipped.map((entry) => [entry.name, entry.reason]));
    expect(reasons.get("A_EXAMPLE_new-model_example-org_2025-01-15")).toMatch(/^not listed in manifest.json/);
    expect(reasons.get("qwen3-max_qwen_2025-10-30")).toMatch(/^not listed in manifest.json/);
    expect(reasons.get("Distyl ButtonAgent (distyl-buttonagent_distyl_2026-03-25)")).toMatch(/^custom submission/);
    expect(reasons.get("grok-voice-think-fast-1.0 + tool-mentor (grok-voice-think-fast-1-0-tool-mentor_pickle_2026-07-07)")).toMatch(/^custom submission/);
    expect(reasons.get("Nemotron-Orchestrator-8B (toolorchestra_nvidia_2025-12-02)")).toMatch(/^custom submission/);
    expect(reasons.get("Cascaded baseline (livekit-cascaded_livekit_2026-05-19)")).toMatch(/^cascaded voice pipeline/);
    expect(parsed.observations.some((o) => o.model === "Example-Model-v2.0" || o.model === "Distyl ButtonAgent")).toBe(false);
  });

  it("derives the submission URLs of a live run from the manifest", () => {
    const manifest = folder.find((document) => document.name === "manifest.json")!;
    const urls = submissionUrls(manifest);
    expect(urls).toHaveLength(64);
    expect(urls[0]).toBe(
      "https://raw.githubusercontent.com/sierra-research/tau2-bench/main/web/leaderboard/public/submissions/claude-opus-4-5_sierra_2026-02-26/submission.json",
    );
    expect(tau2BenchSource.urls).toEqual([MANIFEST_URL]);
    // A live run names each document by its URL.
    const live = folder.map((document) =>
      document.name === "manifest.json" || document.name.startsWith("submissions/")
        ? { ...document, name: `${SUBMISSIONS_URL}/${document.name.replace(/^submissions\//, "")}` }
        : document,
    );
    const result = tau2BenchSource.parse(live, { observedAt: new Date() });
    expect([result.observations.length, result.skipped.length]).toEqual([128, 13]);
  });
});

describe("tau2-bench payloads", () => {
  const manifest = (submissions: string[]): PayloadDocument => ({ name: "manifest.json", body: JSON.stringify({ submissions }) });
  const submission = (dir: string, fields: Record<string, unknown>): PayloadDocument => ({
    name: `submissions/${dir}/submission.json`,
    body: JSON.stringify({
      model_name: "Model-X",
      model_organization: "Acme",
      submission_date: "2026-01-02",
      results: { retail: { pass_1: 50 } },
      ...fields,
    }),
  });

  it("reads a minimal submission", () => {
    const result = parseTau2Submissions([manifest(["x_acme_2026-01-02"]), submission("x_acme_2026-01-02", {})]);
    expect(result.observations).toMatchObject([{ benchmark: "tau2-retail", model: "Model-X", setting: null, score: 50, asOf: "2026-01-02", hints: { creator: "Acme" } }]);
  });

  it("skips a domain outside the catalogue and a submission with no score", () => {
    const result = parseTau2Submissions([
      manifest(["a", "b"]),
      submission("a", { results: { healthcare: { pass_1: 40 } } }),
      submission("b", { results: { retail: { pass_1: null }, airline: null } }),
    ]);
    expect(result.observations).toEqual([]);
    expect(result.skipped).toEqual([
      { name: "Model-X (a) healthcare", reason: "no text healthcare benchmark in the catalogue" },
      { name: "Model-X (b)", reason: "no pass^1 score in any domain" },
    ]);
  });

  it.each([
    ["no manifest", [submission("a", {})], /no manifest.json/],
    ["an empty manifest file", [{ name: "manifest.json", body: "" }], /invalid JSON/],
    ["a manifest without submissions", [{ name: "manifest.json", body: "{}" }], /not a leaderboard manifest: submissions/],
    ["a manifest that lists nothing", [manifest([])], /lists no submissions/],
    ["a folder listed twice", [manifest(["a", "a"])], /a is listed twice/],
    ["a listed submission that was not fetched", [manifest(["a", "b"]), submission("a", {})], /1 submission\(s\) whose submission.json is not in the payload: b/],
    ["invalid JSON in a submission", [manifest(["a"]), { name: "submissions/a/submission.json", body: "{" }], /invalid JSON/],
    ["a submission without model_name", [manifest(["a"]), submission("a", { model_name: undefined })], /not a leaderboard submission: model_name/],
    ["a score above 100", [manifest(["a"]), submission("a", { results: { retail: { pass_1: 101 } } })], /results.retail.pass_1/],
    ["a submission read twice", [manifest(["a"]), submission("a", {}), submission("a", {})], /a\/submission.json appears twice/],
  ])("rejects %s", (_, documents, message) => {
    expect(() => parseTau2Submissions(documents)).toThrow(PayloadError);
    expect(() => parseTau2Submissions(documents)).toThrow(message);
  });
});
