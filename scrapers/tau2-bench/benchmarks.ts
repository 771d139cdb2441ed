/**
 * τ²-bench benchmark ids. The leaderboard's manifest sorts submissions into three
 * tracks whose scores are not comparable with each other: current text submissions
 * (retail, airline, telecom, and banking_knowledge, shown as τ³-Banking / τ-knowledge),
 * voice submissions (audio-native full-duplex agents, τ-voice), and legacy submissions
 * on the original v1 task set (before the airline and retail task fixes). Each track x
 * domain is its own benchmark; the score is pass^1, the leaderboard's default column.
 */
import type { BenchmarkDefinition } from "../source.ts";

export const TAU2_SOURCE_ID = "tau2-bench";

export const SUBMISSIONS_URL = "https://raw.githubusercontent.com/sierra-research/tau2-bench/main/web/leaderboard/public/submissions";

export type Tau2Track = "text" | "voice" | "legacy";

const LEADERBOARD_PAGE = "https://taubench.com/leaderboard";

const DOMAIN_TASKS: Record<string, string> = {
  retail: "retail customer service (order cancellations, returns, exchanges, address changes)",
  airline: "airline customer service (bookings, changes, cancellations, refunds, baggage)",
  telecom: "telecom technical support where the user also acts on their device",
  banking_knowledge: "banking customer service with retrieval over a ~700-document knowledge base",
};

const TRACKS: Record<Tau2Track, { idPrefix: string; namePrefix: string; setup: string; domains: readonly string[] }> = {
  text: {
    idPrefix: "tau2",
    namePrefix: "τ²-bench",
    setup: "text agent with the standard τ²-bench scaffold",
    domains: ["retail", "airline", "telecom", "banking_knowledge"],
  },
  voice: {
    idPrefix: "tau2-voice",
    namePrefix: "τ-voice",
    setup: "real-time full-duplex voice agent",
    domains: ["retail", "airline", "telecom"],
  },
  legacy: {
    idPrefix: "tau2-legacy",
    namePrefix: "τ²-bench legacy (v1 tasks)",
    setup: "text agent on the original v1 task set, not comparable with current submissions",
    domains: ["retail", "airline", "telecom"],
  },
};

function benchmarkId(track: Tau2Track, domain: string): string {
  return `${TRACKS[track].idPrefix}-${domain.replaceAll("_", "-")}`;
}

export const tau2Benchmarks: readonly BenchmarkDefinition[] = (Object.keys(TRACKS) as Tau2Track[]).flatMap((track) =>
  TRACKS[track].domains.map((domain) => ({
    id: benchmarkId(track, domain),
    name: `${TRACKS[track].namePrefix} ${domain.replaceAll("_", " ")}`,
    scale: "percent" as const,
    higherIsBetter: true,
    description: `Pass^1 (percent of tasks solved, averaged over trials) in ${DOMAIN_TASKS[domain]}; ${TRACKS[track].setup}.`,
    url: LEADERBOARD_PAGE,
  })),
);

/** The benchmark of a track's domain, or null when the catalogue has none (a new domain, voice banking). */
export function tau2BenchmarkId(track: Tau2Track, domain: string): string | null {
  return TRACKS[track].domains.includes(domain) ? benchmarkId(track, domain) : null;
}
