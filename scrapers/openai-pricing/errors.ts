/** The id this source is registered under, and the error its page readers raise. */
export const OPENAI_PRICING_SOURCE_ID = "openai-pricing";

/** The page does not have the layout the readers expect; parse() reports it as a PayloadError naming the document. */
export class PricingLayoutError extends Error {
  override name = "PricingLayoutError";
}
