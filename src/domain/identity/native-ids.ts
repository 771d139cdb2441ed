/**
 * Which seller-native id an offering keeps. Several sources state one (the seller's own
 * page, LiteLLM, models.dev, OpenRouter); the seller's own source wins, so a community
 * table never overwrites what the seller says.
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

/** A Bedrock cross-region inference profile ("us.anthropic.…", "global.…"): an id of one geography's offering. */
const GEOGRAPHY_PROFILE = /^(?:us|eu|apac|au|jp|ca|global|us-gov)\./;

/** Lower is better: an id of a geography's profile is a poor id for the offering without a region. */
const mismatch = (claim: NativeIdClaim) => (claim.region === "" && GEOGRAPHY_PROFILE.test(claim.nativeId) ? 1 : 0);

/**
 * One claim per offering from one run. Two names of a run may land on one offering
 * ("claude-sonnet-4-5" and "claude-sonnet-4-5-20250929" once both name the snapshot;
 * models.dev's "anthropic.claude-…" and "global.anthropic.claude-…" at Bedrock): an id of
 * another geography's profile loses, then the longer id wins, being the more specific
 * (a dated snapshot, not its moving name).
 */
export function oneClaimPerOffering(claims: readonly NativeIdClaim[]): NativeIdClaim[] {
  const chosen = new Map<string, NativeIdClaim>();
  for (const claim of claims) {
    const earlier = chosen.get(offeringKey(claim));
    if (!earlier || compareClaims(claim, earlier) < 0) chosen.set(offeringKey(claim), claim);
  }
  return [...chosen.values()];
}

/** Negative when `a` is the better id for the offering. */
function compareClaims(a: NativeIdClaim, b: NativeIdClaim): number {
  return mismatch(a) - mismatch(b) || b.nativeId.length - a.nativeId.length || (a.nativeId < b.nativeId ? -1 : a.nativeId > b.nativeId ? 1 : 0);
}
