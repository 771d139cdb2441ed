/** The id errors and the registry name this source by. */
export const XAI_MODELS_SOURCE_ID = "xai-models";
