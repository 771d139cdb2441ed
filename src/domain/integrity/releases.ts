/**
 * Reviewed releases (releases.yaml beside this module). `prices`: a held price matching
 * an entry (same source, raw name and headline amounts) is accepted by the source's next
 * run, with the entry's reason recorded as what released it. `shrinks`: a real shrink
 * (a page that dropped legacy models) is accepted for runs of the source observed in
 * the entry's date range, up to the number of delistings it states.
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

export const shrinkReleaseSchema = z.object({
  source: z.string().min(1),
  /** The first UTC day of runs it applies to... */
  from: z.iso.date(),
  /** ...and the last (default: a week after `from`), so it cannot excuse a later fault. */
  until: z.iso.date().optional(),
  /** The most offerings a run may delist under it. */
  lost: z.number().int().positive(),
  reason: z.string().min(1),
});
export type ShrinkRelease = z.infer<typeof shrinkReleaseSchema>;

export const releasesFileSchema = z.object({
  prices: z.array(releaseSchema).default([]),
  shrinks: z.array(shrinkReleaseSchema).default([]),
});
export type Releases = z.infer<typeof releasesFileSchema>;

export function parseReleases(text: string, fileName: string): Releases {
  const result = releasesFileSchema.safeParse(parse(text) ?? {});
  if (result.success) return result.data;
  throw new Error(`${fileName}: ${describeIssues(result.error)}`);
}

const RELEASES_FILE = new URL("./releases.yaml", import.meta.url);

let cached: Releases | undefined;

export function loadReleases(): Releases {
  cached ??= parseReleases(readFileSync(RELEASES_FILE, "utf8"), "releases.yaml");
  return cached;
}

export function findRelease(releases: readonly Release[], sourceId: string, raw: string, value: PriceValue): Release | undefined {
  return releases.find(
    (release) =>
      release.source === sourceId && release.raw === raw && decimalEquals(release.input, value.input) && decimalEquals(release.output, value.output),
  );
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The reviewed shrinks of this source whose date range holds the run's observation time. */
export function shrinkReleasesFor(releases: readonly ShrinkRelease[], sourceId: string, at: Date): ShrinkRelease[] {
  return releases.filter((release) => {
    const from = new Date(`${release.from}T00:00:00Z`).getTime();
    const until = release.until ? new Date(`${release.until}T00:00:00Z`).getTime() + WEEK_MS / 7 : from + WEEK_MS;
    return release.source === sourceId && at.getTime() >= from && at.getTime() < until;
  });
}
