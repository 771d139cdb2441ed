/** The id errors and the registry name this source by. */
export const LANGFUSE_SOURCE_ID = "langfuse";
