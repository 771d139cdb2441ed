/**
 * Who sells inference. Sources spell sellers differently (LiteLLM "together_ai",
 * models.dev "togetherai", OpenRouter "Together"): every parser maps its spelling through
 * canonicalProviderId() so one seller is one provider everywhere.
 */
import { SELLERS, type SellerKind } from "./sellers/catalogue.ts";

/** The coarse kind stored in providers.kind (a database enum); the catalogue's kind refines it. */
export type ProviderKind = "lab" | "host" | "cloud" | "aggregator" | "reference";

interface ProviderEntry {
  id: string;
  name: string;
  kind: ProviderKind;
  sellerKind: SellerKind;
  aliases?: readonly string[];
}

const STORED_KIND: Record<SellerKind, ProviderKind> = {
  lab: "lab",
  cloud: "cloud",
  host: "host",
  router: "aggregator",
  reseller: "aggregator",
  "free-allowance": "aggregator",
  reference: "reference",
};

/** Every seller of the reviewed catalogue (domain/sellers/sellers.yaml). */
export const PROVIDERS: readonly ProviderEntry[] = SELLERS.map((seller) => ({
  id: seller.id,
  name: seller.name,
  kind: STORED_KIND[seller.kind],
  sellerKind: seller.kind,
  aliases: seller.aliases,
}));

const byAlias = new Map<string, ProviderEntry>();
for (const entry of PROVIDERS) {
  byAlias.set(entry.id, entry);
  for (const alias of entry.aliases ?? []) byAlias.set(alias, entry);
}

function slug(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s.]+/g, "-")
    .replace(/[^a-z0-9_-]/g, "");
}

/** Our provider id for a source's spelling of a seller; unknown sellers keep a slug of their own name. */
export function canonicalProviderId(raw: string): string {
  const key = raw.trim().toLowerCase();
  const entry = byAlias.get(key) ?? byAlias.get(slug(raw)) ?? byAlias.get(slug(raw).replace(/_/g, "-"));
  return entry ? entry.id : slug(raw).replace(/_/g, "-");
}

export function providerEntry(id: string): ProviderEntry | undefined {
  return byAlias.get(id);
}
