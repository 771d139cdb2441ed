/**
 * Input pieces shared by several procedures, so every endpoint spells them the same way,
 * each with its bound: an unbounded range or list is an unbounded answer (an open
 * `cutsPerMonth` range from year 0 to 9999 was 120,000 months, 7.7 MB).
 */
import { z } from "zod";

/** No recorded price predates 2000; a monthly series from 2000 to 2100 is 1,212 points. */
export const EARLIEST_DATE = new Date("2000-01-01T00:00:00Z");
export const LATEST_DATE = new Date("2100-12-31T23:59:59.999Z");

export const isoDateInput = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value))
  .refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, "dates must lie between 2000-01-01 and 2100-12-31")
  .describe("ISO date (YYYY-MM-DD) or date-time, between 2000-01-01 and 2100-12-31");

export const modelInput = z.string().min(1).describe("canonical model id (e.g. openai/gpt-4o) or any name a source uses");
export const currencyInput = z.enum(["USD", "CNY", "EUR"]);
export const limitInput = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);
/** A list parameter (sellers, variants): at most `max` names. */
export const nameListInput = (max = 50) => z.array(z.string().min(1)).min(1).max(max);
