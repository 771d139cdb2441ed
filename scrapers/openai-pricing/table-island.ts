/**
 * The GroupedPricingTable and PricingTable islands. Their props hold every row (the
 * rendered table shows only the first few). Tables whose columns are all text-token prices
 * (the Cyber models table, the Specialized models table) give token prices; the others
 * price audio, images, video, minutes of transcription, tool calls or fine-tuning, and
 * their models are reported as skipped.
 */
import type { SkippedEntry } from "../../src/domain/observation.ts";
import { PricingLayoutError } from "./errors.ts";
import { propsCellName } from "./props-cell-name.ts";
import { flatTablePropsSchema, groupedTablePropsSchema, headingLabel, headingTooltip, type GroupedTableProps, type PropsCell } from "./props-schemas.ts";
import type { PricingIsland } from "./read-islands.ts";
import { variantOfPane } from "./service-tier.ts";
import { pricesInColumns, splitContextQualifier, tokenColumn, type TokenColumn, type TokenPriceRow } from "./token-prices.ts";
import { validateProps } from "./validate.ts";

export interface TableReading {
  rows: TokenPriceRow[];
  skipped: SkippedEntry[];
  /** Long-context thresholds the table's header tooltips state ("≤272K input tokens"). */
  statedThresholds: number[];
}

/** Tables that are not text-token prices, told apart by their columns. */
const NON_TOKEN_TABLES: { hasColumns: (labels: readonly string[]) => boolean; reason: string }[] = [
  { hasColumns: (labels) => labels.includes("modality"), reason: "realtime, audio or image model: priced per modality (audio, image and text tokens), not a text-token offering" },
  { hasColumns: (labels) => labels.includes("price per second"), reason: "video generation model: priced per second of video" },
  { hasColumns: (labels) => labels.includes("estimated cost"), reason: "transcription or speech model: priced per minute of audio" },
  { hasColumns: (labels) => labels[0] === "tool", reason: "built-in tool: priced per call, session or storage, not per token" },
  { hasColumns: (labels) => labels.includes("training"), reason: "fine-tuning: training per hour and inference of one's own fine-tuned model, not a base-model offering" },
];

/** Categories of the Specialized models table whose rows are not text-generation prices. */
const NON_TOKEN_CATEGORIES: Record<string, string> = {
  embedding: "embedding model: input price only, not a text-generation offering",
  moderation: "moderation model: a free classifier, not a text-generation offering",
};

export function tableIslandReading(island: PricingIsland): TableReading {
  const what = `${island.component} (${island.pane ?? "no tier"})`;
  if (island.component === "GroupedPricingTable") {
    const props = validateProps(groupedTablePropsSchema, island.props, what);
    const entries = props.groups.flatMap((group) => group.rows.map((row) => [group.model, ...row]));
    return { ...tableEntriesReading(props.headings.map(headingLabel), entries, island, what), statedThresholds: statedThresholds(props) };
  }
  if (island.component === "PricingTable") {
    const props = validateProps(flatTablePropsSchema, island.props, what);
    return { ...tableEntriesReading(props.headings.map(headingLabel), props.rows, island, what), statedThresholds: [] };
  }
  throw new PricingLayoutError(`unknown pricing component "${island.component}"`);
}

function tableEntriesReading(headings: readonly string[], entries: readonly PropsCell[][], island: PricingIsland, what: string): Omit<TableReading, "statedThresholds"> {
  const labels = headings.map((heading) => heading.toLowerCase());
  const nonToken = NON_TOKEN_TABLES.find((table) => table.hasColumns(labels));
  if (nonToken) return { rows: [], skipped: uniqueNames(entries.map((cells) => propsCellName(cells[0], what))).map((name) => ({ name, reason: nonToken.reason })) };

  const byCategory = labels[0] === "category";
  const nameIndex = byCategory ? 1 : 0;
  if (labels[nameIndex] !== "model") throw new PricingLayoutError(`${what}: unrecognised pricing table with columns ${headings.join(" | ")}`);
  const columns = labels.slice(nameIndex + 1).map((label) => tokenColumn(label));
  if (!columns.every((column): column is TokenColumn => column !== undefined)) {
    throw new PricingLayoutError(`${what}: unrecognised pricing table with columns ${headings.join(" | ")}`);
  }

  const variant = variantOfPane(island.pane, island.component);
  const reading: Omit<TableReading, "statedThresholds"> = { rows: [], skipped: [] };
  for (const cells of entries) {
    if (cells.length !== labels.length) throw new PricingLayoutError(`${what}: a row of ${cells.length} cells under ${labels.length} columns`);
    const name = propsCellName(cells[nameIndex], what);
    const nonTokenCategory = byCategory ? NON_TOKEN_CATEGORIES[propsCellName(cells[0], what).toLowerCase()] : undefined;
    if (nonTokenCategory) {
      reading.skipped.push({ name, reason: nonTokenCategory });
      continue;
    }
    const { model, shortContextLimit } = splitContextQualifier(name);
    reading.rows.push({ model, variant, shortContextLimit, ...pricesInColumns(columns, cells.slice(nameIndex + 1), `${what} ${model}`) });
  }
  return reading;
}

function statedThresholds(props: GroupedTableProps): number[] {
  return (props.headingGroups ?? []).flatMap((group) => {
    const isContextGroup = /^(short|long) context$/i.test(headingLabel(group.label).trim());
    const thousands = headingTooltip(group.label)?.match(/(\d+)K input tokens/)?.[1];
    return isContextGroup && thousands ? [Number(thousands) * 1000] : [];
  });
}

function uniqueNames(names: readonly string[]): string[] {
  return [...new Set(names)];
}
