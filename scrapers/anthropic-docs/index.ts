import { DAILY_UTC, type PriceSource } from "../source.ts";
import { ANTHROPIC_DOCS_SOURCE_ID } from "./errors.ts";
import { parseAnthropicDocs } from "./parse.ts";

export const anthropicDocsSource: PriceSource = {
  id: ANTHROPIC_DOCS_SOURCE_ID,
  kind: "price",
  description:
    "Anthropic's API docs pricing page (Markdown rendering; the HTML page parses too): standard, cache-write (5 min, 1 h), cache-hit, batch, long-context and fast-mode prices per model",
  // The Markdown twin of https://platform.claude.com/docs/en/about-claude/pricing: smaller and free of the Next.js payloads.
  urls: ["https://platform.claude.com/docs/en/about-claude/pricing.md"],
  format: "markdown",
  schedule: DAILY_UTC,
  authority: "first-party",
  fullSnapshot: true,
  replayPaths: [
    "pages/anthropic/docs.claude.com_en_docs_about-claude_pricing.md.2025-10-20.md",
    "pages/anthropic/platform.claude.com_docs_en_about-claude_pricing.2026-04-26.html",
    "pages/anthropic/platform.claude.com_docs_en_about-claude_pricing.md.2026-08-17.md",
  ],
  parse: parseAnthropicDocs,
};
