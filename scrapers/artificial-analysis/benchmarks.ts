/**
 * The Artificial Analysis evaluations, by their key in the API's `evaluations` object.
 * Single evaluations are 0-1 fractions and are kept as AA writes them (scale "fraction",
 * no float rescaling). The three indices are 0-100 composites whose scale changes with
 * every Intelligence Index version, so their benchmark id carries the version
 * (index-version.ts): "aa-intelligence-index-v4-1" is never one series with "...-v2".
 */
import type { BenchmarkDefinition } from "../source.ts";

const METHODOLOGY_URL = "https://artificialanalysis.ai/methodology/intelligence-benchmarking";

function fraction(id: string, name: string, description: string): BenchmarkDefinition {
  return { id, name, scale: "fraction", higherIsBetter: true, description, url: METHODOLOGY_URL };
}

export const FRACTION_EVALUATIONS: ReadonlyMap<string, BenchmarkDefinition> = new Map([
  ["mmlu_pro", fraction("aa-mmlu-pro", "MMLU-Pro (AA)", "MMLU-Pro knowledge and reasoning, as run by Artificial Analysis.")],
  ["gpqa", fraction("aa-gpqa", "GPQA Diamond (AA)", "GPQA Diamond graduate-level science questions, as run by Artificial Analysis.")],
  ["hle", fraction("aa-hle", "Humanity's Last Exam (AA)", "Humanity's Last Exam, as run by Artificial Analysis.")],
  ["livecodebench", fraction("aa-livecodebench", "LiveCodeBench (AA)", "LiveCodeBench code generation, as run by Artificial Analysis.")],
  ["scicode", fraction("aa-scicode", "SciCode (AA)", "SciCode scientific coding, as run by Artificial Analysis.")],
  ["math_500", fraction("aa-math-500", "MATH-500 (AA)", "MATH-500 competition maths, as run by Artificial Analysis.")],
  ["aime", fraction("aa-aime", "AIME (AA, legacy set)", "AA's original AIME evaluation (the `aime` key, from before AIME 2025).")],
  ["aime_25", fraction("aa-aime-25", "AIME 2025 (AA)", "AIME 2025 competition maths, as run by Artificial Analysis.")],
  ["ifbench", fraction("aa-ifbench", "IFBench (AA)", "IFBench instruction following, as run by Artificial Analysis.")],
  ["lcr", fraction("aa-lcr", "AA-LCR long context reasoning", "Artificial Analysis Long Context Reasoning (~100k-token documents).")],
  ["terminalbench_hard", fraction("aa-terminal-bench-hard", "Terminal-Bench Hard (AA)", "Terminal-Bench hard subset of agentic terminal tasks, as run by Artificial Analysis.")],
  ["terminalbench_v2_1", fraction("aa-terminal-bench-v2-1", "Terminal-Bench 2.1 (AA)", "Terminal-Bench 2.1 agentic terminal tasks, as run by Artificial Analysis.")],
  ["tau2", fraction("aa-tau2", "τ²-Bench Telecom (AA)", "τ²-Bench Telecom agentic tool use, as run by Artificial Analysis.")],
  ["tau_banking", fraction("aa-tau-banking", "τ³-Bench Banking (AA)", "τ³-Bench Banking agentic tool use, as run by Artificial Analysis.")],
]);

interface IndexEvaluation {
  baseId: string;
  name: string;
  description: string;
}

export const INDEX_EVALUATIONS: ReadonlyMap<string, IndexEvaluation> = new Map([
  ["artificial_analysis_intelligence_index", { baseId: "aa-intelligence-index", name: "AA Intelligence Index", description: "Artificial Analysis' weighted composite of its evaluations." }],
  ["artificial_analysis_coding_index", { baseId: "aa-coding-index", name: "AA Coding Index", description: "Artificial Analysis' composite of the coding evaluations in its Intelligence Index." }],
  ["artificial_analysis_math_index", { baseId: "aa-math-index", name: "AA Math Index", description: "Artificial Analysis' composite of the maths evaluations in its Intelligence Index." }],
]);

/** Index versions we can identify from a response (index-version.ts), as id suffix and label. */
export const INDEX_VERSIONS = [
  { suffix: "v2", label: "v2" },
  { suffix: "v4-1", label: "v4.1" },
] as const;

export type IndexVersion = (typeof INDEX_VERSIONS)[number];

export function indexBenchmarkId(index: IndexEvaluation, version: IndexVersion): string {
  return `${index.baseId}-${version.suffix}`;
}

export const AA_BENCHMARKS: readonly BenchmarkDefinition[] = [
  ...[...INDEX_EVALUATIONS.values()].flatMap((index) =>
    INDEX_VERSIONS.map((version) => ({
      id: indexBenchmarkId(index, version),
      name: `${index.name} ${version.label}`,
      scale: "index" as const,
      higherIsBetter: true,
      description: `${index.description} 0-100 on the index ${version.label} scale; not comparable with other versions.`,
      url: METHODOLOGY_URL,
    })),
  ),
  ...FRACTION_EVALUATIONS.values(),
];
