/** The id errors and the registry name this source by. */
export const MISTRAL_PRICING_SOURCE_ID = "mistral-pricing";
