/**
 * Portkey's Google and BytePlus files encode long-context tiers in the key:
 * `gemini-2.5-pro-lte-128k` and `gemini-2.5-pro-gt-128k` are one model, and Portkey's gateway
 * picks the key from the prompt size. These are not model names, so they are folded back
 * into the model they price: the bare name's entry when the file has one, else the lowest
 * `-lte-` entry, gives the base price, and every `-gt-<N>k` entry becomes the tier above
 * N thousand input tokens of the offer with the same variant and region.
 */
import type { SkippedEntry } from "../../src/domain/observation.ts";
import type { Offer } from "./offers.ts";

const TIER_NAME = /^(.+)-(lte|gt)-(\d+)k$/;

interface TierNamedEntry {
  name: string;
  minInputTokens: number;
}

interface TierNameGroup {
  lte: TierNamedEntry[];
  gt: TierNamedEntry[];
}

export interface FoldedOffers {
  offersByModel: Map<string, Offer[]>;
  folded: SkippedEntry[];
}

export function foldContextTierNames(offersByName: ReadonlyMap<string, Offer[]>): FoldedOffers {
  const renamed = new Map<string, string>();
  const absorbed = new Set<string>();
  const rebuilt = new Map<string, Offer[]>();
  const folded: SkippedEntry[] = [];
  for (const [model, group] of tierNameGroups(offersByName.keys())) {
    const sortedLte = [...group.lte].sort((a, b) => a.minInputTokens - b.minInputTokens);
    const baseName = offersByName.has(model) ? model : sortedLte[0]?.name;
    const baseOffers = baseName === undefined ? undefined : offersByName.get(baseName);
    if (baseName === undefined || baseOffers === undefined) continue;
    const tieredOffers = baseOffers.map((offer) => ({ ...offer, tiers: [...offer.tiers] }));
    renamed.set(baseName, model);
    rebuilt.set(baseName, tieredOffers);
    for (const lte of sortedLte) {
      if (lte.name === baseName) continue;
      absorbed.add(lte.name);
      folded.push({ name: lte.name, reason: `tier up to ${lte.minInputTokens} input tokens of "${model}", whose base price comes from "${baseName}"` });
    }
    for (const gt of [...group.gt].sort((a, b) => a.minInputTokens - b.minInputTokens)) {
      absorbed.add(gt.name);
      folded.push({ name: gt.name, reason: `folded into "${model}" as its tier above ${gt.minInputTokens} input tokens` });
      for (const tierOffer of offersByName.get(gt.name) ?? []) {
        const base = tieredOffers.find((offer) => offer.variant === tierOffer.variant && offer.region === tierOffer.region);
        base?.tiers.push({ minInputTokens: gt.minInputTokens, rates: tierOffer.rates });
      }
    }
  }
  const offersByModel = new Map<string, Offer[]>();
  for (const [name, offers] of offersByName) {
    if (!absorbed.has(name)) offersByModel.set(renamed.get(name) ?? name, rebuilt.get(name) ?? offers);
  }
  return { offersByModel, folded };
}

function tierNameGroups(names: Iterable<string>): Map<string, TierNameGroup> {
  const groups = new Map<string, TierNameGroup>();
  for (const name of names) {
    const match = TIER_NAME.exec(name);
    if (!match) continue;
    const [, model = "", side, thousands = "0"] = match;
    const group = groups.get(model) ?? { lte: [], gt: [] };
    groups.set(model, group);
    group[side === "lte" ? "lte" : "gt"].push({ name, minInputTokens: Number(thousands) * 1000 });
  }
  return groups;
}
