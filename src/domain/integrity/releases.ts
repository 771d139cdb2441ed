/**
 * Reviewed releases of quarantined prices (releases.yaml beside this module): a held
 * price matching an entry (same source, raw name and headline amounts) is accepted by
 * the source's next run, with the entry's reason recorded as what released it.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { decimalEquals } from "../money.ts";
import type { PriceValue } from "../prices/price-value.ts";
import { describeIssues } from "../zod-issues.ts";

const amount = z.string().regex(/^\d+(\.\d+)?$/, "a decimal string such as \"2.5\"").nullable();

export const releaseSchema = z.object({
  source: z.string().min(1),
  raw: z.string().min(1),
  input: amount,
  output: amount,
  reason: z.string().min(1),
});
export type Release = z.infer<typeof releaseSchema>;

export function parseReleases(text: string, fileName: string): Release[] {
  const result = z.array(releaseSchema).safeParse(parse(text) ?? []);
  if (result.success) return result.data;
  throw new Error(`${fileName}: ${describeIssues(result.error)}`);
}

const RELEASES_FILE = new URL("./releases.yaml", import.meta.url);

let cached: Release[] | undefined;

export function loadReleases(): Release[] {
  cached ??= parseReleases(readFileSync(RELEASES_FILE, "utf8"), "releases.yaml");
  return cached;
}

export function findRelease(releases: readonly Release[], sourceId: string, raw: string, value: PriceValue): Release | undefined {
  return releases.find(
    (release) =>
      release.source === sourceId && release.raw === raw && decimalEquals(release.input, value.input) && decimalEquals(release.output, value.output),
  );
}
