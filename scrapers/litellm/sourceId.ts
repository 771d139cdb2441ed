/** The id errors and the registry name this source by. */
export const LITELLM_SOURCE_ID = "litellm";
