/**
 * The LMArena benchmark catalogue and the mapping from arena-catalog category keys to
 * benchmark ids. Each leaderboard (raw text, style-controlled text, code) and each of
 * its categories is its own benchmark: ratings are only comparable within one.
 *
 * Raw ("lmarena-text…") is the plain Bradley-Terry rating; style control
 * ("lmarena-text-style-control…") discounts answer length and markdown, and has been the
 * default view on arena.ai since 2025. Ratings drift between snapshots (the scale was
 * renormalised in 2025-11), so compare ranks or gaps within one date, not across dates.
 */
import type { BenchmarkDefinition } from "../source.ts";

interface ArenaCategory {
  /** The key in arena-catalog leaderboard files. */
  key: string;
  /** Suffix of our benchmark id ("" for the overall board). */
  idSuffix: string;
  label: string;
  about: string;
  /** The category's path segment on arena.ai, where it has a page. */
  siteSlug: string | null;
}

const industry = (key: string, idSuffix: string, label: string): ArenaCategory => ({
  key: `industry_${key}`,
  idSuffix,
  label,
  about: `Prompts LMArena classifies under the ${label} occupational field (arena-catalog "industry_${key}").`,
  siteSlug: `industry-${key.replaceAll("_", "-")}`,
});

const language = (key: string, label: string): ArenaCategory => ({
  key,
  idSuffix: key,
  label,
  about: `Conversations in ${label}.`,
  siteSlug: key,
});

/** Every category found in the recorded arena-catalog files (2025-03 to 2025-12). */
export const ARENA_TEXT_CATEGORIES: readonly ArenaCategory[] = [
  { key: "full", idSuffix: "", label: "Overall", about: "All text battles.", siteSlug: "overall" },
  { key: "coding", idSuffix: "coding", label: "Coding", about: "Prompts that involve code.", siteSlug: "coding" },
  { key: "math", idSuffix: "math", label: "Math", about: "Math prompts.", siteSlug: "math" },
  { key: "creative_writing", idSuffix: "creative-writing", label: "Creative writing", about: "Creative-writing prompts.", siteSlug: "creative-writing" },
  { key: "if", idSuffix: "instruction-following", label: "Instruction following", about: "Prompts with explicit instructions to follow.", siteSlug: "instruction-following" },
  { key: "hard_6", idSuffix: "hard-prompts", label: "Hard prompts", about: "Prompts meeting at least 6 of LMArena's hardness criteria.", siteSlug: "hard-prompts" },
  { key: "hard_english_6", idSuffix: "hard-prompts-english", label: "Hard prompts (English)", about: "Hard prompts restricted to English.", siteSlug: "hard-prompts-english" },
  { key: "long_user", idSuffix: "long-query", label: "Longer query", about: "Long user prompts (LMArena's long-query category).", siteSlug: "longer-query" },
  { key: "multiturn", idSuffix: "multi-turn", label: "Multi-turn", about: "Conversations with more than one turn.", siteSlug: "multi-turn" },
  { key: "expert", idSuffix: "expert", label: "Expert", about: "Prompts LMArena rates as expert-level.", siteSlug: "expert" },
  { key: "no_tie", idSuffix: "exclude-ties", label: "Excluding ties", about: "All battles except ties.", siteSlug: "exclude-ties" },
  { key: "no_short", idSuffix: "exclude-short-query", label: "Excluding short queries", about: "All battles except very short prompts.", siteSlug: null },
  { key: "no_refusal", idSuffix: "exclude-refusal", label: "Excluding refusals", about: "All battles where no model refused.", siteSlug: null },
  language("english", "English"),
  language("chinese", "Chinese"),
  language("french", "French"),
  language("german", "German"),
  language("japanese", "Japanese"),
  language("korean", "Korean"),
  language("russian", "Russian"),
  language("spanish", "Spanish"),
  industry("legal_and_government", "legal", "Legal and government"),
  industry("medicine_and_healthcare", "medical", "Medicine and healthcare"),
  industry("software_and_it_services", "software-it", "Software and IT services"),
  industry("business_and_management_and_financial_operations", "business-finance", "Business, management and financial operations"),
  industry("entertainment_and_sports_and_media", "entertainment-media", "Entertainment, sports and media"),
  industry("life_and_physical_and_social_science", "science", "Life, physical and social science"),
  industry("writing_and_literature_and_language", "writing-literature", "Writing, literature and language"),
  industry("mathematical", "mathematical", "Mathematical occupations"),
];

export type TextLeaderboard = "raw" | "style-control";

const TEXT_LEADERBOARDS: Record<TextLeaderboard, { idPrefix: string; name: string; about: string }> = {
  raw: {
    idPrefix: "lmarena-text",
    name: "LMArena Text",
    about: "Raw Bradley-Terry (Elo-scale) rating from blind pairwise human votes, without style control.",
  },
  "style-control": {
    idPrefix: "lmarena-text-style-control",
    name: "LMArena Text (style control)",
    about: "Bradley-Terry (Elo-scale) rating from blind pairwise human votes, controlled for answer length and markdown (arena.ai's default view).",
  },
};

const ARENA_SITE = "https://arena.ai/leaderboard";

function textLeaderboardUrl(leaderboard: TextLeaderboard, category: ArenaCategory): string {
  if (category.siteSlug === null) return `${ARENA_SITE}/text`;
  // arena.ai serves style control at /text/<slug> and the raw board at /text/<slug>-no-style-control.
  return leaderboard === "style-control"
    ? `${ARENA_SITE}/text/${category.siteSlug}`
    : `${ARENA_SITE}/text/${category.siteSlug}-no-style-control`;
}

function textBenchmarkId(leaderboard: TextLeaderboard, category: ArenaCategory): string {
  const { idPrefix } = TEXT_LEADERBOARDS[leaderboard];
  return category.idSuffix === "" ? idPrefix : `${idPrefix}-${category.idSuffix}`;
}

function textBenchmark(leaderboard: TextLeaderboard, category: ArenaCategory): BenchmarkDefinition {
  const board = TEXT_LEADERBOARDS[leaderboard];
  return {
    id: textBenchmarkId(leaderboard, category),
    name: category.key === "full" ? board.name : `${board.name}: ${category.label}`,
    scale: "elo",
    higherIsBetter: true,
    description: `${board.about} ${category.about}`,
    url: textLeaderboardUrl(leaderboard, category),
  };
}

/** The overall boards: "lmarena-text" (raw) and "lmarena-text-style-control". */
export const LMARENA_TEXT_BENCHMARK_ID = TEXT_LEADERBOARDS.raw.idPrefix;
export const LMARENA_TEXT_STYLE_CONTROL_BENCHMARK_ID = TEXT_LEADERBOARDS["style-control"].idPrefix;
export const LMARENA_CODE_BENCHMARK_ID = "lmarena-code";

const CODE_BENCHMARK: BenchmarkDefinition = {
  id: LMARENA_CODE_BENCHMARK_ID,
  name: "LMArena Code Arena",
  scale: "elo",
  higherIsBetter: true,
  description:
    "Bradley-Terry (Elo-scale) rating from pairwise human votes on apps and sites the models build in LMArena's Code Arena (successor of WebDev Arena).",
  url: `${ARENA_SITE}/code`,
};

export const LMARENA_BENCHMARKS: readonly BenchmarkDefinition[] = [
  ...(["raw", "style-control"] as const).flatMap((leaderboard) =>
    ARENA_TEXT_CATEGORIES.map((category) => textBenchmark(leaderboard, category)),
  ),
  CODE_BENCHMARK,
];

/** The benchmark id of an arena-catalog category, or undefined for a category we have not catalogued. */
export function textBenchmarkIdForCategory(leaderboard: TextLeaderboard, categoryKey: string): string | undefined {
  const category = ARENA_TEXT_CATEGORIES.find((candidate) => candidate.key === categoryKey);
  return category ? textBenchmarkId(leaderboard, category) : undefined;
}
