/**
 * One line of a usage log, as JSONL objects or CSV rows give it. CSV cells are strings,
 * so numbers and dates are coerced; an empty cell counts as absent. Token fields follow
 * the Anthropic convention: `input_tokens` are the uncached prompt tokens, cache reads and
 * cache writes are counted apart (the prompt size for long-context tiers is their sum).
 */
import { z } from "zod";

const emptyAsAbsent = (value: unknown) => (value === "" || value === null ? undefined : value);
const tokens = z.preprocess(emptyAsAbsent, z.coerce.number().int("must be a whole number of tokens").nonnegative().max(1e12));
const optionalTokens = z.preprocess(emptyAsAbsent, z.coerce.number().int("must be a whole number of tokens").nonnegative().max(1e12).default(0));
const name = z.string().trim().min(1).max(500);

export const USAGE_VARIANTS = ["standard", "batch", "flex", "priority"] as const;

export const usageLineSchema = z.object({
  timestamp: z.preprocess(
    (value) => {
      // Unix time in seconds or milliseconds, as a number or (CSV) digits.
      const unix = typeof value === "number" ? value : typeof value === "string" && /^\d{9,13}(\.\d+)?$/.test(value.trim()) ? Number(value) : null;
      if (unix !== null) return new Date(unix < 1e11 ? unix * 1000 : unix);
      return typeof value === "string" && value !== "" ? new Date(value) : value;
    },
    z.date({ error: "must be an ISO date-time or a Unix time" }).refine((date) => !Number.isNaN(date.getTime()), "must be an ISO date-time or a Unix time"),
  ),
  model: name,
  seller: z.preprocess(emptyAsAbsent, name.toLowerCase().optional()),
  input_tokens: tokens,
  output_tokens: tokens,
  cached_input_tokens: optionalTokens,
  cache_write_tokens: optionalTokens,
  variant: z.preprocess(emptyAsAbsent, z.enum(USAGE_VARIANTS).default("standard")),
  task: z.preprocess(emptyAsAbsent, name.optional()),
});

export type UsageLine = z.infer<typeof usageLineSchema>;

/** The prompt size a seller compares with its long-context thresholds. */
export function promptTokens(line: Pick<UsageLine, "input_tokens" | "cached_input_tokens" | "cache_write_tokens">): number {
  return line.input_tokens + line.cached_input_tokens + line.cache_write_tokens;
}
