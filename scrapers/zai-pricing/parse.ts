/**
 * Z.ai international pricing (docs.z.ai/guides/overview/pricing): USD per 1M tokens for the
 * GLM text and vision models (Input, Cached Input, Cached Input Storage, Output). Tools,
 * image/video/audio models and agents are priced per use, image, video or audio token and
 * are skipped. Cached-input storage is a per-hour fee with no field here and is not read.
 */
import { perMillion, type DecimalString } from "../../src/domain/money.ts";
import { priceObservationSchema, type PriceObservation, type SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, singleDocument, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { readDocsTables, type DocsTable } from "./docs-sections.ts";
import { ZAI_PRICING_SOURCE_ID } from "./source-id.ts";

/** "$1.4" -> "1.4"; "Free" and "Limited-time Free" -> "0" (free now); "-" and "\" (no such price) -> null. */
function readPrice(cell: string | undefined, context: string): DecimalString | null {
  const text = cell ?? "";
  const amount = /^\$(\d+(?:\.\d+)?)$/.exec(text);
  if (amount?.[1]) return perMillion(amount[1]);
  if (/^(limited-time )?free$/i.test(text)) return "0";
  if (text === "-" || text === "\\" || text === "") return null;
  throw new PayloadError(ZAI_PRICING_SOURCE_ID, `${context}: unreadable price "${text}"`);
}

function isTokenTable(table: DocsTable): boolean {
  return table.headers.includes("Input") && table.headers.includes("Output");
}

function tokenObservations(table: DocsTable, documentName: string): PriceObservation[] {
  const fail = (why: string): never => {
    throw new PayloadError(ZAI_PRICING_SOURCE_ID, `${table.heading}: ${why}`, documentName);
  };
  if (!/per 1M tokens/i.test(table.unitText)) fail(`expected "Prices per 1M tokens." above the table, found "${table.unitText}"`);
  const column = (name: string): number => table.headers.indexOf(name);
  if (column("Model") !== 0) fail(`expected "Model" as the first column, found ${table.headers.join(" | ")}`);
  return table.rows.map((cells) => {
    const model = cells[0] ?? "";
    const input = readPrice(cells[column("Input")], `${model} input`);
    const output = readPrice(cells[column("Output")], `${model} output`);
    if (!model || input === null || output === null) fail(`"${model}" needs both an input and an output price`);
    return priceObservationSchema.parse({
      provider: "zai",
      model,
      input,
      output,
      cacheRead: column("Cached Input") >= 0 ? readPrice(cells[column("Cached Input")], `${model} cached input`) : null,
      hints: { displayName: model },
    });
  });
}

function skippedRows(table: DocsTable): SkippedEntry[] {
  return table.rows.map((cells) => ({
    name: cells[0] ?? "",
    reason: `${table.heading}: ${table.headers.slice(1).map((header, index) => `${header} ${cells[index + 1] ?? ""}`).join(", ")}`,
  }));
}

export function parseZaiPricing(documents: readonly PayloadDocument[], _context: ParseContext): ParseResult<PriceObservation> {
  const document = singleDocument(ZAI_PRICING_SOURCE_ID, documents);
  const tables = readDocsTables(document.body, document.name);
  const tokenTables = tables.filter(isTokenTable);
  if (tokenTables.length === 0) {
    throw new PayloadError(ZAI_PRICING_SOURCE_ID, "no table with Input and Output columns: not the pricing page, or its layout changed", document.name);
  }
  const observations = tokenTables.flatMap((table) => tokenObservations(table, document.name));
  const names = observations.map((observation) => observation.model);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new PayloadError(ZAI_PRICING_SOURCE_ID, `${duplicate} is priced twice`, document.name);
  return { observations, skipped: tables.filter((table) => !isTokenTable(table)).flatMap(skippedRows) };
}
