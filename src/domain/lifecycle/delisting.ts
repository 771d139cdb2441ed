/**
 * Delisting by every source (issue 13): a model no source lists any more is retired as of
 * the date the last one dropped it. A source lists the model at a date when one of its
 * periods for the model is valid then and was seen within k runs (domain/prices/freshness.ts)
 * of the source's own latest run before the date: a full snapshot closes the period of an
 * offering it no longer carries, a page scraper leaves it open but stops seeing it.
 * A source that stopped running says nothing new: its last payload still counts as listing.
 */
import { isFresh, type IntervalOf } from "../prices/freshness.ts";

export interface SourceListing {
  source: string;
  /** The latest sighting of a period valid at the date (clamped to it), or null when none is valid. */
  openSeenAt: Date | null;
  /** The latest end of a period that closed by the date (the run that no longer listed it), or null. */
  closedAt: Date | null;
  /** The source's latest successful run observed by the date. */
  latestRunAt: Date | null;
}

export interface Delisting {
  since: Date;
  /** The sources that listed the model before. */
  sources: string[];
}

export function delistingOf(listings: readonly SourceListing[], intervalOf: IntervalOf): Delisting | null {
  if (listings.length === 0) return null;
  const lists = (listing: SourceListing) =>
    listing.openSeenAt !== null && isFresh(listing.openSeenAt, listing.latestRunAt ?? listing.openSeenAt, intervalOf(listing.source));
  if (listings.some(lists)) return null;
  const dropped = listings.flatMap((listing) => [listing.closedAt, listing.openSeenAt]).filter((date): date is Date => date !== null);
  if (dropped.length === 0) return null;
  return { since: new Date(Math.max(...dropped.map((date) => date.getTime()))), sources: [...new Set(listings.map((listing) => listing.source))].sort() };
}
