/** HTTP handlers of the feed files, over the consolidated current prices. */
import type { ServerResponse } from "node:http";
import type { Db } from "../../db/client.ts";
import { consolidatedPricesAt } from "../../db/queries/prices.ts";
import { models } from "../../db/schema/index.ts";
import { buildLitellmFeed } from "./litellm-feed.ts";
import { buildPricesCsv } from "./prices-csv.ts";

async function currentWithLimits(db: Db) {
  const [prices, limits] = await Promise.all([
    consolidatedPricesAt(db, {}),
    db.select({ id: models.id, contextWindow: models.contextWindow, maxOutputTokens: models.maxOutputTokens }).from(models),
  ]);
  const byModel = new Map(limits.map((row) => [row.id, row]));
  return prices.map((price) => ({
    ...price,
    contextWindow: byModel.get(price.model)?.contextWindow ?? null,
    maxOutputTokens: byModel.get(price.model)?.maxOutputTokens ?? null,
  }));
}

export async function serveLitellmFeed(db: Db, response: ServerResponse): Promise<void> {
  const body = JSON.stringify(buildLitellmFeed(await currentWithLimits(db)), null, 2);
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" });
  response.end(body);
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
