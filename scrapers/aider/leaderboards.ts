/**
 * Aider's three leaderboards. Each lives in its own YAML file under the site's _data
 * folder; the file tells which benchmark a row belongs to and which field the site ranks
 * by (polyglot and edit show pass_rate_2, the pass rate after a second attempt; the
 * refactor board only has pass_rate_1).
 */
import type { BenchmarkDefinition } from "../source.ts";

export const AIDER_SOURCE_ID = "aider";

const DATA_URL = "https://raw.githubusercontent.com/Aider-AI/aider/main/aider/website/_data";

export interface AiderLeaderboard {
  /** File name stem, e.g. "polyglot_leaderboard" for polyglot_leaderboard.yml. */
  fileStem: string;
  url: string;
  scoreField: "pass_rate_1" | "pass_rate_2";
  benchmark: BenchmarkDefinition;
}

export const aiderLeaderboards: readonly AiderLeaderboard[] = [
  {
    fileStem: "polyglot_leaderboard",
    url: `${DATA_URL}/polyglot_leaderboard.yml`,
    scoreField: "pass_rate_2",
    benchmark: {
      id: "aider-polyglot",
      name: "Aider polyglot",
      scale: "percent",
      higherIsBetter: true,
      description:
        "225 hard Exercism exercises in C++, Go, Java, JavaScript, Python and Rust, edited through aider; percent solved after a second attempt.",
      url: "https://aider.chat/docs/leaderboards/",
    },
  },
  {
    fileStem: "edit_leaderboard",
    url: `${DATA_URL}/edit_leaderboard.yml`,
    scoreField: "pass_rate_2",
    benchmark: {
      id: "aider-edit",
      name: "Aider code editing",
      scale: "percent",
      higherIsBetter: true,
      description:
        "133 small Python Exercism exercises edited through aider (the retired board, replaced by polyglot); percent solved after a second attempt.",
      url: "https://aider.chat/docs/leaderboards/edit.html",
    },
  },
  {
    fileStem: "refactor_leaderboard",
    url: `${DATA_URL}/refactor_leaderboard.yml`,
    scoreField: "pass_rate_1",
    benchmark: {
      id: "aider-refactor",
      name: "Aider refactoring",
      scale: "percent",
      higherIsBetter: true,
      description: "89 large methods of large Python classes to refactor without skipping code; percent completed correctly.",
      url: "https://aider.chat/docs/leaderboards/refactor.html",
    },
  },
];

/** The leaderboard a document holds, from its file name (a URL or a dated snapshot name), or null. */
export function leaderboardOfDocument(documentName: string): AiderLeaderboard | null {
  const fileName = documentName.split(/[?#]/)[0]?.split("/").pop() ?? "";
  return aiderLeaderboards.find((board) => fileName.startsWith(`${board.fileStem}.`)) ?? null;
}
