/**
 * models.dev: a community catalogue of models per provider, compiled to one api.json
 * (USD per 1M tokens). Rebuilt as pull requests merge, so daily is enough.
 */
import { DAILY_UTC, type PriceSource } from "../source.ts";
import { parseModelsDev } from "./parse.ts";
import { MODELSDEV_SOURCE_ID } from "./payload.ts";

export const modelsdevSource: PriceSource = {
  id: MODELSDEV_SOURCE_ID,
  kind: "price",
  description: "models.dev compiled catalogue (api.json): USD per-1M-token prices of every provider it lists",
  urls: ["https://models.dev/api.json"],
  format: "json",
  schedule: DAILY_UTC,
  authority: "community",
  fullSnapshot: true,
  replayPaths: ["prices/modelsdev/api-json"],
  parse: parseModelsDev,
};
