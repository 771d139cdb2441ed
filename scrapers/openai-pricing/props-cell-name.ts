/** A name cell of the props: plain text, or HTML such as "gpt-3.5-turbo<br /><small>Legacy</small>" (named "gpt-3.5-turbo"). */
import { PricingLayoutError } from "./errors.ts";
import { pricingHtmlMainText } from "./pricing-html.ts";
import type { PropsCell } from "./props-schemas.ts";

export function propsCellName(cell: PropsCell, what: string): string {
  const name = typeof cell === "string" ? cell.trim() : typeof cell === "object" && cell !== null ? pricingHtmlMainText(cell.__pricingHtml) : "";
  if (!name) throw new PricingLayoutError(`${what}: a row without a name (${JSON.stringify(cell)})`);
  return name;
}
