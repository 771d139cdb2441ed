/** Shapes of the decoded props of the pricing islands, validated before any value is read. */
import { z } from "zod";

/** A table cell: a number (USD per 1M tokens), a display string ("$0.10", "-", "Free", "$0.006 / minute"), HTML, or nothing. */
export const propsCellSchema = z.union([z.number(), z.string(), z.null(), z.undefined(), z.object({ __pricingHtml: z.string() })]);
export type PropsCell = z.infer<typeof propsCellSchema>;

const tooltipHeadingSchema = z.object({ __pricingTooltipHeading: z.object({ label: z.string(), tooltip: z.string().optional() }) });
export const headingSchema = z.union([z.string(), tooltipHeadingSchema]);
export type Heading = z.infer<typeof headingSchema>;

/** TextTokenPricingTables: every model of one service tier, short-context prices only. */
export const textTokenPropsSchema = z.object({ rows: z.array(z.array(propsCellSchema).min(2)) });

/** GroupedPricingTable: rows grouped under a first-column value (a model, a category or a tool). */
export const groupedTablePropsSchema = z.object({
  headings: z.array(headingSchema).min(2),
  headingGroups: z.array(z.object({ label: headingSchema, colSpan: z.number() })).optional(),
  groups: z.array(z.object({ model: z.string(), rows: z.array(z.array(propsCellSchema)) })),
});
export type GroupedTableProps = z.infer<typeof groupedTablePropsSchema>;

/** PricingTable: plain rows (fine-tuning). */
export const flatTablePropsSchema = z.object({ headings: z.array(headingSchema).min(2), rows: z.array(z.array(propsCellSchema)) });

export function headingLabel(heading: Heading): string {
  return typeof heading === "string" ? heading : heading.__pricingTooltipHeading.label;
}

export function headingTooltip(heading: Heading): string | undefined {
  return typeof heading === "string" ? undefined : heading.__pricingTooltipHeading.tooltip;
}
