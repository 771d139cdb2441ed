/**
 * Which consolidated offering a router may buy by default (issue 13), and why another is
 * left out. Each rule yields to the caller asking for it:
 * - reference figures (medians across sellers) are never offerings;
 * - variants other than those asked for (default "standard": batch is asynchronous, flex
 *   is best-effort, free is rate-limited: none is an interactive price);
 * - sellers outside the default kinds (lab, cloud, host): routers, resellers, gateways and
 *   free allowances count when named in `providers` or with sellers "all"; sellers outside
 *   the catalogue only when named (community tables list hundreds nobody checks);
 * - prices in another currency than the one asked for (default USD): ranking compares
 *   prices in one currency and converts none (a CNY price list is not a USD price at
 *   today's rate); `currency: "CNY"` ranks the offerings priced in CNY, in CNY;
 * - China-only offerings (region "cn", or a seller the catalogue places in China) only
 *   with regions ["cn"] or when the seller is named;
 * - a standard offering priced 0/0 (a free allowance's fill-in, not a price to scale on);
 * - suspect prices (domain/prices/suspect.ts) unless the seller is named or includeSuspect;
 * - deprecated and retired models unless includeWithdrawn.
 */
import { isWithdrawn, type Lifecycle } from "../lifecycle/lifecycle.ts";
import { DEFAULT_SELLER_KINDS, sellerEntry } from "../sellers/catalogue.ts";

export interface EligibilityOptions {
  providers?: string[];
  excludeProviders?: string[];
  /** Offering variants a router may use; default standard only. */
  variants?: string[];
  /** "default": labs, clouds and established hosts; "all": every catalogued seller. */
  sellers?: "default" | "all";
  /** Regions beyond the global offerings, e.g. ["cn"]. */
  regions?: string[];
  /** The currency prices are ranked in; offerings priced in another are left out. Default USD. */
  currency?: "USD" | "CNY" | "EUR";
  includeSuspect?: boolean;
  /** Rank deprecated and retired models too. */
  includeWithdrawn?: boolean;
}

export interface EligibilityInput {
  provider: string;
  providerKind: string;
  variant: string;
  region: string;
  currency: string;
  input: string | null;
  output: string | null;
  suspect: boolean;
  lifecycle: Lifecycle;
}

/** The reason the offering is left out, or null when a router may buy it. */
export function exclusionOf(price: EligibilityInput, options: EligibilityOptions): string | null {
  const seller = sellerEntry(price.provider);
  const named = options.providers?.includes(price.provider) ?? false;
  if (price.providerKind === "reference" || seller?.kind === "reference") return "a reference figure, not a seller";
  if (options.providers && !named) return "seller not among the named providers";
  if (options.excludeProviders?.includes(price.provider)) return "seller excluded";
  if (!(options.variants ?? ["standard"]).includes(price.variant)) return `variant ${price.variant} not asked for`;
  const currency = options.currency ?? "USD";
  if (price.currency !== currency) return `priced in ${price.currency}, ranking in ${currency}; ask with currency "${price.currency}"`;
  if (!named) {
    if (!seller) return "seller outside the reviewed catalogue";
    if (options.sellers !== "all" && !DEFAULT_SELLER_KINDS.has(seller.kind)) return `${seller.kind} sellers count only when named or with sellers "all"`;
    const china = price.region === "cn" || seller.region === "china";
    if (china && !(options.regions ?? []).includes("cn")) return "China-only offering; ask with regions [\"cn\"]";
    if (price.variant !== "free" && price.input === "0" && price.output === "0") return "priced 0/0 without being a free variant";
    if (price.suspect && !options.includeSuspect) return "suspect price";
  }
  if (isWithdrawn(price.lifecycle) && !options.includeWithdrawn) return `model ${price.lifecycle.stage}`;
  return null;
}
