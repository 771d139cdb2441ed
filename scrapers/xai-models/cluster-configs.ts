/**
 * The price data behind docs.x.ai/docs/models: a dehydrated react-query result in the
 * page's flight payload, `clusterConfigs[]` with one entry per serving cluster (us-east-1,
 * eu-west-1) listing its language, image, embedding and audio models. Prices are integers
 * in units of 1e-10 USD per token ("2000" is $0.20 per 1M tokens; image "700000000" is
 * $0.07). A 0 in an optional price field means "not offered", not "free".
 */
import type { CheerioAPI } from "cheerio";
import { z } from "zod";
import { perTokenToPerMillion, type DecimalString } from "../../src/domain/money.ts";
import { flightJsonRows, readFlightPayload, valuesUnderKey } from "../lib/next-flight.ts";
import { PayloadError } from "../source.ts";
import { XAI_MODELS_SOURCE_ID } from "./source-id.ts";

const ticks = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]);

const languageModelSchema = z.object({
  name: z.string().min(1),
  promptTextTokenPrice: ticks,
  completionTextTokenPrice: ticks,
  cachedPromptTokenPrice: ticks.optional(),
  promptTextTokenPriceLongContext: ticks.optional(),
  completionTokenPriceLongContext: ticks.optional(),
  longContextThreshold: ticks.optional(),
  maxPromptLength: z.number().int().positive().optional(),
});

const namedModelSchema = z.object({ name: z.string().min(1) });

const clusterConfigsSchema = z
  .array(
    z.object({
      clusterName: z.string().min(1),
      languageModels: z.array(languageModelSchema),
      imageGenerationModels: z.array(namedModelSchema).default([]),
      embeddingModels: z.array(namedModelSchema).default([]),
      audioModels: z.array(namedModelSchema).default([]),
    }),
  )
  .min(1);

export type ClusterConfig = z.infer<typeof clusterConfigsSchema>[number];
type LanguageModel = z.infer<typeof languageModelSchema>;

export interface LanguageModelPrices {
  input: DecimalString;
  output: DecimalString;
  cacheRead: DecimalString | null;
  longContext: { minInputTokens: number; input: DecimalString; output: DecimalString } | null;
}

function ticksToPerMillion(raw: string | number): DecimalString {
  return perTokenToPerMillion(`${raw}e-10`);
}

/** An optional price: absent or 0 means the model has no such price. */
function offered(raw: string | number | undefined): DecimalString | null {
  return raw === undefined || Number(raw) === 0 ? null : ticksToPerMillion(raw);
}

export function pricesOf(model: LanguageModel): LanguageModelPrices {
  const longInput = offered(model.promptTextTokenPriceLongContext);
  const longOutput = offered(model.completionTokenPriceLongContext);
  const threshold = model.longContextThreshold === undefined ? 0 : Number(model.longContextThreshold);
  if ((longInput === null) !== (longOutput === null) || (longInput !== null && threshold <= 0)) {
    throw new PayloadError(XAI_MODELS_SOURCE_ID, `${model.name}: incomplete long-context price (input ${longInput}, output ${longOutput}, threshold ${threshold})`);
  }
  return {
    input: ticksToPerMillion(model.promptTextTokenPrice),
    output: ticksToPerMillion(model.completionTextTokenPrice),
    cacheRead: offered(model.cachedPromptTokenPrice),
    longContext: longInput !== null && longOutput !== null ? { minInputTokens: threshold, input: longInput, output: longOutput } : null,
  };
}

export function readClusterConfigs($: CheerioAPI, documentName: string): ClusterConfig[] {
  const rows = flightJsonRows(readFlightPayload($, XAI_MODELS_SOURCE_ID), XAI_MODELS_SOURCE_ID);
  const [found, ...more] = valuesUnderKey(rows, "clusterConfigs");
  if (found === undefined) throw new PayloadError(XAI_MODELS_SOURCE_ID, "no clusterConfigs in the page's flight payload", documentName);
  if (more.length > 0) throw new PayloadError(XAI_MODELS_SOURCE_ID, "several clusterConfigs in the flight payload", documentName);
  const parsed = clusterConfigsSchema.safeParse(found);
  if (!parsed.success) throw new PayloadError(XAI_MODELS_SOURCE_ID, `unexpected clusterConfigs: ${z.prettifyError(parsed.error)}`, documentName);
  return parsed.data;
}
