ALTER TABLE "aliases" ADD COLUMN "seen_in_latest_run" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Carry "seen" over: a name whose last sighting is its source's latest one was seen in the
-- latest run. Every alias's last-seen time reads the same as before (aliasLastSeen).
UPDATE "aliases" a SET "seen_in_latest_run" = true FROM "source_sightings" s
WHERE s.source_id = a.source AND a.last_seen_at = s.seen_at;
