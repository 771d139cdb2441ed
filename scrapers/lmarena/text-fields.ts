/** zod readers for the text cells of LMArena CSVs: ratings, vote counts, "+5/-4" intervals, dates. */
import { z } from "zod";
import { isoDateFromCompact } from "./as-of.ts";

export const numberText = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, "expected a number")
  .transform(Number);

/** "26019" or "26,019"; blank is unknown. */
export const voteCountText = z
  .string()
  .trim()
  .regex(/^(\d+|\d{1,3}(,\d{3})+)?$/, "expected a vote count")
  .transform((text) => (text === "" ? null : Number(text.replaceAll(",", ""))));

/** "+5/-4" (offsets above and below the rating); blank is unknown. */
export const plusMinusText = z
  .string()
  .trim()
  .regex(/^(\+\d+(\.\d+)?\/-\d+(\.\d+)?)?$/, 'expected an interval like "+5/-4"')
  .transform((text) => {
    if (text === "") return null;
    const [plus = "", minus = ""] = text.slice(1).split("/-");
    return { plus: Number(plus), minus: Number(minus) };
  });

/** "20250326" -> "2025-03-26". */
export const compactDateText = z
  .string()
  .trim()
  .transform((text, context) => {
    const date = isoDateFromCompact(text);
    if (date !== null) return date;
    context.addIssue({ code: "custom", message: `expected a YYYYMMDD date, got "${text}"` });
    return z.NEVER;
  });
