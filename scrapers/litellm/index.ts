import { DAILY_UTC, type PriceSource } from "../source.ts";
import { parseLitellmCostMap } from "./parse.ts";
import { LITELLM_SOURCE_ID } from "./sourceId.ts";

export const litellmSource: PriceSource = {
  id: LITELLM_SOURCE_ID,
  kind: "price",
  description: "LiteLLM's community cost map (model_prices_and_context_window.json): USD per token for every provider LiteLLM routes to.",
  urls: ["https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"],
  format: "json",
  schedule: DAILY_UTC,
  authority: "community",
  fullSnapshot: true,
  replayPaths: ["prices/litellm/model_prices_2026-07-24.json"],
  parse: parseLitellmCostMap,
};
