/**
 * The flagship tables of open.bigmodel.cn (旗舰模型): per model, input / output / cache-hit
 * prices in CNY per 1M tokens, either flat or in rows by length band (a model cell with
 * rowspan over its band rows). Bands by input length become long-context tiers. GLM-4.7
 * and GLM-4.5-Air also price short outputs apart ("输出长度 [0, 0.2)": under 200 output
 * tokens, with short prompts): that cheaper price is the "short-output" variant, and the
 * "standard" variant is the price of every other call.
 */
import type { DecimalString } from "../../src/domain/money.ts";
import { priceObservationSchema, type ContextTier, type PriceObservation } from "../../src/domain/observation.ts";
import { PayloadError } from "../source.ts";
import { readContextCell, readYuan, type ContextCell } from "./bigmodel-cells.ts";
import type { BigmodelTable } from "./bigmodel-tables.ts";
import { ZAI_BIGMODEL_PRICING_SOURCE_ID } from "./source-id.ts";

interface BandRow {
  context: ContextCell;
  input: DecimalString;
  output: DecimalString;
  cacheRead: DecimalString | null;
}

export function isFlagshipTable(table: BigmodelTable): boolean {
  return table.headers.some((header) => header.startsWith("输入单价")) && table.headers.some((header) => header.startsWith("输出单价"));
}

function header(table: BigmodelTable, prefix: string, unit?: string): string {
  const found = table.headers.find((label) => label.startsWith(prefix));
  if (!found || (unit && !found.includes(unit))) {
    throw new PayloadError(ZAI_BIGMODEL_PRICING_SOURCE_ID, `${table.section}/${table.tab}: expected a "${prefix}${unit ? ` (${unit})` : ""}" column, found ${table.headers.join(" | ")}`);
  }
  return found;
}

function rowsByModel(table: BigmodelTable): Map<string, BandRow[]> {
  const columns = {
    name: header(table, "模型名称"),
    context: header(table, "上下文", "千tokens"),
    input: header(table, "输入单价", "百万tokens"),
    output: header(table, "输出单价", "百万tokens"),
    cacheRead: header(table, "缓存命中", "百万tokens"),
  };
  const models = new Map<string, BandRow[]>();
  let model: string | null = null;
  for (const cells of table.rows) {
    // A row without a model cell continues the model above (rowspan).
    model = cells.get(columns.name)?.[0] ?? model;
    const fail = (why: string): never => {
      throw new PayloadError(ZAI_BIGMODEL_PRICING_SOURCE_ID, `${table.section}/${table.tab} ${model ?? "(no model)"}: ${why}`);
    };
    if (model === null) return fail("a price row before any model name");
    const input = readYuan(cells.get(columns.input)?.[0]);
    const output = readYuan(cells.get(columns.output)?.[0]);
    if (input === null || output === null) return fail(`needs both an input and an output price, found "${cells.get(columns.input)}" / "${cells.get(columns.output)}"`);
    const context = readContextCell(cells.get(columns.context) ?? []) ?? fail(`unreadable context cell "${cells.get(columns.context)}"`);
    const rows = models.get(model) ?? [];
    rows.push({ context, input, output, cacheRead: readYuan(cells.get(columns.cacheRead)?.[0]) });
    models.set(model, rows);
  }
  return models;
}

function observation(model: string, variant: string, base: BandRow, tiers: ContextTier[]): PriceObservation {
  return priceObservationSchema.parse({
    provider: "zai",
    region: "cn",
    model,
    variant,
    currency: "CNY",
    input: base.input,
    output: base.output,
    cacheRead: base.cacheRead,
    tiers,
    hints: { displayName: model, contextWindow: base.context.size },
  });
}

function variantsOf(model: string, rows: readonly BandRow[]): PriceObservation[] {
  const fail = (why: string): never => {
    throw new PayloadError(ZAI_BIGMODEL_PRICING_SOURCE_ID, `${model}: ${why}`);
  };
  const isShortOutput = (row: BandRow): boolean => row.context.output !== null && row.context.output.min === 0 && row.context.output.max !== null;
  const startsAtZero = (row: BandRow): boolean => (row.context.input?.min ?? 0) === 0;
  const general = rows.filter((row) => !isShortOutput(row));
  const [base, ...otherBases] = general.filter(startsAtZero);
  if (!base || otherBases.length > 0) return fail("expected exactly one price for the shortest prompts");
  const tiers = general
    .filter((row) => !startsAtZero(row))
    .map((row) => ({ minInputTokens: Math.round((row.context.input?.min ?? 0) * 1000), input: row.input, output: row.output, cacheRead: row.cacheRead, cacheWrite: null }))
    .sort((a, b) => a.minInputTokens - b.minInputTokens);
  const shortOutput = rows.filter(isShortOutput);
  if (shortOutput.length > 1 || (shortOutput[0] && !startsAtZero(shortOutput[0]))) return fail("unexpected short-output bands");
  return [observation(model, "standard", base, tiers), ...shortOutput.map((row) => observation(model, "short-output", row, tiers))];
}

export function flagshipObservations(table: BigmodelTable): PriceObservation[] {
  return [...rowsByModel(table)].flatMap(([model, rows]) => variantsOf(model, rows));
}
