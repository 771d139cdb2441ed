CREATE TABLE "source_sightings" (
	"source_id" text PRIMARY KEY NOT NULL,
	"run_id" bigint,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "price_periods" ADD COLUMN "seen_in_latest_run" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "score_periods" ADD COLUMN "seen_in_latest_run" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "source_sightings" ADD CONSTRAINT "source_sightings_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_sightings" ADD CONSTRAINT "source_sightings_run_id_scrape_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."scrape_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Carry "seen" over: each source's latest sighting is the newest last_seen_at of its open
-- periods; the open periods seen then are marked seen in the latest run. Every period's
-- last-seen time reads the same as before.
INSERT INTO "source_sightings" ("source_id", "run_id", "seen_at")
SELECT seen.source_id,
  (SELECT r.id FROM "scrape_runs" r WHERE r.source_id = seen.source_id AND r.status = 'succeeded' AND r.observed_at = seen.seen_at ORDER BY r.id DESC LIMIT 1),
  seen.seen_at
FROM (
  SELECT source_id, max(last_seen_at) AS seen_at FROM (
    SELECT source_id, last_seen_at FROM "price_periods" WHERE valid_to IS NULL
    UNION ALL
    SELECT source_id, last_seen_at FROM "score_periods" WHERE valid_to IS NULL
  ) AS open_periods GROUP BY source_id
) AS seen;--> statement-breakpoint
UPDATE "price_periods" p SET "seen_in_latest_run" = true FROM "source_sightings" s
WHERE s.source_id = p.source_id AND p.valid_to IS NULL AND p.last_seen_at = s.seen_at;--> statement-breakpoint
UPDATE "score_periods" p SET "seen_in_latest_run" = true FROM "source_sightings" s
WHERE s.source_id = p.source_id AND p.valid_to IS NULL AND p.last_seen_at = s.seen_at;
