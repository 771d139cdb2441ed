/**
 * The parts of a simonw/llm-prices `data/<vendor>.json` file this parser reads, checked with
 * zod. Amounts are USD per 1M tokens; dates are ISO days, null meaning open-ended.
 */
import { z } from "zod";

const amount = z.number().nonnegative();

const historyRowSchema = z.object({
  input: amount,
  output: amount,
  input_cached: amount.nullish(),
  from_date: z.iso.date().nullable(),
  to_date: z.iso.date().nullable(),
});

export const modelSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).optional(),
  price_history: z.array(historyRowSchema).min(1),
});

/** Models are checked one by one (see parse.ts) so an error names the model it is about. */
export const vendorFileSchema = z.object({
  vendor: z.string().min(1),
  models: z.array(z.unknown()).min(1, "no models"),
});

export const modelIdSchema = z.object({ id: z.string() });

export type HistoryRow = z.infer<typeof historyRowSchema>;
export type LlmPricesModel = z.infer<typeof modelSchema>;

