/**
 * The catalogue tables of open.bigmodel.cn (模型推理 tabs and the legacy list): one unit
 * price per model, "5 元 / 百万Tokens", charged for input and output tokens alike, plus a
 * "Batch API 定价" column ("不支持" = no batch offering). Rerank models sit in the same
 * list but rank documents rather than generate text, so they are skipped.
 */
import { priceObservationSchema, type PriceObservation, type SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError } from "../source.ts";
import { readContextCell, readYuan } from "./bigmodel-cells.ts";
import type { BigmodelTable } from "./bigmodel-tables.ts";
import { ZAI_BIGMODEL_PRICING_SOURCE_ID } from "./source-id.ts";

const NOT_SUPPORTED = "不支持";

export function isCatalogueTable(table: BigmodelTable): boolean {
  return table.headers.includes("模型") && table.headers.includes("单价");
}

export function catalogueObservations(table: BigmodelTable): { observations: PriceObservation[]; skipped: SkippedEntry[] } {
  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const cells of table.rows) {
    const model = cells.get("模型")?.[0] ?? "";
    const fail = (why: string): never => {
      throw new PayloadError(ZAI_BIGMODEL_PRICING_SOURCE_ID, `${table.section}/${table.tab ?? "legacy"} ${model}: ${why}`);
    };
    if (!model) return fail("a row without a model name");
    if (cells.get("简介")?.[0]?.includes("重排序")) {
      skipped.push({ name: model, reason: "rerank model, not a text generation model" });
      continue;
    }
    const priceText = cells.get("单价")?.[0];
    const price = readYuan(priceText) ?? fail(`not a per-token price: "${priceText}"`);
    const hints = { displayName: model, contextWindow: readContextCell(cells.get("上下文") ?? [])?.size ?? null };
    observations.push(priceObservationSchema.parse({ provider: "zai", region: "cn", model, currency: "CNY", input: price, output: price, hints }));
    const batchText = cells.get("Batch API 定价")?.[0];
    if (batchText === undefined || batchText === NOT_SUPPORTED) continue;
    const batch = readYuan(batchText) ?? fail(`not a per-token batch price: "${batchText}"`);
    observations.push(priceObservationSchema.parse({ provider: "zai", region: "cn", model, variant: "batch", currency: "CNY", input: batch, output: batch, hints }));
  }
  return { observations, skipped };
}
