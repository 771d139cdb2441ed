/**
 * The identity audit (`pricewar models audit`, models.audit): what in the catalogue
 * looks like one model under several ids, a seller taken for a maker, a setting stored
 * as a model, and which unmatched names pile up. Pure: the query module feeds it rows.
 *
 * The near-duplicate key is deliberately independent of the resolver's normal form, so
 * the audit checks the resolver instead of agreeing with it by construction.
 */
import { providerEntry } from "../providers.ts";
import { creatorFromName } from "../resolve/creators.ts";
import { splitSetting } from "../resolve/settings.ts";

export interface AuditModel {
  id: string;
  creator: string;
  name: string;
}

export interface AuditUnmatchedName {
  source: string;
  rawName: string;
  note: string | null;
}

export interface NearDuplicateSet {
  key: string;
  /** "spelling": separators, version spelling or word order; "date": only the date is written differently. */
  kind: "spelling" | "date";
  ids: string[];
}

export interface SellerAsCreator {
  id: string;
  /** The creator the id names. */
  seller: string;
  /** Its kind in the provider catalogue, null where it sells nothing there. */
  sellerKind: string | null;
  /** The maker the name's family points to. */
  familyCreator: string;
}

export interface SettingAsModel {
  id: string;
  base: string;
  setting: string;
}

export interface UnmatchedGroup {
  reason: string;
  names: number;
  sources: string[];
  examples: string[];
}

export interface IdentityAudit {
  models: number;
  nearDuplicates: NearDuplicateSet[];
  sellerAsCreator: SellerAsCreator[];
  settingAsModel: SettingAsModel[];
  unmatched: UnmatchedGroup[];
}

const MONTH_NUMBER: Record<string, string> = {
  jan: "01", feb: "02", mar: "03", apr: "04", may: "05", jun: "06",
  jul: "07", aug: "08", sep: "09", oct: "10", nov: "11", dec: "12",
};

const validMonthDay = (month: string, day: string) => Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31;

/**
 * Every way a date is written, as one token: a full date (20250416, 2025-04-16) and a
 * month-day (0416, 04-16) both become "§0416", since the sources that drop the year
 * still mean that snapshot; a month (2024-05, May '24, may-2024) becomes "§202405".
 */
export function dateTokens(name: string): string {
  let text = name.toLowerCase();
  text = text.replace(/(?<![a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-_ ]*'?(20\d{2}|\d{2})(?!\d)/g, (_m, month: string, year: string) => {
    return `§${year.length === 2 ? `20${year}` : year}${MONTH_NUMBER[month]}`;
  });
  text = text.replace(/(?<!\d)20\d{2}[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/g, (whole, month: string, day: string) => (validMonthDay(month, day) ? `§${month}${day}` : whole));
  text = text.replace(/(?<!\d)(20\d{2})[-_](\d{2})(?![\d-])/g, (whole, year: string, month: string) => (Number(month) <= 12 ? `§${year}${month}` : whole));
  text = text.replace(/(?<=[-_])(\d{2})[-_]?(\d{2})(?=$|[-_:@])/g, (whole, month: string, day: string) => (validMonthDay(month, day) ? `§${month}${day}` : whole));
  return text;
}

/**
 * The audit key of a model name: dates in one spelling, then the words and numbers in
 * sorted order with version digits run together, so claude-opus-4.5 / claude-opus-45 /
 * claude-opus4.5, gpt-3.5-turbo / gpt-35-turbo and claude-3-haiku / claude-haiku-3 share
 * a key while gpt-4o and gpt-40, mini and full, command-r and command-r+, or two dates do not.
 */
export function nearDuplicateKey(name: string): string {
  // "+" is a word of its own: command-r+ is command-r-plus, never command-r.
  // A final "-v1" (Bedrock's revision, or a first version) names the same model as the bare name.
  const parts = dateTokens(name.replace(/\+/g, "-plus-").replace(/-v1(?::0)?$/i, ""))
    .split(/[^a-z0-9§]+/)
    .flatMap((part) => part.match(/§\d+|[a-z]+|\d+/g) ?? []);
  const tokens: string[] = [];
  for (const part of parts) {
    const previous = tokens.at(-1);
    if (/^\d+$/.test(part) && previous !== undefined && /^\d+$/.test(previous)) tokens[tokens.length - 1] = previous + part;
    else tokens.push(part);
  }
  return tokens.sort().join(" ");
}

/** The key without any date: names equal here but not under nearDuplicateKey differ in their dates. */
const undatedKey = (key: string) => key.split(" ").filter((token) => !token.startsWith("§")).join(" ");

function nearDuplicates(models: readonly AuditModel[]): NearDuplicateSet[] {
  const byKey = new Map<string, string[]>();
  for (const model of models) {
    const key = nearDuplicateKey(model.name);
    byKey.set(key, [...(byKey.get(key) ?? []), model.id]);
  }
  const sets: NearDuplicateSet[] = [];
  for (const [key, ids] of byKey) {
    if (ids.length < 2) continue;
    // The same date in several spellings: the plain names differ only in how it is written.
    const kind = key !== undatedKey(key) && new Set(ids.map((id) => id.replace(/[^a-z]/g, ""))).size === 1 ? "date" : "spelling";
    sets.push({ key, kind, ids: [...ids].sort() });
  }
  return sets.sort((a, b) => b.ids.length - a.ids.length || a.key.localeCompare(b.key));
}

/**
 * An id whose creator is not the maker its name's family points to: a seller taken for
 * the maker (databricks/claude-opus-4.7, tencent/deepseek-v4-flash). A seller's own
 * models (Databricks' DBRX, NVIDIA's Nemotron) and names of no known family are not
 * listed: the audit cannot tell their maker from the name either.
 */
function sellersAsCreators(models: readonly AuditModel[]): SellerAsCreator[] {
  const found: SellerAsCreator[] = [];
  for (const model of models) {
    const familyCreator = creatorFromName(model.name);
    if (familyCreator === null || familyCreator === model.creator) continue;
    found.push({ id: model.id, seller: model.creator, sellerKind: providerEntry(model.creator)?.kind ?? null, familyCreator });
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

function settingsAsModels(models: readonly AuditModel[]): SettingAsModel[] {
  const found: SettingAsModel[] = [];
  for (const model of models) {
    const { base, setting } = splitSetting(model.name);
    if (setting !== null) found.push({ id: model.id, base: `${model.creator}/${base}`, setting });
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

function unmatchedGroups(names: readonly AuditUnmatchedName[], examplesPerGroup = 5): UnmatchedGroup[] {
  const byReason = new Map<string, AuditUnmatchedName[]>();
  for (const name of names) {
    const reason = name.note ?? "no reason recorded";
    byReason.set(reason, [...(byReason.get(reason) ?? []), name]);
  }
  return [...byReason]
    .map(([reason, group]) => ({
      reason,
      names: group.length,
      sources: [...new Set(group.map((name) => name.source))].sort(),
      examples: group.slice(0, examplesPerGroup).map((name) => `${name.source}: ${name.rawName}`),
    }))
    .sort((a, b) => b.names - a.names || a.reason.localeCompare(b.reason));
}

export function auditIdentity(models: readonly AuditModel[], unmatched: readonly AuditUnmatchedName[], limit = 20): IdentityAudit {
  return {
    models: models.length,
    nearDuplicates: nearDuplicates(models),
    sellerAsCreator: sellersAsCreators(models),
    settingAsModel: settingsAsModels(models),
    unmatched: unmatchedGroups(unmatched).slice(0, limit),
  };
}
