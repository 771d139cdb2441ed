/** Reads the pipe tables of the Markdown rendering (`pricing.md`) with their heading and the prose above them. */
import { normaliseSpace, type DocsTable } from "./docs-table.ts";

const HEADING = /^#{1,6}\s+(.*)$/;
const SEPARATOR_ROW = /^\|(\s*:?-+:?\s*\|)+$/;
const CODE_FENCE = /^(```|~~~)/;

export function readMarkdownTables(markdown: string): DocsTable[] {
  const lines = markdown.split(/\r?\n/).map((line) => line.trim());
  const tables: DocsTable[] = [];
  let heading = "";
  let context: string[] = [];
  let inCodeBlock = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (CODE_FENCE.test(line)) inCodeBlock = !inCodeBlock;
    if (inCodeBlock || CODE_FENCE.test(line)) continue;
    const headingMatch = HEADING.exec(line);
    if (headingMatch) {
      heading = markdownInlineText(headingMatch[1] ?? "");
      context = [];
    } else if (line.startsWith("|") && SEPARATOR_ROW.test(lines[index + 1] ?? "")) {
      const rows: string[][] = [];
      let rowIndex = index + 2;
      for (; lines[rowIndex]?.startsWith("|"); rowIndex++) rows.push(splitRow(lines[rowIndex] ?? ""));
      tables.push({ heading, context: context.join(" "), header: splitRow(line), rows });
      context = [];
      index = rowIndex - 1;
    } else if (line) {
      context.push(markdownInlineText(line));
    }
  }
  return tables;
}

function splitRow(line: string): string[] {
  return line
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "")
    .split(/(?<!\\)\|/)
    .map(markdownInlineText);
}

/**
 * The text a reader sees: `\$3` is "$3", `[text](url)` is "text", `<sup>1</sup>` footnote markers are dropped.
 * Link text and URL exclude brackets and parentheses: a line of thousands of "[" (a JSON body
 * fed in as Markdown) would otherwise make every match attempt scan to the end of the line.
 */
function markdownInlineText(markdown: string): string {
  return normaliseSpace(
    markdown
      .replace(/<sup>.*?<\/sup>/g, "")
      .replace(/\s*\(\[[^[\]]*\]\([^()]*\)\)/g, "")
      .replace(/\[([^[\]]*)\]\([^()]*\)/g, "$1")
      .replace(/\\([\\$|~*_[\]()])/g, "$1"),
  );
}
