/**
 * One Portkey `pricing/<provider>.json` document to candidate observations (before the
 * cross-file de-duplication) and skipped entries.
 */
import { z } from "zod";
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, parseJsonDocument, type PayloadDocument } from "../source.ts";
import { foldContextTierNames } from "./contextTierNames.ts";
import { offersOf, type Offer } from "./offers.ts";
import { entrySchema, type PortkeyEntry } from "./schema.ts";
import { portkeyProviderId, providerFileOf } from "./sellers.ts";
import { PORTKEY_SOURCE_ID } from "./sourceId.ts";
import { NO_TOKEN_PRICE, offerVerdict } from "./verdict.ts";
import { appendAll } from "../lib/append-all.ts";

/**
 * The `default` entry holds the file's cost formula and zero rates, not a model. Every
 * pricing file has one, even those with no model (sagemaker, segmind: priced per deployment).
 */
const FORMULA_KEY = "default";
const TOKEN_RATE_KEYS = new Set(["request_token", "response_token", "cache_read_input_token", "cache_write_input_token"]);
const PRICING_CONFIG_FRAME_KEYS = new Set(["pay_as_you_go", "batch_config", "currency", "calculate"]);

export interface Candidate {
  observation: PriceObservation;
  providerFile: string;
}

export interface PricingFileOutcome {
  candidates: Candidate[];
  skipped: SkippedEntry[];
}

export function readPricingFile(document: PayloadDocument): PricingFileOutcome {
  const providerFile = providerFileOf(document.name);
  if (!providerFile) throw new PayloadError(PORTKEY_SOURCE_ID, "cannot tell the provider: expected a pricing/<provider>.json document", document.name);
  const provider = portkeyProviderId(providerFile);
  const payload = parseJsonDocument(PORTKEY_SOURCE_ID, document);
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new PayloadError(PORTKEY_SOURCE_ID, "expected a JSON object of model entries", document.name);
  }
  if (!(FORMULA_KEY in payload)) throw new PayloadError(PORTKEY_SOURCE_ID, `no "${FORMULA_KEY}" entry: not a Portkey pricing file`, document.name);

  const skipped: SkippedEntry[] = [];
  const offersByName = new Map<string, Offer[]>();
  const otherUnits = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(payload)) {
    if (name === FORMULA_KEY) {
      skipped.push({ name: `${providerFile}/${name}`, reason: "cost formula of the file, not a model" });
      continue;
    }
    const entry = parseEntry(document.name, name, raw);
    const offers = offersOf(name, entry);
    if (offers.length === 0) {
      skipped.push({ name: `${providerFile}/${name}`, reason: "no pricing_config" });
      continue;
    }
    offersByName.set(name, offers);
    otherUnits.set(name, otherUnitKeys(entry));
  }

  const { offersByModel, folded } = foldContextTierNames(offersByName);
  appendAll(skipped, folded.map(({ name, reason }) => ({ name: `${providerFile}/${name}`, reason })));
  const candidates: Candidate[] = [];
  for (const [model, offers] of offersByModel) {
    for (const offer of offers) {
      const verdict = offerVerdict(provider, model, offer);
      if ("observation" in verdict) {
        candidates.push({ observation: verdict.observation, providerFile });
        continue;
      }
      const units = otherUnits.get(model) ?? [];
      const reason = verdict.reason === NO_TOKEN_PRICE && units.length > 0 ? `${verdict.reason}; priced by ${units.join(", ")}` : verdict.reason;
      skipped.push({ name: `${providerFile}/${offerName(model, offer)}`, reason });
    }
  }
  return { candidates, skipped };
}

function parseEntry(documentName: string, name: string, raw: unknown): PortkeyEntry {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) {
    throw new PayloadError(PORTKEY_SOURCE_ID, `entry "${name}" is not a pricing entry: ${z.prettifyError(parsed.error)}`, documentName);
  }
  const currency = parsed.data.pricing_config?.currency;
  if (currency !== undefined && currency !== "USD") {
    throw new PayloadError(PORTKEY_SOURCE_ID, `entry "${name}" is priced in ${currency}; only US cents are understood`, documentName);
  }
  return parsed.data;
}

/** Rates in units other than text tokens (image, additional_units, request_text_token, finetune_config...). */
function otherUnitKeys(entry: PortkeyEntry): string[] {
  const payAsYouGo = Object.keys(entry.pricing_config?.pay_as_you_go ?? {}).filter((key) => !TOKEN_RATE_KEYS.has(key));
  const elsewhere = Object.keys(entry.pricing_config ?? {}).filter((key) => !PRICING_CONFIG_FRAME_KEYS.has(key));
  return [...payAsYouGo, ...elsewhere];
}

export function offerName(model: string, offer: Pick<Offer, "variant" | "region">): string {
  if (offer.variant === "standard" && offer.region === "") return model;
  return `${model} [${offer.variant}${offer.region ? `@${offer.region}` : ""}]`;
}
