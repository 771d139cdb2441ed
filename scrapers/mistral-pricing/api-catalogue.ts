/**
 * The "API pricing" catalogue of mistral.ai/pricing. It is not in the DOM: it lives in the
 * page's flight payload as `"apis":[{name, type, api_endpoint, licence, context, price:
 * [{value: label, price_dollar, price_euro}]}]`, where the prices are small HTML snippets
 * ("<p>$0.5</p>") and a string starting with "$" is written "$$".
 */
import { loadHtml } from "../lib/load-html.ts";
import { z } from "zod";
import { PayloadError } from "../source.ts";
import { flightJsonRows, readFlightPayload, unescapeFlightString, valuesUnderKey } from "../lib/next-flight.ts";
import { MISTRAL_PRICING_SOURCE_ID } from "./source-id.ts";

/** A price snippet as the reader sees it: "$0.004 (audio) / $0.1 (text)". */
const snippetText = z.string().transform((html) => loadHtml(unescapeFlightString(html), false).text().replace(/\s+/g, " ").trim());

const apiEntrySchema = z.object({
  name: z.string().min(1),
  type: z.string().nullable(),
  api_endpoint: z.string().nullable(),
  licence: z.string().nullable(),
  context: z.string().nullable(),
  price: z.array(z.object({ value: z.string().transform((label) => label.trim()), price_dollar: snippetText })),
});

export type ApiEntry = z.infer<typeof apiEntrySchema>;

export function readApiCatalogue(html: string, documentName: string): ApiEntry[] {
  const rows = flightJsonRows(readFlightPayload(loadHtml(html), MISTRAL_PRICING_SOURCE_ID), MISTRAL_PRICING_SOURCE_ID);
  const catalogues = valuesUnderKey(rows, "apis");
  if (catalogues.length !== 1) {
    throw new PayloadError(MISTRAL_PRICING_SOURCE_ID, `expected one "apis" price catalogue in the flight payload, found ${catalogues.length}`, documentName);
  }
  const parsed = z.array(apiEntrySchema).min(1).safeParse(catalogues[0]);
  if (!parsed.success) throw new PayloadError(MISTRAL_PRICING_SOURCE_ID, `unexpected "apis" catalogue: ${z.prettifyError(parsed.error)}`, documentName);
  return parsed.data;
}
