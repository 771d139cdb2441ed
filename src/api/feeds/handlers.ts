/** HTTP handlers of the feed files, over the consolidated current prices. */
import type { ServerResponse } from "node:http";
import type { Db } from "../../db/client.ts";
import { currentFeedPrices } from "../../db/queries/feed-prices.ts";
import { litellmFeedRows, litellmNaming } from "../../db/queries/feed-litellm.ts";
import { consolidatedPricesAt } from "../../db/queries/prices.ts";
import { readServiceGauges } from "../../db/queries/service-gauges.ts";
import { sendJson } from "../send-json.ts";
import { FeedUnavailable, litellmDocument } from "./litellm-documents.ts";
import { buildModelsDevFeed } from "./models-dev-feed.ts";
import { buildPricesCsv } from "./prices-csv.ts";

/** ?complete=1: LiteLLM's whole map with our prices over it (LITELLM_MODEL_COST_MAP_URL); &manifest=1: its integrity manifest. */
export async function serveLitellmFeed(db: Db, response: ServerResponse, url?: URL): Promise<void> {
  const params = url?.searchParams ?? new URLSearchParams();
  const [rows, gauges] = await Promise.all([litellmFeedRows(db), readServiceGauges(db)]);
  let body: string;
  try {
    body = litellmDocument(rows, { complete: params.get("complete") === "1", manifest: params.get("manifest") === "1", dataVersion: String(gauges.dataVersion), generatedAt: new Date() });
  } catch (error) {
    if (!(error instanceof FeedUnavailable)) throw error;
    sendJson(response, 503, { error: error.message });
    return;
  }
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" });
  response.end(body);
}

/** /feeds/api.json: models.dev's format. */
export async function serveModelsDevFeed(db: Db, response: ServerResponse): Promise<void> {
  const [prices, naming] = await Promise.all([currentFeedPrices(db), litellmNaming(db)]);
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" });
  response.end(JSON.stringify(buildModelsDevFeed({ prices, names: naming.names })));
}

export async function servePricesCsv(db: Db, response: ServerResponse): Promise<void> {
  const body = buildPricesCsv(await consolidatedPricesAt(db, {}));
  response.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": 'attachment; filename="prices.csv"',
    "cache-control": "public, max-age=300",
  });
  response.end(body);
}
