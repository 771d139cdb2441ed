import { DAILY_UTC, type PriceSource } from "../source.ts";
import { parseXaiModels } from "./parse.ts";
import { XAI_MODELS_SOURCE_ID } from "./source-id.ts";

export const xaiModelsSource: PriceSource = {
  id: XAI_MODELS_SOURCE_ID,
  kind: "price",
  description: "xAI's Models and Pricing docs page: USD per 1M tokens for input, cached input and output, with the >128k-token long-context tier, read from the page's data and checked against its table.",
  urls: ["https://docs.x.ai/docs/models"],
  format: "html",
  schedule: DAILY_UTC,
  authority: "first-party",
  fullSnapshot: true,
  replayPaths: ["pages/xai/docs.x.ai_docs_models.2025-11-13.html"],
  parse: parseXaiModels,
};
