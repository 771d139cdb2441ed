/** One API model card to one price observation: Input, Output, and the prompt-caching Write (5-minute) and Read prices. */
import { perMillion, type DecimalString } from "../../src/domain/money.ts";
import type { PriceObservation } from "../../src/domain/observation.ts";
import { CardLayoutError } from "./errors.ts";
import type { ApiCard } from "./read-cards.ts";

const FIELD_BY_LABEL = { input: "input", output: "output", write: "cacheWrite", read: "cacheRead" } as const;
type PriceField = (typeof FIELD_BY_LABEL)[keyof typeof FIELD_BY_LABEL];

export function cardObservation(card: ApiCard): PriceObservation {
  const prices: Partial<Record<PriceField, DecimalString>> = {};
  for (const row of card.rows) {
    // A row without an amount is a group heading ("Prompt caching").
    if (row.amount === undefined) continue;
    const field = FIELD_BY_LABEL[row.label.toLowerCase() as keyof typeof FIELD_BY_LABEL];
    if (!field) throw new CardLayoutError(`card "${card.name}": unknown price row "${row.label}"`);
    const shown = row.shown?.replace(/\s+/g, " ").trim();
    if (shown !== `$${row.amount} / MTok`) throw new CardLayoutError(`card "${card.name}" ${row.label}: expected "$${row.amount} / MTok", shown "${shown}"`);
    prices[field] = perMillion(row.amount);
  }
  if (prices.input === undefined || prices.output === undefined) {
    throw new CardLayoutError(`card "${card.name}": needs both an Input and an Output price`);
  }
  return {
    provider: "anthropic",
    model: card.name,
    variant: "standard",
    region: "",
    currency: "USD",
    input: prices.input,
    output: prices.output,
    cacheRead: prices.cacheRead ?? null,
    cacheWrite: prices.cacheWrite ?? null,
    cacheWrite1h: null,
    tiers: [],
    hints: { displayName: card.name, creator: "anthropic" },
  };
}
