/**
 * xAI "Models and Pricing" (docs.x.ai/docs/models, 2025 layout). The visible table lists
 * the models on offer with input/output prices; the page's flight payload holds the full
 * price data (cached input, >128k-token tier) per serving cluster. The table decides which
 * models are on offer and must agree with the payload, so a unit or layout change fails
 * the run instead of publishing prices off by powers of ten.
 */
import { loadHtml } from "../lib/load-html.ts";
import { priceObservationSchema, type PriceObservation, type SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, singleDocument, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { pricesOf, readClusterConfigs, type ClusterConfig, type LanguageModelPrices } from "./cluster-configs.ts";
import { readPriceTable, type VisiblePriceRow } from "./price-table.ts";
import { XAI_MODELS_SOURCE_ID } from "./source-id.ts";

interface ClusterPrices {
  cluster: string;
  prices: LanguageModelPrices;
  contextWindow: number | null;
}

function languageModelsByName(clusters: readonly ClusterConfig[]): Map<string, ClusterPrices[]> {
  const byName = new Map<string, ClusterPrices[]>();
  for (const cluster of clusters) {
    for (const model of cluster.languageModels) {
      const entries = byName.get(model.name) ?? [];
      entries.push({ cluster: cluster.clusterName, prices: pricesOf(model), contextWindow: model.maxPromptLength ?? null });
      byName.set(model.name, entries);
    }
  }
  return byName;
}

function checkVisibleRow(row: VisiblePriceRow, entries: readonly ClusterPrices[], documentName: string): void {
  const [input, output] = row.amounts;
  for (const entry of entries.filter((candidate) => row.region === null || candidate.cluster === row.region)) {
    if (entry.prices.input !== input || entry.prices.output !== output) {
      throw new PayloadError(
        XAI_MODELS_SOURCE_ID,
        `${row.name}: the table shows $${input} / $${output} but the payload (${entry.cluster}) gives $${entry.prices.input} / $${entry.prices.output}`,
        documentName,
      );
    }
  }
}

function observationsOf(name: string, entries: readonly ClusterPrices[]): PriceObservation[] {
  const samePrices = entries.every((entry) => JSON.stringify(entry.prices) === JSON.stringify(entries[0]?.prices));
  // One price everywhere is the model's price; prices that differ by cluster are regional.
  const regional = samePrices ? entries.slice(0, 1).map((entry) => ({ ...entry, cluster: "" })) : entries;
  return regional.map(({ cluster, prices, contextWindow }) =>
    priceObservationSchema.parse({
      provider: "xai",
      model: name,
      // The models page lists API model names.
      nativeId: name,
      region: cluster,
      input: prices.input,
      output: prices.output,
      cacheRead: prices.cacheRead,
      tiers: prices.longContext ? [{ ...prices.longContext, cacheRead: null, cacheWrite: null }] : [],
      hints: { displayName: name, contextWindow },
    }),
  );
}

function skippedModels(clusters: readonly ClusterConfig[], byName: ReadonlyMap<string, unknown>, listed: ReadonlySet<string>): SkippedEntry[] {
  const reasons = new Map<string, string>();
  for (const name of byName.keys()) {
    if (!listed.has(name)) reasons.set(name, "in the page's price data but not listed in its pricing table");
  }
  for (const cluster of clusters) {
    for (const { name } of cluster.imageGenerationModels) reasons.set(name, "image generation model: priced per image");
    for (const { name } of cluster.embeddingModels) reasons.set(name, "embedding model");
    for (const { name } of cluster.audioModels) reasons.set(name, "audio model");
  }
  return [...reasons].map(([name, reason]) => ({ name, reason }));
}

export function parseXaiModels(documents: readonly PayloadDocument[], _context: ParseContext): ParseResult<PriceObservation> {
  const document = singleDocument(XAI_MODELS_SOURCE_ID, documents);
  const $ = loadHtml(document.body);
  const clusters = readClusterConfigs($, document.name);
  const byName = languageModelsByName(clusters);
  const tokenRows = readPriceTable($, document.name).filter((row) => row.amounts.length === 2);
  if (tokenRows.length === 0) throw new PayloadError(XAI_MODELS_SOURCE_ID, "no model with an input and an output price in the pricing table", document.name);
  for (const row of tokenRows) {
    const entries = byName.get(row.name);
    if (!entries) throw new PayloadError(XAI_MODELS_SOURCE_ID, `${row.name} is in the pricing table but not in the page's price data`, document.name);
    checkVisibleRow(row, entries, document.name);
  }
  const listed = new Set(tokenRows.map((row) => row.name));
  const observations = [...listed].flatMap((name) => observationsOf(name, byName.get(name) ?? []));
  return { observations, skipped: skippedModels(clusters, byName, listed) };
}
