/**
 * A fingerprint of the history a database holds: every price and score period and every
 * change event, as sorted text lines keyed by what they describe (provider, model,
 * variant, region, source, benchmark, setting, dates, values), without what differs
 * between two equally correct ingests: ids, run ids, recorded_at. Two databases that went
 * through different faults, retries and resumptions hold the same history exactly when
 * their fingerprints are equal. `lastSeen: false` leaves out the last-seen marks, for
 * checks that a run changed no price (a good entry of a run that held another is seen again).
 */
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../src/db/client.ts";

export interface HistoryFingerprint {
  /** One line per period or event, sorted. */
  lines: string[];
  counts: { pricePeriods: number; openPricePeriods: number; scorePeriods: number; changeEvents: number };
  /** sha256 of the lines. */
  digest: string;
}

async function lines(db: Executor, query: SQL): Promise<string[]> {
  const result = await db.execute(query);
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as Array<{ line: string }>;
  return rows.map((row) => row.line);
}

// Timestamps as UTC text and numerics as text, so both drivers print them alike.
const ts = (column: SQL) => sql`coalesce(to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'), '-')`;

// A period seen in its source's latest run was last seen at the source's latest sighting.
const lastSeen = (period: SQL) =>
  sql`(case when ${period}.seen_in_latest_run then coalesce((select seen_at from source_sightings where source_id = ${period}.source_id), ${period}.last_seen_at) else ${period}.last_seen_at end)`;

export async function historyFingerprint(db: Executor, options: { lastSeen?: boolean } = {}): Promise<HistoryFingerprint> {
  const seen = (column: SQL) => (options.lastSeen === false ? sql`'-'` : ts(column));
  const prices = await lines(
    db,
    sql`select concat_ws(' | ', 'price', o.provider_id, o.model_id, o.variant, o.region, p.source_id, p.currency::text,
          coalesce(p.input::text, '-'), coalesce(p.output::text, '-'), coalesce(p.cache_read::text, '-'),
          coalesce(p.cache_write::text, '-'), coalesce(p.cache_write1h::text, '-'), p.tiers::text,
          ${ts(sql`p.valid_from`)}, ${ts(sql`p.valid_to`)}, ${seen(lastSeen(sql`p`))}) as line
        from price_periods p join offerings o on o.id = p.offering_id`,
  );
  const scores = await lines(
    db,
    sql`select concat_ws(' | ', 'score', s.model_id, s.benchmark_id, s.source_id, s.setting, s.score::text,
          coalesce(s.ci_lower::text, '-'), coalesce(s.ci_upper::text, '-'), coalesce(s.votes::text, '-'),
          coalesce(s.cost_usd::text, '-'), s.raw_name, ${ts(sql`s.valid_from`)}, ${ts(sql`s.valid_to`)}, ${seen(lastSeen(sql`s`))}) as line
        from score_periods s`,
  );
  // An event names its periods by their start, not their ids.
  const events = await lines(
    db,
    sql`select concat_ws(' | ', 'event', o.provider_id, o.model_id, o.variant, o.region, e.source_id, e.kind::text,
          ${ts(sql`e.effective_at`)}, ${ts(sql`old_p.valid_from`)}, ${ts(sql`new_p.valid_from`)},
          coalesce(e.old_blended::text, '-'), coalesce(e.new_blended::text, '-'), coalesce(e.change_ratio::text, '-'),
          e.direction::text) as line
        from change_events e join offerings o on o.id = e.offering_id
        left join price_periods old_p on old_p.id = e.old_period_id
        left join price_periods new_p on new_p.id = e.new_period_id`,
  );
  const open = await lines(db, sql`select id::text as line from price_periods where valid_to is null`);
  const all = [...prices, ...scores, ...events].sort();
  return {
    lines: all,
    counts: { pricePeriods: prices.length, openPricePeriods: open.length, scorePeriods: scores.length, changeEvents: events.length },
    digest: createHash("sha256").update(all.join("\n")).digest("hex"),
  };
}
