/** The id errors and the registry name this source by. */
export const PORTKEY_SOURCE_ID = "portkey";
