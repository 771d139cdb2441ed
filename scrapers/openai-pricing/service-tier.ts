/**
 * The tier switcher pane an island sits in names its service tier. "Priority processing
 * was renamed Fast mode on July 30, 2026" (the page's own note; `service_tier: "priority"`
 * still works), so "fast" stays the "priority" variant and its history continues.
 */
import { PricingLayoutError } from "./errors.ts";

const VARIANT_BY_PANE: Record<string, string> = { standard: "standard", batch: "batch", flex: "flex", priority: "priority", fast: "priority" };

export function variantOfPane(pane: string | undefined, component: string): string {
  if (pane === undefined) return "standard";
  const variant = VARIANT_BY_PANE[pane];
  if (!variant) throw new PricingLayoutError(`${component} island sits in an unknown service-tier pane "${pane}"`);
  return variant;
}
