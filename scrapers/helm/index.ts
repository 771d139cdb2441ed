/** Stanford HELM (Lite, Capabilities, Classic) scenario scores, as converted by EvalEval. */
import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { HELM_SCENARIOS } from "./benchmarks.ts";
import { eeeFileUrls, eeeTreeUrl } from "./eee.ts";
import { HELM_SOURCE_ID, parseHelm } from "./parse.ts";

export const helmSource: BenchmarkSource = {
  id: HELM_SOURCE_ID,
  kind: "benchmark",
  description:
    "Stanford HELM scenario scores (Lite: LegalBench, WMT14, NarrativeQA...; Capabilities: MMLU-Pro, GPQA, IFEval, WildBench, Omni-MATH; " +
    "Classic: summarisation, classification, grounded QA) from EvalEval's Every Eval Ever files, one per model and leaderboard.",
  urls: ["helm_lite", "helm_capabilities", "helm_classic"].map(eeeTreeUrl),
  followUrls: eeeFileUrls,
  format: "json",
  schedule: DAILY_UTC,
  replayPaths: [
    "benchmarks/helm/evaleval.helm_lite.2026-02-12.c6fc3e1",
    "benchmarks/helm/evaleval.helm_capabilities.2026-02-12.c6fc3e1",
    "benchmarks/helm/evaleval.helm_classic.2026-02-12.c6fc3e1",
  ],
  benchmarks: HELM_SCENARIOS.map((scenario) => scenario.definition),
  parse: parseHelm,
};
