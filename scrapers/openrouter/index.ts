/**
 * OpenRouter: the aggregator's public model list, one price per listed model (and
 * per `:free` / `:batch` / ... offering). Hourly, because its prices move within a day.
 *
 * A second fetch round reads each model's endpoints (one price per host behind
 * OpenRouter), so host-vs-host spreads are tracked; see run-payload.ts.
 */
import { HOURLY, type PriceSource } from "../source.ts";
import { openRouterFollowUrls, parseOpenRouterRun } from "./run-payload.ts";
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
  parse: parseOpenRouterRun,
  followUrls: openRouterFollowUrls,
};
