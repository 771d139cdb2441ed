/** The id errors and the registry name this source by. */
export const GEMINI_PRICING_SOURCE_ID = "gemini-pricing";
