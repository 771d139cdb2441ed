/**
 * Which seller-native id an offering keeps. Several sources state one (the seller's own
 * page, LiteLLM, models.dev, OpenRouter); the seller's own source wins, and a third
 * party's id only fills a gap, so a community table cannot overwrite what the seller says.
 */

export interface NativeIdClaim {
  providerId: string;
  modelId: string;
  variant: string;
  region: string;
  nativeId: string;
}

/** The source speaks for the seller: a first-party page, or a seller's own catalogue (OpenRouter for OpenRouter). */
export function isSellersOwnSource(source: { id: string; authority: string | null }, providerId: string): boolean {
  return source.authority === "first-party" || source.id === providerId;
}

const offeringKey = (claim: NativeIdClaim) => `${claim.providerId}|${claim.modelId}|${claim.variant}|${claim.region}`;

/**
 * One claim per offering from one run. Two names of a run may land on one offering
 * ("claude-sonnet-4-5" and "claude-sonnet-4-5-20250929" once both name the snapshot):
 * the longer id is kept, being the more specific (a dated snapshot, not its moving name).
 */
export function oneClaimPerOffering(claims: readonly NativeIdClaim[]): NativeIdClaim[] {
  const chosen = new Map<string, NativeIdClaim>();
  for (const claim of claims) {
    const key = offeringKey(claim);
    const earlier = chosen.get(key);
    const better =
      !earlier ||
      claim.nativeId.length > earlier.nativeId.length ||
      (claim.nativeId.length === earlier.nativeId.length && claim.nativeId < earlier.nativeId);
    if (better) chosen.set(key, claim);
  }
  return [...chosen.values()];
}
