/**
 * Zhipu's China pricing page (open.bigmodel.cn/pricing), CNY per 1M tokens, kept in CNY, region "cn".
 * Only the inference sections carry model token prices: 旗舰模型 (flagship models) and
 * 模型推理 (model inference, with its legacy list). Fine-tuning, private instances,
 * deployments, tools and knowledge-base storage are other products and are skipped whole.
 *
 * The page is a single-page app: a plain HTTP fetch returns an empty shell, so this parser
 * needs the browser-rendered DOM and fails on the shell.
 */
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, singleDocument, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { catalogueObservations, isCatalogueTable } from "./bigmodel-catalogue.ts";
import { flagshipObservations, isFlagshipTable } from "./bigmodel-flagship.ts";
import { readBigmodelTables, type BigmodelTable } from "./bigmodel-tables.ts";
import { ZAI_BIGMODEL_PRICING_SOURCE_ID } from "./source-id.ts";
import { appendAll } from "../lib/append-all.ts";

const INFERENCE_SECTIONS = ["旗舰模型", "模型推理"];

/** Tabs of the inference sections: null parses the tab, a string is why it is skipped. */
const TAB_POLICY: ReadonlyMap<string | null, string | null> = new Map([
  ["文本模型", null],
  ["视觉理解", null],
  ["更多模型", null],
  [null, null],
  ["多模态生成", "image or video generation, priced per request"],
  ["语音模型", "speech model, priced per character, minute or call"],
  ["向量模型", "embedding model"],
]);

function readInferenceTable(table: BigmodelTable, documentName: string): { observations: PriceObservation[]; skipped: SkippedEntry[] } {
  const policy = TAB_POLICY.get(table.tab);
  if (policy === undefined) throw new PayloadError(ZAI_BIGMODEL_PRICING_SOURCE_ID, `unknown tab "${table.tab}" in ${table.section}`, documentName);
  if (policy !== null) {
    return { observations: [], skipped: table.rows.map((cells) => ({ name: cells.get("模型")?.[0] ?? "", reason: policy })) };
  }
  if (isFlagshipTable(table)) return { observations: flagshipObservations(table), skipped: [] };
  if (isCatalogueTable(table)) return catalogueObservations(table);
  throw new PayloadError(ZAI_BIGMODEL_PRICING_SOURCE_ID, `${table.section}/${table.tab}: unknown columns ${table.headers.join(" | ")}`, documentName);
}

export function parseBigmodelPricing(documents: readonly PayloadDocument[], _context: ParseContext): ParseResult<PriceObservation> {
  const document = singleDocument(ZAI_BIGMODEL_PRICING_SOURCE_ID, documents);
  const tables = readBigmodelTables(document.body, document.name);
  for (const section of INFERENCE_SECTIONS) {
    if (!tables.some((table) => table.section === section)) {
      throw new PayloadError(
        ZAI_BIGMODEL_PRICING_SOURCE_ID,
        `no "${section}" price tables: not the rendered pricing page (a plain fetch returns the app shell), or its layout changed`,
        document.name,
      );
    }
  }
  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const table of tables.filter((candidate) => INFERENCE_SECTIONS.includes(candidate.section))) {
    const outcome = readInferenceTable(table, document.name);
    appendAll(observations, outcome.observations);
    appendAll(skipped, outcome.skipped);
  }
  const otherSections = new Set(tables.map((table) => table.section).filter((section) => !INFERENCE_SECTIONS.includes(section)));
  appendAll(skipped, [...otherSections].map((section) => ({ name: section, reason: "not a model token price list (tools, storage, fine-tuning or deployment)" })));
  const keys = observations.map((observation) => `${observation.model} ${observation.variant}`);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate) throw new PayloadError(ZAI_BIGMODEL_PRICING_SOURCE_ID, `${duplicate} is priced twice`, document.name);
  return { observations, skipped };
}
