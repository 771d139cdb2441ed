/** The id errors and the registry name this source by. */
export const DEEPSEEK_PRICING_SOURCE_ID = "deepseek-pricing";
