/**
 * The reviewed seller catalogue (sellers.yaml beside this module): each seller's kind,
 * whether a caller can buy from it directly, its region, and the reason for the entry.
 * Ranking uses it to decide which offerings a router can buy by default and how ties break.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

export const SELLER_KINDS = ["lab", "cloud", "host", "router", "reseller", "free-allowance", "reference"] as const;

const sellerSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a seller id is a lower-case slug"),
  name: z.string().min(1),
  kind: z.enum(SELLER_KINDS),
  buyDirect: z.boolean(),
  region: z.enum(["global", "china"]),
  notes: z.string().optional(),
  aliases: z.array(z.string().min(1)).optional(),
  reason: z.string().min(1),
});

export type SellerEntry = z.infer<typeof sellerSchema>;
export type SellerKind = SellerEntry["kind"];

const CATALOGUE_FILE = new URL("./sellers.yaml", import.meta.url);

/** Parses and checks a catalogue text: ids and aliases are unique, so a spelling names one seller. */
export function parseSellerCatalogue(text: string): SellerEntry[] {
  const entries = z.array(sellerSchema).parse(parse(text));
  const seen = new Map<string, string>();
  for (const entry of entries) {
    for (const name of [entry.id, ...(entry.aliases ?? [])]) {
      const owner = seen.get(name);
      if (owner !== undefined) throw new Error(`seller catalogue: "${name}" names both ${owner} and ${entry.id}`);
      seen.set(name, entry.id);
    }
  }
  return entries;
}

export const SELLERS: readonly SellerEntry[] = parseSellerCatalogue(readFileSync(CATALOGUE_FILE, "utf8"));

/** Kinds ranked by default: the model makers, hyperscalers and established hosts. */
export const DEFAULT_SELLER_KINDS: ReadonlySet<SellerKind> = new Set(["lab", "cloud", "host"]);

/** Most trusted first: a tie between equal prices goes to the earlier kind. */
const TRUST_ORDER: readonly SellerKind[] = ["lab", "cloud", "host", "router", "reseller", "free-allowance", "reference"];

const byId = new Map(SELLERS.map((entry) => [entry.id, entry]));

export function sellerEntry(id: string): SellerEntry | undefined {
  return byId.get(id);
}

/** 0 for the model's maker, then 1 + the kind's place in the trust order; sellers outside the catalogue last. */
export function trustRank(sellerId: string, modelCreator: string | null): number {
  if (modelCreator !== null && sellerId === modelCreator) return 0;
  const entry = byId.get(sellerId);
  return entry ? 1 + TRUST_ORDER.indexOf(entry.kind) : 1 + TRUST_ORDER.length;
}
