/**
 * The API does not state which Intelligence Index version its three indices are on, yet
 * each version re-bases them: o3-mini (same AA id) is 62.9 in the documented v2 example
 * and 19 in the 2026-07 responses. The version is told from the evaluation keys the
 * response carries:
 * - v2 (February 2025): exactly the three indices and the seven v2 evaluations (MMLU-Pro,
 *   GPQA, HLE, LiveCodeBench, SciCode, MATH-500, AIME), as in the documented example.
 * - v4.1 (announced 2026-06-16): it replaced Terminal-Bench Hard and τ²-Bench Telecom with
 *   Terminal-Bench 2.1 and τ³-Banking, which appear as `terminalbench_v2_1` and
 *   `tau_banking`. Both 2026-07 responses carry them, and their top scores match the v4.1
 *   announcement (Claude Opus 4.8 max 55.7, GPT-5.5 xhigh 54.8).
 * Any other key set (v3 and v4.0 both expose terminalbench_hard and tau2 only, so they
 * cannot be told apart) fails the run rather than be filed under the wrong scale. Limit:
 * a later re-base that adds no evaluation key would still read as v4.1; the parser's
 * refusal of unknown keys (parse.ts) catches the re-bases that add one.
 */
import { PayloadError, type PayloadDocument } from "../source.ts";
import { INDEX_VERSIONS, type IndexVersion } from "./benchmarks.ts";
import { AA_SOURCE_ID } from "./source-id.ts";

const V2_KEYS = [
  "artificial_analysis_intelligence_index",
  "artificial_analysis_coding_index",
  "artificial_analysis_math_index",
  "mmlu_pro",
  "gpqa",
  "hle",
  "livecodebench",
  "scicode",
  "math_500",
  "aime",
];

const V4_1_MARKERS = ["terminalbench_v2_1", "tau_banking"];

function version(suffix: IndexVersion["suffix"]): IndexVersion {
  const found = INDEX_VERSIONS.find((candidate) => candidate.suffix === suffix);
  if (!found) throw new Error(`index version ${suffix} is not in the catalogue`);
  return found;
}

export function identifyIndexVersion(evaluationKeys: ReadonlySet<string>, document: PayloadDocument): IndexVersion {
  if (V4_1_MARKERS.every((key) => evaluationKeys.has(key))) return version("v4-1");
  if (evaluationKeys.size === V2_KEYS.length && V2_KEYS.every((key) => evaluationKeys.has(key))) return version("v2");
  throw new PayloadError(
    AA_SOURCE_ID,
    `cannot tell the Intelligence Index version from the evaluation keys [${[...evaluationKeys].sort().join(", ")}]`,
    document.name,
  );
}
