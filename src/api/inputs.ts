/** Input pieces shared by several procedures, so every endpoint spells them the same way. */
import { z } from "zod";

export const isoDateInput = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value))
  .describe("ISO date (YYYY-MM-DD) or date-time");

export const modelInput = z.string().min(1).describe("canonical model id (e.g. openai/gpt-4o) or any name a source uses");
export const currencyInput = z.enum(["USD", "CNY", "EUR"]);
export const limitInput = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);
