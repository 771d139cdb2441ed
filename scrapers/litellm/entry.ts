/**
 * One LiteLLM entry (`"<key>": {litellm_provider, mode, *_cost_per_token, ...}`) to its
 * observations: the standard price and any batch / priority / flex price, each with its
 * long-context tiers; or to skipped entries with the reason.
 */
import { z } from "zod";
import type { ModelHints, PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError } from "../source.ts";
import { nonTextEntryReason, otherUnitCostFields } from "./classify.ts";
import { readTokenPriceFields, type VariantPrices } from "./priceFields.ts";
import { litellmNativeId } from "./native-id.ts";
import { litellmProviderId, regionOf } from "./seller.ts";
import { LITELLM_SOURCE_ID } from "./sourceId.ts";
import { readTieredPricing } from "./tieredPricing.ts";
import { observationVariant } from "./key-variant.ts";

const entrySchema = z.looseObject({
  litellm_provider: z.string().optional(),
  mode: z.string().optional(),
  max_input_tokens: z.unknown().optional(),
  max_output_tokens: z.unknown().optional(),
  tiered_pricing: z.unknown().optional(),
});

type Entry = z.infer<typeof entrySchema>;

export interface EntryOutcome {
  observations: PriceObservation[];
  skipped: SkippedEntry[];
}

export function readEntry(key: string, raw: unknown): EntryOutcome {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) {
    throw new PayloadError(LITELLM_SOURCE_ID, `entry "${key}" is not a model entry: ${z.prettifyError(parsed.error)}`);
  }
  const entry = parsed.data;
  const notText = nonTextEntryReason(key, entry.mode);
  if (notText) return skippedOnly(key, notText);
  if (entry.litellm_provider === undefined) return skippedOnly(key, "no litellm_provider: the seller is unknown");

  const variants = readTokenPriceFields(key, entry);
  if (entry.tiered_pricing !== undefined) variants.set("standard", readTieredPricing(key, entry.tiered_pricing));
  const standard = variants.get("standard");
  const unpriced = standardPriceProblem(key, entry, standard);
  if (unpriced) return skippedOnly(key, unpriced);

  const provider = litellmProviderId(entry.litellm_provider);
  const region = regionOf(key, provider);
  const hints = hintsOf(entry);
  const nativeId = litellmNativeId(key, entry.litellm_provider);
  const outcome: EntryOutcome = { observations: [], skipped: [] };
  for (const [variant, prices] of variants) {
    const { input, output } = prices.base;
    if (input === undefined || output === undefined) {
      outcome.skipped.push({ name: `${key} [${variant}]`, reason: `${variant} price incomplete: ${input === undefined ? "no input" : "no output"} price` });
      continue;
    }
    outcome.observations.push(toObservation({ key, nativeId, provider, region, variant: observationVariant(key, variant), prices, input, output, hints }));
  }
  return outcome;
}

/**
 * Why the entry has no usable standard text-token price, or null when it has one. An input
 * price without an output price (or the reverse) is a broken entry unless the other side
 * is priced in another unit (an image-output or video-input model).
 */
function standardPriceProblem(key: string, entry: Entry, standard: VariantPrices | undefined): string | null {
  const input = standard?.base.input;
  const output = standard?.base.output;
  // A negative price is passed on as written: the integrity gate rejects that entry and keeps
  // its offering's price, which another key of the same offering may then not move either.
  if (input !== undefined && output !== undefined) return null;
  if (input === undefined && output === undefined) {
    const otherUnits = otherUnitCostFields(entry);
    return otherUnits.length > 0 ? `no per-token price; priced by ${otherUnits.join(", ")}` : "no price stated";
  }
  const missingSide = input === undefined ? "input" : "output";
  const otherUnits = otherUnitCostFields(entry, missingSide);
  if (otherUnits.length === 0) {
    throw new PayloadError(LITELLM_SOURCE_ID, `entry "${key}" has an ${missingSide === "input" ? "output" : "input"} price but no ${missingSide} price`);
  }
  return `${missingSide} priced by ${otherUnits.join(", ")}, not per text token`;
}

interface ObservationParts {
  key: string;
  nativeId: string;
  provider: string;
  region: string;
  variant: string;
  prices: VariantPrices;
  input: string;
  output: string;
  hints: ModelHints;
}

function toObservation({ key, nativeId, provider, region, variant, prices, input, output, hints }: ObservationParts): PriceObservation {
  return {
    provider,
    model: key,
    nativeId,
    variant,
    region,
    currency: "USD",
    input,
    output,
    cacheRead: prices.base.cacheRead ?? null,
    cacheWrite: prices.base.cacheWrite ?? null,
    cacheWrite1h: prices.base.cacheWrite1h ?? null,
    // A tier has no 1-hour cache-write slot: `cache_creation_input_token_cost_above_1hr_above_200k_tokens` is not kept.
    tiers: [...prices.tiers]
      .sort(([a], [b]) => a - b)
      .map(([minInputTokens, tier]) => ({
        minInputTokens,
        input: tier.input ?? null,
        output: tier.output ?? null,
        cacheRead: tier.cacheRead ?? null,
        cacheWrite: tier.cacheWrite ?? null,
      })),
    hints,
  };
}

/** LiteLLM's `max_tokens` is ambiguous (output limit for some entries, context for others), so only the explicit limits are read. */
function hintsOf(entry: Entry): ModelHints {
  return {
    contextWindow: positiveInteger(entry.max_input_tokens),
    maxOutputTokens: positiveInteger(entry.max_output_tokens),
  };
}

function positiveInteger(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : null;
}

function skippedOnly(name: string, reason: string): EntryOutcome {
  return { observations: [], skipped: [{ name, reason }] };
}
