/**
 * Reads one "Paid Tier" cell of the Gemini pricing tables. The cell holds one priced line
 * per <br>: flat ("$2.50"), by modality ("$0.30 (text / image / video)" then "$1.00 (audio)"),
 * by prompt size ("$2.00, prompts <= 200k tokens" then "$4.00, prompts > 200k"), per unit
 * ("$0.039 per image*") or storage ("$4.50 / 1,000,000 tokens per hour (storage price)"),
 * plus unpriced notes ("Same as Standard, ...", "Equivalent to $0.045 per 0.5K image").
 */
import { perMillion, type DecimalString } from "../../src/domain/money.ts";
import { PayloadError } from "../source.ts";
import { GEMINI_PRICING_SOURCE_ID } from "./source-id.ts";

export interface LongContextPrice {
  minInputTokens: number;
  amount: DecimalString;
}

export type PaidCell =
  | { kind: "not-available" }
  /** Priced per image, second, minute...: not a token price. */
  | { kind: "per-unit"; unit: string }
  | { kind: "token"; base: DecimalString; longContext: LongContextPrice[] };

type PromptBand = { kind: "up-to" | "above"; tokens: number } | null;

type PricedLine =
  | { use: "storage" }
  | { use: "per-unit"; unit: string }
  | { use: "token"; amount: DecimalString; textModality: boolean; band: PromptBand };

const PRICED_LINE = /^\$(\d[\d,]*(?:\.\d+)?)(.*)$/s;
const UP_TO = /prompts\s*<=\s*(\d+(?:\.\d+)?)\s*k\b/i;
const ABOVE = /prompts\s*>\s*(\d+(?:\.\d+)?)\s*k\b/i;

function thousands(raw: string, line: string, context: string): number {
  const tokens = Number(raw) * 1000;
  if (!Number.isInteger(tokens)) throw new PayloadError(GEMINI_PRICING_SOURCE_ID, `${context}: unreadable prompt threshold in "${line}"`);
  return tokens;
}

function promptBand(rest: string, line: string, context: string): PromptBand {
  const upTo = UP_TO.exec(rest);
  if (upTo?.[1]) return { kind: "up-to", tokens: thousands(upTo[1], line, context) };
  const above = ABOVE.exec(rest);
  if (above?.[1]) return { kind: "above", tokens: thousands(above[1], line, context) };
  return null;
}

/** "(text / image / video)", "(text and thinking)" or no modality at all price text tokens; "(audio)", "(images)" do not. */
function isTextModality(rest: string): boolean {
  const groups = [...rest.matchAll(/\(([^)]*)\)/g)].map((match) => match[1] ?? "");
  return groups.length === 0 || groups.some((group) => /\btext\b/i.test(group));
}

function readLine(line: string, context: string): PricedLine | null {
  const match = PRICED_LINE.exec(line);
  if (!match) return null;
  const digits = match[1] ?? "";
  const rest = match[2] ?? "";
  if (/per hour|storage/i.test(rest)) return { use: "storage" };
  if (/^\s*(per\b|\/\s*(min|sec))/i.test(rest)) return { use: "per-unit", unit: rest.replace(/\*/g, "").trim() };
  return {
    use: "token",
    amount: perMillion(digits.replace(/,/g, "")),
    textModality: isTextModality(rest),
    band: promptBand(rest, line, context),
  };
}

/**
 * The text-token price of a cell. The text line is the price (audio/image input lines are
 * not); a cell with a single non-text token line (TTS output "$10.00 (audio)") prices that
 * modality alone, so it is the price.
 */
export function readPaidCell(lines: readonly string[], context: string): PaidCell {
  const fail = (why: string): never => {
    throw new PayloadError(GEMINI_PRICING_SOURCE_ID, `${context}: ${why} in paid cell "${lines.join(" | ")}"`);
  };
  const priced = lines.map((line) => readLine(line, context)).filter((line) => line !== null);
  const tokenLines = priced.filter((line) => line.use === "token");
  if (tokenLines.length === 0) {
    const perUnit = priced.find((line) => line.use === "per-unit");
    if (perUnit) return { kind: "per-unit", unit: perUnit.unit };
    if (lines.length > 0 && lines.every((line) => /^not available\b/i.test(line))) return { kind: "not-available" };
    return fail("no price found");
  }
  const textLines = tokenLines.filter((line) => line.textModality);
  const candidates = textLines.length > 0 ? textLines : tokenLines;
  const baseLines = candidates.filter((line) => line.band?.kind !== "above");
  const [base, ...extraBases] = baseLines;
  if (!base || extraBases.length > 0) return fail("expected exactly one text-token base price");
  const longContext = candidates
    .filter((line) => line.band?.kind === "above")
    .map((line) => ({ minInputTokens: line.band?.tokens ?? 0, amount: line.amount }));
  const upTo = base.band?.kind === "up-to" ? base.band.tokens : null;
  if (upTo !== null && !longContext.some((tier) => tier.minInputTokens === upTo)) {
    return fail(`price for prompts up to ${upTo} tokens without a price above it`);
  }
  return { kind: "token", base: base.amount, longContext };
}
