/**
 * Some props cells are HTML: `{"__pricingHtml": "$0.60<br /><small>Web search tool call charges also apply.</small>"}`
 * or `"gpt-3.5-turbo<br /><small>Legacy</small>"`. The value is the main text, without the small print.
 */
import { loadHtml } from "../lib/load-html.ts";

export function pricingHtmlMainText(html: string): string {
  const fragment = loadHtml(html, false);
  fragment("small").remove();
  return fragment.root().text().replace(/\s+/g, " ").trim();
}
