export const AA_SOURCE_ID = "artificial-analysis";
