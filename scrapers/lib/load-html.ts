/**
 * cheerio.load with a bound on element nesting. cheerio's `.text()` and friends walk the
 * tree recursively, so a page nested thousands of elements deep (a broken or hostile
 * payload) would end the parse in "Maximum call stack size exceeded". Real pricing pages
 * nest a few dozen levels; browsers stop nesting at 512 (Blink's parser limit), so a
 * deeper page is refused here with a message that says so.
 */
import * as cheerio from "cheerio";

export const MAX_HTML_DEPTH = 512;

export class HtmlTooDeepError extends Error {
  override name = "HtmlTooDeepError";
}

/** cheerio.load(html, null, isDocument), refused when elements nest deeper than MAX_HTML_DEPTH. */
export function loadHtml(html: string, isDocument = true): cheerio.CheerioAPI {
  const $ = cheerio.load(html, null, isDocument);
  const depth = nestingDepth($.root()[0]!, MAX_HTML_DEPTH);
  if (depth > MAX_HTML_DEPTH) throw new HtmlTooDeepError(`HTML nested more than ${MAX_HTML_DEPTH} elements deep: not a page this parser can read`);
  return $;
}

/** Deepest level below `root` (a DOM node: nodes with children hold them in `children`), counted without recursion; stops once past `stopAfter`. */
export function nestingDepth(root: object, stopAfter = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<[node: object, depth: number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAfter) return deepest;
    const children = (node as { children?: unknown }).children;
    if (Array.isArray(children)) for (const child of children as object[]) stack.push([child, depth + 1]);
  }
  return deepest;
}
