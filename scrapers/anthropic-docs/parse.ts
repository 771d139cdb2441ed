/**
 * Parses the Claude docs pricing page, served both as HTML and as Markdown (the same URL
 * with `.md`). The format is detected from the body, so either URL (or a recorded copy of
 * either) can be fed in.
 */
import type { PriceObservation } from "../../src/domain/observation.ts";
import { PayloadError, singleDocument, type ParseResult, type PayloadDocument } from "../source.ts";
import { docsPriceObservations } from "./docs-prices.ts";
import { ANTHROPIC_DOCS_SOURCE_ID, DocsLayoutError } from "./errors.ts";
import { readHtmlTables } from "./read-html.ts";
import { readMarkdownTables } from "./read-markdown.ts";

export function parseAnthropicDocs(documents: readonly PayloadDocument[]): ParseResult<PriceObservation> {
  const document = singleDocument(ANTHROPIC_DOCS_SOURCE_ID, documents);
  try {
    const tables = looksLikeHtml(document.body) ? readHtmlTables(document.body) : readMarkdownTables(document.body);
    return { observations: docsPriceObservations(tables), skipped: [] };
  } catch (error) {
    if (error instanceof DocsLayoutError) throw new PayloadError(ANTHROPIC_DOCS_SOURCE_ID, error.message, document.name);
    throw error;
  }
}

function looksLikeHtml(body: string): boolean {
  return /^\s*(<!doctype html|<html)/i.test(body);
}
