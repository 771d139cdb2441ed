/**
 * The rows every price feed starts from: the consolidated current price of each offering,
 * with the model's limits and the offering's seller-native id.
 */
import type { Executor } from "../client.ts";
import { models } from "../schema/index.ts";
import type { FeedPrice } from "../../api/feeds/litellm-feed.ts";
import { consolidatedPricesAt, type ConsolidatedPrice } from "./prices.ts";

export type CurrentFeedPrice = ConsolidatedPrice & FeedPrice;

export async function currentFeedPrices(db: Executor): Promise<CurrentFeedPrice[]> {
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
