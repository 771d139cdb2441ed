/**
 * One table of the docs pricing page, in the same shape whichever rendering (HTML or
 * Markdown) it was read from, so the pricing logic reads both versions of the page alike.
 * Cells hold the displayed text: links unwrapped, footnote markers dropped, and a status
 * note written as a link in parentheses ("Claude Opus 3 ([deprecated](...))") removed,
 * because it annotates the model and is not part of its name.
 */
export interface DocsTable {
  /** The nearest heading above the table. */
  heading: string;
  /** The prose between that heading (or the previous table) and this table: it names the models of tables without a Model column. */
  context: string;
  header: string[];
  rows: string[][];
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
