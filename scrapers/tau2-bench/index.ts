import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { TAU2_SOURCE_ID, tau2Benchmarks } from "./benchmarks.ts";
import { MANIFEST_URL } from "./manifest.ts";
import { parseTau2Submissions } from "./parse.ts";

export const tau2BenchSource: BenchmarkSource = {
  id: TAU2_SOURCE_ID,
  kind: "benchmark",
  description:
    "τ²-bench leaderboard (taubench.com): manifest.json and the submission.json of each listed folder. A run must also fetch the URLs submissionUrls() derives from the manifest.",
  urls: [MANIFEST_URL],
  format: "json",
  schedule: DAILY_UTC,
  replayPaths: ["benchmarks/tau2-bench"],
  benchmarks: tau2Benchmarks,
  parse: parseTau2Submissions,
};
