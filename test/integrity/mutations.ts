/**
 * Mutations of real recorded payloads, in memory: the faults the integrity gate must
 * catch (unit errors, shrinks, absurd and negative values, truncation). Each returns a
 * new body; the snapshots on disk are never touched.
 */
import type { PayloadDocument } from "../../scrapers/source.ts";

type LitellmMap = Record<string, Record<string, unknown>>;

const COST = /cost_per/;

function scaleNumbers(entry: Record<string, unknown>, factor: number): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).map(([field, value]) => [field, COST.test(field) && typeof value === "number" ? value * factor : value]));
}

function withBody(document: PayloadDocument, body: string): PayloadDocument {
  return { ...document, body };
}

/** LiteLLM cost map: the named entries' prices times `factor` (1000 = a unit error). */
export function scaleLitellm(document: PayloadDocument, factor: number, names?: readonly string[]): PayloadDocument {
  const map = JSON.parse(document.body) as LitellmMap;
  for (const [name, entry] of Object.entries(map)) if (!names || names.includes(name)) map[name] = scaleNumbers(entry, factor);
  return withBody(document, JSON.stringify(map));
}

/** LiteLLM cost map with `share` of its entries removed (every entry but one in 1/(1-share)). */
export function shrinkLitellm(document: PayloadDocument, share: number): PayloadDocument {
  const entries = Object.entries(JSON.parse(document.body) as LitellmMap);
  const kept = entries.filter((_, index) => keeps(index, share));
  return withBody(document, JSON.stringify(Object.fromEntries(kept)));
}

/** LiteLLM cost map with the input price of the first `count` chat entries made negative. */
export function negateLitellm(document: PayloadDocument, count: number): { document: PayloadDocument; names: string[] } {
  const map = JSON.parse(document.body) as LitellmMap;
  const names: string[] = [];
  for (const [name, entry] of Object.entries(map)) {
    if (names.length >= count) break;
    if (entry.mode === "chat" && typeof entry.input_cost_per_token === "number" && entry.input_cost_per_token > 0) {
      map[name] = { ...entry, input_cost_per_token: -entry.input_cost_per_token };
      names.push(name);
    }
  }
  return { document: withBody(document, JSON.stringify(map)), names };
}

interface OpenRouterModel {
  id: string;
  pricing: Record<string, string>;
}

/** OpenRouter model list: the named model's prompt price replaced by `raw` (e.g. "1e400"). */
export function setOpenRouterPrompt(document: PayloadDocument, id: string, raw: string): PayloadDocument {
  const models = JSON.parse(document.body) as OpenRouterModel[];
  const model = models.find((entry) => entry.id === id);
  if (!model) throw new Error(`no model ${id} in ${document.name}`);
  model.pricing = { ...model.pricing, prompt: raw };
  return withBody(document, JSON.stringify(models));
}

/** OpenRouter model list with every price times `factor`. */
export function scaleOpenRouter(document: PayloadDocument, factor: number): PayloadDocument {
  const models = JSON.parse(document.body) as OpenRouterModel[];
  for (const model of models) {
    model.pricing = Object.fromEntries(
      Object.entries(model.pricing).map(([field, value]) => [field, Number(value) > 0 ? String(Number(value) * factor) : value]),
    );
  }
  return withBody(document, JSON.stringify(models));
}

/** OpenRouter model list with `share` of its models removed. */
export function shrinkOpenRouter(document: PayloadDocument, share: number): PayloadDocument {
  const models = JSON.parse(document.body) as OpenRouterModel[];
  return withBody(document, JSON.stringify(models.filter((_, index) => keeps(index, share))));
}

/** A pricing page (HTML or Markdown) with every dollar amount ("$2.50") times `factor`: a unit error in the page scraper's input. */
export function scaleDollarAmounts(document: PayloadDocument, factor: number): PayloadDocument {
  return withBody(
    document,
    document.body.replace(/\$(\d+(?:\.\d+)?)/g, (_, amount: string) => `$${Number((Number(amount) * factor).toPrecision(12))}`),
  );
}

/** The first `share` of the body, as a dropped connection leaves it. */
export function truncate(document: PayloadDocument, share: number): PayloadDocument {
  return withBody(document, document.body.slice(0, Math.floor(document.body.length * share)));
}

/** Keeps one entry in every 1/(1-share): share 0.8 keeps every fifth, 0.5 every second. */
function keeps(index: number, share: number): boolean {
  return index % Math.round(1 / (1 - share)) === 0;
}

/*
 * Generic mutations of any JSON payload, for sweeping every JSON price source: a field
 * is a price when its key names one (price, cost, input, output, prompt, completion,
 * cache...) and its value is a number or a numeric string.
 */
const PRICE_KEY = /price|cost|input|output|prompt|completion|cache|per_?token|per_?million|mtok/i;
const NUMERIC = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function mapPrices(value: Json, key: string, map: (amount: number) => number): Json {
  if (Array.isArray(value)) return value.map((item) => mapPrices(item, key, map));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([child, item]) => [child, mapPrices(item, child, map)]));
  }
  if (!PRICE_KEY.test(key)) return value;
  if (typeof value === "number" && value > 0) return map(value);
  if (typeof value === "string" && NUMERIC.test(value) && Number(value) > 0) return String(map(Number(value)));
  return value;
}

function jsonDocuments(documents: readonly PayloadDocument[], mutate: (json: Json, document: PayloadDocument) => Json | string): PayloadDocument[] {
  return documents.map((document) => {
    if (!document.name.endsWith(".json")) return document;
    const result = mutate(JSON.parse(document.body) as Json, document);
    return withBody(document, typeof result === "string" ? result : JSON.stringify(result));
  });
}

/** Every price of every JSON document times `factor`. */
export function scaleAllPrices(documents: readonly PayloadDocument[], factor: number): PayloadDocument[] {
  return jsonDocuments(documents, (json) => mapPrices(json, "", (amount) => amount * factor));
}

/** Every tenth price made negative. */
export function negateSomePrices(documents: readonly PayloadDocument[]): PayloadDocument[] {
  let seen = 0;
  return jsonDocuments(documents, (json) => mapPrices(json, "", (amount) => (seen++ % 10 === 0 ? -amount : amount)));
}

/** Every tenth price written as 1e400 (a number JSON reads as Infinity, a string kept as written). */
export function overflowSomePrices(documents: readonly PayloadDocument[]): PayloadDocument[] {
  let seen = 0;
  const MARK = 987654321.123456;
  return jsonDocuments(documents, (json) =>
    JSON.stringify(mapPrices(json, "", (amount) => (seen++ % 10 === 0 ? MARK : amount))).replaceAll(String(MARK), "1e400"),
  );
}

/** The largest list (or map of entries) of each JSON document, and the documents of a folder payload, with `share` removed. */
export function shrinkAll(documents: readonly PayloadDocument[], share: number): PayloadDocument[] {
  const json = documents.filter((document) => document.name.endsWith(".json"));
  const kept = json.length > 4 ? documents.filter((document) => !json.includes(document) || keeps(json.indexOf(document), share)) : documents;
  return jsonDocuments(kept, (value) => shrinkLargest(value, share));
}

function shrinkLargest(value: Json, share: number): Json {
  if (Array.isArray(value)) return value.filter((_, index) => keeps(index, share));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  const [largestKey, largest] = entries.reduce<[string | null, number]>(
    ([bestKey, best], [key, item]) => {
      const size = Array.isArray(item) ? item.length : item !== null && typeof item === "object" ? Object.keys(item).length : 0;
      return size > best ? [key, size] : [bestKey, best];
    },
    [null, 0],
  );
  // A map whose entries are the records (LiteLLM, models.dev): thin it out directly.
  if (largestKey === null || largest < entries.length) return Object.fromEntries(entries.filter((_, index) => keeps(index, share)));
  return { ...value, [largestKey]: shrinkLargest(value[largestKey]!, share) };
}

/** Each JSON document cut at `share` of its length. */
export function truncateAll(documents: readonly PayloadDocument[], share: number): PayloadDocument[] {
  return documents.map((document) => (document.name.endsWith(".json") ? truncate(document, share) : document));
}
