export const LIVEBENCH_SOURCE_ID = "livebench";
