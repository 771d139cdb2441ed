/**
 * OpenRouter: the aggregator's public model list, one price per listed model (and
 * per `:free` / `:batch` / ... offering). Hourly, because its prices move within a day.
 *
 * The per-model endpoints API (one price per host behind OpenRouter) needs one request
 * per model, which a source definition cannot express yet: `endpointsUrl` and
 * `parseEndpoints` are exported for a second-stage fetch.
 */
import { HOURLY, type PriceSource } from "../source.ts";
import { parseOpenRouterModels } from "./parse.ts";
import { OPENROUTER_SOURCE_ID } from "./payload.ts";

export { endpointsUrl, parseEndpoints } from "./endpoints.ts";

export const openrouterSource: PriceSource = {
  id: OPENROUTER_SOURCE_ID,
  kind: "price",
  description: "OpenRouter model list (GET /api/v1/models): USD per-token prices of every model it sells",
  urls: ["https://openrouter.ai/api/v1/models"],
  format: "json",
  schedule: HOURLY,
  authority: "aggregator",
  fullSnapshot: true,
  namesHaveAuthors: true,
  replayPaths: ["prices/openrouter"],
  parse: parseOpenRouterModels,
};
