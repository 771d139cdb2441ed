/**
 * One genai-prices model -> its observations: one per dated price (validFrom/validTo from
 * the source's start dates) or one per time-of-day variant; what is not a chat token
 * price is skipped with the reason.
 */
import type { ModelHints, PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import type { ParseResult } from "../source.ts";
import { offPeakVariants } from "./off-peak.ts";
import type { PriceSet } from "./price-set.ts";
import { priceSchedule } from "./schedule.ts";
import type { GenaiModel } from "./schema.ts";
import { tokenPrice } from "./token-price.ts";

interface Offering {
  provider: string;
  model: GenaiModel;
}

function hintsOf(model: GenaiModel): ModelHints {
  const hints: ModelHints = {};
  if (model.name !== undefined) hints.displayName = model.name;
  if (model.context_window !== undefined) hints.contextWindow = model.context_window;
  return hints;
}

function observation(
  offering: Offering,
  variant: string,
  set: PriceSet,
  validity: { validFrom: string | null; validTo: string | null },
): PriceObservation {
  return {
    provider: offering.provider,
    model: offering.model.id,
    variant,
    region: "",
    currency: "USD",
    ...set,
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    hints: hintsOf(offering.model),
  };
}

export function modelObservations(offering: Offering, entryName: string): ParseResult<PriceObservation> {
  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  const schedule = priceSchedule(offering.model.prices);

  if (schedule.kind === "unsupported") {
    skipped.push({ name: entryName, reason: schedule.reason });
  } else if (schedule.kind === "dated") {
    for (const period of schedule.periods) {
      const priced = tokenPrice(offering.model, period.price);
      if (priced.kind === "skip") {
        const when = period.validFrom ? ` (price from ${period.validFrom})` : "";
        skipped.push({ name: entryName, reason: `${priced.reason}${when}` });
      } else {
        observations.push(observation(offering, priced.free ? "free" : "standard", priced.set, period));
      }
    }
  } else {
    const outside = tokenPrice(offering.model, schedule.outsideWindow);
    const inside = tokenPrice(offering.model, schedule.insideWindow);
    const variants =
      outside.kind === "skip" ? outside : inside.kind === "skip" ? inside : offPeakVariants(outside.set, inside.set);
    if ("reason" in variants) skipped.push({ name: entryName, reason: variants.reason });
    else {
      for (const { variant, set } of variants) {
        observations.push(observation(offering, variant, set, { validFrom: null, validTo: null }));
      }
    }
  }
  return { observations, skipped };
}
