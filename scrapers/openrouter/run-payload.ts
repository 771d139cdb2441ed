/**
 * One OpenRouter run reads the model list and then, as a second round, each listed
 * model's endpoints (one price per seller behind OpenRouter). This splits a run's
 * documents by kind and merges what both parsers say.
 */
import type { PriceObservation } from "../../src/domain/observation.ts";
import { PayloadError, type ParseResult, type PayloadDocument } from "../source.ts";
import { endpointsUrl, parseEndpoints } from "./endpoints.ts";
import { parseOpenRouterModels } from "./parse.ts";
import { OPENROUTER_SOURCE_ID } from "./payload.ts";
import { baseModelId } from "./variant.ts";
import { appendAll } from "../lib/append-all.ts";

const isEndpointsDocument = (document: PayloadDocument) => /\/endpoints(\.json)?$/.test(document.name);

export function parseOpenRouterRun(documents: readonly PayloadDocument[]): ParseResult<PriceObservation> {
  const lists = documents.filter((document) => !isEndpointsDocument(document));
  if (lists.length !== 1) throw new PayloadError(OPENROUTER_SOURCE_ID, `expected one model list in the payload, found ${lists.length}`);
  const result = parseOpenRouterModels(lists);
  for (const document of documents.filter(isEndpointsDocument)) {
    const endpoints = parseEndpoints([document]);
    appendAll(result.observations, endpoints.observations);
    appendAll(result.skipped, endpoints.skipped);
  }
  return result;
}

/** The endpoints URL of every priced model in the list (aliases and routers have none of their own). */
export function openRouterFollowUrls(documents: readonly PayloadDocument[]): string[] {
  const lists = documents.filter((document) => !isEndpointsDocument(document));
  const { observations } = parseOpenRouterModels(lists);
  const ids = new Set(observations.map((observation) => baseModelId(observation.model)));
  return [...ids].sort().map(endpointsUrl);
}
