import { DAILY_UTC, type PriceSource } from "../source.ts";
import { GENAI_PRICES_ID, parseGenaiPrices } from "./parse.ts";

export const genaiPricesSource: PriceSource = {
  id: GENAI_PRICES_ID,
  kind: "price",
  description:
    "pydantic/genai-prices compiled price list (community-maintained, many providers), USD per 1M tokens, with dated price changes",
  urls: ["https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/data.json"],
  format: "json",
  schedule: DAILY_UTC,
  authority: "community",
  fullSnapshot: true,
  replayPaths: ["prices/genai-prices/2026-08-21"],
  parse: parseGenaiPrices,
};
