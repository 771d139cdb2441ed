/** The id this source is registered under, and the error its card readers raise. */
export const ANTHROPIC_PRICING_SOURCE_ID = "anthropic-pricing";

/** The page does not have the card layout the readers expect; parse() reports it as a PayloadError naming the document. */
export class CardLayoutError extends Error {
  override name = "CardLayoutError";
}
